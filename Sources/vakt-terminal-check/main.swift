#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NcursesBackend

// The backend's self-check: see `TerminalSelfCheck`.
exit(TerminalSelfCheck.run(arguments: CommandLine.arguments))
