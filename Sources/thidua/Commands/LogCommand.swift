import ArgumentParser
import Foundation
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// `thidua log`: the events themselves, filtered for an auditor.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List events in log order, filtered.",
        discussion: """
            Each row shows position, occurredAt (valid time), recordedAt (system time), actor, the fingerprint of
            the key that signed it (if signed) and a one-line summary. JSON carries the signature itself.
            Example: thidua log --year 2017 --member BNCTW --since 2018-01-01 --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(parsing: .unconditional, help: "Only this year's stream.") var year: Int?
    @Option(help: "Only events of this type (repeatable).") var type: [String] = []
    @Option(help: "Only events recorded by this actor.") var actor: String?
    @Option(help: "Only events by or about this member.") var member: String?
    @Option(help: "Only events about this criterion.") var criterion: String?
    @Option(help: "Only events of this election (its opening, votes, tally, close, the awards it backs).") var election: String?
    @Option(help: ArgumentHelp("Only events with exactly this correlation (e.g. the minutes' number).", valueName: "TEXT"))
    var correlation: String?
    @Option(parsing: .unconditional, help: "From this position on.") var from: Int64?
    @Option(parsing: .unconditional, help: "Up to this position.") var to: Int64?
    @Option(help: ArgumentHelp("Only events that occurred at or after T (valid time).", valueName: "T")) var since: String?
    @Option(help: ArgumentHelp("Only events that occurred at or before T; a date alone is the end of that day, +07:00.", valueName: "T")) var until: String?
    @Option(name: .customLong("recorded-since"), help: ArgumentHelp("Only events recorded at or after T (system time).", valueName: "T")) var recordedSince: String?
    @Option(name: .customLong("recorded-until"), help: ArgumentHelp("Only events recorded at or before T.", valueName: "T")) var recordedUntil: String?
    @Flag(help: "After the matching events, keep waiting for new ones and print them as they are appended (Ctrl-C to stop).")
    var follow = false

    func run() throws {
        if let server = try global.server { return try runRemote(server) }
        if follow {
            let signal = try followUntilStopped()
            Console.flush()
            StopSignals.end(as: signal)
        }
        let store = try global.openForReading()
        let filter = try self.filter(store)
        let lang = try global.lang
        switch output.format {
        case .json:
            try store.forEachEvent(filter) { event, prev in
                Console.line(event.shownJSON(prevHash: prev).canonicalText)
                return true
            }
        case .csv:
            Console.line(CSV.row(Self.csvHeader))
            try store.forEachEvent(filter) { event, _ in
                Console.line(CSV.row(Self.csvCells(event)))
                return true
            }
        case .table:
            var table = Table(Self.tableHeader, lang, rightAligned: [0, 4])
            try store.forEachEvent(filter) { event, _ in
                table.add(Self.tableCells(event, lang))
                return true
            }
            Console.line(table.rows.isEmpty ? Phrase.noEvents(lang) : table.render())
        }
    }

    /// The events asked for: the options as a filter, the bloc checked against the log.
    func filter(_ store: EventStore) throws -> EventFilter {
        var filter = EventFilter()
        if let bloc = global.bloc { filter.bloc = try store.resolveBloc(bloc) }
        filter.year = year
        filter.types = try type.map(Self.knownType)
        filter.actor = KnownCodes.filter(actor)
        filter.member = KnownCodes.filter(member)
        filter.criterion = KnownCodes.filter(criterion)
        filter.election = KnownCodes.filter(election)
        filter.correlation = correlation
        let blocs = try filter.bloc.map { [$0] } ?? store.blocs()
        try KnownCodes.requireKnown(member: filter.member, criterion: filter.criterion, year: year, election: filter.election, blocs: blocs,
                                    store: store)
        try ReplayBoundOptions.requirePosition(from, "--from")
        try ReplayBoundOptions.requirePosition(to, "--to")
        filter.fromPosition = from
        filter.toPosition = to
        filter.occurredFrom = try since.map { try Self.start($0, "--since") }
        filter.occurredTo = try until.map { try ReplayBoundOptions.time($0, "--until") }
        filter.recordedFrom = try recordedSince.map { try Self.start($0, "--recorded-since") }
        filter.recordedTo = try recordedUntil.map { try ReplayBoundOptions.time($0, "--recorded-until") }
        return filter
    }

    /// An event type as the log spells it; a misspelt one is an error listing them all, not an empty answer.
    static func knownType(_ text: String) throws -> String {
        if EventType(rawValue: text.lowercased()) != nil { return text.lowercased() }
        throw CLIError.rejected("--type \(text): no such event type; the types are "
                                + EventType.allCases.map(\.rawValue).joined(separator: ", "))
    }

    static let csvHeader = ["position", "stream", "version", "type", "actor", "occurredAt", "recordedAt", "id", "data", "correlation", "signer"]
    static let tableHeader: [Word] = [.position, .occurredAt, .recordedAt, .stream, .version, .eventType, .actor, .signer, .correlation, .summary]

    static func csvCells(_ e: RecordedEvent) -> [String] {
        [String(e.position), e.stream, String(e.version), e.type, e.actor, e.occurredAt, e.recordedAt, e.id, e.data, e.correlation ?? "",
         signer(e)]
    }

    static func tableCells(_ e: RecordedEvent, _ lang: Lang) -> [String] {
        [String(e.position), Shown.moment(e.occurredAt, lang), Shown.moment(e.recordedAt, lang), e.stream, String(e.version), e.type, e.actor,
         signer(e), e.correlation ?? "", Summary.of(e, lang)]
    }

    /// The fingerprint of the key that signed the event; empty when unsigned.
    static func signer(_ e: RecordedEvent) -> String {
        guard let signature = e.signature, signature.count == EventSignature.publicKeyBytes + EventSignature.valueBytes else { return "" }
        return EventSignature.fingerprint(publicKey: Array(signature.prefix(EventSignature.publicKeyBytes)))
    }

    /// The first instant of a bound: a date alone means the start of that day, +07:00.
    static func start(_ written: String, _ option: String) throws -> Timestamp {
        let text = Typed.isoDate(written)
        if text.utf8.count == 10, let stamp = try? Timestamp(parsing: text + "T00:00:00+07:00") { return stamp }
        return try ReplayBoundOptions.time(text, option)
    }

    /// Prints matching events, then polls for new ones until a stop signal (Ctrl-C, SIGTERM, SIGHUP) or until standard
    /// output is closed. The log is closed before it returns, as after any command, so no -wal or -shm file is left;
    /// answers the signal that stopped it, or 0.
    func followUntilStopped() throws -> Int32 {
        StopSignals.catchThem()
        let store = try global.openForReading()
        var filter = try self.filter(store)
        let lang = try global.lang
        var last: Int64 = 0
        if output.format == .csv { Console.line(CSV.row(Self.csvHeader)) }
        while StopSignals.received == 0 {
            try store.forEachEvent(filter) { event, prev in
                switch output.format {
                case .json: Console.line(event.shownJSON(prevHash: prev).canonicalText)
                case .csv: Console.line(CSV.row(Self.csvCells(event)))
                case .table: Console.line(Self.tableCells(event, lang).map(Visible.escaped).joined(separator: "  "))
                }
                last = event.position
                return StopSignals.received == 0
            }
            guard Console.flush() else { return 0 }
            if let head = try store.head()?.position { last = max(last, head) }
            guard last < .max else { return 0 }  // only an altered log holds a row there; nothing can follow it
            filter.fromPosition = max(filter.fromPosition ?? 0, last + 1)
            for _ in 0..<10 where StopSignals.received == 0 { Thread.sleep(forTimeInterval: 0.03) }
        }
        return StopSignals.received
    }
}
