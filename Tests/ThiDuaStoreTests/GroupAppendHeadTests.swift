import Foundation
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

/// A group transaction reads the chain head once and carries it, with recordedAt, from batch to batch (§12): a refused
/// batch must leave the head where the accepted ones left it, and another process's append between two groups must be
/// chained on, never overwritten.
@Suite("Store contract: group append carries the head from batch to batch")
struct GroupAppendHeadTests {
    static let items = GroupAppendContractTests.items

    @Test func aRefusedBatchLeavesTheHeadAndTheIdsWhereTheAcceptedOnesLeftThem() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        let before = Int64(try log.all().count)
        let reused = "0194aaaa-0000-7000-8000-000000000001"
        let results = try log.store.appendGroup([
            Self.items([Lines.score("BNCTW", "10")]),
            // Its first row is written, then the batch is refused at its second line and rolled back.
            Self.items([Lines.score("UBKTTW", "11", id: reused), Lines.score("BNCTW", "21")]),
            Self.items([Lines.score("BKTTW", "12")]),
            Self.items(["{not json"]),
            Self.items([Lines.score("UBKTTW", "11", id: reused), Lines.score("BKTTW", "5")]),
        ])
        #expect(results.map { (try? $0.get()) != nil } == [true, false, true, false, true])
        let last = try results[4].get()
        #expect(last.alreadyRecorded == 0, "the id of the rolled-back row is free again")
        #expect(last.outcomes.map(\.position) == [before + 3, before + 4])
        let events = try log.all()
        #expect(events.map(\.position) == Array(1...(before + 4)))
        #expect(last.head?.position == before + 4)
        #expect(last.head?.hash == events.last?.hash)
        #expect(try log.store.verify().isIntact)
        try log.append([Lines.score("BNCTW", "9")])
        #expect(try log.store.verify().isIntact)
    }

    @Test func recordedAtNeverRunsBehindAnEarlierBatchOfTheGroupWhenTheClockGoesBack() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        let ticks = Counter(start: 1_800_000_000_000_000)
        let backwards = try EventStore(path: log.path, create: false, clock: { ticks.next(step: -1_000_000) })
        let results = try backwards.appendGroup((0..<3).map { Self.items([Lines.score("BNCTW", "\($0)")]) })
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let stamps = try log.all().suffix(3).map(\.recordedAt)
        #expect(stamps.count == 3 && Set(stamps).count == 1, "\(stamps)")
        #expect(try log.store.verify().isIntact)
    }

    @Test func anotherProcessAppendingBetweenTwoGroupsIsChainedOnNotOverwritten() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        let before = Int64(try log.all().count)
        _ = try log.store.appendGroup([Self.items([Lines.score("BNCTW", "10")]), Self.items([Lines.score("UBKTTW", "11")])])
        // A CLI process on the same file, between the server's two transactions.
        let other = try EventStore(path: log.path, create: false)
        _ = try other.append(Self.items([Lines.score("BKTTW", "12")]))
        let results = try log.store.appendGroup([Self.items([Lines.score("BNCTW", "13")]), Self.items([Lines.score("BKTTW", "14")])])
        #expect(try results.map { try $0.get().outcomes.map(\.position) } == [[before + 4], [before + 5]])
        let events = try log.all()
        #expect(events.map(\.position) == Array(1...(before + 5)))
        #expect(events[Int(before) + 2].data.contains("12"), "the other process's row is still there")
        #expect(try log.store.verify().isIntact)
    }
}
