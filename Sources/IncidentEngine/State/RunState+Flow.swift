import PlaybookFormat

/// The flow machine: how completing, skipping and reopening steps moves the
/// run along the playbook, and when deadlines start, are met and are waived.
extension RunState {
    /// The incident was opened at `t`: the flow reaches the first step and
    /// the deadlines without a `from` start.
    mutating func open(at t: Timestamp) {
        if steps.isEmpty {
            hasEnded = true
        } else {
            reach(0, at: t)
        }
        for d in index.deadlinesFromOpening { startDeadline(d, at: t) }
    }

    /// Step `i` becomes the one the flow is at.
    mutating func reach(_ i: Int, at t: Timestamp) {
        cursor = i
        hasEnded = false
        if steps[i].status == .bypassed { steps[i].status = .pending }
        let phase = playbook.steps[i].phaseIndex
        if phase != currentPhaseIndex, phases.indices.contains(phase) {
            currentPhaseIndex = phase
            if phases[phase].firstEnteredAt == nil { phases[phase].firstEnteredAt = t }
            phases[phase].lastEnteredAt = t
            phases[phase].timesEntered += 1
            effects?.append(.phaseEntered(phase))
        }
        if steps[i].firstReachedAt == nil { steps[i].firstReachedAt = t }
        steps[i].lastReachedAt = t
        steps[i].timesReached += 1
        effects?.append(.reached(i))
        startDeadlines(from: i, at: t)
    }

    /// Step `i` is done or skipped at `t`; if the flow was at it, the flow moves on.
    mutating func close(_ i: Int, as status: StepStatus, at t: Timestamp) {
        let flowWasHere = cursor == i && !hasEnded
        // A step done without the flow reaching it was still reached: its deadlines start.
        startDeadlines(from: i, at: t)
        if status == .done {
            steps[i].completedAt = t
        } else {
            steps[i].skippedAt = t
        }
        steps[i].status = status
        if status == .done { meetDeadlines(until: i, at: t) }
        if flowWasHere { advance(from: i, at: t) }
    }

    /// Moves the flow on from the closed step `start`, following decision
    /// answers, passing through steps already closed, bypassing what a jump
    /// passes over, and reopening what a jump back returns to.
    mutating func advance(from start: Int, at t: Timestamp) {
        let count = steps.count
        var p = start
        // Each pass either returns or moves p strictly forward, so this ends.
        while true {
            var next = p + 1
            var toEnd = false
            if let answer = steps[p].answer, let target = resolvedTarget(step: p, option: answer.option) {
                switch target {
                case .step(let j): next = j
                case .next: next = p + 1
                case .end: toEnd = true
                }
            }
            if toEnd || next >= count {
                if toEnd {
                    for k in (p + 1)..<count where steps[k].status == .pending { steps[k].status = .bypassed }
                }
                cursor = nil
                hasEnded = true
                return
            }
            if next <= p {
                // A loop: everything from the target to here runs again.
                for k in next...p {
                    if steps[k].status.isClosed {
                        reopen(k)
                        effects?.append(.reopened(k))
                    } else if steps[k].status == .bypassed {
                        steps[k].status = .pending
                    }
                }
                reach(next, at: t)
                return
            }
            for k in (p + 1)..<next where steps[k].status == .pending { steps[k].status = .bypassed }
            if !steps[next].status.isClosed {
                reach(next, at: t)
                return
            }
            p = next
        }
    }

    /// A responder reopened the closed step `i`. If the flow had already
    /// passed it on its path, the flow goes back to it; if the path passed
    /// over it, it is bypassed again; if it lies ahead, it waits as pending.
    mutating func reopenByHand(_ i: Int, at t: Timestamp) {
        reopen(i)
        let behind = hasEnded || cursor.map { i < $0 } ?? true
        guard behind else { return }
        if steps[i].firstReachedAt != nil {
            reach(i, at: t)
        } else {
            steps[i].status = .bypassed
        }
    }

    private mutating func reopen(_ i: Int) {
        steps[i].status = .pending
        steps[i].answer = nil
        steps[i].timesReopened += 1
    }

    func resolvedTarget(step: Int, option: Int) -> PlaybookIndex.ResolvedTarget? {
        let targets = index.optionTargets[step]
        guard option >= 1, option <= targets.count else { return nil }
        return targets[option - 1]
    }

    // MARK: Deadlines

    private mutating func startDeadlines(from step: Int, at t: Timestamp) {
        for d in index.deadlinesFrom[step] { startDeadline(d, at: t) }
    }

    private mutating func startDeadline(_ d: Int, at t: Timestamp) {
        guard deadlines[d].startedAt == nil, deadlines[d].completedAt == nil else { return }
        let deadline = playbook.deadlines[d]
        let due = t.adding(seconds: deadline.within.value.seconds)
        deadlines[d].startedAt = t
        deadlines[d].due = due
        deadlines[d].warnFrom = deadline.warn.map { due.adding(seconds: -$0.value.seconds) }
        effects?.append(.deadlineStarted(d, due: due))
    }

    /// Completing step `i` at `t` meets the deadlines it ends, if in time.
    private mutating func meetDeadlines(until step: Int, at t: Timestamp) {
        for d in index.deadlinesUntil[step] {
            // The earliest completion counts: a later one changes nothing.
            if let earlier = deadlines[d].completedAt, earlier.millisecondsSinceEpoch <= t.millisecondsSinceEpoch {
                continue
            }
            deadlines[d].completedAt = t
            if let due = deadlines[d].due, t.millisecondsSinceEpoch > due.millisecondsSinceEpoch {
                if deadlines[d].missedRecordedAt == nil { effects?.append(.deadlineMissed(d, due: due)) }
            } else {
                effects?.append(.deadlineMet(d))
            }
        }
    }

    /// After each event at `t`: a started, unmet deadline whose `until` step
    /// the event took off the chosen path (bypassed, or skipped) is waived,
    /// unless it was already past due at `t`: then the duty existed and the
    /// time ran out, and it stays missed. A waiver lasts while the step stays
    /// off the path (its reason follows the step: bypassed or skipped) and
    /// ends when the path comes back to the step or the step is completed;
    /// the deadline then runs from its original start again.
    ///
    /// Judged on the state after the whole event, so that a flow move which
    /// passes over the step and loops back to it in one go waives nothing.
    mutating func judgeWaivers(at t: Timestamp) {
        for (d, u) in index.untilSteps {
            let status = steps[u].status
            guard status == .bypassed || status == .skipped, let due = deadlines[d].due,
                  deadlines[d].completedAt == nil
            else {
                deadlines[d].untilWasOffPath = false
                deadlines[d].waiver = nil
                continue
            }
            let reason: DeadlineWaiverReason = status == .skipped ? .untilSkipped : .untilBypassed
            if deadlines[d].untilWasOffPath {
                if var waiver = deadlines[d].waiver, waiver.reason != reason {
                    waiver.reason = reason
                    deadlines[d].waiver = waiver
                    effects?.append(.deadlineWaived(d, reason: reason))
                }
                continue
            }
            deadlines[d].untilWasOffPath = true
            guard t.millisecondsSinceEpoch <= due.millisecondsSinceEpoch else { continue }
            deadlines[d].waiver = DeadlineWaiver(reason: reason, at: t)
            effects?.append(.deadlineWaived(d, reason: reason))
        }
    }
}
