// swift-tools-version: 6.1
import PackageDescription

/// vakt: a terminal incident-response playbook runner.
/// The arrows point one way: format ← engine ← store/reports ← UI ← executable.
let package = Package(
    name: "vakt",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vakt", targets: ["vakt"]),
        .library(name: "PlaybookFormat", targets: ["PlaybookFormat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Test-only: the oracle that IncidentStoreTests check vakt's own SHA-256 against.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The only place that knows the ncurses C API (used by NcursesBackend).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // The plain-text format: lexer, parser, model with source spans, validation, diagnostics.
        .target(name: "PlaybookFormat"),

        // Incidents as events: the journal's event types, the fold (run state), commands, deadlines, clocks.
        .target(name: "IncidentEngine", dependencies: ["PlaybookFormat"]),

        // The journal on disk: durable appends, the hash chain, locking, torn tails, incident folders.
        // SHA-256 is its own (SHA256Hasher): swift-crypto would bring Foundation and ICU into every start-up.
        .target(name: "IncidentStore", dependencies: ["IncidentEngine", "CSHA256"]),

        // SHA-256's compression function on the CPU's SHA instructions, where it has them (x86-64); C, because
        // Swift cannot name those instructions. IncidentStore keeps the portable code and picks at run time.
        .target(name: "CSHA256"),

        // The command line: swift-argument-parser commands wiring the modules together.
        .target(
            name: "VaktCLI",
            dependencies: [
                "PlaybookFormat",
                "Reports",
                "IncidentEngine",
                "IncidentStore",
                "RunnerUI",
                "NcursesBackend",
                "TerminalCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "vakt", dependencies: ["VaktCLI"]),

        // Documents for people: the playbook binder (`vakt show`), timeline exports and the review.
        .target(name: "Reports", dependencies: ["PlaybookFormat", "IncidentEngine"]),

        // A terminal on paper: cells, styles, grids, display width, keys. Screens render into it; tests read it.
        .target(name: "TerminalCore"),

        // The only module that touches ncurses: terminal lifecycle, signals, input, drawing a grid.
        .target(name: "NcursesBackend", dependencies: ["CNcursesw", "TerminalCore"]),

        // Every screen as model → update → render into a grid (Elm style); the key tables; UI strings nb/en.
        .target(name: "RunnerUI", dependencies: ["TerminalCore", "IncidentEngine", "PlaybookFormat", "Reports"]),

        // The backend's self-check, run by the tmux tests (and `--first-frame` by the start-up benchmark).
        .executableTarget(name: "vakt-terminal-check", dependencies: ["NcursesBackend"]),

        // Benchmarks: run in release mode, print figures; never part of the tests.
        .executableTarget(
            name: "vakt-bench",
            dependencies: ["PlaybookFormat", "IncidentEngine", "IncidentStore", "Reports", "RunnerUI", "TerminalCore"]
        ),

        .testTarget(name: "PlaybookFormatTests", dependencies: ["PlaybookFormat"], exclude: ["Fixtures"]),
        .testTarget(name: "IncidentEngineTests", dependencies: ["IncidentEngine", "PlaybookFormat", "VaktTestSupport"]),
        .testTarget(
            name: "IncidentStoreTests",
            dependencies: [
                "IncidentStore", "IncidentEngine", "PlaybookFormat", "VaktTestSupport",
                // Only as an independent oracle for SHA256Hasher; never a dependency of the product.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ReportsTests", dependencies: ["Reports", "PlaybookFormat", "IncidentEngine", "VaktTestSupport"],
            exclude: ["Export/Golden"]
        ),
        .testTarget(name: "TerminalCoreTests", dependencies: ["TerminalCore", "NcursesBackend", "VaktTestSupport"]),
        .testTarget(
            name: "RunnerUITests",
            dependencies: ["RunnerUI", "TerminalCore", "IncidentEngine", "PlaybookFormat", "VaktTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "VaktCLITests",
            dependencies: [
                "VaktCLI", "PlaybookFormat", "VaktTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers shared by the test targets: temporary folders, files, running the built binary.
        .target(name: "VaktTestSupport", dependencies: ["IncidentEngine"], path: "Tests/VaktTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
