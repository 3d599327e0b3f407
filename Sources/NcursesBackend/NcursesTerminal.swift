#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TerminalCore

nonisolated(unsafe) private var terminalRunning = false

/// The terminal while the UI runs: the one object that talks to ncurses.
///
/// Not Sendable on purpose: one synchronous loop owns it (see `InputSource`);
/// other threads reach the UI through an `Inbox`. `stop()` always restores
/// the terminal, and runs from `deinit` too, so every way out — q, Ctrl-C,
/// SIGTERM, SIGHUP, a thrown error — leaves a usable shell behind.
public final class NcursesTerminal {
    public struct Options: Sendable {
        /// nil: colour unless `NO_COLOR` is set or the terminal has none.
        public var color: Bool?
        /// Raw mode: Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys instead of signals or flow control.
        public var raw: Bool
        /// Collect stderr in a file while the screen is ours and replay it after `stop()`.
        public var captureStandardError: Bool

        public init(color: Bool? = nil, raw: Bool = true, captureStandardError: Bool = true) {
            self.color = color
            self.raw = raw
            self.captureStandardError = captureStandardError
        }
    }

    /// The screen's size as ncurses last learned it.
    public private(set) var size: TerminalSize
    /// Whether styles' colours are drawn (attributes always are).
    public let colorsEnabled: Bool

    /// The descriptor that `poll` watches for key presses.
    let inputDescriptor: Int32
    /// The read end of the signal self-pipe.
    let signalDescriptor: Int32

    private var screen: OpaquePointer?
    private var inputFile: UnsafeMutablePointer<FILE>?
    private var outputFile: UnsafeMutablePointer<FILE>?
    private let errorCapture: StandardErrorCapture?
    private var colorPairs: ColorPairs
    private var previous: Grid?
    private var needsFullRedraw = true
    private var cursorVisible = false
    private var running = true
    private let maxCombining: Int

    /// Takes over the terminal: locale, signals, `newterm`, modes, colours.
    public init(options: Options = Options()) throws(TerminalError) {
        guard !terminalRunning else { throw .alreadyRunning }
        Self.chooseUTF8Locale()
        unsetenv("LINES")
        unsetenv("COLUMNS")

        guard let (input, output) = Self.openTerminal() else { throw .noTerminal }
        var modes = termios()
        tcgetattr(output, &modes)

        TerminalSignals.prepareForCurses()
        guard let signalDescriptor = TerminalSignals.installTermination() else {
            TerminalSignals.uninstall()
            close(input)
            close(output)
            throw .noTerminal
        }
        let errorCapture = options.captureStandardError ? StandardErrorCapture.start() : nil

        let inputFile = fdopen(input, "r")
        let outputFile = fdopen(output, "w")
        let screen = newterm(nil, outputFile, inputFile)
        guard let screen else {
            errorCapture?.finish()
            TerminalSignals.uninstall()
            close(signalDescriptor)
            if let inputFile { fclose(inputFile) } else { close(input) }
            if let outputFile { fclose(outputFile) } else { close(output) }
            let name = getenv("TERM").map { String(cString: $0) } ?? ""
            throw .unknownTerminal(name)
        }
        set_term(screen)
        self.screen = screen
        self.inputFile = inputFile
        self.outputFile = outputFile
        self.errorCapture = errorCapture
        self.inputDescriptor = input
        self.signalDescriptor = signalDescriptor
        maxCombining = Int(vakt_ccharw_max()) - 1
        terminalRunning = true

        if options.raw { raw() } else { cbreak() }
        noecho()
        nonl()
        let window = vakt_stdscr()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        curs_set(0)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        let wantColor = options.color ?? (!noColor && has_colors())
        var defaultColors = false
        if wantColor, has_colors(), start_color() != ERR {
            defaultColors = use_default_colors() != ERR
            colorsEnabled = true
        } else {
            colorsEnabled = false
        }
        colorPairs = ColorPairs(enabled: colorsEnabled, defaultColors: defaultColors)

        TerminalSignals.chainResize()
        TerminalSignals.armCrashRestore(
            tty: output, modes: modes, reset: Self.resetSequence(),
            savedStderr: errorCapture?.saved ?? -1, capturedStderr: errorCapture?.captured ?? -1
        )
        size = Self.screenSize()
        // Until a screen has been through endwin() once, ncurses (6.4) writes out its buffer after every
        // cursor move, so each frame would leave in dozens of small writes (47 for vakt's first frame at
        // 80x24, against 2). So: one endwin() before anything is drawn; the first frame's doupdate() takes
        // the terminal back (alternate screen, modes, cursor), as after a shell escape.
        endwin()
    }

    deinit {
        stop()
    }

    // MARK: - Drawing

    /// Shows a frame: only what changed since the last one, or everything
    /// after a resize. Cells beyond the screen are clipped.
    public func draw(_ grid: Grid) {
        guard running, let window = vakt_stdscr() else { return }
        let screenSize = Self.screenSize()
        if screenSize != size {
            size = screenSize
            needsFullRedraw = true
        }
        if needsFullRedraw || previous?.size != grid.size {
            werase(window)
            for row in 0..<min(grid.height, size.height) {
                drawCells(grid.row(row), row: row, column: 0, window: window)
            }
            needsFullRedraw = false
        } else {
            for run in GridDiff.runs(from: previous, to: grid) where run.row < size.height {
                drawCells(run.cells[...], row: run.row, column: run.column, window: window)
            }
        }
        placeCursor(grid.cursor, window: window)
        wnoutrefresh(window)
        doupdate()
        previous = grid
    }

    /// Forgets the last frame, so the next `draw` repaints the whole screen
    /// (after something else wrote to the terminal).
    public func invalidate() {
        needsFullRedraw = true
        clearok(vakt_curscr(), true)
    }

    private func drawCells(_ cells: ArraySlice<Cell>, row: Int, column: Int, window: UnsafeMutablePointer<WINDOW>) {
        var x = column
        for cell in cells {
            defer { x += 1 }
            if cell.isContinuation || x >= size.width { continue }
            let attributes = Self.attributes(for: cell.style)
            let pair = colorPairs.pair(for: cell.style)
            // Most cells are one scalar that the grid and wcwidth both call one column wide.
            if cell.width == 1, let scalar = cell.singleScalar, CellGlyphs.isOneColumn(scalar.value) {
                _ = vakt_put_scalar(window, Int32(row), Int32(x), wchar_t(bitPattern: scalar.value), attributes, pair)
                continue
            }
            let width = x + Int(cell.width) > size.width ? 1 : Int(cell.width)
            let columns = width == Int(cell.width)
                ? CellGlyphs.columns(for: cell.character, width: width, maxCombining: maxCombining)
                : [[0x20]]
            for (offset, glyph) in columns.enumerated() where !glyph.isEmpty {
                put(glyph, x: x + offset, y: row, attributes: attributes, pair: pair, window: window)
            }
        }
    }

    private func put(_ glyph: [UInt32], x: Int, y: Int, attributes: attr_t, pair: Int32, window: UnsafeMutablePointer<WINDOW>) {
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: glyph.count + 1) { buffer in
            for (index, scalar) in glyph.enumerated() {
                buffer[index] = wchar_t(bitPattern: scalar)
            }
            buffer[glyph.count] = 0
            // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
            _ = vakt_put_cell(window, Int32(y), Int32(x), buffer.baseAddress, attributes, pair)
        }
    }

    private func placeCursor(_ cursor: Position?, window: UnsafeMutablePointer<WINDOW>) {
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < size.width, cursor.y < size.height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible {
                curs_set(1)
                cursorVisible = true
            }
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
    }

    private static func attributes(for style: Style) -> attr_t {
        var attributes = vakt_A_NORMAL
        if style.bold { attributes |= vakt_A_BOLD }
        if style.reverse { attributes |= vakt_A_REVERSE }
        if style.underline { attributes |= vakt_A_UNDERLINE }
        if style.dim { attributes |= vakt_A_DIM }
        return attributes
    }

    // MARK: - Input

    /// The next key, waiting at most `timeoutMilliseconds` (0: do not wait,
    /// negative: wait for ever); nil when none came. A resize comes back as
    /// `.resize` with `size` already updated.
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        guard running, let window = vakt_stdscr() else { return nil }
        wtimeout(window, timeoutMilliseconds)
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            let key = Self.decode(keyCode: Int32(bitPattern: UInt32(value)))
            if key == .resize {
                size = Self.screenSize()
                needsFullRedraw = true
                clearok(vakt_curscr(), true)
            }
            return key
        }
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return .unknown }
        return Key(scalar: scalar)
    }

    /// Decodes ncurses' KEY_* codes.
    static func decode(keyCode: Int32) -> Key {
        switch keyCode {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_LL, KEY_C1: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case vakt_key_f(1)...vakt_key_f(63): return .function(Int(keyCode - vakt_key_f(0)))
        default: return .unknown
        }
    }

    // MARK: - Stopping

    /// Gives the terminal back: `endwin`, tty modes, signal dispositions,
    /// stderr (with what was captured). Safe to call more than once.
    public func stop() {
        guard running else { return }
        running = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        if let outputFile { fclose(outputFile) }
        if let inputFile { fclose(inputFile) }
        outputFile = nil
        inputFile = nil
        TerminalSignals.uninstall()
        close(signalDescriptor)
        errorCapture?.finish()
        terminalRunning = false
    }

    // MARK: - Setup helpers

    /// ncursesw drops every non-ASCII character unless the locale is UTF-8.
    private static func chooseUTF8Locale() {
        setlocale(LC_ALL, "")
        if isUTF8Locale() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, name) != nil {
            if isUTF8Locale() { return }
        }
    }

    private static func isUTF8Locale() -> Bool {
        guard let codeset = nl_langinfo(Int32(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Standard input and output when both are terminals, else /dev/tty
    /// (output piped into a file, for instance). Returns duplicates, so
    /// closing them later never closes the process's own descriptors.
    private static func openTerminal() -> (Int32, Int32)? {
        if isatty(0) == 1, isatty(1) == 1 {
            let input = dup(0)
            let output = dup(1)
            if input >= 0, output >= 0 {
                _ = fcntl(input, F_SETFD, FD_CLOEXEC)
                _ = fcntl(output, F_SETFD, FD_CLOEXEC)
                return (input, output)
            }
            if input >= 0 { close(input) }
            if output >= 0 { close(output) }
        }
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        let output = dup(tty)
        guard output >= 0 else {
            close(tty)
            return nil
        }
        _ = fcntl(output, F_SETFD, FD_CLOEXEC)
        return (tty, output)
    }

    /// What the crash handler writes: leave the alternate screen, show the
    /// cursor, plain attributes, keypad off; from terminfo, with xterm's
    /// sequences where the terminal does not say.
    private static func resetSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for (capability, fallback) in [("sgr0", "\u{1B}[0m"), ("rmkx", ""), ("cnorm", "\u{1B}[?25h"), ("rmcup", "\u{1B}[?1049l")] {
            if let value = vakt_terminfo_string(capability) {
                bytes.append(contentsOf: withoutPadding(Array(String(cString: value).utf8)))
            } else {
                bytes.append(contentsOf: Array(fallback.utf8))
            }
        }
        bytes.append(contentsOf: Array("\r\n".utf8))
        return bytes
    }

    /// Terminfo strings may carry delays ("$<5>") meant for tputs, not the tty.
    private static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
               let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                index = close + 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    private static func screenSize() -> TerminalSize {
        var rows: Int32 = 0
        var columns: Int32 = 0
        vakt_getmaxyx(vakt_stdscr(), &rows, &columns)
        return TerminalSize(width: Int(columns), height: Int(rows))
    }
}
