import IncidentEngine
import PlaybookFormat

/// The timeline as an inline SVG picture: the phases as bands, each pass
/// through a step as a bar from reached to done (dashed while open, dotted
/// when skipped), decisions as diamonds on their step's row, notes as circles
/// (lessons filled), and each deadline as a line from its start to its due
/// time, ending in a check when met and turning dashed past the due time
/// when missed.
///
/// Every text (labels, `<title>` tooltips) is sanitised and HTML-escaped.
/// Marks that would fall on the same pixel of a row are drawn once, with a
/// tooltip counting them, so a journal of a million events still makes a
/// picture of bounded size.
struct TimelineChart {
    static let width = 960.0
    static let labelWidth = 230.0
    /// Room between the labels and the earliest time, so a mark at the start stays clear of them.
    static let leftPadding = 8.0
    static let rightMargin = 24.0
    static let rowHeight = 18.0
    static let axisHeight = 34.0
    /// At most this many texts in one merged mark's tooltip.
    static let tooltipTexts = 3

    let digest: IncidentDigest
    let sections: ReportSections
    private var out = ""
    private var y = 0.0
    private var passesByStep: [[StepPass]] = []
    private var decisionsByStep: [[DecisionRecord]] = []

    init(_ digest: IncidentDigest, _ sections: ReportSections) {
        self.digest = digest
        self.sections = sections
    }

    private var strings: ExportStrings { sections.strings }
    private var playbook: Playbook { digest.playbook }
    private var plotLeft: Double { Self.labelWidth + Self.leftPadding }
    private var plotWidth: Double { Self.width - plotLeft - Self.rightMargin }

    /// x of a time, clamped to the plot.
    private func x(_ time: Timestamp) -> Double {
        let span = max(digest.end.milliseconds(since: digest.start), 1)
        let offset = Double(time.milliseconds(since: digest.start)) / Double(span)
        return plotLeft + min(max(offset, 0), 1) * plotWidth
    }

    mutating func render() -> String {
        out = ""
        y = Self.axisHeight
        passesByStep = Array(repeating: [], count: playbook.steps.count)
        for pass in digest.passes { passesByStep[pass.stepIndex].append(pass) }
        decisionsByStep = Array(repeating: [], count: playbook.steps.count)
        for decision in digest.state.decisions { decisionsByStep[decision.stepIndex].append(decision) }
        let stepRows = stepRowsInOrder()
        let bandTop = y
        let rows = stepRows.count + 1 + digest.deadlines.filter { $0.startedAt != nil }.count
        let bandBottom = bandTop + Double(max(rows, 1)) * Self.rowHeight
        bands(top: bandTop, bottom: bandBottom)
        axis(top: bandTop, bottom: bandBottom)
        for step in stepRows { stepRow(step) }
        notesRow()
        for report in digest.deadlines where report.startedAt != nil { deadlineRow(report) }
        let height = y + 8
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(Self.width)) \(Self.number(height))\""
        svg += " width=\"\(Self.number(Self.width))\" height=\"\(Self.number(height))\" role=\"img\" aria-labelledby=\"chart-title\">\n"
        svg += "<title id=\"chart-title\">\(Self.text(strings.timelineTitle(sections.title)))</title>\n"
        return svg + out + "</svg>"
    }

    // MARK: Rows

    /// Steps with at least one pass, in playbook order.
    private func stepRowsInOrder() -> [Int] {
        playbook.steps.indices.filter { !passesByStep[$0].isEmpty || !decisionsByStep[$0].isEmpty }
    }

    private mutating func label(_ text: String) {
        let short = Self.truncated(text, to: 34)
        out += "<text x=\"4\" y=\"\(Self.number(y + 13))\">\(Self.text(short))<title>\(Self.text(text))</title></text>\n"
    }

    private mutating func stepRow(_ step: Int) {
        label(sections.labels.stepLabel(at: step))
        var merged: [(x1: Double, x2: Double, passes: [StepPass])] = []
        for pass in passesByStep[step] {
            guard let from = pass.reachedAt ?? pass.closedAt else { continue }
            let x1 = x(from)
            let x2 = max(x(pass.closedAt ?? digest.end), x1 + 2)
            if let last = merged.last, x1 <= last.x2 + 1, last.passes.last?.outcome == pass.outcome {
                merged[merged.count - 1].x2 = max(last.x2, x2)
                merged[merged.count - 1].passes.append(pass)
            } else {
                merged.append((x1, x2, [pass]))
            }
        }
        for bar in merged {
            let kind: String = switch bar.passes[0].outcome {
            case .done: "bar-done"
            case .skipped: "bar-skipped"
            case .open: "bar-open"
            }
            let tooltip = bar.passes.count == 1
                ? passTooltip(bar.passes[0])
                : "\(sections.labels.stepLabel(at: step)) · \(bar.passes.count)×"
            out += "<rect class=\"\(kind)\" x=\"\(Self.number(bar.x1))\" y=\"\(Self.number(y + 4))\""
            out += " width=\"\(Self.number(bar.x2 - bar.x1))\" height=\"10\"><title>\(Self.text(tooltip))</title></rect>\n"
        }
        for group in Self.grouped(decisionsByStep[step].map { (x($0.occurred), $0) }) {
            let cx = group.x
            let cy = y + 9
            var tooltip = group.items.prefix(Self.tooltipTexts).map { decision in
                "\(ExportTime.full(decision.occurred)) · \(decision.actor) · \(decision.question) → \(decision.option). \(decision.label)"
            }.joined(separator: "\n")
            if group.items.count > Self.tooltipTexts { tooltip += "\n+\(group.items.count - Self.tooltipTexts)" }
            out += "<polygon class=\"decision\" points=\"\(Self.number(cx)),\(Self.number(cy - 6)) \(Self.number(cx + 6)),\(Self.number(cy))"
            out += " \(Self.number(cx)),\(Self.number(cy + 6)) \(Self.number(cx - 6)),\(Self.number(cy))\">"
            out += "<title>\(Self.text(strings.decision + ": " + tooltip))</title></polygon>\n"
        }
        y += Self.rowHeight
    }

    private func passTooltip(_ pass: StepPass) -> String {
        var text = sections.labels.stepLabel(at: pass.stepIndex)
        if pass.number > 1 { text += " (\(strings.pass.lowercased()) \(pass.number))" }
        text += ": "
        text += pass.reachedAt.map(ExportTime.full) ?? "–"
        text += " → "
        text += pass.closedAt.map(ExportTime.full) ?? "…"
        text += " · " + strings.passOutcome(pass.outcome)
        if let by = pass.closedBy { text += " " + strings.by(by) }
        if let duration = pass.durationMilliseconds { text += " · " + strings.words(duration) }
        return text
    }

    private mutating func notesRow() {
        label(strings.notes)
        let notes = digest.state.notes.filter { $0.source == .note || $0.source == .evaluator }
        for group in Self.grouped(notes.map { (x($0.occurred), $0) }) {
            let lesson = group.items.contains { $0.lesson }
            var tooltip = group.items.prefix(Self.tooltipTexts).map { note in
                "\(ExportTime.full(note.occurred)) · \(note.actor) · \(strings.noteSource(note.source, lesson: note.lesson)): \(note.text)"
            }.joined(separator: "\n")
            if group.items.count > Self.tooltipTexts { tooltip += "\n+\(group.items.count - Self.tooltipTexts)" }
            if lesson {
                out += "<rect class=\"lesson\" x=\"\(Self.number(group.x - 5))\" y=\"\(Self.number(y + 4))\" width=\"10\" height=\"10\">"
                out += "<title>\(Self.text(tooltip))</title></rect>\n"
            } else {
                out += "<circle class=\"note\" cx=\"\(Self.number(group.x))\" cy=\"\(Self.number(y + 9))\" r=\"4.5\">"
                out += "<title>\(Self.text(tooltip))</title></circle>\n"
            }
        }
        y += Self.rowHeight
    }

    private mutating func deadlineRow(_ report: DeadlineReport) {
        guard let started = report.startedAt else { return }
        label(report.title)
        let cy = Self.number(y + 9)
        let x1 = x(started)
        var lineEnd = x1
        let tooltip = Self.text("\(report.title): \(strings.outcome(report.outcome)), \(strings.margin(report.outcome))")
        func line(_ kind: String, _ from: Double, _ to: Double) -> String {
            "<line class=\"\(kind)\" x1=\"\(Self.number(from))\" y1=\"\(cy)\" x2=\"\(Self.number(max(to, from + 1)))\" y2=\"\(cy)\"><title>\(tooltip)</title></line>\n"
        }
        switch report.outcome {
        case .met(let at, _):
            lineEnd = x(at)
            out += line("deadline-met", x1, x(at))
            out += "<circle class=\"met-mark\" cx=\"\(Self.number(x(at)))\" cy=\"\(cy)\" r=\"4\"><title>\(tooltip)</title></circle>\n"
        case .missed(_, let metLateAt):
            let due = report.due.map(x) ?? x1
            out += line("deadline-missed", x1, due)
            lineEnd = metLateAt.map(x) ?? x(digest.end)
            out += line("deadline-late", due, lineEnd)
            if let metLateAt {
                out += "<circle class=\"missed-mark\" cx=\"\(Self.number(x(metLateAt)))\" cy=\"\(cy)\" r=\"4\"><title>\(tooltip)</title></circle>\n"
            }
        case .running, .warning:
            lineEnd = x(digest.end)
            out += line("deadline-running", x1, lineEnd)
        case .waived(_, let at):
            lineEnd = x(at)
            out += line("deadline-waived", x1, lineEnd)
        case .notStarted:
            break
        }
        // The outcome in words beside the line (right of it if there is room), so colour is never the only sign.
        let word = Self.text(strings.outcome(report.outcome))
        if lineEnd + 90 <= Self.width - Self.rightMargin {
            out += "<text class=\"outcome\" x=\"\(Self.number(lineEnd + 8))\" y=\"\(Self.number(y + 13))\">\(word)</text>\n"
        } else if x1 - 90 >= plotLeft {
            out += "<text class=\"outcome\" x=\"\(Self.number(x1 - 6))\" y=\"\(Self.number(y + 13))\" text-anchor=\"end\">\(word)</text>\n"
        } else {
            // A line across the whole picture: the word sits above its end.
            out += "<text class=\"outcome\" x=\"\(Self.number(lineEnd - 10))\" y=\"\(Self.number(y + 6))\" text-anchor=\"end\">\(word)</text>\n"
        }
        if let due = report.due, due <= digest.end {
            let dx = Self.number(x(due))
            out += "<line class=\"due\" x1=\"\(dx)\" y1=\"\(Self.number(y + 2))\" x2=\"\(dx)\" y2=\"\(Self.number(y + 16))\">"
            out += "<title>\(Self.text(strings.due + ": " + ExportTime.fullWithUTC(due)))</title></line>\n"
        } else if report.due != nil {
            // Due after the end of the picture: an arrow at the right edge says "later".
            let edge = plotLeft + plotWidth
            out += "<polygon class=\"due\" points=\"\(Self.number(edge)),\(cy) \(Self.number(edge - 6)),\(Self.number(y + 5)) \(Self.number(edge - 6)),\(Self.number(y + 13))\">"
            out += "<title>\(Self.text(strings.due + ": " + (report.due.map(ExportTime.fullWithUTC) ?? "")))</title></polygon>\n"
        }
        y += Self.rowHeight
    }

    // MARK: Bands and axis

    private mutating func bands(top: Double, bottom: Double) {
        let visits = digest.visits.sorted { $0.at < $1.at }
        for (index, visit) in visits.enumerated() {
            let x1 = x(visit.at)
            let x2 = index + 1 < visits.count ? x(visits[index + 1].at) : x(digest.end)
            guard x2 > x1 else { continue }
            let stage = playbook.phases[visit.phaseIndex].stage.value
            let name = sections.labels.phaseLabels[visit.phaseIndex]
            out += "<rect class=\"band band-\(visit.phaseIndex % 2)\" x=\"\(Self.number(x1))\" y=\"\(Self.number(top - 14))\""
            out += " width=\"\(Self.number(x2 - x1))\" height=\"\(Self.number(bottom - top + 14))\"><title>\(Self.text(name))</title></rect>\n"
            let room = Int((x2 - x1 - 4) / 6)
            if room >= 4 {
                let text = Self.truncated(strings.report.stage(stage), to: room)
                out += "<text class=\"band-label\" x=\"\(Self.number(x1 + 2))\" y=\"\(Self.number(top - 4))\">\(Self.text(text))</text>\n"
            }
        }
    }

    private mutating func axis(top: Double, bottom: Double) {
        let span = digest.end.milliseconds(since: digest.start)
        let steps: [Int64] = [60, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800]
            .map { Int64($0) * 1_000 }
        let step = steps.first { span / $0 <= 8 } ?? max(span / 8, 1)
        let offset = Int64(digest.start.offsetMinutes) * 60_000
        let local = digest.start.millisecondsSinceEpoch + offset
        var tick = (local / step + (local % step == 0 ? 0 : 1)) * step - offset
        let showDate = span > 86_400_000 || ExportTime.date(digest.start) != ExportTime.date(digest.end)
        out += "<g class=\"axis\">\n"
        var count = 0
        while tick <= digest.end.millisecondsSinceEpoch, count < 64 {
            let time = Timestamp(millisecondsSinceEpoch: tick, offsetMinutes: digest.start.offsetMinutes)
            let tx = Self.number(x(time))
            let clock = String(ExportTime.clock(time).prefix(5))
            let text = showDate ? "\(ExportTime.date(time).suffix(5)) \(clock)" : clock
            out += "<line x1=\"\(tx)\" y1=\"\(Self.number(top - 16))\" x2=\"\(tx)\" y2=\"\(Self.number(bottom))\"/>\n"
            out += "<text x=\"\(tx)\" y=\"12\" text-anchor=\"middle\">\(Self.text(text))</text>\n"
            tick += step
            count += 1
        }
        out += "</g>\n"
    }

    // MARK: Helpers

    /// Items that land on the same whole pixel, merged.
    static func grouped<Item>(_ marks: [(Double, Item)]) -> [(x: Double, items: [Item])] {
        var groups: [(x: Double, items: [Item])] = []
        var byPixel: [Int: Int] = [:]
        for (position, item) in marks {
            let pixel = Int(position.rounded())
            if let index = byPixel[pixel] {
                groups[index].items.append(item)
            } else {
                byPixel[pixel] = groups.count
                groups.append((position, [item]))
            }
        }
        return groups
    }

    /// Text for an SVG element or tooltip: on one line, visible controls, escaped.
    static func text(_ text: String) -> String {
        HTMLEscaper.escape(TextSanitizer.sanitize(text, keepLineBreaks: true))
    }

    static func truncated(_ text: String, to length: Int) -> String {
        let oneLine = TextSanitizer.sanitize(text, keepLineBreaks: false)
        guard oneLine.count > length else { return oneLine }
        return String(oneLine.prefix(max(length - 1, 1))) + "…"
    }

    /// A coordinate with one decimal, without Foundation: `230`, `231.5`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
