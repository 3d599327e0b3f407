import IncidentEngine
@testable import Reports
import Testing

/// The Timesketch file, line by line and field by field, against what
/// Timesketch's importer requires: JSON Lines with `message`, `datetime`
/// (ISO 8601 with milliseconds and offset), `timestamp` (integer
/// microseconds since the epoch, agreeing with `datetime`) and `timestamp_desc`.
@Suite struct TimesketchTests {
    static func lines(exercise: Bool = false) throws -> (ExportInput, [String]) {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: exercise))
        let text = TimelineExport.render(input, format: .timesketch)
        #expect(text.hasSuffix("\n"))
        return (input, text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    /// `2026-11-29T03:10:00.000+01:00`: exactly this shape.
    static func isISO8601WithMillisecondsAndOffset(_ text: String) -> Bool {
        let shape = Array("dddd-dd-ddTdd:dd:dd.ddd+dd:dd".utf8)
        let bytes = Array(text.utf8)
        guard bytes.count == shape.count else { return false }
        for (byte, want) in zip(bytes, shape) {
            switch want {
            case UInt8(ascii: "d"): guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            case UInt8(ascii: "+"): guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else { return false }
            default: guard byte == want else { return false }
            }
        }
        return true
    }

    @Test func everyLineHasTheRequiredFieldsFirst() throws {
        let (input, lines) = try Self.lines()
        #expect(lines.count == input.records.count)
        for (line, record) in zip(lines, input.records) {
            #expect(line.hasPrefix("{\"message\":\""))
            let datetime = line.between("\"datetime\":\"", "\"")
            #expect(Self.isISO8601WithMillisecondsAndOffset(datetime), "\(datetime)")
            #expect(Timestamp(rfc3339: datetime) == record.occurred)
            let timestamp = try #require(Int64(line.between("\"timestamp\":", ",")))
            #expect(timestamp == record.occurred.millisecondsSinceEpoch * 1_000)
            #expect(timestamp / 1_000 == Timestamp(rfc3339: datetime)?.millisecondsSinceEpoch)
            let description = line.between("\"timestamp_desc\":\"", "\"")
            #expect(description == (record.occurred < record.recorded ? "Occurred (back-dated)" : "Occurred"))
            #expect(line.between("\"seq\":", ",") == "\(record.seq)")
            #expect(line.between("\"actor\":\"", "\"") == record.actor)
            #expect(line.between("\"kind\":\"", "\"") == record.kind.rawValue)
            #expect(line.contains("\"phase\":"))
            #expect(line.between("\"step\":", ",") == (record.event.step.map { "\"\($0)\"" } ?? "null"))
            #expect(line.between("\"incident_id\":\"", "\"") == ExportFixtures.incidentID)
            #expect(line.between("\"entry_hash\":\"", "\"") == record.hash)
            #expect(Timestamp(rfc3339: line.between("\"recorded\":\"", "\"")) == record.recorded)
            #expect(line.hasSuffix("\"data_type\":\"vakt:incident:event\"}"))
        }
        // A UTC time keeps its offset spelled out.
        let utc = ExportFixtures.opened.withOffset(minutes: 0)
        var writer = ExportWriter()
        writer.timestamp(utc, alwaysOffset: true)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "2026-11-29T02:10:00.000+00:00")
    }

    @Test func messagesNameThePhaseAndWhatHappened() throws {
        let (_, lines) = try Self.lines()
        let messages = lines.map { $0.between("{\"message\":\"", "\",\"datetime\"") }
        #expect(messages.contains("[Begrensning] Steg fullført: 2. Isoler berørte systemer: Koblet fra 04:30"))
        #expect(messages.contains("[Oppdagelse] Notat: Brukerstøtte fikk første telefon om låste filer"))
        #expect(lines.contains { $0.contains("\"timestamp_desc\":\"Occurred (back-dated)\"") && $0.contains("\"kind\":\"note_added\"") })
    }

    @Test(.enabled(if: Python.isAvailable))
    func pythonReadsEveryLineAndAgreesOnTheTime() throws {
        let (input, lines) = try Self.lines(exercise: true)
        let program = """
            import sys, json
            from datetime import datetime
            required = ['message', 'datetime', 'timestamp', 'timestamp_desc']
            extra = ['seq', 'recorded', 'actor', 'kind', 'phase', 'step', 'incident_id', 'entry_hash']
            for number, line in enumerate(open(sys.argv[1], encoding='utf-8'), 1):
                event = json.loads(line)
                assert list(event)[:4] == required, (number, list(event)[:4])
                assert isinstance(event['message'], str) and event['message']
                assert isinstance(event['timestamp'], int)
                parsed = datetime.fromisoformat(event['datetime'])
                assert parsed.utcoffset() is not None, number
                assert round(parsed.timestamp() * 1000000) == event['timestamp'], (number, event['datetime'])
                if event['kind'] != 'exercise_marking':
                    missing = [k for k in extra if k not in event]
                    assert not missing, (number, missing)
                assert event['exercise'] is True
                print(event['kind'])
            """
        let outcome = try #require(Python.run(program, input: lines.joined(separator: "\n") + "\n"))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let kinds = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(kinds.first == "exercise_marking" && kinds.last == "exercise_marking")
        #expect(Array(kinds.dropFirst().dropLast()) == input.records.map(\.kind.rawValue))
    }
}
