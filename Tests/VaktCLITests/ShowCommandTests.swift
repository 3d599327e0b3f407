import Testing
import VaktTestSupport

/// `vakt show` as a user runs it.
@Suite struct ShowCommandTests {
    @Test func everyShippedPlaybookRendersInEveryFormat() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let ids = ["forste-time", "ransomware", "ransomware-en", "personvernbrudd", "personvernbrudd-en", "kontokapring",
                   "kontokapring-en", "fakturasvindel", "tjenestenekt", "tapt-enhet", "leverandor", "innsider"]
        for id in ids {
            for format in ["text", "md", "html"] {
                let outcome = try ChildProcess.vakt(["show", id, "--format", format], in: folder)
                #expect(outcome.status == 0, "\(id) \(format): \(outcome.stderr)")
                #expect(outcome.stdout.count > 2_000, "\(id) \(format)")
                #expect(!outcome.stdout.contains("ikke i kontaktlisten") && !outcome.stdout.contains("not in the contact list"),
                        "\(id) \(format): every notify id is in the shipped contact list")
            }
        }
    }

    @Test func htmlGoesToAFileWithOutput() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let outcome = try ChildProcess.vakt(["show", "ransomware", "--format", "html", "-o", folder.file("perm.html")], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        let html = Files.readText(folder.file("perm.html"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"nb\">"))
        #expect(html.contains("@media print"))
    }

    @Test func unknownPlaybookSuggests() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let outcome = try ChildProcess.vakt(["show", "ransomwar"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no playbook with id 'ransomwar'"))
        #expect(outcome.stderr.contains("did you mean 'ransomware'?"))
    }

    @Test func playbookWithErrorsIsNotShown() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.write("playbook: p\ntitle: T\nphase detection: D\n  step a: A\n    do: x\n    ask: ?\n      - Ja -> b\n      - Nei -> end\n", to: "p.playbook")
        let outcome = try ChildProcess.vakt(["show", path], in: folder)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("p.playbook:7:15: error: unknown step 'b' in decision option"))
        #expect(outcome.stdout.isEmpty)
    }
}
