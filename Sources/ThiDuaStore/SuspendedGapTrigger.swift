import GRDB

/// The gap-free trigger, dropped for one pipelined batch inside that batch's own transaction.
///
/// It guards against other writers; none can write while the batch holds the write lock, and the
/// batch numbers its rows itself. Its per-row cost (a quarter of SQLite's work on an import) is
/// replaced by one check of the whole batch before the trigger is restored, in the same transaction.
struct SuspendedGapTrigger {
    static let name = "event_gap_free"
    let sql: String

    /// Drops the trigger; nil when the log has none to drop.
    static func suspend(_ db: Database) throws -> SuspendedGapTrigger? {
        guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                            arguments: [name]) else { return nil }
        try db.execute(sql: "DROP TRIGGER \(name)")
        return SuspendedGapTrigger(sql: sql)
    }

    /// Checks that the batch ended where it numbered its rows, then recreates the trigger as it was.
    func restore(after batch: DecidedBatch, _ db: Database) throws {
        let last = try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(position), 0) FROM event") ?? 0
        var gapFree = last == batch.report.head?.position ?? 0
        for (stream, year) in batch.touchedYears where gapFree {
            gapFree = try EventStore.lastVersion(of: stream.description, db) == year.version
        }
        guard gapFree else {
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "position and version must follow the last ones without gaps")
        }
        try db.execute(sql: sql)
    }
}
