#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

// What the signal handlers need. Handlers can reach nothing but globals, and
// may only do async-signal-safe work: write(2), tcsetattr, dup2, sigaction, raise.
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1
nonisolated(unsafe) private var crashArmed: Int32 = 0
nonisolated(unsafe) private var crashTTY: Int32 = -1
nonisolated(unsafe) private var crashResetBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var crashResetCount: Int = 0
nonisolated(unsafe) private var crashTermios: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var crashSavedStderr: Int32 = -1
nonisolated(unsafe) private var crashCapturedStderr: Int32 = -1
nonisolated(unsafe) private var crashCopyBuffer: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var savedActions: UnsafeMutablePointer<sigaction>?
nonisolated(unsafe) private var resizeChain: UnsafeMutablePointer<sigaction>?

private let crashCopyBufferSize = 4096
private let signalSlots = 65

/// Signal handling while curses owns the screen.
///
/// SIGINT, SIGTERM and SIGHUP only write their number to a self-pipe: the UI
/// loop's poll wakes and leaves through the normal path (journal closed,
/// `endwin`). SIGWINCH runs ncurses' own handler, then wakes the loop the
/// same way. A crash (SIGILL — Swift traps —, SIGSEGV, SIGBUS, SIGABRT,
/// SIGFPE) cannot run `endwin`, which is not async-signal-safe, so the crash
/// handler puts back the saved tty modes, writes the terminal's reset
/// sequences, gives stderr back and replays what was captured, then lets the
/// previous handler (the Swift backtracer, or the default) finish the crash.
enum TerminalSignals {
    static let termination: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crashes: [Int32] = [SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    /// A process started from a test runner or a service manager can inherit
    /// blocked or ignored signals; curses needs SIGWINCH and SIGTSTP at their
    /// defaults so that it installs its own handlers in `newterm`.
    static func prepareForCurses() {
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        allocateSlots()
        for signal in [SIGWINCH, SIGTSTP] {
            sigaction(signal, nil, slot(signal))
            vakt_set_signal_default(signal)
        }
    }

    /// Installs the termination handlers; returns the read end of the self-pipe.
    static func installTermination() -> Int32? {
        guard let (readEnd, writeEnd) = makePipe() else { return nil }
        signalPipeWrite = writeEnd
        for signal in termination {
            vakt_set_signal_handler(signal, wakeHandler, 0, slot(signal))
        }
        return readEnd
    }

    /// Chains a wake-up behind the SIGWINCH handler ncurses installed, so a
    /// resize wakes the loop's poll at once instead of at the next tick.
    static func chainResize() {
        if resizeChain == nil {
            resizeChain = .allocate(capacity: 1)
        }
        guard let resizeChain else { return }
        sigaction(SIGWINCH, nil, resizeChain)
        vakt_set_signal_handler(SIGWINCH, resizeHandler, Int32(SA_RESTART), nil)
    }

    /// Arms the crash handler with everything it needs, prepared in advance.
    static func armCrashRestore(tty: Int32, modes: termios, reset: [UInt8], savedStderr: Int32, capturedStderr: Int32) {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, reset.count))
        bytes.initialize(from: reset, count: reset.count)
        let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        savedModes.initialize(to: modes)
        crashResetBytes = bytes
        crashResetCount = reset.count
        crashTermios = savedModes
        crashTTY = tty
        crashSavedStderr = savedStderr
        crashCapturedStderr = capturedStderr
        crashCopyBuffer = .allocate(capacity: crashCopyBufferSize)
        crashArmed = 1
        for signal in crashes {
            vakt_set_signal_handler(signal, crashHandler, Int32(SA_NODEFER), slot(signal))
        }
    }

    /// Puts every disposition back as it was before `prepareForCurses`.
    static func uninstall() {
        crashArmed = 0
        for signal in crashes + termination + [SIGWINCH, SIGTSTP] {
            if let saved = savedActions?.advanced(by: Int(signal)), saved.pointee.sa_flags != -1 {
                sigaction(signal, saved, nil)
                saved.pointee.sa_flags = -1
            }
        }
        if signalPipeWrite >= 0 {
            close(signalPipeWrite)
            signalPipeWrite = -1
        }
        crashTTY = -1
        crashSavedStderr = -1
        crashCapturedStderr = -1
        crashResetBytes?.deallocate()
        crashResetBytes = nil
        crashResetCount = 0
        crashTermios?.deallocate()
        crashTermios = nil
        crashCopyBuffer?.deallocate()
        crashCopyBuffer = nil
    }

    // MARK: - Internals

    private static func allocateSlots() {
        if savedActions == nil {
            let slots = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
            slots.initialize(repeating: sigaction(), count: signalSlots)
            savedActions = slots
        }
        for index in 0..<signalSlots {
            savedActions?.advanced(by: index).pointee.sa_flags = -1
        }
    }

    /// Where a signal's previous disposition is kept (only the first save counts).
    private static func slot(_ signal: Int32) -> UnsafeMutablePointer<sigaction>? {
        guard let saved = savedActions?.advanced(by: Int(signal)), signal < signalSlots else { return nil }
        return saved.pointee.sa_flags == -1 ? saved : nil
    }

    static func makePipe() -> (Int32, Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        return (ends[0], ends[1])
    }
}

/// Writes the signal number to the self-pipe; errno is kept for the interrupted code.
private func wakeHandler(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalPipeWrite, &byte, 1)
    errno = savedErrno
}

private func resizeHandler(_ signal: Int32) {
    if let resizeChain {
        vakt_call_signal_handler(resizeChain, signal)
    }
    wakeHandler(signal)
}

/// Restores the terminal from a crashing process, then lets the crash go on.
private func crashHandler(_ signal: Int32) {
    if crashArmed == 1 {
        crashArmed = 0
        if crashTTY >= 0 {
            if let crashTermios { tcsetattr(crashTTY, TCSANOW, crashTermios) }
            if let crashResetBytes { _ = write(crashTTY, crashResetBytes, crashResetCount) }
        }
        if crashSavedStderr >= 0 {
            dup2(crashSavedStderr, 2)
            if crashCapturedStderr >= 0, let crashCopyBuffer {
                lseek(crashCapturedStderr, 0, SEEK_SET)
                while true {
                    let count = read(crashCapturedStderr, crashCopyBuffer, crashCopyBufferSize)
                    if count <= 0 { break }
                    _ = write(2, crashCopyBuffer, count)
                }
            }
        }
    }
    if let saved = savedActions?.advanced(by: Int(signal)), saved.pointee.sa_flags != -1 {
        sigaction(signal, saved, nil)
    } else {
        vakt_set_signal_default(signal)
    }
    raise(signal)
}
