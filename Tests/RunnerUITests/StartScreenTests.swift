@testable import RunnerUI
import TerminalCore
import Testing

@Suite struct StartScreenTests {
    private func lines(_ screen: StartScreen, _ width: Int = 80, _ height: Int = 24) -> [String] {
        var grid = Grid(width: width, height: height)
        screen.render(into: &grid)
        return grid.lines
    }

    @Test func enterResumesTheSelectedIncidentOrOpensThePlaybook() {
        var screen = StartScenes.screen(language: .nb)
        #expect(screen.update(.key(.enter)) == [.resume(incidentID: "20261129-ransomware-7k3")])
        _ = screen.update(.key(.down))
        _ = screen.update(.key(.down))
        #expect(lines(screen).contains { $0.contains("› forste-time") })
        #expect(screen.update(.key(.enter)) == [.open(playbookID: "forste-time")])
        _ = screen.update(.key(.pageDown))
        #expect(screen.update(.key(.enter)) == [.open(playbookID: "innsider")])
        _ = screen.update(.key(.pageUp))
        _ = screen.update(.key(.up))
        #expect(screen.update(.key(.enter)) == [.resume(incidentID: "20261129-ransomware-7k3")])
    }

    @Test func typingFiltersAndEscClearsThenLeaves() {
        var screen = StartScenes.screen(language: .nb)
        for character in "løsepenge" { _ = screen.update(.key(.character(character))) }
        #expect(screen.entries() == [.incident(0), .playbook(1)])
        _ = screen.update(.key(.down))
        #expect(screen.update(.key(.enter)) == [.open(playbookID: "ransomware")])
        _ = screen.update(.key(.backspace))
        #expect(screen.filter.text == "løsepeng")
        for character in "xyz" { _ = screen.update(.key(.character(character))) }
        #expect(lines(screen).contains { $0.contains("ingen treff") })
        #expect(screen.update(.key(.enter)) == [.bell])
        #expect(screen.update(.key(.escape)).isEmpty)
        #expect(screen.filter.isEmpty)
        #expect(screen.update(.key(.escape)) == [.quit])
        #expect(screen.update(.key(.ctrl("c"))) == [.quit])
        #expect(screen.update(.key(.character("q"))).isEmpty, "q is typed into the filter")
    }

    @Test func aFailureIsShown() {
        var screen = StartScenes.screen(language: .en)
        _ = screen.update(.failed("playbook not found"))
        #expect(lines(screen).contains { $0.contains("playbook not found") })
        _ = screen.update(.key(.down))
        #expect(!lines(screen).contains { $0.contains("playbook not found") })
    }
}
