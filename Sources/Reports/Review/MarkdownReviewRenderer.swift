/// The review in GitHub-flavoured Markdown, for a wiki or a document to
/// work on; every text sanitised and escaped as in the Markdown export.
struct MarkdownReviewRenderer {
    let sections: ReviewSections

    private typealias M = MarkdownExportRenderer

    private var r: ReviewStrings { sections.strings }
    private var s: ExportStrings { sections.report.strings }
    private var digest: IncidentDigest { sections.report.digest }

    func render() -> String {
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
        stepsAgainstTarget(level: 2, &w)
        deadlines(level: 2, &w)
        decisions(level: 2, &w)
        skipped(level: 2, &w)
        notifications(level: 2, &w)
        lessons(&w)
        w.raw("\n## \(r.improvementPlan)\n\n")
        M.line(r.improvementNote, &w)
        w.raw("\n\n")
        M.table(sections.planTable(), &w)
        if digest.input.isExercise { w.raw("\n**\(s.exerciseMarking)**\n") }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    // MARK: Sections the evaluation report of an exercise shares

    private func heading(_ level: Int, _ text: String, _ w: inout ExportWriter) {
        w.raw("\n" + String(repeating: "#", count: level) + " \(text)\n\n")
    }

    func stepsAgainstTarget(level: Int, _ w: inout ExportWriter) {
        heading(level, r.stepsAgainstTarget, &w)
        M.table(sections.stepTable(), &w)
    }

    func deadlines(level: Int, _ w: inout ExportWriter) {
        heading(level, r.deadlineMargins, &w)
        if digest.deadlines.isEmpty { w.raw(s.noDeadlines + "\n") } else { M.table(sections.report.deadlineTable(), &w) }
    }

    func decisions(level: Int, _ w: inout ExportWriter) {
        heading(level, r.decisionsTaken, &w)
        if digest.state.decisions.isEmpty { w.raw(r.noDecisions + "\n") } else { M.table(sections.decisionTable(), &w) }
    }

    func skipped(level: Int, _ w: inout ExportWriter) {
        heading(level, r.skipped, &w)
        if digest.skips.isEmpty { w.raw(r.noSkipped + "\n") } else { M.table(sections.skippedTable(), &w) }
        let bypassed = sections.bypassedSteps()
        if !bypassed.isEmpty {
            heading(level + 1, r.bypassed, &w)
            M.line(r.bypassedNote, &w)
            w.raw("\n\n")
            for step in bypassed {
                w.raw("- ")
                M.line(step, atLineStart: false, &w)
                w.byte(UInt8(ascii: "\n"))
            }
        }
    }

    func notifications(level: Int, _ w: inout ExportWriter) {
        let notifications = sections.notificationTable()
        guard !notifications.rows.isEmpty else { return }
        heading(level, r.notifications, &w)
        M.line(r.notificationsNote, &w)
        w.raw("\n\n")
        M.table(notifications, &w)
    }

    func lessons(_ w: inout ExportWriter) {
        heading(2, r.lessons, &w)
        let lessons = digest.lessons
        if lessons.isEmpty {
            w.raw(r.noLessons + "\n")
        } else {
            for lesson in lessons { M.note(sections.report.noteItem(lesson), &w) }
        }
    }
}
