import Foundation
import GRDB
import ThiDuaCore

/// The append-only event log in one SQLite file (§4). Owns the connection; nothing else touches SQLite.
package final class EventStore: Sendable {
    package let path: String
    let queue: DatabaseQueue
    let clock: @Sendable () -> Int64
    let newID: @Sendable () -> String
    /// Opens the file only through SQLite, never to look at it first (`readingConnection()`): the process holds the log
    /// open, and closing any other descriptor of the file would drop its locks.
    let throughSQLiteOnly: Bool

    /// How long a writer waits for another process's transaction before giving up.
    package static let busyTimeout: TimeInterval = 120

    /// Opens the log at `path` to write, bringing its schema up to date; creates it only when `create` is true.
    /// Refuses a file that is not a thidua log, without changing it.
    package convenience init(path: String, create: Bool,
                            clock: @escaping @Sendable () -> Int64 = EventStore.systemClock,
                            newID: (@Sendable () -> String)? = nil) throws(StoreError) {
        switch try LogFile.kind(path) {
        case .missing: if !create { throw StoreError.noLog(path: path) }
        case .empty: break
        case .sqlite(let wal):
            let existing = try LogFile.openForReading(path, wal: wal)
            try Self.translating {
                try existing.reportingFullDisk { try existing.read { db in try LogFile.requireThiduaTables(db, path: path, allowEmpty: true) } }
            }
        }
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        config.label = "thidua"
        config.prepareDatabase { db in
            // WAL is set here rather than through GRDB's `.wal`, which would lower synchronous to NORMAL.
            try db.reportingFullDisk {
                try Self.enableWAL(db)
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        }
        let queue = try Self.translating { try DatabaseQueue(path: path, configuration: config) }
        try Self.translating { try queue.reportingFullDisk { try Self.migrate(queue) } }
        self.init(path: path, queue: queue, clock: clock, newID: newID)
    }

    /// Opens an existing log only to read it (§14): never creates, migrates, converts or changes the file, works on
    /// read-only media, and refuses a file that is not a thidua log or whose schema an older thidua made.
    package convenience init(readingAt path: String) throws(StoreError) {
        let queue: DatabaseQueue
        switch try LogFile.kind(path) {
        case .missing: throw StoreError.noLog(path: path)
        case .empty: throw StoreError.notALog(path: path, reason: "it is empty (0 bytes)")
        case .sqlite(let wal): queue = try LogFile.openForReading(path, wal: wal)
        }
        try Self.translating {
            try queue.reportingFullDisk {
                try queue.read { db in
                    try LogFile.requireThiduaTables(db, path: path, allowEmpty: false)
                    if try !Schema.migrator.hasCompletedMigrations(db) { throw StoreError.needsUpgrade(path: path) }
                }
            }
        }
        self.init(path: path, queue: queue, clock: Self.systemClock, newID: nil)
    }

    init(path: String, queue: DatabaseQueue, clock: @escaping @Sendable () -> Int64,
                 newID: (@Sendable () -> String)?, throughSQLiteOnly: Bool = false) {
        self.path = path
        self.queue = queue
        self.throughSQLiteOnly = throughSQLiteOnly
        self.clock = clock
        let ids = EventIDs()
        self.newID = newID ?? { ids.uuid() }
    }

    /// Brings the schema up to date. GRDB reads the applied migrations outside a transaction, so two
    /// processes creating the same new log can both try a migration; the loser finds it applied on retry.
    static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = Schema.migrator
        for attempt in 1... {
            do {
                if try queue.read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                try migrator.migrate(queue)
                return
            } catch let error as DatabaseError where attempt < 10 && error.resultCode == .SQLITE_ERROR {
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            }
        }
    }

    /// Puts a log in WAL mode. Processes creating the same new log at once race to switch it, and SQLite
    /// answers the loser "database is locked" at once instead of waiting, so it asks again until the
    /// busy timeout.
    static func enableWAL(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
    }

    /// Microseconds since 1970 by the system clock.
    package static let systemClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// Runs GRDB work, turning its errors into `StoreError`.
    static func translating<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(error.message ?? "corrupt")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            throw StoreError.damaged("a hot rollback journal beside it holds another program's unfinished write, which only a writer "
                                     + "can undo; thidua, which writes in WAL mode, never leaves one")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_RECOVERY {
            throw StoreError.damaged("its -wal file holds writes that only a writer can recover here; a command that only reads "
                                     + "cannot read them")
        } catch let error as DatabaseError {
            throw StoreError.database(describe(error))
        } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            "the log stayed busy for more than \(Int(busyTimeout)) s; another process holds it, try again"
        case .SQLITE_FULL:
            "the disk is full; nothing was appended or changed. Free some space and run the command again"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            "cannot open the log for writing (\(error.message ?? "permission denied")); check the path and its permissions"
        case .SQLITE_CONSTRAINT:
            "SQLite refused the write (\(error.message ?? "constraint")); nothing was appended"
        default:
            error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
    }

    /// The head of the chain: last position and its hash; nil for an empty log.
    package func head() throws(StoreError) -> (position: Int64, hash: [UInt8])? {
        try Self.translating {
            try queue.read { db in
                // Cast: a hash stored as a number must read as bytes that do not match, not trap in the decoding.
                try Row.fetchOne(db, sql: "SELECT position, IFNULL(CAST(hash AS BLOB), X'') FROM event ORDER BY position DESC LIMIT 1").map {
                    (position: $0[0] as Int64, hash: [UInt8]($0[1] as Data))
                }
            }
        }
    }

    /// Codes of the blocs founded in this log.
    package func blocs() throws(StoreError) -> [String] {
        try Self.translating {
            try queue.read { db in
                try String.fetchAll(db, sql: "SELECT code FROM bloc_summary ORDER BY code")
            }
        }
    }

    /// The bloc a command means: the one given, else the only one in the log.
    package func resolveBloc(_ given: String?) throws(StoreError) -> String {
        let known = try blocs()
        if let given {
            guard known.contains(given) else {
                throw StoreError.noBloc("bloc \(given) is not in this log" + (known.isEmpty ? "" : "; it holds \(known.joined(separator: ", "))"))
            }
            return given
        }
        switch known.count {
        case 0: throw StoreError.noBloc("the log holds no bloc yet; run thidua init --bloc CODE --name \"…\"")
        case 1: return known[0]
        default: throw StoreError.noBloc("the log holds several blocs (\(known.joined(separator: ", "))); choose one with --bloc")
        }
    }

    /// The schema as SQLite holds it (compared with EventLog/schema.sql by the tests).
    package func schemaDump() throws(StoreError) -> String {
        try Self.translating { try queue.read { db in try Schema.dump(db) } }
    }
}
