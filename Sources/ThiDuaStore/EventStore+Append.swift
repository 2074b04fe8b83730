import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

/// How a batch is decided and written.
package enum AppendMode: Sendable, CaseIterable {
    /// On the calling thread, one event after another: for typed commands and short batches.
    case inline
    /// Decided on a second thread, from a reader holding the log as it was before the batch, while this
    /// thread writes the rows: for imports, where either half alone would keep one core busy.
    /// A log in memory is appended to inline.
    case pipelined
}

extension EventStore {
    /// Appends a batch in one `BEGIN IMMEDIATE` transaction: all or nothing (§4).
    ///
    /// Each event is decided against the state the earlier lines of the batch leave; the first refusal
    /// rolls the whole batch back and is thrown with its line number.
    /// `documents` are kept in the log's `evidence` table in the same transaction (`score submit --evidence-file`).
    package func append<Items: Sequence<AppendItem>>(_ items: Items, mode: AppendMode = .inline,
                                                    keeping documents: [EvidenceDocument] = []) throws(StoreError) -> AppendReport {
        try Self.translating {
            try queue.reportingFullDisk { try queue.writeWithoutTransaction { db in
                // A large batch keeps its pages in memory (up to 64 MiB) instead of spilling them to the WAL mid-transaction.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                var report = AppendReport()
                try db.inTransaction(.immediate) {
                    if let problem = try SchemaCheck.problems(db).first {
                        throw StoreError.database("the log's schema is not the one thidua creates (\(problem)); run thidua verify; nothing was appended")
                    }
                    for document in documents { _ = try Self.insert(document, db) }
                    let start = try BatchStart(db, clock: clock)
                    let batch: DecidedBatch
                    if mode == .pipelined, !isInMemory {
                        let trigger = try SuspendedGapTrigger.suspend(db)
                        batch = try appendPipelined(items, start: start, db)
                        try trigger?.restore(after: batch, db)
                    } else {
                        batch = try appendInline(items, start: start, db)
                    }
                    report = batch.report
                    return .commit
                }
                return report
            } }
        }
    }

    /// Appends events given directly (typed commands), which have no input lines.
    package func append(_ events: [ProposedEvent], keeping documents: [EvidenceDocument] = []) throws(StoreError) -> AppendReport {
        try append(events.map { AppendItem(line: nil, event: .success($0)) }, keeping: documents)
    }

    func appendInline<Items: Sequence<AppendItem>>(_ items: Items, start: BatchStart, _ db: Database,
                                                   keepingOutcomes: Int = AppendReport.keptOutcomes) throws -> DecidedBatch {
        var writer = try AppendWriter(db, start: start)
        var decider = AppendDecider(db: db, start: start, newID: newID)
        decider.report.outcomeLimit = keepingOutcomes
        for item in items {
            if let row = try decider.decide(item) { try writer.write(row) }
        }
        var batch = decider.finish()
        try writer.finish(&batch)
        return batch
    }

    /// One batch of a group transaction, in its savepoint: decided from the states the group's earlier accepted
    /// batches left in memory, its rows written, its years' projections and snapshots left to `GroupDecisions.write`.
    /// `group` takes the batch's decisions only once it is accepted; a refused batch leaves it as it was.
    func appendInGroup(_ items: [AppendItem], start: BatchStart, _ db: Database, group: inout GroupDecisions) throws -> AppendReport {
        var writer = try AppendWriter(db, start: start)
        writer.keepsWritten = true
        var decider = AppendDecider(db: db, start: start, newID: newID, continuing: group)
        decider.report.outcomeLimit = .max
        for item in items {
            if let row = try decider.decide(item) { try writer.write(row) }
        }
        var batch = decider.finish()
        try writer.finish(&batch, writingYears: false)
        group.accept(decider)
        batch.report.written = writer.written
        batch.report.writtenAfter = start.head.hash
        // The server describes no effects: holding the years here would make the next batch copy each it changes.
        batch.report.years = [:]
        return batch.report
    }

    /// A second thread decides the batch from its own read connection and hands rows over in chunks;
    /// this thread, inside the write transaction, writes them as they come.
    private func appendPipelined<Items: Sequence<AppendItem>>(_ items: Items, start: BatchStart, _ db: Database) throws -> DecidedBatch {
        var writer = try AppendWriter(db, start: start)
        let pipe = AppendPipe()
        let decided = DispatchSemaphore(value: 0)
        let decide = UncheckedSendable { [path, newID] in
            defer { decided.signal() }
            pipe.finish(Result {
                try DatabaseQueue(path: path, configuration: Self.readerConfiguration).read { reader in
                    var decider = AppendDecider(db: reader, start: start, newID: newID, askWriter: pipe.ask)
                    for item in items {
                        if let row = try decider.decide(item) { try pipe.send(row) }
                    }
                    return decider.finish()
                }
            })
        }
        let thread = Thread { decide.value() }
        thread.stackSize = 8 << 20
        thread.start()
        defer {
            pipe.stop()
            decided.wait()
        }
        while true {
            switch pipe.take() {
            case .rows(let rows):
                try writer.write(rows)
            case .lookup(let id):
                pipe.reply(Result { try ExistingEvent.fetch(id: id, db) })
            case .decided(var batch):
                try writer.finish(&batch)
                return batch
            case .failed(let error):
                throw error
            }
        }
    }

    /// An in-memory log cannot be opened a second time, so it is always appended to inline.
    var isInMemory: Bool { path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:") }

    /// The decider's connection: read-only, opened after the writer's BEGIN IMMEDIATE, so it sees the
    /// log exactly as it was before the batch.
    static var readerConfiguration: Configuration {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "thidua-decider"
        return config
    }
}

/// A value handed to another thread that only that thread uses.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
