#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the figures were measured on, printed above them.
enum MachineDescription {
    static var processorCount: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// The first `model name` of `/proc/cpuinfo`, or "unknown".
    static var processorModel: String {
        guard let text = TextFile.contents("/proc/cpuinfo") else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
            }
        }
        return "unknown"
    }

    /// The compiler the benchmark was built with (to the minor version).
    static var compiler: String {
        #if compiler(>=6.5)
        "Swift 6.5 or later"
        #elseif compiler(>=6.4)
        "Swift 6.4"
        #elseif compiler(>=6.3)
        "Swift 6.3"
        #elseif compiler(>=6.2)
        "Swift 6.2"
        #else
        "Swift 6.1"
        #endif
    }

    static var buildConfiguration: String {
        #if DEBUG
        "debug (figures are meaningless: build with -c release)"
        #else
        "release"
        #endif
    }

    static var summary: String {
        "machine: \(processorCount) cores, \(processorModel); \(compiler); build: \(buildConfiguration)"
    }
}
