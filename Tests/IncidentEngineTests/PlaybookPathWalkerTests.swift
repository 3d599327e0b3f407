import IncidentEngine
import PlaybookFormat
import Testing

/// The path walker that checks the shipped playbooks: it counts the paths it
/// should, and it reports each kind of broken playbook it is there to catch.
@Suite struct PlaybookPathWalkerTests {
    @Test func aSoundPlaybookHasNoProblems() throws {
        let playbook = try Fixtures.playbook(Fixtures.ransomwareText)
        let report = PlaybookPathWalker.walk(playbook)
        #expect(report.problems == [])
        #expect(PlaybookPathWalker.unreachableSteps(playbook, report).isEmpty)
        #expect(report.paths > 0)
    }

    @Test func eachOptionIsTakenAtMostOncePerPath() throws {
        // check: Nei loops, Ja goes on, Gi opp ends; done: Nei loops to the start, Ja ends.
        let playbook = try Fixtures.playbook(Fixtures.loopText)
        let report = PlaybookPathWalker.walk(playbook)
        #expect(report.paths == 7)
        #expect(report.problems == [])
        #expect(PlaybookPathWalker.unansweredOptions(playbook, report) == [])
    }

    @Test func aPathWithEveryOptionUsedLeavesByTheShortestWayOut() throws {
        let playbook = try Fixtures.playbook(Self.usedUpText)
        let report = PlaybookPathWalker.walk(playbook)
        // Two paths end at y's Ferdig; two come back to x with both options taken and leave by Videre, Ferdig.
        #expect(report.paths == 4)
        #expect(report.problems == [])
    }

    @Test func aStepNoPathReachesIsReported() throws {
        let playbook = try Fixtures.playbook(Self.unreachableText)
        let report = PlaybookPathWalker.walk(playbook)
        #expect(PlaybookPathWalker.unreachableSteps(playbook, report).map(\.id.value) == ["forbigatt"])
        #expect(report.problems == [])
    }

    @Test func optionsWithTheSameTargetAreWalkedOnceAndEachAnswered() throws {
        // a: Ja and Nei both lead to c.
        let playbook = try Fixtures.playbook(Self.unreachableText)
        let report = PlaybookPathWalker.walk(playbook)
        #expect(report.paths == 1)
        #expect(report.answered == [.init(step: 0, option: 1), .init(step: 0, option: 2)])
        #expect(PlaybookPathWalker.unansweredOptions(playbook, report) == [])
    }

    @Test func aLoopWithNoWayOutIsADeadEnd() throws {
        let playbook = try Fixtures.playbook(Self.endlessText)
        let report = PlaybookPathWalker.walk(playbook)
        #expect(report.paths == 0)
        #expect(PlaybookPathWalker.unreachableSteps(playbook, report).map(\.id.value) == ["aldri"])
        #expect(report.problems.map(\.message) == ["dead end at 'igjen': no choice of options from it reaches the end"])
        #expect(report.problems.first?.path == "start → igjen [Ja] → start")
    }

    @Test func aDeadlineTooShortForItsStepsIsMissed() throws {
        let report = PlaybookPathWalker.walk(try Fixtures.playbook(Self.tightDeadlineText))
        #expect(report.paths == 2)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.count == 1)
        #expect(report.problems.first?.message.hasPrefix("deadline 'melding' (10m) was missed") == true)
        #expect(report.problems.first?.path == "a → b [Meld] → c → d")
    }

    @Test func aDeadlineWhoseUntilStepThePathLeavesOutIsWaived() throws {
        // Fixtures.breachText: the internal-register-only path bypasses `notify`.
        let report = PlaybookPathWalker.walk(try Fixtures.playbook(Fixtures.breachText))
        #expect(report.problems == [])
        #expect(report.paths > 1)
    }

    // MARK: Fixtures

    static let usedUpText = """
        playbook: brukt-opp
        title: Alle svar brukt

        phase detection: Oppdage
          step start: Start
            do: Begynn.
          step x: Første valg
            ask: Videre?
              - Tilbake -> start
              - Videre -> next
        phase normal: Normal
          step y: Andre valg
            ask: Ferdig?
              - Tilbake -> start
              - Ferdig -> end

        """

    static let unreachableText = """
        playbook: forbi
        title: Forbi et steg

        phase detection: Oppdage
          step a: Første
            ask: Hvor?
              - Ja -> c
              - Nei -> c
          step forbigatt: Ingen kommer hit
            do: Gjør noe.
        phase normal: Normal
          step c: Siste
            do: Ferdig.

        """

    static let endlessText = """
        playbook: uendelig
        title: Ingen vei ut

        phase detection: Oppdage
          step start: Start
            do: Begynn.
          step igjen: Igjen
            ask: En gang til?
              - Ja -> start
              - Ja, helt sikkert -> start
        phase normal: Normal
          step aldri: Aldri nådd
            do: Ferdig.

        """

    static let tightDeadlineText = """
        playbook: knapp-frist
        title: For knapp frist

        deadline melding: Melding
          within: 10m
          from: a
          until: c

        phase detection: Oppdage
          step a: Første
            do: Gjør noe.
          step b: Andre
            ask: Meld?
              - Meld -> next
              - Ikke meld -> d
        phase containment: Begrense
          step c: Meld
            do: Meld.
        phase normal: Normal
          step d: Siste
            do: Ferdig.

        """
}
