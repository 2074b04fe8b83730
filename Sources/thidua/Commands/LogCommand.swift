import Foundation
import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// `thidua log`: the events themselves, filtered for an auditor.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List events in log order, filtered.",
        discussion: """
            Each row shows position, occurredAt (valid time), recordedAt (system time), actor and a one-line summary.
            Example: thidua log --year 2017 --member BNCTW --since 2018-01-01 --format json
            """
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
    @Option(help: ArgumentHelp("Only events that occurred at or after T (valid time).", valueName: "T")) var since: String?
    @Option(help: ArgumentHelp("Only events that occurred at or before T; a date alone is the end of that day, +07:00.", valueName: "T")) var until: String?
    @Option(name: .customLong("recorded-since"), help: ArgumentHelp("Only events recorded at or after T (system time).", valueName: "T")) var recordedSince: String?
    @Option(name: .customLong("recorded-until"), help: ArgumentHelp("Only events recorded at or before T.", valueName: "T")) var recordedUntil: String?
    @Flag(help: "After the matching events, keep waiting for new ones and print them as they are appended (Ctrl-C to stop).")
    var follow = false

    func run() throws {
        let store = try global.openForReading()
        var filter = EventFilter()
        if let bloc = global.bloc { filter.bloc = try store.resolveBloc(bloc) }
        filter.year = year
        filter.types = type
        filter.actor = actor
        filter.member = member
        filter.criterion = criterion
        filter.fromPosition = from
        filter.toPosition = to
        filter.occurredFrom = try since.map { try Self.start($0, "--since") }
        filter.occurredTo = try until.map { try ReplayBoundOptions.time($0, "--until") }
        filter.recordedFrom = try recordedSince.map { try Self.start($0, "--recorded-since") }
        filter.recordedTo = try recordedUntil.map { try ReplayBoundOptions.time($0, "--recorded-until") }
        if follow { try self.follow(store, filter) }
        switch output.format {
        case .json:
            try store.forEachEvent(filter) { event, prev in
                Console.line(event.outputJSON(prevHash: prev).canonicalText)
                return true
            }
        case .csv:
            Console.line(CSV.row(Self.csvHeader))
            try store.forEachEvent(filter) { event, _ in
                Console.line(CSV.row(Self.csvCells(event)))
                return true
            }
        case .table:
            var table = Table(Self.tableHeader, rightAligned: [0, 4])
            try store.forEachEvent(filter) { event, _ in
                table.add(Self.tableCells(event))
                return true
            }
            Console.line(table.rows.isEmpty ? "no events match" : table.render())
        }
    }

    static let csvHeader = ["position", "stream", "version", "type", "actor", "occurredAt", "recordedAt", "id", "data"]
    static let tableHeader = ["pos", "occurredAt", "recordedAt", "stream", "v", "type", "actor", "summary"]

    static func csvCells(_ e: RecordedEvent) -> [String] {
        [String(e.position), e.stream, String(e.version), e.type, e.actor, e.occurredAt, e.recordedAt, e.id, e.data]
    }

    static func tableCells(_ e: RecordedEvent) -> [String] {
        [String(e.position), e.occurredAt, e.recordedAt, e.stream, String(e.version), e.type, e.actor, Summary.of(e)]
    }

    /// The first instant of a bound: a date alone means the start of that day, +07:00.
    static func start(_ text: String, _ option: String) throws -> Timestamp {
        if text.utf8.count == 10, let stamp = try? Timestamp(parsing: text + "T00:00:00+07:00") { return stamp }
        return try ReplayBoundOptions.time(text, option)
    }

    /// Prints matching events, then polls for new ones until interrupted or until standard output is closed.
    func follow(_ store: EventStore, _ filter: EventFilter) throws -> Never {
        Self.acceptStopSignals()
        var filter = filter
        var last: Int64 = 0
        if output.format == .csv { Console.line(CSV.row(Self.csvHeader)) }
        while true {
            try store.forEachEvent(filter) { event, prev in
                switch output.format {
                case .json: Console.line(event.outputJSON(prevHash: prev).canonicalText)
                case .csv: Console.line(CSV.row(Self.csvCells(event)))
                case .table: Console.line(Self.tableCells(event).map(Visible.escaped).joined(separator: "  "))
                }
                last = event.position
                return true
            }
            guard Console.flush() else { Foundation.exit(0) }
            if let head = try store.head()?.position { last = max(last, head) }
            filter.fromPosition = max(filter.fromPosition ?? 0, last + 1)
            Thread.sleep(forTimeInterval: 0.3)
        }
    }

    /// A process may start with SIGTERM and SIGINT blocked (Foundation's `Process` starts children so); a command that
    /// waits for ever must still stop when asked, so it unblocks them and lets their default action end it.
    static func acceptStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGTERM, SIG_DFL)
    }
}
