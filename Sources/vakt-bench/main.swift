#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// vakt-bench: the benchmarks of vakt. Build and run in release mode:
//
//     swift run -c release vakt-bench [parse | journal | export | startup [VAKT...] | all]
//
// With no argument (or `all`) every benchmark in this build runs.

let usage = """
    usage: vakt-bench [parse | journal | export | startup [VAKT...] | all]
      parse     parse + validate throughput and peak memory on 100KB, 1MB and 10MB playbooks
      journal   append with fsync, and fold and verify a 1,000,000-event journal
      export    export a 1,000,000-event journal to every format
      startup   exec to first frame of vakt run, beside C and Swift ncurses programs; render+diff per keypress
                (VAKT: more builds of vakt to time beside this one, e.g. .build-offline/release/vakt)
      all       every benchmark (the default)
      corpus SIZE   write the generated SIZE playbook to standard output (\(ParserBenchmarks.sizeNames))
      parse-repeat SIZE COUNT   parse the SIZE playbook COUNT times and nothing else (for a profiler)
    """

let arguments = Array(CommandLine.arguments.dropFirst())
var status: Int32 = 0
switch arguments.first {
case nil, "all":
    if !ParserBenchmarks.run() { status = 1 }
    print("")
    if !JournalBenchmarks.run() { status = 1 }
    print("")
    if !ExportBenchmarks.run() { status = 1 }
    print("")
    if !StartupBenchmarks.run() { status = 1 }
case "parse":
    status = ParserBenchmarks.run() ? 0 : 1
case "journal":
    status = JournalBenchmarks.run() ? 0 : 1
case "startup":
    status = StartupBenchmarks.run(others: Array(arguments.dropFirst())) ? 0 : 1
case "export":
    status = ExportBenchmarks.run() ? 0 : 1
case "export-one" where arguments.count == 2:
    // Hidden: one export of the 1,000,000-event journal, for a profiler.
    status = ExportBenchmarks.runOne(arguments[1])
case "journal-repeat" where arguments.count == 2:
    // Hidden: read and fold the 1,000,000-event journal COUNT times and nothing else, for a profiler.
    status = JournalBenchmarks.repeatReadAndFold(arguments[1])
case "parse-one" where arguments.count == 2:
    // Hidden: the peak-memory probe for one size, in a fresh process started by `parse`.
    status = ParserBenchmarks.runOne(arguments[1])
case "parse-repeat" where arguments.count == 3:
    // Hidden: parse one corpus COUNT times and nothing else, for a profiler.
    status = ParserBenchmarks.repeatParse(arguments[1], arguments[2])
case "corpus" where arguments.count == 2:
    status = ParserBenchmarks.writeCorpus(arguments[1])
case "-h", "--help", "help":
    print(usage)
default:
    ParserBenchmarks.printError("vakt-bench: unknown argument '\(arguments.joined(separator: " "))'\n" + usage)
    status = 2
}
exit(status)
