import Foundation
import Testing

/// `log --election` and `elections --election`: one election's events or row; an id the bloc never had is an error.
@Suite struct ElectionFilterTests {
    func seeded() throws -> Thidua {
        let cli = try Thidua()
        let result = try cli.run("append", Example.seedPath)
        #expect(result.status == 0, "\(result)")
        return cli
    }

    @Test func logShowsOneElectionsEventsInAnyCase() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run("log", "--election", "head-2018", "--format", "json")
        #expect(result.status == 0, "\(result)")
        let events = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(events.count == 10)
        for event in events {
            let data = try #require(event["data"] as? [String: Any])
            #expect(data["election"] as? String == "HEAD-2018")
        }
        #expect(events.first?["type"] as? String == "election.opened")
        #expect(events.last?["type"] as? String == "election.closed")
    }

    @Test func electionsShowsOneElection() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run("elections", "--year", "2018", "--election", "Deputy-2018", "--format", "csv")
        #expect(result.status == 0, "\(result)")
        let rows = result.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasPrefix("DEPUTY-2018,") })
    }

    @Test("an election the bloc never had is an error naming the known ones", arguments: [
        ["log", "--election", "HEAD-2030"],
        ["elections", "--year", "2018", "--election", "HEAD-2030"],
    ])
    func unknownElection(arguments: [String]) throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains("HEAD-2030"))
        #expect(result.stderr.contains("DEPUTY-2018"))
        #expect(result.stderr.contains("HEAD-2018"))
    }
}
