import GRDB
import ThiDuaCore
import ThiDuaLog

/// One stream's rows in version order, read from the log alone.
enum StreamRows {
    static func forEach(_ db: Database, stream: String, upTo position: Int64, _ body: (RecordedEvent) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT \(EventStore.columns) FROM event WHERE stream = ? AND position <= ? ORDER BY version"),
            arguments: [stream, position])
        while let row = try rows.next() { try body(EventStore.recordedEvent(row)) }
    }
}
