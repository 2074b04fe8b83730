import Foundation
import Testing
import ThiDuaLog
import ThiDuaServer
import ThiDuaStore

/// The group-commit writer (§12): requests that wait together are committed in one transaction.
@Suite("Server: group commit")
struct GroupCommitWriterTests {
    static let setup = [
        #"{"type":"bloc.founded","bloc":"BDTW","actor":"secretariat","occurredAt":"2016-12-01T08:00:00+07:00","data":{"name":"Khối thi đua"}}"#,
        #"{"type":"year.opened","bloc":"BDTW","year":2017,"actor":"secretariat","occurredAt":"2017-01-05T08:00:00+07:00","data":{"members":[{"code":"BNCTW","name":"Ban Nội chính"},{"code":"UBKTTW","name":"Ủy ban Kiểm tra"},{"code":"BKTTW","name":"Ban Kinh tế"}],"head":"BNCTW"}}"#,
        #"{"type":"criterion.set","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2017-01-06T08:00:00+07:00","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":20}}"#,
    ]

    static func item(_ line: String) -> [AppendItem] {
        [AppendItem(line: 1, event: Result { () throws(ThiDuaError) -> ProposedEvent in try Envelope.parse(line: Array(line.utf8)) })]
    }

    static func score(_ points: Int) -> String {
        #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2017-12-01T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":\#(points)}}"#
    }

    @Test(arguments: [1, GroupCommitWriter.defaultMaximumGroup])
    func requestsWaitingTogetherShareOneTransactionAndARefusalLeavesTheOthers(maximumGroup: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try EventStore(path: directory.appendingPathComponent("log.sqlite").path, create: true)
        _ = try store.append(Self.setup.flatMap(Self.item))
        let writer = GroupCommitWriter(store: store, maximumGroup: maximumGroup)
        // Twelve requests queued before the writer runs, every fourth over the maximum.
        let results = try await withThrowingTaskGroup(of: (Int, Result<AppendReport, StoreError>).self) { group in
            for index in 0..<12 {
                group.addTask { (index, await writer.append(Self.item(Self.score(index % 4 == 3 ? 25 : index)))) }
            }
            while writer.pendingCount < 12 { try await Task.sleep(nanoseconds: 1_000_000) }
            let running = Task { try await writer.run() }
            var results: [Int: Result<AppendReport, StoreError>] = [:]
            for try await (index, result) in group { results[index] = result }
            running.cancel()
            _ = try? await running.value
            return results
        }
        var positions: [Int64] = []
        for index in 0..<12 {
            switch try #require(results[index]) {
            case .success(let report):
                #expect(index % 4 != 3)
                positions += report.outcomes.map(\.position)
            case .failure(.rejected(let refusal)):
                #expect(index % 4 == 3 && refusal.code == .pointsOverMaximum)
            case .failure(let other):
                Issue.record("request \(index) failed: \(other)")
            }
        }
        #expect(positions.sorted() == Array(4...12))
        let statistics = writer.statistics
        #expect(statistics.requests == 12)
        #expect(statistics.transactions == (maximumGroup == 1 ? 12 : 1))
        #expect(try store.verify().isIntact)

        // A live follower is sent the committed rows as the file holds them, each with the hash before it.
        let fromMemory = try #require(writer.commitSignal.recent(after: 3, EventFilter()))
        let fromFile = try store.events(after: 3, EventFilter(), limit: 100)
        #expect(fromMemory.through == fromFile.through)
        #expect(fromMemory.events.map(\.event) == fromFile.events.map(\.event))
        #expect(fromMemory.events.map(\.prevHash) == fromFile.events.map(\.prevHash))
        var oneMember = EventFilter()
        oneMember.actor = "UBKTTW"
        #expect(try #require(writer.commitSignal.recent(after: 3, oneMember)).events.isEmpty)
        var byMember = EventFilter()
        byMember.member = "BNCTW"
        #expect(writer.commitSignal.recent(after: 3, byMember) == nil)
        #expect(writer.commitSignal.recent(after: 2, EventFilter()) == nil)
    }

    @Test func rowsAnotherProcessAppendedAreLeftToTheFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        let store = try EventStore(path: path, create: true)
        _ = try store.append(Self.setup.flatMap(Self.item))
        let writer = GroupCommitWriter(store: store)
        let running = Task { try await writer.run() }
        defer { running.cancel() }
        _ = try await writer.append(Self.item(Self.score(1))).get()
        // Another process (a CLI on the same file) appends position 5; the writer's next commit is position 6.
        _ = try EventStore(path: path, create: false).append(Self.item(Self.score(2)))
        _ = try await writer.append(Self.item(Self.score(3))).get()
        #expect(writer.commitSignal.recent(after: 3, EventFilter()) == nil)
        let after5 = try #require(writer.commitSignal.recent(after: 5, EventFilter()))
        let fromFile = try store.events(after: 5, EventFilter(), limit: 100)
        #expect(after5.events.map(\.event) == fromFile.events.map(\.event))
        #expect(after5.events.map(\.prevHash) == fromFile.events.map(\.prevHash))
    }
}
