#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import IncidentEngine
import PlaybookFormat
import RunnerUI
import TerminalCore

/// The terminal UI benchmark (issue 4, "Speed").
///
/// 1. Exec to first frame, under a pseudo-terminal of 80x24 that this
///    process owns: `vakt run` on a shipped playbook (which opens a durable
///    incident first: folder, playbook copy and opening event, all fsynced),
///    `vakt resume` of that incident, the backend's own
///    `vakt-terminal-check --first-frame`, and a minimal C ncurses program
///    that draws one line (compiled here with `cc` from the source below);
///    the same rows for every other build of vakt named on the command line
///    (the offline binary, built with a static runtime and C library); and
///    `vakt` alone, the start screen, over a home with 20 open incidents.
///    Each leaves right after its first frame; the time runs from
///    `posix_spawn` until the terminal hangs up because the program exited
///    (so `endwin` counts for every program alike). `vakt --version` shows
///    the floor under any vakt command: exec, loading and argument parsing.
///    The programs take turns, round by round, so a busy moment hurts all of them.
/// 2. Render + diff of one frame after a key press, on a 5,000-step playbook:
///    `RunnerApp.update(.key)`, `render` into a grid, `GridDiff.runs` against
///    the previous frame, at 80x24 and 120x40.
///
/// Targets: `vakt run` within 4x of the C program; a key's frame under 1 ms.
enum StartupBenchmarks {
    static let rounds = 30
    static let warmupRounds = 3
    static let startupTarget = 4.0
    static let renderSteps = 5_000
    static let renderTarget = 0.001
    /// Open incidents in the start screen's home.
    static let listedIncidents = 20

    /// `vakt-bench startup [VAKT...]`: prints the figures; false if a program could not be run.
    /// `others` are more builds of vakt to time beside this build's (the offline binary, say).
    @discardableResult
    static func run(others: [String] = []) -> Bool {
        print("Terminal UI: exec to first frame under a pseudo-terminal, and render + diff after a key")
        print(MachineDescription.summary)
        print("")
        let started = startupBenchmark(others: others)
        print("")
        let rendered = renderBenchmark()
        return started && rendered
    }

    // MARK: - Exec to first frame

    /// A minimal ncurses program: one line, the same way vakt starts (locale, newterm-like init, raw).
    static let cSource = """
        #include <locale.h>
        #include <curses.h>

        int main(void) {
            setlocale(LC_ALL, "");
            initscr();
            raw();
            noecho();
            mvaddstr(0, 0, "vakt: first frame");
            refresh();
            endwin();
            return 0;
        }

        """

    private struct Program {
        var name: String
        var path: String
        var arguments: [String]
        /// For `vakt run` rows: which build of vakt, for the verdict.
        var build: String?
    }

    private static func startupBenchmark(others: [String]) -> Bool {
        print("Exec to first frame (pseudo-terminal 80x24; spawn until exit after the first frame; ms)")
        let folder = ChildProcess.currentExecutable().split(separator: "/", omittingEmptySubsequences: false)
            .dropLast().joined(separator: "/")
        let vakt = folder + "/vakt"
        let check = folder + "/vakt-terminal-check"
        for binary in [vakt, check] where access(binary, X_OK) != 0 {
            print("startup: \(binary) is missing; build every product first: swift build -c release")
            return false
        }
        for binary in others where access(binary, X_OK) != 0 {
            print("startup: \(binary) is not an executable file")
            return false
        }
        // This build's vakt, then the others, named in the table as "vakt" and "vakt #2", "vakt #3", ...
        let builds = [(name: "vakt", path: vakt)] + others.enumerated().map { ("vakt #\($0.offset + 2)", $0.element) }
        for (name, path) in builds.dropFirst() { print("\(name): \(path)") }
        guard let playbook = shippedPlaybook(near: folder, name: "ransomware.playbook") else {
            print("startup: cannot find playbooks/ransomware.playbook above \(folder)")
            return false
        }
        guard let work = makeFolder() else {
            print("startup: cannot make a temporary folder")
            return false
        }
        defer { removeTree(work) }
        let home = work + "/home"
        print("incidents in \(home); playbook \(playbook)")

        var programs: [Program] = []
        if let compiled = compileC(in: work) {
            programs.append(Program(name: "C ncurses, one line", path: compiled, arguments: []))
        } else {
            print("(no C compiler or ncurses headers: the C baseline is left out)")
        }
        programs.append(Program(name: "vakt-terminal-check --first-frame", path: check, arguments: ["--first-frame"]))
        guard let opened = ChildProcess.run(vakt, ["open", playbook, "--home", home]), opened.status == 0 else {
            print("startup: `vakt open` failed; cannot time `vakt resume`")
            return false
        }
        let id = opened.standardOutput.filter { !$0.isWhitespace }
        // The start screen (`vakt` alone) lists the open incidents: a home of its own with a fixed number.
        let listedHome = work + "/listed"
        for _ in 0..<listedIncidents {
            guard let listed = ChildProcess.run(vakt, ["open", playbook, "--home", listedHome]), listed.status == 0 else {
                print("startup: `vakt open` failed; cannot time the start screen")
                return false
            }
        }
        for (name, path) in builds {
            // The floor under every vakt command: exec, loading, the runtime and argument parsing, no terminal.
            programs.append(Program(name: "\(name) --version (no UI)", path: path, arguments: ["--version"]))
            programs.append(Program(
                name: "\(name) run ransomware --first-frame", path: path,
                arguments: ["run", playbook, "--home", home, "--first-frame"], build: name))
            programs.append(Program(
                name: "\(name) resume ID --first-frame", path: path,
                arguments: ["resume", id, "--home", home, "--first-frame"]))
            programs.append(Program(
                name: "\(name) (start screen, \(listedIncidents) open) --first-frame", path: path,
                arguments: ["--home", listedHome, "--first-frame"]))
        }

        let environment = childEnvironment()
        var samples = Array(repeating: [Double](), count: programs.count)
        for round in 0..<(warmupRounds + rounds) {
            for (index, program) in programs.enumerated() {
                guard let result = runInPseudoTerminal(program.path, program.arguments, environment: environment) else {
                    print("startup: cannot start \(program.name) in a pseudo-terminal")
                    return false
                }
                guard result.status == 0 else {
                    let output = String(decoding: result.output.suffix(400), as: UTF8.self)
                    print("startup: \(program.name) exited with \(result.status): \(output)")
                    return false
                }
                if round >= warmupRounds { samples[index].append(result.seconds) }
            }
        }

        let baseline = programs.first?.path.hasSuffix("/first-frame") == true
            ? BenchmarkStatistics(samples: samples[0]).median : nil
        var table = BenchmarkTable(columns: ["program", "median", "fastest", "slowest", "x C"])
        for (index, program) in programs.enumerated() {
            let statistics = BenchmarkStatistics(samples: samples[index])
            let ratio = baseline.map { BenchmarkTable.fixed(statistics.median / $0, 1) } ?? "-"
            table.add([
                program.name, milliseconds(statistics.median), milliseconds(statistics.fastest),
                milliseconds(statistics.slowest), ratio,
            ])
        }
        print(table.render(), terminator: "")
        print("\(rounds) rounds after \(warmupRounds) warm-up rounds, programs taking turns")
        if let baseline {
            for (index, program) in programs.enumerated() {
                guard let build = program.build else { continue }
                let ratio = BenchmarkStatistics(samples: samples[index]).median / baseline
                let verdict = ratio <= startupTarget ? "meets" : "misses"
                let target = BenchmarkTable.fixed(startupTarget, 0)
                print("\(build) run: \(BenchmarkTable.fixed(ratio, 1))x the C program; \(verdict) the target of \(target)x")
            }
        }
        return true
    }

    private static func milliseconds(_ seconds: Double) -> String {
        BenchmarkTable.fixed(seconds * 1000, 2)
    }

    /// The shipped playbook, found in `playbooks/` of the source checkout this binary was built in.
    private static func shippedPlaybook(near folder: String, name: String) -> String? {
        var current = folder
        for _ in 0..<8 {
            let candidate = current + "/playbooks/" + name
            if access(current + "/Package.swift", F_OK) == 0, access(candidate, R_OK) == 0 { return candidate }
            guard let slash = current.lastIndex(of: "/"), slash != current.startIndex else { return nil }
            current = String(current[..<slash])
        }
        return nil
    }

    /// Compiles `cSource` into `folder/first-frame`; nil when there is no compiler or ncursesw.
    private static func compileC(in folder: String) -> String? {
        let source = folder + "/first-frame.c"
        let binary = folder + "/first-frame"
        guard writeFile(source, Array(cSource.utf8)) else { return nil }
        for compiler in ["/usr/bin/cc", "/usr/bin/gcc", "/usr/bin/clang"] where access(compiler, X_OK) == 0 {
            let arguments = ["-O2", "-o", binary, source, "-lncursesw"]
            if let result = ChildProcess.run(compiler, arguments), result.status == 0, access(binary, X_OK) == 0 {
                return binary
            }
        }
        return nil
    }

    /// The benchmark's environment for the children: a known terminal type and
    /// a UTF-8 locale, no frozen size, no user's VAKT_* settings.
    private static func childEnvironment() -> [String] {
        var environment: [String] = []
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            let name = text.prefix { $0 != "=" }
            if !["TERM", "LANG", "LC_ALL", "LINES", "COLUMNS", "NO_COLOR"].contains(String(name)),
               !name.hasPrefix("VAKT_") {
                environment.append(text)
            }
            index += 1
        }
        return environment + ["TERM=xterm-256color", "LANG=C.UTF-8", "VAKT_USER=bench"]
    }

    // MARK: Pseudo-terminal

    private typealias OpenPTY = @convention(c) (
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?,
        UnsafeRawPointer?, UnsafeRawPointer?
    ) -> Int32

    /// A new pseudo-terminal of `rows`×`columns`: (master, slave). `openpty`
    /// is looked up at run time (Swift cannot call the variadic `ioctl`
    /// that would set the size otherwise).
    private static func openPseudoTerminal(rows: UInt16, columns: UInt16) -> (Int32, Int32)? {
        var symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openpty")
        if symbol == nil, let library = dlopen("libutil.so.1", RTLD_LAZY) { symbol = dlsym(library, "openpty") }
        guard let symbol else { return nil }
        let openpty = unsafeBitCast(symbol, to: OpenPTY.self)
        var master: Int32 = -1
        var slave: Int32 = -1
        let size: [UInt16] = [rows, columns, 0, 0]  // struct winsize
        let result = size.withUnsafeBytes { openpty(&master, &slave, nil, nil, $0.baseAddress) }
        guard result == 0 else { return nil }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        return (master, slave)
    }

    /// Runs a program with a pseudo-terminal as its stdin, stdout and stderr,
    /// reading everything it draws; returns the time until it exited.
    private static func runInPseudoTerminal(
        _ path: String, _ arguments: [String], environment: [String]
    ) -> (seconds: Double, status: Int32, output: [UInt8])? {
        guard let (master, slave) = openPseudoTerminal(rows: 24, columns: 80) else { return nil }
        defer { close(master) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = BenchmarkStatistics.now()
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(slave)
        guard spawned == 0 else { return nil }

        // Drain the terminal until it hangs up (EIO once the last slave descriptor closed).
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 10_000)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { break }  // 10 s without a byte: give up on it
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer.prefix(count)
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        let end = BenchmarkStatistics.now()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (end - start, exitStatus, output)
    }

    // MARK: - Render + diff after a key

    private static func renderBenchmark() -> Bool {
        print("Render + diff of one frame after a key, \(BenchmarkTable.grouped(renderSteps))-step playbook (µs)")
        let text = largePlaybook(steps: renderSteps)
        let result = DocumentParser.parse(SourceFile(path: "large.playbook", text: text), as: .playbook)
        guard let playbook = result.playbook, !result.hasErrors, playbook.steps.count == renderSteps else {
            print("render: the generated playbook does not parse: \(result.errors.first?.message ?? "no playbook")")
            return false
        }
        let now = Timestamp(millisecondsSinceEpoch: 1_795_918_200_000, offsetMinutes: 60)
        let state = RunState(playbook: playbook)
        let open = IncidentCommand.open(
            title: "Stor øvelse", exercise: true, playbookSHA256: String(repeating: "ab", count: 32))
        guard let drafts = try? open.plan(against: state, now: now) else {
            print("render: the opening was refused")
            return false
        }
        let records = state.records(for: drafts, recorded: now, actor: "bench")

        var table = BenchmarkTable(columns: ["size", "key+render+diff", "render", "diff", "changed runs", "target"])
        var met = true
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40)] {
            var app = RunnerApp(
                playbook: playbook, incidentID: "20261129-large-7k3", records: records, actor: "bench", language: .nb,
                colors: true, now: now, size: size)
            // Half-way down the list, where the step list and its scroll offset are least special.
            for _ in 0..<(renderSteps / 2) { _ = app.update(.key(.down)) }
            var previous = app.frame(size: size)
            var down = true
            var runs = 0
            let whole = BenchmarkStatistics.measure(samples: 15, warmups: 2, iterations: 200) {
                _ = app.update(.key(down ? .down : .up))
                down.toggle()
                let next = app.frame(size: size)
                runs = GridDiff.runs(from: previous, to: next).count
                previous = next
            }
            var frames = 0
            let render = BenchmarkStatistics.measure(samples: 15, warmups: 2, iterations: 200) {
                frames &+= app.frame(size: size).width
            }
            _ = app.update(.key(.down))
            let after = app.frame(size: size)
            var diffRuns = 0
            let diff = BenchmarkStatistics.measure(samples: 15, warmups: 2, iterations: 200) {
                diffRuns &+= GridDiff.runs(from: previous, to: after).count
            }
            let median = whole.wall.median
            met = met && median < renderTarget
            table.add([
                size.description, micro(median), micro(render.wall.median), micro(diff.wall.median), "\(runs)",
                median < renderTarget ? "< 1 ms: met" : "< 1 ms: MISSED",
            ])
            _ = (frames, diffRuns)
        }
        print(table.render(), terminator: "")
        print("medians of 15 samples of 200 key presses (↓ and ↑ in turn); wall time")
        print(met ? "render + diff: meets the target of 1 ms" : "render + diff: misses the target of 1 ms")
        return true
    }

    private static func micro(_ seconds: Double) -> String {
        BenchmarkTable.fixed(seconds * 1_000_000, 1)
    }

    /// A playbook of `steps` steps over five phases: every step with a role and
    /// an instruction, every tenth with a checklist, every fiftieth with a
    /// question, every hundredth with a command to copy.
    static func largePlaybook(steps: Int) -> String {
        let stages = ["detection", "containment", "eradication", "recovery", "normal"]
        var text = """
            playbook: large
            title: Stor playbook for målinger
            lang: nb

            roles:
              - oncall: IKT-vakt
              - lead: Hendelsesleder

            deadline report: Melding til ledelsen
              within: 2h
              warn: 30m
              until: s\(steps)


            """
        let perPhase = steps / stages.count
        for (phase, stage) in stages.enumerated() {
            text += "phase \(stage): Fase \(phase + 1) – \(stage)\n"
            let last = phase == stages.count - 1 ? steps : (phase + 1) * perPhase
            for number in (phase * perPhase + 1)...last {
                text += "  step s\(number): Steg nummer \(number) – gjør det neste riktige\n"
                text += "    role: \(number % 3 == 0 ? "lead" : "oncall")\n"
                text += "    do: Gjør det som står i steg \(number), og noter hva du så og når du så det.\n"
                if number % 10 == 0 {
                    text += "    check:\n      - Første punkt for steg \(number)\n"
                    text += "      - Andre punkt\n      - Tredje punkt\n"
                }
                if number % 100 == 0 {
                    text += "    run: |\n      Get-NetAdapter | Disable-NetAdapter -Confirm:$false\n"
                }
                if number % 50 == 0, number < steps {
                    text += "    ask: Er steg \(number) ferdig?\n      - Ja -> next\n      - Nei -> s\(number)\n"
                }
            }
        }
        return text
    }

    // MARK: - Files

    private static func makeFolder() -> String? {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/vakt-bench-startup-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Removes the benchmark's own temporary folder and everything in it.
    private static func removeTree(_ path: String) {
        guard path.contains("/vakt-bench-startup-") else { return }
        _ = ChildProcess.run("/bin/rm", ["-rf", path])
    }
}
