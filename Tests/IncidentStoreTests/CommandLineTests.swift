import VaktTestSupport
import Glibc
import IncidentEngine
import Testing
@testable import IncidentStore

/// The scriptable commands end to end: the built `vakt`, a private home, a playbook file.
@Suite struct CommandLineTests {
    static let playbook = """
        playbook: ransomware
        title: Løsepengevirus (ransomware)
        version: 2026.1

        roles:
          - oncall: IKT-vakt
          - dpo: Personvernombud

        deadline report: Varsle ledelsen
          within: 2h
          until: notify

        phase detection: Oppdage og vurdere
          step triage: Vurder varselet
            role: oncall
            check:
              - Noter tidspunktet for første varsel
              - Ta bilde av løsepengemeldingen
            record: Berørte maskiner og brukere
            ask: Er filer kryptert?
              - Ja -> isolate
              - Nei -> notify

        phase containment: Begrense skaden
          step isolate: Isoler berørte systemer
            role: oncall
            do: Koble maskinene fra nettet.
          step notify: Varsle ledelsen
            role: dpo
            do: Ring rådmannen.

        phase recovery: Gjenopprette
          step restore: Gjenopprett fra sikkerhetskopi
            role: oncall
            do: Les tilbake.

        phase normal: Tilbake til normal drift
          step monitor: Overvåk
            role: oncall
            do: Følg med i 14 dager.

        """

    /// A private home with the playbook in it; runs `vakt` there.
    struct Bench {
        let folder = TemporaryFolder()
        var home: String { folder.path + "/home" }
        var playbookPath: String { folder.path + "/ransomware.playbook" }

        init() {
            Files.write(Array(CommandLineTests.playbook.utf8), to: playbookPath)
        }

        func run(_ arguments: [String], input: String? = nil) throws -> ChildProcess.Outcome {
            try ChildProcess.vakt(arguments + ["--home", home], in: folder, input: input)
        }

        func open(_ extra: [String] = []) throws -> String {
            let outcome = try run(["open", playbookPath, "--as", "kari"] + extra)
            #expect(outcome.status == 0, "open failed: \(outcome.stderr)")
            return String(outcome.stdout.filter { $0 != "\n" })
        }

        func journal(_ id: String) -> String { home + "/incidents/" + id + "/journal.jsonl" }

        func json(_ arguments: [String]) throws -> JSONValue {
            let outcome = try run(arguments)
            #expect(outcome.status == 0, "\(arguments) failed: \(outcome.stderr)")
            return try JSONParser.parse(Array(outcome.stdout.utf8))
        }
    }

    @Test func anIncidentIsOpenedWalkedNotedDecidedAndClosedFromTheCommandLine() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open(["--title", "Rådhuset kryptert"])
        #expect(id.hasPrefix("2") && id.contains("-ransomware-") && id.count == "20261129-ransomware-7k3".count)

        #expect(try bench.run(["check", id, "triage", "1", "--as", "kari"]).status == 0)
        #expect(try bench.run(["note", id, "PC-114 og PC-120 har .locked-filer", "--as", "kari"]).status == 0)
        let fromInput = try bench.run(["note", String(id.prefix(22)), "-", "--as", "ola"], input: "fra standard inn\nlinje to\n")
        #expect(fromInput.status == 0 && fromInput.stdout.hasPrefix("recorded ") && fromInput.stdout.contains(": note: \"fra standard inn"))
        let decided = try bench.run(["decide", id, "triage", "Ja", "--note", "PC-114, PC-120", "--as", "ola"])
        #expect(decided.status == 0, "\(decided.stderr)")
        #expect(decided.stdout.contains("current step: isolate"))
        #expect(try bench.run(["skip", id, "isolate", "--reason", "Allerede isolert", "--as", "ola"]).status == 0)
        #expect(try bench.run(["done", id, "notify", "--as", "kari"]).status == 0)
        #expect(try bench.run(["close", id, "--note", "Ferdig for i natt", "--as", "kari"]).status == 0)

        let status = try bench.json(["status", id, "--json", "--events", "3"])
        #expect(status["id"] == .string(id))
        #expect(status["title"] == "Rådhuset kryptert")
        #expect(status["status"] == "closed")
        #expect(status["opened_by"] == "kari")
        let steps = try #require(status["steps"]?.arrayValue)
        #expect(steps.map { $0["status"]?.stringValue ?? "" } == ["done", "skipped", "done", "pending", "pending"])
        #expect(steps[0]["answer"]?["label"] == "Ja")
        #expect(steps[0]["checklist"] == .array([true, false]))
        #expect(steps[1]["skip_reason"] == "Allerede isolert")
        let deadlines = try #require(status["deadlines"]?.arrayValue)
        #expect(deadlines.first?["state"] == "met")
        #expect(status["last_events"]?.arrayValue?.count == 3)
        #expect(status["last_events"]?.arrayValue?.last?["kind"] == "incident_closed")

        let report = try JournalVerifier.verify(path: bench.journal(id))
        #expect(report.isValid && .int(Int64(report.count)) == status["events"])
        let verified = try bench.run(["verify", id])
        #expect(verified.status == 0 && verified.stdout == "\(report.count) events verify; head \(report.headHash)\n")

        let open = try bench.json(["list", "--json"])
        #expect(open == .array([]))
        let all = try bench.json(["list", "--all", "--json"])
        #expect(all.arrayValue?.count == 1 && all.arrayValue?.first?["id"] == .string(id))
        #expect(all.arrayValue?.first?["status"] == "closed")
        #expect(try bench.run(["list"]).stdout.hasPrefix("no open incidents"))
        let table = try bench.run(["list", "--all"])
        #expect(table.stdout.hasPrefix("ID ") && table.stdout.contains(id) && table.stdout.contains("Rådhuset kryptert"))
    }

    /// Incidents opened from one playbook share a parse of their copies when listed; a copy changed
    /// since is still read on its own and named as unreadable, and the others are listed as before.
    @Test func listReadsEachCopyForItselfWhenCopiesAreShared() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let ids = try (0..<3).map { _ in try bench.open() }
        let damaged = ids[1]
        let copy = bench.home + "/incidents/" + damaged + "/playbook.playbook"
        Files.write(Files.read(copy) + Array("step stray: Ikke i noen fase\n".utf8), to: copy)

        let listed = try bench.json(["list", "--json"])
        let byID = Dictionary(uniqueKeysWithValues: (listed.arrayValue ?? []).compactMap { item in
            item["id"]?.stringValue.map { ($0, item) }
        })
        #expect(byID.count == 3)
        #expect(byID[ids[0]]?["status"] == "open" && byID[ids[2]]?["status"] == "open")
        #expect(byID[damaged]?["status"] == "unreadable")
        #expect(byID[damaged]?["problem"]?.stringValue?.contains("playbook.playbook") == true)
        let table = try bench.run(["list"])
        #expect(table.stdout.contains(ids[0]) && table.stdout.contains(ids[2]) && !table.stdout.contains(damaged))
        #expect(table.stderr.contains("warning: \(damaged)"))
    }

    /// Listing opens incidents one at a time: a home with more incidents than the process may open
    /// files still lists every one of them.
    @Test func listCopesWithMoreIncidentsThanOpenFiles() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let first = try bench.open()
        let incidents = bench.home + "/incidents/"
        let names = ["journal.jsonl", "playbook.playbook"]
        for number in 0..<99 {
            let folder = incidents + "20261130-ransomware-f" + String(number + 100)
            mkdir(folder, 0o700)
            for name in names { Files.write(Files.read(incidents + first + "/" + name), to: folder + "/" + name) }
        }
        let stamp = "\(getpid())"
        let output = bench.folder.path + "/list-\(stamp)"
        let errors = bench.folder.path + "/list-errors-\(stamp)"
        // 40 descriptors: the standard ones, the runtime's and a few to spare, but not one per incident.
        let child = try ChildProcess(
            "/bin/sh", ["-c", #"ulimit -n 40 && exec "$0" list --json --home "$1""#, ChildProcess.vaktPath, bench.home],
            outputPath: output, errorPath: errors)
        let outcome = child.wait()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let listed = try JSONParser.parse(Array(outcome.stdout.utf8)).arrayValue ?? []
        #expect(listed.count == 100)
        #expect(listed.allSatisfy { $0["status"] == "open" }, "\(outcome.stderr)")
    }

    @Test func theIncidentFolderIsPrivateAndHoldsTheExactPlaybook() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let folder = bench.home + "/incidents/" + id
        #expect(Files.mode(folder) == 0o700)
        #expect(Files.mode(bench.home + "/incidents") == 0o700)
        #expect(Files.mode(folder + "/journal.jsonl") == 0o600)
        #expect(Files.mode(folder + "/playbook.playbook") == 0o600)
        #expect(Files.read(folder + "/playbook.playbook") == Files.read(bench.playbookPath))
        // Editing the playbook later changes nothing for the incident.
        Files.write(Array("playbook: broken\n".utf8), to: bench.playbookPath)
        #expect(try bench.run(["status", id]).status == 0)
        let opened = try Journal(path: bench.journal(id)).records.first?.event
        guard case .incidentOpened(_, _, let sha, _, _)? = opened else {
            Issue.record("the first event is not incident_opened")
            return
        }
        #expect(sha == HashChain.sha256Hex(Files.read(folder + "/playbook.playbook")))
    }

    @Test func exitCodesFollowTheContract() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let second = try bench.open()

        let unknownStep = try bench.run(["done", id, "isolat"])
        #expect(unknownStep.status == 1 && unknownStep.stderr == "vakt: unknown step 'isolat' (did you mean 'isolate'?)\n")
        let needsDecision = try bench.run(["done", id, "triage", "--note", "x"])
        #expect(needsDecision.status == 1 && needsDecision.stderr.contains("vakt decide"))
        #expect(try bench.run(["decide", id, "triage", "7", "--note", "x"]).status == 1)
        #expect(try bench.run(["check", id, "triage", "9"]).status == 1)
        #expect(try bench.run(["note", "20991231-nothing", "x"]).status == 2)
        let ambiguous = try bench.run(["note", String(id.prefix(9)), "x"])
        #expect(id == second || ambiguous.status == 2 && ambiguous.stderr.contains("matches several incidents"))
        #expect(try bench.run(["note", id, "x", "--at", "i går"]).status == 2)
        #expect(try bench.run(["note", id]).status == 2)
        #expect(try bench.run(["open", bench.folder.path + "/missing.playbook"]).status == 2)
        #expect(try bench.run(["skip", id, "isolate"]).status == 2)  // --reason is required
        #expect(try bench.run(["verify", bench.folder.path + "/no-such-journal.jsonl"]).status == 2)
        #expect(try bench.run(["close", id]).status == 0)
        let closed = try bench.run(["note", id, "etter stenging"])
        #expect(closed.status == 1 && closed.stderr.contains("closed"))
        // Every error is one line on standard error.
        for outcome in [unknownStep, needsDecision, ambiguous, closed] {
            #expect(outcome.stderr.filter { $0 == "\n" }.count == 1, "\(outcome.stderr)")
        }
    }

    @Test func verifyNamesTheFirstBadLineAndExitsOne() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        #expect(try bench.run(["note", id, "første"]).status == 0)
        #expect(try bench.run(["note", id, "andre"]).status == 0)
        let path = bench.journal(id)
        var lines = Files.lines(Files.read(path))
        let index = try #require(lines.firstIndex { String(decoding: $0, as: UTF8.self).contains("første") })
        let number = index + 1
        lines[index] = Array(String(decoding: lines[index], as: UTF8.self).replacingFirst("første", "første!").utf8)
        Files.write(lines.flatMap { $0 }, to: path)
        let edited = try bench.run(["verify", id])
        #expect(edited.status == 1)
        #expect(edited.stderr
            == "vakt: \(path):\(number): edited: the hash does not match the line's content (\(index) events before it verify)\n")
        let byPath = try bench.run(["verify", path])
        #expect(byPath.status == 1 && byPath.stderr == edited.stderr)

        lines.remove(at: index)
        Files.write(lines.flatMap { $0 }, to: path)
        let removed = try bench.run(["verify", id])
        #expect(removed.status == 1 && removed.stderr.contains(":\(number): seq is \(number + 1) where \(number) was expected"))
    }

    @Test func notesWithControlCharactersNeverReachTheTerminalRaw() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let hostile = "rød\u{1b}[2J\u{1b}]0;eid\u{07}\r\u{9b}31m\u{202e}snudd\u{08}"
        let noted = try bench.run(["note", id, hostile])
        #expect(noted.status == 0)
        let outputs = [
            noted.stdout,
            try bench.run(["status", id]).stdout,
            try bench.run(["status", id, "--json"]).stdout,
            try bench.run(["list", "--json"]).stdout,
            try bench.run(["skip", id, "triage", "--reason", hostile]).stderr,
        ]
        for output in outputs {
            let raw = output.unicodeScalars.filter { scalar in
                scalar != "\n" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{202e}")
            }
            #expect(raw.isEmpty, "raw control characters in: \(output.debugDescription)")
        }
        // The journal keeps the text exactly, and JSON output means the same text.
        let status = try bench.json(["status", id, "--json"])
        let texts = status["last_events"]?.arrayValue?.compactMap { $0["data"]?["text"]?.stringValue }
        #expect(texts?.contains(hostile) == true)
        let journal = try Journal(path: bench.journal(id))
        #expect(journal.records.contains { $0.event == .noteAdded(text: hostile, step: nil, lesson: false) })
    }

    @Test func backDatedEntriesKeepBothTimes() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open(["--at", "2026-01-05T03:00:00+01:00"])
        #expect(id.hasPrefix("20260105-ransomware-"))
        #expect(try bench.run(["note", id, "første varsel kom", "--at", "2026-01-05T02:40:00+01:00"]).status == 0)
        #expect(try bench.run(["check", id, "triage", "2", "--at", "2026-01-05T03:05:30.250+01:00"]).status == 0)
        let records = try Journal(path: bench.journal(id)).records
        #expect(records.first?.occurred.rfc3339 == "2026-01-05T03:00:00.000+01:00")
        let note = try #require(records.first { $0.kind == .noteAdded })
        #expect(note.occurred.rfc3339 == "2026-01-05T02:40:00.000+01:00")
        #expect(note.recorded > note.occurred)
        #expect(records.last?.occurred.rfc3339 == "2026-01-05T03:05:30.250+01:00")
        // A step cannot be done before the incident was opened.
        #expect(try bench.run(["check", id, "triage", "1", "--at", "2026-01-05T02:00:00+01:00"]).status == 1)
        // HH:MM is accepted (today, or yesterday when later than now), and never in the future.
        let clock = try bench.run(["note", id, "klokkeslett", "--at", "00:00"])
        #expect(clock.status == 0, "\(clock.stderr)")
    }

    @Test func aSymbolicLinkJournalIsRefusedByEveryCommand() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let path = bench.journal(id)
        let moved = bench.folder.path + "/moved.jsonl"
        rename(path, moved)
        symlink(moved, path)
        for arguments in [["note", id, "x"], ["status", id], ["verify", id]] {
            let outcome = try bench.run(arguments)
            #expect(outcome.status == 2 && outcome.stderr.contains("symbolic link"), "\(arguments): \(outcome.stderr)")
        }
    }

    @Test func aTornTailIsReportedOnStandardErrorAndKeptAside() throws {
        let bench = Bench()
        defer { bench.folder.remove() }
        let id = try bench.open()
        let path = bench.journal(id)
        let good = Files.read(path)
        Files.write(good + Array(#"{"seq":5,"occurred":"2026-"#.utf8), to: path)
        #expect(try bench.run(["verify", id]).stderr.contains(":5: torn"))
        let noted = try bench.run(["note", id, "etter krasj"])
        #expect(noted.status == 0 && noted.stderr.contains("line 5 was torn") && noted.stderr.contains(".torn-"))
        let sides = Files.list(bench.home + "/incidents/" + id).filter { $0.hasPrefix("journal.jsonl.torn-") }
        #expect(sides.count == 1)
        #expect(try bench.run(["verify", id]).status == 0)
    }
}

private extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
