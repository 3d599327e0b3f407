import PlaybookFormat

/// A playbook built by hand (the parser would refuse most of this) whose every
/// piece of text tries to break out of the binder: markup, quotes, entities,
/// terminal escape sequences, bidi overrides, Markdown syntax and a word far
/// wider than a line.
enum HostileFixtures {
    static let script = "<script>alert(1)</script>"
    static let attribute = #"" onmouseover="alert(1)" x='"#
    static let escape = "\u{1B}[31mRED\u{1B}[0m\u{1B}]0;title\u{07}"
    static let c1 = "\u{9B}2J"
    static let bidi = "abc\u{202E}cba\u{2066}x\u{2069}"
    static let markdown = "*bold* _em_ [link](javascript:alert(1)) ![img](http://evil.example/x.png) `code` | a | ~~s~~ $x$ &amp;"
    static let longWord = String(repeating: "Sikkerhetskopi", count: 15)

    /// Every hostile string at once.
    static let everything = [script, attribute, escape, c1, bidi, markdown, "Tom & Jerry", longWord].joined(separator: " ")

    static func located<T: Sendable>(_ value: T) -> Located<T> {
        Located(value, at: .fileStart)
    }

    static var playbook: Playbook {
        let first = Step(
            id: located("first"), title: located(script + " " + escape), phaseIndex: 0, role: located("lead"),
            expect: located(PlaybookDuration(seconds: 900)),
            instructions: located("# Heading?\n- list?\n1. numbered?\n    indented code?\n\n" + everything),
            checklist: [located(everything), located("- [x] pre-ticked"), located(longWord)],
            commands: located("echo \"" + script + "\"\n```\n" + escape + "\n</code></pre><script>x</script>"),
            record: located(attribute + " " + longWord),
            decision: Decision(question: located(everything), options: [
                DecisionOption(label: located(script), target: located(.step("second"))),
                DecisionOption(label: located(markdown), target: located(.next)),
                DecisionOption(label: located(bidi), target: located(.end)),
            ]),
            notify: [located("evil"), located("nobody")], ref: located("javascript:alert(1)"),
            tags: [located(escape), located(script)], span: .fileStart)
        let second = Step(
            id: located("second"), title: located(markdown), phaseIndex: 0, role: located("lead"),
            instructions: located(longWord), span: .fileStart)
        return Playbook(
            id: located("hostile"), title: located(script + attribute), lang: located("nb"),
            version: located(escape), owner: located(bidi), tags: [located(markdown), located(c1)],
            summary: located(everything), roles: [Role(id: located("lead"), name: located(script + c1))],
            ref: located(attribute),
            deadlines: [Deadline(
                id: located("d"), title: located(everything), within: located(PlaybookDuration(seconds: 3600)),
                from: located("first"), until: located("second"), warn: located(PlaybookDuration(seconds: 600)),
                ref: located(script), span: .fileStart)],
            phases: [Phase(stage: located(.detection), title: located(everything), stepRange: 0..<2, span: .fileStart)],
            steps: [first, second])
    }

    static var contacts: ContactList {
        ContactList(
            id: located("evil-list"), title: located(script),
            contacts: [Contact(
                id: located("evil"), name: located(script + escape), phone: located(attribute),
                email: located(markdown), when: located(bidi), note: located(longWord), ref: located(c1),
                span: .fileStart)])
    }
}
