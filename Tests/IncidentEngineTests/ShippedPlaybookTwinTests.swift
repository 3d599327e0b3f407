import PlaybookFormat
import Testing

/// The English playbooks are translations: the same steps, phases,
/// decisions, deadlines, roles and checklists as their bokmål twins, so that
/// an incident can be run, handed over and reviewed in either language.
@Suite struct ShippedPlaybookTwinTests {
    /// The twins issue 7 asks for, by bokmål file name.
    static let required = ["kontokapring.playbook", "personvernbrudd.playbook", "ransomware.playbook"]

    @Test func theRequiredEnglishTwinsAreShipped() {
        let bokmal = Set(ShippedPlaybooks.twins.map(\.bokmal))
        for name in Self.required {
            #expect(bokmal.contains(name), "\(name) has no English twin in \(ShippedPlaybooks.folder.path)")
        }
    }

    @Test(arguments: ShippedPlaybooks.twins)
    func theTwinsHaveTheSameStructure(_ twin: ShippedPlaybooks.Twin) throws {
        let bokmal = try ShippedPlaybooks.playbook(twin.bokmal)
        let english = try ShippedPlaybooks.playbook(twin.english)
        #expect(english.id.value == bokmal.id.value + "-en", "\(twin.english): the id should be '\(bokmal.id.value)-en'")
        #expect(bokmal.lang?.value == "nb" && english.lang?.value == "en", "\(twin.testDescription): lang should be nb and en")

        if let difference = PlaybookShape(bokmal).firstDifference(from: PlaybookShape(english)) {
            Issue.record(
                """
                \(twin.bokmal) and \(twin.english) differ first at structure line \(difference.line):
                  \(twin.bokmal): \(difference.this ?? "(nothing: it ends here)")
                  \(twin.english): \(difference.other ?? "(nothing: it ends here)")
                """)
        }
    }
}
