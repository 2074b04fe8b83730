import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
@testable import ThiDuaStore

@Suite("Store contract: an append reports only rows SQLite kept")
struct ConfirmedAppendTests {
    /// A trigger on the store's own connection, invisible to the schema check, that makes SQLite drop inserts silently.
    static let ignoreInserts = "CREATE TEMP TRIGGER ignore_inserts BEFORE INSERT ON main.event BEGIN SELECT RAISE(IGNORE); END"

    @Test("rows dropped without an error refuse the batch", arguments: AppendMode.allCases)
    func droppedRowsRefuseTheBatch(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        try log.append(Lines.setup)
        try log.store.queue.inDatabase { try $0.execute(sql: Self.ignoreInserts) }
        let scores = (1...100).map { Lines.score("BNCTW", "\($0 % 20)") }
        #expect {
            try log.append(scores)
        } throws: { error in
            (error as? StoreError)?.description.contains("SQLite stored 0 of the") == true
        }
        #expect(try log.all().count == 3)
        #expect(try log.store.head()?.position == 3)
    }

    @Test func aForeignTriggerInTheFileRefusesEveryAppend() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        try log.raw { try $0.execute(sql: "CREATE TRIGGER ignore_inserts BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END") }
        #expect {
            try log.append([Lines.score("BNCTW", "12")])
        } throws: { error in
            let text = (error as? StoreError)?.description ?? ""
            return text.contains("trigger ignore_inserts on event is not one thidua creates") && text.contains("nothing was appended")
        }
        try log.raw { try $0.execute(sql: "DROP TRIGGER ignore_inserts") }
        #expect(try log.append([Lines.score("BNCTW", "12")]).appended == 1)
    }

    @Test func anEmptyCorrelationIsStoredAsNULL() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        let event = ProposedEvent(type: .scoreSubmitted, bloc: "BDTW", year: 2017, actor: "BNCTW",
                                  data: ["member": .string("BNCTW"), "criterion": .string("1.1"), "points": JSON(12)], correlation: "")
        _ = try log.store.append([event])
        #expect(try log.raw { try String.fetchOne($0, sql: "SELECT typeof(correlation) FROM event WHERE position = 4") } == "null")
        #expect(try log.store.verify().isIntact)
    }
}
