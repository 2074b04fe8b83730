import GRDB
import GRDBSQLite
import ThiDuaLog

/// The INSERT of `count` restored rows at once, every column bound from the row as the export held it.
struct RestoreInsert {
    let statement: Statement
    let count: Int

    static let columns = 13
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, rows count: Int) throws {
        self.count = count
        let row = "(" + Array(repeating: "?", count: Self.columns).joined(separator: ", ") + ")"
        statement = try db.cachedStatement(sql: """
            INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash, signature)
            VALUES \(Array(repeating: row, count: count).joined(separator: ", "))
            """)
    }

    func execute(_ db: Database, _ rows: ArraySlice<Verbatim.Row>) throws {
        precondition(rows.count == count)

        let s = statement.sqliteStatement
        sqlite3_reset(s)
        for (index, row) in rows.enumerated() {
            let base = Int32(index * Self.columns)
            func text(_ column: Int32, _ value: String) {
                var value = value
                value.withUTF8 { bytes in
                    UnsafeRawBufferPointer(bytes).withMemoryRebound(to: CChar.self) { chars in
                        // A text longer than SQLite can hold is bound as NULL, which the column refuses: an error, never a trap.
                        if let start = chars.baseAddress, let length = Int32(exactly: chars.count) {
                            _ = sqlite3_bind_text(s, base + column, start, length, Self.transient)
                        } else if chars.count > 0 {
                            sqlite3_bind_null(s, base + column)
                        } else {
                            _ = sqlite3_bind_text(s, base + column, "", 0, Self.transient)
                        }
                    }
                }
            }
            func blob(_ column: Int32, _ value: [UInt8]?) {
                guard let value else { sqlite3_bind_null(s, base + column); return }
                value.withUnsafeBytes { _ = sqlite3_bind_blob(s, base + column, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            sqlite3_bind_int64(s, base + 1, row.position)
            text(2, row.stream)
            sqlite3_bind_int64(s, base + 3, row.version)
            text(4, row.id)
            text(5, row.type)
            sqlite3_bind_int64(s, base + 6, row.schema)
            text(7, row.actor)
            text(8, row.occurredAt)
            text(9, row.recordedAt)
            if let correlation = row.correlation { text(10, correlation) } else { sqlite3_bind_null(s, base + 10) }
            text(11, row.data)
            blob(12, row.hash)
            blob(13, row.signature)
        }
        let code = sqlite3_step(s)
        let stored = sqlite3_changes(db.sqliteConnection)
        sqlite3_reset(s)
        sqlite3_clear_bindings(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        guard stored == count else { throw EventInsert.notStored(stored, of: count) }
    }
}
