import Glibc
import Testing
import VaktTestSupport

/// `vakt export` and `vakt review` as a user runs them: an incident opened
/// and walked with the scriptable commands, then exported in every format.
@Suite struct ExportCommandTests {
    static let playbook = """
        playbook: ransomware
        title: Løsepengevirus (ransomware)
        lang: nb
        version: 2026.1

        roles:
          - oncall: IKT-vakt
          - dpo: Personvernombud

        deadline report: Varsle ledelsen
          within: 2h
          until: notify
          warn: 30m

        phase detection: Oppdage og vurdere
          step triage: Vurder varselet
            role: oncall
            expect: 15m
            check:
              - Noter tidspunktet for første varsel
            record: Berørte maskiner og brukere
            ask: Er filer kryptert?
              - Ja -> isolate
              - Nei -> notify

        phase containment: Begrense skaden
          step isolate: Isoler berørte systemer
            role: oncall
            expect: 30m
            do: Koble maskinene fra nettet.
            notify: kommunecert
          step notify: Varsle ledelsen
            role: dpo
            do: Ring kommunedirektøren.

        phase recovery: Gjenopprette
          step restore: Gjenopprett fra sikkerhetskopi
            role: oncall
            do: Les tilbake.
            ask: Er alt gjenopprettet?
              - Ja -> next
              - Nei -> isolate

        phase normal: Tilbake til normal drift
          step monitor: Overvåk
            role: oncall
            do: Følg med i 14 dager.

        """

    static let contacts = """
        contacts: kommune
        title: Kontakter

        contact kommunecert: KommuneCERT
          phone: 12345678

        """

    /// A private home with the playbook and its contact list; runs `vakt` there.
    struct Bench {
        let folder = TemporaryFolder()
        var home: String { folder.path + "/home" }
        var playbookPath: String { folder.path + "/ransomware.playbook" }

        init() {
            folder.write(ExportCommandTests.playbook, to: "ransomware.playbook")
            folder.write(ExportCommandTests.contacts, to: "kommune.contacts")
        }

        func run(_ arguments: [String], input: String? = nil) throws -> ChildProcess.Outcome {
            try ChildProcess.vakt(arguments + ["--home", home], in: folder, input: input)
        }

        @discardableResult
        func ok(_ arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let outcome = try run(arguments, input: input)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)", sourceLocation: sourceLocation)
            return outcome.stdout
        }

        /// Opens an incident and walks it: a decision, a loop, a back-dated note, a lesson, a skip, a close.
        func walkedIncident(exercise: Bool = false) throws -> String {
            let id = try ok(["open", playbookPath, "--as", "kari", "--title", "Kryptert filserver"]
                            + (exercise ? ["--exercise"] : [])).filter { $0 != "\n" }
            try ok(["check", id, "triage", "1", "--as", "kari"])
            try ok(["note", id, "Første telefon kom før vi åpnet", "--at", ExportCommandTests.minutesAgo(30), "--as", "kari"])
            try ok(["decide", id, "triage", "Ja", "--note", "PC-114", "--as", "kari"])
            try ok(["note", id, "Kablene er umerket", "--step", "isolate", "--lesson", "--as", "ola"])
            try ok(["done", id, "isolate", "--as", "ola"])
            try ok(["done", id, "notify", "--as", "ola"])
            try ok(["decide", id, "restore", "Nei", "--as", "kari"])  // the loop back to isolate
            try ok(["done", id, "isolate", "--as", "ola"])
            try ok(["skip", id, "notify", "--reason", "Ledelsen var allerede varslet", "--as", "ola"])
            try ok(["decide", id, "restore", "Ja", "--as", "kari"])
            try ok(["done", id, "monitor", "--as", "kari"])
            try ok(["close", id, "--note", "Ferdig", "--as", "kari"])
            return id
        }
    }

    /// RFC 3339 in UTC, `minutes` before now.
    static func minutesAgo(_ minutes: Int) -> String {
        var seconds = time(nil) - time_t(minutes * 60)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T"
            + "\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
    }

    /// The `"key": "value"` pairs of the lines between `start` and `end`, in order.
    static func pairs(_ json: String, _ key: String, from start: String, to end: String) -> [String] {
        guard let from = json.firstRange(of: start)?.upperBound else { return [] }
        let section = json[from...].firstRange(of: end).map { json[from..<$0.lowerBound] } ?? json[from...]
        let prefix = "\"\(key)\": \""
        return section.split(separator: "\n").compactMap { line in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(prefix) else { return nil }
            return String(trimmed.dropFirst(prefix.count).prefix { $0 != "\"" })
        }
    }

    /// The `"key":"value"` of each one-line item between `start` and `end` (the export's lists).
    static func compact(_ json: String, _ key: String, from start: String, to end: String) -> [String] {
        guard let from = json.firstRange(of: start)?.upperBound else { return [] }
        let section = json[from...].firstRange(of: end).map { json[from..<$0.lowerBound] } ?? json[from...]
        let marker = "\"\(key)\":\""
        return section.split(separator: "\n").compactMap { line in
            guard let found = line.firstRange(of: marker) else { return nil }
            return String(line[found.upperBound..<line.endIndex].prefix { $0 != "\"" })
        }
    }

    @Test func everyFormatOfAWalkedIncident() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.walkedIncident()
        let status = try bench.ok(["status", id, "--json"])
        let json = try bench.ok(["export", id, "--format", "json"])
        #expect(json.hasPrefix("{\n  \"schema\": \"vakt.export/1\",\n"))
        #expect(json.contains("\"id\": \"\(id)\""))
        #expect(!json.contains("exercise_marking"))

        // The same events as `vakt status`, and the same step states.
        let events = status.split(separator: "\n").first { $0.hasPrefix("  \"events\": ") }.map { $0.dropFirst(12) }
        let count = try #require(events.flatMap { Int($0.prefix { $0.isNumber }) })
        #expect(json.contains("\"events\": \(count),"))
        let statusSteps = Self.pairs(status, "status", from: "\"steps\": [", to: "\"deadlines\": [")
        let exportSteps = Self.compact(json, "status", from: "\"steps\": [", to: "\"deadlines\": [")
        #expect(statusSteps == ["done", "done", "skipped", "done", "done"])
        #expect(exportSteps == statusSteps)
        #expect(Self.pairs(status, "state", from: "\"deadlines\": [", to: "\"last_events\"")
                == Self.compact(json, "state", from: "\"deadlines\": [", to: "\"decisions\": ["))

        let csv = try bench.ok(["export", id, "--format", "csv"])
        #expect(csv.hasPrefix("seq,occurred,occurred_utc,recorded,backdated,actor,kind,phase,step,description,text,entry_hash\r\n"))
        #expect(csv.split(separator: "\r\n").count == count + 1)
        let timesketch = try bench.ok(["export", id, "--format", "timesketch"])
        #expect(timesketch.split(separator: "\n").count == count)
        #expect(timesketch.split(separator: "\n").allSatisfy { $0.hasPrefix("{\"message\":") && $0.contains("\"incident_id\":\"\(id)\"") })
        let md = try bench.ok(["export", id, "--format", "md"])
        #expect(md.hasPrefix("# Tidslinje: Kryptert filserver\n"))
        #expect(md.contains("Kablene er umerket"))
        #expect(md.contains("(ført inn "))
        // html to a file: complete, self-contained, nothing on standard output.
        let path = bench.folder.file("tidslinje.html")
        let quiet = try bench.ok(["export", id, "--format", "html", "-o", path])
        #expect(quiet.isEmpty)
        let html = Files.readText(path)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        #expect(html.contains("<svg ") && html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script") && !html.contains("src=\""))
        #expect(!html.replacing("xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"), "no external reference")
        #expect(Files.mode(path) & 0o077 == 0o044 || Files.mode(path) & 0o077 == 0)
    }

    @Test func reviewInBothFormatsAndLanguages() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.walkedIncident(exercise: true)
        let review = try bench.ok(["review", id, "--playbooks", bench.folder.path])
        #expect(review.hasPrefix("**ØVELSE ØVELSE ØVELSE**\n\n# Evaluering etter øvelsen: Kryptert filserver\n"))
        #expect(review.hasSuffix("**ØVELSE ØVELSE ØVELSE**\n"))
        for heading in ["## Tidsforløp", "## Steg: tid mot mål", "## Frister og margin", "## Beslutninger",
                        "## Steg som ble hoppet over", "## Varsling", "## Læringspunkter", "## Tiltaksplan"] {
            #expect(review.contains(heading), "\(heading)")
        }
        #expect(review.contains("Ledelsen var allerede varslet"))
        #expect(review.contains("KommuneCERT, telefon 12345678"), "the contact list beside the playbook")
        #expect(review.contains("| oppfylt |"), "the report deadline was met on the first pass")
        let english = try bench.ok(["review", id, "--format", "html", "--lang", "en"])
        #expect(english.contains("<html lang=\"en\">") && english.contains("Improvement plan"))
        #expect(english.contains("EXERCISE EXERCISE EXERCISE"))
        let path = bench.folder.file("review.md")
        try bench.ok(["review", id, "-o", path])
        #expect(Files.readText(path).contains("## Tiltaksplan"))
        // Every export of an exercise is marked.
        for format in ["md", "json", "csv", "timesketch", "html"] {
            let output = try bench.ok(["export", id, "--format", format])
            #expect(output.contains("ØVELSE ØVELSE ØVELSE"), "\(format)")
        }
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.ok(["open", bench.playbookPath, "--as", "kari"]).filter { $0 != "\n" }
        let hostile = "\u{1B}]0;owned\u{7}\u{1B}[2J=HYPERLINK(\"http://x\") <script>alert(1)</script> abc\u{202E}cba \u{9B}31m"
        try bench.ok(["note", id, "-", "--as", "kari"], input: hostile)
        try bench.ok(["note", id, "=HYPERLINK(\"http://x\")", "--as", "kari"])
        for format in ["md", "json", "csv", "timesketch"] {
            let outcome = try bench.run(["export", id, "--format", format])
            #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
            let raw = outcome.stdout.unicodeScalars.filter { scalar in
                (scalar.value < 0x20 && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            #expect(raw.isEmpty, "\(format): \(raw.map { String($0.value, radix: 16) })")
        }
        let csv = try bench.ok(["export", id, "--format", "csv"])
        #expect(csv.contains(",\"␛]0;owned␇␛[2J=HYPERLINK(\"\"http://x\"\") <script>alert(1)</script> abc\u{FFFD}cba \u{FFFD}31m\","))
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "a formula gets a quote in front")
    }

    @Test func unusableInputIsExitTwoAndABrokenChainExitOne() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.walkedIncident()
        let unknown = try bench.run(["export", "nosuch", "--format", "md"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no incident matches 'nosuch'"))
        #expect(unknown.stdout.isEmpty)
        let badFormat = try bench.run(["export", id, "--format", "pdf"])
        #expect(badFormat.status == 2)
        let noFormat = try bench.run(["export", id])
        #expect(noFormat.status == 2)
        let badReview = try bench.run(["review", id, "--format", "csv"])
        #expect(badReview.status == 2)

        // A journal whose chain no longer verifies is unusable input.
        let journal = bench.home + "/incidents/" + id + "/journal.jsonl"
        var text = Files.readText(journal)
        let target = "Kablene er umerket"
        let range = try #require(text.firstRange(of: target))
        text.replaceSubrange(range, with: "Kablene er merket")
        chmod(journal, 0o600)
        Files.write(Array(text.utf8), to: journal)
        let broken = try bench.run(["export", id, "--format", "json"])
        #expect(broken.status == 1, "\(broken.stderr)")
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr.hasPrefix("vakt: ") && broken.stderr.contains("does not verify"))
        let brokenReview = try bench.run(["review", id])
        #expect(brokenReview.status == 1)

        // A journal that cannot be read at all is unusable input.
        Files.write(Array("not json\n".utf8), to: journal)
        let unreadable = try bench.run(["export", id, "--format", "md"])
        #expect(unreadable.status == 2, "\(unreadable.stderr)")
        #expect(unreadable.stdout.isEmpty)

        // Writing into a folder that does not exist: nothing half-written, exit 2.
        let healthy = try bench.ok(["open", bench.playbookPath, "--as", "kari"]).filter { $0 != "\n" }
        let unwritable = try bench.run(["export", healthy, "--format", "md", "-o", bench.folder.file("missing/x.md")])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write"))
    }
}
