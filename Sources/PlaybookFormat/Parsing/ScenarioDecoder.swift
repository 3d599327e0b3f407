/// Builds a `Scenario` from the entries of a `.scenario` file.
struct ScenarioDecoder {
    static let topLevelKeys = ["scenario", "title", "playbook", "lang", "duration", "objectives", "summary"]
    static let injectKeys = ["at", "to", "text", "expect", "within"]

    static func decode(_ reader: inout DocumentReader) -> Scenario? {
        let firstSpan = reader.firstContentSpan()
        var id: Located<String>?
        var title: Located<String>?
        var playbookID: Located<String>?
        var sawID = false
        var sawTitle = false
        var sawPlaybook = false
        let placeholder = Located("", at: firstSpan)
        var scenario = Scenario(id: placeholder, title: placeholder, playbook: placeholder)

        var entries = reader.entries(under: -1)
        while let entry = reader.nextEntry(&entries) {
            if entry.form != .block {
                switch entry.key {
                case .scenario: sawID = true
                case .title: sawTitle = true
                case .playbook: sawPlaybook = true
                default: break
                }
            }
            switch (entry.form, entry.key) {
            case (.block, .inject):
                scenario.injects.append(decodeInject(entry, &reader))
            case (.field, .scenario), (.textBlock, .scenario):
                id = reader.id(entry, what: "scenario id")
            case (.field, .title), (.textBlock, .title):
                title = reader.text(entry, allowBlock: false)
            case (.field, .playbook), (.textBlock, .playbook):
                playbookID = reader.id(entry, what: "playbook id")
            case (.field, .lang), (.textBlock, .lang):
                scenario.lang = reader.text(entry, allowBlock: false)
            case (.field, .duration), (.textBlock, .duration):
                scenario.duration = reader.duration(entry)
            case (.field, .objectives), (.textBlock, .objectives):
                scenario.objectives = reader.list(entry)
            case (.field, .summary), (.textBlock, .summary):
                scenario.summary = reader.text(entry)
            case (.field, .extension), (.textBlock, .extension):
                scenario.extensions.append(reader.extensionField(entry))
            default:
                reader.unknownKey(entry, in: "a scenario", known: topLevelKeys, blocks: ["inject"])
            }
        }
        guard !reader.stopped else { return nil }
        if let id { scenario.id = id } else if !sawID {
            reader.error(.missingField, "missing 'scenario: ID'", at: firstSpan,
                         help: "every scenario starts with its id, e.g. 'scenario: ransomware-tabletop'")
        }
        if let title { scenario.title = title } else if !sawTitle {
            reader.error(.missingField, "missing 'title: …'", at: firstSpan)
        }
        if let playbookID { scenario.playbook = playbookID } else if !sawPlaybook {
            reader.error(.missingField, "missing 'playbook: ID' (the playbook the participants run)", at: firstSpan)
        }
        return scenario
    }

    private static func decodeInject(_ entry: Entry, _ reader: inout DocumentReader) -> Inject {
        let id = reader.blockID(entry, what: "inject id")
        let title = reader.title(entry)
        var at: Located<PlaybookDuration>?
        var sawAt = false
        var inject = Inject(id: id, title: title, at: Located(PlaybookDuration(seconds: 0), at: entry.contentSpan),
                            span: entry.contentSpan)
        var children = reader.entries(under: entry.indent)
        while let child = reader.nextEntry(&children) {
            guard child.form != .block, child.form != .item else {
                reader.unknownKey(child, in: "an inject", known: injectKeys)
                continue
            }
            switch child.key {
            case .at: at = reader.duration(child); sawAt = true
            case .to: inject.to = reader.id(child, what: "role")
            case .text: inject.text = reader.text(child)
            case .expect: inject.expect = reader.id(child, what: "step id")
            case .within: inject.within = reader.duration(child)
            case .extension: break
            default: reader.unknownKey(child, in: "an inject", known: injectKeys)
            }
        }
        if let at {
            inject.at = at
        } else if !sawAt {
            reader.error(.missingField, "inject '\(id.value)' has no 'at'", at: entry.contentSpan,
                         help: "say when it is delivered, from the exercise start, e.g. 'at: 20m'")
        }
        return inject
    }
}
