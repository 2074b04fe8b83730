import GRDB
import ThiDuaCore
import ThiDuaLog

/// Which events a replay folds (§7): they combine.
package struct ReplayBounds: Sendable, Equatable {
    /// Valid time: events that occurred at or before this instant.
    package var asOf: Timestamp?
    /// System time: events the log had recorded at or before this instant.
    package var knownAt: Timestamp?
    /// Events up to this position.
    package var at: Int64?

    package init(asOf: Timestamp? = nil, knownAt: Timestamp? = nil, at: Int64? = nil) {
        self.asOf = asOf
        self.knownAt = knownAt
        self.at = at
    }

    func admits(_ event: RecordedEvent) -> Bool { admits(occurredAt: event.occurredAt, recordedAt: event.recordedAt) }

    func admits(occurredAt: String, recordedAt: String) -> Bool {
        if let asOf {
            guard let occurred = try? Timestamp(parsing: occurredAt), occurred <= asOf else { return false }
        }
        if let knownAt {
            guard let recorded = try? Timestamp(parsing: recordedAt), recorded <= knownAt else { return false }
        }
        return true
    }
}

/// A year's state rebuilt from the log alone.
package struct Replay: Sendable {
    package var state: YearState
    /// Position of the latest year event folded (0 when none).
    package var position: Int64
    /// Rows read from the log: the bloc's events and this year's, never other years'.
    package var rowsRead: Int
    /// The year's folded events with their positions, in log order.
    package var events: [(position: Int64, recorded: RecordedEvent)]
    /// The same events decoded, one for one (with `keepEvents`), so a reader need not parse their data again.
    package var decodedEvents: [DomainEvent] = []
    /// The bloc as the admitted bloc events leave it: the rules and award kinds to show the year with.
    package var bloc = BlocState(code: "")

    package var document: StateDocument { StateDocument(state) }
}

extension EventStore {
    /// Folds one year from the log alone — never the projections — within the bounds.
    package func replay(bloc: String, year: Int, bounds: ReplayBounds = ReplayBounds(), keepEvents: Bool = false) throws(StoreError) -> Replay {
        try Self.translating {
            try queue.read { db in try Replay.fold(db, bloc: bloc, year: year, bounds: bounds, keepEvents: keepEvents) }
        }
    }

    /// The query plan of the replay's read, for tests that it searches one stream by index.
    func replayQueryPlan() throws(StoreError) -> [String] {
        try Self.translating {
            try queue.read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + Replay.yearRows, arguments: ["X/2017", Int64.max])
                    .map { $0["detail"] as String }
            }
        }
    }
}

extension Replay {
    /// The columns a fold needs of one year's rows, in version order.
    static let yearRows = """
        SELECT position, IFNULL(CAST(type AS TEXT), ''), IFNULL(CAST(actor AS TEXT), ''),
               IFNULL(CAST(occurredAt AS TEXT), ''), IFNULL(CAST(recordedAt AS TEXT), ''), IFNULL(CAST(data AS TEXT), ''), IFNULL(CAST(schema AS INTEGER), 0)
        FROM event WHERE stream = ? AND position <= ? ORDER BY version
        """

    /// Reads the bloc's rows and the year's and folds them with the one fold, in position order.
    ///
    /// A rule adopted after an election closed must not change that election's result on replay, so
    /// the bloc's events are interleaved with the year's by position rather than applied up front.
    /// Replay folds without deciding: `asOf` admits events by when they occurred, which need not be a
    /// prefix of the log; `verify` is what re-decides every event. A row that does not decode is refused.
    static func fold(_ db: Database, bloc: String, year: Int, bounds: ReplayBounds = ReplayBounds(),
                     keepEvents: Bool = false) throws -> Replay {
        let stream = StreamID(bloc: bloc, year: year)
        var replay = Replay(state: YearState(bloc: bloc, year: year), position: 0, rowsRead: 0, events: [])
        var blocEvents: [(position: Int64, event: DomainEvent)] = []
        let limit = bounds.at ?? .max
        try StreamRows.forEach(db, stream: bloc, upTo: limit) { recorded in
            replay.rowsRead += 1
            if bounds.admits(recorded) { blocEvents.append((recorded.position, try decoded(recorded, at: recorded.position))) }
        }
        var fold = Interleaved(year: stream, blocEvents: blocEvents)
        if keepEvents {
            try StreamRows.forEach(db, stream: stream.description, upTo: limit) { recorded in
                replay.rowsRead += 1
                guard bounds.admits(recorded) else { return }
                let event = try decoded(recorded, at: recorded.position)
                fold.evolve(event, at: recorded.position)
                replay.position = recorded.position
                replay.events.append((recorded.position, recorded))
                replay.decodedEvents.append(event)
            }
        } else {
            let rows = try Row.fetchCursor(db.cachedStatement(sql: yearRows), arguments: [stream.description, limit])
            let bounded = bounds.asOf != nil || bounds.knownAt != nil
            while let row = try rows.next() {
                replay.rowsRead += 1
                if bounded, !bounds.admits(occurredAt: row[3], recordedAt: row[4]) { continue }
                let position: Int64 = row[0]
                var event = try decoded(row[1], row[2], row[5], schema: Int(truncatingIfNeeded: row[6] as Int64), at: position)
                if YearTimes.kept(for: event.payload) { event.occurredAt = Timestamp(stored: row[3] as String) }
                fold.evolve(event, at: position)
                replay.position = position
            }
        }
        replay.state = fold.ledger.year(stream)
        replay.bloc = BlocState(code: bloc)
        for (_, event) in blocEvents { replay.bloc.evolve(event) }
        return replay
    }

    /// A row decoded with when it occurred where the states keep that time for the time rule (nil where the stored time
    /// does not parse). A fold does not decide, so no other time is read.
    static func decoded(_ recorded: RecordedEvent, at position: Int64) throws -> DomainEvent {
        var event = try decoded(recorded.type, recorded.actor, recorded.data, schema: recorded.schema, at: position)
        if YearTimes.kept(for: event.payload) { event.occurredAt = Timestamp(stored: recorded.occurredAt) }
        return event
    }

    /// A row decoded as untrusted input. A row that no longer decodes is refused as an altered log (exit 2), never
    /// skipped: a replay that left it out would show a state the log does not hold as if it were the truth.
    static func decoded(_ type: String, _ actor: String, _ data: String, schema: Int, at position: Int64) throws -> DomainEvent {
        var data = data
        return try data.withUTF8 { bytes in
            do throws(ThiDuaError) {
                return try DomainEvent(logged: type, schema: schema, actor: actor, data: bytes)
            } catch {
                throw StoreError.altered(position: position, rule: error)
            }
        }
    }

    /// A year's events and its bloc's, merged by position into one ledger.
    struct Interleaved {
        let year: StreamID
        let blocStream: StreamID
        let blocEvents: [(position: Int64, event: DomainEvent)]
        var next = 0
        var ledger = Ledger.initial

        init(year: StreamID, blocEvents: [(position: Int64, event: DomainEvent)]) {
            self.year = year
            self.blocStream = StreamID(bloc: year.bloc, year: nil)
            self.blocEvents = blocEvents
        }

        /// Folds the bloc events logged before `position`, then the year event logged there.
        mutating func evolve(_ event: DomainEvent, at position: Int64) {
            while next < blocEvents.count, blocEvents[next].position < position {
                ledger.evolve(blocEvents[next].event, in: blocStream)
                next += 1
            }
            ledger.evolve(event, in: year)
        }
    }
}
