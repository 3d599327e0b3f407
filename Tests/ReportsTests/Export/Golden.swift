#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import VaktTestSupport

/// Golden files: readable expected outputs kept under `Export/Golden`.
/// With `VAKT_UPDATE_GOLDEN=1` in the environment a test rewrites its file
/// instead of comparing (then review the diff before committing it).
enum Golden {
    static let folder: String = {
        let file = #filePath
        let cut = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
        return cut + "/Golden"
    }()

    static var updating: Bool {
        getenv("VAKT_UPDATE_GOLDEN").map { String(cString: $0) == "1" } ?? false
    }

    /// Compares `actual` with the golden file `name`, line by line, naming the first difference.
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name
        if updating {
            Files.write(Array(actual.utf8), to: path, mode: 0o644)
            return
        }
        guard Files.exists(path) else {
            Issue.record("missing golden file \(name); run with VAKT_UPDATE_GOLDEN=1 to write it", sourceLocation: sourceLocation)
            return
        }
        let expected = Files.readText(path)
        guard expected != actual else { return }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
        let expectedLine = line < want.count ? String(want[line]) : "(end of file)"
        let actualLine = line < got.count ? String(got[line]) : "(end of file)"
        let message = "\(name) differs at line \(line + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)\n"
            + "(VAKT_UPDATE_GOLDEN=1 rewrites the golden files)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
