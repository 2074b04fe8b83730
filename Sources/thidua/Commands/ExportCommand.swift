import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `thidua export`: the log as JSON Lines, re-importable into an empty log.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the log (or a year with its bloc events) as JSON Lines with positions and hashes.",
        discussion: "Example: thidua export > bdtw.jsonl; thidua --db copy.sqlite append bdtw.jsonl"
    )

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: "Only this year's stream, with the bloc events it depends on.") var year: Int?

    func run() throws {
        let store = try global.openForReading()
        var filter = EventFilter()
        if let bloc = global.bloc { filter.bloc = try store.resolveBloc(bloc) }
        if let year { try KnownCodes.requireYear(year, blocs: try filter.bloc.map { [$0] } ?? store.blocs(), store: store) }
        try store.forEachEvent(filter) { event, prev in
            if let year, let stream = StreamID(event.stream), stream.year != nil, stream.year != year { return true }
            Console.line(event.shownJSON(prevHash: prev).canonicalText)
            return true
        }
    }
}
