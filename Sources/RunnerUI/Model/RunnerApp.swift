import IncidentEngine
import PlaybookFormat
import TerminalCore

/// The runner's model: one incident being walked in the terminal.
///
/// Elm style: the app loop feeds `update` with events (keys, clock ticks,
/// resizes, journal appends) and carries out the effects it returns
/// (append a command, export, quit); `render` draws the current screen into
/// a grid. Nothing here touches a terminal, a disk or a clock, so every
/// screen and every key can be tested by feeding events and reading lines.
///
/// The run state is always the fold of the journal's records: an action is
/// shown as done only once its records come back in `.recorded`.
public struct RunnerApp: Sendable {
    public let incidentID: String
    /// Who this UI records events as.
    public let actor: String
    public let language: UILanguage
    public let colors: Bool
    public let contacts: [ContactList]
    /// What the export dialog offers.
    public let exportFormats: [ExportFormatOption]
    /// The fold of `records`.
    public private(set) var state: RunState
    /// Every record of the journal so far, in journal order.
    public private(set) var records: [EventRecord]
    /// The wall clock's time at the last tick.
    public private(set) var now: Timestamp
    /// The terminal's size at the last resize (scrolling and paging use it;
    /// `render` draws at the grid's own size).
    public private(set) var size: TerminalSize
    /// The tabletop exercise's script, when this UI is the facilitator's.
    public let scenario: Scenario?
    /// The fold of `records` over the scenario (the exercise clock, the
    /// injects, the observations); nil without a scenario.
    public private(set) var exercise: ExerciseState?
    /// What the loop prints after restoring the terminal, when leaving
    /// needs a word (the exercise was stopped for a real incident).
    public internal(set) var farewell: String?

    let outline: StepOutline
    var screen: Screen = .runner
    /// The screen help returns to.
    var helpReturn: Screen = .runner
    var dialog: Dialog?
    var focus: Focus = .steps
    /// The step shown in detail, an index into `Playbook.steps`; it follows
    /// the flow while it is on the flow's current step.
    var selected = 0
    /// The highlighted checklist item of the selected step, 0-based.
    var checklistCursor = 0
    var listOffset = 0
    var detailOffset = 0
    /// The timeline's first line; nil keeps the newest events in view.
    var timelineOffset: Int?
    var deadlinesOffset = 0
    var helpOffset = 0
    /// The highlighted inject on the injects screen, and that list's first row.
    var injectsCursor = 0
    var injectsOffset = 0
    /// The first line of the inject shown full screen, and the screen it returns to.
    var injectOffset = 0
    var injectReturn: Screen = .runner
    var message: StatusMessage?
    var pending: PendingCommand?
    /// Deadlines whose `deadline_missed` this UI has already asked for.
    var missedRequested: Set<Int> = []

    /// - Parameters:
    ///   - records: the journal so far (folded here); it must open the incident.
    ///   - contacts: the contact lists that `notify:` ids are looked up in, first match wins.
    ///   - now: the wall clock's time; later ones arrive as `.tick`.
    ///   - scenario: the exercise's script; with it the runner gets the
    ///     facilitator's panel, the injects and the exercise keys.
    public init(
        playbook: Playbook, contacts: [ContactList] = [], incidentID: String, records: [EventRecord],
        actor: String, language: UILanguage, colors: Bool, now: Timestamp,
        size: TerminalSize = TerminalSize(width: 80, height: 24),
        exportFormats: [ExportFormatOption] = ExportFormatOption.standard, scenario: Scenario? = nil
    ) {
        self.incidentID = incidentID
        self.actor = actor
        self.language = language
        self.colors = colors
        self.contacts = contacts
        self.exportFormats = exportFormats
        self.records = records
        self.now = now
        self.size = size
        state = RunState.fold(playbook, records)
        self.scenario = scenario
        exercise = scenario.map { ExerciseState.fold($0, records) }
        outline = StepOutline(playbook)
        select(state.currentStepIndex ?? 0)
        settleScroll()
    }

    public var playbook: Playbook { state.playbook }

    /// True while a command is on its way to the journal.
    public var isSaving: Bool { pending != nil }

    /// What the loop sends as `.notice` once an export is written, in the UI's language.
    public func exportNotice(path: String) -> String { strings.exported(path) }

    var strings: UIStrings { UIStrings(language) }
    var theme: Theme { Theme(colors: colors) }
    var layout: RunnerLayout { RunnerLayout(size, facilitator: exercise != nil) }

    /// The selected step, if the playbook has any.
    var selectedStep: Step? {
        playbook.steps.indices.contains(selected) ? playbook.steps[selected] : nil
    }

    // MARK: - Update

    public mutating func update(_ event: UIEvent) -> [UIEffect] {
        switch event {
        case .key(let key):
            return handle(key)
        case .tick(let time):
            now = time
            return missedDeadlineEffects()
        case .resize(let newSize):
            size = newSize
            settleScroll()
            return []
        case .recorded(let new):
            return absorb(new)
        case .failed(let text):
            pending = nil
            showError(text)
            return []
        case .notice(let text):
            message = .info(SafeText.sanitized(text))
            return []
        }
    }

    private mutating func handle(_ key: Key) -> [UIEffect] {
        if key == .resize || key == .unknown { return [] }
        if pending != nil {
            // Saving: only leaving works until the loop answers.
            return key == .ctrl("c") ? [.quit] : []
        }
        message = nil
        let effects: [UIEffect]
        if let dialog {
            switch dialog {
            case .text(let text): effects = handleText(text, key)
            case .choice(let choice): effects = handleChoice(choice, key)
            case .search(let search): effects = handleSearch(search, key)
            }
        } else {
            switch screen {
            case .runner: effects = handleRunner(key)
            case .injects: effects = handleInjects(key)
            case .inject: effects = handleInjectView(key)
            case .timeline, .deadlines, .help: effects = handleView(key)
            }
        }
        settleScroll()
        return effects
    }

    /// Folds in records appended by anyone; closes the dialog whose command
    /// they carry and does what was to follow it.
    private mutating func absorb(_ new: [EventRecord]) -> [UIEffect] {
        // A record already folded (the loop re-sent it) changes nothing.
        let fresh = new.filter { $0.seq > state.lastSeq }
        guard !fresh.isEmpty else { return [] }
        let following = state.currentStepIndex == nil || selected == state.currentStepIndex
        state.apply(fresh)
        if exercise != nil {
            for record in fresh { exercise?.apply(record) }
        }
        records.append(contentsOf: fresh)
        var effects: [UIEffect] = []
        if let pending, fresh.contains(where: { $0.actor == actor && $0.event == pending.expected }) {
            self.pending = nil
            switch dialog {
            case .text, .choice: dialog = nil
            case .search, nil: break
            }
            effects = follow(pending.then)
        }
        if following, let current = state.currentStepIndex, current != selected {
            select(current)
        }
        if let step = selectedStep, checklistCursor >= step.checklist.count {
            checklistCursor = max(0, step.checklist.count - 1)
        }
        settleScroll()
        return effects
    }

    /// Asks once for `deadline_missed` when a deadline passes unrecorded,
    /// so the journal says when it was seen to pass.
    private mutating func missedDeadlineEffects() -> [UIEffect] {
        guard pending == nil, !state.isClosed else { return [] }
        let missed = Set(state.unrecordedMissedDeadlines(at: now))
        guard !missed.isEmpty, !missed.isSubset(of: missedRequested) else { return [] }
        missedRequested.formUnion(missed)
        guard let drafts = try? IncidentCommand.recordMissedDeadlines.plan(against: state, now: now), !drafts.isEmpty
        else { return [] }
        return [.perform(.recordMissedDeadlines)]
    }

    // MARK: - Helpers for the screens' updates

    /// Checks the command against the state and, if the engine accepts it,
    /// asks the loop to append it; otherwise says why, where the responder is looking.
    mutating func perform(
        _ command: IncidentCommand, at occurred: Timestamp? = nil, then: FollowUp = .nothing
    ) -> [UIEffect] {
        do {
            let drafts = try command.plan(against: state, now: now, at: occurred)
            guard let first = drafts.first else { return [] }
            pending = PendingCommand(expected: first.event, then: then)
            return [.perform(command, at: occurred)]
        } catch {
            showError(CommandErrorText(playbook: playbook, language: language).text(error))
            return []
        }
    }

    /// Why the command would be refused for a reason other than its text
    /// (which the dialog is about to ask for); nil when it would be accepted.
    func refusal(_ command: IncidentCommand) -> String? {
        do {
            _ = try command.plan(against: state, now: now)
            return nil
        } catch {
            return CommandErrorText(playbook: playbook, language: language).text(error)
        }
    }

    /// Shows an error in the open dialog (keeping its text), else on the events line.
    mutating func showError(_ text: String) {
        switch dialog {
        case .text(var textDialog):
            textDialog.error = text
            dialog = .text(textDialog)
        case .choice(var choice):
            choice.error = text
            dialog = .choice(choice)
        case .search, nil:
            message = .error(text)
        }
    }

    /// Selects a step: its checklist cursor starts at the first open item.
    mutating func select(_ index: Int) {
        guard !playbook.steps.isEmpty else { return }
        selected = min(max(0, index), playbook.steps.count - 1)
        let items = state.steps[selected].checklist
        checklistCursor = items.firstIndex { !$0.isTicked } ?? 0
        detailOffset = 0
        if items.isEmpty { focus = .steps }
    }

    /// The selected step's detail, wrapped to the detail panel.
    func detailLines(width: Int) -> [DetailLine] {
        guard let step = selectedStep else { return [DetailLine(text: strings.noSteps)] }
        var lines = StepDetail(
            step: step, stepState: state.steps[selected], state: state, contacts: contacts,
            strings: strings, theme: theme, checklistCursor: checklistCursor
        ).lines(width: width)
        let notes = state.notes.filter { $0.stepIndex == selected && $0.source == .note }
        if !notes.isEmpty {
            lines.append(.blank)
            lines.append(DetailLine(text: strings.noteLabel + ":", style: theme.heading))
            for note in notes {
                let text = "\(TimeText.clock(note.occurred)) \(note.actor): \(note.text)"
                for row in TerminalCore.DisplayWidth.wrap(text, to: max(1, width - 2)) {
                    lines.append(DetailLine(text: row, indent: 2))
                }
            }
        }
        return lines
    }

    /// Keeps the selected step, the highlighted item and each view's
    /// offset in view at the current size.
    mutating func settleScroll() {
        let layout = layout
        let visible = layout.bodyHeight
        listOffset = outline.offset(keeping: selected, visible: visible, from: listOffset)
        let lines = detailLines(width: layout.detailWidth)
        if focus == .checklist, let rows = checklistRows(in: lines) {
            detailOffset = ScrollWindow.offset(keeping: rows.upperBound, visible: visible, total: lines.count,
                                               from: detailOffset)
            detailOffset = min(detailOffset, rows.lowerBound)
        }
        detailOffset = ScrollWindow.clamp(detailOffset, visible: visible, total: lines.count)
        if screen == .injects, let words = InjectWords(self) {
            let rows = InjectsView.rows(words, width: layout.innerWidth)
            let shown = layout.viewBodyHeight - (EventsView.notice(self) == nil ? 0 : 1)
            injectsOffset = InjectsView.offset(rows, app: self, visible: max(0, shown))
        }
    }

    /// The rows of the highlighted checklist item.
    func checklistRows(in lines: [DetailLine]) -> ClosedRange<Int>? {
        guard let first = lines.firstIndex(where: { $0.checklistItem == checklistCursor }),
              let last = lines.lastIndex(where: { $0.checklistItem == checklistCursor })
        else { return nil }
        return first...last
    }

    /// Rows that one page of the body scrolls by.
    var page: Int { max(1, layout.bodyHeight - 1) }
}
