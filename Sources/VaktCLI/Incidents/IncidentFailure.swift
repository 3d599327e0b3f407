import IncidentEngine
import IncidentStore

/// Turns the store's and the engine's errors into the contract's exit codes:
/// 1 when the command ran and found a problem (a refused step, a journal that
/// does not verify, a failed write), 2 when its input was unusable (no such
/// incident, an unreadable file).
enum IncidentFailure {
    static func from(_ error: any Error) -> any Error {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let refused as CommandError:
            if case .decisionRequired = refused {
                return CommandFailure(refused.description + " (with `vakt decide ID STEP OPTION`)", exitCode: 1)
            }
            return CommandFailure(refused.description, exitCode: 1)
        case let refused as ExerciseCommandError:
            return CommandFailure(refused.description, exitCode: 1)
        case let store as StoreError:
            return CommandFailure(store.description, exitCode: exitCode(store))
        default:
            return error
        }
    }

    static func exitCode(_ error: StoreError) -> Int32 {
        switch error {
        case .system(let operation, _, _):
            return operation.hasPrefix("open") || operation.hasPrefix("read") || operation == "inspect" ? 2 : 1
        case .symbolicLink, .notRegularFile, .noSuchIncident, .ambiguousIncident, .noOpenIncident,
             .unreadablePlaybook:
            return 2
        case .corrupt, .emptyJournal, .rejected:
            return 1
        }
    }

    /// Runs `body`, translating what it throws.
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw from(error)
        }
    }
}
