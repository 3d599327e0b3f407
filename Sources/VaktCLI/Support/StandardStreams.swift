#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and error without buffering surprises, and
/// knowing whether they are terminals (for colour).
enum StandardStreams {
    static func write(_ text: String) {
        writeAll(1, text)
    }

    static func writeError(_ text: String) {
        writeAll(2, text)
    }

    /// True when `descriptor` is a terminal and the user has not asked for no colour.
    static func wantsColor(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
            && (getenv("TERM").map { String(cString: $0) != "dumb" } ?? true)
    }

    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        _ = bytes
    }
}
