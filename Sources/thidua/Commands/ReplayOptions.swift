import ArgumentParser
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// `--as-of`, `--known-at`, `--at`: which part of the log a replay folds.
struct ReplayBoundOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Valid time: events that occurred at or before T (a date alone is the end of that day, +07:00).", valueName: "T"))
    var asOf: String?

    @Option(name: .customLong("known-at"), help: ArgumentHelp("System time: events the log had recorded at or before T.", valueName: "T"))
    var knownAt: String?

    @Option(name: .customLong("at"), parsing: .unconditional, help: ArgumentHelp("Events up to this log position.", valueName: "POS"))
    var at: Int64?

    /// Positions start at 1; a negative one is no position (0 means before the first event).
    static func requirePosition(_ position: Int64?, _ option: String) throws {
        if let position, position < 0 {
            throw CLIError.usage("\(option) \(position): a position is 0 or more (the log starts at 1)")
        }
    }

    var bounds: ReplayBounds {
        get throws {
            try Self.requirePosition(at, "--at")
            return try ReplayBounds(asOf: asOf.map { try Self.time($0, "--as-of") }, knownAt: knownAt.map { try Self.time($0, "--known-at") }, at: at)
        }
    }

    func summary(_ lang: Lang) -> String { Phrase.bounds(asOf: asOf, knownAt: knownAt, at: at, lang) }

    static func time(_ text: String, _ option: String) throws -> Timestamp {
        do {
            return try Timestamp(bound: Typed.isoDate(text))
        } catch {
            throw CLIError.usage("\(option) \(text): \(error.reason)")
        }
    }
}
