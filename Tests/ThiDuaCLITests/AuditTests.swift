import Foundation
import Testing

@Suite("End to end: replay, diff, log filters and follow, export round trip")
struct AuditTests {
    func seeded() throws -> Thidua {
        let cli = try Thidua()
        #expect(try cli.run("append", Example.seedPath).status == 0)
        return cli
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func replayJSONHoldsTheWholeYear() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run("replay", "--year", "2017", "--format", "json")
        #expect(result.status == 0)
        let doc = try json(result.stdout)
        for key in ["bloc", "year", "position", "status", "members", "officers", "criteria", "scores", "standings", "elections", "pact", "awards", "stateHash"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        #expect(doc["position"] as? Int == 188)
        #expect(doc["status"] as? String == "closed")
        #expect((doc["members"] as? [[String: Any]])?.first?["active"] as? Bool == true)
        #expect((doc["scores"] as? [[String: Any]])?.contains { $0["reviewed"] as? Double == 8.5 && $0["member"] as? String == "VPTW" } == true)
        #expect((doc["standings"] as? [[String: Any]])?.first?["member"] as? String == "BNCTW")
        #expect((doc["stateHash"] as? String)?.count == 64)
        let standings = try json(try cli.run("standings", "--year", "2017", "--format", "json").stdout)
        #expect((standings["rows"] as? NSArray) == (doc["standings"] as? NSArray))
    }

    @Test func replayAsOfTheConferenceMorning() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let morning = try json(try cli.run("replay", "--year", "2017", "--as-of", "2018-03-30T09:25:00+07:00", "--format", "json").stdout)
        #expect(morning["status"] as? String == "finalized")
        #expect((morning["awards"] as? [Any])?.isEmpty == true)
        let elections = try #require(morning["elections"] as? [[String: Any]])
        #expect(elections.first?["outcome"] as? String == "elected")
        let table = try cli.run("replay", "--year", "2018", "--at", "199", "--lang", "en")
        #expect(table.stdout.contains("head: BKTTW Ban Kinh tế Trung ương"), "\(table)")
        #expect(table.stdout.contains("replayed to position 199 (up to position 199)"))
        let written = try cli.run("replay", "--year", "2017", "--as-of", "30/3/2018", "--format", "json")
        let iso = try cli.run("replay", "--year", "2017", "--as-of", "2018-03-30", "--format", "json")
        #expect(written.status == 0 && written.stdout == iso.stdout)
        let bad = try cli.run("replay", "--year", "2017", "--as-of", "30.3.2018")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--as-of 30.3.2018"))
    }

    @Test func exportOfEveryYearReimportsWithTheSameStateHash() throws {
        let cli = try seeded()
        defer { cli.remove() }
        for year in ["2017", "2018"] {
            let exported = try cli.run("export", "--year", year).stdout
            let file = try cli.write("y\(year).jsonl", exported)
            let copy = cli.path("copy\(year).sqlite")
            #expect(try cli.run("--db", copy, "append", file).status == 0)
            let original = try json(try cli.run("replay", "--year", year, "--format", "json").stdout)
            let copied = try json(try cli.run("--db", copy, "replay", "--year", year, "--format", "json").stdout)
            #expect(original["stateHash"] as? String == copied["stateHash"] as? String, "\(year)")
            #expect(try cli.run("--db", copy, "verify").status == 0)
        }
    }

    @Test func diffNamesTheEventsBehindEachChange() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run("diff", "--year", "2017", "--from", "2017-12-31", "--to", "2018-03-30", "--format", "json")
        #expect(result.status == 0, "\(result)")
        let doc = try json(result.stdout)
        let changes = try #require(doc["changes"] as? [[String: Any]])
        let review = try #require(changes.first { $0["kind"] as? String == "score" && $0["subject"] as? String == "VPTW 1.2" })
        #expect(review["before"] as? String == "9")
        #expect(review["after"] as? String == "8.5 (reviewed; self 9)")
        let events = try #require(review["events"] as? [[String: Any]])
        #expect(events.map { $0["type"] as? String } == ["score.reviewed"])
        #expect(events.first?["position"] as? Int == 175)
        let flag = try #require(changes.first { $0["kind"] as? String == "award" && $0["subject"] as? String == "BNCTW" })
        #expect(flag["after"] as? String == "government-flag proposed")
        #expect(changes.contains { $0["kind"] as? String == "status" && $0["after"] as? String == "closed" })
        let byPosition = try cli.run("diff", "--year", "2018", "--from", "199", "--to", "209", "--lang", "en")
        #expect(byPosition.stdout.contains("officers"))
        #expect(byPosition.stdout.contains("head BKTTW; deputies VPTW"))
        #expect(byPosition.stdout.contains("#209 election.closed by BKTTW"))
    }

    @Test func logFiltersForAnAuditor() throws {
        let cli = try seeded()
        defer { cli.remove() }
        func positions(_ arguments: String...) throws -> [Int] {
            try cli.run(["log", "--format", "csv"] + arguments).stdout.split(separator: "\n").dropFirst().compactMap { Int($0.split(separator: ",")[0]) }
        }
        #expect(try positions("--member", "VPTW", "--criterion", "1.2", "--year", "2017") == [62, 175])
        #expect(try positions("--actor", "secretariat", "--year", "2018") == [189])
        #expect(try positions("--type", "election.closed") == [183, 199, 209])
        #expect(try positions("--since", "2018-03-30", "--until", "2018-03-30T09:21:00+07:00", "--year", "2017") == [181, 182, 183])
        #expect(try positions("--from", "240", "--to", "242") == [240, 241, 242])
        let table = try cli.run("log", "--member", "BTCTW", "--type", "score.reviewed", "--lang", "en")
        #expect(table.stdout.contains("177  2018-01-17T14:00:00+07:00"))
        #expect(table.stdout.contains("BTCTW P.2 → 1: Gửi báo cáo tổng kết chậm 10 ngày"))
        #expect(try positions("--recorded-until", "2000-01-01").isEmpty)
    }

    @Test func followPrintsNewEventsAsTheyArrive() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let (process, out, _) = try cli.start(["log", "--follow", "--type", "score.submitted", "--format", "json", "--from", "246"])
        defer { Thidua.stop(process) }
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try cli.run("--as", "BKTTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14").status == 0)
        var received = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !received.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        let line = String(decoding: received, as: UTF8.self)
        #expect(line.contains(#""position":246"#))
        #expect(line.contains(#""points":14"#))
        #expect(process.isRunning)
        #expect(Thidua.stop(process, with: SIGTERM), "log --follow ended on SIGTERM")
    }
}
