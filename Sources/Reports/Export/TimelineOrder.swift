import IncidentEngine
import PlaybookFormat

/// The order the reports for people list events in: by when they happened
/// (a back-dated note about the first alarm comes before the opening), ties
/// in journal order. Each event keeps the phase it had in journal order.
/// The machine formats keep journal order; `seq` links the two.
struct TimelineOrder {
    /// Indices into the records, in time order.
    let order: [Int]
    /// The phase of each record (by journal index), -1 for none.
    let phases: [Int32]

    init(records: [EventRecord], playbook: Playbook) {
        var tracker = PhaseTracker(playbook: playbook)
        var phases: [Int32] = []
        phases.reserveCapacity(records.count)
        var sorted = true
        var previous = Int64.min
        for record in records {
            phases.append(Int32(tracker.phase(of: record) ?? -1))
            let t = record.occurred.millisecondsSinceEpoch
            if t < previous { sorted = false }
            previous = max(previous, t)
        }
        self.phases = phases
        var order = Array(records.indices)
        if !sorted {
            order.sort { a, b in
                let ta = records[a].occurred.millisecondsSinceEpoch
                let tb = records[b].occurred.millisecondsSinceEpoch
                return ta != tb ? ta < tb : a < b
            }
        }
        self.order = order
    }

    func phase(ofRecordAt index: Int) -> Int? {
        phases[index] >= 0 ? Int(phases[index]) : nil
    }
}
