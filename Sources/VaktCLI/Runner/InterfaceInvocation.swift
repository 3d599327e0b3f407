/// `vakt`, `vakt run PLAYBOOK` and `vakt resume [ID]` in their everyday
/// forms, read without swift-argument-parser.
///
/// Why: before it looks at a single word, the parser builds its command tree
/// by reflection over every command's properties, which costs the Swift
/// runtime a few milliseconds of protocol-conformance lookups, about half
/// the time from exec to the terminal UI's first frame. The UI is what a
/// responder starts under stress, so it gets a reader that only splits words.
///
/// It is deliberately narrow: it accepts a command line only when there is
/// exactly one way to read it, and answers nil for anything else (help, a
/// completion request, `--`, a short option, a repeated or unknown option,
/// a value that looks like an option, a language other than nb or en, a word
/// where none belongs). Those go to swift-argument-parser, which owns every
/// message and the help. `InterfaceInvocationTests` holds the two readers to
/// the same result for every command line this one accepts.
enum InterfaceInvocation: Equatable {
    /// `vakt [OPTIONS]`: the start screen.
    case start(InterfaceArguments)
    /// `vakt run PLAYBOOK [--title T] [--exercise] [OPTIONS]`.
    case run(playbook: String, title: String?, exercise: Bool, InterfaceArguments)
    /// `vakt resume [ID] [OPTIONS]`.
    case resume(id: String?, InterfaceArguments)

    /// The invocation `arguments` (without the program name) spell, or nil
    /// when they are not a plain form of the three commands.
    init?(_ arguments: [String]) {
        var words = arguments[...]
        let command = words.first.flatMap { $0.hasPrefix("-") ? nil : $0 }
        if command != nil { words = words.dropFirst() }
        guard command == nil || command == "run" || command == "resume" else { return nil }
        guard let reader = Reader(words, allowsRunOptions: command == "run") else { return nil }
        switch command {
        case nil:
            guard reader.positionals.isEmpty else { return nil }
            self = .start(reader.interface)
        case "run"?:
            guard reader.positionals.count == 1 else { return nil }
            self = .run(
                playbook: reader.positionals[0], title: reader.title, exercise: reader.exercise, reader.interface)
        default:
            guard reader.positionals.count <= 1 else { return nil }
            self = .resume(id: reader.positionals.first, reader.interface)
        }
    }

    /// Does what the matching command's `run()` does.
    func perform() throws {
        switch self {
        case .start(let interface):
            try StartCommand.show(interface: interface)
        case .run(let playbook, let title, let exercise, let interface):
            try RunCommand.walk(playbook: playbook, title: title, exercise: exercise, interface: interface)
        case .resume(let id, let interface):
            try ResumeCommand.walk(id: id, interface: interface)
        }
    }

    /// One pass over the words after the command name.
    private struct Reader {
        var interface = InterfaceArguments()
        var title: String?
        var exercise = false
        var positionals: [String] = []

        init?(_ words: ArraySlice<String>, allowsRunOptions: Bool) {
            var seen: [Substring] = []  // a handful of names: a Set would cost more than it saves
            var index = words.startIndex
            while index < words.endIndex {
                let word = words[index]
                index += 1
                guard word.hasPrefix("-") else {
                    positionals.append(word)
                    continue
                }
                // Only `--name` and `--name=value`; `-h`, `-`, `--` and the like are the parser's.
                guard word.hasPrefix("--"), word.utf8.count > 2 else { return nil }
                let body = word.dropFirst(2)
                let name: Substring
                var value: String?
                if let equals = body.firstIndex(of: "=") {
                    name = body[..<equals]
                    value = String(body[body.index(after: equals)...])
                    guard value?.isEmpty == false else { return nil }  // `--home=` is a missing value to the parser
                } else {
                    name = body
                }
                guard !seen.contains(name) else { return nil }
                seen.append(name)
                switch name {
                case "first-frame", "exercise":
                    guard value == nil, name == "first-frame" || allowsRunOptions else { return nil }
                    if name == "first-frame" { interface.firstFrame = true } else { exercise = true }
                    continue
                case "lang", "playbooks", "as", "home", "title":
                    guard name != "title" || allowsRunOptions else { return nil }
                default:
                    return nil
                }
                if value == nil {
                    // The next word is the value, unless it looks like an option.
                    guard index < words.endIndex, !words[index].hasPrefix("-") else { return nil }
                    value = words[index]
                    index += 1
                }
                guard let value else { return nil }
                switch name {
                case "lang":
                    guard let language = InterfaceOptions.Language(rawValue: value) else { return nil }
                    interface.lang = language
                case "playbooks": interface.playbooks = value
                case "as": interface.actor = value
                case "home": interface.home = value
                default: title = value
                }
            }
        }
    }
}
