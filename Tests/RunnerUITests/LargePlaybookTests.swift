import IncidentEngine
import PlaybookFormat
@testable import RunnerUI
import TerminalCore
import Testing

/// A 5,000-step playbook (what the render benchmark uses) works like a
/// small one: only the rows on screen are drawn, the selection stays in view.
@Suite struct LargePlaybookTests {
    static func playbookText(steps: Int, phases: Int = 5) -> String {
        let stages = ["detection", "containment", "eradication", "recovery", "normal"]
        var text = "playbook: large\ntitle: Stor playbook\n\n"
        let perPhase = steps / phases
        for phase in 0..<phases {
            text += "phase \(stages[phase % stages.count]): Fase \(phase + 1)\n"
            for step in 0..<perPhase {
                let number = phase * perPhase + step + 1
                text += "  step s\(number): Steg nummer \(number)\n    do: Gjør det som står i steg \(number).\n"
                if number % 10 == 0 { text += "    check:\n      - Første punkt\n      - Andre punkt\n" }
            }
        }
        return text
    }

    @Test func fiveThousandStepsScrollAndDraw() throws {
        let playbook = try Fixtures.parse(Self.playbookText(steps: 5_000))
        #expect(playbook.steps.count == 5_000)
        let journal = try Journal.opened(playbook)
        var harness = Harness(journal: journal)
        harness.press(.end)
        #expect(harness.lines()[2].contains("5000/5000 Steg nummer 5000"))
        #expect(harness.lines().contains { $0.contains("› · Steg nummer 5000") })
        harness.press(.up)
        let before = harness.grid()
        harness.press(.down)
        let after = harness.grid()
        #expect(!GridDiff.runs(from: before, to: after).isEmpty)
        harness.press(.home)
        #expect(harness.lines()[4].contains("› ▶ Steg nummer 1"))
        #expect(harness.app.outline.rowCount == 5_005)
        #expect(harness.app.outline.content(ofRow: 1_001) == .phase(1))
        #expect(harness.app.outline.content(ofRow: 1_002) == .step(1_000))
        #expect(harness.app.outline.row(ofStep: 4_999) == 5_004)
    }
}
