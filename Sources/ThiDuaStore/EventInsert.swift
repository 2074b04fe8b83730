import GRDB
import GRDBSQLite
import ThiDuaCore
import ThiDuaLog

/// The append path's INSERT of `count` rows at once, bound through SQLite's C API: GRDB's
/// `StatementArguments` boxes every value, and one statement per row spends as much in starting and
/// ending statements as in writing rows.
struct EventInsert {
    let statement: Statement
    let count: Int

    /// The bound columns: the eleven canonical fields, the signature, the hash.
    static let columns = 13
    static let fields = 11

    init(_ db: Database, rows count: Int) throws {
        self.count = count
        statement = try db.cachedStatement(sql: count == 1 ? Self.oneRow : count == AppendWriter.groupSize ? Self.groupRows : Self.sql(rows: count))
    }

    /// The SQL of the two inserts every append prepares, built once per process (the server prepares them per request).
    private static let oneRow = sql(rows: 1)
    private static let groupRows = sql(rows: AppendWriter.groupSize)

    private static func sql(rows count: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return """
            INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, signature, hash)
            VALUES \(Array(repeating: row, count: count).joined(separator: ", "))
            """
    }

    /// SQLite reported success but kept fewer rows than it was given: something in the file (a trigger
    /// that is not thidua's, `RAISE(IGNORE)`) dropped them. The batch is rolled back, never reported as appended.
    static func notStored(_ stored: Int32, of count: Int) -> StoreError {
        .database("SQLite stored \(stored) of the \(count) event row(s) it was given, without an error; something in the file "
                  + "that thidua did not create discarded them (run thidua verify); nothing was appended")
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Inserts `rows`, whose canonical bytes lie one after another in `canonical` and whose hashes in `hashes`.
    /// Every column is bound straight from those bytes (fields in column order, EventLog/HASHING.md),
    /// which outlive the step, so SQLite copies nothing.
    func execute(_ db: Database, _ rows: ArraySlice<PendingRow>, canonical: [UInt8], hashes: [UInt8]) throws {
        precondition(rows.count == count && hashes.count == 32 * count)
        let s = statement.sqliteStatement
        var stored: Int32 = 0
        let code = canonical.withUnsafeBytes { canonical in
            hashes.withUnsafeBytes { hashes in
                sqlite3_reset(s)
                let fields = Self.fields
                CanonicalRow.forEachField(of: canonical) { index, field in
                    let row = rows[rows.startIndex + index / fields]
                    let column = index % fields
                    let parameter = Int32((index / fields) * Self.columns + column + 1)
                    switch column {
                    case 0: sqlite3_bind_int64(s, parameter, row.position)
                    case 2: sqlite3_bind_int64(s, parameter, row.version)
                    case 5: sqlite3_bind_int64(s, parameter, Int64(row.schema))
                    case 9 where row.correlation == nil: sqlite3_bind_null(s, parameter)
                    default:
                        if let bytes = field.baseAddress {
                            _ = sqlite3_bind_text(s, parameter, bytes.assumingMemoryBound(to: CChar.self), Int32(field.count), nil)
                        } else {
                            _ = sqlite3_bind_text(s, parameter, "", 0, Self.transient)
                        }
                    }
                }
                for index in 0..<count {
                    let signatureParameter = Int32(index * Self.columns + Self.fields + 1)
                    if let signature = rows[rows.startIndex + index].signature {
                        _ = signature.withUnsafeBytes { sqlite3_bind_blob(s, signatureParameter, $0.baseAddress, Int32($0.count), Self.transient) }
                    } else {
                        sqlite3_bind_null(s, signatureParameter)
                    }
                    _ = sqlite3_bind_blob(s, Int32((index + 1) * Self.columns), hashes.baseAddress! + 32 * index, 32, nil)
                }
                let code = sqlite3_step(s)
                stored = sqlite3_changes(db.sqliteConnection)
                sqlite3_reset(s)
                sqlite3_clear_bindings(s)
                return code
            }
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        guard stored == count else { throw Self.notStored(stored, of: count) }
    }
}
