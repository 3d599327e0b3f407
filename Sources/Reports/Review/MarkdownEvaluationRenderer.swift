/// The evaluation report of an exercise in GitHub-flavoured Markdown: every
/// text from the journal or the scenario sanitised and escaped as in the
/// Markdown export, the exercise marking first and last.
struct MarkdownEvaluationRenderer {
    let sections: EvaluationSections

    private typealias M = MarkdownExportRenderer

    func render() -> String {
        let e = sections.strings
        let review = MarkdownReviewRenderer(sections: sections.review)
        let r = sections.review.strings
        let s = sections.review.report.strings
        var w = ExportWriter()
        w.raw("**\(s.exerciseMarking)**\n\n# ")
        M.line(sections.title, atLineStart: false, &w)
        w.raw("\n\n")
        if let stop = sections.realIncidentStop {
            w.raw("> **\(e.stoppedForRealIncident)** ")
            M.line(e.stopReason(stop.reason), atLineStart: false, &w)
            w.raw("  \n> ")
            M.line(stop.detail, atLineStart: false, &w)
            w.raw("\n\n")
        }
        M.facts(sections.review.report.facts(), &w)
        w.byte(UInt8(ascii: "\n"))
        M.line(e.purpose, &w)

        w.raw("\n\n## \(e.about)\n\n")
        M.facts(sections.aboutFacts(), &w)
        if let summary = sections.scenario.summary?.value {
            w.raw("\n**\(e.summary):** ")
            M.line(summary, atLineStart: false, &w)
            w.byte(UInt8(ascii: "\n"))
        }
        let anomalies = sections.anomalyLines()
        if !anomalies.isEmpty {
            w.raw("\n### \(e.journalProblems)\n\n")
            M.line(e.journalProblemsNote, &w)
            w.raw("\n\n")
            list(anomalies, &w)
        }

        w.raw("\n## \(e.objectives)\n\n")
        M.line(e.objectivesNote, &w)
        w.raw("\n")
        let objectives = sections.objectiveItems()
        if objectives.isEmpty {
            w.raw("\n")
            M.line(e.noObjectives, &w)
            w.raw("\n")
        }
        for objective in objectives {
            w.raw("\n### ")
            M.line(objective.heading, atLineStart: false, &w)
            w.raw("\n\n")
            list(objective.evidence, &w)
            w.raw("\n**\(e.assessment)** \(e.assessmentPrompt)\n")
        }
        w.raw("\n### \(e.expectations)\n\n")
        let expectations = sections.expectationTable()
        if expectations.rows.isEmpty { w.raw(e.noExpectations + "\n") } else { M.table(expectations, &w) }

        w.raw("\n## \(e.injects)\n")
        let injects = sections.injectItems()
        if injects.isEmpty { w.raw("\n" + e.noInjects + "\n") }
        for inject in injects {
            w.raw("\n### ")
            M.line(inject.heading, atLineStart: false, &w)
            w.raw("\n\n")
            M.facts(inject.facts, &w)
            if !inject.responses.isEmpty {
                w.raw("- **\(e.responses):**\n")
                for response in inject.responses {
                    w.raw("  - ")
                    M.line(response, atLineStart: false, &w)
                    w.byte(UInt8(ascii: "\n"))
                }
            }
        }

        w.raw("\n## \(e.timeline)\n\n### \(r.course)\n\n")
        M.table(sections.review.courseTable(), &w)
        w.raw("\n### \(e.eventsHeading)\n\n")
        M.table(sections.timelineTable(), &w)

        review.stepsAgainstTarget(level: 2, &w)
        review.deadlines(level: 2, &w)
        review.decisions(level: 2, &w)
        review.skipped(level: 2, &w)
        review.notifications(level: 2, &w)

        w.raw("\n## \(e.observations)\n\n")
        notes(sections.observationItems(firstImpressions: false), note: e.observationsNote, none: e.noObservations, &w)
        w.raw("\n## \(e.firstImpressions)\n\n")
        notes(sections.observationItems(firstImpressions: true), note: e.firstImpressionsNote,
              none: e.noFirstImpressions, &w)
        review.lessons(&w)

        w.raw("\n## \(r.improvementPlan)\n\n")
        M.line(e.improvementNote, &w)
        w.raw("\n\n")
        M.table(sections.planTable(), &w)
        w.raw("\n**\(s.exerciseMarking)**\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private func list(_ items: [String], _ w: inout ExportWriter) {
        for item in items {
            w.raw("- ")
            M.line(item, atLineStart: false, &w)
            w.byte(UInt8(ascii: "\n"))
        }
    }

    private func notes(_ items: [ReportSections.NoteItem], note: String, none: String, _ w: inout ExportWriter) {
        if items.isEmpty {
            M.line(none, &w)
            w.byte(UInt8(ascii: "\n"))
            return
        }
        M.line(note, &w)
        w.raw("\n\n")
        for item in items { M.note(item, &w) }
    }
}
