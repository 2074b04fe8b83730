import Foundation
import GRDB
import ThiDuaCore

extension EventStore {
    /// Recomputes the chain from the first row, checks gap-free positions and versions, SQLite's
    /// integrity and the append-only triggers, and optionally a digest written down earlier.
    public func verify(digest: (position: Int64, hash: [UInt8])? = nil) throws(StoreError) -> VerifyReport {
        try Self.translating {
            try queue.read { db in
                var report = VerifyReport()
                report.integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
                report.missingTriggers = Schema.triggerNames.filter { !present.contains($0) }
                try Self.checkChain(db, digest: digest, into: &report)
                report.projectionProblems = try Self.projectionProblems(db)
                return report
            }
        }
    }

    static func checkChain(_ db: Database, digest: (position: Int64, hash: [UInt8])?, into report: inout VerifyReport) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT position, IFNULL(CAST(stream AS TEXT), ''), IFNULL(CAST(version AS TEXT), ''), IFNULL(CAST(id AS TEXT), ''),
                   IFNULL(CAST(type AS TEXT), ''), IFNULL(CAST(schema AS TEXT), ''), IFNULL(CAST(actor AS TEXT), ''),
                   IFNULL(CAST(occurredAt AS TEXT), ''), IFNULL(CAST(recordedAt AS TEXT), ''), CAST(correlation AS TEXT),
                   IFNULL(CAST(data AS TEXT), ''), IFNULL(CAST(hash AS BLOB), X'')
            FROM event ORDER BY position
            """)
        var previous = EventHashing.genesis
        var expectedPosition: Int64 = 1
        var versions: [String: Int64] = [:]
        var digestSeen = false
        func fail(_ position: Int64, _ reason: String) {
            if report.firstBad == nil { report.firstBad = (position, reason) }
        }
        while let row = try rows.next() {
            let position: Int64 = row[0]
            let stream: String = row[1]
            let versionText: String = row[2]
            let schemaText: String = row[5]
            let stored = [UInt8](row[11] as Data)
            report.rows += 1
            if report.firstBad == nil {
                if position != expectedPosition {
                    fail(expectedPosition, position > expectedPosition
                         ? "the row is missing (the next row is at \(position)); rows were deleted"
                         : "positions are out of order")
                }
                let version = Int64(versionText) ?? -1
                if version != (versions[stream] ?? 0) + 1 {
                    fail(position, "version \(versionText) of \(stream) does not follow \(versions[stream] ?? 0)")
                }
                versions[stream] = version
                let canonical = EventHashing.canonicalBytes(
                    position: position, stream: stream, version: version, id: row[3], type: row[4],
                    schema: Int(schemaText) ?? -1, actor: row[6], occurredAt: row[7], recordedAt: row[8],
                    correlation: row[9], data: row[10])
                let computed = EventHashing.chain(previous: previous, canonical: canonical)
                if computed != stored {
                    fail(position, "the row does not match its hash; it was edited, or rows were reordered or removed before it")
                }
                if Int64(schemaText) == nil || "\(Int64(schemaText)!)" != schemaText || "\(version)" != versionText {
                    fail(position, "a column holds a value of the wrong type")
                }
            }
            if let digest, digest.position == position {
                digestSeen = true
                report.digest = (position, stored == digest.hash && (report.firstBad.map { $0.position > position } ?? true))
            }
            previous = stored
            expectedPosition = position + 1
            report.head = (position, stored)
        }
        if let digest, !digestSeen {
            report.digest = (digest.position, false)
            fail(digest.position, "the log has no row at the digest's position \(digest.position); rows were deleted")
        }
    }
}
