import ArgumentParser

/// `--home DIR`: where incidents live, for every incident command.
struct HomeOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The vakt data folder (default: VAKT_HOME, else $XDG_DATA_HOME/vakt, else ~/.local/share/vakt).",
        valueName: "dir"))
    var home: String?
}

/// `--as NAME`: who records the event, for commands that write.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: ArgumentHelp(
        "Who is recording this (default: VAKT_USER, else the login name).", valueName: "name"))
    var actor: String?
}

/// `--at TIME`: when it happened, for commands that write.
struct TimeOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "When it happened: RFC 3339 (2026-11-29T03:10:00+01:00) or HH:MM today (yesterday if that is in the future).",
        valueName: "time"))
    var at: String?
}
