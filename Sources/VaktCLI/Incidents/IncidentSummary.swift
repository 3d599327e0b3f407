import IncidentEngine
import IncidentStore
import PlaybookFormat

/// The facts `vakt list` shows for one incident (and `vakt status` starts with).
struct IncidentSummary {
    var id: String
    var title: String
    var playbookID: String
    var playbookVersion: String?
    var opened: Timestamp?
    var openedBy: String?
    var exercise: Bool
    var closed: Bool
    var closedAt: Timestamp?
    var currentStep: Step?
    var ended: Bool
    var events: Int
    var head: String

    init(session: IncidentSession) {
        let state = session.state
        let opening = state.opening
        id = session.folder.id.rawValue
        title = opening?.title ?? session.playbook.title.value
        playbookID = opening?.playbookID ?? session.playbook.id.value
        playbookVersion = opening?.playbookVersion
        opened = opening?.openedAt
        openedBy = opening?.openedBy
        exercise = opening?.isExercise ?? false
        closed = state.isClosed
        closedAt = state.closedAt
        currentStep = state.currentStep
        ended = state.hasEnded
        events = session.journal.records.count
        head = session.journal.headHash
    }

    var status: String { closed ? "closed" : "open" }

    var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(id)),
            ("title", .string(title)),
            ("playbook", .string(playbookID)),
        ]
        if let playbookVersion { members.append(("playbook_version", .string(playbookVersion))) }
        members.append(("opened", opened.map { .string($0.rfc3339) } ?? .null))
        members.append(("opened_by", openedBy.map(JSONValue.string) ?? .null))
        members.append(("exercise", .bool(exercise)))
        members.append(("status", .string(status)))
        members.append(("closed", closedAt.map { .string($0.rfc3339) } ?? .null))
        members.append(("current_step", currentStep.map { .string($0.id.value) } ?? .null))
        members.append(("current_step_title", currentStep.map { .string($0.title.value) } ?? .null))
        members.append(("ended", .bool(ended)))
        members.append(("events", .int(Int64(events))))
        members.append(("head", .string(head)))
        return .object(members)
    }
}
