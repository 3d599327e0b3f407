import Foundation
import Testing

/// Screens compared line by line with readable text files in `Golden/`.
///
/// Run with `VAKT_UPDATE_GOLDEN=1` to write the files from what the screens
/// show now (then read the diff in git before committing it); otherwise a
/// difference fails the test with the lines that differ.
enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static var updating: Bool {
        ProcessInfo.processInfo.environment["VAKT_UPDATE_GOLDEN"] == "1"
    }

    static func check(_ lines: [String], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = lines.joined(separator: "\n") + "\n"
        if updating {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record(
                "no golden file \(name).txt; run with VAKT_UPDATE_GOLDEN=1 to write it. The screen:\n\(actual)",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record("\(name).txt differs:\n\(diff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }

    /// The differing lines, numbered from 0 as grid rows are.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var report: [String] = []
        for row in 0..<max(old.count, new.count) {
            let a = row < old.count ? old[row] : "(no line)"
            let b = row < new.count ? new[row] : "(no line)"
            if a != b { report.append("row \(row):\n  expected: \(a)\n  actual:   \(b)") }
        }
        return report.joined(separator: "\n")
    }
}
