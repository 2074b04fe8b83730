import GRDB
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// Group commit (§12): appends several batches in one `BEGIN IMMEDIATE` transaction, each in a savepoint of
    /// its own, and commits once. A batch that is refused is rolled back to its savepoint and leaves the others;
    /// each later batch is decided against the log the earlier accepted ones leave. Answers one result per batch,
    /// in order, only after the commit; an SQLite failure (disk full, the commit itself) throws for all of them.
    /// The years' projections and snapshots are written once per transaction, as the group's last accepted batch
    /// leaves them: the same rows as appending the accepted batches one after another. The chain head is read once and
    /// then carried from batch to batch (a refused batch's savepoint rollback leaves it where it was); the write lock,
    /// held from `BEGIN IMMEDIATE` to the commit, keeps every other process out meanwhile. `schemaMemo` spares the
    /// schema check while the log's `schema_version` stays the one last checked.
    package func appendGroup(_ batches: [[AppendItem]], schemaMemo: SchemaMemo = SchemaMemo()) throws(StoreError) -> [Result<AppendReport, StoreError>] {
        try Self.translating {
            try queue.reportingFullDisk { try queue.writeWithoutTransaction { db in
                var results: [Result<AppendReport, StoreError>] = []
                results.reserveCapacity(batches.count)
                try db.inTransaction(.immediate) {
                    if let problem = try schemaMemo.problems(db).first {
                        throw StoreError.database("the log's schema is not the one thidua creates (\(problem)); run thidua verify; nothing was appended")
                    }
                    var group = GroupDecisions()
                    // The head is read once per transaction; each batch goes on from where the accepted ones left it.
                    var start = try BatchStart(db, clock: clock)
                    for items in batches {
                        var report = AppendReport()
                        var decided = group
                        do {
                            try db.inSavepoint {
                                report = try appendInGroup(items, start: start, db, group: &decided)
                                return .commit
                            }
                            group = decided
                            results.append(.success(report))
                            start = start.next(head: report.head ?? start.head, clock: clock)
                        } catch let refusal as StoreError {
                            results.append(.failure(refusal))
                            start = start.next(head: start.head, clock: clock)
                        }
                    }
                    try group.write(db)
                    return .commit
                }
                return results
            } }
        }
    }

    /// The last position in the log, 0 when it is empty: cheap enough to poll (§12 follow).
    package func lastPosition() throws(StoreError) -> Int64 {
        try Self.translating {
            try queue.read { db in try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(position), 0) FROM event") ?? 0 }
        }
    }
}

extension EventStore {
    /// A second connection to this log, only to read (the server's readers beside its writer).
    ///
    /// Unlike `init(readingAt:)`, it never opens the file outside SQLite to look at it: closing such a descriptor drops
    /// every POSIX lock this process holds on the file, and another process closing the log would then take itself for
    /// the last one and delete the WAL under this one's feet, forking the log.
    package func readingConnection() throws(StoreError) -> EventStore {
        let reader = try Self.translating { try Self.readingQueue(path) }
        return EventStore(path: path, queue: reader, clock: clock, newID: newID, throughSQLiteOnly: true)
    }

    /// A read-only connection opened by SQLite alone.
    static func readingQueue(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "thidua-reader"
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config)
    }
}
