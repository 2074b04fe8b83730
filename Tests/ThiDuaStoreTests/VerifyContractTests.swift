import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

@Suite("Store contract: verify")
struct VerifyContractTests {
    func populated() throws -> TemporaryLog {
        let log = try TemporaryLog()
        try log.append(Lines.setup + (1...6).map { Lines.score($0 % 2 == 0 ? "BNCTW" : "UBKTTW", "1\($0)") })
        return log
    }

    func tamper(_ log: TemporaryLog, _ sql: String) throws {
        try log.raw { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update; DROP TRIGGER event_append_only_delete; DROP TRIGGER event_gap_free")
            try db.execute(sql: sql)
            for trigger in Schema.triggers { try db.execute(sql: trigger) }
        }
    }

    @Test func anIntactLogVerifies() throws {
        let log = try populated()
        let report = try log.store.verify()
        #expect(report.isIntact)
        #expect(report.rows == 9)
        #expect(report.integrity == ["ok"])
    }

    @Test("tampering is reported at the first bad position", arguments: [
        ("UPDATE event SET data = replace(data, '13', '19') WHERE position = 6", Int64(6)),
        ("DELETE FROM event WHERE position = 5", Int64(5)),
        ("UPDATE event SET position = position + 1000 WHERE position IN (4, 7); UPDATE event SET position = 7 WHERE position = 1004; UPDATE event SET position = 4 WHERE position = 1007", Int64(4)),
        ("UPDATE event SET actor = 'BKTTW' WHERE position = 8", Int64(8)),
        ("UPDATE event SET recordedAt = '2030-01-01T00:00:00Z' WHERE position = 2", Int64(2)),
        ("UPDATE event SET version = 'x' WHERE position = 9", Int64(9)),
        ("DELETE FROM event WHERE position = 9", Int64(-1)),
    ])
    func tamperingIsFound(sql: String, firstBad: Int64) throws {
        let log = try populated()
        let digest = try #require(try log.store.head())
        try tamper(log, sql)
        let report = try log.store.verify(digest: digest)
        #expect(!report.isIntact)
        if firstBad > 0 {
            #expect(report.firstBad?.position == firstBad)
        }
        #expect(report.digest?.matches == false)
    }

    @Test func aDigestProvesThePrefixBeforeAnEditAfterIt() throws {
        let log = try populated()
        var digest: (position: Int64, hash: [UInt8])?
        try log.store.forEachEvent { event, _ in
            if event.position == 5 { digest = (event.position, event.hash) }
            return true
        }
        let five = try #require(digest)
        try tamper(log, "UPDATE event SET data = replace(data, '15', '17') WHERE position = 8")
        let report = try log.store.verify(digest: five)
        #expect(report.digest?.matches == true)
        #expect(report.firstBad?.position == 8)
        #expect(!report.isIntact)
    }

    @Test func aRechainedLogStillFailsAnEarlierDigest() throws {
        let log = try populated()
        let digest = try #require(try log.store.head())
        try tamper(log, "UPDATE event SET data = replace(data, '13', '19') WHERE position = 6")
        // Recompute every hash after the edit, as a careful forger would.
        try log.raw { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            var previous = EventHashing.genesis
            let rows = try Row.fetchAll(db, sql: "SELECT \(EventStore.columns) FROM event ORDER BY position")
            for row in rows {
                var event = EventStore.recordedEvent(row)
                event.hash = EventHashing.chain(previous: previous, canonical: event.canonicalBytes)
                try db.execute(sql: "UPDATE event SET hash = ? WHERE position = ?", arguments: [Data(event.hash), event.position])
                previous = event.hash
            }
            try db.execute(sql: Schema.triggers[0])
        }
        #expect(try log.store.verify().firstBad == nil)
        let report = try log.store.verify(digest: digest)
        #expect(report.digest?.matches == false)
        #expect(!report.isIntact)
    }

    @Test func aMissingTriggerIsReported() throws {
        let log = try populated()
        try log.raw { try $0.execute(sql: "DROP TRIGGER event_append_only_delete") }
        let report = try log.store.verify()
        #expect(report.missingTriggers == ["event_append_only_delete"])
        #expect(report.schemaProblems == ["trigger event_append_only_delete is missing; someone removed it"])
        #expect(!report.isIntact)
    }

    @Test("a schema that is not exactly thidua's is reported, naming the object", arguments: [
        ("CREATE TRIGGER quiet BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END", "trigger quiet on event is not one thidua creates"),
        ("DROP TRIGGER event_gap_free; CREATE TRIGGER event_gap_free BEFORE INSERT ON event BEGIN SELECT 1; END",
         "trigger event_gap_free is not the one thidua creates"),
        ("CREATE VIEW everything AS SELECT * FROM event", "view everything is not one thidua creates"),
        ("CREATE INDEX by_actor ON event (actor)", "index by_actor on event is not one thidua creates"),
        ("CREATE TABLE notes (x)", "table notes is not one thidua creates"),
        ("DROP TABLE year_award", "table year_award is missing"),
        ("DELETE FROM grdb_migrations WHERE identifier = 'v3-snapshots'", "grdb_migrations does not list exactly thidua's migrations"),
    ])
    func aForeignSchemaIsReported(sql: String, problem: String) throws {
        let log = try populated()
        try log.raw { try $0.execute(sql: sql) }
        let report = try log.store.verify()
        #expect(report.schemaProblems.contains { $0.hasPrefix(problem) }, "\(report.schemaProblems)")
        #expect(report.firstBad == nil)
        #expect(!report.isIntact)
        #expect(VerificationFailure(report: report).description.contains(problem))
    }

    @Test func plannerStatisticsAreNotAFinding() throws {
        let log = try populated()
        try log.raw { try $0.execute(sql: "ANALYZE") }
        #expect(try log.store.verify().isIntact)
    }

    @Test("a value stored with another type is reported at its position", arguments: [
        ("UPDATE event SET type = CAST(type AS BLOB) WHERE position = 5", Int64(5), "column type holds a blob value"),
        ("UPDATE event SET actor = CAST(actor AS BLOB) WHERE position = 6", Int64(6), "column actor holds a blob value"),
        ("UPDATE event SET version = CAST(version AS BLOB) WHERE position = 7", Int64(7), "column version holds a blob value"),
        ("UPDATE event SET data = CAST(data AS BLOB) WHERE position = 8", Int64(8), "column data holds a blob value"),
        ("UPDATE event SET recordedAt = CAST(recordedAt AS BLOB) WHERE position = 2", Int64(2), "column recordedAt holds a blob value"),
        ("UPDATE event SET correlation = '' WHERE position = 4", Int64(4), "column correlation holds the empty text"),
        ("UPDATE event SET correlation = x'41' WHERE position = 4", Int64(4), "column correlation holds a blob value"),
    ])
    func aStoredTypeIsChecked(sql: String, position: Int64, reason: String) throws {
        let log = try populated()
        try tamper(log, sql)
        let report = try log.store.verify()
        #expect(report.firstBad?.position == position)
        #expect(report.firstBad?.reason.hasPrefix(reason) == true, "\(String(describing: report.firstBad))")
        #expect(report.schemaProblems.isEmpty)
    }
}
