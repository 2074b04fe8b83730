import Foundation
import Testing

@Suite("End to end: a whole year typed command by command, then every query")
struct TypedYearTests {
    /// Runs a write and checks it succeeded; returns its stdout.
    @discardableResult
    static func ok(_ cli: Thidua, _ arguments: String...) throws -> String {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
        return result.stdout
    }

    static func typedYear() throws -> Thidua {
        let cli = try Thidua()
        try ok(cli, "init", "--bloc", "KTW", "--name", "Khối thi đua thử nghiệm", "--occurred-at", "2000-01-01")
        try ok(cli, "--as", "secretariat", "rules", "adopt", "--from-year", "2019", "--certificate-limit", "2")
        try ok(cli, "--as", "secretariat", "year", "open", "2019", "--member", "A1=Ban Một", "--member", "B2=Ban Hai",
               "--member", "C3=Ban Ba", "--member", "D4=Ban Bốn", "--head", "A1", "--deputy", "B2")
        try ok(cli, "--as", "A1", "criterion", "set", "--year", "2019", "--code", "1.1", "--title", "Nhiệm vụ chính trị", "--max", "60", "--group", "I")
        try ok(cli, "--as", "A1", "criterion", "set", "--year", "2019", "--code", "1.2", "--title", "Công tác thi đua", "--max", "40", "--group", "I")
        try ok(cli, "--as", "B2", "criterion", "set", "--year", "2019", "--code", "B.1", "--title", "Sáng kiến", "--max", "5", "--kind", "bonus")
        try ok(cli, "--as", "B2", "criterion", "set", "--year", "2019", "--code", "P.1", "--title", "Vi phạm", "--max", "5", "--kind", "penalty")
        try ok(cli, "--as", "B2", "criterion", "set", "--year", "2019", "--code", "X.1", "--title", "Tạm", "--max", "5")
        try ok(cli, "--as", "B2", "criterion", "retire", "--year", "2019", "--code", "X.1", "--reason", "Trùng lặp")
        let scores: [(String, String, String, String, String)] = [
            ("A1", "57", "38", "2", "0"), ("B2", "55", "39.25", "5", "1"), ("C3", "59", "37.75", "1.5", "0"), ("D4", "50", "30", "0", "0.5"),
        ]
        for (member, first, second, bonus, penalty) in scores {
            for (criterion, points) in [("1.1", first), ("1.2", second), ("B.1", bonus), ("P.1", penalty)] {
                try ok(cli, "--as", member, "score", "submit", "--year", "2019", "--criterion", criterion, "--points", points)
            }
        }
        let review = try ok(cli, "--as", "B2", "score", "review", "--year", "2019", "--member", "C3", "--criterion", "1.1",
                            "--points", "56.5", "--reason", "Chấm chéo: thiếu minh chứng", "--lang", "en")
        #expect(review.contains("C3 1.1 now 56.5 (the review counts); C3 total now 95.75, rank 3 of 4"), "\(review)")
        try ok(cli, "--as", "secretariat", "member", "admit", "--year", "2019", "--code", "E5", "--name", "Ban Năm")
        try ok(cli, "--as", "secretariat", "member", "withdraw", "--year", "2019", "--code", "E5", "--reason", "Sáp nhập")
        try ok(cli, "--as", "A1", "scores", "finalize", "--year", "2019")
        try ok(cli, "--as", "A1", "election", "open", "--year", "2019", "--id", "head-2020", "--office", "head", "--candidates", "C3,D4")
        for voter in ["A1", "B2", "C3"] { try ok(cli, "--as", voter, "vote", "--year", "2019", "--election", "head-2020", "--for", "C3") }
        try ok(cli, "--as", "D4", "vote", "--year", "2019", "--election", "head-2020", "--for", "D4")
        try ok(cli, "--as", "A1", "vote", "void", "--year", "2019", "--election", "head-2020", "--voter", "D4", "--reason", "Phiếu ghi sai")
        try ok(cli, "--as", "D4", "vote", "--year", "2019", "--election", "head-2020", "--for", "C3")
        let closed = try ok(cli, "--as", "A1", "election", "close", "--year", "2019", "--id", "head-2020", "--lang", "en")
        #expect(closed.contains("election HEAD-2020: elected C3 (4 ballots)"))
        try ok(cli, "--as", "C3", "election", "open", "--year", "2019", "--id", "dep-2020", "--office", "deputy", "--seats", "2",
               "--candidates", "A1,B2,D4", "--secret")
        try ok(cli, "--as", "C3", "election", "tally", "--year", "2019", "--id", "dep-2020", "--ballots", "4", "--invalid", "1",
               "--count", "A1=3", "--count", "B2=2", "--count", "D4=1")
        try ok(cli, "--as", "C3", "election", "close", "--year", "2019", "--id", "dep-2020")
        try ok(cli, "--as", "C3", "officers", "appoint", "--year", "2019", "--head", "C3", "--deputy", "A1", "--deputy", "B2",
               "--basis", "Kết quả bầu cử ngày 30/12")
        try ok(cli, "--as", "C3", "pact", "draft", "--year", "2019", "--clause", "Hoàn thành xuất sắc nhiệm vụ", "--clause", "Đoàn kết, sáng tạo")
        for (member, signatory) in [("A1", "Nguyễn Văn Một"), ("B2", "Trần Thị Hai"), ("C3", "Lê Văn Ba"), ("D4", "Phạm Thị Bốn")] {
            try ok(cli, "--as", member, "pact", "sign", "--year", "2019", "--signatory", signatory, "--title", "Phó trưởng ban")
        }
        try ok(cli, "--as", "D4", "registration", "submit", "--year", "2019", "--target", "Hoàn thành xuất sắc", "--seek", "pm-certificate")
        try ok(cli, "--as", "C3", "award", "propose", "--year", "2019", "--member", "B2", "--kind", "government-flag", "--basis", "Dẫn đầu Khối")
        try ok(cli, "--as", "C3", "award", "propose", "--year", "2019", "--member", "A1", "--kind", "pm-certificate")
        try ok(cli, "--as", "C3", "award", "propose", "--year", "2019", "--member", "D4", "--kind", "pm-certificate")
        try ok(cli, "--as", "C3", "award", "withdraw", "--year", "2019", "--member", "D4", "--kind", "pm-certificate", "--reason", "Rút")
        try ok(cli, "--as", "C3", "year", "close", "2019")
        try ok(cli, "--as", "secretariat", "award", "decide", "--year", "2019", "--member", "B2", "--kind", "government-flag",
               "--outcome", "granted", "--decision", "QĐ số 99/QĐ-TTg", "--date", "2020-05-01")
        return cli
    }

    static let queries = ["standings", "officers", "pact", "elections", "awards"]

    static func outputs(_ cli: Thidua, db: String? = nil) throws -> [String: String] {
        var out: [String: String] = [:]
        for query in queries {
            for format in ["table", "json", "csv"] {
                let result = try cli.run((db.map { ["--db", $0] } ?? []) + [query, "--year", "2019", "--format", format] + (format == "table" ? ["--lang", "en"] : []))
                #expect(result.status == 0, "\(query) \(format): \(result)")
                out["\(query) \(format)"] = result.stdout
            }
        }
        return out
    }

    static func json(_ out: [String: String], _ key: String) throws -> [String: Any] {
        let text = try #require(out[key])
        return try object(text)
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func everyQueryInEveryFormatAndTheSameYearAsJSONLines() throws {
        let cli = try Self.typedYear()
        defer { cli.remove() }
        let out = try Self.outputs(cli)

        let standings = try Self.json(out, "standings json")
        #expect(standings["bloc"] as? String == "KTW")
        #expect(standings["year"] as? Int == 2019)
        #expect(standings["status"] as? String == "closed")
        let rows = try #require(standings["rows"] as? [[String: Any]])
        #expect(rows.map { $0["member"] as? String } == ["B2", "A1", "C3", "D4"])
        #expect(rows.map { $0["rank"] as? Int } == [1, 2, 3, 4])
        #expect(rows[0]["name"] as? String == "Ban Hai")
        #expect(rows[0]["base"] as? Double == 94.25)
        #expect(rows[0]["bonus"] as? Double == 5)
        #expect(rows[0]["penalty"] as? Double == 1)
        #expect(rows[0]["total"] as? Double == 98.25)
        #expect(rows[0]["complete"] as? Bool == true)
        #expect(out["standings json"]?.contains(#""total":98.25"#) == true)
        #expect(out["standings csv"]?.split(separator: "\n").first == "rank,member,name,base,bonus,penalty,total,complete")
        #expect(out["standings csv"]?.contains("3,C3,Ban Ba,94.25,1.5,0,95.75,true") == true)
        #expect(out["standings table"]?.contains("Ban Bốn") == true)

        let officers = try Self.json(out, "officers json")
        let o = try #require(officers["officers"] as? [String: Any])
        #expect(o["head"] as? String == "C3")
        #expect(o["deputies"] as? [String] == ["A1", "B2"])
        #expect(out["officers csv"] == "role,member,name\nhead,C3,Ban Ba\ndeputy,A1,Ban Một\ndeputy,B2,Ban Hai\n")

        let pact = try #require(try Self.json(out, "pact json")["pact"] as? [String: Any])
        #expect(pact["clauses"] as? [String] == ["Hoàn thành xuất sắc nhiệm vụ", "Đoàn kết, sáng tạo"])
        #expect((pact["signatures"] as? [[String: Any]])?.count == 4)
        #expect(pact["inForce"] as? Bool == true)
        #expect(out["pact table"]?.contains("in force: signed by all 4 members") == true)

        let elections = try #require(try Self.json(out, "elections json")["elections"] as? [[String: Any]])
        #expect(elections.map { $0["id"] as? String } == ["HEAD-2020", "DEP-2020"])
        #expect(elections[0]["tally"] as? [String: Int] == ["C3": 4, "D4": 0])
        #expect(elections[0]["outcome"] as? String == "elected")
        #expect(elections[1]["method"] as? String == "secret")
        #expect(elections[1]["ballots"] as? Int == 3)
        #expect(elections[1]["elected"] as? [String] == ["A1", "B2"])

        let awards = try #require(try Self.json(out, "awards json")["awards"] as? [[String: Any]])
        #expect(awards.map { $0["member"] as? String } == ["B2", "A1", "D4"])
        #expect(awards.map { $0["status"] as? String } == ["granted", "proposed", "withdrawn"])
        #expect(awards[0]["decision"] as? String == "QĐ số 99/QĐ-TTg")
        #expect(out["awards table"]?.contains("Cờ thi đua của Chính phủ") == true)

        // The same year, appended as JSON Lines into a new log, answers every query identically.
        let exported = try cli.run("export").stdout
        let lines = try exported.split(separator: "\n").map { line -> String in
            var object = try Self.object(String(line))
            for key in ["position", "stream", "version", "recordedAt", "prevHash", "hash", "schema", "id"] { object.removeValue(forKey: key) }
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        let file = try cli.write("year.jsonl", lines.joined(separator: "\n") + "\n")
        let copy = cli.path("copy.sqlite")
        #expect(try cli.run("--db", copy, "append", file).status == 0)
        let copied = try Self.outputs(cli, db: copy)
        for key in out.keys.sorted() { #expect(copied[key] == out[key], "\(key)") }
    }

    @Test func aDeletedProjectionIsFoundByVerifyAndRestoredByRebuild() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("demo", "--examples", Thidua.packageRoot.appendingPathComponent("EventLog/examples").path).status == 0)
        let before = try cli.run("standings", "--year", "2017", "--format", "json").stdout
        for table in ["year_standing", "year_award", "year_summary"] {
            try cli.sqlite("DELETE FROM \(table) WHERE stream = 'BDTW/2017'")
            let verify = try cli.run("verify")
            #expect(verify.status == 2, "\(table): \(verify)")
            #expect(verify.stderr.contains("projections differ from the log"), "\(table)")
            #expect(verify.stderr.contains("run thidua rebuild"))
            let rebuilt = try cli.run("rebuild")
            #expect(rebuilt.stdout == "rebuilt the projections of 2 year(s) from the log\n")
            #expect(try cli.run("verify").status == 0)
            #expect(try cli.run("standings", "--year", "2017", "--format", "json").stdout == before)
        }
        try cli.sqlite("UPDATE year_standing SET total = total + 100 WHERE member = 'BTCTW'")
        #expect(try cli.run("verify").stderr.contains("BDTW/2017: standings differ from the log"))
    }

    @Test func writesSayWhoMustActAndRefuseWithExitOne() throws {
        let cli = try Self.typedYear()
        defer { cli.remove() }
        let missing = try cli.run("score", "submit", "--year", "2019", "--criterion", "1.1", "--points", "1")
        #expect(missing.status == 64)
        #expect(missing.stderr == "error: who is acting? pass --as CODE (a member code or 'secretariat') or set THIDUA_ACTOR\n")
        let closed = try cli.run("--as", "A1", "score", "submit", "--year", "2019", "--criterion", "1.1", "--points", "1")
        #expect(closed.status == 1)
        #expect(closed.stderr.hasPrefix("error: score.submitted rejected: year 2019 is closed; only award.decided and year.reopened are accepted; the secretariat may reopen it"))
        let noYear = try cli.run("standings", "--year", "2030")
        #expect(noYear.status == 1)
        #expect(noYear.stderr == "error: year 2030 of KTW has not been opened\n")
    }

    @Test("every command explains itself with an example", arguments: [
        ["init"], ["append"], ["year", "open"], ["year", "close"], ["year", "reopen"], ["member", "admit"], ["member", "withdraw"],
        ["rules", "adopt"], ["criterion", "set"], ["criterion", "retire"], ["score", "submit"], ["score", "review"],
        ["scores", "finalize"], ["election", "open"], ["election", "tally"], ["election", "close"], ["vote"], ["vote", "void"],
        ["officers"], ["officers", "appoint"], ["pact"], ["pact", "draft"], ["pact", "sign"], ["registration", "submit"],
        ["award", "propose"], ["award", "withdraw"], ["award", "decide"], ["standings"], ["elections"], ["awards"], ["log"],
        ["criteria"], ["scores"], ["scores", "sheet"], ["registrations"],
        ["export"], ["digest"], ["verify"], ["rebuild"], ["demo"],
    ])
    func help(command: [String]) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("thidua"), "\(command)")
        #expect(result.stdout.contains("Example") || result.stdout.contains("example"), "\(command): \(result.stdout)")
    }
}
