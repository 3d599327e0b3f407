/// An event a command wants appended, with when it happened; the store
/// gives it its seq, recorded time, actor and hashes.
public struct EventDraft: Equatable, Sendable {
    public var occurred: Timestamp
    public var event: IncidentEvent

    public init(occurred: Timestamp, event: IncidentEvent) {
        self.occurred = occurred
        self.event = event
    }
}

extension RunState {
    /// The drafts as records following this state's last one: seq assigned,
    /// `prev` and `hash` left empty for the store to fill in as it seals them.
    public func records(for drafts: [EventDraft], recorded: Timestamp, actor: String) -> [EventRecord] {
        drafts.enumerated().map { offset, draft in
            EventRecord(
                seq: nextSeq + offset, occurred: draft.occurred, recorded: recorded, actor: actor, event: draft.event)
        }
    }
}
