import Testing
import ThiDuaLog
import ThiDuaServer

/// The rows the writer committed last, which live followers are sent without a read (§12 follow): only a run with no
/// gap, each row with the hash before it.
@Suite("Server: recent events")
struct RecentEventsTests {
    static func row(_ position: Int64, hashedBy mark: UInt8? = nil) -> RecordedEvent {
        RecordedEvent(position: position, stream: "BDTW/2017", version: position, id: "id-\(position)", type: "score.submitted",
                      schema: 1, actor: "BNCTW", occurredAt: "2017-12-01T08:00:00+07:00", recordedAt: "2017-12-01T08:00:00Z",
                      correlation: nil, data: "{}", hash: [UInt8](repeating: mark ?? UInt8(position % 256), count: 32))
    }

    static func rows(_ positions: ClosedRange<Int64>) -> [RecordedEvent] { positions.map { row($0) } }

    @Test func aFollowerGetsEveryRowAfterItsPositionEachWithTheHashBeforeIt() throws {
        var recent = RecentEvents()
        recent.add(Self.rows(5...7), after: Self.row(4).hash)
        recent.add(Self.rows(8...9), after: Self.row(7).hash)
        let after5 = try #require(recent.after(5))
        #expect(after5.map(\.event.position) == [6, 7, 8, 9])
        #expect(after5.map(\.prevHash) == [5, 6, 7, 8].map { Self.row($0).hash })
        #expect(try #require(recent.after(4)).first?.prevHash == Self.row(4).hash)
    }

    @Test(arguments: [0, 3, 9, 10, .max] as [Int64])
    func aPositionTheRunDoesNotFollowIsLeftToTheFile(_ position: Int64) {
        var recent = RecentEvents()
        recent.add(Self.rows(5...9), after: Self.row(4).hash)
        #expect(recent.after(position) == nil)
    }

    @Test func anAppendByAnotherProcessInBetweenStartsTheRunAgain() throws {
        var recent = RecentEvents()
        recent.add(Self.rows(1...3), after: EventHashing.genesis)
        // Rows 4 and 5 were appended by another process: this commit does not follow row 3.
        recent.add(Self.rows(6...7), after: Self.row(5).hash)
        #expect(recent.events.map(\.position) == [6, 7])
        #expect(recent.after(3) == nil)
        #expect(try #require(recent.after(5)).map(\.prevHash) == [Self.row(5).hash, Self.row(6).hash])
    }

    @Test func aCommitWhoseHashBeforeIsNotTheRunsLastStartsTheRunAgain() {
        var recent = RecentEvents()
        recent.add(Self.rows(1...3), after: EventHashing.genesis)
        recent.add([Self.row(4)], after: [UInt8](repeating: 0xAA, count: 32))
        #expect(recent.events.map(\.position) == [4])
    }

    @Test func theRunIsCutBackToItsCapacityKeepingTheHashBeforeItsFirstRow() throws {
        var recent = RecentEvents()
        let last = Int64(2 * RecentEvents.capacity + 1)
        recent.add(Self.rows(1...last), after: EventHashing.genesis)
        #expect(recent.events.count == RecentEvents.capacity)
        let first = try #require(recent.events.first).position
        #expect(first == last - Int64(RecentEvents.capacity) + 1)
        #expect(recent.after(first - 2) == nil)
        #expect(try #require(recent.after(first - 1)).first?.prevHash == Self.row(first - 1).hash)
    }
}
