import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// `thidua log`: the events themselves, filtered for an auditor.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List events in log order, filtered.",
        discussion: "Example: thidua log --year 2017 --member BNCTW --format json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only this year's stream.") var year: Int?
    @Option(help: "Only events of this type (repeatable).") var type: [String] = []
    @Option(help: "Only events recorded by this actor.") var actor: String?
    @Option(help: "Only events by or about this member.") var member: String?
    @Option(help: "Only events about this criterion.") var criterion: String?
    @Option(help: "From this position on.") var from: Int64?
    @Option(help: "Up to this position.") var to: Int64?

    func run() throws {
        let store = try global.openStore()
        var filter = EventFilter()
        filter.bloc = global.bloc
        filter.year = year
        filter.types = type
        filter.actor = actor
        filter.member = member
        filter.criterion = criterion
        filter.fromPosition = from
        filter.toPosition = to
        switch output.format {
        case .json:
            try store.forEachEvent(filter) { event, prev in
                Console.line(event.outputJSON(prevHash: prev).canonicalText)
                return true
            }
        case .csv:
            Console.line(CSV.row(["position", "stream", "version", "type", "actor", "occurredAt", "recordedAt", "id", "data"]))
            try store.forEachEvent(filter) { e, _ in
                Console.line(CSV.row([String(e.position), e.stream, String(e.version), e.type, e.actor, e.occurredAt,
                                      e.recordedAt, e.id, e.data]))
                return true
            }
        case .table:
            var table = Table(["pos", "occurredAt", "recordedAt", "stream", "v", "type", "actor", "summary"], rightAligned: [0, 4])
            try store.forEachEvent(filter) { e, _ in
                table.add([String(e.position), e.occurredAt, e.recordedAt, e.stream, String(e.version), e.type, e.actor,
                           Summary.of(e)])
                return true
            }
            Console.line(table.rows.isEmpty ? "no events match" : table.render())
        }
    }
}
