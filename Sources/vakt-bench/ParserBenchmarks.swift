import PlaybookFormat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parser benchmark (issue 2, "Speed"): how fast `DocumentParser` parses
/// and validates large playbooks, next to a plain pass over the same bytes,
/// and how much memory it needs at its peak.
///
/// Targets: at least 200 MB/s on the 10 MB corpus; peak memory under 4× the input.
enum ParserBenchmarks {
    static let samples = 7
    static let warmups = 1
    static let throughputTarget = 200.0  // MB/s on the 10 MB corpus
    static let memoryTarget = 4.0  // peak over baseline, as a multiple of the input

    /// One corpus size's figures.
    struct Figures {
        var size: CorpusGenerator.Size
        var bytes: Int
        var lines: Int
        var steps: Int
        var warnings: Int
        var parse: BenchmarkStatistics.Timing
        var newlines: BenchmarkStatistics.Timing
        var memory: MemoryFigures?
    }

    /// What one `parse-one` child process measured, in bytes.
    struct MemoryFigures {
        var input: Int
        /// VmRSS before the corpus was made.
        var baseline: Int
        /// VmRSS with the corpus in memory, before the parse.
        var afterInput: Int
        /// VmHWM after the parse (reset to VmRSS just before it, when the kernel allows).
        var peak: Int
        /// VmRSS after the parse, with the result still alive.
        var afterParse: Int
        /// Whether the high-water mark was reset before the parse (if not, it is an upper bound).
        var wasReset: Bool

        /// The whole peak over the baseline, input included, as a multiple of the input.
        var peakRatio: Double { Double(peak - baseline) / Double(input) }
        /// What the parse added at its peak, over the input it was given.
        var parseRatio: Double { Double(peak - afterInput) / Double(input) }
        /// What the parse result keeps (model, diagnostics).
        var retainedRatio: Double { Double(afterParse - afterInput) / Double(input) }
    }

    // MARK: Commands

    /// `vakt-bench parse`: every size, the table and the verdict. False when a corpus did not lint clean.
    @discardableResult
    static func run() -> Bool {
        print("Parsing playbooks: DocumentParser.parse(_:as: .playbook), parse + validate")
        print(MachineDescription.summary)
        print("median of \(samples) samples after \(warmups) warm-up; MB = 10^6 bytes")
        print("")
        var all: [Figures] = []
        for size in CorpusGenerator.Size.allCases {
            guard let figures = measure(size) else { return false }
            all.append(figures)
        }
        print("")
        print(throughputTable(all))
        print(memoryTable(all))
        print(verdict(all))
        return true
    }

    /// `vakt-bench parse-one SIZE`: the peak-memory probe, run in a fresh child process.
    /// Prints one line of `key=value` figures for the parent to read.
    static func runOne(_ sizeName: String) -> Int32 {
        guard let size = CorpusGenerator.Size(rawValue: sizeName) else {
            printError("vakt-bench parse-one: unknown size '\(sizeName)'; sizes: " + sizeNames)
            return 2
        }
        // Warm up on a small playbook first, so that the code pages, runtime metadata and
        // allocator arenas that any parse needs are resident before the baseline is read.
        let warmUp = SourceFile(path: "warm-up.playbook", bytes: CorpusGenerator().playbook(targetBytes: 20_000))
        guard !DocumentParser.parse(warmUp, as: .playbook).hasErrors else {
            printError("vakt-bench parse-one: the warm-up playbook does not lint clean")
            return 1
        }
        MemoryProbe.returnFreeMemory()
        guard let baseline = MemoryProbe.residentBytes() else {
            printError("vakt-bench parse-one: /proc/self/status is not readable")
            return 1
        }
        let source = SourceFile(path: "synthetic-\(size.rawValue).playbook",
                                bytes: CorpusGenerator().playbook(targetBytes: size.targetBytes))
        MemoryProbe.returnFreeMemory()  // what the generator freed must not be resident when the parse starts
        let afterInput = MemoryProbe.residentBytes() ?? 0
        let wasReset = MemoryProbe.resetHighWaterMark()
        let result = DocumentParser.parse(source, as: .playbook)
        let peak = MemoryProbe.highWaterMarkBytes() ?? 0
        let afterParse = MemoryProbe.residentBytes() ?? 0
        let errors = withExtendedLifetime(result) { result.errors.count }
        print("input=\(source.bytes.count) baseline=\(baseline) afterInput=\(afterInput) peak=\(peak) "
              + "afterParse=\(afterParse) reset=\(wasReset ? 1 : 0) errors=\(errors)")
        return errors == 0 ? 0 : 1
    }

    /// `vakt-bench parse-repeat SIZE COUNT`: only parses, COUNT times, for a profiler
    /// (`perf record`, `valgrind --tool=callgrind`) to see the parser and little else.
    static func repeatParse(_ sizeName: String, _ countText: String) -> Int32 {
        guard let size = CorpusGenerator.Size(rawValue: sizeName), let count = Int(countText), count > 0 else {
            printError("vakt-bench parse-repeat: expected a size (\(sizeNames)) and a positive count")
            return 2
        }
        let source = SourceFile(path: "synthetic-\(size.rawValue).playbook",
                                bytes: CorpusGenerator().playbook(targetBytes: size.targetBytes))
        let start = BenchmarkStatistics.now()
        var errors = 0
        for _ in 0..<count {
            errors += DocumentParser.parse(source, as: .playbook).errors.count
        }
        let seconds = (BenchmarkStatistics.now() - start) / Double(count)
        print("\(size.rawValue): \(count) parses, \(BenchmarkTable.fixed(seconds * 1000, 2)) ms each, "
              + "\(BenchmarkTable.fixed(Double(source.bytes.count) / 1_000_000 / seconds, 1)) MB/s, \(errors) errors")
        return errors == 0 ? 0 : 1
    }

    /// `vakt-bench corpus SIZE`: writes the corpus to standard output (to lint or read it).
    static func writeCorpus(_ sizeName: String) -> Int32 {
        guard let size = CorpusGenerator.Size(rawValue: sizeName) else {
            printError("vakt-bench corpus: unknown size '\(sizeName)'; sizes: " + sizeNames)
            return 2
        }
        let bytes = CorpusGenerator().playbook(targetBytes: size.targetBytes)
        return writeAll(bytes, to: STDOUT_FILENO) ? 0 : 1
    }

    static var sizeNames: String { CorpusGenerator.Size.allCases.map(\.rawValue).joined(separator: ", ") }

    // MARK: Measuring

    private static func measure(_ size: CorpusGenerator.Size) -> Figures? {
        let generationStart = BenchmarkStatistics.now()
        let bytes = CorpusGenerator().playbook(targetBytes: size.targetBytes)
        let generationTime = BenchmarkStatistics.now() - generationStart
        let source = SourceFile(path: "synthetic-\(size.rawValue).playbook", bytes: bytes)

        // Once before timing: the corpus must parse and validate with zero errors.
        let result = DocumentParser.parse(source, as: .playbook)
        guard !result.hasErrors, let playbook = result.playbook else {
            printError("vakt-bench: the \(size.rawValue) corpus does not lint clean (\(result.errors.count) errors):")
            let renderer = DiagnosticRenderer()
            for diagnostic in result.errors.prefix(10) {
                printError(renderer.render(diagnostic, source: source))
            }
            return nil
        }
        let missing = CorpusCoverage.missingConstructs(in: playbook)
        guard missing.isEmpty else {
            printError("vakt-bench: the \(size.rawValue) corpus does not exercise: " + missing.joined(separator: ", "))
            return nil
        }
        let expectedLines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        print("\(size.rawValue): \(BenchmarkTable.grouped(bytes.count)) bytes, \(expectedLines) lines, "
              + "\(playbook.steps.count) steps in \(playbook.phases.count) phases; 0 errors, "
              + "\(result.warnings.count) warnings; generated in \(BenchmarkTable.fixed(generationTime * 1000, 0)) ms")

        // Enough iterations per sample that one sample takes tens of milliseconds.
        let iterations = max(1, 10_000_000 / bytes.count)
        var checksum = 0
        let parse = BenchmarkStatistics.measure(samples: samples, warmups: warmups, iterations: iterations) {
            let result = DocumentParser.parse(source, as: .playbook)
            checksum &+= result.diagnostics.count &+ (result.playbook?.steps.count ?? 0)
        }
        let newlines = newlineBaseline(bytes, iterations: iterations * 20, expected: expectedLines)
        guard let newlines else {
            printError("vakt-bench: the newline pass counted wrongly")
            return nil
        }
        let runs = (samples + warmups) * iterations
        guard checksum == runs * (result.diagnostics.count + playbook.steps.count) else {
            printError("vakt-bench: the timed parses gave different results")
            return nil
        }
        let memory = measureMemoryInChild(size)
        return Figures(size: size, bytes: bytes.count, lines: expectedLines, steps: playbook.steps.count,
                       warnings: result.warnings.count, parse: parse, newlines: newlines, memory: memory)
    }

    /// The speed of the simplest pass over the same bytes: counting newlines.
    ///
    /// Before each pass the last byte is toggled between a newline and a
    /// space, so that the optimiser cannot hoist the (pure) count out of the
    /// loop; the total is checked afterwards, so it cannot drop it either.
    private static func newlineBaseline(_ bytes: [UInt8], iterations: Int, expected: Int) -> BenchmarkStatistics.Timing? {
        var copy = bytes
        guard copy.last == 0x0A else { return nil }
        return copy.withUnsafeMutableBufferPointer { buffer -> BenchmarkStatistics.Timing? in
            let pointer = buffer
            let last = pointer.count - 1
            var total = 0
            var passes = 0
            let statistics = BenchmarkStatistics.measure(samples: samples, warmups: warmups, iterations: iterations) {
                pointer[last] = passes & 1 == 0 ? 0x0A : 0x20
                total &+= countNewlines(UnsafeBufferPointer(pointer))
                passes += 1
            }
            let withNewline = (passes + 1) / 2
            return total == withNewline * expected + (passes - withNewline) * (expected - 1) ? statistics : nil
        }
    }

    @inline(never)
    static func countNewlines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count &+= 1 }
        return count
    }

    private static func measureMemoryInChild(_ size: CorpusGenerator.Size) -> MemoryFigures? {
        guard let output = ChildProcess.run(ChildProcess.currentExecutable(), ["parse-one", size.rawValue]),
              output.status == 0 else {
            printError("vakt-bench: the memory probe for \(size.rawValue) failed; no memory figures")
            return nil
        }
        var values: [String: Int] = [:]
        for pair in output.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Int(parts[1]) { values[String(parts[0])] = value }
        }
        guard let input = values["input"], let baseline = values["baseline"], let afterInput = values["afterInput"],
              let peak = values["peak"], let afterParse = values["afterParse"], let reset = values["reset"] else {
            printError("vakt-bench: could not read the memory probe's output: \(output.standardOutput)")
            return nil
        }
        return MemoryFigures(input: input, baseline: baseline, afterInput: afterInput, peak: peak,
                             afterParse: afterParse, wasReset: reset == 1)
    }

    // MARK: Reporting

    private static func throughputTable(_ all: [Figures]) -> String {
        var table = BenchmarkTable(columns: [
            "corpus", "bytes", "lines", "steps", "parse ms", "parse MB/s", "±%", "CPU MB/s",
            "newline MB/s", "newline/parse",
        ])
        for figures in all {
            let parseSpeed = figures.parse.wall.megabytesPerSecond(bytes: figures.bytes)
            let newlineSpeed = figures.newlines.wall.megabytesPerSecond(bytes: figures.bytes)
            table.add([
                figures.size.rawValue, BenchmarkTable.grouped(figures.bytes), BenchmarkTable.grouped(figures.lines),
                BenchmarkTable.grouped(figures.steps), BenchmarkTable.fixed(figures.parse.wall.median * 1000, 2),
                BenchmarkTable.fixed(parseSpeed, 1), BenchmarkTable.fixed(figures.parse.wall.spreadPercent, 1),
                BenchmarkTable.fixed(figures.parse.cpu.megabytesPerSecond(bytes: figures.bytes), 1),
                BenchmarkTable.fixed(newlineSpeed, 0), BenchmarkTable.fixed(newlineSpeed / parseSpeed, 1) + "x",
            ])
        }
        return "Throughput (parse MB/s and newline MB/s: wall clock; CPU MB/s: the parse on this thread's CPU time)\n"
            + table.render()
    }

    private static func memoryTable(_ all: [Figures]) -> String {
        var table = BenchmarkTable(columns: [
            "corpus", "input", "baseline RSS", "RSS with input", "peak (VmHWM)", "peak-baseline", "parse only", "retained",
        ])
        var notes: [String] = []
        for figures in all {
            guard let memory = figures.memory else {
                table.add([figures.size.rawValue, "n/a"])
                continue
            }
            if !memory.wasReset { notes.append("\(figures.size.rawValue): VmHWM could not be reset; the peak is an upper bound") }
            table.add([
                figures.size.rawValue, BenchmarkTable.mebibytes(memory.input), BenchmarkTable.mebibytes(memory.baseline),
                BenchmarkTable.mebibytes(memory.afterInput), BenchmarkTable.mebibytes(memory.peak),
                BenchmarkTable.fixed(memory.peakRatio, 2) + "x", BenchmarkTable.fixed(memory.parseRatio, 2) + "x",
                BenchmarkTable.fixed(memory.retainedRatio, 2) + "x",
            ])
        }
        return "Peak memory (one fresh process per corpus; ratios are multiples of the input size)\n"
            + table.render() + notes.map { $0 + "\n" }.joined()
    }

    private static func verdict(_ all: [Figures]) -> String {
        guard let large = all.first(where: { $0.size == .large }) else { return "" }
        let speed = large.parse.wall.megabytesPerSecond(bytes: large.bytes)
        var lines = ["Targets (issue 2):"]
        lines.append("  parse + validate on 10MB >= \(BenchmarkTable.fixed(throughputTarget, 0)) MB/s: "
                     + "\(BenchmarkTable.fixed(speed, 1)) MB/s, " + (speed >= throughputTarget ? "met" : "MISSED"))
        if let memory = large.memory {
            lines.append("  peak memory on 10MB < \(BenchmarkTable.fixed(memoryTarget, 0))x input: "
                         + "\(BenchmarkTable.fixed(memory.peakRatio, 2))x, "
                         + (memory.peakRatio < memoryTarget ? "met" : "MISSED"))
        } else {
            lines.append("  peak memory on 10MB: not measured")
        }
        return lines.joined(separator: "\n")
    }

    static func printError(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        _ = writeAll(Array(line.utf8), to: STDERR_FILENO)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
    }
}
