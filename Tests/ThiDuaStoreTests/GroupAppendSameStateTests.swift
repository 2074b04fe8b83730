import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

/// A group transaction keeps its years in memory and writes each touched year's projection and snapshot once, at the
/// end (§12): what it stores must be exactly what appending its accepted batches one after another stores.
@Suite("Store contract: group append stores what sequential appends store")
struct GroupAppendSameStateTests {
    static let setup = Lines.setup + [Lines.opened(2018), Lines.criterion(year: 2018)]
    /// The second batch is refused at its second line, after its first changed 2017 in memory.
    static let batches = [
        [Lines.score("BNCTW", "10"), Lines.score("UBKTTW", "11", year: 2018)],
        [Lines.score("BKTTW", "12"), Lines.score("BNCTW", "21", year: 2018)],
        [Lines.score("UBKTTW", "13")],
        [Lines.score("BKTTW", "5", year: 2018), Lines.score("BKTTW", "7")],
    ]

    @Test func aRefusalInTheMiddleLeavesRowsProjectionsAndSnapshotsAsSequentialAppendsOfTheAcceptedOnes() throws {
        let grouped = try TemporaryLog(), sequential = try TemporaryLog()
        try grouped.append(Self.setup)
        try sequential.append(Self.setup)
        let results = try grouped.store.appendGroup(Self.batches.map(GroupAppendContractTests.items))
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true, true])
        for (index, batch) in Self.batches.enumerated() {
            do {
                try sequential.append(batch)
                #expect(index != 1)
            } catch {
                #expect(index == 1, "batch \(index) was refused: \(error)")
            }
        }
        let stored = try Self.tables(grouped)
        #expect(stored.keys.contains("year_snapshot") && stored.keys.contains("year_standing"))
        #expect(stored == (try Self.tables(sequential)))
        let snapshots = try #require(stored["year_snapshot"])
        #expect(snapshots.count == 2)
        #expect(try grouped.store.verify().isIntact)
    }

    @Test func aLaterGroupResumesFromTheSnapshotsTheEarlierOneWrote() throws {
        let log = try TemporaryLog()
        try log.append(Self.setup)
        _ = try log.store.appendGroup(Self.batches.map(GroupAppendContractTests.items))
        let again = try log.store.appendGroup([GroupAppendContractTests.items([Lines.score("UBKTTW", "9", year: 2018)])])
        #expect((try? again[0].get())?.appended == 1)
        #expect(try log.store.verify().isIntact)
    }

    /// Every row of every table but SQLite's own, sorted: what the file holds, whatever order it was written in.
    static func tables(_ log: TemporaryLog) throws -> [String: [String]] {
        try log.raw { db in
            var tables: [String: [String]] = [:]
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") {
                tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\"").map(\.description).sorted()
            }
            return tables
        }
    }
}
