import PlaybookFormat

/// The rows of the step list: each phase's title followed by its steps.
///
/// Built once per playbook and answering row ↔ step in O(log phases), so
/// that a 5,000-step playbook draws only the rows on screen.
struct StepOutline: Sendable {
    enum Row: Hashable, Sendable {
        case phase(Int)
        case step(Int)
    }

    /// The row of each phase's title; empty when the list shows no phases.
    private let phaseRows: [Int]
    private let phaseStarts: [Int]
    private let stepPhase: [Int]
    let rowCount: Int

    init(_ playbook: Playbook) {
        // Phases hold consecutive steps in file order; anything else (a
        // playbook the validator would reject) is listed without phase titles.
        var expected = 0
        var consistent = true
        for phase in playbook.phases {
            if phase.stepRange.lowerBound != expected { consistent = false }
            expected = phase.stepRange.upperBound
        }
        if expected != playbook.steps.count { consistent = false }
        if consistent, !playbook.phases.isEmpty {
            var rows: [Int] = []
            var starts: [Int] = []
            var phaseOf: [Int] = []
            phaseOf.reserveCapacity(playbook.steps.count)
            for (index, phase) in playbook.phases.enumerated() {
                rows.append(phase.stepRange.lowerBound + index)
                starts.append(phase.stepRange.lowerBound)
                phaseOf.append(contentsOf: repeatElement(index, count: phase.stepRange.count))
            }
            phaseRows = rows
            phaseStarts = starts
            stepPhase = phaseOf
            rowCount = playbook.steps.count + playbook.phases.count
        } else {
            phaseRows = []
            phaseStarts = []
            stepPhase = []
            rowCount = playbook.steps.count
        }
    }

    /// The row that shows step `index`.
    func row(ofStep index: Int) -> Int {
        guard index >= 0, index < stepPhase.count else { return index }
        return index + stepPhase[index] + 1
    }

    /// Where the list starts so that step `index` is in view, with its
    /// phase's title when it is the phase's first step.
    func offset(keeping index: Int, visible: Int, from previous: Int) -> Int {
        let row = row(ofStep: index)
        var offset = ScrollWindow.offset(keeping: row, visible: visible, total: rowCount, from: previous)
        if offset == row, row > 0, visible > 1, case .phase = content(ofRow: row - 1) { offset = row - 1 }
        return offset
    }

    /// What row `row` shows.
    func content(ofRow row: Int) -> Row {
        guard !phaseRows.isEmpty else { return .step(row) }
        // The last phase whose title row is at or before `row`.
        var low = 0
        var high = phaseRows.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if phaseRows[middle] <= row { low = middle } else { high = middle - 1 }
        }
        if phaseRows[low] == row { return .phase(low) }
        return .step(phaseStarts[low] + (row - phaseRows[low] - 1))
    }
}
