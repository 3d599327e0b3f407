#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IncidentEngine
import IncidentStore
import NcursesBackend
import PlaybookFormat
import RunnerUI
import TerminalCore

/// The terminal UI's one loop: it owns the terminal and the journal, and
/// runs on the thread that started it (the terminal object is not Sendable,
/// and on a two-core machine a parked actor would only add latency).
///
/// Each turn draws the model at the terminal's size, waits for keys,
/// resizes, signals, clock ticks and inbox messages, feeds them to the
/// model, and carries out the effects it asks for. An action reaches the
/// screen only as the records the journal append returned, after fsync: the
/// UI never shows as done what a power cut could undo. Because appends run
/// here, in the loop, a signal that arrives meanwhile waits for the append
/// to finish; then the loop leaves through `NcursesTerminal.stop()`, which
/// gives the terminal back on every way out.
final class RunnerLoop {
    private let settings: RunnerSettings
    private let terminal: NcursesTerminal
    private let input: InputSource<LoopMessage>
    private let clock: any Clock = IncidentEnvironment.clock
    /// The start screen, until a choice on it opens the runner.
    private var start: StartScreen?
    private var runner: RunnerApp?
    private var session: IncidentSession?
    /// How many of the journal's records the runner has been sent.
    private var delivered = 0
    private var watcher: JournalWatcher?
    /// Set when the loop should end: 0 for leaving, 128 + the signal for a signal.
    private var status: Int32?
    private var endingSignal: Int32?
    /// Files the export dialog wrote, named again once the terminal is back.
    private var exported: [String] = []

    /// Walks an open incident in the terminal UI; returns the exit status.
    static func walk(_ session: IncidentSession, contacts: [ContactList], settings: RunnerSettings) throws -> Int32 {
        let loop = try RunnerLoop(settings: settings)
        loop.enter(session, contacts: contacts)
        return loop.run()
    }

    /// The start screen: open incidents to resume, playbooks to start.
    static func startScreen(settings: RunnerSettings) throws -> Int32 {
        let incidents = StartListings.incidents(settings.catalog)
        let playbooks = StartListings.playbooks(settings.locator)
        let loop = try RunnerLoop(settings: settings)
        loop.start = StartScreen(
            incidents: incidents, playbooks: playbooks, language: settings.language,
            colors: loop.terminal.colorsEnabled, now: loop.clock.now(), size: loop.terminal.size)
        return loop.run()
    }

    private init(settings: RunnerSettings) throws {
        self.settings = settings
        do {
            terminal = try NcursesTerminal()
        } catch {
            throw CommandFailure(error.description, exitCode: 2)
        }
        input = InputSource(terminal: terminal, tickMilliseconds: 1000)
    }

    // MARK: - The loop

    private func run() -> Int32 {
        while status == nil {
            draw()
            if settings.firstFrameOnly {
                status = 0
                break
            }
            handle(input.next())
        }
        watcher?.stop()
        terminal.stop()
        farewell()
        return status ?? 0
    }

    private func draw() {
        var grid = Grid(size: terminal.size)
        if let runner {
            runner.render(into: &grid)
        } else if let start {
            start.render(into: &grid)
        }
        terminal.draw(grid)
    }

    private func handle(_ events: [TerminalEvent<LoopMessage>]) {
        var journalChanged = false
        for event in events where status == nil {
            switch event {
            case .key(let key):
                deliver(.key(key))
            case .resized(let size):
                deliver(.resize(size))
            case .tick:
                deliver(.tick(clock.now()))
            case .message(.journalChanged):
                journalChanged = true
            case .terminate(let signal):
                endingSignal = signal
                status = 128 + signal
            }
        }
        if journalChanged, status == nil { catchUp() }
    }

    /// Feeds an event to the screen in charge, then the events its effects produce.
    private func deliver(_ first: UIEvent) {
        var queue = [first]
        while !queue.isEmpty, status == nil {
            let event = queue.removeFirst()
            let effects = runner?.update(event) ?? start?.update(event) ?? []
            for effect in effects where status == nil {
                queue += carryOut(effect)
            }
        }
    }

    // MARK: - Effects

    private func carryOut(_ effect: UIEffect) -> [UIEvent] {
        switch effect {
        case .perform(let command, let occurred):
            return record(command, at: occurred)
        case .performExercise(let command):
            return record(command)
        case .quit:
            status = 0
            return []
        case .export(let formatID):
            return export(formatID)
        case .bell:
            ringBell()
            return []
        case .open(let playbookID):
            return open(playbookID)
        case .resume(let incidentID):
            return resume(incidentID)
        }
    }

    /// Appends the command durably, then hands the runner what the journal now holds.
    private func record(_ command: IncidentCommand, at occurred: Timestamp?) -> [UIEvent] {
        guard let session else { return [.failed("no incident is open")] }
        do {
            try session.perform(command, actor: settings.actor, at: occurred)
        } catch {
            // The dialog keeps its text; what others appended meanwhile still shows.
            let others = undelivered()
            return [.failed(Self.message(error))] + (others.isEmpty ? [] : [.recorded(others)])
        }
        return [.recorded(undelivered())]
    }

    /// Appends the facilitator's command durably, like `record(_:at:)`.
    private func record(_ command: ExerciseCommand) -> [UIEvent] {
        guard let session else { return [.failed("no incident is open")] }
        do {
            try session.perform(command, actor: settings.actor)
        } catch {
            let others = undelivered()
            return [.failed(Self.message(error))] + (others.isEmpty ? [] : [.recorded(others)])
        }
        return [.recorded(undelivered())]
    }

    /// Reads what other processes appended (under the journal's lock, so never half a line).
    private func catchUp() {
        guard let session else { return }
        do {
            try session.journal.append { _ in [] }
        } catch {
            deliver(.failed(Self.message(error)))
            return
        }
        let fresh = undelivered()
        if !fresh.isEmpty { deliver(.recorded(fresh)) }
    }

    private func undelivered() -> [EventRecord] {
        guard let records = session?.journal.records, records.count > delivered else { return [] }
        let fresh = Array(records[delivered...])
        delivered = records.count
        return fresh
    }

    private func export(_ formatID: String) -> [UIEvent] {
        guard let runner, let session else { return [] }
        do {
            let path = try TimelineFile.write(
                formatID: formatID, app: runner, folder: session.folder, language: settings.language, now: clock.now())
            exported.append(path)
            return [.notice(runner.exportNotice(path: path))]
        } catch {
            return [.failed(Self.message(error))]
        }
    }

    private func open(_ playbookID: String) -> [UIEvent] {
        do {
            let loaded = try LoadedPlaybook.find(playbookID, locator: settings.locator)
            let opened = try IncidentOpener.open(
                loaded, title: nil, exercise: false, actor: settings.actor, catalog: settings.catalog)
            enter(opened.session, contacts: ContactSource.lists(beside: loaded.path, explicit: []))
            return []
        } catch {
            return [.failed(Self.message(error))]
        }
    }

    private func resume(_ incidentID: String) -> [UIEvent] {
        do {
            let resumed = try IncidentSession.open(incidentID, catalog: settings.catalog, forWriting: true)
            let contacts = IncidentOpener.contacts(forPlaybookID: resumed.playbook.id.value, locator: settings.locator)
            enter(resumed, contacts: contacts)
            return []
        } catch {
            return [.failed(Self.message(error))]
        }
    }

    /// Switches to the runner on `session`, and starts watching its journal for others' appends.
    private func enter(_ session: IncidentSession, contacts: [ContactList]) {
        self.session = session
        let records = session.journal.records
        delivered = records.count
        runner = RunnerApp(
            playbook: session.playbook, contacts: contacts, incidentID: session.folder.id.rawValue, records: records,
            actor: settings.actor, language: settings.language, colors: terminal.colorsEnabled, now: clock.now(),
            size: terminal.size, exportFormats: TimelineFile.formats, scenario: session.scenario)
        start = nil
        watcher?.stop()
        watcher = settings.firstFrameOnly ? nil : JournalWatcher(path: session.folder.journalPath, inbox: input.inbox)
    }

    /// A key that does nothing here: BEL, between frames, where curses is not mid-sequence.
    private func ringBell() {
        guard isatty(1) == 1 else { return }
        var bell: UInt8 = 7
        _ = write(1, &bell, 1)
    }

    // MARK: - Leaving

    /// Once the terminal is back: where exports went, and how to come back.
    private func farewell() {
        guard !settings.firstFrameOnly else { return }
        var lines = exported.map { "timeline written to \($0)" }
        if let farewell = runner?.farewell { lines.append(farewell) }
        if let runner, !runner.state.isClosed {
            lines.append("\(runner.incidentID) stays open; continue with: vakt resume \(runner.incidentID)")
        }
        guard !lines.isEmpty else { return }
        let text = lines.map { TerminalSafeText.sanitize($0) }.joined(separator: "\n") + "\n"
        if let endingSignal {
            StandardStreams.writeError("vakt: stopped by signal \(endingSignal)\n" + text)
        } else {
            StandardStreams.write(text)
        }
    }

    private static func message(_ error: any Error) -> String {
        let translated = IncidentFailure.from(error)
        if let failure = translated as? CommandFailure { return failure.message }
        return "\(translated)"
    }
}
