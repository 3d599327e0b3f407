import Glibc
import Testing
import VaktTestSupport

/// `vakt exercise` refuses what it cannot run before it opens anything: an
/// unknown scenario, one with errors, a scenario whose playbook is missing,
/// a speed out of range. Each says why, with the contract's exit code, and
/// leaves no incident behind. (Running one is in TUITests+Exercise.)
@Suite struct ExerciseCommandTests {
    static let playbook = """
        playbook: drill
        title: Øvingsløype
        roles:
          - oncall: IKT-vakt
        phase detection: Oppdage
          step alert: Ta imot varselet
            do: Noter tidspunktet.

        """

    struct World {
        let folder = TemporaryFolder()
        var home: String { folder.file("home") }

        init(scenario: String) {
            mkdir(folder.file("playbooks"), 0o700)
            Files.write(Array(ExerciseCommandTests.playbook.utf8), to: folder.file("playbooks/drill.playbook"))
            Files.write(Array(scenario.utf8), to: folder.file("playbooks/ovelse.scenario"))
        }

        func vakt(_ arguments: [String]) throws -> ChildProcess.Outcome {
            try ChildProcess.vakt(
                ["exercise"] + arguments + ["--home", home, "--playbooks", folder.file("playbooks")], in: folder)
        }

        var incidentCount: Int {
            guard let directory = opendir(home + "/incidents") else { return 0 }
            defer { closedir(directory) }
            var count = 0
            while let entry = readdir(directory) { if entry.pointee.d_name.0 != UInt8(ascii: ".") { count += 1 } }
            return count
        }
    }

    static let good = """
        scenario: ovelse
        title: Øvelse
        playbook: drill

        inject a: Varsel
          at: 0m
          expect: alert

        """

    @Test func anUnknownScenarioIdSuggestsTheNearestOne() throws {
        let world = World(scenario: Self.good)
        defer { world.folder.remove() }
        let outcome = try world.vakt(["ovelsen"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no scenario with id 'ovelsen'"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("did you mean 'ovelse'?"), "\(outcome.stderr)")
        #expect(world.incidentCount == 0)
    }

    @Test func aScenarioWithErrorsIsShownAtItsLineAndColumn() throws {
        let world = World(scenario: Self.good.replacing("expect: alert", with: "expect: alrt"))
        defer { world.folder.remove() }
        let outcome = try world.vakt([world.folder.file("playbooks/ovelse.scenario")])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("ovelse.scenario:7:11"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("did you mean 'alert'?"), "\(outcome.stderr)")
        #expect(world.incidentCount == 0)
    }

    @Test func aScenarioWhosePlaybookIsMissingSaysSo() throws {
        let world = World(scenario: Self.good.replacing("playbook: drill", with: "playbook: dril"))
        defer { world.folder.remove() }
        let outcome = try world.vakt(["ovelse"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("unknown playbook 'dril'"), "\(outcome.stderr)")
        #expect(world.incidentCount == 0)
    }

    @Test(arguments: ["0", "3601", "fast"]) func aSpeedOutOfRangeIsBadUsage(_ speed: String) throws {
        let world = World(scenario: Self.good)
        defer { world.folder.remove() }
        let outcome = try world.vakt(["ovelse", "--speed", speed])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("speed"), "\(outcome.stderr)")
        #expect(world.incidentCount == 0)
    }
}
