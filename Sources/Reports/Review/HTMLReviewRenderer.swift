/// The review as one self-contained HTML page, to print and fill in by hand
/// at the review meeting: the same style sheet and escaping as the HTML
/// export, the timeline chart, and ruled rows in the improvement plan.
struct HTMLReviewRenderer {
    let sections: ReviewSections

    private typealias H = HTMLExportRenderer

    func render() -> String {
        let r = sections.strings
        let s = sections.report.strings
        let digest = sections.report.digest
        var w = ExportWriter()
        H.head(title: sections.title, language: digest.input.language, &w)
        if digest.input.isExercise { H.marking(s, &w) }
        w.raw("<header>\n")
        H.heading(1, sections.title, &w)
        H.facts(sections.report.facts(), &w)
        H.paragraph(r.purpose, hint: true, &w)
        w.raw("</header>\n<section>\n")
        H.heading(2, r.course, &w)
        H.table(sections.courseTable(), &w)
        var chart = TimelineChart(digest, sections.report)
        w.raw("<figure class=\"chart\">\n")
        w.raw(chart.render())
        w.raw("\n</figure>\n</section>\n<section>\n")
        H.heading(2, r.stepsAgainstTarget, &w)
        H.table(sections.stepTable(), &w)
        w.raw("</section>\n<section>\n")
        H.heading(2, r.deadlineMargins, &w)
        if digest.deadlines.isEmpty { H.paragraph(s.noDeadlines, &w) } else { H.table(sections.report.deadlineTable(), &w) }
        w.raw("</section>\n<section>\n")
        H.heading(2, r.decisionsTaken, &w)
        if digest.state.decisions.isEmpty { H.paragraph(r.noDecisions, &w) } else { H.table(sections.decisionTable(), &w) }
        w.raw("</section>\n<section>\n")
        H.heading(2, r.skipped, &w)
        if digest.skips.isEmpty { H.paragraph(r.noSkipped, &w) } else { H.table(sections.skippedTable(), &w) }
        let bypassed = sections.bypassedSteps()
        if !bypassed.isEmpty {
            H.heading(3, r.bypassed, &w)
            H.paragraph(r.bypassedNote, &w)
            H.list(bypassed, &w)
        }
        w.raw("</section>\n")
        let notifications = sections.notificationTable()
        if !notifications.rows.isEmpty {
            w.raw("<section>\n")
            H.heading(2, r.notifications, &w)
            H.paragraph(r.notificationsNote, &w)
            H.table(notifications, &w)
            w.raw("</section>\n")
        }
        w.raw("<section>\n")
        H.heading(2, r.lessons, &w)
        let lessons = digest.lessons
        if lessons.isEmpty { H.paragraph(r.noLessons, &w) } else { H.notes(sections.report.noteItems(lessons), &w) }
        w.raw("</section>\n<section>\n")
        H.heading(2, r.improvementPlan, &w)
        H.paragraph(r.improvementNote, &w)
        H.table(sections.planTable(), &w)
        w.raw("</section>\n")
        if digest.input.isExercise { H.marking(s, &w) }
        w.raw("</body>\n</html>\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
