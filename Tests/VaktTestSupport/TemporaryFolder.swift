import Glibc

/// A fresh private folder under /tmp for one test, removed by `remove()`.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init(prefix: String = "vakt-test") {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }
        }
        if let made {
            path = String(cString: made)
        } else {
            path = "/tmp/\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            mkdir(path, 0o700)
        }
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) -> String {
        let target = file(name)
        Files.write(Array(text.utf8), to: target)
        return target
    }

    public func remove() {
        Files.removeTree(path)
    }
}
