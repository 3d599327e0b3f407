import IncidentEngine
import PlaybookFormat
import Testing

/// A journal written in a test as the store would write it: commands planned
/// against the folded state at a manual clock, turned into records with a
/// stand-in hash chain (the store computes real SHA-256 hashes; exports only
/// carry them), and folded in.
struct JournalScript {
    let playbook: Playbook
    var state: RunState
    var records: [EventRecord] = []
    var clock: ManualClock
    var actor = "kari"

    init(_ playbook: Playbook, at start: Timestamp) {
        self.playbook = playbook
        state = RunState(playbook: playbook)
        clock = ManualClock(start)
    }

    /// Performs `command` now (or back-dated to `at`); returns the seq of its first record.
    @discardableResult
    mutating func run(
        _ command: IncidentCommand, at occurred: Timestamp? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int {
        do {
            let drafts = try command.plan(against: state, now: clock.now(), at: occurred)
            var new = state.records(for: drafts, recorded: clock.now(), actor: actor)
            for index in new.indices {
                new[index].prev = index > 0 ? new[index - 1].hash : records.last?.hash ?? EventRecord.zeroHash
                new[index].hash = Self.standInHash(new[index].seq)
                state.apply(new[index])
            }
            records += new
            return new.first?.seq ?? state.lastSeq
        } catch {
            Issue.record("refused: \(command): \(error)", sourceLocation: sourceLocation)
            return state.lastSeq
        }
    }

    /// Appends `event` now as the store would, unchecked (exercise events:
    /// `ExerciseCommand` plans them against the exercise's own fold).
    @discardableResult
    mutating func append(_ event: IncidentEvent) -> Int {
        var record = EventRecord(
            seq: state.nextSeq, occurred: clock.now(), recorded: clock.now(), actor: actor, event: event)
        record.prev = records.last?.hash ?? EventRecord.zeroHash
        record.hash = Self.standInHash(record.seq)
        state.apply(record)
        records.append(record)
        return record.seq
    }

    /// Moves the clock on.
    mutating func wait(minutes: Int) {
        clock.advance(seconds: minutes * 60)
    }

    var now: Timestamp { clock.now() }

    /// 64 hex digits that differ per seq and look like a hash.
    static func standInHash(_ seq: Int) -> String {
        let digits = String(seq, radix: 16)
        return String(repeating: "ab", count: 32).dropLast(digits.count) + digits
    }
}
