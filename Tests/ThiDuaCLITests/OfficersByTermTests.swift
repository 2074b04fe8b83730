import Foundation
import Testing

@Suite("End to end: officers by term, year open --from, the time rule and no self-review (§10)")
struct OfficersByTermTests {
    static func ok(_ cli: Thidua, _ arguments: String...) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
    }

    static func json(_ cli: Thidua, _ arguments: String...) throws -> [String: Any] {
        let result = try cli.run(arguments)
        try #require(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func officers(_ cli: Thidua, _ year: String) throws -> (String?, [String]) {
        let officers = try #require(try json(cli, "officers", "--year", year, "--format", "json")["officers"] as? [String: Any])
        return (officers["head"] as? String, officers["deputies"] as? [String] ?? [])
    }

    /// A provincial bloc's 2024: five departments, head SKHDT, deputy STC; SXD withdraws. In the 2024 stream the sitting
    /// head opens the election of the 2025 head (SYT elected), then the 2025 deputies' (SKHDT and SGTVT elected).
    static func year2024() throws -> Thidua {
        let cli = try Thidua()
        try ok(cli, "init", "--bloc", "TINH", "--name", "Khối thi đua các sở", "--occurred-at", "2023-12-01")
        try ok(cli, "--as", "secretariat", "year", "open", "2024", "--member", "SKHDT=Sở Kế hoạch và Đầu tư", "--member", "STC=Sở Tài chính",
               "--member", "SGTVT=Sở Giao thông vận tải", "--member", "SYT=Sở Y tế", "--member", "SXD=Sở Xây dựng",
               "--head", "skhdt", "--deputy", "STC")
        try ok(cli, "--as", "secretariat", "member", "withdraw", "--year", "2024", "--code", "SXD", "--reason", "Sáp nhập")
        try ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "head-2025", "--office", "head", "--term", "2025",
               "--candidates", "STC,SYT")
        for voter in ["SKHDT", "STC", "SGTVT", "SYT"] {
            try ok(cli, "--as", voter, "vote", "--year", "2024", "--election", "HEAD-2025", "--for", "SYT")
        }
        let closed = try cli.run("--as", "SKHDT", "election", "close", "--year", "2024", "--id", "HEAD-2025", "--lang", "en")
        #expect(closed.stdout.contains("election HEAD-2025: elected SYT (4 ballots) for 2025; the officers of 2024 stay in office"), "\(closed)")
        #expect(try officers(cli, "2024") == ("SKHDT", ["STC"]))
        // The sitting head can still open the deputies' election.
        try ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "DEP-2025", "--office", "deputy", "--seats", "2",
               "--term", "2025", "--candidates", "SKHDT,STC,SGTVT")
        for voter in ["SKHDT", "STC", "SGTVT", "SYT"] {
            try ok(cli, "--as", voter, "vote", "--year", "2024", "--election", "DEP-2025", "--for", "SKHDT,SGTVT")
        }
        try ok(cli, "--as", "STC", "election", "close", "--year", "2024", "--id", "DEP-2025")
        return cli
    }

    @Test("closing elections for the next term leaves this year's officers; elections and replay show each term")
    func theIssuesScenario() throws {
        let cli = try Self.year2024()
        defer { cli.remove() }
        #expect(try Self.officers(cli, "2024") == ("SKHDT", ["STC"]))
        let elections = try #require(try Self.json(cli, "elections", "--year", "2024", "--format", "json")["elections"] as? [[String: Any]])
        #expect(elections.map { $0["id"] as? String } == ["HEAD-2025", "DEP-2025"])
        #expect(elections.map { $0["term"] as? Int } == [2025, 2025])
        #expect(elections.map { $0["elected"] as? [String] } == [["SYT"], ["SGTVT", "SKHDT"]])
        let csv = try cli.run("elections", "--year", "2024", "--format", "csv")
        let lines = csv.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "id,office,term,seats,method,candidate,votes,elected,ballots,status,outcome", "\(csv)")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[2] == "2025" }, "\(csv)")
        #expect(lines.contains("HEAD-2025,head,2025,1,open,SYT,4,true,4,closed,elected"), "\(csv)")
        let replay = try Self.json(cli, "replay", "--year", "2024", "--format", "json")
        #expect((replay["elections"] as? [[String: Any]])?.map { $0["term"] as? Int } == [2025, 2025])
        let next = try #require(replay["nextTerm"] as? [String: Any])
        #expect(next["term"] as? Int == 2025 && next["head"] as? String == "SYT")
        #expect(next["deputies"] as? [String] == ["SGTVT", "SKHDT"])
        #expect(next["elections"] as? [String] == ["HEAD-2025", "DEP-2025"])
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.pythonVerify().status == 0)
    }

    @Test("year open --from carries over the members active at the end and the officers elected for the term")
    func yearOpenFrom() throws {
        let cli = try Self.year2024()
        defer { cli.remove() }
        try Self.ok(cli, "--as", "secretariat", "year", "open", "2025", "--from", "2024")
        #expect(try Self.officers(cli, "2025") == ("SYT", ["SGTVT", "SKHDT"]))
        let members = try #require(try Self.json(cli, "replay", "--year", "2025", "--format", "json")["members"] as? [[String: Any]])
        #expect(members.map { $0["code"] as? String } == ["SKHDT", "STC", "SGTVT", "SYT"])
        #expect(members.first?["name"] as? String == "Sở Kế hoạch và Đầu tư")
        let log = try cli.run("log", "--year", "2025", "--format", "json")
        let opened = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])
        let data = try #require(opened["data"] as? [String: Any])
        #expect(data["basis"] as? String == "Kế thừa năm 2024; bầu tại HEAD-2025, DEP-2025")
        // The officers of both years, each as elected.
        #expect(try Self.officers(cli, "2024") == ("SKHDT", ["STC"]))
        #expect(try cli.run("--as", "SYT", "criterion", "set", "--year", "2025", "--code", "1.1", "--title", "Nhiệm vụ", "--max", "10").status == 0)
        #expect(try cli.pythonVerify().status == 0)
    }

    @Test("explicit officers replace the carried ones and explicit members are added")
    func explicitOptionsCombineWithFrom() throws {
        let cli = try Self.year2024()
        defer { cli.remove() }
        try Self.ok(cli, "--as", "secretariat", "year", "open", "2025", "--from", "2024", "--head", "sgtvt", "--member", "SNV=Sở Nội vụ",
                    "--member", "STC=Sở Tài chính tỉnh")
        #expect(try Self.officers(cli, "2025") == ("SGTVT", ["SKHDT"]))
        let members = try #require(try Self.json(cli, "replay", "--year", "2025", "--format", "json")["members"] as? [[String: Any]])
        #expect(members.map { $0["code"] as? String } == ["SKHDT", "SGTVT", "SYT", "SNV", "STC"])
        #expect(members.last?["name"] as? String == "Sở Tài chính tỉnh")
        let log = try cli.run("log", "--year", "2025", "--format", "json")
        #expect(log.stdout.contains(#""basis":"Kế thừa năm 2024; bầu tại DEP-2025""#), "\(log)")
    }

    @Test("--from must name the year before, and one that was opened", arguments: [
        (["2026", "--from", "2024"], Int32(64), "--from 2024"),
        (["2025", "--from", "2025"], Int32(64), "for 2025 that is --from 2024"),
        (["2024", "--from", "2023"], Int32(1), "year 2023 of TINH was never opened"),
        (["--year=-9223372036854775808", "--from", "9223372036854775807"], Int32(64), "a year carries over from the year just before it"),
    ])
    func fromRefused(arguments: [String], status: Int32, message: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try Self.ok(cli, "init", "--bloc", "TINH", "--name", "Khối", "--occurred-at", "2023-12-01")
        try Self.ok(cli, "--as", "secretariat", "year", "open", "2024", "--member", "A=Sở A", "--member", "B=Sở B")
        let result = try cli.run(["--as", "secretariat", "year", "open"] + arguments)
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
    }

    @Test("typed commands meet the new rules: a term two years on, a self-review, a vote dated before its election")
    func typedRefusals() throws {
        let cli = try Self.year2024()
        defer { cli.remove() }
        let term = try cli.run("--as", "SKHDT", "election", "open", "--year", "2024", "--id", "H-2026", "--office", "head", "--term", "2026",
                               "--candidates", "STC")
        #expect(term.status == 1 && term.stderr.contains("[bad-term]"), "\(term)")
        try Self.ok(cli, "--as", "SKHDT", "criterion", "set", "--year", "2024", "--code", "1.1", "--title", "Nhiệm vụ", "--max", "10")
        try Self.ok(cli, "--as", "SKHDT", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "9")
        let review = try cli.run("--as", "SKHDT", "score", "review", "--year", "2024", "--member", "SKHDT", "--criterion", "1.1",
                                 "--points", "10", "--reason", "Tự chấm lại")
        #expect(review.status == 1 && review.stderr.contains("[self-review]"), "\(review)")
        try Self.ok(cli, "--as", "STC", "score", "review", "--year", "2024", "--member", "SKHDT", "--criterion", "1.1",
                    "--points", "8", "--reason", "Thẩm định")
        try Self.ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "A-2024", "--office", "deputy", "--candidates", "SYT")
        let vote = try cli.run("--as", "STC", "vote", "--year", "2024", "--election", "A-2024", "--for", "SYT", "--occurred-at", "2024-01-10")
        #expect(vote.status == 1 && vote.stderr.contains("[out-of-order-time]"), "\(vote)")
        #expect(vote.stderr.contains("2024-01-10T12:00:00+07:00") && vote.stderr.contains("before year 2024 was opened at"), "\(vote)")
        let future = try cli.run("--as", "STC", "vote", "--year", "2024", "--election", "A-2024", "--for", "SYT", "--occurred-at", "2999-01-01")
        #expect(future.status == 1 && future.stderr.contains("more than 5 minutes after it was recorded"), "\(future)")
    }

    @Test("a bloc founded today opens its past years; a year opened before 1 January of the year before it is refused")
    func pastYearsOfABlocFoundedToday() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try Self.ok(cli, "init", "--bloc", "TINH", "--name", "Khối")
        let early = try cli.run("--as", "secretariat", "year", "open", "2024", "--member", "A=Sở A", "--member", "B=Sở B",
                                "--occurred-at", "2022-12-31")
        #expect(early.status == 1 && early.stderr.contains("[out-of-order-time]"), "\(early)")
        #expect(early.stderr.contains("1 January 2023"), "\(early)")
        try Self.ok(cli, "--as", "secretariat", "year", "open", "2024", "--member", "A=Sở A", "--member", "B=Sở B",
                    "--occurred-at", "2024-01-05")
        #expect(try cli.run("verify").status == 0)
    }

    @Test("a log whose snapshots an older thidua wrote verifies in both verifiers, as outdated, not altered")
    func outdatedSnapshots() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        try cli.sqlite("UPDATE year_snapshot SET state = json_remove(json_set(state, '$.layout', 1), '$.times', '$.nextTerm', '$.seal');")
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("snapshots: BDTW/2017, BDTW/2018 written by an older thidua (outdated, not altered)"), "\(verify)")
        let python = try cli.pythonVerify()
        #expect(python.status == 0 && python.stdout.contains("snapshots: BDTW/2017, BDTW/2018 written by an older thidua"), "\(python)")
        #expect(try cli.run("rebuild").status == 0)
        let rebuilt = try cli.run("verify")
        #expect(rebuilt.status == 0 && !rebuilt.stdout.contains("outdated"), "\(rebuilt)")
    }
}
