import IncidentEngine
import PlaybookFormat
@testable import Reports
import Testing

/// Every format of the fixed journal, compared with its golden file.
@Suite struct ExportGoldenTests {
    @Test(arguments: ExportFormat.allCases)
    func realIncidentInBokmål(format: ExportFormat) throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        Golden.check(TimelineExport.render(input, format: format), "incident-nb.\(format.fileExtension)")
    }

    @Test(arguments: [ExportFormat.markdown, .csv])
    func exerciseInEnglish(format: ExportFormat) throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: true), language: .en)
        Golden.check(TimelineExport.render(input, format: format), "exercise-en.\(format.fileExtension)")
    }

    @Test(arguments: ReviewFormat.allCases)
    func reviewInBokmål(format: ReviewFormat) throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        Golden.check(IncidentReview.render(input, format: format), "review-nb.\(format.fileExtension)")
    }

    @Test func reviewOfAnExerciseInEnglish() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal(exercise: true), language: .en)
        Golden.check(IncidentReview.render(input, format: .markdown), "review-exercise-en.md")
    }

    @Test func renderingTwiceGivesTheSameBytes() throws {
        let input = try ExportFixtures.input(try ExportFixtures.fixedJournal())
        for format in ExportFormat.allCases {
            #expect(TimelineExport.render(input, format: format) == TimelineExport.render(input, format: format))
        }
    }
}
