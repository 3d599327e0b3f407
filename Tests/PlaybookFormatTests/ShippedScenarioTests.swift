import Testing
@testable import PlaybookFormat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exercise scenarios shipped in the repository's `playbooks/` folder,
/// read in place: each must be ready for a facilitator to run as it stands.
@Suite struct ShippedScenarioTests {
    /// The scenarios issue 6 asks for; more may be added.
    static let required = ["ransomware-tabletop.scenario", "kontokapring-tabletop.scenario",
                           "personvernbrudd-tabletop.scenario"]

    static var scenarioFiles: [String] { ShippedFolder.fileNames(endingWith: ".scenario") }

    @Test func theThreeScenariosAreShipped() {
        for name in Self.required {
            #expect(Self.scenarioFiles.contains(name), "playbooks/\(name) is shipped")
        }
    }

    @Test(arguments: scenarioFiles)
    func scenarioIsReadyToRun(_ fileName: String) throws {
        let source = try ShippedFolder.source(fileName)
        let result = DocumentParser.parse(source)
        #expect(result.diagnostics.isEmpty, "\(fileName): \(positions(result))")
        let scenario = try #require(result.scenario, "\(fileName) is a scenario")

        // Its playbook is shipped beside it, and every reference resolves.
        let playbooks = try ShippedFolder.fileNames(endingWith: ".playbook").compactMap {
            DocumentParser.parse(try ShippedFolder.source($0)).playbook
        }
        let playbook = try #require(playbooks.first { $0.id.value == scenario.playbook.value },
                                    "\(fileName): playbook '\(scenario.playbook.value)' is shipped")
        let references = CrossReferenceValidator.checkScenario(scenario, in: source, against: playbook)
        #expect(references.isEmpty, "\(fileName): \(references.map { "\($0.code.rawValue)@\($0.line):\($0.column)" })")

        // What the facilitator and the evaluation report need.
        #expect(scenario.lang?.value == "nb", "\(fileName): bokmål")
        #expect(scenario.summary != nil, "\(fileName): has a summary")
        #expect((3...5).contains(scenario.objectives.count), "\(fileName): 3 to 5 objectives")
        let duration = try #require(scenario.duration?.value, "\(fileName): has a duration")
        #expect(scenario.injects.count >= 8, "\(fileName): at least eight injects")

        var previousAt = -1
        var previousStep: Int?
        let graph = FlowGraph(playbook)
        for inject in scenario.injects {
            let name = "\(fileName): inject '\(inject.id.value)'"
            #expect(inject.to != nil, "\(name) has 'to'")
            #expect((inject.text?.value.count ?? 0) >= 80, "\(name) has a text the room can work with")
            let at = inject.at.value.seconds
            #expect(at > previousAt, "\(name) comes after the one before it")
            previousAt = at
            let expect = try #require(inject.expect, "\(name) has 'expect'")
            let within = try #require(inject.within, "\(name) has 'within'")
            #expect(at + within.value.seconds <= duration.seconds, "\(name): its expectation is settled before the end")
            // The steps come in flow order: participants who work down the
            // playbook meet each expected step after the one before it.
            let step = try #require(playbook.stepIndex(of: expect.value), "\(name): step '\(expect.value)' exists")
            #expect(Self.forwardPath(in: graph, from: previousStep ?? 0, to: step, inclusive: previousStep == nil),
                    "\(name): '\(expect.value)' is reachable going forward from the previous inject's step")
            previousStep = step
        }
    }

    /// Whether `target` can be reached from `start` moving only forward in
    /// the file (no loop back), with at least one move unless `inclusive`.
    static func forwardPath(in graph: FlowGraph, from start: Int, to target: Int, inclusive: Bool) -> Bool {
        if inclusive, start == target { return true }
        var seen = Set<Int>()
        var queue = [start]
        while let node = queue.popLast() {
            for next in graph.successors[node] where next > node && next < graph.endNode && !seen.contains(next) {
                if next == target { return true }
                seen.insert(next)
                queue.append(next)
            }
        }
        return false
    }
}

/// The repository's `playbooks/` folder, found from this file's path.
enum ShippedFolder {
    static func path(filePath: String = #filePath) -> String {
        var folder = filePath
        while let slash = folder.lastIndex(of: "/"), !folder.hasSuffix("/Tests") {
            folder = String(folder[..<slash])
        }
        let repository = folder.lastIndex(of: "/").map { String(folder[..<$0]) } ?? "."
        return repository + "/playbooks"
    }

    static func fileNames(endingWith suffix: String) -> [String] {
        guard let directory = opendir(path()) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasSuffix(suffix), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    static func source(_ fileName: String) throws -> SourceFile {
        let bytes = try readBytes(path() + "/" + fileName)
        return SourceFile(path: "playbooks/" + fileName, bytes: bytes)
    }
}
