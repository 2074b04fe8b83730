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
        discussion: """
            Example: thidua export > bdtw.jsonl; thidua --db copy.sqlite append bdtw.jsonl (a new log: same events, new recordedAt).
            With --verbatim, every row exactly as stored, to rebuild an identical log: thidua export --verbatim > bdtw.verbatim.jsonl;
            thidua restore bdtw.verbatim.jsonl --db copy.sqlite (EventLog/EXPORT.md).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: "Only this year's stream, with the bloc events it depends on.") var year: Int?

    @Flag(help: "Every row exactly as stored (recordedAt, hashes, signatures), for thidua restore and verify --export.")
    var verbatim = false

    func run() throws {
        if verbatim {
            guard year == nil, global.bloc == nil else { throw CLIError.usage("--verbatim exports the whole log; it takes neither --year nor --bloc") }
            try VerbatimExport.write(try global.openForReading())
            return
        }
        if let server = try global.server { return try runRemote(server) }
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

    /// The events read from the server's `GET /v1/log`, chosen and printed as from the file.
    func runRemote(_ server: RemoteServer) throws {
        var query: [(String, String)] = []
        if let bloc = global.bloc { query.append(("bloc", bloc)) }
        if let year {
            // The year checked by the server as `log --year` checks it (over every bloc unless --bloc names one), and no
            // event asked for (`to=0`): a year the log never had is refused with the line a local export prints.
            _ = try RemoteEvents.read(server, query + [("year", String(year)), ("to", "0")])
        }
        for (event, prev) in try RemoteEvents.read(server, query) {
            if let year, let stream = StreamID(event.stream), stream.year != nil, stream.year != year { continue }
            Console.line(event.shownJSON(prevHash: prev).canonicalText)
        }
    }
}
