import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

@Suite("Store contract: projections")
struct ProjectionContractTests {
    func scored() throws -> TemporaryLog {
        let log = try TemporaryLog()
        try log.append(Lines.setup + [Lines.score("BNCTW", "18.5"), Lines.score("UBKTTW", "19"), Lines.score("BKTTW", "12.25")])
        return log
    }

    @Test func projectionsAreWrittenInTheAppendTransaction() throws {
        let log = try scored()
        let projection = try #require(try log.store.projection(bloc: "BDTW", year: 2017))
        #expect(projection.standings.map(\.member) == ["UBKTTW", "BNCTW", "BKTTW"])
        #expect(projection.standings.map(\.total) == [Points("19"), Points("18.5"), Points("12.25")])
        #expect(projection.position == 6)
        #expect(projection.version == 5)
        #expect(projection.head == "BNCTW")
        #expect(try log.store.verify().projectionProblems.isEmpty)
    }

    @Test func aRefusedBatchLeavesTheProjectionsAsTheyWere() throws {
        let log = try scored()
        let before = try log.store.projection(bloc: "BDTW", year: 2017)
        #expect(throws: StoreError.self) { try log.append([Lines.score("BKTTW", "20"), Lines.score("BKTTW", "99")]) }
        #expect(try log.store.projection(bloc: "BDTW", year: 2017) == before)
    }

    @Test func standingsReadNoEvents() throws {
        let log = try scored()
        let statements = Recorder()
        try log.store.queue.inDatabase { db in
            db.trace { statements.add(String(describing: $0)) }
        }
        _ = try log.store.projection(bloc: "BDTW", year: 2017)
        #expect(statements.all.contains { $0.contains("year_standing") })
        #expect(!statements.all.contains { $0.contains("FROM event") }, "\(statements.all)")
    }

    @Test func rebuildRecreatesWhatAppendWrote() throws {
        let log = try scored()
        let written = try log.store.projection(bloc: "BDTW", year: 2017)
        try log.raw { try $0.execute(sql: "DELETE FROM year_standing; DELETE FROM year_summary") }
        #expect(try log.store.projection(bloc: "BDTW", year: 2017) == nil)
        #expect(try log.store.verify().projectionProblems == ["BDTW/2017: projections are missing"])
        #expect(try log.store.rebuild() == 1)
        #expect(try log.store.projection(bloc: "BDTW", year: 2017) == written)
    }

    @Test func rulesAdoptedAfterAnElectionClosedDoNotChangeItsResult() throws {
        let log = try TemporaryLog()
        let vote = { (voter: String) in
            #"{"type":"vote.cast","bloc":"BDTW","year":2017,"actor":"\#(voter)","data":{"election":"H","voter":"\#(voter)","choices":["BKTTW"]}}"#
        }
        try log.append(Lines.setup + [
            #"{"type":"election.opened","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"election":"H","office":"head","seats":1,"candidates":["BKTTW"]}}"#,
            vote("BNCTW"), vote("UBKTTW"),
            #"{"type":"election.closed","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"election":"H"}}"#,
            #"{"type":"rules.adopted","bloc":"BDTW","actor":"secretariat","data":{"fromYear":2017,"quorum":1}}"#,
        ])
        let projection = try #require(try log.store.projection(bloc: "BDTW", year: 2017))
        #expect(projection.elections.first?.outcome == "elected")
        #expect(projection.head == "BKTTW")
        #expect(try log.store.verify().projectionProblems.isEmpty)
        try log.store.rebuild()
        #expect(try log.store.projection(bloc: "BDTW", year: 2017) == projection)
    }
}

final class Recorder: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

@Suite("Store contract: year snapshots")
struct SnapshotContractTests {
    @Test func anAppendResumesTheYearFromItsSnapshotWithoutFoldingIt() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup + (1...50).map { Lines.score("BNCTW", "\($0 % 20)") })
        let statements = Recorder()
        try log.store.queue.inDatabase { db in db.trace { statements.add(String(describing: $0)) } }
        let report = try log.append([Lines.score("UBKTTW", "7")])
        #expect(report.years[StreamID(bloc: "BDTW", year: 2017)]?.standings.first { $0.member == "UBKTTW" }?.total == Points("7"))
        let folds = statements.all.filter { $0.contains("FROM event WHERE stream =") && $0.contains("ORDER BY version") && $0.contains("BDTW/2017") }
        #expect(folds.isEmpty, "\(folds)")
    }

    @Test func aMissingOrStaleSnapshotFallsBackToTheLog() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup + [Lines.score("BNCTW", "10")])
        try log.raw { try $0.execute(sql: "UPDATE year_snapshot SET version = 1") }
        try log.append([Lines.score("UBKTTW", "11")])
        let projection = try #require(try log.store.projection(bloc: "BDTW", year: 2017))
        #expect(projection.standings.map(\.member) == ["UBKTTW", "BNCTW", "BKTTW"])
        try log.raw { try $0.execute(sql: "DELETE FROM year_snapshot") }
        try log.append([Lines.score("BKTTW", "12")])
        #expect(try log.store.projection(bloc: "BDTW", year: 2017)?.standings.map(\.member) == ["BKTTW", "UBKTTW", "BNCTW"])
        #expect(try log.store.verify().isIntact)
    }

    @Test func anEditedSnapshotIsReportedAndRebuilt() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup + [Lines.score("BNCTW", "10")])
        try log.raw { try $0.execute(sql: "UPDATE year_snapshot SET state = replace(state, '\"BNCTW\":{\"1.1\":[10,null]}', '\"BNCTW\":{\"1.1\":[20,null]}')") }
        #expect(try log.store.verify().projectionProblems == ["BDTW/2017: the year's snapshot differs from the log"])
        try log.store.rebuild()
        #expect(try log.store.verify().isIntact)
    }

    /// A snapshot an older thidua wrote (layout 1: no terms, times or next term) is outdated, not altered: appends fold
    /// the year instead of resuming from it, verify says so without failing, and the next append replaces it.
    @Test func aSnapshotOfAnOlderLayoutIsOutdatedNotAltered() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup + [Lines.score("BNCTW", "10")])
        try log.raw {
            try $0.execute(sql: """
                UPDATE year_snapshot SET state = replace(json_remove(json_set(state, '$.layout', 1), '$.times', '$.nextTerm'),
                                                         '"BNCTW":{"1.1":[10,null]}', '"BNCTW":{"1.1":[20,null]}')
                """)
        }
        let before = try log.store.verify()
        #expect(before.isIntact)
        #expect(before.projectionProblems.isEmpty)
        #expect(before.outdatedSnapshots == ["BDTW/2017"])
        try log.append([Lines.score("UBKTTW", "11")])
        let projection = try #require(try log.store.projection(bloc: "BDTW", year: 2017))
        #expect(projection.standings.map(\.member) == ["UBKTTW", "BNCTW", "BKTTW"])
        #expect(projection.standings.first { $0.member == "BNCTW" }?.total == Points("10"))
        let after = try log.store.verify()
        #expect(after.isIntact && after.outdatedSnapshots.isEmpty)
        let layout = try log.raw { try Int.fetchOne($0, sql: "SELECT json_extract(state, '$.layout') FROM year_snapshot") }
        #expect(layout == YearState.snapshotLayout)
    }
}
