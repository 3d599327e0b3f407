import PlaybookFormat

/// What happened, with its data: the body of one journal record.
///
/// Step, phase, deadline and inject ids are the playbook's and scenario's
/// ids; checklist items and decision options are 1-based, as responders
/// number them. Each case's data is written in the field order listed in
/// `EventRecord`'s documentation; optional fields are left out when nil or false.
public enum IncidentEvent: Sendable, Equatable {
    /// The incident was opened from a playbook; `playbookSHA256` is the hex
    /// SHA-256 of the playbook file's bytes (the copy kept with the incident).
    case incidentOpened(playbook: String, version: String?, playbookSHA256: String, title: String, exercise: Bool)
    /// The flow entered a phase (named by its stage).
    case phaseEntered(phase: Stage)
    /// The flow reached a step: it became the current step.
    case stepReached(step: String)
    case stepCompleted(step: String, note: String?)
    case stepSkipped(step: String, reason: String)
    /// A done or skipped step became open again (a loop, or a responder's undo).
    case stepReopened(step: String)
    case checklistTicked(step: String, item: Int)
    case checklistUnticked(step: String, item: Int)
    /// A decision was answered: the question as asked, the option chosen
    /// (1-based) with its label, and where it leads.
    case decisionAnswered(step: String, question: String, option: Int, label: String, target: StepTarget)
    /// A note; `step` when it was written about a step, `lesson` when it is
    /// marked as something to learn from (the review collects these).
    case noteAdded(text: String, step: String?, lesson: Bool)
    /// Replaces the text of the event `seq` (a note, a completion note, a
    /// skip reason, a closing note); the original stays in the journal.
    case correction(seq: Int, text: String)
    case deadlineStarted(deadline: String, due: Timestamp)
    case deadlineMet(deadline: String)
    case deadlineMissed(deadline: String)
    /// A started deadline is not required: the chosen path passed over its
    /// `until` step, or the step was skipped, before the deadline was due.
    case deadlineWaived(deadline: String, reason: DeadlineWaiverReason)
    case incidentClosed(note: String?)
    case incidentReopened(reason: String?)

    // Tabletop exercises. `speed` is how many exercise seconds pass per real
    // second; `banner` replaces the default marking ("ØVELSE") on every screen.
    case exerciseStarted(scenario: String, speed: Int, banner: String?)
    case exercisePaused
    case exerciseResumed
    case exerciseSpeedChanged(speed: Int)
    case injectDelivered(inject: String)
    /// Moves the inject, and every later inject not yet delivered, `seconds`
    /// of exercise time later.
    case injectPostponed(inject: String, seconds: Int)
    /// An observation by the facilitator or an evaluator (after
    /// `exercise_ended`, a first impression from the hotwash).
    case evaluatorNote(text: String, step: String?)
    /// The exercise is over: completed as planned, or stopped because a real
    /// incident needs the people in the room (`note` says why).
    case exerciseEnded(reason: ExerciseEndReason, note: String?)

    public var kind: EventKind {
        switch self {
        case .incidentOpened: .incidentOpened
        case .phaseEntered: .phaseEntered
        case .stepReached: .stepReached
        case .stepCompleted: .stepCompleted
        case .stepSkipped: .stepSkipped
        case .stepReopened: .stepReopened
        case .checklistTicked: .checklistTicked
        case .checklistUnticked: .checklistUnticked
        case .decisionAnswered: .decisionAnswered
        case .noteAdded: .noteAdded
        case .correction: .correction
        case .deadlineStarted: .deadlineStarted
        case .deadlineMet: .deadlineMet
        case .deadlineMissed: .deadlineMissed
        case .deadlineWaived: .deadlineWaived
        case .incidentClosed: .incidentClosed
        case .incidentReopened: .incidentReopened
        case .exerciseStarted: .exerciseStarted
        case .exercisePaused: .exercisePaused
        case .exerciseResumed: .exerciseResumed
        case .exerciseSpeedChanged: .exerciseSpeedChanged
        case .injectDelivered: .injectDelivered
        case .injectPostponed: .injectPostponed
        case .evaluatorNote: .evaluatorNote
        case .exerciseEnded: .exerciseEnded
        }
    }

    /// The step the event is about, if any.
    public var step: String? {
        switch self {
        case .stepReached(let step), .stepCompleted(let step, _), .stepSkipped(let step, _),
             .stepReopened(let step), .checklistTicked(let step, _), .checklistUnticked(let step, _),
             .decisionAnswered(let step, _, _, _, _):
            step
        case .noteAdded(_, let step, _), .evaluatorNote(_, let step): step
        default: nil
        }
    }

    /// The free text a responder wrote in this event, which a correction may replace.
    public var correctableText: String? {
        switch self {
        case .noteAdded(let text, _, _), .evaluatorNote(let text, _): text
        case .stepCompleted(_, let note): note
        case .stepSkipped(_, let reason): reason
        case .incidentClosed(let note): note
        case .incidentReopened(let reason): reason
        case .exerciseEnded(_, let note): note
        default: nil
        }
    }

    // MARK: JSON

    /// The `data` object, fields in their fixed order.
    public var data: JSONValue {
        var m: [(key: String, value: JSONValue)] = []
        switch self {
        case .incidentOpened(let playbook, let version, let sha, let title, let exercise):
            m.append(("playbook", .string(playbook)))
            if let version { m.append(("version", .string(version))) }
            m.append(("sha256", .string(sha)))
            m.append(("title", .string(title)))
            m.append(("exercise", .bool(exercise)))
        case .phaseEntered(let phase):
            m.append(("phase", .string(phase.rawValue)))
        case .stepReached(let step), .stepReopened(let step):
            m.append(("step", .string(step)))
        case .stepCompleted(let step, let note):
            m.append(("step", .string(step)))
            if let note { m.append(("note", .string(note))) }
        case .stepSkipped(let step, let reason):
            m.append(("step", .string(step)))
            m.append(("reason", .string(reason)))
        case .checklistTicked(let step, let item), .checklistUnticked(let step, let item):
            m.append(("step", .string(step)))
            m.append(("item", .int(Int64(item))))
        case .decisionAnswered(let step, let question, let option, let label, let target):
            m.append(("step", .string(step)))
            m.append(("question", .string(question)))
            m.append(("option", .int(Int64(option))))
            m.append(("label", .string(label)))
            m.append(("target", .string(target.description)))
        case .noteAdded(let text, let step, let lesson):
            m.append(("text", .string(text)))
            if let step { m.append(("step", .string(step))) }
            if lesson { m.append(("lesson", .bool(true))) }
        case .correction(let seq, let text):
            m.append(("seq", .int(Int64(seq))))
            m.append(("text", .string(text)))
        case .deadlineStarted(let deadline, let due):
            m.append(("deadline", .string(deadline)))
            m.append(("due", .string(due.rfc3339)))
        case .deadlineMet(let deadline), .deadlineMissed(let deadline):
            m.append(("deadline", .string(deadline)))
        case .deadlineWaived(let deadline, let reason):
            m.append(("deadline", .string(deadline)))
            m.append(("reason", .string(reason.rawValue)))
        case .incidentClosed(let note):
            if let note { m.append(("note", .string(note))) }
        case .incidentReopened(let reason):
            if let reason { m.append(("reason", .string(reason))) }
        case .exerciseStarted(let scenario, let speed, let banner):
            m.append(("scenario", .string(scenario)))
            m.append(("speed", .int(Int64(speed))))
            if let banner { m.append(("banner", .string(banner))) }
        case .exercisePaused, .exerciseResumed:
            break
        case .exerciseSpeedChanged(let speed):
            m.append(("speed", .int(Int64(speed))))
        case .injectDelivered(let inject):
            m.append(("inject", .string(inject)))
        case .injectPostponed(let inject, let seconds):
            m.append(("inject", .string(inject)))
            m.append(("seconds", .int(Int64(seconds))))
        case .evaluatorNote(let text, let step):
            m.append(("text", .string(text)))
            if let step { m.append(("step", .string(step))) }
        case .exerciseEnded(let reason, let note):
            m.append(("reason", .string(reason.rawValue)))
            if let note { m.append(("note", .string(note))) }
        }
        return .object(m)
    }

    /// Reads an event from its `kind` and `data` object.
    public init(kind name: String, data: JSONValue) throws(EventDecodingError) {
        guard let kind = EventKind(rawValue: name) else { throw .unknownKind(name) }
        var r = try JSONObjectReader(data, path: "data")
        switch kind {
        case .incidentOpened:
            let playbook = try r.nonEmptyString("playbook")
            let version = try r.optionalString("version")
            let sha = try r.string("sha256")
            guard sha.isSHA256Hex else {
                throw .invalidValue(field: "data.sha256", reason: "must be 64 lower-case hex digits")
            }
            self = .incidentOpened(
                playbook: playbook, version: version, playbookSHA256: sha, title: try r.string("title"),
                exercise: try r.bool("exercise")
            )
        case .phaseEntered:
            let name = try r.string("phase")
            guard let stage = Stage(rawValue: name) else {
                throw .invalidValue(field: "data.phase", reason: "is not a stage: '\(name)'")
            }
            self = .phaseEntered(phase: stage)
        case .stepReached: self = .stepReached(step: try r.nonEmptyString("step"))
        case .stepReopened: self = .stepReopened(step: try r.nonEmptyString("step"))
        case .stepCompleted:
            self = .stepCompleted(step: try r.nonEmptyString("step"), note: try r.optionalString("note"))
        case .stepSkipped:
            self = .stepSkipped(step: try r.nonEmptyString("step"), reason: try r.string("reason"))
        case .checklistTicked:
            self = .checklistTicked(step: try r.nonEmptyString("step"), item: try r.int("item", atLeast: 1))
        case .checklistUnticked:
            self = .checklistUnticked(step: try r.nonEmptyString("step"), item: try r.int("item", atLeast: 1))
        case .decisionAnswered:
            let step = try r.nonEmptyString("step")
            let question = try r.string("question")
            let option = try r.int("option", atLeast: 1)
            let label = try r.string("label")
            let target = try r.nonEmptyString("target")
            self = .decisionAnswered(
                step: step, question: question, option: option, label: label, target: StepTarget(target))
        case .noteAdded:
            self = .noteAdded(
                text: try r.string("text"), step: try r.optionalString("step"),
                lesson: try r.optionalBool("lesson") ?? false)
        case .correction:
            self = .correction(seq: try r.int("seq", atLeast: 1), text: try r.string("text"))
        case .deadlineStarted:
            self = .deadlineStarted(deadline: try r.nonEmptyString("deadline"), due: try r.timestamp("due"))
        case .deadlineMet: self = .deadlineMet(deadline: try r.nonEmptyString("deadline"))
        case .deadlineMissed: self = .deadlineMissed(deadline: try r.nonEmptyString("deadline"))
        case .deadlineWaived:
            let deadline = try r.nonEmptyString("deadline")
            let name = try r.string("reason")
            guard let reason = DeadlineWaiverReason(rawValue: name) else {
                throw .invalidValue(field: "data.reason", reason: "is not a waiver reason: '\(name)'")
            }
            self = .deadlineWaived(deadline: deadline, reason: reason)
        case .incidentClosed: self = .incidentClosed(note: try r.optionalString("note"))
        case .incidentReopened: self = .incidentReopened(reason: try r.optionalString("reason"))
        case .exerciseStarted:
            self = .exerciseStarted(
                scenario: try r.nonEmptyString("scenario"), speed: try r.int("speed", atLeast: 1),
                banner: try r.optionalString("banner"))
        case .exercisePaused: self = .exercisePaused
        case .exerciseResumed: self = .exerciseResumed
        case .exerciseSpeedChanged: self = .exerciseSpeedChanged(speed: try r.int("speed", atLeast: 1))
        case .injectDelivered: self = .injectDelivered(inject: try r.nonEmptyString("inject"))
        case .injectPostponed:
            self = .injectPostponed(inject: try r.nonEmptyString("inject"), seconds: try r.int("seconds", atLeast: 0))
        case .evaluatorNote:
            self = .evaluatorNote(text: try r.string("text"), step: try r.optionalString("step"))
        case .exerciseEnded:
            let name = try r.string("reason")
            guard let reason = ExerciseEndReason(rawValue: name) else {
                throw .invalidValue(field: "data.reason", reason: "is not a reason to end an exercise: '\(name)'")
            }
            self = .exerciseEnded(reason: reason, note: try r.optionalString("note"))
        }
        try r.finish()
    }
}

extension String {
    /// 64 lower-case hex digits: a SHA-256 as the journal spells it.
    var isSHA256Hex: Bool {
        let fast = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count == 64 && bytes.allSatisfy(\.isLowercaseHexDigit)
        }
        return fast ?? (utf8.count == 64 && utf8.allSatisfy(\.isLowercaseHexDigit))
    }
}

extension UInt8 {
    /// 0-9 or a-f: the spelling of hashes in the journal.
    var isLowercaseHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
    }
}
