import PlaybookFormat

/// Everything the binder looks up about a playbook: step numbers, role names,
/// where decisions lead, which contacts are known, which deadlines start or
/// end at a step. Resolved once here so that the text, Markdown and HTML
/// binders cannot disagree. Strings are returned as written (unescaped);
/// each renderer sanitises and escapes them for its format.
struct BinderContext {
    /// Where a decision option leads, resolved to a step where possible.
    enum Target: Equatable {
        /// A step, by its index in `Playbook.steps`.
        case step(Int)
        /// The step after this one (nil when this is the last step: the playbook ends).
        case next(Int?)
        case end
        /// A step id that names no step (an invalid playbook is still shown).
        case unknown(String)
    }

    /// A contact id from `notify`, looked up in the contact lists.
    enum ContactEntry {
        case found(Contact)
        /// Not in any of the contact lists given.
        case missing(String)
        /// No contact list was given, so nothing could be looked up.
        case unchecked(String)
    }

    let playbook: Playbook
    let contactLists: [ContactList]
    let strings: ReportStrings
    private let stepIndexByID: [String: Int]

    init(playbook: Playbook, contactLists: [ContactList], language: ReportLanguage) {
        self.playbook = playbook
        self.contactLists = contactLists
        self.strings = ReportStrings(language)
        var indices: [String: Int] = [:]
        for (index, step) in playbook.steps.enumerated() where indices[step.id.value] == nil {
            indices[step.id.value] = index
        }
        self.stepIndexByID = indices
    }

    // MARK: Steps

    /// Steps are numbered 1… across the whole playbook, in file order: the
    /// order they run in, and the numbers that decisions refer to.
    func number(ofStepAt index: Int) -> Int { index + 1 }

    /// "3. Isoler berørte systemer".
    func label(ofStepAt index: Int) -> String {
        "\(number(ofStepAt: index)). \(playbook.steps[index].title.value)"
    }

    func stepIndex(of id: String) -> Int? { stepIndexByID[id] }

    /// The step label for an id, or the id itself marked unknown.
    func label(ofStep id: String) -> String {
        if let index = stepIndex(of: id) { return label(ofStepAt: index) }
        return "\(id) (\(strings.unknownStep))"
    }

    /// The indices of a phase's steps (a range past the steps is clamped, not trusted).
    func stepIndices(of phase: Phase) -> Range<Int> {
        let lower = min(max(phase.stepRange.lowerBound, 0), playbook.steps.count)
        let upper = min(max(phase.stepRange.upperBound, lower), playbook.steps.count)
        return lower..<upper
    }

    func target(_ target: StepTarget, fromStepAt index: Int) -> Target {
        switch target {
        case .step(let id):
            if let found = stepIndex(of: id) { return .step(found) }
            return .unknown(id)
        case .next:
            return .next(index + 1 < playbook.steps.count ? index + 1 : nil)
        case .end:
            return .end
        }
    }

    /// "→ 5. Vurder om …", "→ neste steg (4. …)", "→ slutt", as plain text.
    func describe(_ target: Target) -> String {
        switch target {
        case .step(let index): "→ \(label(ofStepAt: index))"
        case .next(let index?): "→ \(strings.nextStep) (\(label(ofStepAt: index)))"
        case .next(nil): "→ \(strings.nextStep) (\(strings.end))"
        case .end: "→ \(strings.end)"
        case .unknown(let id): "→ \(id) (\(strings.unknownStep))"
        }
    }

    // MARK: Roles

    /// The role's name, or its id marked unknown when the playbook does not define it.
    func roleName(_ id: String) -> String {
        playbook.role(id)?.name.value ?? "\(id) (\(strings.unknownRole))"
    }

    // MARK: Deadlines

    func deadlinesStarting(atStep id: String) -> [Deadline] {
        playbook.deadlines.filter { $0.from?.value == id }
    }

    func deadlinesMet(atStep id: String) -> [Deadline] {
        playbook.deadlines.filter { $0.until?.value == id }
    }

    /// "når steg 4. Start 72-timersfristen nås" or "når hendelsen åpnes".
    func startDescription(_ deadline: Deadline) -> String {
        guard let from = deadline.from else { return strings.startsWhenOpened }
        return strings.startsWhenReached(label(ofStep: from.value))
    }

    func metDescription(_ deadline: Deadline) -> String {
        guard let until = deadline.until else { return strings.notSet }
        return strings.metWhenCompleted(label(ofStep: until.value))
    }

    // MARK: Contacts

    func contact(_ id: String) -> ContactEntry {
        guard !contactLists.isEmpty else { return .unchecked(id) }
        for list in contactLists {
            if let contact = list.contact(id) { return .found(contact) }
        }
        return .missing(id)
    }

    /// Every contact id the playbook notifies, once each, in order of first use.
    var notifiedIDs: [String] {
        var seen: Set<String> = []
        return playbook.steps.flatMap { $0.notify.map(\.value) }.filter { seen.insert($0).inserted }
    }

    /// The contact lists that hold at least one contact the playbook notifies:
    /// printed whole at the end, for the day the numbers are needed.
    var referencedLists: [ContactList] {
        let ids = Set(notifiedIDs)
        return contactLists.filter { list in list.contacts.contains { ids.contains($0.id.value) } }
    }

    /// Notified ids that no contact list holds (empty when no list was given).
    var missingContactIDs: [String] {
        guard !contactLists.isEmpty else { return [] }
        return notifiedIDs.filter { id in !contactLists.contains { $0.contact(id) != nil } }
    }

    /// "Telefon: 02497", "Når: Døgnåpent", … for the fields a contact has.
    func details(of contact: Contact) -> [(label: String, value: String)] {
        var details: [(label: String, value: String)] = []
        if let phone = contact.phone { details.append((strings.phone, phone.value)) }
        if let email = contact.email { details.append((strings.email, email.value)) }
        if let when = contact.when { details.append((strings.when, when.value)) }
        if let note = contact.note { details.append((strings.note, note.value)) }
        if let ref = contact.ref { details.append((strings.ref, ref.value)) }
        return details
    }

    /// A contact list's heading: its title and id, or its id alone.
    func heading(of list: ContactList) -> String {
        if let title = list.title { return "\(title.value) (\(list.id.value))" }
        return list.id.value
    }
}
