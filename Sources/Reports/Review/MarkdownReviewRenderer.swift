/// The review in GitHub-flavoured Markdown, for a wiki or a document to
/// work on; every text sanitised and escaped as in the Markdown export.
struct MarkdownReviewRenderer {
    let sections: ReviewSections

    private typealias M = MarkdownExportRenderer

    func render() -> String {
        let r = sections.strings
        let s = sections.report.strings
        let digest = sections.report.digest
        var w = ExportWriter()
        if digest.input.isExercise { w.raw("**\(s.exerciseMarking)**\n\n") }
        w.raw("# ")
        M.line(sections.title, atLineStart: false, &w)
        w.raw("\n\n")
        M.facts(sections.report.facts(), &w)
        w.byte(UInt8(ascii: "\n"))
        M.line(r.purpose, &w)
        w.raw("\n\n## \(r.course)\n\n")
        M.table(sections.courseTable(), &w)
        w.raw("\n## \(r.stepsAgainstTarget)\n\n")
        M.table(sections.stepTable(), &w)
        w.raw("\n## \(r.deadlineMargins)\n\n")
        if digest.deadlines.isEmpty { w.raw(s.noDeadlines + "\n") } else { M.table(sections.report.deadlineTable(), &w) }
        w.raw("\n## \(r.decisionsTaken)\n\n")
        if digest.state.decisions.isEmpty { w.raw(r.noDecisions + "\n") } else { M.table(sections.decisionTable(), &w) }
        w.raw("\n## \(r.skipped)\n\n")
        if digest.skips.isEmpty { w.raw(r.noSkipped + "\n") } else { M.table(sections.skippedTable(), &w) }
        let bypassed = sections.bypassedSteps()
        if !bypassed.isEmpty {
            w.raw("\n### \(r.bypassed)\n\n")
            M.line(r.bypassedNote, &w)
            w.raw("\n\n")
            for step in bypassed {
                w.raw("- ")
                M.line(step, atLineStart: false, &w)
                w.byte(UInt8(ascii: "\n"))
            }
        }
        let notifications = sections.notificationTable()
        if !notifications.rows.isEmpty {
            w.raw("\n## \(r.notifications)\n\n")
            M.line(r.notificationsNote, &w)
            w.raw("\n\n")
            M.table(notifications, &w)
        }
        w.raw("\n## \(r.lessons)\n\n")
        let lessons = digest.lessons
        if lessons.isEmpty {
            w.raw(r.noLessons + "\n")
        } else {
            for lesson in lessons { M.note(sections.report.noteItem(lesson), &w) }
        }
        w.raw("\n## \(r.improvementPlan)\n\n")
        M.line(r.improvementNote, &w)
        w.raw("\n\n")
        M.table(sections.planTable(), &w)
        if digest.input.isExercise { w.raw("\n**\(s.exerciseMarking)**\n") }
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
