/// What the decoder notes about each step as it reads it, for `PlaybookValidator`:
/// the index of step ids, and the outcome of the checks that need only the step.
///
/// Noted while the step is fresh in the cache, these let the validator check a
/// large playbook from a few compact arrays; it goes back to a step itself
/// only to report a problem. (Walking fifteen thousand steps again, and the
/// options of every decision, used to cost more than reading them.) The
/// validator still reports everything in the order it always did.
struct StepFacts {
    /// Each id's first step.
    private var index: StepIndex
    /// Steps whose id an earlier step already has, with that earlier step, in file order.
    private(set) var repeats: [(position: Int, first: Int)] = []
    /// One per step, in order.
    private(set) var steps: [Fact] = []
    /// The options of every decision, step after step.
    private(set) var options: [OptionFact] = []
    /// The step ids that options lead to, in order (looked up once every step is known).
    private(set) var targetIDs: [String] = []
    /// The ids of the playbook's roles, once its `roles:` has been read.
    private var roleIDs: [String]?

    struct Fact {
        var flags: Flags
        /// The step's decision options are `options[firstOption ..< firstOption + optionCount]`.
        var firstOption: Int32
        var optionCount: Int32
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// The id is `next` or `end`.
        static let reservedID = Flags(rawValue: 1 << 0)
        /// Nothing for the responder to do (`Step.isEmpty`).
        static let empty = Flags(rawValue: 1 << 1)
        /// The role is not one of the playbook's.
        static let unknownRole = Flags(rawValue: 1 << 2)
        /// The role was read before the playbook's roles: it is checked at the end.
        static let roleToCheck = Flags(rawValue: 1 << 3)
        static let hasDecision = Flags(rawValue: 1 << 4)
    }

    struct OptionFact {
        /// `StepFacts.end`, `StepFacts.next`, or the position of the id in `targetIDs`.
        var target: Int32
        /// The line of an earlier option of the same decision with the same label; 0 if none.
        var earlierLabelLine: Int32
    }

    static let end: Int32 = -1
    static let next: Int32 = -2

    /// Room for about `count` steps (more if need be).
    init(expectedCount count: Int) {
        index = StepIndex(expectedCount: count)
        steps.reserveCapacity(count)
    }

    /// The position of the first step with `id`.
    subscript(id: String) -> Int? { index[id] }

    /// Notes that the step at `position` (the next one in file order) has `id`.
    mutating func add(_ id: String, at position: Int) {
        if let first = index.add(id) { repeats.append((position, first)) }
    }

    /// The playbook's roles have been read: steps from now on are checked against them.
    mutating func rolesRead(_ roles: [Role]) {
        var ids: [String] = []
        for role in roles where !ids.contains(role.id.value) { ids.append(role.id.value) }
        roleIDs = ids
    }

    /// Notes the checks on `step`, the one last given to `add(_:at:)`, once it is complete.
    mutating func check(_ step: borrowing Step) {
        var flags: Flags = []
        if step.id.value == "next" || step.id.value == "end" { flags.insert(.reservedID) }
        if let role = step.role {
            if let roleIDs {
                if !roleIDs.contains(role.value) { flags.insert(.unknownRole) }
            } else {
                flags.insert(.roleToCheck)
            }
        }
        if Self.isEmpty(step) { flags.insert(.empty) }
        let firstOption = options.count
        if let decision = step.decision {
            flags.insert(.hasDecision)
            for (index, option) in decision.options.enumerated() {
                var earlierLine: Int32 = 0
                for earlier in decision.options[..<index] where Self.sameLabel(earlier.label.value, option.label.value) {
                    earlierLine = Int32(earlier.label.span.line)
                    break
                }
                let target: Int32
                switch option.target.value {
                case .end: target = Self.end
                case .next: target = Self.next
                case .step(let id):
                    target = Int32(targetIDs.count)
                    targetIDs.append(id)
                }
                options.append(OptionFact(target: target, earlierLabelLine: earlierLine))
            }
        }
        steps.append(Fact(flags: flags, firstOption: Int32(firstOption), optionCount: Int32(options.count - firstOption)))
    }

    /// `Step.isEmpty`, read in place. (That property compares each optional with `nil` through `==`,
    /// which retains the value first.)
    private static func isEmpty(_ step: borrowing Step) -> Bool {
        if case .some = step.instructions { return false }
        if case .some = step.commands { return false }
        if case .some = step.record { return false }
        if case .some = step.decision { return false }
        return step.checklist.isEmpty
    }

    /// Labels equal ignoring case (`Ja` and `ja` would confuse whoever answers by label).
    static func sameLabel(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
    }
}
