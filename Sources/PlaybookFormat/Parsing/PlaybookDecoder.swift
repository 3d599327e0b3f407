/// Builds a `Playbook` from the entries of a `.playbook` file.
///
/// The decoder reports what is wrong in a single entry (an unknown key, a
/// malformed id or duration, an option without an arrow). Rules that need the
/// whole playbook (references, reachability, duplicate ids) belong to
/// `PlaybookValidator`.
struct PlaybookDecoder {
    static let topLevelKeys = ["playbook", "title", "lang", "version", "owner", "tags", "summary", "roles", "ref"]
    static let topLevelBlocks = ["phase", "deadline"]
    static let stepKeys = ["role", "expect", "do", "check", "run", "record", "ask", "notify", "ref", "tags"]
    static let deadlineKeys = ["within", "from", "until", "warn", "ref"]

    static func decode(_ reader: inout DocumentReader) -> Playbook? {
        let firstSpan = reader.firstContentSpan()
        var id: Located<String>?
        var title: Located<String>?
        var sawID = false
        var sawTitle = false
        var playbook = Playbook(id: Located("", at: firstSpan), title: Located("", at: firstSpan))

        reader.forEachEntry(under: -1) { reader, entry in
            switch (entry.form, entry.key.value) {
            case (.block, "phase"):
                decodePhase(entry, into: &playbook, &reader)
            case (.block, "deadline"):
                if let deadline = decodeDeadline(entry, &reader) { playbook.deadlines.append(deadline) }
            case (.field, "playbook"), (.textBlock, "playbook"):
                sawID = true
                id = reader.id(entry, what: "playbook id")
            case (.field, "title"), (.textBlock, "title"):
                sawTitle = true
                title = reader.text(entry, allowBlock: false)
            case (.field, "lang"), (.textBlock, "lang"):
                playbook.lang = reader.text(entry, allowBlock: false)
            case (.field, "version"), (.textBlock, "version"):
                playbook.version = reader.text(entry, allowBlock: false)
            case (.field, "owner"), (.textBlock, "owner"):
                playbook.owner = reader.text(entry, allowBlock: false)
            case (.field, "tags"), (.textBlock, "tags"):
                playbook.tags = reader.commaList(entry)
            case (.field, "summary"), (.textBlock, "summary"):
                playbook.summary = reader.text(entry)
            case (.field, "ref"), (.textBlock, "ref"):
                playbook.ref = reader.text(entry)
            case (.field, "roles"), (.textBlock, "roles"):
                playbook.roles = decodeRoles(entry, &reader)
            case (.field, _) where entry.isExtension, (.textBlock, _) where entry.isExtension:
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
        return playbook
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

    private static func decodePhase(_ entry: Entry, into playbook: inout Playbook, _ reader: inout DocumentReader) {
        let stageText = entry.id ?? entry.key
        let stage = Stage(rawValue: stageText.value)
        if stage == nil {
            reader.error(.unknownStage, "unknown stage '\(stageText.value)'", at: stageText.span,
                         help: Suggestion.help(for: stageText.value, in: Stage.allCases.map(\.rawValue))
                            ?? "stages: " + Stage.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let title = reader.title(entry)
        let phaseIndex = playbook.phases.count
        let firstStep = playbook.steps.count
        reader.forEachEntry(under: entry.line.indent) { reader, child in
            switch (child.form, child.key.value) {
            case (.block, "step"):
                if let step = decodeStep(child, phaseIndex: phaseIndex, &reader) { playbook.steps.append(step) }
            case (.field, _) where child.isExtension, (.textBlock, _) where child.isExtension:
                break
            default:
                reader.unknownKey(child, in: "a phase", known: [], blocks: ["step"])
            }
        }
        // A phase with an unknown stage keeps its steps (other entries may refer to them).
        var phase = Phase(stage: Located(stage ?? .detection, at: stageText.span), title: title,
                          stepRange: firstStep..<playbook.steps.count, span: entry.line.contentSpan)
        phase.hasKnownStage = stage != nil
        playbook.phases.append(phase)
    }

    private static func decodeStep(_ entry: Entry, phaseIndex: Int, _ reader: inout DocumentReader) -> Step? {
        let idText = entry.id ?? entry.key
        let id = reader.checkedID(idText, what: "step id") ?? idText
        let title = reader.title(entry)
        var step = Step(id: id, title: title, phaseIndex: phaseIndex, span: entry.line.contentSpan)
        reader.forEachEntry(under: entry.line.indent) { reader, child in
            guard child.form != .block, child.form != .item else {
                reader.unknownKey(child, in: "a step", known: stepKeys)
                return
            }
            switch child.key.value {
            case "role": step.role = reader.id(child, what: "role")
            case "expect": step.expect = reader.duration(child)
            case "do": step.instructions = reader.text(child)
            case "check": step.checklist = reader.list(child)
            case "run": step.commands = reader.text(child)
            case "record": step.record = reader.text(child)
            case "ask": step.decision = decodeDecision(child, &reader)
            case "notify": step.notify = reader.commaList(child).compactMap { reader.checkedID($0, what: "contact id") }
            case "ref": step.ref = reader.text(child)
            case "tags": step.tags = reader.commaList(child)
            default:
                if child.isExtension {
                    step.extensions.append(reader.extensionField(child))
                } else {
                    reader.unknownKey(child, in: "a step", known: stepKeys)
                }
            }
        }
        return step
    }

    /// `ask: Question` with `- Label -> target` options, split at the last ` -> `.
    private static func decodeDecision(_ entry: Entry, _ reader: inout DocumentReader) -> Decision? {
        if entry.form == .textBlock {
            reader.error(.textBlockNotAllowed, "'ask' takes the question on the same line, not a text block",
                         at: entry.blockMarker ?? entry.key.span, help: "write 'ask: Question?' and the options below it")
            return nil
        }
        guard let question = entry.value else {
            reader.error(.emptyValue, "'ask' has no question", at: entry.key.span,
                         help: "write 'ask: Question?' and the options below it as '- Label -> target'")
            return nil
        }
        var options: [DecisionOption] = []
        for item in entry.items {
            guard let text = item.value else { continue }
            guard let arrow = text.value.lastRange(of: " -> ") else {
                reader.error(.invalidOption, "expected '- Label -> target' for a decision option", at: text.span,
                             help: "for example '- Ja -> isolate'; the target is a step id, 'next' or 'end'")
                continue
            }
            let labelText = text.value[..<arrow.lowerBound].trimmingSpaces
            let targetText = text.value[arrow.upperBound...].trimmingSpaces
            let labelStart = text.span.start
            let labelSpan = SourceSpan(start: labelStart, end: labelStart + labelText.utf8.count, line: text.span.line)
            let targetStart = text.span.start + text.value.utf8.distance(from: text.value.startIndex, to: targetText.startIndex)
            let targetSpan = SourceSpan(start: targetStart, end: targetStart + targetText.utf8.count, line: text.span.line)
            if labelText.isEmpty {
                reader.error(.invalidOption, "decision option has no label", at: text.span)
                continue
            }
            if targetText.isEmpty {
                reader.error(.invalidOption, "decision option '\(labelText)' has no target", at: text.span,
                             help: "the target is a step id, 'next' or 'end'")
                continue
            }
            guard reader.checkedID(Located(String(targetText), at: targetSpan), what: "target") != nil else { continue }
            options.append(DecisionOption(label: Located(String(labelText), at: labelSpan),
                                          target: Located(StepTarget(String(targetText)), at: targetSpan)))
        }
        return Decision(question: question, options: options)
    }

    private static func decodeDeadline(_ entry: Entry, _ reader: inout DocumentReader) -> Deadline? {
        let idText = entry.id ?? entry.key
        let id = reader.checkedID(idText, what: "deadline id") ?? idText
        let title = reader.title(entry)
        var within: Located<PlaybookDuration>?
        var deadline = Deadline(id: id, title: title, within: Located(PlaybookDuration(seconds: 0), at: entry.line.contentSpan),
                                span: entry.line.contentSpan)
        var sawWithin = false
        reader.forEachEntry(under: entry.line.indent) { reader, child in
            guard child.form != .block, child.form != .item else {
                reader.unknownKey(child, in: "a deadline", known: deadlineKeys)
                return
            }
            switch child.key.value {
            case "within": within = reader.duration(child); sawWithin = true
            case "from": deadline.from = reader.id(child, what: "step id")
            case "until": deadline.until = reader.id(child, what: "step id")
            case "warn": deadline.warn = reader.duration(child)
            case "ref": deadline.ref = reader.text(child)
            default:
                if !child.isExtension { reader.unknownKey(child, in: "a deadline", known: deadlineKeys) }
            }
        }
        if let within {
            deadline.within = within
        } else if !sawWithin {
            reader.error(.missingField, "deadline '\(id.value)' has no 'within'", at: entry.line.contentSpan,
                         help: "say how long there is, e.g. 'within: 72h'")
        }
        return deadline
    }
}

extension String {
    /// The range of the last occurrence of `needle`, compared by UTF-8 bytes.
    func lastRange(of needle: String) -> Range<String.Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var lower = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while true {
            var matches = true
            var index = lower
            for byte in pattern {
                if haystack[index] != byte { matches = false; break }
                index = haystack.index(after: index)
            }
            if matches { return lower..<index }
            if lower == haystack.startIndex { return nil }
            lower = haystack.index(before: lower)
        }
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
