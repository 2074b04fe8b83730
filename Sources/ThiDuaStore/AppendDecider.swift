import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

/// Decides each event of a batch against the state the earlier events leave, and builds its row.
///
/// It reads the log only through `db`: states, stream versions and ids recorded before the batch.
/// Run inline, `db` is the writer's own connection; pipelined, a reader holding the snapshot from
/// before the batch, with `askWriter` for ids this batch may already have written.
struct AppendDecider {
    let db: Database
    let start: BatchStart
    let newID: () -> String
    let askWriter: ((String) throws -> ExistingEvent?)?
    /// The last position decided.
    var head: Int64
    var versions: [String: Int64] = [:]
    var states: StateCache
    /// Year streams this batch appended to, with the position of their latest event.
    var touchedYears: [StreamID: Int64] = [:]
    var report = AppendReport()
    /// Hashes of the client ids this batch wrote (pipelined only: the reader cannot see them).
    var batchIDs = Set<Int>()

    init(db: Database, start: BatchStart, newID: @escaping () -> String, askWriter: ((String) throws -> ExistingEvent?)? = nil) {
        self.db = db
        self.start = start
        self.newID = newID
        self.askWriter = askWriter
        self.head = start.head.position
        self.states = StateCache(db: db)
    }

    /// A decider that goes on from what the earlier accepted batches of a group transaction decided.
    init(db: Database, start: BatchStart, newID: @escaping () -> String, continuing group: GroupDecisions) {
        self.init(db: db, start: start, newID: newID)
        if let states = group.states { self.states = states }
        self.versions = group.versions
    }

    /// The row to insert for `item`, or nil when its id is already recorded with the same content.
    mutating func decide(_ item: AppendItem) throws -> PendingRow? {
        let event: ProposedEvent
        switch item.event {
        case .success(var parsed):
            // An empty correlation is no correlation: the store writes NULL, never '' (EventLog/HASHING.md).
            if parsed.correlation?.isEmpty == true { parsed.correlation = nil }
            event = parsed
        case .failure(let error): throw StoreError.rejected(error.at(line: item.line))
        }
        do {
            return try decide(event, line: item.line)
        } catch let error as ThiDuaError {
            throw StoreError.rejected(error.at(line: item.line).of(type: event.type.rawValue))
        }
    }

    private mutating func decide(_ event: ProposedEvent, line: Int?) throws -> PendingRow? {
        let stream = event.stream.description
        let data = event.dataText
        if let id = event.id, let existing = try existing(id) {
            try existing.requireSameContent(as: event, data: data, id: id)
            record(AppendOutcome(line: line, position: existing.position, stream: existing.stream, version: existing.version,
                                 id: id, type: event.type, alreadyRecorded: true))
            return nil
        }
        let current = try version(of: stream)
        if let expected = event.expectedVersion, Int64(expected) != current {
            throw ThiDuaError(code: .conflict, field: "expectedVersion",
                              reason: "expected \(stream) at version \(expected), but it is at version \(current)",
                              hint: "someone appended since you read it; read the stream again and retry")
        }
        guard head < .max, current < .max else {
            throw ThiDuaError(code: .logAltered, reason: "the log's last position or \(stream)'s version is already 9223372036854775807; no event can follow it",
                              hint: "the log was altered: run thidua verify")
        }
        let decided = try states.decide(event, currentVersion: current, recordedAt: start.recordedAt)
        if case .scoreSubmitted(_, _, _, let evidence) = decided.payload, !evidence.isEmpty { try EventStore.requireKept(evidence, db) }
        let id = event.id ?? newID()
        var row = PendingRow(
            position: head + 1, stream: stream, version: current + 1, id: id, type: event.type.rawValue,
            actor: event.actor, occurredAt: event.occurredAt?.text ?? start.recordedAt.text, recordedAt: start.recordedAt.text,
            correlation: event.correlation, data: data, signature: event.signature.map(\.storedBytes))
        row.schema = event.schema
        states.evolve(decided, in: event.stream)
        if case .blocFounded(let name, _) = decided.payload { row.foundedBloc = (event.bloc, name) }
        if let id = event.id, askWriter != nil { batchIDs.insert(id.hashValue) }
        head = row.position
        versions[stream] = row.version
        if event.year != nil { touchedYears[event.stream] = row.position }
        record(AppendOutcome(line: line, position: row.position, stream: stream, version: row.version, id: id,
                             type: event.type, alreadyRecorded: false, decided: decided))
        return row
    }

    private mutating func record(_ outcome: AppendOutcome) {
        if outcome.alreadyRecorded { report.alreadyRecorded += 1 } else { report.appended += 1 }
        if report.outcomes.count < report.outcomeLimit { report.outcomes.append(outcome) }
    }

    /// The event already recorded under `id`: before the batch (through `db`) or earlier in it.
    private func existing(_ id: String) throws -> ExistingEvent? {
        if let askWriter, batchIDs.contains(id.hashValue) { return try askWriter(id) }
        return try ExistingEvent.fetch(id: id, db)
    }

    mutating func version(of stream: String) throws -> Int64 {
        if let known = versions[stream] { return known }
        let stored = try EventStore.lastVersion(of: stream, db)
        versions[stream] = stored
        return stored
    }

    /// What the writer needs once every event is decided, and what the caller reports.
    func finish() -> DecidedBatch {
        var report = report
        report.years = states.years
        var touched: [StreamID: (position: Int64, version: Int64, state: YearState)] = [:]
        for (stream, position) in touchedYears {
            guard let state = report.years[stream] else { continue }
            touched[stream] = (position, versions[stream.description] ?? 0, state)
        }
        return DecidedBatch(report: report, touchedYears: touched)
    }
}

/// Where a batch begins: the chain head before it and the one recordedAt its events share.
struct BatchStart: Sendable {
    let head: (position: Int64, hash: [UInt8])
    let recordedAt: Timestamp

    /// Reads the head inside the writer's transaction; recordedAt never runs behind the last event's.
    init(_ db: Database, clock: () -> Int64) throws {
        let last = try Row.fetchOne(db, sql: """
            SELECT position, IFNULL(CAST(hash AS BLOB), X''), CAST(recordedAt AS TEXT) FROM event ORDER BY position DESC LIMIT 1
            """)
        head = last.map { ($0[0], [UInt8]($0[1] as Data)) } ?? (0, EventHashing.genesis)
        var now = clock()
        if let previous = last?[2] as String?, let stamp = try? Timestamp(parsing: previous), stamp.microseconds > now {
            now = stamp.microseconds
        }
        recordedAt = Timestamp(utcMicroseconds: now)
    }

    private init(head: (position: Int64, hash: [UInt8]), recordedAt: Timestamp) {
        self.head = head
        self.recordedAt = recordedAt
    }

    /// The next batch of the same transaction: it starts at `head`, what the earlier batches left, and its
    /// recordedAt never runs behind theirs.
    func next(head: (position: Int64, hash: [UInt8]), clock: () -> Int64) -> BatchStart {
        BatchStart(head: head, recordedAt: Timestamp(utcMicroseconds: max(clock(), recordedAt.microseconds)))
    }
}

/// Every event of a batch decided: the report, and the years whose projections must be rewritten.
struct DecidedBatch: Sendable {
    /// The report; its head is the writer's to fill in.
    var report: AppendReport
    var touchedYears: [StreamID: (position: Int64, version: Int64, state: YearState)]
}
