import Foundation
import Synchronization
import Testing
import ThiDuaServer

/// The year report at the head is made once per head, however many live pages ask for it (§12 web pages).
@Suite("Server: report cache")
struct ReportCacheTests {
    final class Builds: Sendable {
        let count = Atomic<Int>(0)
        func make(_ text: String, delay: UInt64 = 0, failing: Bool = false) -> @Sendable () async throws -> String {
            { [self] in
                count.add(1, ordering: .relaxed)
                if delay > 0 { try await Task.sleep(nanoseconds: delay) }
                if failing { throw CancellationError() }
                return text
            }
        }
    }

    @Test func oneBuildPerHeadHoweverManyAskAtOnce() async throws {
        let cache = ReportCache()
        let builds = Builds()
        let reports = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.report("BDTW/2017", head: 7, make: builds.make("at 7", delay: 50_000_000)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(reports == Array(repeating: "at 7", count: 20))
        #expect(builds.count.load(ordering: .relaxed) == 1)
        #expect(try await cache.report("BDTW/2017", head: 7, make: builds.make("again")) == "at 7")
        #expect(try await cache.report("BDTW/2017", head: 8, make: builds.make("at 8")) == "at 8")
        #expect(try await cache.report("BDTW/2018", head: 8, make: builds.make("2018 at 8")) == "2018 at 8")
        #expect(builds.count.load(ordering: .relaxed) == 3)
    }

    @Test func aRequestThatReadAnOlderHeadIsAnsweredButNotKept() async throws {
        let cache = ReportCache()
        let builds = Builds()
        #expect(try await cache.report("BDTW/2017", head: 9, make: builds.make("at 9")) == "at 9")
        #expect(try await cache.report("BDTW/2017", head: 8, make: builds.make("at 8")) == "at 8")
        #expect(try await cache.report("BDTW/2017", head: 9, make: builds.make("again")) == "at 9")
        #expect(builds.count.load(ordering: .relaxed) == 2)
    }

    @Test func aFailedBuildIsNotKept() async throws {
        let cache = ReportCache()
        let builds = Builds()
        await #expect(throws: CancellationError.self) { try await cache.report("BDTW/2017", head: 3, make: builds.make("x", failing: true)) }
        #expect(try await cache.report("BDTW/2017", head: 3, make: builds.make("made")) == "made")
        #expect(builds.count.load(ordering: .relaxed) == 2)
    }

    @Test func itKeepsABoundedNumberOfYears() async throws {
        let cache = ReportCache(capacity: 2)
        let builds = Builds()
        for year in 2015...2018 { _ = try await cache.report("BDTW/\(year)", head: Int64(year), make: builds.make("\(year)")) }
        #expect(try await cache.report("BDTW/2018", head: 2018, make: builds.make("rebuilt")) == "2018")
        #expect(try await cache.report("BDTW/2015", head: 2015, make: builds.make("rebuilt")) == "rebuilt")
    }
}
