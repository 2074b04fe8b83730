import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

@Suite("Store contract: replay at any moment")
struct ReplayContractTests {
    /// Batches are recorded 1 ms apart (the test clock); the review is a backdated correction.
    func corrected() throws -> (TemporaryLog, recorded: [String]) {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        try log.append([Self.score("10", "2018-01-10T08:00:00+07:00")])
        try log.append([Self.score("12", "2018-01-20T08:00:00+07:00")])
        try log.append([#"{"type":"score.reviewed","bloc":"BDTW","year":2017,"actor":"UBKTTW","occurredAt":"2018-01-15T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":9,"reason":"Đính chính: thẩm định ngày 15/1"}}"#])
        return (log, try log.all().map(\.recordedAt))
    }

    static func score(_ points: String, _ at: String) -> String {
        #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"\#(at)","data":{"member":"BNCTW","criterion":"1.1","points":\#(points)}}"#
    }

    func entry(_ log: TemporaryLog, _ bounds: ReplayBounds) throws -> ScoreEntry? {
        try log.store.replay(bloc: "BDTW", year: 2017, bounds: bounds).state.scores["BNCTW"]?["1.1"]
    }

    func time(_ text: String) throws -> Timestamp { try Timestamp(bound: text) }

    @Test func asOfSeesBackdatedEventsKnownAtDoesNotBeforeTheyWereRecorded() throws {
        let (log, recorded) = try corrected()
        #expect(try entry(log, ReplayBounds(asOf: time("2018-01-12"))) == ScoreEntry(submitted: Points("10"), reviewed: nil))
        #expect(try entry(log, ReplayBounds(asOf: time("2018-01-16"))) == ScoreEntry(submitted: Points("10"), reviewed: Points("9")))
        #expect(try entry(log, ReplayBounds(asOf: time("2018-01-31"))) == ScoreEntry(submitted: Points("12"), reviewed: Points("9")))
        #expect(try entry(log, ReplayBounds(knownAt: time(recorded[4]))) == ScoreEntry(submitted: Points("12"), reviewed: nil))
        #expect(try entry(log, ReplayBounds(asOf: time("2018-01-16"), knownAt: time(recorded[4]))) == ScoreEntry(submitted: Points("10"), reviewed: nil))
        #expect(try entry(log, ReplayBounds(at: 4)) == ScoreEntry(submitted: Points("10"), reviewed: nil))
        #expect(try entry(log, ReplayBounds(at: 6)) == ScoreEntry(submitted: Points("12"), reviewed: Points("9")))
        #expect(try entry(log, ReplayBounds(asOf: time("2017-06-30"))) == nil)
        let before = try log.store.replay(bloc: "BDTW", year: 2017, bounds: ReplayBounds(asOf: time("2016-12-31")))
        #expect(before.state.status == .unopened)
        #expect(before.position == 0)
    }

    @Test func theStateHashIsStableAndIgnoresOtherYears() throws {
        let (log, _) = try corrected()
        let first = try log.store.replay(bloc: "BDTW", year: 2017).document.stateHash
        #expect(try log.store.replay(bloc: "BDTW", year: 2017).document.stateHash == first)
        try log.append([Lines.opened(2018), Lines.criterion(year: 2018), Lines.score("BNCTW", "3", year: 2018)])
        let after = try log.store.replay(bloc: "BDTW", year: 2017)
        #expect(after.document.stateHash == first)
        #expect(after.position == 6)
    }

    @Test func replayReadsOnlyTheBlocAndTheYearsOwnRows() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup + [Lines.score("BNCTW", "1"), Lines.opened(2018), Lines.criterion(year: 2018)])
        // 100,000 events of 2018 inserted directly (as a bulk import would leave them); replay does not check hashes.
        try log.raw { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash)
                SELECT 6 + i, 'BDTW/2018', 2 + i, printf('00000000-0000-4000-8000-%012d', 1000 + i), 'score.submitted', 1, 'BNCTW',
                       '2018-05-01T08:00:00+07:00', '2026-01-01T00:00:00.000000Z', NULL,
                       '{"criterion":"1.1","member":"BNCTW","points":' || (i % 20) || '}', zeroblob(32)
                FROM n
                """)
        }
        let small = try log.store.replay(bloc: "BDTW", year: 2017)
        #expect(small.rowsRead == 4)
        #expect(small.state.scores["BNCTW"]?["1.1"]?.submitted == Points("1"))
        let big = try log.store.replay(bloc: "BDTW", year: 2018)
        #expect(big.rowsRead == 100_003)
        #expect(big.state.scores["BNCTW"]?["1.1"]?.submitted == Points("0"))
        let plan = try log.store.replayQueryPlan().joined(separator: " ")
        #expect(plan.contains("SEARCH event USING INDEX"), "\(plan)")
        #expect(!plan.contains("SCAN event"), "\(plan)")
    }
}

