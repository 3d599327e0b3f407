#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads this process's resident memory from `/proc/self/status` (Linux).
///
/// - `VmRSS`: resident set size now.
/// - `VmHWM`: the resident set's high-water mark, the most it has been since
///   the process started or since the mark was last reset.
///
/// Writing `5` to `/proc/self/clear_refs` resets the high-water mark to the
/// current RSS (Linux 4.0 and later), which isolates one phase of the process.
enum MemoryProbe {
    /// `VmRSS` in bytes, or nil where `/proc` is not available.
    static func residentBytes() -> Int? { statusField("VmRSS:") }

    /// `VmHWM` in bytes, or nil where `/proc` is not available.
    static func highWaterMarkBytes() -> Int? { statusField("VmHWM:") }

    /// Resets `VmHWM` to the current RSS; false when the kernel refuses.
    static func resetHighWaterMark() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var five = UInt8(ascii: "5")
        return write(fd, &five, 1) == 1
    }

    /// Gives the pages of freed heap memory back to the system (glibc's
    /// `malloc_trim`), so that RSS counts live data and not the allocator's cache.
    static func returnFreeMemory() {
        #if os(Linux)
        // Not in the Glibc module map; looked up by name (RTLD_DEFAULT is a null handle).
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// One `Name:   1234 kB` line of `/proc/self/status`, in bytes.
    private static func statusField(_ name: String) -> Int? {
        guard let text = TextFile.contents("/proc/self/status") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter { $0.isNumber }
            guard let kilobytes = Int(digits) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}
