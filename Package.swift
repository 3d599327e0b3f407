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
    ],
    targets: [
        // The only place that knows the ncurses C API (used by NcursesBackend).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),

        // The plain-text format: lexer, parser, model with source spans, validation, diagnostics.
        .target(name: "PlaybookFormat"),

        // Incidents as events: the journal's event types, the fold (run state), commands, deadlines, clocks.
        .target(name: "IncidentEngine", dependencies: ["PlaybookFormat"]),

        // The command line: swift-argument-parser commands wiring the modules together.
        .target(
            name: "VaktCLI",
            dependencies: [
                "PlaybookFormat",
                "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "vakt", dependencies: ["VaktCLI"]),

        // Documents for people: the playbook binder (`vakt show`); exports and reviews later.
        .target(name: "Reports", dependencies: ["PlaybookFormat"]),

        // Benchmarks: run in release mode, print figures; never part of the tests.
        .executableTarget(name: "vakt-bench", dependencies: ["PlaybookFormat"]),

        .testTarget(name: "PlaybookFormatTests", dependencies: ["PlaybookFormat"]),
        .testTarget(name: "IncidentEngineTests", dependencies: ["IncidentEngine", "PlaybookFormat"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "PlaybookFormat"]),
        .testTarget(name: "VaktCLITests", dependencies: ["VaktCLI", "PlaybookFormat"]),
    ],
    swiftLanguageModes: [.v6]
)
