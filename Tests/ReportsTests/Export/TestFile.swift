#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing whole files with POSIX calls (the tests use no Foundation).
enum TestFile {
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @discardableResult
    static func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        let bytes = Array(text.utf8)
        return fwrite(bytes, 1, bytes.count, file) == bytes.count
    }

    /// A fresh private folder under /tmp.
    static func temporaryFolder() -> String {
        var template = Array("/tmp/vakt-export-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        return made.map { String(cString: $0) } ?? "/tmp"
    }

    /// Removes the files in a folder made by `temporaryFolder`, then the folder.
    static func remove(_ folder: String, files: [String]) {
        guard folder.hasPrefix("/tmp/vakt-export-") else { return }
        for name in files { unlink(folder + "/" + name) }
        rmdir(folder)
    }
}
