/// The review as one self-contained HTML page, to print and fill in by hand
/// at the review meeting: the same style sheet and escaping as the HTML
/// export, the timeline chart, and ruled rows in the improvement plan.
struct HTMLReviewRenderer {
    let sections: ReviewSections

    private typealias H = HTMLExportRenderer

    private var r: ReviewStrings { sections.strings }
    private var s: ExportStrings { sections.report.strings }
    private var digest: IncidentDigest { sections.report.digest }

    func render() -> String {
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
        chart(&w)
        w.raw("</section>\n")
        stepsAgainstTarget(level: 2, &w)
        deadlines(level: 2, &w)
        decisions(level: 2, &w)
        skipped(level: 2, &w)
        notifications(level: 2, &w)
        lessons(&w)
        w.raw("<section>\n")
        H.heading(2, r.improvementPlan, &w)
        H.paragraph(r.improvementNote, &w)
        H.table(sections.planTable(), &w)
        w.raw("</section>\n")
        if digest.input.isExercise { H.marking(s, &w) }
        w.raw("</body>\n</html>\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    // MARK: Sections the evaluation report of an exercise shares

    func chart(_ w: inout ExportWriter) {
        var chart = TimelineChart(digest, sections.report)
        w.raw("<figure class=\"chart\">\n")
        w.raw(chart.render())
        w.raw("\n</figure>\n")
    }

    func stepsAgainstTarget(level: Int, _ w: inout ExportWriter) {
        w.raw("<section>\n")
        H.heading(level, r.stepsAgainstTarget, &w)
        H.table(sections.stepTable(), &w)
        w.raw("</section>\n")
    }

    func deadlines(level: Int, _ w: inout ExportWriter) {
        w.raw("<section>\n")
        H.heading(level, r.deadlineMargins, &w)
        if digest.deadlines.isEmpty { H.paragraph(s.noDeadlines, &w) } else { H.table(sections.report.deadlineTable(), &w) }
        w.raw("</section>\n")
    }

    func decisions(level: Int, _ w: inout ExportWriter) {
        w.raw("<section>\n")
        H.heading(level, r.decisionsTaken, &w)
        if digest.state.decisions.isEmpty { H.paragraph(r.noDecisions, &w) } else { H.table(sections.decisionTable(), &w) }
        w.raw("</section>\n")
    }

    func skipped(level: Int, _ w: inout ExportWriter) {
        w.raw("<section>\n")
        H.heading(level, r.skipped, &w)
        if digest.skips.isEmpty { H.paragraph(r.noSkipped, &w) } else { H.table(sections.skippedTable(), &w) }
        let bypassed = sections.bypassedSteps()
        if !bypassed.isEmpty {
            H.heading(level + 1, r.bypassed, &w)
            H.paragraph(r.bypassedNote, &w)
            H.list(bypassed, &w)
        }
        w.raw("</section>\n")
    }

    func notifications(level: Int, _ w: inout ExportWriter) {
        let notifications = sections.notificationTable()
        guard !notifications.rows.isEmpty else { return }
        w.raw("<section>\n")
        H.heading(level, r.notifications, &w)
        H.paragraph(r.notificationsNote, &w)
        H.table(notifications, &w)
        w.raw("</section>\n")
    }

    func lessons(_ w: inout ExportWriter) {
        w.raw("<section>\n")
        H.heading(2, r.lessons, &w)
        let lessons = digest.lessons
        if lessons.isEmpty { H.paragraph(r.noLessons, &w) } else { H.notes(sections.report.noteItems(lessons), &w) }
        w.raw("</section>\n")
    }
}
