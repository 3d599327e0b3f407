import PlaybookFormat

/// What has happened to one step of the playbook in this run.
public struct StepState: Equatable, Sendable {
    public var status: StepStatus
    /// When the flow first reached the step (occurred time), and how often.
    public var firstReachedAt: Timestamp?
    public var lastReachedAt: Timestamp?
    public var timesReached: Int
    /// When the step was last completed, by whom, with the note as it now
    /// reads (a correction replaces it) and the seq of the completing event.
    public var completedAt: Timestamp?
    public var completedBy: String?
    public var note: String?
    public var completionSeq: Int?
    /// When the step was last skipped, and why (as it now reads).
    public var skippedAt: Timestamp?
    public var skippedBy: String?
    public var skipReason: String?
    public var skipSeq: Int?
    /// The checklist items, in the playbook's order.
    public var checklist: [ChecklistItemState]
    /// The answer the step's decision has now (cleared when the step reopens).
    public var answer: DecisionAnswer?
    public var timesReopened: Int

    init(checklistCount: Int) {
        status = .pending
        timesReached = 0
        checklist = Array(repeating: ChecklistItemState(), count: checklistCount)
        timesReopened = 0
    }

    /// Pending, current or bypassed: it can still be done or skipped.
    public var isOpen: Bool { !status.isClosed }

    public var ticked: Int { checklist.lazy.filter(\.isTicked).count }
}

/// One checklist item: ticked or not, and the last change.
public struct ChecklistItemState: Equatable, Sendable {
    public var isTicked = false
    public var changedAt: Timestamp?
    public var changedBy: String?
}

/// The answer chosen for a step's decision.
public struct DecisionAnswer: Equatable, Sendable {
    /// 1-based, as the responder chose it.
    public var option: Int
    public var label: String
    public var target: StepTarget
    public var seq: Int
    public var at: Timestamp
    public var by: String
}
