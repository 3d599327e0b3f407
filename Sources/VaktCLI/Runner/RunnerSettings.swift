import IncidentStore
import RunnerUI

/// The loop's fixed inputs, resolved from options and the environment
/// before the terminal is taken over (so mistakes print as plain errors).
struct RunnerSettings {
    var language: UILanguage
    /// Who this UI records events as.
    var actor: String
    var catalog: IncidentCatalog
    /// `--playbooks`, else the locator's defaults (`VAKT_PLAYBOOKS`, the shipped folder).
    var playbookFolder: String?
    /// Leave right after the first frame (the start-up benchmark).
    var firstFrameOnly: Bool

    var locator: PlaybookLocator { PlaybookLocator(explicitFolder: playbookFolder) }
}
