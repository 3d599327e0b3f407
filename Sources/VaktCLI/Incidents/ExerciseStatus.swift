import IncidentEngine

/// Where an exercise stands, for `vakt status`: the exercise clock, the
/// injects and the expectations, so a co-facilitator or a script can follow
/// along from another terminal.
struct ExerciseStatus {
    let exercise: ExerciseState
    let now: Timestamp

    private var counts: (met: Int, missed: Int, pending: Int) {
        var counts = (met: 0, missed: 0, pending: 0)
        for index in exercise.injects.indices {
            switch exercise.expectation(of: index, at: now) {
            case .met?: counts.met += 1
            case .missed?: counts.missed += 1
            case .pending?: counts.pending += 1
            case .notDelivered?, nil: break
            }
        }
        return counts
    }

    private var clockState: String {
        if let ending = exercise.ending {
            return ending.reason == .realIncident ? "stopped for a real incident" : "ended"
        }
        if !exercise.isStarted { return "not started" }
        return exercise.clock.isPaused ? "paused" : "running"
    }

    /// `T+00:42:10 at 60x, running · 3/11 injects delivered, 2 due · expectations: 1 met, 1 missed, 1 pending`
    var line: String {
        let delivered = exercise.injects.filter(\.isDelivered).count
        let due = exercise.dueInjects(at: now).count
        let (met, missed, pending) = counts
        return "\(ElapsedTime.text(exercise.elapsedMilliseconds(at: now))) at \(exercise.clock.speed)x, \(clockState)"
            + " · \(delivered)/\(exercise.injects.count) injects delivered, \(due) due"
            + " · expectations: \(met) met, \(missed) missed, \(pending) pending"
    }

    var json: JSONValue {
        let (met, missed, pending) = counts
        var members: [(key: String, value: JSONValue)] = [
            ("scenario", .string(exercise.scenarioID)),
            ("state", .string(clockState.replacing(" ", with: "_"))),
            ("elapsed_seconds", .int(exercise.elapsedMilliseconds(at: now) / 1000)),
            ("speed", .int(Int64(exercise.clock.speed))),
            ("injects", .int(Int64(exercise.injects.count))),
            ("delivered", .int(Int64(exercise.injects.filter(\.isDelivered).count))),
            ("due", .array(exercise.dueInjects(at: now).map { .string(exercise.injects[$0].id) })),
            ("expectations_met", .int(Int64(met))),
            ("expectations_missed", .int(Int64(missed))),
            ("expectations_pending", .int(Int64(pending))),
        ]
        if let banner = exercise.banner { members.append(("banner", .string(banner))) }
        return .object(members)
    }
}
