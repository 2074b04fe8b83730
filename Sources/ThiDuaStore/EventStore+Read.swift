import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// Streams the events that match, in position order, with each row's previous hash.
    /// The closure returns false to stop early.
    package func forEachEvent(_ filter: EventFilter = EventFilter(),
                             _ body: (RecordedEvent, _ prevHash: [UInt8]) throws -> Bool) throws(StoreError) {
        try Self.translating {
            try queue.read { db in try Self.eachEvent(filter, db, body) }
        }
    }

    /// The events that match and come after position `after`, at most `limit`, read in one transaction with the
    /// head it saw: `through` is the last position the read covered (the head, or the last event when `limit`
    /// stopped it), so a follower that next asks from `through` misses nothing and repeats nothing (§12 follow).
    package func events(after: Int64, _ filter: EventFilter, limit: Int)
        throws(StoreError) -> (events: [(event: RecordedEvent, prevHash: [UInt8])], through: Int64) {
        try Self.translating {
            try queue.read { db in
                let head = try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(position), 0) FROM event") ?? 0
                var bounded = filter
                guard after < head else { return ([], max(after, head)) }
                bounded.fromPosition = max(filter.fromPosition ?? 0, after + 1)
                bounded.toPosition = min(filter.toPosition ?? head, head)
                var events: [(event: RecordedEvent, prevHash: [UInt8])] = []
                try Self.eachEvent(bounded, db) { event, prev in
                    events.append((event, prev))
                    return events.count < limit
                }
                return (events, events.count >= limit ? events[events.count - 1].event.position : head)
            }
        }
    }

    static func eachEvent(_ filter: EventFilter, _ db: Database, _ body: (RecordedEvent, _ prevHash: [UInt8]) throws -> Bool) throws {
        let (condition, arguments) = filter.sql
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(Self.columns),
                   (SELECT CAST(p.hash AS BLOB) FROM event p WHERE p.position = event.position - 1) AS prevHash
            FROM event WHERE \(condition) ORDER BY position
            """, arguments: StatementArguments(arguments.map { $0 as? any DatabaseValueConvertible }))
        while let row = try rows.next() {
            let event = Self.recordedEvent(row)
            guard filter.admits(occurredAt: event.occurredAt, recordedAt: event.recordedAt) else { continue }
            let prev = (row[13] as Data?).map { [UInt8]($0) } ?? EventHashing.genesis
            guard try body(event, prev) else { return }
        }
    }

    /// The columns of a row, cast so that a tampered value of the wrong type reads instead of trapping.
    static let columns = """
        position, IFNULL(CAST(stream AS TEXT), ''), IFNULL(CAST(version AS INTEGER), 0), IFNULL(CAST(id AS TEXT), ''),
        IFNULL(CAST(type AS TEXT), ''), IFNULL(CAST(schema AS INTEGER), 0), IFNULL(CAST(actor AS TEXT), ''),
        IFNULL(CAST(occurredAt AS TEXT), ''), IFNULL(CAST(recordedAt AS TEXT), ''), CAST(correlation AS TEXT),
        IFNULL(CAST(data AS TEXT), ''), IFNULL(CAST(hash AS BLOB), X''), CAST(signature AS BLOB)
        """

    /// The stream's last version in the log (0 for a stream with no events).
    static func lastVersion(of stream: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT MAX(version) FROM event WHERE stream = ?"), arguments: [stream]) ?? 0
    }

    static func recordedEvent(_ row: Row) -> RecordedEvent {
        RecordedEvent(position: row[0], stream: row[1], version: row[2], id: row[3], type: row[4], schema: row[5],
                      actor: row[6], occurredAt: row[7], recordedAt: row[8], correlation: row[9], data: row[10],
                      hash: [UInt8](row[11] as Data), signature: (row[12] as Data?).map { [UInt8]($0) })
    }
}
