import Glibc
import VaktTestSupport

/// One tmux test's world: a temporary vakt home, a playbook folder with a
/// small playbook that has a checklist, a decision, a loop and a `record:`
/// note, and the commands that start the built `vakt` in a tmux pane.
///
/// The pane runs `vakt …; echo "[exit $?]"; echo "[tty …]"; exec sleep 600`:
/// after vakt leaves, the pane stays and shows its exit status and whether
/// the terminal is back in cooked mode with echo (what a shell needs).
struct TUIFixture {
    static let playbookID = "tui-drill"

    /// Seven steps: alert (checklist) → assess (decision: isolate or report) →
    /// isolate → verify (decision: back to isolate, or on) → report → wrapup
    /// (asks for its record note) → done.
    static let playbook = """
        playbook: tui-drill
        title: Testløype
        lang: nb
        version: 1

        roles:
          - oncall: IKT-vakt

        deadline report: Melding til ledelsen
          within: 2h
          until: report
          warn: 30m

        phase detection: Oppdage
          step alert: Ta imot varselet
            role: oncall
            check:
              - Tidspunkt notert
              - Skjermbilde tatt
          step assess: Vurder omfanget
            ask: Er flere maskiner berørt?
              - Ja -> isolate
              - Nei -> report

        phase containment: Begrense
          step isolate: Isoler maskinene
            do: Trekk ut nettverkskabelen.
            notify: ncsc
          step verify: Virket isoleringen?
            ask: Er maskinene isolert?
              - Nei -> isolate
              - Ja -> next

        phase recovery: Gjenopprette
          step report: Meld til ledelsen
            do: Ring hendelsesleder.
          step wrapup: Avslutt
            do: Skriv en kort oppsummering.
            record: Kort oppsummering

        phase normal: Normal drift
          step done: Tilbake i normal drift
            do: Ferdig.

        """

    static let contacts = """
        contacts: test
        title: Testkontakter

        contact ncsc: NSM NCSC
          phone: 02497

        """

    /// An exercise on the playbook: `alarm` is due at once and expects the
    /// participants at `assess` within 30 exercise minutes (easily met);
    /// `leder` is due at 2 minutes and expects `report` within 1 minute
    /// (missed unless someone hurries). At `--speed 60` a minute of the
    /// script is a second of the test.
    static let scenario = """
        scenario: tui-ovelse
        title: Testøvelse
        playbook: tui-drill
        lang: nb
        duration: 1h
        objectives:
          - Vurdere omfanget raskt

        inject alarm: Brukerstøtte ringer
          at: 0m
          to: oncall
          text: Mange ansatte ser filer med endelsen .locked.
          expect: assess
          within: 30m

        inject leder: Ledelsen vil ha melding
          at: 2m
          to: oncall
          text: Kommunedirektøren spør hva som skjer.
          expect: report
          within: 1m

        """

    let folder = TemporaryFolder(prefix: "vakt-tui")
    var home: String { folder.file("home") }
    var playbooks: String { folder.file("playbooks") }

    init() {
        mkdir(folder.file("home"), 0o700)
        mkdir(folder.file("playbooks"), 0o700)
        Files.write(Array(Self.playbook.utf8), to: folder.file("playbooks/tui-drill.playbook"))
        Files.write(Array(Self.contacts.utf8), to: folder.file("playbooks/test.contacts"))
        Files.write(Array(Self.scenario.utf8), to: folder.file("playbooks/tui-ovelse.scenario"))
    }

    func remove() {
        folder.remove()
    }

    // MARK: - The UI in tmux

    /// Starts `vakt ARGUMENTS --home HOME` in a new tmux session; `name`
    /// keeps the pid file of each UI apart.
    func startUI(
        _ arguments: [String], name: String = "ui", width: Int = 80, height: Int = 24, actor: String = "kari",
        environment: [String] = []
    ) throws -> TmuxSession {
        let vakt = ([ChildProcess.vaktPath] + arguments + ["--home", home]).map(TmuxSession.quote)
            .joined(separator: " ")
        let pidFile = TmuxSession.quote(folder.file("\(name).pid"))
        unlink(folder.file("\(name).pid"))
        let inner = "echo $$ > \(pidFile); exec \(vakt)"
        let tty = "stty -a | tr ' ;' '\\n\\n' | grep -x -E -- '-?(icanon|echo)' | tr '\\n' ' '"
        let command = "sh -c \(TmuxSession.quote(inner)); echo \"[exit $?]\"; echo \"[tty $(\(tty))]\"; exec sleep 600"
        return try TmuxSession(width: width, height: height, command: command, environment: [
            "VAKT_PLAYBOOKS=\(playbooks)", "VAKT_USER=\(actor)", "TZ=Europe/Oslo",
        ] + environment)
    }

    /// The pid of the vakt process started as `name` (it execs in place of the shell that wrote it).
    func pid(_ name: String = "ui") throws -> Int32 {
        var pid: Int32?
        try TmuxSession.waitUntil("the pid file of \(name)") {
            pid = Int32(Files.readText(folder.file("\(name).pid")).filter { $0.isNumber })
            return pid != nil
        }
        return pid ?? -1
    }

    // MARK: - The record on disk

    /// The IDs of the incidents in the home folder, sorted.
    func incidentIDs() -> [String] {
        guard let directory = opendir(home + "/incidents") else { return [] }
        defer { closedir(directory) }
        var ids: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { ids.append(name) }
        }
        return ids.sorted()
    }

    /// The one incident a test opened (waits for its folder to appear).
    func onlyIncidentID() throws -> String {
        try TmuxSession.waitUntil("the incident's folder") { incidentIDs().count == 1 }
        return incidentIDs()[0]
    }

    /// The files in an incident's folder, sorted.
    func files(of id: String) -> [String] {
        guard let directory = opendir(home + "/incidents/\(id)") else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    func journal(_ id: String) -> String {
        Files.readText(home + "/incidents/\(id)/journal.jsonl")
    }

    /// The journal's lines whose event kind is `kind`.
    func events(_ kind: String, in id: String) -> [String] {
        journal(id).split(separator: "\n").map(String.init).filter { $0.contains("\"kind\":\"\(kind)\"") }
    }

    /// Runs a scriptable `vakt` command on this home.
    func vakt(_ arguments: [String], actor: String = "ola") throws -> ChildProcess.Outcome {
        try ChildProcess.vakt(arguments + ["--home", home], in: folder, environment: [
            "VAKT_PLAYBOOKS": playbooks, "VAKT_USER": actor,
        ])
    }
}
