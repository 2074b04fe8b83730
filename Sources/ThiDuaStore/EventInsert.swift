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

    /// Binds the row's columns straight from its canonical bytes (fields in column order, EventLog/HASHING.md),
    /// which outlive the step, so SQLite need not copy them.
    func execute(_ db: Database, _ row: PendingRow, hash: [UInt8]) throws {
        let s = statement.sqliteStatement
        let code = row.canonical.withUnsafeBytes { canonical in
            hash.withUnsafeBytes { hash in
                sqlite3_reset(s)
                CanonicalRow.forEachField(of: canonical) { index, field in
                    let column = Int32(index + 1)
                    switch index {
                    case 0: sqlite3_bind_int64(s, column, row.position)
                    case 2: sqlite3_bind_int64(s, column, row.version)
                    case 5: sqlite3_bind_int64(s, column, Int64(EventType.currentSchema))
                    case 9 where !row.hasCorrelation: sqlite3_bind_null(s, column)
                    default:
                        if let bytes = field.baseAddress {
                            _ = sqlite3_bind_text(s, column, bytes.assumingMemoryBound(to: CChar.self), Int32(field.count), nil)
                        } else {
                            _ = sqlite3_bind_text(s, column, "", 0, Self.transient)
                        }
                    }
                }
                _ = sqlite3_bind_blob(s, 12, hash.baseAddress, Int32(hash.count), nil)
                let code = sqlite3_step(s)
                sqlite3_reset(s)
                sqlite3_clear_bindings(s)
                return code
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
