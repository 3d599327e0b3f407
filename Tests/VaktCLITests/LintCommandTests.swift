import Testing
import VaktTestSupport

/// `vakt lint` as a user runs it: the real binary, its output and exit codes.
@Suite struct LintCommandTests {
    let good = """
        playbook: liten
        title: Liten
        phase detection: Oppdage
          step triage: Vurder
            do: Se på varselet.
            notify: ncsc
        phase containment: Begrense
          step isolate: Isoler
            do: Koble fra.
        phase recovery: Gjenopprette
          step restore: Gjenopprett
            do: Hent tilbake.
        phase normal: Normal drift
          step monitor: Overvåk
            do: Følg med.

        """

    @Test func cleanFolderExitsZero() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write(good, to: "liten.playbook")
        let outcome = try ChildProcess.vakt(["lint", folder.path], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "1 file checked: 0 errors, 0 warnings\n")
    }

    @Test func errorsExitOneWithCompilerStyleDiagnostics() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write(good.replacingOccurrences("    do: Koble fra.", "    do: Koble fra.\n    role: vakt"), to: "p.playbook")
        let outcome = try ChildProcess.vakt(["lint", path], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("\(path):10:11: error: unknown role 'vakt'\n    role: vakt\n          ^~~~\n"))
        #expect(outcome.stdout.hasSuffix("1 file checked: 1 error, 0 warnings\n"))
    }

    @Test func warningsPassUnlessStrict() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write(good.replacingOccurrences("    do: Følg med.\n", ""), to: "p.playbook")
        #expect(try ChildProcess.vakt(["lint", path], in: folder).status == 0)
        let strict = try ChildProcess.vakt(["lint", "--strict", path], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("warning: step 'monitor' gives the responder nothing to do"))
    }

    @Test func jsonFormat() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("playbook: p\ntitle: T\nchekc: x\n", to: "p.playbook")
        let outcome = try ChildProcess.vakt(["lint", "--format", "json", path], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("{\"files\":1,\"errors\":1,\"warnings\":1,\"diagnostics\":["))
        #expect(outcome.stdout.contains("\"line\":3,\"column\":1,\"endColumn\":6,\"severity\":\"error\",\"code\":\"unknown-key\""))
    }

    @Test func notifyIsCheckedAgainstTheContactListBeside() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write(good.replacingOccurrences("notify: ncsc", "notify: nsc"), to: "p.playbook")
        folder.write("contacts: k\ncontact ncsc: NCSC\n  phone: 02497\n", to: "k.contacts")
        let outcome = try ChildProcess.vakt(["lint", folder.path], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("p.playbook:6:13: error: unknown contact 'nsc' (not in k)"))
        #expect(outcome.stdout.contains("help: did you mean 'ncsc'?"))
        // --contacts names the list instead of the one beside.
        let other = folder.write("contacts: annen\ncontact nsc: Feil\n  phone: 1\n", to: "annen.txt")
        let explicit = try ChildProcess.vakt(["lint", "--contacts", other, folder.file("p.playbook")], in: folder)
        #expect(explicit.status == 0, "\(explicit.stdout)")
    }

    @Test func scenarioIsCheckedAgainstItsPlaybook() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write(good, to: "liten.playbook")
        folder.write("scenario: s\ntitle: S\nplaybook: liten\ninject a: A\n  at: 0m\n  expect: isolat\n", to: "s.scenario")
        let outcome = try ChildProcess.vakt(["lint", folder.path], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("s.scenario:6:11: error: unknown step 'isolat' in playbook 'liten'"))
        folder.write("scenario: s\ntitle: S\nplaybook: litn\ninject a: A\n  at: 0m\n", to: "s.scenario")
        let missing = try ChildProcess.vakt(["lint", folder.file("s.scenario")], in: folder)
        #expect(missing.stdout.contains("s.scenario:3:11: error: unknown playbook 'litn'"))
        #expect(missing.stdout.contains("help: did you mean 'liten'?"))
    }

    @Test func unreadableInputExitsTwo() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let missing = try ChildProcess.vakt(["lint", folder.file("borte.playbook")], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("borte.playbook: error: cannot read: No such file or directory"))
        let empty = TemporaryFolder()
        defer { empty.remove() }
        let noFiles = try ChildProcess.vakt(["lint", empty.path], in: folder)
        #expect(noFiles.status == 2)
        // A folder where a file is expected.
        mkdirAt(folder.file("mappe.playbook"))
        let show = try ChildProcess.vakt(["show", folder.file("mappe.playbook")], in: folder)
        #expect(show.status == 2)
        #expect(show.stderr == "vakt: \(folder.file("mappe.playbook")): is a folder, not a file\n")
    }

    @Test func fileOverTheLimitIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("stor.playbook")
        makeSparseFile(path, size: 65 * 1024 * 1024)
        let outcome = try ChildProcess.vakt(["lint", path], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("stor.playbook: error: file is too large (68157440 bytes; the limit is 64 MiB); not read"))
    }

    @Test func badUsageExitsTwo() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let outcome = try ChildProcess.vakt(["lint", "--format", "yaml", folder.path], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("yaml"))
        #expect(try ChildProcess.vakt(["no-such-command"], in: folder).status == 2)
    }

    @Test func shippedPlaybooksLintStrictClean() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        // No path: the shipped playbook folder.
        let outcome = try ChildProcess.vakt(["lint", "--strict"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }
}

import Glibc

func mkdirAt(_ path: String) {
    mkdir(path, 0o700)
}

func makeSparseFile(_ path: String, size: Int) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return }
    ftruncate(descriptor, off_t(size))
    close(descriptor)
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
