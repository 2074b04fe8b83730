import GRDB
import GRDBSQLite
import ThiDuaCore

/// The append path's one INSERT, bound through SQLite's C API: GRDB's `StatementArguments` boxes
/// every value, which cost an import more than SQLite's own work on the row.
struct EventInsert {
    let statement: Statement

    init(_ db: Database) throws {
        statement = try db.cachedStatement(sql: """
            INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func execute(_ db: Database, _ row: PendingRow, hash: [UInt8]) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        sqlite3_bind_int64(s, 1, row.position)
        bind(s, 2, row.stream)
        sqlite3_bind_int64(s, 3, row.version)
        bind(s, 4, row.id)
        bind(s, 5, row.type)
        sqlite3_bind_int64(s, 6, Int64(EventType.currentSchema))
        bind(s, 7, row.actor)
        bind(s, 8, row.occurredAt)
        bind(s, 9, row.recordedAt)
        if let correlation = row.correlation { bind(s, 10, correlation) } else { sqlite3_bind_null(s, 10) }
        bind(s, 11, row.data)
        hash.withUnsafeBytes { _ = sqlite3_bind_blob(s, 12, $0.baseAddress, Int32($0.count), Self.transient) }
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    private func bind(_ s: OpaquePointer, _ index: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            _ = sqlite3_bind_text(s, index, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(buffer.count), Self.transient)
        }
    }
}
