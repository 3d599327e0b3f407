import TerminalCore

/// The key table of every screen: the single source the updates dispatch
/// on and the help screen and hints lines are generated from.
public enum KeyTables {
    private typealias T = LocalizedText

    private static let upName = T(nb: "↑ k", en: "↑ k")
    private static let downName = T(nb: "↓ j", en: "↓ j")
    private static let quitKeys: [Key] = [.character("q"), .ctrl("c")]

    /// The runner: the step list, the step and its checklist.
    public static let runner: [KeyBinding<RunnerAction>] = [
        .init(.keys([.up, .character("k")]), upName,
              T(nb: "forrige steg (i sjekklisten: forrige punkt)", en: "previous step (in the checklist: previous item)"),
              action: .up),
        .init(.keys([.down, .character("j")]), downName,
              T(nb: "neste steg (i sjekklisten: neste punkt)", en: "next step (in the checklist: next item)"),
              action: .down),
        .init(.keys([.pageUp]), T("PgUp"), T(nb: "bla opp i steget", en: "scroll the step up"), action: .pageUp),
        .init(.keys([.pageDown]), T("PgDn"), T(nb: "bla ned i steget", en: "scroll the step down"), action: .pageDown),
        .init(.keys([.home]), T("Home"),
              T(nb: "første steg (i sjekklisten: første punkt)", en: "first step (in the checklist: first item)"),
              action: .home),
        .init(.keys([.end]), T("End"),
              T(nb: "siste steg (i sjekklisten: siste punkt)", en: "last step (in the checklist: last item)"),
              action: .end),
        .init(.keys([.tab, .backTab]), T("Tab"),
              T(nb: "bytt mellom steglisten og sjekklisten", en: "switch between the step list and the checklist"),
              hint: T(nb: "sjekkliste", en: "checklist"), rank: 4, action: .switchFocus),
        .init(.keys([.enter]), T("Enter"),
              T(nb: "fullfør steget (spør om notat og svar først)",
                en: "complete the step (asks for its note and answer first)"),
              hint: T(nb: "fullfør", en: "complete"), rank: 0, action: .complete),
        .init(.keys([.character(" "), .character("x")]), T("Space x"),
              T(nb: "kryss av eller fjern krysset på markert punkt", en: "tick or untick the highlighted item"),
              hint: T(nb: "kryss av", en: "tick"), hintKey: T("Space"), rank: 2, action: .tick),
        .init(.digits, T("1–9"),
              T(nb: "svar på spørsmålet; fullfører steget", en: "answer the question; completes the step"),
              hint: T(nb: "svar", en: "answer"), rank: 2, action: .answer),
        .init(.keys([.character("s")]), T("s"),
              T(nb: "hopp over steget (spør om grunnen)", en: "skip the step (asks for the reason)"),
              hint: T(nb: "hopp over", en: "skip"), rank: 1, action: .skip),
        .init(.keys([.character("n")]), T("n"), T(nb: "skriv et notat", en: "write a note"),
              hint: T(nb: "notat", en: "note"), rank: 1, action: .note),
        .init(.keys([.character("b")]), T("b"),
              T(nb: "tilbakedatert notat (spør når det skjedde)", en: "back-dated note (asks when it happened)"),
              hint: T(nb: "tilbakedater", en: "back-date"), rank: 5, action: .backdatedNote),
        .init(.keys([.character("c")]), T("c"),
              T(nb: "lukk hendelsen (med en valgfri merknad)", en: "close the incident (with an optional note)"),
              hint: T(nb: "lukk", en: "close"), rank: 6, action: .closeIncident),
        .init(.keys([.character("t")]), T("t"), T(nb: "tidslinjen", en: "the timeline"),
              hint: T(nb: "tidslinje", en: "timeline"), rank: 1, action: .timeline),
        .init(.keys([.character("d")]), T("d"), T(nb: "fristene", en: "the deadlines"),
              hint: T(nb: "frister", en: "deadlines"), rank: 3, action: .deadlines),
        .init(.keys([.character("/")]), T("/"), T(nb: "søk etter steg", en: "search the steps"),
              hint: T(nb: "søk", en: "search"), rank: 3, action: .search),
        .init(.keys([.character("e")]), T("e"), T(nb: "eksporter tidslinjen", en: "export the timeline"),
              hint: T(nb: "eksport", en: "export"), rank: 5, action: .export),
        .init(.keys([.character("?")]), T("?"), T(nb: "hjelp", en: "help"),
              hint: T(nb: "hjelp", en: "help"), rank: 0, action: .help),
        .init(.keys(quitKeys), T("q Ctrl-C"),
              T(nb: "avslutt; hendelsen står åpen, ingenting går tapt",
                en: "leave; the incident stays open, nothing is lost"),
              hint: T(nb: "avslutt", en: "quit"), hintKey: T("q"), rank: 0, action: .quit),
    ]

    /// The facilitator's keys, on the runner of an exercise only (none of
    /// them is a runner key). Their hint ranks are for the exercise's hints
    /// line, where they come before the runner's.
    public static let exercise: [KeyBinding<ExerciseAction>] = [
        .init(.keys([.character("l")]), T("l"),
              T(nb: "lever innspillet som har forfalt (ingen forfalt: det neste, etter et spørsmål)",
                en: "deliver the inject that is due (none due: the next one, after asking)"),
              hint: T(nb: "lever", en: "deliver"), rank: 0, action: .deliver),
        .init(.keys([.character("o")]), T("o"),
              T(nb: "skriv en observasjon (etter øvelsen: førsteinntrykk)",
                en: "record an observation (after the exercise: a first impression)"),
              hint: T(nb: "observer", en: "observe"), rank: 1, action: .observe),
        .init(.keys([.character("p")]), T("p"), T(nb: "pause eller fortsett øvelsesklokka",
                                                  en: "pause or resume the exercise clock"),
              hint: T(nb: "pause", en: "pause"), rank: 1, action: .pauseResume),
        .init(.keys([.character("+")]), T("+"), T(nb: "raskere øvelsesklokke (1, 2, 5, 10, 30, 60, 120, 300, 600×)",
                                                  en: "faster exercise clock (1, 2, 5, 10, 30, 60, 120, 300, 600×)"),
              action: .faster),
        .init(.keys([.character("-")]), T("-"), T(nb: "saktere øvelsesklokke", en: "slower exercise clock"),
              action: .slower),
        .init(.keys([.character("i")]), T("i"),
              T(nb: "innspillene: se hvor de står, lever, utsett",
                en: "the injects: where they stand, deliver, postpone"),
              hint: T(nb: "innspill", en: "injects"), rank: 1, action: .injects),
        .init(.keys([.character("a")]), T("a"),
              T(nb: "avslutt øvelsen som planlagt (spør først)", en: "end the exercise as planned (asks first)"),
              hint: T(nb: "avslutt øvelsen", en: "end exercise"), rank: 4, action: .end),
        .init(.keys([.character("!")]), T("!"),
              T(nb: "reell hendelse – stopp øvelsen (spør om grunnen; lukker øvelsen og avslutter vakt)",
                en: "real incident – stop the exercise (asks for the reason; closes the exercise and quits vakt)"),
              hint: T(nb: "reell hendelse", en: "real incident"), rank: 3, action: .realIncident),
    ]

    /// An exercise's injects screen.
    public static let injects: [KeyBinding<InjectsAction>] = [
        .init(.keys([.up, .character("k")]), upName, T(nb: "forrige innspill", en: "previous inject"), action: .up),
        .init(.keys([.down, .character("j")]), downName, T(nb: "neste innspill", en: "next inject"),
              hint: T(nb: "velg", en: "select"), hintKey: T("↑↓"), rank: 2, action: .down),
        .init(.keys([.pageUp]), T("PgUp"), T(nb: "én side opp", en: "one page up"), action: .pageUp),
        .init(.keys([.pageDown]), T("PgDn"), T(nb: "én side ned", en: "one page down"), action: .pageDown),
        .init(.keys([.home]), T("Home"), T(nb: "det første", en: "the first"), action: .home),
        .init(.keys([.end]), T("End"), T(nb: "det siste", en: "the last"), action: .end),
        .init(.keys([.enter]), T("Enter"),
              T(nb: "lever det markerte (spør først om det ikke har forfalt); et levert vises igjen",
                en: "deliver the highlighted one (asks first if it is not due); a delivered one is shown again"),
              hint: T(nb: "lever", en: "deliver"), rank: 0, action: .deliver),
        .init(.keys([.character("u")]), T("u"),
              T(nb: "utsett det markerte og alle senere (spør hvor lenge, f.eks. 5m, 10m, 1h)",
                en: "postpone the highlighted one and every later one (asks how long, e.g. 5m, 10m, 1h)"),
              hint: T(nb: "utsett", en: "postpone"), rank: 0, action: .postpone),
        .init(.keys([.character("?")]), T("?"), T(nb: "hjelp", en: "help"), hint: T(nb: "hjelp", en: "help"),
              rank: 1, action: .help),
        .init(.keys([.escape, .character("i")]), T("Esc i"), T(nb: "tilbake til stegene", en: "back to the steps"),
              hint: T(nb: "tilbake", en: "back"), hintKey: T("Esc"), rank: 0, action: .close),
        .init(.keys(quitKeys), T("q Ctrl-C"), T(nb: "avslutt", en: "leave"), hint: T(nb: "avslutt", en: "quit"),
              hintKey: T("q"), rank: 1, action: .quit),
    ]

    /// An inject shown full screen to the room.
    public static let injectView: [KeyBinding<InjectViewAction>] = [
        .init(.keys([.up, .character("k")]), upName, T(nb: "én linje opp", en: "one line up"), action: .up),
        .init(.keys([.down, .character("j")]), downName, T(nb: "én linje ned", en: "one line down"),
              hint: T(nb: "bla", en: "scroll"), hintKey: T("↑↓"), rank: 1, action: .down),
        .init(.keys([.pageUp]), T("PgUp"), T(nb: "én side opp", en: "one page up"), action: .pageUp),
        .init(.keys([.pageDown]), T("PgDn"), T(nb: "én side ned", en: "one page down"), action: .pageDown),
        .init(.keys([.enter, .escape]), T("Enter Esc"), T(nb: "tilbake", en: "back"),
              hint: T(nb: "tilbake", en: "back"), hintKey: T("Enter"), rank: 0, action: .close),
        .init(.keys([.ctrl("c")]), T("Ctrl-C"), T(nb: "avslutt", en: "leave"), action: .quit),
    ]

    /// Typing a line: notes, reasons, the time of a back-dated note.
    public static let editor: [KeyBinding<EditorAction>] = [
        .init(.keys([.left]), T("←"), T(nb: "ett tegn til venstre", en: "one character left"), action: .left),
        .init(.keys([.right]), T("→"), T(nb: "ett tegn til høyre", en: "one character right"), action: .right),
        .init(.keys([.home, .ctrl("a")]), T("Home Ctrl-A"), T(nb: "til starten", en: "to the start"), action: .home),
        .init(.keys([.end, .ctrl("e")]), T("End Ctrl-E"), T(nb: "til slutten", en: "to the end"), action: .end),
        .init(.keys([.backspace]), T("Backspace"), T(nb: "slett tegnet foran", en: "delete the character before"),
              action: .backspace),
        .init(.keys([.delete]), T("Delete"), T(nb: "slett tegnet under", en: "delete the character under"),
              action: .delete),
        .init(.keys([.enter]), T("Enter"), T(nb: "lagre", en: "save"), hint: T(nb: "lagre", en: "save"), rank: 0,
              action: .save),
        .init(.keys([.escape]), T("Esc"), T(nb: "avbryt uten å lagre", en: "cancel without saving"),
              hint: T(nb: "avbryt", en: "cancel"), rank: 0, action: .cancel),
        .init(.keys([.ctrl("c")]), T("Ctrl-C"),
              T(nb: "avslutt; teksten lagres ikke", en: "leave; the text is not saved"), action: .quit),
        .init(.text, T(nb: "tegn", en: "characters"),
              T(nb: "skrives inn der markøren står (æøå og emoji går fint)",
                en: "are typed at the cursor (æøå and emoji work)"), action: .insert),
    ]

    /// A numbered choice: the decision's options, the export formats.
    public static let choice: [KeyBinding<ChoiceAction>] = [
        .init(.keys([.up, .character("k")]), upName, T(nb: "forrige valg", en: "previous option"), action: .up),
        .init(.keys([.down, .character("j")]), downName, T(nb: "neste valg", en: "next option"), action: .down),
        .init(.digits, T("1–9"), T(nb: "velg det nummeret", en: "choose that number"),
              hint: T(nb: "velg", en: "choose"), rank: 0, action: .number),
        .init(.keys([.enter]), T("Enter"), T(nb: "velg det markerte", en: "choose the highlighted one"),
              hint: T(nb: "velg markert", en: "choose highlighted"), rank: 1, action: .choose),
        .init(.keys([.escape]), T("Esc"), T(nb: "avbryt uten å velge", en: "cancel without choosing"),
              hint: T(nb: "avbryt", en: "cancel"), rank: 0, action: .cancel),
        .init(.keys(quitKeys), T("q Ctrl-C"), T(nb: "avslutt", en: "leave"), action: .quit),
    ]

    /// Searching the steps.
    public static let search: [KeyBinding<SearchAction>] = [
        .init(.keys([.up]), T("↑"), T(nb: "forrige treff", en: "previous match"), action: .up),
        .init(.keys([.down]), T("↓"), T(nb: "neste treff", en: "next match"), hint: T(nb: "velg", en: "pick"),
              hintKey: T("↑↓"), rank: 1, action: .down),
        .init(.keys([.left]), T("←"), T(nb: "ett tegn til venstre", en: "one character left"), action: .left),
        .init(.keys([.right]), T("→"), T(nb: "ett tegn til høyre", en: "one character right"), action: .right),
        .init(.keys([.backspace]), T("Backspace"), T(nb: "slett tegnet foran", en: "delete the character before"),
              action: .backspace),
        .init(.keys([.delete]), T("Delete"), T(nb: "slett tegnet under", en: "delete the character under"),
              action: .delete),
        .init(.keys([.enter]), T("Enter"), T(nb: "gå til markert steg", en: "go to the highlighted step"),
              hint: T(nb: "gå til", en: "go to"), rank: 0, action: .jump),
        .init(.keys([.escape]), T("Esc"), T(nb: "avbryt søket", en: "cancel the search"),
              hint: T(nb: "avbryt", en: "cancel"), rank: 0, action: .cancel),
        .init(.keys([.ctrl("c")]), T("Ctrl-C"), T(nb: "avslutt", en: "leave"), action: .quit),
        .init(.text, T(nb: "tegn", en: "characters"),
              T(nb: "søk i stegenes titler og id-er", en: "search the steps' titles and ids"), action: .insert),
    ]

    /// The timeline, the deadlines and help.
    public static let view: [KeyBinding<ViewAction>] = [
        .init(.keys([.up, .character("k")]), upName, T(nb: "én linje opp", en: "one line up"), action: .up),
        .init(.keys([.down, .character("j")]), downName, T(nb: "én linje ned", en: "one line down"),
              hint: T(nb: "bla", en: "scroll"), hintKey: T("↑↓"), rank: 2, action: .down),
        .init(.keys([.pageUp]), T("PgUp"), T(nb: "én side opp", en: "one page up"), action: .pageUp),
        .init(.keys([.pageDown]), T("PgDn"), T(nb: "én side ned", en: "one page down"), action: .pageDown),
        .init(.keys([.home]), T("Home"), T(nb: "til toppen", en: "to the top"), action: .home),
        .init(.keys([.end]), T("End"), T(nb: "til bunnen", en: "to the bottom"), action: .end),
        .init(.keys([.character("t")]), T("t"), T(nb: "tidslinjen", en: "the timeline"),
              hint: T(nb: "tidslinje", en: "timeline"), rank: 1, action: .timeline),
        .init(.keys([.character("d")]), T("d"), T(nb: "fristene", en: "the deadlines"),
              hint: T(nb: "frister", en: "deadlines"), rank: 1, action: .deadlines),
        .init(.keys([.character("?")]), T("?"), T(nb: "hjelp", en: "help"), hint: T(nb: "hjelp", en: "help"),
              rank: 1, action: .help),
        .init(.keys([.escape]), T("Esc"), T(nb: "tilbake til stegene", en: "back to the steps"),
              hint: T(nb: "tilbake", en: "back"), rank: 0, action: .close),
        .init(.keys(quitKeys), T("q Ctrl-C"), T(nb: "avslutt", en: "leave"), hint: T(nb: "avslutt", en: "quit"),
              hintKey: T("q"), rank: 0, action: .quit),
    ]

    /// The start screen: open incidents and playbooks, with a filter as you type.
    public static let start: [KeyBinding<StartAction>] = [
        .init(.keys([.up]), T("↑"), T(nb: "forrige", en: "previous"), action: .up),
        .init(.keys([.down]), T("↓"), T(nb: "neste", en: "next"), hint: T(nb: "velg", en: "select"),
              hintKey: T("↑↓"), rank: 1, action: .down),
        .init(.keys([.pageUp]), T("PgUp"), T(nb: "én side opp", en: "one page up"), action: .pageUp),
        .init(.keys([.pageDown]), T("PgDn"), T(nb: "én side ned", en: "one page down"), action: .pageDown),
        .init(.keys([.backspace]), T("Backspace"), T(nb: "slett fra filteret", en: "delete from the filter"),
              action: .backspace),
        .init(.keys([.enter]), T("Enter"),
              T(nb: "fortsett hendelsen eller start playbooken", en: "resume the incident or start the playbook"),
              hint: T(nb: "åpne", en: "open"), rank: 0, action: .choose),
        .init(.keys([.escape]), T("Esc"), T(nb: "tøm filteret; avslutt når det er tomt", en: "clear the filter; leave when empty"),
              hint: T(nb: "tøm filteret", en: "clear filter"), rank: 2, action: .clearOrQuit),
        .init(.keys([.ctrl("c")]), T("Ctrl-C"), T(nb: "avslutt", en: "leave"), hint: T(nb: "avslutt", en: "quit"),
              rank: 0, action: .quit),
        .init(.text, T(nb: "tegn", en: "characters"), T(nb: "filtrer listen", en: "filter the list"),
              hint: T(nb: "for å filtrere", en: "to filter"), hintKey: T(nb: "skriv", en: "type"), rank: 1,
              action: .insert),
    ]

    /// The sections of the help screen, in the order it shows them; the
    /// facilitator's only in an exercise, and then first.
    static func helpSections(
        _ language: UILanguage, exercise: Bool = false
    ) -> [(title: String, rows: [(key: String, label: String)])] {
        func rows<A>(_ table: [KeyBinding<A>]) -> [(key: String, label: String)] {
            table.map { ($0.keyName(language), $0.label(language)) }
        }
        let s = UIStrings(language)
        let facilitator = exercise
            ? [(s.helpExercise, rows(self.exercise)), (s.helpInjects, rows(injects)),
               (s.helpInjectView, rows(injectView))]
            : []
        return facilitator + [
            (s.helpRunner, rows(runner)),
            (s.helpEditor, rows(editor)),
            (s.helpChoice, rows(choice)),
            (s.helpSearch, rows(search)),
            (s.helpViews, rows(view)),
        ]
    }
}
