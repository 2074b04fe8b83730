import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
@testable import ThiDuaStore

/// Rows forged as someone with the sqlite3 shell and this repository's hashing code would: the chain
/// is recomputed, so only re-deciding the events can tell.
enum Forger {
    /// Inserts a row after the last one with a correct position, version and chain hash. The gap-free
    /// trigger is dropped around the insert and restored exactly, as a careful forger would leave it.
    static func append(_ log: TemporaryLog, stream: String, type: String, actor: String, data: String) throws -> Int64 {
        try log.raw { db in
            let last = try #require(try Row.fetchOne(db, sql: "SELECT position, hash FROM event ORDER BY position DESC LIMIT 1"))
            let position = (last[0] as Int64) + 1
            let version = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(version), 0) FROM event WHERE stream = ?", arguments: [stream]) ?? 0) + 1
            var event = RecordedEvent(position: position, stream: stream, version: version,
                                      id: String(format: "00000000-0000-4000-9000-%012lld", position), type: type, schema: 1,
                                      actor: actor, occurredAt: "2018-01-11T08:00:00+07:00", recordedAt: "2026-01-01T00:00:00.000000Z",
                                      correlation: nil, data: data, hash: [])
            event.hash = EventHashing.chain(previous: [UInt8](last[1] as Data), canonical: event.canonicalBytes)
            let trigger = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'event_gap_free'"))
            try db.execute(sql: "DROP TRIGGER event_gap_free")
            try db.execute(sql: """
                INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, NULL, ?, ?)
                """, arguments: [position, stream, version, event.id, type, actor, event.occurredAt, event.recordedAt, data, Data(event.hash)])
            try db.execute(sql: trigger)
            return position
        }
    }

    /// Inserts a row whose data is `bytes` stored as text as they are, even when they are not UTF-8, with its chain
    /// hash computed over those bytes.
    static func append(_ log: TemporaryLog, rawData bytes: [UInt8]) throws -> Int64 {
        try log.raw { db in
            let last = try #require(try Row.fetchOne(db, sql: "SELECT position, hash FROM event ORDER BY position DESC LIMIT 1"))
            let position = (last[0] as Int64) + 1
            let stream = "BDTW/2017"
            let version = (try Int64.fetchOne(db, sql: "SELECT IFNULL(MAX(version), 0) FROM event WHERE stream = ?", arguments: [stream]) ?? 0) + 1
            let id = String(format: "00000000-0000-4000-9000-%012lld", position)
            let (occurredAt, recordedAt) = ("2018-01-11T08:00:00+07:00", "2026-01-01T00:00:00.000000Z")
            var row = CanonicalRow()
            row.append(position)
            for text in [stream] { row.append(text) }
            row.append(version)
            for text in [id, "score.submitted"] { row.append(text) }
            row.append(Int64(1))
            for text in ["BNCTW", occurredAt, recordedAt, ""] { row.append(text) }
            bytes.withUnsafeBytes { row.append($0) }
            let hash = EventHashing.chain(previous: [UInt8](last[1] as Data), canonical: row.bytes)
            let trigger = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'event_gap_free'"))
            try db.execute(sql: "DROP TRIGGER event_gap_free")
            try db.execute(sql: """
                INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash)
                VALUES (?, ?, ?, ?, 'score.submitted', 1, 'BNCTW', ?, ?, NULL, CAST(? AS TEXT), ?)
                """, arguments: [position, stream, version, id, occurredAt, recordedAt, Data(bytes), Data(hash)])
            try db.execute(sql: trigger)
            return position
        }
    }

    static func editSnapshot(_ log: TemporaryLog, _ stream: String = "BDTW/2017", replacing old: String, with new: String) throws {
        try log.raw { db in
            let state = try #require(try String.fetchOne(db, sql: "SELECT state FROM year_snapshot WHERE stream = ?", arguments: [stream]))
            #expect(state.contains(old), "\(state)")
            try db.execute(sql: "UPDATE year_snapshot SET state = ? WHERE stream = ?", arguments: [state.replacingOccurrences(of: old, with: new), stream])
        }
    }
}

@Suite("Store contract: verify and rebuild re-decide every event (§14)")
struct RedecideContractTests {
    func populated() throws -> TemporaryLog {
        let log = try TemporaryLog()
        try log.append(Lines.setup + (1...6).map { Lines.score($0 % 2 == 0 ? "BNCTW" : "UBKTTW", "1\($0)") })
        return log
    }

    @Test("a forged row with a recomputed chain is reported at its position with the rule it breaks", arguments: [
        ("BDTW/2017", "score.submitted", "BNCTW", #"{"criterion":"1.1","member":"BNCTW","points":25}"#, "points-over-maximum"),
        ("BDTW/2017", "scores.finalized", "BKTTW", "{}", "not-allowed"),
        ("BDTW/2017", "score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BNCTW","points":5}"#, "not-allowed"),
        ("BDTW/2017", "year.opened", "secretariat", #"{"members":[{"code":"A","name":"A"},{"code":"B","name":"B"}]}"#, "year-open"),
        ("BDTW", "bloc.founded", "secretariat", #"{"name":"Khối khác"}"#, "bloc-exists"),
        ("BDTW/2018", "score.submitted", "BNCTW", #"{"criterion":"1.1","member":"BNCTW","points":5}"#, "year-not-open"),
        ("BDTW/2017", "score.inflated", "BNCTW", "{}", "unknown-type"),
        ("BDTW/2017", "score.submitted", "BNCTW", #"{"criterion":"1.1","member":"BNCTW","points":5,"bonus":99}"#, "unknown-field"),
        ("BDTW/2017", "score.submitted", "BNCTW", #"{"criterion":"1.1","member":"BNCTW"}"#, "missing-field"),
        ("BDTW/2017", "rules.adopted", "secretariat", #"{"fromYear":2017}"#, "stream-mismatch"),
        ("BDTW/2017", "scores.finalized", "secretariat\u{1B}", "{}", "bad-code"),
        ("bdtw/2017", "scores.finalized", "secretariat", "{}", "bad-stream"),
    ])
    func aForgedRowIsFound(stream: String, type: String, actor: String, data: String, code: String) throws {
        let log = try populated()
        let position = try Forger.append(log, stream: stream, type: type, actor: actor, data: data)
        let report = try log.store.verify()
        #expect(report.firstBad == nil, "the chain was recomputed: \(String(describing: report.firstBad))")
        #expect(report.ruleBreak?.position == position)
        #expect(report.ruleBreak?.rule.code.rawValue == code, "\(String(describing: report.ruleBreak))")
        #expect(!report.isIntact)
        #expect(VerificationFailure(report: report).description.contains("position \(position) breaks a rule"))
    }

    /// Data that is not UTF-8 is found by the fold, which gets the bytes as stored (decoding them would repair them).
    @Test func aForgedRowWhoseDataIsNotUTF8IsFound() throws {
        let log = try populated()
        let data = Array(#"{"criterion":"1.1","member":"BNCTW","points":5,"evidence":[{"sha256":""#.utf8) + [0xFF] + Array(#""}]}"#.utf8)
        let position = try Forger.append(log, rawData: data)
        let report = try log.store.verify()
        #expect(report.firstBad == nil, "the chain was recomputed: \(String(describing: report.firstBad))")
        #expect(report.ruleBreak?.position == position)
        #expect(report.ruleBreak?.rule.reason.contains("UTF-8") == true, "\(String(describing: report.ruleBreak))")
    }

    /// The strongest forgery without a digest: a row slipped into the middle, every later position and
    /// version shifted, the whole chain recomputed and the triggers restored exactly.
    @Test func aRowSlippedIntoTheMiddleAndRechainedIsFound() throws {
        let log = try populated()
        try log.raw { db in
            let triggers = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event' ORDER BY name")
            try db.execute(sql: "DROP TRIGGER event_append_only_update; DROP TRIGGER event_append_only_delete; DROP TRIGGER event_gap_free")
            try db.execute(sql: "UPDATE event SET position = position + 1000, version = version + 1000 WHERE position >= 5")
            try db.execute(sql: "UPDATE event SET position = position - 999, version = version - 999 WHERE position > 1000")
            try db.execute(sql: """
                INSERT INTO event VALUES (5, 'BDTW/2017', 4, '00000000-0000-4000-9000-000000000005', 'score.submitted', 1, 'BKTTW',
                  '2018-01-11T08:00:00+07:00', '2026-01-01T00:00:00.000000Z', NULL, '{"criterion":"1.1","member":"BKTTW","points":21}', zeroblob(32), NULL)
                """)
            var previous = EventHashing.genesis
            for row in try Row.fetchAll(db, sql: "SELECT \(EventStore.columns) FROM event ORDER BY position") {
                var event = EventStore.recordedEvent(row)
                event.hash = EventHashing.chain(previous: previous, canonical: event.canonicalBytes)
                try db.execute(sql: "UPDATE event SET hash = ? WHERE position = ?", arguments: [Data(event.hash), event.position])
                previous = event.hash
            }
            for trigger in triggers { try db.execute(sql: trigger) }
        }
        let report = try log.store.verify()
        #expect(report.rows == 10)
        #expect(report.firstBad == nil)
        #expect(report.missingTriggers.isEmpty)
        #expect(report.ruleBreak?.position == 5)
        #expect(report.ruleBreak?.rule.code == .pointsOverMaximum)
        #expect(!report.isIntact)
    }

    @Test func aRowOfAnUnknownSchemaIsARuleBreak() throws {
        let log = try populated()
        let position = try Forger.append(log, stream: "BDTW/2017", type: "scores.finalized", actor: "secretariat", data: "{}")
        try log.raw { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET schema = 2 WHERE position = ?", arguments: [position])
            let row = try #require(try Row.fetchOne(db, sql: "SELECT \(EventStore.columns) FROM event WHERE position = ?", arguments: [position]))
            let previous = try #require(try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE position = ?", arguments: [position - 1]))
            let event = EventStore.recordedEvent(row)
            try db.execute(sql: "UPDATE event SET hash = ? WHERE position = ?",
                           arguments: [Data(EventHashing.chain(previous: [UInt8](previous), canonical: event.canonicalBytes)), position])
            try db.execute(sql: Schema.triggers[0])
        }
        let report = try log.store.verify()
        #expect(report.firstBad == nil)
        #expect(report.ruleBreak?.position == position)
        #expect(report.ruleBreak?.rule.code == .unknownSchema)
    }

    @Test func rebuildRefusesALogThatBreaksARuleAndKeepsTheProjections() throws {
        let log = try populated()
        let before = try log.store.projection(bloc: "BDTW", year: 2017)
        let position = try Forger.append(log, stream: "BDTW/2017", type: "score.submitted", actor: "BNCTW",
                                         data: #"{"criterion":"1.1","member":"BNCTW","points":25}"#)
        do {
            try log.store.rebuild()
            Issue.record("rebuild blessed a forged row")
        } catch let error {
            guard case .altered(let at, let rule) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(at == position)
            #expect(rule.code == .pointsOverMaximum)
            #expect(error.exitCode == 2)
            #expect(error.description.contains("run thidua verify"))
        }
        #expect(try log.store.projection(bloc: "BDTW", year: 2017) == before)
        #expect(try log.store.verify().ruleBreak?.position == position)
    }

    @Test func aRuleBreakBeforeAChainBreakIsTheOneReported() throws {
        let log = try populated()
        let position = try Forger.append(log, stream: "BDTW/2017", type: "score.submitted", actor: "BKTTW",
                                         data: #"{"criterion":"1.1","member":"BNCTW","points":5}"#)
        try log.append([Lines.score("BNCTW", "3")])
        try log.raw { db in
            try db.execute(sql: "DROP TRIGGER event_append_only_update")
            try db.execute(sql: "UPDATE event SET correlation = 'x' WHERE position = ?", arguments: [position + 1])
            try db.execute(sql: Schema.triggers[0])
        }
        let report = try log.store.verify()
        #expect(report.firstBad?.position == position + 1)
        #expect(report.ruleBreak?.position == position)
        #expect(VerificationFailure(report: report).description.hasPrefix("verify: position \(position) breaks a rule"))
    }

    @Test func anEditedSnapshotIsReportedByVerify() throws {
        let log = try populated()
        #expect(try log.store.verify().isIntact)
        try Forger.editSnapshot(log, replacing: #""1.1","Tiêu chí 1.1",20,"#, with: #""1.1","Tiêu chí 1.1",50,"#)
        let report = try log.store.verify()
        #expect(report.projectionProblems.contains("BDTW/2017: the year's snapshot differs from the log"), "\(report.projectionProblems)")
        #expect(!report.isIntact)
    }

    static let raisedMaximum = (#""1.1","Tiêu chí 1.1",20,"#, #""1.1","Tiêu chí 1.1",50,"#)

    @Test("an append does not use a snapshot whose seal does not match; it folds the log and refuses", arguments: [
        "the state edited", "the seal edited", "the seal removed",
    ])
    func anUnsealedSnapshotIsNotUsed(edit: String) throws {
        let log = try populated()
        try log.raw { db in
            var state = try #require(try String.fetchOne(db, sql: "SELECT state FROM year_snapshot WHERE stream = 'BDTW/2017'"))
            state = state.replacingOccurrences(of: Self.raisedMaximum.0, with: Self.raisedMaximum.1)
            let seal = try #require(state.range(of: #","seal":""#))
            switch edit {
            case "the seal edited": state.replaceSubrange(seal.upperBound..<state.index(seal.upperBound, offsetBy: 2), with: "00")
            case "the seal removed": state.removeSubrange(seal.lowerBound..<state.index(seal.upperBound, offsetBy: 65))
            default: break
            }
            try db.execute(sql: "UPDATE year_snapshot SET state = ? WHERE stream = 'BDTW/2017'", arguments: [state])
        }
        #expect {
            try log.store.append([try Envelope.parse(line: Array(Lines.score("BNCTW", "30").utf8))])
        } throws: { error in
            guard case StoreError.rejected(let rule) = error else { return false }
            return rule.code == .pointsOverMaximum
        }
        #expect(!(try log.store.verify().isIntact))
    }

    /// The seal is not a signature: a forger who recomputes it gets an append accepted on the edited
    /// snapshot, and verify, deciding from the log alone, catches that event; rebuild will not bless it.
    @Test func anEventAcceptedOnAResealedSnapshotIsCaught() throws {
        let log = try populated()
        try log.raw { db in
            let text = try #require(try String.fetchOne(db, sql: "SELECT state FROM year_snapshot WHERE stream = 'BDTW/2017'"))
            var edited = Array(text.replacingOccurrences(of: Self.raisedMaximum.0, with: Self.raisedMaximum.1).utf8)
            let seal = try #require(YearSnapshot.sealRange(in: edited))
            edited.replaceSubrange(seal, with: repeatElement(UInt8(ascii: "0"), count: 64))
            let hash = try #require(try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE stream = 'BDTW/2017' ORDER BY version DESC LIMIT 1"))
            edited.replaceSubrange(seal, with: YearSnapshot.seal(edited, after: [UInt8](hash)).utf8)
            try db.execute(sql: "UPDATE year_snapshot SET state = ? WHERE stream = 'BDTW/2017'", arguments: [String(decoding: edited, as: UTF8.self)])
        }
        let appended = try log.store.append([try Envelope.parse(line: Array(Lines.score("BNCTW", "30").utf8))])
        let position = try #require(appended.outcomes.first?.position)
        let report = try log.store.verify()
        #expect(report.firstBad == nil)
        #expect(report.ruleBreak?.position == position)
        #expect(report.ruleBreak?.rule.code == .pointsOverMaximum)
        #expect(throws: StoreError.self) { try log.store.rebuild() }
        #expect(try log.store.verify().ruleBreak?.position == position)
    }

    @Test func snapshotsAreSealedToTheEventTheyWereTakenAfter() throws {
        let log = try populated()
        let (text, hash) = try log.raw { db in
            (try #require(try String.fetchOne(db, sql: "SELECT state FROM year_snapshot WHERE stream = 'BDTW/2017'")),
             try #require(try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE stream = 'BDTW/2017' ORDER BY version DESC LIMIT 1")))
        }
        guard case .object(let fields) = try JSON.parse(text), case .string(let seal)? = fields["seal"] else {
            Issue.record("no seal in \(text)")
            return
        }
        // The seal, as EventLog/HASHING.md's reader could check it: the text with the seal zeroed, after the event's hash.
        let zeroed = text.replacingOccurrences(of: #""seal":"\#(seal)""#, with: #""seal":"\#(String(repeating: "0", count: 64))""#)
        #expect(seal == EventHashing.hex(EventHashing.chain(previous: [UInt8](hash), canonical: Array(zeroed.utf8))))
    }
}
