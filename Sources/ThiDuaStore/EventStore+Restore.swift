import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

/// What a restore wrote.
package struct RestoreReport: Sendable {
    package var events: Int64
    package var head: (position: Int64, hash: [UInt8])
}

extension EventStore {
    /// Rebuilds the log a verbatim export holds into `path`, which must be missing, 0 bytes, or a thidua log without
    /// events: the same rows (positions, recordedAt, signatures, hashes), so the same digest, and projections and
    /// snapshots built as `rebuild` builds them. Every line is checked as `verify --export` checks it while it is read,
    /// in the one transaction that writes it: on any refusal (a `VerbatimRefusal` for the file, a `StoreError` for the
    /// target) nothing is written, and a file the restore created is removed.
    /// `stopped` is asked between lines: once it answers true, the restore ends as if refused (nothing written).
    package static func restore(from input: String, into path: String, stopped: () -> Bool = { false }) throws -> RestoreReport {
        let before = try LogFile.kind(path)
        if case .sqlite(let wal) = before { try requireNoEvents(path, wal: wal) }
        let lines = try VerbatimReader(path: input)
        guard case .sqlite = before else { return try restoreIntoNewFile(from: lines, at: path, replacingEmpty: before.isZeroBytes, stopped: stopped) }
        return try EventStore(path: path, create: true).restoreRows(from: lines, stopped: stopped)
    }

    /// A missing or 0-byte target: the log is built in a file of its own beside it, without a journal (nothing in it
    /// is kept unless the whole restore succeeds), made durable, switched to WAL like every log, and only then
    /// renamed onto the target; on any failure that file is removed and the target left as it was.
    private static func restoreIntoNewFile(from lines: VerbatimReader, at path: String, replacingEmpty: Bool,
                                           stopped: () -> Bool) throws -> RestoreReport {
        let building = path + ".restoring-\(getpid())"
        let descriptor = open(building, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw StoreError.database("cannot create \(building): \(String(cString: strerror(errno)))") }
        close(descriptor)
        var refusal: VerbatimRefusal?
        do {
            let report = try translating { () throws -> RestoreReport in
                var config = Configuration()
                config.label = "thidua-restore"
                config.prepareDatabase { db in
                    try db.execute(sql: "PRAGMA journal_mode = OFF")
                    try db.execute(sql: "PRAGMA synchronous = OFF")
                }
                let queue = try DatabaseQueue(path: building, configuration: config)
                try migrate(queue)
                let report: RestoreReport
                do {
                    report = try restoreRows(from: lines, queue: queue, path: path, stopped: stopped)
                } catch let error as VerbatimRefusal {
                    refusal = error
                    throw error
                }
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try queue.close()
                return report
            }
            let file = open(building, O_RDONLY)
            guard file >= 0, fsync(file) == 0, close(file) == 0 else {
                throw StoreError.database("cannot write the restored log to disk: \(String(cString: strerror(errno)))")
            }
            if replacingEmpty {
                guard rename(building, path) == 0 else {
                    throw StoreError.database("cannot move the restored log into \(path): \(String(cString: strerror(errno)))")
                }
            } else {
                try name(building, as: path)
            }
            let directory = open((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, O_RDONLY)
            if directory >= 0 { _ = fsync(directory); close(directory) }
            return report
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(building + suffix) }
            throw refusal ?? error
        }
    }

    private static func requireNoEvents(_ path: String, wal: Bool) throws {
        let reader = try LogFile.openForReading(path, wal: wal)
        let events = try translating {
            try reader.read { db in
                try LogFile.requireThiduaTables(db, path: path, allowEmpty: true)
                return try db.tableExists("event") ? Int64.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0 : 0
            }
        }
        guard events == 0 else { throw notEmpty(path, events: events) }
    }

    private static func notEmpty(_ path: String, events: Int64) -> StoreError {
        .rejected(ThiDuaError(code: .restoreTargetNotEmpty,
                              reason: "\(path) already holds \(events) event(s); restore writes only into a missing file or an empty log",
                              hint: "pass --db with a new file; nothing was written"))
    }

    private func restoreRows(from lines: VerbatimReader, stopped: () -> Bool) throws -> RestoreReport {
        try Self.restoreRows(from: lines, queue: queue, path: path, stopped: stopped)
    }

    private static func restoreRows(from lines: VerbatimReader, queue: DatabaseQueue, path: String,
                                    stopped: () -> Bool) throws -> RestoreReport {
        var refusal: VerbatimRefusal?
        do {
            return try queue.reportingFullDisk {
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA cache_size = -65536")
                    var report = RestoreReport(events: 0, head: (0, EventHashing.genesis))
                    try db.inTransaction(.immediate) {
                        if let problem = try SchemaCheck.problems(db).first {
                            throw StoreError.database("the log's schema is not the one thidua creates (\(problem)); nothing was written")
                        }
                        if let events = try Int64.fetchOne(db, sql: "SELECT count(*) FROM event"), events > 0 {
                            throw Self.notEmpty(path, events: events)
                        }
                        let trigger = try SuspendedGapTrigger.suspend(db)
                        let single = try RestoreInsert(db, rows: 1)
                        let group = try RestoreInsert(db, rows: AppendWriter.groupSize)
                        var check = VerbatimCheck()
                        var pending: [Verbatim.Row] = []
                        pending.reserveCapacity(AppendWriter.groupSize)
                        func write(_ row: Verbatim.Row) throws {
                            pending.append(row)
                            if pending.count == AppendWriter.groupSize {
                                try group.execute(db, pending[...])
                                pending.removeAll(keepingCapacity: true)
                            }
                        }
                        do {
                            try lines.forEach { parsed in
                                if stopped() { throw StoreError.database("the restore was stopped; nothing was written") }
                                switch try check.accept(parsed) {
                                case .event(let row)?: try write(row)
                                case .document(let document)?: _ = try Self.insert(document, db)
                                case nil: break
                                }
                            }
                            try check.finish()
                        } catch let error as VerbatimRefusal {
                            refusal = error
                            throw error
                        }
                        for row in pending { try single.execute(db, [row][...]) }
                        try db.execute(sql: Self.blocSummaryFromLog)
                        for (projection, state) in check.fold.years {
                            try projection.write(db)
                            try YearSnapshot.write(state, version: projection.version, db)
                        }
                        if let trigger { try db.execute(sql: trigger.sql) }
                        let last = try Row.fetchOne(db, sql: "SELECT IFNULL(MAX(position), 0), count(*) FROM event")
                        guard let last, last[0] as Int64 == check.head.position, last[1] as Int64 == check.events else {
                            throw StoreError.database("the log does not hold the rows as written; something in the file that thidua did not "
                                                      + "create changed the insert; nothing was written")
                        }
                        report = RestoreReport(events: check.events, head: check.head)
                        return .commit
                    }
                    return report
                }
            }
        } catch {
            if let refusal { throw refusal }
            let _: Void = try Self.translating { throw error }
            throw error
        }
    }
}

private extension LogFile.Kind {
    var isZeroBytes: Bool {
        if case .empty = self { return true }
        return false
    }
}
