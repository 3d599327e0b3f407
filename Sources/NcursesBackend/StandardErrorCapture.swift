#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends standard error to an unlinked temporary file while curses owns the
/// screen, and writes it back to the real stderr afterwards: a warning
/// printed mid-frame would otherwise tear the screen and then vanish.
struct StandardErrorCapture {
    /// The original stderr, kept open.
    let saved: Int32
    /// The file that collects what was written meanwhile.
    let captured: Int32

    /// Starts capturing, or returns nil when stderr is not a terminal (a log file is left alone).
    static func start() -> StandardErrorCapture? {
        guard isatty(2) == 1 else { return nil }
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/vakt-stderr-XXXXXX").utf8CString)
        let file = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard file >= 0 else { return nil }
        template.withUnsafeBufferPointer { buffer in
            if let path = buffer.baseAddress { _ = unlink(path) }
        }
        let saved = dup(2)
        guard saved >= 0, dup2(file, 2) >= 0 else {
            close(file)
            if saved >= 0 { close(saved) }
            return nil
        }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        return StandardErrorCapture(saved: saved, captured: file)
    }

    /// Gives stderr back and replays what was captured.
    func finish() {
        dup2(saved, 2)
        lseek(captured, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(captured, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(2, $0.baseAddress?.advanced(by: offset), count - offset) }
                if written <= 0 { break }
                offset += written
            }
        }
        close(captured)
        close(saved)
    }
}
