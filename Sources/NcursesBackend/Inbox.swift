#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where other threads leave messages for the UI loop.
///
/// The UI loop is one synchronous thread blocked in `poll`, not an actor
/// (two cores; the terminal object is not Sendable). A journal watcher or a
/// timer posts here from any thread; each post writes a byte to a wake-up
/// pipe so the loop's `poll` returns at once.
public final class Inbox<Message: Sendable>: Sendable {
    private let queue = LockedQueue<Message>()
    /// The pipe the loop polls; its write end is non-blocking, so a post never waits.
    let wakeDescriptor: Int32
    private let wakeWriteDescriptor: Int32

    public init() {
        let ends = TerminalSignals.makePipe() ?? (-1, -1)
        wakeDescriptor = ends.0
        wakeWriteDescriptor = ends.1
    }

    deinit {
        if wakeDescriptor >= 0 { close(wakeDescriptor) }
        if wakeWriteDescriptor >= 0 { close(wakeWriteDescriptor) }
    }

    /// Leaves a message and wakes the loop. Safe from any thread.
    public func post(_ message: Message) {
        queue.append(message)
        var byte: UInt8 = 1
        _ = write(wakeWriteDescriptor, &byte, 1)
    }

    /// Takes every message posted so far, oldest first.
    public func drain() -> [Message] {
        var scratch = [UInt8](repeating: 0, count: 256)
        while scratch.withUnsafeMutableBytes({ read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
        return queue.takeAll()
    }

    /// Whether messages are waiting.
    public var isEmpty: Bool { queue.isEmpty }
}
