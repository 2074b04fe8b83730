import Foundation
import GRDB
import GRDBSQLite
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// Recomputes the chain from the first row, checks gap-free positions and versions, the type of every
    /// stored value, SQLite's integrity, that the schema is exactly thidua's (tables, indexes, triggers;
    /// nothing added), and optionally a digest written down earlier.
    ///
    /// This connection reads the log once, for the chain and for the replay that the projections are compared with:
    /// the chain is checked on this thread while a second one re-decides and folds each row, and SQLite's integrity
    /// check runs on a third, on its own connection.
    /// `quick` runs `PRAGMA quick_check`, which skips comparing index contents with the table
    /// (about a quarter of integrity_check's time on a large log).
    package func verify(digest: (position: Int64, hash: [UInt8])? = nil, quick: Bool = false) throws(StoreError) -> VerifyReport {
        let integrity = IntegrityCheck(path: path, pragma: quick ? "quick_check" : "integrity_check", throughSQLiteOnly: throughSQLiteOnly)
        return try Self.translating {
            var report = try queue.read { db in
                var report = VerifyReport()
                report.schemaProblems = try SchemaCheck.problems(db)
                report.missingTriggers = try SchemaCheck.missingTriggers(db)
                do {
                    let folding = FoldThread()
                    let fold: LogFold
                    do {
                        try Self.checkChain(db, digest: digest, into: &report) { folding.pipe.send($0) }
                        folding.pipe.finish()
                    } catch {
                        // The fold of a log that cannot be read to its end is not wanted: it stops at its next chunk.
                        folding.pipe.cancel()
                        throw error
                    }
                    fold = folding.result()
                    report.ruleBreak = fold.firstBreak
                    report.evidenceBreak = try Self.evidenceProblem(db, cited: fold.citedEvidence)
                    report.citedDocuments = fold.citedEvidence.documents.count
                    report.projectionProblems = try Self.projectionProblems(db, expected: fold.years, outdated: &report.outdatedSnapshots)
                } catch let error as DatabaseError where !report.schemaProblems.isEmpty {
                    // A log whose schema is not thidua's may not even be readable as one; the schema is the finding.
                    report.schemaProblems.append("the log cannot be read as thidua's (\(error.message ?? "SQLite error"))")
                }
                return report
            }
            report.integrity = try integrity.result()
            return report
        }
    }

    /// Recomputes the chain row by row, reading columns straight from SQLite, and hands each row to the fold that the
    /// projections are compared with (`fold`, on another thread). The same pass checks each value's stored type
    /// (`storedTypeProblem`), from the type SQLite reports for it.
    static func checkChain(_ db: Database, digest: (position: Int64, hash: [UInt8])?, into report: inout VerifyReport,
                           fold: (FoldRow) -> Void) throws {
        let statement = try db.makeStatement(sql: """
            SELECT position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash, signature
            FROM event ORDER BY position
            """)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        var previous = EventHashing.genesis
        var expectedPosition: Int64 = 1
        var versions: [String: Int64] = [:]
        /// The previous row's stream and version; `versions` holds the others, so runs of one stream skip the dictionary.
        var last = (stream: "", version: Int64(0))
        var digestSeen = false
        var canonical = CanonicalRow()
        func fail(_ position: Int64, _ reason: String) {
            if report.firstBad == nil { report.firstBad = (position, reason) }
        }
        func column(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
            let text = sqlite3_column_text(s, index)
            return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(s, index)))
        }
        func string(_ index: Int32) -> String { String(decoding: column(index), as: UTF8.self) }
        func blob(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
            let bytes = sqlite3_column_blob(s, index)
            return UnsafeBufferPointer(start: bytes?.assumingMemoryBound(to: UInt8.self), count: Int(sqlite3_column_bytes(s, index)))
        }
        while true {
            let code = sqlite3_step(s)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let typeProblem = report.firstBad == nil ? Self.storedTypeProblem(s) : nil
            let position = sqlite3_column_int64(s, 0)
            let stream = string(1)
            let version = sqlite3_column_int64(s, 2)
            let stored = UnsafeRawBufferPointer(start: sqlite3_column_blob(s, 11), count: Int(sqlite3_column_bytes(s, 11)))
            report.rows += 1
            if report.firstBad == nil {
                if position != expectedPosition {
                    fail(expectedPosition, position > expectedPosition
                         ? "the row is missing (the next row is at \(position)); rows were deleted"
                         : "positions are out of order")
                }
                if let typeProblem { fail(position, typeProblem + "; the store never writes that, the row was altered") }
                let before = stream == last.stream ? last.version : versions[stream] ?? 0
                if version != before &+ 1 {
                    fail(position, "version \(string(2)) of \(stream) does not follow \(before)")
                }
                canonical.reset()
                canonical.append(position)
                for index: Int32 in 1...10 { canonical.append(UnsafeRawBufferPointer(column(index))) }
                if sqlite3_column_type(s, 12) != SQLITE_NULL { canonical.append(UnsafeRawBufferPointer(blob(12))) }
                let computed = canonical.bytes.withUnsafeBytes { bytes in
                    previous.withUnsafeBytes { EventHashing.chain(previous: $0, canonical: bytes) }
                }
                if !computed.withUnsafeBytes({ $0.elementsEqual(stored) }) {
                    fail(position, "the row does not match its hash; it was edited, or rows were reordered or removed before it")
                }
            }
            if stream != last.stream, !last.stream.isEmpty { versions[last.stream] = last.version }
            last = (stream, version)
            let signed = sqlite3_column_type(s, 12) == SQLITE_NULL ? nil
                : LogFold.Signed(signature: Array(blob(12)), id: string(3), occurredAt: string(7))
            fold(FoldRow(stream: stream, position: position, version: version, type: string(4), schema: sqlite3_column_int64(s, 5),
                         actor: string(6), occurredAt: Timestamp(stored: column(7)), recordedAt: Timestamp(stored: column(8)),
                         correlation: sqlite3_column_type(s, 9) == SQLITE_NULL ? nil : string(9), data: Array(column(10)), signed: signed))
            if let digest, digest.position == position {
                digestSeen = true
                report.digest = (position, stored.elementsEqual(digest.hash) && (report.firstBad.map { $0.position > position } ?? true))
            }
            previous = Array(stored)
            expectedPosition = position &+ 1
            report.head = (position, previous)
        }
        if let digest, !digestSeen {
            report.digest = (digest.position, false)
            fail(digest.position, "the log has no row at the digest's position \(digest.position); rows were deleted")
        }
    }
}

extension EventStore {
    /// The type the store gives each selected column's values, in `checkChain`'s column order; `correlation`
    /// (9) is NULL or non-empty text, never '' (the store writes NULL for no correlation). An INTEGER column
    /// turns integer-looking text back into an integer, but a BLOB keeps its type in any column, and with it
    /// the same bytes and so the same hash: only its type gives it away.
    static let storedTypes: [Int32] = [
        SQLITE_INTEGER, SQLITE_TEXT, SQLITE_INTEGER, SQLITE_TEXT, SQLITE_TEXT, SQLITE_INTEGER,
        SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_BLOB,
    ]
    static let columnNames = ["position", "stream", "version", "id", "type", "schema", "actor", "occurredAt", "recordedAt",
                              "correlation", "data", "hash", "signature"]

    /// What of the current row is not stored as the store writes it, or nil. Reads only each value's type
    /// (a few instructions per column), so it must run before any column is read as text or converted.
    static func storedTypeProblem(_ s: OpaquePointer) -> String? {
        let expected = storedTypes
        for index in expected.indices {
            let type = sqlite3_column_type(s, Int32(index))
            if type == expected[index] || (index == 9 || index == 12) && type == SQLITE_NULL { continue }
            return "column \(columnNames[index]) holds a \(typeName(type)) value where the store writes \(typeName(expected[index]))"
                + (index == 9 || index == 12 ? " or NULL" : "")
        }
        if sqlite3_column_type(s, 9) == SQLITE_TEXT, sqlite3_column_bytes(s, 9) == 0 {
            return "column correlation holds the empty text where the store writes NULL"
        }
        if sqlite3_column_bytes(s, 11) != 32 {
            return "column hash holds \(sqlite3_column_bytes(s, 11)) bytes where the store writes 32"
        }
        if sqlite3_column_type(s, 12) == SQLITE_BLOB, sqlite3_column_bytes(s, 12) != 96 {
            return "column signature holds \(sqlite3_column_bytes(s, 12)) bytes where the store writes 96"
        }
        return nil
    }

    static func typeName(_ type: Int32) -> String {
        switch type {
        case SQLITE_INTEGER: "integer"
        case SQLITE_FLOAT: "real"
        case SQLITE_TEXT: "text"
        case SQLITE_BLOB: "blob"
        default: "null"
        }
    }
}

/// `PRAGMA integrity_check` on its own connection and thread.
final class IntegrityCheck: @unchecked Sendable {
    private var outcome: Result<[String], any Error> = .success([])
    private let done = DispatchSemaphore(value: 0)

    init(path: String, pragma: String, throughSQLiteOnly: Bool) {
        Thread.detachNewThread { [self] in
            outcome = Result {
                try (throughSQLiteOnly ? EventStore.readingQueue(path) : LogFile.openForReading(path)).read { db in
                    try String.fetchAll(db, sql: "PRAGMA \(pragma)")
                }
            }
            done.signal()
        }
    }

    func result() throws -> [String] {
        done.wait()
        return try outcome.get()
    }
}
