import Glibc
import IncidentEngine
import PlaybookFormat
@testable import IncidentStore

/// A fresh private folder under /tmp, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() {
        var template = Array("/tmp/vakt-store-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap { mkdtemp($0) } }
        path = made.map { String(cString: $0) } ?? "/tmp/vakt-store-test-fallback-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if made == nil { mkdir(path, 0o700) }
    }

    func remove() {
        _ = system("rm -rf '\(path)'")
    }
}

/// Journal bytes and file helpers for tests.
enum Files {
    static func read(_ path: String) -> [UInt8] {
        guard let file = try? PosixFile.open(path, writable: false), let bytes = try? file.read(from: 0) else { return [] }
        return bytes
    }

    static func write(_ bytes: [UInt8], to path: String) {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        bytes.withUnsafeBytes { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        lstat(path, &info)
        return info.st_mode & 0o777
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Names in a folder.
    static func list(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Splits journal bytes into lines, each with its newline.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == UInt8(ascii: "\n") {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

/// Records to append in tests, with varied data (non-ASCII text, control characters, quotes).
enum Samples {
    static let opened = Timestamp(year: 2026, month: 11, day: 29, hour: 3, minute: 10, offsetMinutes: 60)!

    static func record(_ event: IncidentEvent, minute: Int = 0, actor: String = "kari") -> EventRecord {
        let time = opened.adding(seconds: minute * 60)
        return EventRecord(seq: 0, occurred: time, recorded: time.adding(milliseconds: 207), actor: actor, event: event)
    }

    static var incident: [EventRecord] {
        [
            record(.incidentOpened(
                playbook: "ransomware", version: "2026.1", playbookSHA256: String(repeating: "ab", count: 32),
                title: "Løsepengevirus på rådhuset", exercise: false)),
            record(.phaseEntered(phase: .detection)),
            record(.stepReached(step: "triage")),
            record(.checklistTicked(step: "triage", item: 1), minute: 1),
            record(.noteAdded(text: "PC-114 og \"PC-120\"\nlinje to\t\u{1b}[31m 🔥 \\ /", step: "triage", lesson: false), minute: 2),
            record(.decisionAnswered(step: "triage", question: "Er filer kryptert?", option: 1, label: "Ja", target: StepTarget("isolate")), minute: 3, actor: "ola"),
            record(.stepCompleted(step: "triage", note: "Berørte: PC-114"), minute: 3, actor: "ola"),
            record(.phaseEntered(phase: .containment), minute: 3),
            record(.stepReached(step: "isolate"), minute: 3),
            record(.stepSkipped(step: "isolate", reason: "Allerede isolert av driftsleverandør"), minute: 9),
            record(.correction(seq: 5, text: "PC-114 og PC-121"), minute: 10),
            record(.incidentClosed(note: "Avsluttet"), minute: 40),
        ]
    }
}
