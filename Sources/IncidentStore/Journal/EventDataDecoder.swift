import IncidentEngine
import PlaybookFormat

/// Reads an event's `data` object straight from a journal line's bytes into
/// an `IncidentEvent`, without a `JSONValue` tree or a reader over it.
///
/// It accepts only the store's own spelling of `data` (`IncidentEvent.data`:
/// each kind's keys in their fixed order, optional keys absent, no
/// whitespace) and only values `IncidentEvent(kind:data:)` accepts (ids not
/// empty, positions from 1, known stages and reasons). Anything else throws
/// `NotCanonical` and the line is read the general way, which accepts every
/// valid spelling and names what is wrong: this decoder is only faster, never
/// more or less lenient. `EventDataDecoderTests` hold the two paths to that.
enum EventDataDecoder {
    typealias NotCanonical = JournalByteCursor.NotCanonical

    /// The event of `kind` whose data object starts at the cursor and ends exactly at the cursor's end.
    static func decode(_ kind: EventKind, _ cursor: inout JournalByteCursor) throws(NotCanonical) -> IncidentEvent {
        try cursor.expect("{")
        var data = Members(cursor: cursor)
        let event = try decode(kind, &data)
        cursor = data.cursor
        try cursor.expect("}")
        guard cursor.isAtEnd else { throw NotCanonical() }
        return event
    }

    private static func decode(_ kind: EventKind, _ data: inout Members) throws(NotCanonical) -> IncidentEvent {
        switch kind {
        case .incidentOpened:
            let playbook = try data.nonEmptyString("playbook")
            let version = try data.optionalString("version")
            try data.key("sha256")
            try data.cursor.expect("\"")
            let sha = try data.cursor.hex64()
            try data.cursor.expect("\"")
            return .incidentOpened(
                playbook: playbook, version: version, playbookSHA256: sha, title: try data.string("title"),
                exercise: try data.bool("exercise"))
        case .phaseEntered:
            guard let stage = Stage(rawValue: try data.string("phase")) else { throw NotCanonical() }
            return .phaseEntered(phase: stage)
        case .stepReached:
            return .stepReached(step: try data.nonEmptyString("step"))
        case .stepReopened:
            return .stepReopened(step: try data.nonEmptyString("step"))
        case .stepCompleted:
            return .stepCompleted(step: try data.nonEmptyString("step"), note: try data.optionalString("note"))
        case .stepSkipped:
            return .stepSkipped(step: try data.nonEmptyString("step"), reason: try data.string("reason"))
        case .checklistTicked:
            return .checklistTicked(step: try data.nonEmptyString("step"), item: try data.integer("item", atLeast: 1))
        case .checklistUnticked:
            return .checklistUnticked(step: try data.nonEmptyString("step"), item: try data.integer("item", atLeast: 1))
        case .decisionAnswered:
            let step = try data.nonEmptyString("step")
            let question = try data.string("question")
            let option = try data.integer("option", atLeast: 1)
            let label = try data.string("label")
            let target = try data.nonEmptyString("target")
            return .decisionAnswered(step: step, question: question, option: option, label: label, target: StepTarget(target))
        case .noteAdded:
            let text = try data.string("text")
            let step = try data.optionalString("step")
            let lesson = try data.optionalBool("lesson") ?? false
            return .noteAdded(text: text, step: step, lesson: lesson)
        case .correction:
            return .correction(seq: try data.integer("seq", atLeast: 1), text: try data.string("text"))
        case .deadlineStarted:
            let deadline = try data.nonEmptyString("deadline")
            try data.key("due")
            return .deadlineStarted(deadline: deadline, due: try data.cursor.timestamp())
        case .deadlineMet:
            return .deadlineMet(deadline: try data.nonEmptyString("deadline"))
        case .deadlineMissed:
            return .deadlineMissed(deadline: try data.nonEmptyString("deadline"))
        case .deadlineWaived:
            let deadline = try data.nonEmptyString("deadline")
            guard let reason = DeadlineWaiverReason(rawValue: try data.string("reason")) else { throw NotCanonical() }
            return .deadlineWaived(deadline: deadline, reason: reason)
        case .incidentClosed:
            return .incidentClosed(note: try data.optionalString("note"))
        case .incidentReopened:
            return .incidentReopened(reason: try data.optionalString("reason"))
        case .exerciseStarted:
            let scenario = try data.nonEmptyString("scenario")
            let speed = try data.integer("speed", atLeast: 1)
            return .exerciseStarted(scenario: scenario, speed: speed, banner: try data.optionalString("banner"))
        case .exercisePaused:
            return .exercisePaused
        case .exerciseResumed:
            return .exerciseResumed
        case .exerciseSpeedChanged:
            return .exerciseSpeedChanged(speed: try data.integer("speed", atLeast: 1))
        case .injectDelivered:
            return .injectDelivered(inject: try data.nonEmptyString("inject"))
        case .injectPostponed:
            let inject = try data.nonEmptyString("inject")
            return .injectPostponed(inject: inject, seconds: try data.integer("seconds", atLeast: 0))
        case .evaluatorNote:
            return .evaluatorNote(text: try data.string("text"), step: try data.optionalString("step"))
        case .exerciseEnded:
            guard let reason = ExerciseEndReason(rawValue: try data.string("reason")) else { throw NotCanonical() }
            return .exerciseEnded(reason: reason, note: try data.optionalString("note"))
        }
    }

    /// The kind whose name is exactly `name`, or nil.
    static func kind(named name: UnsafeRawBufferPointer) -> EventKind? {
        for entry in kindNames where entry.name.count == name.count {
            if entry.name.withUnsafeBytes({ JournalByteCursor.same($0, name) }) { return entry.kind }
        }
        return nil
    }

    /// Every kind's name as bytes, to match a line's `kind` without making a string.
    private static let kindNames: [(name: [UInt8], kind: EventKind)] = EventKind.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The members of a data object after its `{`, read in order: a key is
    /// `"name":`, after a comma unless it is the first member.
    private struct Members {
        var cursor: JournalByteCursor
        private var isFirst = true

        init(cursor: JournalByteCursor) {
            self.cursor = cursor
        }

        /// Consumes the key `name` if it comes next; false (nothing consumed) otherwise.
        mutating func skipKey(_ name: StaticString) -> Bool {
            let start = cursor.index
            if (isFirst || cursor.skip(",")) && cursor.skip("\"") && cursor.skip(name) && cursor.skip("\":") {
                isFirst = false
                return true
            }
            cursor.index = start
            return false
        }

        mutating func key(_ name: StaticString) throws(NotCanonical) {
            guard skipKey(name) else { throw NotCanonical() }
        }

        mutating func string(_ name: StaticString) throws(NotCanonical) -> String {
            try key(name)
            return try cursor.string()
        }

        mutating func nonEmptyString(_ name: StaticString) throws(NotCanonical) -> String {
            try key(name)
            return try cursor.nonEmptyString()
        }

        mutating func optionalString(_ name: StaticString) throws(NotCanonical) -> String? {
            guard skipKey(name) else { return nil }
            return try cursor.string()
        }

        mutating func integer(_ name: StaticString, atLeast minimum: Int) throws(NotCanonical) -> Int {
            try key(name)
            return try cursor.integer(atLeast: minimum)
        }

        mutating func bool(_ name: StaticString) throws(NotCanonical) -> Bool {
            try key(name)
            return try cursor.bool()
        }

        mutating func optionalBool(_ name: StaticString) throws(NotCanonical) -> Bool? {
            guard skipKey(name) else { return nil }
            return try cursor.bool()
        }
    }
}
