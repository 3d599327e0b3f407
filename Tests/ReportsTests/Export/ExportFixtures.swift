import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// The journals the export tests render: a fixed incident walked on a fixed
/// clock (a decision, a loop, a back-dated note, a correction, a lesson, a
/// skipped step, one deadline met and one missed), and a hostile one whose
/// every text tries to break out of its format.
enum ExportFixtures {
    /// The contract's example playbook with a second deadline (from the
    /// opening, met by isolating) that the fixed journal misses.
    static let playbookText = ExampleFixtures.playbookText.replacingFirst(
        "phase detection: Oppdage og vurdere",
        with: """
            deadline kommunecert: Varsle KommuneCERT og isoler
              within: 1h
              until: isolate
              warn: 15m

            phase detection: Oppdage og vurdere
            """)

    static let opened = Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, offsetMinutes: 60)!
    /// When the documents are made.
    static let now = Timestamp(year: 2026, month: 11, day: 29, hour: 9, minute: 0, offsetMinutes: 60)!
    static let incidentID = "20261129-ransomware-7k3"

    static func playbook() throws -> Playbook {
        try ExampleFixtures.parsePlaybook(playbookText)
    }

    static func contacts() throws -> [ContactList] {
        [try ExampleFixtures.contacts()]
    }

    /// The fixed journal: 03:10 to 07:45 on 29 November 2026 (+01:00).
    static func fixedJournal(exercise: Bool = false) throws -> JournalScript {
        var j = JournalScript(try playbook(), at: opened)
        let sha = String(repeating: "5e", count: 32)
        j.run(.open(title: "Kryptert filserver på rådhuset", exercise: exercise, playbookSHA256: sha))
        j.wait(minutes: 2)
        j.run(.tick(step: "triage", item: 1))
        j.wait(minutes: 3)
        // Back-dated: the first call came before anyone opened the incident.
        j.run(.note(text: "Brukerstøtte fikk første telefon om låste filer", step: nil, lesson: false),
              at: Timestamp(year: 2026, month: 11, day: 29, hour: 2, minute: 58, offsetMinutes: 60))
        j.wait(minutes: 10)
        j.run(.decide(step: "triage", option: "Ja", note: "PC-114 og PC-120, filserver F1"))
        j.actor = "ola"
        j.wait(minutes: 5)
        let lesson = j.run(.note(text: "Nettverkskabelen var vanskelig å finne", step: "isolate", lesson: true))
        j.wait(minutes: 65)
        // 04:35: isolated, 25 minutes after the KommuneCERT deadline.
        j.run(.complete(step: "isolate", note: "Koblet fra 04:30"))
        j.wait(minutes: 5)
        j.run(.correct(seq: lesson, text: "Nettverkskablene i serverrommet er umerket"))
        j.actor = "kari"
        j.wait(minutes: 10)
        j.run(.decide(step: "personal-data", option: "1", note: nil))
        j.wait(minutes: 10)
        j.run(.complete(step: "personal-data-yes", note: nil))
        j.wait(minutes: 20)
        j.run(.complete(step: "notify-datatilsynet", note: "Meldt i Altinn, referanse 2026-1129"))
        j.actor = "ola"
        j.wait(minutes: 40)
        j.run(.skip(step: "restore", reason: "Ingen sikkerhetskopi trengs: bare to PC-er"))
        j.wait(minutes: 30)
        // A loop: new activity sends the flow back to isolating.
        j.run(.decide(step: "monitor", option: "Ja", note: nil))
        j.wait(minutes: 15)
        j.run(.complete(step: "isolate", note: "PC-131 koblet fra"))
        j.wait(minutes: 5)
        j.run(.decide(step: "personal-data", option: "Nei", note: nil))
        j.actor = "kari"
        j.wait(minutes: 20)
        j.run(.complete(step: "restore", note: nil))
        j.wait(minutes: 20)
        j.run(.decide(step: "monitor", option: "Nei", note: nil))
        j.wait(minutes: 15)
        j.run(.close(note: "Avsluttet etter gjennomgang med kommunedirektøren"))
        return j
    }

    static func input(_ journal: JournalScript, language: ReportLanguage? = nil, incidentID: String = incidentID) throws -> ExportInput {
        ExportInput(
            incidentID: incidentID, playbook: journal.playbook, records: journal.records, state: journal.state,
            contacts: try contacts(), language: language ?? ReportLanguage(playbookLang: journal.playbook.lang?.value),
            now: now)
    }

    // MARK: Hostile

    static let script = "<script>alert(1)</script>"
    static let quotes = #"" onmouseover="alert(1)" x='y'"#
    static let formula = #"=HYPERLINK("http://x")"#
    static let sum = "@SUM(1)"
    static let plus = "+1"
    static let minus = "-1"
    static let escape = "\u{1B}[31mRED\u{1B}[0m\u{1B}]0;title\u{07}"
    static let c1 = "\u{9B}2J"
    static let bidi = "abc\u{202E}cba\u{2066}x\u{2069}"
    static let tab = "\tindented"
    static let carriageReturn = "\rreturn"
    static let longLine = String(repeating: "Sikkerhetskopi ", count: 400)
    static let markdown = "*bold* _em_ [link](javascript:alert(1)) | a | `code` # heading"
    static let cdata = "]]><!-- --><![CDATA[ </svg></title></text>"

    /// Every hostile note, in the order the hostile journal writes them.
    static let hostileNotes = [
        script, quotes, formula, sum, plus, minus, escape, c1, bidi, tab, carriageReturn, longLine, markdown, cdata,
        "line one\nline two\r\nline three", "Tom & Jerry &amp; \"friends\", 'all'",
    ]

    /// A hostile journal: a hostile title, actor and notes (one a lesson), a hostile skip reason and correction.
    static func hostileJournal(exercise: Bool = true) throws -> JournalScript {
        var j = JournalScript(try playbook(), at: opened)
        j.actor = script + bidi
        j.run(.open(title: script + " " + escape + " " + formula, exercise: exercise,
                    playbookSHA256: String(repeating: "0f", count: 32)))
        var first = 0
        for (index, note) in hostileNotes.enumerated() {
            j.wait(minutes: 1)
            let seq = j.run(.note(text: note, step: index % 2 == 0 ? "triage" : nil, lesson: index == 1))
            if index == 0 { first = seq }
        }
        j.wait(minutes: 1)
        j.run(.decide(step: "triage", option: "2", note: formula + "\n" + escape))
        j.wait(minutes: 1)
        j.run(.skip(step: "isolate", reason: sum + " " + bidi))
        j.wait(minutes: 1)
        j.run(.correct(seq: first, text: escape + script))
        return j
    }
}
