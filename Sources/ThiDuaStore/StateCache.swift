import Foundation
import GRDB
import ThiDuaCore

/// Bloc and year states loaded from the log on first use and kept current through a batch.
struct StateCache {
    let db: Database
    var blocs: [String: BlocState] = [:]
    var years: [StreamID: YearState] = [:]

    init(db: Database) { self.db = db }

    mutating func bloc(_ code: String) throws -> BlocState {
        if let known = blocs[code] { return known }
        var state = BlocState(code: code)
        try StateCache.forEachRow(db: db, stream: code, upTo: .max) { recorded in
            if let event = DomainEvent(recorded: recorded) { state.evolve(event) }
        }
        blocs[code] = state
        return state
    }

    /// The year's state: kept from earlier in the batch, else its current snapshot, else a fold of the log.
    mutating func year(_ stream: StreamID, currentVersion: Int64) throws -> YearState {
        if let known = years[stream] { return known }
        let state = try YearSnapshot.load(stream, currentVersion: currentVersion, db) ?? Replay.fold(db, bloc: stream.bloc, year: stream.year ?? 0).state
        years[stream] = state
        return state
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
        let year = event.type.isBlocStream ? nil : try year(event.stream, currentVersion: currentVersion)
        return try Decider.decide(event, bloc: bloc, year: year)
    }

    mutating func evolve(_ event: DomainEvent, in stream: StreamID) {
        if stream.year == nil {
            blocs[stream.bloc]?.evolve(event)
        } else {
            let rules = blocs[stream.bloc]?.rules(forYear: stream.year!) ?? .defaults
            years[stream]?.evolve(event, rules: rules)
        }
    }
}
