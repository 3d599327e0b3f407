/// Builds a `Playbook` from the entries of a `.playbook` file.
///
/// The decoder reports what is wrong in a single entry (an unknown key, a
/// malformed id or duration, an option without an arrow). Rules that need the
/// whole playbook (references, reachability, duplicate ids) belong to
/// `PlaybookValidator`.
///
/// Each block's entries are pulled one at a time in a plain loop, so that the
/// value being built is filled in place, never captured by a closure and
/// copied (a `Step` is large: it is filled in right in `Playbook.steps`).
struct PlaybookDecoder {
    static let topLevelKeys = ["playbook", "title", "lang", "version", "owner", "tags", "summary", "roles", "ref"]
    static let topLevelBlocks = ["phase", "deadline"]
    static let stepKeys = ["role", "expect", "do", "check", "run", "record", "ask", "notify", "ref", "tags"]
    static let deadlineKeys = ["within", "from", "until", "warn", "ref"]

    /// The playbook, and what `PlaybookValidator` needs to know about its steps; nil once too
    /// many errors stopped the reader.
    static func decode(_ reader: inout DocumentReader) -> (playbook: Playbook, facts: StepFacts)? {
        let firstSpan = reader.firstContentSpan()
        var id: Located<String>?
        var title: Located<String>?
        var sawID = false
        var sawTitle = false
        var playbook = Playbook(id: Located("", at: firstSpan), title: Located("", at: firstSpan))
        // A step takes a few hundred bytes at the least: reserving for one per 512 bytes avoids rehashing the ids.
        var facts = StepFacts(expectedCount: reader.bytes.count / 512)

        var entries = reader.entries(under: -1)
        while let entry = reader.nextEntry(&entries) {
            switch (entry.form, entry.key) {
            case (.block, .phase):
                decodePhase(entry, into: &playbook, facts: &facts, &reader)
            case (.block, .deadline):
                playbook.deadlines.append(decodeDeadline(entry, &reader))
            case (.field, .playbook), (.textBlock, .playbook):
                sawID = true
                id = reader.id(entry, what: "playbook id")
            case (.field, .title), (.textBlock, .title):
                sawTitle = true
                title = reader.text(entry, allowBlock: false)
            case (.field, .lang), (.textBlock, .lang):
                playbook.lang = reader.text(entry, allowBlock: false)
            case (.field, .version), (.textBlock, .version):
                playbook.version = reader.text(entry, allowBlock: false)
            case (.field, .owner), (.textBlock, .owner):
                playbook.owner = reader.text(entry, allowBlock: false)
            case (.field, .tags), (.textBlock, .tags):
                playbook.tags = reader.commaList(entry)
            case (.field, .summary), (.textBlock, .summary):
                playbook.summary = reader.text(entry)
            case (.field, .ref), (.textBlock, .ref):
                playbook.ref = reader.text(entry)
            case (.field, .roles), (.textBlock, .roles):
                playbook.roles = decodeRoles(entry, &reader)
                facts.rolesRead(playbook.roles)
            case (.field, .extension), (.textBlock, .extension):
                playbook.extensions.append(reader.extensionField(entry))
            default:
                reader.unknownKey(entry, in: "a playbook", known: topLevelKeys, blocks: topLevelBlocks)
            }
        }
        guard !reader.stopped else { return nil }
        if let id { playbook.id = id } else if !sawID {
            reader.error(.missingField, "missing 'playbook: ID'", at: firstSpan,
                         help: "every playbook starts with its id, e.g. 'playbook: ransomware'")
        }
        if let title { playbook.title = title } else if !sawTitle {
            reader.error(.missingField, "missing 'title: …'", at: firstSpan,
                         help: "give the playbook a title that responders recognise, e.g. 'title: Løsepengevirus'")
        }
        return (playbook, facts)
    }

    private static func decodeRoles(_ entry: Entry, _ reader: inout DocumentReader) -> [Role] {
        var roles: [Role] = []
        for item in reader.list(entry) {
            guard let colon = item.value.firstIndex(of: ":") else {
                reader.error(.expectedEntry, "expected '- id: Name' for a role", at: item.span,
                             help: "for example '- lead: Hendelsesleder'")
                continue
            }
            let idText = item.value[..<colon].trimmingSpaces
            let nameText = item.value[item.value.index(after: colon)...].trimmingSpaces
            let idOffset = item.span.start + item.value.utf8.distance(from: item.value.startIndex, to: idText.startIndex)
            let idSpan = SourceSpan(start: idOffset, end: idOffset + idText.utf8.count, line: item.span.line)
            let nameOffset = item.span.start + item.value.utf8.distance(from: item.value.startIndex, to: nameText.startIndex)
            let nameSpan = SourceSpan(start: nameOffset, end: nameOffset + nameText.utf8.count, line: item.span.line)
            guard let id = reader.checkedID(Located(String(idText), at: idSpan), what: "role id") else { continue }
            guard !nameText.isEmpty else {
                reader.error(.emptyValue, "role '\(id.value)' has no name", at: item.span,
                             help: "for example '- \(id.value): Hendelsesleder'")
                continue
            }
            roles.append(Role(id: id, name: Located(String(nameText), at: nameSpan)))
        }
        return roles
    }

    private static func decodePhase(_ entry: Entry, into playbook: inout Playbook, facts: inout StepFacts,
                                    _ reader: inout DocumentReader) {
        let stageText = reader.idText(entry)
        let stage = Stage(rawValue: stageText.value)
        if stage == nil {
            reader.error(.unknownStage, "unknown stage '\(stageText.value)'", at: stageText.span,
                         help: Suggestion.help(for: stageText.value, in: Stage.allCases.map(\.rawValue))
                            ?? "stages: " + Stage.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let title = reader.title(entry)
        let phaseIndex = playbook.phases.count
        let firstStep = playbook.steps.count
        let emptyStep = Self.emptyStep  // (once here, not through the global's accessor for every step)
        var children = reader.entries(under: entry.indent)
        while let child = reader.nextEntry(&children) {
            switch (child.form, child.key) {
            case (.block, .step):
                // The step is filled in where it is stored, starting from a copy of an empty one: `Step`'s
                // initialiser, and moving a `Step` built in a local, both compile to hundreds of moves.
                let id = reader.blockID(child, what: "step id")
                let title = reader.title(child)
                facts.add(id.value, at: playbook.steps.count)
                playbook.steps.append(emptyStep)
                decodeStep(child, id: id, title: title, phaseIndex: phaseIndex,
                           into: &playbook.steps[playbook.steps.count - 1], facts: &facts, &reader)
            case (.field, .extension), (.textBlock, .extension):
                break
            default:
                reader.unknownKey(child, in: "a phase", known: [], blocks: ["step"])
            }
        }
        // A phase with an unknown stage keeps its steps (other entries may refer to them).
        var phase = Phase(stage: Located(stage ?? .detection, at: stageText.span), title: title,
                          stepRange: firstStep..<playbook.steps.count, span: entry.contentSpan)
        phase.hasKnownStage = stage != nil
        playbook.phases.append(phase)
    }

    /// A step with nothing in it, for `decodeStep` to fill in.
    private static let emptyStep = Step(id: Located("", at: .fileStart), title: Located("", at: .fileStart), phaseIndex: 0,
                                        span: .fileStart)

    /// Fills in `step` (a copy of `emptyStep`) from the step block `entry`, and notes its facts.
    private static func decodeStep(_ entry: Entry, id: Located<String>, title: Located<String>, phaseIndex: Int,
                                   into step: inout Step, facts: inout StepFacts, _ reader: inout DocumentReader) {
        step.id = id
        step.title = title
        step.phaseIndex = phaseIndex
        step.span = entry.contentSpan
        var children = reader.entries(under: entry.indent)
        while let child = reader.nextEntry(&children) {
            guard child.form != .block, child.form != .item else {
                reader.unknownKey(child, in: "a step", known: stepKeys)
                continue
            }
            switch child.key {
            case .role: step.role = reader.id(child, what: "role")
            case .expect: step.expect = reader.duration(child)
            case .do: step.instructions = reader.text(child)
            case .check: step.checklist = reader.list(child)
            case .run: step.commands = reader.text(child)
            case .record: step.record = reader.text(child)
            case .ask: step.decision = decodeDecision(child, &reader)
            case .notify: step.notify = reader.checkedIDs(reader.commaList(child), what: "contact id")
            case .ref: step.ref = reader.text(child)
            case .tags: step.tags = reader.commaList(child)
            case .extension: step.extensions.append(reader.extensionField(child))
            default: reader.unknownKey(child, in: "a step", known: stepKeys)
            }
        }
        facts.check(step)
    }

    /// `ask: Question` with `- Label -> target` options, split at the last ` -> `.
    private static func decodeDecision(_ entry: Entry, _ reader: inout DocumentReader) -> Decision? {
        if entry.form == .textBlock {
            reader.error(.textBlockNotAllowed, "'ask' takes the question on the same line, not a text block",
                         at: entry.blockMarker, help: "write 'ask: Question?' and the options below it")
            return nil
        }
        guard entry.hasValue else {
            reader.error(.emptyValue, "'ask' has no question", at: entry.keySpan,
                         help: "write 'ask: Question?' and the options below it as '- Label -> target'")
            return nil
        }
        let question = reader.value(entry)
        var options: [DecisionOption] = []
        options.reserveCapacity(entry.items.count)
        for position in entry.items {
            let item = reader.items[position]
            guard item.hasValue else { continue }
            let option: DecisionOption?
            if item.hasInvalidUTF8 {
                // Positions counted in the repaired text, as they always were for such a line.
                let repaired = Array(reader.string(item.valueStart, item.end, .invalid).utf8)
                option = repaired.withUnsafeBufferPointer { decodeOption($0, writtenAt: item.valueSpan, &reader) }
            } else {
                let text = UnsafeBufferPointer(rebasing: reader.bytes[item.valueStart..<item.end])
                option = decodeOption(text, writtenAt: item.valueSpan, &reader)
            }
            if let option { options.append(option) }
        }
        return Decision(question: question, options: options)
    }

    /// One `Label -> target` option: `text` (valid UTF-8), written at `span` (positions in it count from `span.start`).
    private static func decodeOption(_ text: UnsafeBufferPointer<UInt8>, writtenAt span: SourceSpan,
                                     _ reader: inout DocumentReader) -> DecisionOption? {
        let base = span.start
        let line = span.line
        guard let arrow = lastArrow(in: text) else {
            reader.error(.invalidOption, "expected '- Label -> target' for a decision option", at: span,
                         help: "for example '- Ja -> isolate'; the target is a step id, 'next' or 'end'")
            return nil
        }
        // The text starts with no space; the label ends, and the target starts, at the spaces around the arrow.
        var labelEnd = arrow
        while labelEnd > 0, text[labelEnd - 1] == 0x20 { labelEnd -= 1 }
        var targetStart = arrow + 4
        var targetEnd = text.count
        while targetStart < targetEnd, text[targetStart] == 0x20 { targetStart += 1 }
        while targetEnd > targetStart, text[targetEnd - 1] == 0x20 { targetEnd -= 1 }
        var labelStart = 0
        while labelStart < labelEnd, text[labelStart] == 0x20 { labelStart += 1 }

        func string(_ from: Int, _ to: Int) -> String {
            String(checkedUTF8: UnsafeBufferPointer(rebasing: text[from..<to]), isASCII: nil)
        }
        if labelStart == labelEnd {
            reader.error(.invalidOption, "decision option has no label", at: span)
            return nil
        }
        if targetStart == targetEnd {
            reader.error(.invalidOption, "decision option '\(string(labelStart, labelEnd))' has no target", at: span,
                         help: "the target is a step id, 'next' or 'end'")
            return nil
        }
        let targetSpan = SourceSpan(start: base + targetStart, end: base + targetEnd, line: line)
        let targetBytes = UnsafeBufferPointer(rebasing: text[targetStart..<targetEnd])
        guard Identifier.isValid(targetBytes) else {
            _ = reader.checkedID(Located(string(targetStart, targetEnd), at: targetSpan), what: "target")
            return nil
        }
        // The label's span starts where the text does (as it always has), however it was trimmed.
        let labelSpan = SourceSpan(start: base, end: base + (labelEnd - labelStart), line: line)
        return DecisionOption(label: Located(string(labelStart, labelEnd), at: labelSpan),
                              target: Located(stepTarget(targetBytes), at: targetSpan))
    }

    /// `next`, `end` or a step, written as `id` (a well-formed id).
    private static func stepTarget(_ id: UnsafeBufferPointer<UInt8>) -> StepTarget {
        if id.count == 4, id[0] == UInt8(ascii: "n"), id[1] == UInt8(ascii: "e"), id[2] == UInt8(ascii: "x"),
           id[3] == UInt8(ascii: "t") {
            return .next
        }
        if id.count == 3, id[0] == UInt8(ascii: "e"), id[1] == UInt8(ascii: "n"), id[2] == UInt8(ascii: "d") {
            return .end
        }
        return .step(String(checkedUTF8: id, isASCII: true))
    }

    /// The offset of the last ` -> ` in `text`.
    private static func lastArrow(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard text.count >= 4 else { return nil }
        var index = text.count - 4
        while true {
            if text[index] == 0x20, text[index + 1] == UInt8(ascii: "-"), text[index + 2] == UInt8(ascii: ">"),
               text[index + 3] == 0x20 {
                return index
            }
            if index == 0 { return nil }
            index -= 1
        }
    }

    private static func decodeDeadline(_ entry: Entry, _ reader: inout DocumentReader) -> Deadline {
        let id = reader.blockID(entry, what: "deadline id")
        var deadline = Deadline(id: id, title: reader.title(entry),
                                within: Located(PlaybookDuration(seconds: 0), at: entry.contentSpan), span: entry.contentSpan)
        var within: Located<PlaybookDuration>?
        var sawWithin = false
        var children = reader.entries(under: entry.indent)
        while let child = reader.nextEntry(&children) {
            guard child.form != .block, child.form != .item else {
                reader.unknownKey(child, in: "a deadline", known: deadlineKeys)
                continue
            }
            switch child.key {
            case .within: within = reader.duration(child); sawWithin = true
            case .from: deadline.from = reader.id(child, what: "step id")
            case .until: deadline.until = reader.id(child, what: "step id")
            case .warn: deadline.warn = reader.duration(child)
            case .ref: deadline.ref = reader.text(child)
            case .extension: break
            default: reader.unknownKey(child, in: "a deadline", known: deadlineKeys)
            }
        }
        if let within {
            deadline.within = within
        } else if !sawWithin {
            reader.error(.missingField, "deadline '\(id.value)' has no 'within'", at: entry.contentSpan,
                         help: "say how long there is, e.g. 'within: 72h'")
        }
        return deadline
    }
}

extension Substring {
    /// The text without leading and trailing spaces (compared as UTF-8 bytes).
    var trimmingSpaces: Substring {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == 0x20 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == 0x20 { end = bytes.index(before: end) }
        return self[start..<end]
    }
}
