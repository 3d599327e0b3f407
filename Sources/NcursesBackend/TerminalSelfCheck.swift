#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalCore

/// A tiny program that exercises the whole backend in a real terminal, for
/// the tmux tests and the start-up benchmark (`vakt-terminal-check`).
///
/// It draws Norwegian letters, emoji, CJK and boxes, echoes decoded keys,
/// follows resizes, counts inbox messages posted from another thread, and
/// leaves on q (status 0) or a termination signal (128 + the signal).
/// Options: `--first-frame` exits right after the first frame is on screen;
/// `--crash` traps after the first frame (the crash handler must restore the
/// terminal); `--inbox N` posts N messages from another task.
public enum TerminalSelfCheck {
    /// What the check shows; `render` is pure, so tests know the exact screen.
    public struct State: Hashable, Sendable {
        public var size: TerminalSize
        public var pid: Int32
        public var keys: [Key] = []
        public var keyCount = 0
        public var messages = 0

        public init(size: TerminalSize, pid: Int32) {
            self.size = size
            self.pid = pid
        }
    }

    public static let title = "vakt terminal check"
    public static let norwegian = "Blåbærsyltetøy ÆØÅ æøå"
    public static let wide = "🚨 alarm · 日本語 · ok"
    public static let clusters = "flag 🇳🇴 family 👨‍👩‍👧 cafe\u{301} |"
    public static let stderrLine = "vakt-terminal-check: written to stderr while curses owned the screen"

    public static func render(_ state: State) -> Grid {
        let width = state.size.width
        let height = state.size.height
        var grid = Grid(size: state.size)
        let inner = width - 4
        grid.write(norwegian, x: 2, y: 1, maxWidth: inner)
        grid.write(wide, x: 2, y: 2, style: Style(foreground: .red, bold: true), maxWidth: inner)
        grid.write(clusters, x: 2, y: 3, maxWidth: inner)
        grid.write("size \(state.size) pid \(state.pid)", x: 2, y: 4, maxWidth: inner)
        let recent = state.keys.suffix(6).map(\.description).joined(separator: " ")
        grid.write("keys \(state.keyCount): \(recent)", x: 2, y: 5, maxWidth: inner, truncate: true)
        grid.write("inbox \(state.messages)", x: 2, y: 6, style: Style(foreground: .green), maxWidth: inner)
        grid.box(x: 0, y: 0, width: width, height: height, style: Style(bold: true), title: title)
        if height >= 10 {
            grid.horizontalLine(x: 0, y: height - 3, length: width)
            grid.write("q quits", x: 2, y: height - 2, style: Style(reverse: true), maxWidth: inner)
        }
        return grid
    }

    /// Runs the check; returns the process's exit status.
    public static func run(arguments: [String]) -> Int32 {
        let firstFrameOnly = arguments.contains("--first-frame")
        let crash = arguments.contains("--crash")
        let posts = arguments.firstIndex(of: "--inbox").flatMap { index in
            index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
        } ?? 0

        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal()
        } catch {
            let line = "vakt-terminal-check: \(error)\n"
            _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
            return 2
        }
        var state = State(size: terminal.size, pid: getpid())
        terminal.draw(render(state))
        if firstFrameOnly {
            terminal.stop()
            return 0
        }
        let line = stderrLine + "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        if crash {
            fatalError("vakt-terminal-check: deliberate crash (--crash)")
        }

        let input = InputSource<Int>(terminal: terminal)
        if posts > 0 {
            let inbox = input.inbox
            Task.detached {
                for number in 1...posts { inbox.post(number) }
            }
        }
        var status: Int32?
        while status == nil {
            for event in input.next() {
                switch event {
                case .key(.character("q")):
                    status = 0
                case .key(let key):
                    state.keys.append(key)
                    state.keyCount += 1
                case .resized(let size):
                    state.size = size
                case .message:
                    state.messages += 1
                case .tick:
                    break
                case .terminate(let signal):
                    status = 128 + signal
                }
            }
            if status == nil { terminal.draw(render(state)) }
        }
        terminal.stop()
        return status ?? 0
    }
}
