import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// Options of the queries that read a year's projections.
struct YearQueryOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "The year (default: the latest year of the bloc).") var year: Int?
    @OptionGroup var output: FormatOption

    /// The stored projection of the year asked for; never reads events.
    func projection(_ global: GlobalOptions) throws -> YearProjection {
        if let server = try global.server { return try remote(server, global).projection }
        let (store, bloc, year) = try target(global)
        guard let projection = try store.projection(bloc: bloc, year: year) else { throw Self.unopened(bloc, year) }
        return projection
    }

    /// The stored projection and the bloc's state, whose rules name the award kinds.
    /// The bloc's state (its rules and award kinds), for the names of award kinds.
    func blocState(_ global: GlobalOptions) throws -> BlocState {
        if let server = try global.server { return try RemoteState(server, bloc: global.bloc, year: year).blocState }
        let (store, bloc, _) = try target(global)
        return try store.blocState(bloc: bloc)
    }

    func projectionAndBloc(_ global: GlobalOptions) throws -> (projection: YearProjection, bloc: BlocState) {
        if let server = try global.server {
            let remote = try RemoteState(server, bloc: global.bloc, year: year)
            return (try Self.year(of: remote, year).projection, remote.blocState)
        }
        let (store, bloc, year) = try target(global)
        guard let projection = try store.projection(bloc: bloc, year: year) else { throw Self.unopened(bloc, year) }
        return (projection, try store.blocState(bloc: bloc))
    }

    /// The stored projection and the year's whole state (criteria, scores, registrations) from the snapshot kept
    /// beside it; never folds the log while the snapshot is current.
    func yearState(_ global: GlobalOptions) throws -> (projection: YearProjection, state: YearState) {
        if let server = try global.server { return try remote(server, global) }
        let (store, bloc, year) = try target(global)
        guard let read = try store.yearState(bloc: bloc, year: year) else { throw Self.unopened(bloc, year) }
        return read
    }

    /// The year asked for, read from a server.
    private func remote(_ server: RemoteServer, _ global: GlobalOptions) throws -> (projection: YearProjection, state: YearState) {
        try Self.year(of: RemoteState(server, bloc: global.bloc, year: year), year)
    }

    /// The year of a server's state, refused with the messages a local read gives.
    private static func year(of remote: RemoteState, _ asked: Int?) throws -> (projection: YearProjection, state: YearState) {
        guard let year = asked ?? remote.years.last else {
            throw CLIError.rejected("bloc \(remote.bloc) has no year yet; open one with thidua year open YEAR --member CODE=\"Name\" …")
        }
        guard let read = remote.year else { throw unopened(remote.bloc, year) }
        return read
    }

    /// The log, the bloc and the year asked for (default: the bloc's latest year).
    private func target(_ global: GlobalOptions) throws -> (EventStore, String, Int) {
        let store = try global.openForReading()
        let bloc = try store.resolveBloc(global.bloc)
        guard let year = try year ?? store.years(bloc: bloc).last else {
            throw CLIError.rejected("bloc \(bloc) has no year yet; open one with thidua year open YEAR --member CODE=\"Name\" …")
        }
        return (store, bloc, year)
    }

    private static func unopened(_ bloc: String, _ year: Int) -> CLIError {
        CLIError.rejected("year \(year) of \(bloc) has not been opened")
    }
}

extension YearProjection {
    func heading(_ lang: Lang) -> String {
        Visible.escaped(Phrase.heading(bloc: bloc, year: year, status: status, position: position, lang))
    }
}

/// Prints a document in the format asked for.
enum Render {
    static func json(_ value: JSON) { Console.line(value.canonicalText) }

    static func csv(_ header: [String], _ rows: [[String]]) {
        Console.line(CSV.row(header))
        for row in rows { Console.line(CSV.row(row)) }
    }

    /// The standings as a table, for `standings` and `replay`.
    static func standings(_ rows: [StandingRow], _ lang: Lang) -> Table {
        var table = Table([.rankNumber, .member, .name, .base, .bonus, .penalty, .total, .complete], lang, rightAligned: [0, 3, 4, 5, 6])
        for r in rows {
            table.add([String(r.rank), r.member, r.name, r.base.shown(lang), r.bonus.shown(lang), r.penalty.shown(lang), r.total.shown(lang),
                       lang.yesNo(r.complete)])
        }
        return table
    }

    /// Elections with their tallies and results as a table, for `elections` and `replay`.
    static func elections(_ rows: [ElectionRow], terms: [String: Int], _ lang: Lang, awardName: (String) -> String = Stored.awardName) -> Table {
        var table = Table([.election, .office, .term, .seats, .method, .ballots, .tally, .outcome, .elected], lang, rightAligned: [3, 5])
        for e in rows {
            let tally = e.candidates.map { "\($0) \(e.tally[$0] ?? 0)" }.joined(separator: ", ")
            let award = e.award.map { lang == .vi ? awardName($0) : $0 }
            table.add([e.id, Stored.office(e.office, lang) + (award.map { " (\($0))" } ?? ""), terms[e.id].map(String.init) ?? "", String(e.seats),
                       Stored.method(e.method, lang), String(e.ballots), tally, Stored.outcome(e.outcome, lang), e.elected.joined(separator: ", ")])
        }
        return table
    }

    static func table(_ heading: String, _ table: Table, _ lang: Lang) {
        Console.line(heading)
        Console.line(table.rows.isEmpty ? Phrase.none(lang) : table.render())
    }
}
