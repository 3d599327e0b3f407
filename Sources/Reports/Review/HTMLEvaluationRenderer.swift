/// The evaluation report of an exercise as one self-contained HTML page to
/// print: the export's style sheet and escaping, the marking first and last,
/// the real-incident stop boxed at the top, ruled space for each assessment
/// and rows to fill in in the improvement plan.
struct HTMLEvaluationRenderer {
    let sections: EvaluationSections

    private typealias H = HTMLExportRenderer

    /// The report's own rules, after the export's style sheet.
    static let css = """
        .stopped { border: 3px solid #b00020; padding: .5rem .7rem; margin: .5rem 0 1rem; font-size: 1.15rem; }
        .assessment { border-bottom: 1px solid #999; padding-bottom: 2.6rem; margin: .6rem 0 1.2rem; }
        ul.responses { margin: .2rem 0 .8rem; }
        @media print {
          .stopped { border-color: #000; }
          .assessment { border-color: #000; }
          section.objective, section.inject { break-inside: avoid; page-break-inside: avoid; }
        }
        """

    func render() -> String {
        let e = sections.strings
        let review = HTMLReviewRenderer(sections: sections.review)
        let r = sections.review.strings
        let s = sections.review.report.strings
        var w = ExportWriter()
        H.head(title: sections.title, language: sections.review.report.digest.input.language, extraCSS: Self.css, &w)
        H.marking(s, &w)
        w.raw("<header>\n")
        H.heading(1, sections.title, &w)
        if let stop = sections.realIncidentStop {
            w.raw("<div class=\"stopped\"><strong>")
            w.text(e.stoppedForRealIncident, as: .html)
            w.raw("</strong> ")
            w.text(e.stopReason(stop.reason), as: .html)
            w.raw("<br>")
            w.text(stop.detail, as: .html)
            w.raw("</div>\n")
        }
        H.facts(sections.review.report.facts(), &w)
        H.paragraph(e.purpose, hint: true, &w)
        w.raw("</header>\n<section>\n")
        H.heading(2, e.about, &w)
        H.facts(sections.aboutFacts(), &w)
        if let summary = sections.scenario.summary?.value {
            w.raw("<p><strong>")
            w.text(e.summary, as: .html)
            w.raw(":</strong> ")
            w.text(summary, as: .html)
            w.raw("</p>\n")
        }
        let anomalies = sections.anomalyLines()
        if !anomalies.isEmpty {
            H.heading(3, e.journalProblems, &w)
            H.paragraph(e.journalProblemsNote, &w)
            H.list(anomalies, &w)
        }
        w.raw("</section>\n<section>\n")
        H.heading(2, e.objectives, &w)
        H.paragraph(e.objectivesNote, hint: true, &w)
        let objectives = sections.objectiveItems()
        if objectives.isEmpty {
            H.paragraph(e.noObjectives, &w)
            assessment(e, &w)
        }
        for objective in objectives {
            w.raw("<section class=\"objective\">\n")
            H.heading(3, objective.heading, &w)
            H.list(objective.evidence, &w)
            assessment(e, &w)
            w.raw("</section>\n")
        }
        H.heading(3, e.expectations, &w)
        let expectations = sections.expectationTable()
        if expectations.rows.isEmpty { H.paragraph(e.noExpectations, &w) } else { H.table(expectations, &w) }
        w.raw("</section>\n<section>\n")
        H.heading(2, e.injects, &w)
        let injects = sections.injectItems()
        if injects.isEmpty { H.paragraph(e.noInjects, &w) }
        for inject in injects {
            w.raw("<section class=\"inject\">\n")
            H.heading(3, inject.heading, &w)
            H.facts(inject.facts, &w)
            if !inject.responses.isEmpty {
                w.raw("<p><strong>")
                w.text(e.responses, as: .html)
                w.raw(":</strong></p>\n<ul class=\"responses\">\n")
                for response in inject.responses {
                    w.raw("<li>")
                    w.text(response, as: .html)
                    w.raw("</li>\n")
                }
                w.raw("</ul>\n")
            }
            w.raw("</section>\n")
        }
        w.raw("</section>\n<section class=\"timeline\">\n")
        H.heading(2, e.timeline, &w)
        H.heading(3, r.course, &w)
        H.table(sections.review.courseTable(), &w)
        review.chart(&w)
        H.heading(3, e.eventsHeading, &w)
        H.table(sections.timelineTable(), &w)
        w.raw("</section>\n")

        review.stepsAgainstTarget(level: 2, &w)
        review.deadlines(level: 2, &w)
        review.decisions(level: 2, &w)
        review.skipped(level: 2, &w)
        review.notifications(level: 2, &w)

        w.raw("<section>\n")
        H.heading(2, e.observations, &w)
        notes(sections.observationItems(firstImpressions: false), note: e.observationsNote, none: e.noObservations, &w)
        w.raw("</section>\n<section>\n")
        H.heading(2, e.firstImpressions, &w)
        notes(sections.observationItems(firstImpressions: true), note: e.firstImpressionsNote,
              none: e.noFirstImpressions, &w)
        w.raw("</section>\n")
        review.lessons(&w)
        w.raw("<section>\n")
        H.heading(2, r.improvementPlan, &w)
        H.paragraph(e.improvementNote, &w)
        H.table(sections.planTable(), &w)
        w.raw("</section>\n")
        H.marking(s, &w)
        w.raw("</body>\n</html>\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    private func assessment(_ e: EvaluationStrings, _ w: inout ExportWriter) {
        w.raw("<p class=\"assessment\"><strong>")
        w.text(e.assessment, as: .html)
        w.raw("</strong> <span class=\"hint\">")
        w.text(e.assessmentPrompt, as: .html)
        w.raw("</span></p>\n")
    }

    private func notes(_ items: [ReportSections.NoteItem], note: String, none: String, _ w: inout ExportWriter) {
        if items.isEmpty {
            H.paragraph(none, &w)
        } else {
            H.paragraph(note, hint: true, &w)
            H.notes(items, &w)
        }
    }
}
