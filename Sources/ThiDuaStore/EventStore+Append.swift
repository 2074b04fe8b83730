import Foundation
import GRDB
import ThiDuaCore

extension EventStore {
    /// Appends a batch in one `BEGIN IMMEDIATE` transaction: all or nothing (§4).
    ///
    /// Each event is decided against the state the earlier lines of the batch leave; the first refusal
    /// rolls the whole batch back and is thrown with its line number.
    public func append<Items: Sequence<AppendItem>>(_ items: Items) throws(StoreError) -> AppendReport {
        try Self.translating {
            try queue.writeWithoutTransaction { db in
                // A large batch keeps its pages in memory (up to 64 MiB) instead of spilling them to the WAL mid-transaction.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                var report = AppendReport()
                try db.inTransaction(.immediate) {
                    var batch = try AppendBatch(db: db, store: self)
                    for item in items {
                        if let outcome = try batch.append(item) {
                            if outcome.alreadyRecorded { report.alreadyRecorded += 1 } else { report.appended += 1 }
                            if report.outcomes.count < AppendReport.keptOutcomes { report.outcomes.append(outcome) }
                        }
                    }
                    try batch.writeProjections()
                    report.years = batch.states.years
                    report.head = batch.head.position > 0 ? (batch.head.position, batch.head.hash) : nil
                    return .commit
                }
                return report
            }
        }
    }

    /// Appends events given directly (typed commands), which have no input lines.
    public func append(_ events: [ProposedEvent]) throws(StoreError) -> AppendReport {
        try append(events.map { AppendItem(line: nil, event: .success($0)) })
    }
}

/// The state of one append transaction: the chain head, stream versions and decided states.
struct AppendBatch {
    let db: Database
    let recordedAt: Timestamp
    let newID: () -> String
    var head: (position: Int64, hash: [UInt8])
    var versions: [String: Int64] = [:]
    var states: StateCache
    /// Year streams this batch appended to, with the position of their latest event.
    var touchedYears: [StreamID: Int64] = [:]
    let insert: EventInsert

    init(db: Database, store: EventStore) throws {
        self.db = db
        self.newID = store.newID
        self.states = StateCache(db: db)
        self.insert = try EventInsert(db)
        let last = try Row.fetchOne(db, sql: "SELECT position, hash, recordedAt FROM event ORDER BY position DESC LIMIT 1")
        head = last.map { ($0[0], [UInt8]($0[1] as Data)) } ?? (0, EventHashing.genesis)
        var now = store.clock()
        if let previous = last?[2] as String?, let stamp = try? Timestamp(parsing: previous), stamp.microseconds > now {
            now = stamp.microseconds
        }
        recordedAt = Timestamp(utcMicroseconds: now)
    }

    mutating func append(_ item: AppendItem) throws -> AppendOutcome? {
        let event: ProposedEvent
        switch item.event {
        case .success(let parsed): event = parsed
        case .failure(let error): throw StoreError.rejected(error.at(line: item.line))
        }
        do {
            return try decideAndInsert(event, line: item.line)
        } catch let error as ThiDuaError {
            throw StoreError.rejected(error.at(line: item.line).of(type: event.type.rawValue))
        }
    }

    mutating func decideAndInsert(_ event: ProposedEvent, line: Int?) throws -> AppendOutcome {
        let stream = event.stream.description
        let data = event.dataText
        if let id = event.id, let existing = try existingOutcome(of: event, data: data, id: id, line: line) {
            return existing
        }
        let current = try version(of: stream)
        if let expected = event.expectedVersion, Int64(expected) != current {
            throw ThiDuaError(code: "conflict", field: "expectedVersion",
                              reason: "expected \(stream) at version \(expected), but it is at version \(current)",
                              hint: "someone appended since you read it; read the stream again and retry")
        }
        let decided = try states.decide(event, currentVersion: current)
        let position = head.position + 1
        let version = current + 1
        let id = event.id ?? newID()
        let occurredAt = event.occurredAt?.text ?? recordedAt.text
        let canonical = EventHashing.canonicalBytes(
            position: position, stream: stream, version: version, id: id, type: event.type.rawValue,
            schema: EventType.currentSchema, actor: event.actor, occurredAt: occurredAt, recordedAt: recordedAt.text,
            correlation: event.correlation, data: data)
        let hash = EventHashing.chain(previous: head.hash, canonical: canonical)
        try insert.execute(db, position: position, stream: stream, version: version, id: id, type: event.type.rawValue,
                           schema: EventType.currentSchema, actor: event.actor, occurredAt: occurredAt, recordedAt: recordedAt.text,
                           correlation: event.correlation, data: data, hash: hash)
        states.evolve(decided, in: event.stream)
        if case .blocFounded(let name, _) = decided.payload {
            try YearSnapshot.writeBloc(code: event.bloc, name: name, position: position, db)
        }
        head = (position, hash)
        versions[stream] = version
        if event.year != nil { touchedYears[event.stream] = position }
        return AppendOutcome(line: line, position: position, stream: stream, version: version, id: id,
                             type: event.type, alreadyRecorded: false)
    }

    /// Rewrites the projections of every year the batch touched, inside the same transaction.
    func writeProjections() throws {
        for (stream, position) in touchedYears {
            guard let state = states.years[stream] else { continue }
            let version = versions[stream.description] ?? 0
            try YearProjection(state: state, position: position, version: version).write(db)
            try YearSnapshot.write(state, version: version, db)
        }
    }

    mutating func version(of stream: String) throws -> Int64 {
        if let known = versions[stream] { return known }
        let stored = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(version) FROM event WHERE stream = ?"),
                                        arguments: [stream]) ?? 0
        versions[stream] = stored
        return stored
    }

    /// Idempotency (§4): the same id with identical content is a no-op; with other content, a refusal.
    func existingOutcome(of event: ProposedEvent, data: String, id: String, line: Int?) throws -> AppendOutcome? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT position, stream, version, type, actor, occurredAt, correlation, data FROM event WHERE id = ?"),
            arguments: [id])
        guard let row else { return nil }
        let same = row["stream"] == event.stream.description && row["type"] == event.type.rawValue
            && row["actor"] == event.actor && row["data"] == data
            && (row["correlation"] as String?) == event.correlation
            && (event.occurredAt == nil || row["occurredAt"] == event.occurredAt!.text)
        guard same else {
            throw ThiDuaError(code: "id-reused", field: "id",
                              reason: "id \(id) is already recorded at position \(row["position"] as Int64) with other content",
                              hint: "use a new id for a new event, or leave id out")
        }
        return AppendOutcome(line: line, position: row["position"], stream: row["stream"], version: row["version"],
                             id: id, type: event.type, alreadyRecorded: true)
    }
}
