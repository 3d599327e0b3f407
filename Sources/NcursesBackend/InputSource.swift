#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalCore

/// The UI loop's one place to wait: keys, resizes, signals, inbox messages
/// and the clock, through a single `poll`.
///
/// ```swift
/// let terminal = try NcursesTerminal()
/// defer { terminal.stop() }
/// let input = InputSource(terminal: terminal, inbox: inbox)
/// loop: while true {
///     terminal.draw(render(model, terminal.size))
///     for event in input.next() {
///         if case .terminate = event { break loop }
///         model.update(event)
///     }
/// }
/// ```
///
/// Ticks fall on whole multiples of `tickMilliseconds` of the wall clock (a
/// clock on screen changes with the second) and come even while keys keep
/// arriving.
public final class InputSource<Message: Sendable> {
    public let inbox: Inbox<Message>
    private let terminal: NcursesTerminal
    private let tickMilliseconds: Int64
    private var nextTick: Int64

    public init(terminal: NcursesTerminal, inbox: Inbox<Message> = Inbox(), tickMilliseconds: Int = 1000) {
        self.terminal = terminal
        self.inbox = inbox
        self.tickMilliseconds = Int64(max(1, tickMilliseconds))
        nextTick = 0
        nextTick = alignedTick(after: Self.now())
    }

    /// Waits until at least one event is there, and returns all that are.
    public func next() -> [TerminalEvent<Message>] {
        var events = collect(waitMilliseconds: 0)
        while events.isEmpty {
            let now = Self.now()
            if nextTick - now > tickMilliseconds { nextTick = alignedTick(after: now) }
            let wait = nextTick - now
            if wait <= 0 { break }
            events = collect(waitMilliseconds: Int32(clamping: wait))
        }
        let now = Self.now()
        if now >= nextTick {
            events.append(.tick)
            nextTick = alignedTick(after: now)
        }
        return events
    }

    /// Everything ready now, after waiting up to `waitMilliseconds` for the first thing.
    private func collect(waitMilliseconds: Int32) -> [TerminalEvent<Message>] {
        var events = drainKeys()
        events += inbox.drain().map { .message($0) }
        if !events.isEmpty { return events }

        var descriptors = [
            pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: terminal.signalDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, nfds_t(descriptors.count), waitMilliseconds)
        if ready <= 0 {
            // EINTR: a signal ran (SIGWINCH leaves KEY_RESIZE for ncurses to hand over).
            return ready < 0 ? drainKeys() : []
        }
        if descriptors[1].revents != 0 {
            events += readSignals()
        }
        events += drainKeys()
        if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            events.append(.terminate(signal: SIGHUP))
        }
        events += inbox.drain().map { .message($0) }
        return events
    }

    /// Keys ncurses has or can read without waiting (it buffers escape sequences).
    private func drainKeys() -> [TerminalEvent<Message>] {
        var events: [TerminalEvent<Message>] = []
        while events.count < 4096, let key = terminal.readKey(timeoutMilliseconds: 0) {
            events.append(key == .resize ? .resized(terminal.size) : .key(key))
        }
        return events
    }

    private func readSignals() -> [TerminalEvent<Message>] {
        var events: [TerminalEvent<Message>] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(terminal.signalDescriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            for byte in buffer.prefix(count) where Int32(byte) != SIGWINCH {
                let signal = Int32(byte)
                if !events.contains(where: { if case .terminate(signal) = $0 { true } else { false } }) {
                    events.append(.terminate(signal: signal))
                }
            }
        }
        return events
    }

    private func alignedTick(after now: Int64) -> Int64 {
        (now / tickMilliseconds + 1) * tickMilliseconds
    }

    /// Wall-clock milliseconds: ticks line up with the seconds a clock shows.
    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
