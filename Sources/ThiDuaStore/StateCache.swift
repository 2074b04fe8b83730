import Foundation
import GRDB
import ThiDuaCore

/// Bloc and year states loaded from the log on first use and kept current through a batch.
///
/// The year being appended to sits in its own slot: a batch mostly appends to one year, and the
/// slot spares each event two dictionary lookups and a copy of the year's state.
struct StateCache {
    let db: Database
    var blocs: [String: BlocState] = [:]
    private var others: [StreamID: YearState] = [:]
    private var current: (stream: StreamID, state: YearState)?

    init(db: Database) { self.db = db }

    /// Every year state the batch has loaded or changed.
    var years: [StreamID: YearState] {
        var all = others
        if let current { all[current.stream] = current.state }
        return all
    }

    mutating func bloc(_ code: String) throws -> BlocState {
        if let known = blocs[code] { return known }
        var state = BlocState(code: code)
        try StateCache.forEachRow(db: db, stream: code, upTo: .max) { recorded in
            if let event = DomainEvent(recorded: recorded) { state.evolve(event) }
        }
        blocs[code] = state
        return state
    }

    /// Makes `stream` the current year: kept from earlier in the batch, else its current snapshot, else a fold of the log.
    private mutating func select(_ stream: StreamID, currentVersion: Int64) throws {
        if current?.stream == stream { return }
        if let previous = current { others[previous.stream] = previous.state }
        let state = try others.removeValue(forKey: stream)
            ?? YearSnapshot.load(stream, currentVersion: currentVersion, db)
            ?? Replay.fold(db, bloc: stream.bloc, year: stream.year ?? 0).state
        current = (stream, state)
    }

    /// Streams one stream's rows in version order.
    static func forEachRow(db: Database, stream: String, upTo position: Int64, _ body: (RecordedEvent) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT \(EventStore.columns) FROM event WHERE stream = ? AND position <= ? ORDER BY version"),
            arguments: [stream, position])
        while let row = try rows.next() { try body(EventStore.recordedEvent(row)) }
    }

    mutating func decide(_ event: ProposedEvent, currentVersion: Int64) throws -> DomainEvent {
        let bloc = try bloc(event.bloc)
        if event.type.isBlocStream { return try Decider.decide(event, bloc: bloc, year: nil) }
        try select(event.stream, currentVersion: currentVersion)
        return try Decider.decide(event, bloc: bloc, year: current!.state)
    }

    mutating func evolve(_ event: DomainEvent, in stream: StreamID) {
        guard let year = stream.year else {
            blocs[stream.bloc]?.evolve(event)
            return
        }
        let rules = blocs[stream.bloc]?.rules(forYear: year) ?? .defaults
        if current?.stream == stream {
            current!.state.evolve(event, rules: rules)
        } else {
            others[stream]?.evolve(event, rules: rules)
        }
    }
}
