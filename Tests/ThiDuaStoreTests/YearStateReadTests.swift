import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

@Suite("Store contract: a year's whole state for the reads")
struct YearStateReadTests {
    func scored() throws -> TemporaryLog {
        let log = try TemporaryLog()
        try log.append(Lines.setup + [Lines.criterion("1.2", max: "10"), Lines.score("BNCTW", "18.5"), Lines.score("UBKTTW", "19"),
                                      Lines.score("BKTTW", "7", criterion: "1.2")])
        return log
    }

    @Test func theStateComesFromTheSnapshotWithoutFoldingTheYear() throws {
        let log = try scored()
        let replayed = try log.store.replay(bloc: "BDTW", year: 2017).state
        let projection = try log.store.projection(bloc: "BDTW", year: 2017)
        let statements = Recorder()
        try log.store.queue.inDatabase { db in db.trace { statements.add(String(describing: $0)) } }
        let read = try #require(try log.store.yearState(bloc: "BDTW", year: 2017))
        #expect(read.state == replayed)
        #expect(read.projection == projection)
        #expect(read.state.scores["BKTTW"]?["1.2"]?.submitted == Points("7"))
        #expect(statements.all.contains { $0.contains("year_snapshot") })
        #expect(!statements.all.contains { $0.contains("ORDER BY version") }, "\(statements.all)")
    }

    @Test func withoutACurrentSnapshotTheYearIsFoldedFromTheLog() throws {
        let log = try scored()
        let expected = try log.store.replay(bloc: "BDTW", year: 2017).state
        try log.raw { try $0.execute(sql: "DELETE FROM year_snapshot") }
        #expect(try log.store.yearState(bloc: "BDTW", year: 2017)?.state == expected)
        #expect(try log.store.yearState(bloc: "BDTW", year: 2018) == nil)
    }
}
