import IncidentEngine
import IncidentStore
import PlaybookFormat
import Reports
import RunnerUI

/// The export dialog's work: the timeline written to a file in the
/// incident's own folder (always there and writable, unlike whatever folder
/// vakt was started in), named by format and time so that a second export
/// never overwrites the first.
enum TimelineFile {
    /// The formats the dialog offers: exactly those `vakt export` writes, with their own labels.
    static let formats: [ExportFormatOption] = ExportFormat.allCases.map { format in
        ExportFormatOption(id: format.id, label: LocalizedText(nb: format.label(.nb), en: format.label(.en)))
    }

    /// Writes the export of what the UI shows (its records and their fold) and returns the file's path.
    static func write(
        formatID: String, app: RunnerApp, folder: IncidentFolder, language: UILanguage, now: Timestamp
    ) throws -> String {
        guard let format = ExportFormat(id: formatID) else {
            throw CommandFailure("no export format '\(formatID)'", exitCode: 2)
        }
        let input = ExportInput(
            incidentID: app.incidentID, playbook: app.playbook, records: app.records, state: app.state,
            contacts: app.contacts, language: language == .nb ? .nb : .en, now: now)
        let path = folder.path + "/" + fileName(format: format, now: now)
        try ExportCommand.write(to: path) { sink in
            try TimelineExport.write(input, format: format, to: &sink)
        }
        return path
    }

    /// `timeline-20261129-031000.md`: local date and time of the export.
    static func fileName(format: ExportFormat, now: Timestamp) -> String {
        let stamp = String(now.rfc3339.prefix(19).compactMap { character -> Character? in
            character == "T" ? "-" : (character == "-" || character == ":" ? nil : character)
        })
        return "timeline-\(stamp).\(format.fileExtension)"
    }
}

