import IncidentEngine
import PlaybookFormat
import Testing

/// Every path through every shipped playbook, walked with the engine (see
/// `PlaybookPathWalker`): each path ends, every step is reached on some path,
/// every option is answered, and every deadline is met when each step takes
/// five minutes (unless the chosen path leaves out its `until` step, which
/// waives it).
@Suite struct ShippedPlaybookPathTests {
    @Test func thePlaybooksFolderIsFound() {
        #expect(ShippedPlaybooks.fileNames.count >= 10, "no playbooks in \(ShippedPlaybooks.folder.path)")
    }

    @Test(arguments: ShippedPlaybooks.fileNames)
    func everyPathEndsReachesEveryStepAndMeetsItsDeadlines(_ fileName: String) throws {
        let playbook = try ShippedPlaybooks.playbook(fileName)
        let report = PlaybookPathWalker.walk(playbook)

        #expect(report.paths > 0, "\(fileName): no path reached the end")
        for problem in report.problems {
            Issue.record("\(fileName): \(problem.message) (on \(problem.count) path(s); first: \(problem.path))")
        }
        for step in PlaybookPathWalker.unreachableSteps(playbook, report) {
            Issue.record("\(fileName): step '\(step.id.value)' (line \(step.span.line)) is reached on no path")
        }
        for option in PlaybookPathWalker.unansweredOptions(playbook, report) {
            Issue.record("\(fileName): the option '\(option)' was never answered")
        }
    }
}
