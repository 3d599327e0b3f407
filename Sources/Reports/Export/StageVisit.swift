import IncidentEngine

/// One time the flow entered a phase (a `phase_entered` event): the SVG
/// timeline draws each visit as a band until the next one.
struct StageVisit: Equatable {
    /// The phase's index in `Playbook.phases`.
    var phaseIndex: Int
    var at: Timestamp
    var seq: Int
}
