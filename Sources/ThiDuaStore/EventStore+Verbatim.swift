import Foundation
import GRDB
import GRDBSQLite
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// Every row as stored, in position order, each with the stored hash of the row before it; the number of rows
    /// and the head. A row holding a value of a type the store never writes is refused (exit 2): its bytes alone
    /// could not say what the log holds.
    package func forEachStoredRow(_ body: (Verbatim.Row) -> Void) throws(StoreError) -> (events: Int64, head: (position: Int64, hash: [UInt8])) {
        try Self.translating {
            try queue.read { db in
                let statement = try db.makeStatement(sql: """
                    SELECT position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash, signature
                    FROM event ORDER BY position
                    """)
                let s = statement.sqliteStatement
                defer { sqlite3_reset(s) }
                func string(_ index: Int32) -> String {
                    String(decoding: UnsafeBufferPointer(start: sqlite3_column_text(s, index), count: Int(sqlite3_column_bytes(s, index))),
                           as: UTF8.self)
                }
                func blob(_ index: Int32) -> [UInt8] {
                    let bytes = sqlite3_column_blob(s, index)?.assumingMemoryBound(to: UInt8.self)
                    return Array(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(s, index))))
                }
                var previous = EventHashing.genesis
                var events: Int64 = 0
                var head: (position: Int64, hash: [UInt8]) = (0, EventHashing.genesis)
                while true {
                    let code = sqlite3_step(s)
                    if code == SQLITE_DONE { break }
                    guard code == SQLITE_ROW else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                    }
                    if let problem = Self.storedTypeProblem(s) {
                        throw StoreError.altered(position: sqlite3_column_int64(s, 0),
                                                 rule: ThiDuaError(code: .logAltered, reason: problem + "; the store never writes that"))
                    }
                    let row = Verbatim.Row(
                        position: sqlite3_column_int64(s, 0), stream: string(1), version: sqlite3_column_int64(s, 2), id: string(3),
                        type: string(4), schema: sqlite3_column_int64(s, 5), actor: string(6), occurredAt: string(7),
                        recordedAt: string(8), correlation: sqlite3_column_type(s, 9) == SQLITE_NULL ? nil : string(9),
                        data: string(10), prevHash: previous, hash: blob(11),
                        signature: sqlite3_column_type(s, 12) == SQLITE_NULL ? nil : blob(12))
                    body(row)
                    previous = row.hash
                    events += 1
                    head = (row.position, row.hash)
                }
                return (events, head)
            }
        }
    }

    /// Every kept evidence document, in ascending sha256 order, one at a time (memory holds one document); the number
    /// of documents. A document whose content no longer hashes to its name is refused (exit 2): a verbatim copy
    /// must not carry it as if it were intact.
    package func forEachKeptDocument(_ body: (EvidenceDocument) -> Void) throws(StoreError) -> Int64 {
        try Self.translating {
            try queue.read { db in
                guard try db.tableExists("evidence") else { return 0 }
                let names = try String.fetchAll(db, sql: "SELECT sha256 FROM evidence ORDER BY sha256")
                let mediaTypes = try db.makeStatement(sql: "SELECT mediaType FROM evidence WHERE sha256 = ?")
                var count: Int64 = 0
                for sha256 in names {
                    let content = try Self.content(sha256: sha256, db) ?? []
                    let mediaType = try String.fetchOne(mediaTypes, arguments: [sha256])
                    let document = EvidenceDocument(content: content, mediaType: mediaType)
                    guard document.sha256 == sha256 else {
                        throw StoreError.documentAltered(sha256: sha256)
                    }
                    body(document)
                    count += 1
                }
                return count
            }
        }
    }

    /// The stored hash of the row at `position`; nil when the log has no such row.
    package func hash(at position: Int64) throws(StoreError) -> [UInt8]? {
        try Self.translating {
            try queue.read { db in
                try (Data.fetchOne(db, sql: "SELECT IFNULL(CAST(hash AS BLOB), X'') FROM event WHERE position = ?", arguments: [position]))
                    .map { [UInt8]($0) }
            }
        }
    }
}
