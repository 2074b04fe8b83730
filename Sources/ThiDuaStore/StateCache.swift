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
        try StateCache.fold(db: db, stream: code) { state.evolve($0) }
        blocs[code] = state
        return state
    }

    /// The year's state: kept from earlier in the batch, else its current snapshot, else a fold of the log.
    mutating func year(_ stream: StreamID, currentVersion: Int64) throws -> YearState {
        if let known = years[stream] { return known }
        let state = try YearSnapshot.load(stream, currentVersion: currentVersion, db) ?? StateCache.foldYear(db: db, stream: stream)
        years[stream] = state
        return state
    }

    /// A year's state from the log alone, with the rules in force at each event.
    static func foldYear(db: Database, stream: StreamID, upTo position: Int64 = .max,
                         admit: (RecordedEvent) -> Bool = { _ in true }) throws -> YearState {
        var blocEvents: [(position: Int64, event: DomainEvent)] = []
        try forEachRow(db: db, stream: stream.bloc, upTo: position) { recorded in
            if admit(recorded), let event = DomainEvent(recorded: recorded) { blocEvents.append((recorded.position, event)) }
        }
        var fold = YearFold(bloc: stream.bloc, year: stream.year ?? 0, blocEvents: blocEvents)
        try forEachRow(db: db, stream: stream.description, upTo: position) { recorded in
            if admit(recorded), let event = DomainEvent(recorded: recorded) { fold.apply(event, at: recorded.position) }
        }
        return fold.state
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

    /// Folds one stream's events in version order through a cursor.
    static func fold(db: Database, stream: String, upTo position: Int64 = .max, _ body: (DomainEvent) -> Void) throws {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT type, actor, data FROM event WHERE stream = ? AND position <= ? ORDER BY version"),
            arguments: [stream, position])
        while let row = try rows.next() {
            if let event = DomainEvent(type: row[0], actor: row[1], data: row[2]) {
                body(event)
            }
        }
    }
}
