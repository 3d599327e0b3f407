import ArgumentParser
import Testing
import VaktTestSupport
@testable import VaktCLI

/// The terminal UI's quick argument reader (`InterfaceInvocation`) must never
/// read a command line differently from swift-argument-parser: it may only
/// decline. These tests pin the everyday forms it takes, the forms it leaves
/// to the parser, and, over every short list of tricky words, that whatever it
/// accepts the parser reads to exactly the same command.
@Suite struct InterfaceInvocationTests {
    static let home = InterfaceArguments(home: "/tmp/h")

    @Test(arguments: [
        ([], InterfaceInvocation.start(InterfaceArguments())),
        (["--home", "/tmp/h"], .start(home)),
        (["run", "ransomware"], .run(playbook: "ransomware", title: nil, exercise: false, InterfaceArguments())),
        (
            ["run", "playbooks/ransomware.playbook", "--home", "/tmp/h", "--first-frame"],
            .run(
                playbook: "playbooks/ransomware.playbook", title: nil, exercise: false,
                InterfaceArguments(firstFrame: true, home: "/tmp/h"))
        ),
        (
            ["run", "--title", "Øvelse på rådhuset", "--exercise", "ransomware", "--lang=en", "--as", "Kari"],
            .run(
                playbook: "ransomware", title: "Øvelse på rådhuset", exercise: true,
                InterfaceArguments(lang: .en, actor: "Kari"))
        ),
        (["resume"], .resume(id: nil, InterfaceArguments())),
        (["resume", "20261130-ransomware-k3x", "--home=/tmp/h"], .resume(id: "20261130-ransomware-k3x", home)),
        (
            ["resume", "--playbooks", "/srv/vakt", "--lang", "nb"],
            .resume(id: nil, InterfaceArguments(lang: .nb, playbooks: "/srv/vakt"))
        ),
    ])
    func everydayFormsAreReadWithoutTheParser(arguments: [String], expected: InterfaceInvocation) throws {
        #expect(InterfaceInvocation(arguments) == expected)
        #expect(try Self.parsed(arguments) == expected)
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["--version"], ["help"], ["run", "--help"], ["resume", "-h"],
        ["run"], ["run", "a", "b"], ["resume", "a", "b"], ["start"], ["status", "x"], ["ransomware"],
        ["run", "x", "--title"], ["run", "x", "--title", "--exercise"], ["run", "x", "--title", "-"],
        ["run", "x", "--lang", "de"], ["run", "x", "--lang=NB"], ["run", "x", "--home", "a", "--home", "b"],
        ["run", "x", "--exercise", "--exercise"], ["run", "x", "--exercise=yes"], ["run", "--", "x"],
        ["run", "x", "-"], ["run", "x", "--unknown"], ["resume", "--exercise"], ["resume", "--title", "T"],
        ["--exercise"], ["--title", "T"], ["--generate-completion-script", "bash"], ["run", "-x"],
    ])
    func otherFormsAreLeftToTheParser(arguments: [String]) {
        #expect(InterfaceInvocation(arguments) == nil)
    }

    /// Every list of up to two of these words after each command word, and a
    /// seeded sample of 1,000 longer ones: where the quick reader answers, the
    /// parser must give the same command. (The parser takes milliseconds a
    /// list in a debug build, so the sample is not larger.)
    @Test func whateverTheQuickReaderAcceptsTheParserReadsTheSame() throws {
        let commands: [[String]] = [[], ["run"], ["resume"], ["start"], ["status"]]
        let words = [
            "ransomware", "", "--lang", "nb", "de", "--lang=en", "--home", "--home=", "--as", "--title", "--title=T",
            "--exercise", "--first-frame", "--playbooks=dir", "-h", "--help", "--", "-", "--unknown", "--exercise=yes",
        ]
        var checked = 0
        func check(_ arguments: [String]) throws {
            guard let quick = InterfaceInvocation(arguments) else { return }
            checked += 1
            do {
                #expect(try Self.parsed(arguments) == quick, "\(arguments)")
            } catch {
                Issue.record("the quick reader accepts \(arguments), the parser refuses it: \(error)")
            }
        }
        for command in commands {
            try check(command)
            for first in words {
                try check(command + [first])
                for second in words { try check(command + [first, second]) }
            }
        }
        var random = SplitMix64(seed: 0x7661_6B74)
        for _ in 0..<1_000 {
            let command = commands[random.next(below: UInt64(commands.count))]
            let count = 3 + random.next(below: 4)
            try check(command + (0..<count).map { _ in words[random.next(below: UInt64(words.count))] })
        }
        #expect(checked > 100)
    }

    /// What swift-argument-parser makes of `arguments`, as an invocation; nil
    /// when it reads another command (or the start screen with stray words).
    static func parsed(_ arguments: [String]) throws -> InterfaceInvocation? {
        switch try Vakt.parseAsRoot(arguments) {
        case let run as RunCommand:
            return .run(playbook: run.playbook, title: run.title, exercise: run.exercise, run.interface.arguments)
        case let resume as ResumeCommand:
            return .resume(id: resume.id, resume.interface.arguments)
        case let start as StartCommand:
            return start.words.isEmpty ? .start(start.interface.arguments) : nil
        default:
            return nil
        }
    }
}
