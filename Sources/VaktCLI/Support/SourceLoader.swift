#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlaybookFormat

/// Reads vakt's text files from disk, refusing what cannot be one before
/// reading it: a missing path, a folder, a device, a file over the size limit.
enum SourceLoader {
    /// Why a file could not be read at all (exit code 2).
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var code: DiagnosticCode = .unreadableFile
        var description: String { "\(path): \(reason)" }

        var diagnostic: Diagnostic {
            Diagnostic(fileError: code, reason, path: path)
        }
    }

    static func load(_ path: String) -> Result<SourceFile, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(Failure(path: path, reason: "cannot read: \(String(cString: strerror(errno)))"))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            return .failure(Failure(path: path, reason: "is a folder, not a file"))
        }
        guard type == S_IFREG else {
            return .failure(Failure(path: path, reason: "is not a regular file"))
        }
        if Int(info.st_size) > DocumentParser.maximumFileSize {
            return .failure(Failure(
                path: path, reason: "file is too large (\(Int(info.st_size)) bytes; the limit is 64 MiB); not read",
                code: .fileTooLarge))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(Failure(path: path, reason: "cannot read: \(String(cString: strerror(errno)))"))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(path: path, reason: "cannot read: \(String(cString: strerror(errno)))"))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > DocumentParser.maximumFileSize {
                return .failure(Failure(path: path, reason: "file is too large (over 64 MiB); not read", code: .fileTooLarge))
            }
        }
        return .success(SourceFile(path: path, bytes: bytes))
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The vakt files below `folder` (*.playbook, *.scenario, *.contacts), sorted, hidden folders skipped.
    static func files(in folder: String) -> [String] {
        var found: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            guard let directory = opendir(current) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                if isDirectory(path), DocumentKind(path: name) == nil {
                    pending.append(path)
                } else if DocumentKind(path: name) != nil {
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    /// The folder part of a path (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
