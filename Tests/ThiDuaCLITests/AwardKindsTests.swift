import Foundation
import Testing

@Suite("End to end: a provincial bloc adopts its own award kinds with rules adopt, then registers, proposes and reads them")
struct AwardKindsTests {
    static let flagName = "Cờ thi đua của Ủy ban nhân dân tỉnh"
    static let certificateName = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"

    func json(_ result: Thidua.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func csv(_ result: Thidua.Result) -> [String] {
        #expect(result.status == 0, "\(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    func refused(_ result: Thidua.Result, _ code: String) {
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.hasSuffix("[\(code)]\n"), "\(result)")
    }

    /// Bloc KTT adopts for 2024 a flag (first-ranked only, one) and certificates (two), kinds typed in mixed case;
    /// year 2024 of four departments scored 19, 17, 15, 12 and finalized.
    func provincialYear() throws -> Thidua {
        let cli = try Thidua()
        try TypedYearTests.ok(cli, "init", "--bloc", "KTT", "--name", "Khối thi đua các sở, ngành tỉnh")
        try TypedYearTests.ok(cli, "--as", "secretariat", "rules", "adopt", "--from-year", "2024",
                              "--award", "Provincial-Flag=\(Self.flagName)", "--award-first", "provincial-flag", "--award-limit", "PROVINCIAL-FLAG=1",
                              "--award", "provincial-certificate=\(Self.certificateName)", "--award-limit", "provincial-certificate=2")
        try TypedYearTests.ok(cli, "--as", "secretariat", "year", "open", "2024", "--member", "SKHDT=Sở Kế hoạch và Đầu tư",
                              "--member", "STC=Sở Tài chính", "--member", "SGTVT=Sở Giao thông vận tải", "--member", "SYT=Sở Y tế",
                              "--head", "SKHDT")
        try TypedYearTests.ok(cli, "--as", "SKHDT", "criterion", "set", "--year", "2024", "--code", "1.1", "--title", "Nhiệm vụ", "--max", "20")
        for (member, points) in [("SKHDT", "19"), ("STC", "17"), ("SGTVT", "15"), ("SYT", "12")] {
            try TypedYearTests.ok(cli, "--as", member, "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", points)
        }
        return cli
    }

    @Test func theKindsInForceAreListedForAYear() throws {
        let cli = try provincialYear()
        defer { cli.remove() }
        let rules = try json(try cli.run("rules", "--year", "2024", "--format", "json"))
        #expect(rules["bloc"] as? String == "KTT")
        #expect(rules["fromYear"] as? Int == 2024)
        #expect(rules["majority"] as? String == "1/2")
        #expect(rules["quorum"] as? String == "2/3")
        let awards = try #require(rules["awards"] as? [[String: Any]])
        #expect(awards.map { $0["kind"] as? String } == ["provincial-flag", "provincial-certificate"])
        #expect(awards.map { $0["name"] as? String } == [Self.flagName, Self.certificateName])
        #expect(awards.map { $0["onlyFirst"] as? Bool } == [true, false])
        #expect(awards.map { $0["limit"] as? Int } == [1, 2])
        #expect(csv(try cli.run("rules", "show", "--year", "2024", "--format", "csv")) == [
            "kind,name,onlyFirst,limit", "provincial-flag,\(Self.flagName),true,1", "provincial-certificate,\(Self.certificateName),false,2",
        ])
        let before = try json(try cli.run("rules", "--year", "2023", "--format", "json"))
        #expect(before["fromYear"] is NSNull)
        let national = try #require(before["awards"] as? [[String: Any]])
        #expect(national.map { $0["kind"] as? String } == ["government-flag", "pm-certificate"])
        #expect(national.map { $0["name"] as? String } == ["Cờ thi đua của Chính phủ", "Bằng khen của Thủ tướng Chính phủ"])
        #expect(national[0]["limit"] as? Int == 1)
        #expect(national[1]["limit"] is NSNull)
    }

    @Test func proposalsAndRegistrationsTakeTheKindsInForce() throws {
        let cli = try provincialYear()
        defer { cli.remove() }
        refused(try cli.run("--as", "STC", "registration", "submit", "--year", "2024", "--target", "Dẫn đầu", "--seek", "government-flag"),
                "unknown-award-kind")
        try TypedYearTests.ok(cli, "--as", "STC", "registration", "submit", "--year", "2024", "--target", "Dẫn đầu", "--seek", "Provincial-Certificate")
        refused(try cli.run("--as", "SKHDT", "election", "open", "--year", "2024", "--id", "co-1", "--office", "award", "--award", "pm-certificate",
                            "--candidates", "SKHDT"), "unknown-award-kind")
        try TypedYearTests.ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "co-2024", "--office", "award",
                              "--award", "Provincial-Flag", "--candidates", "SKHDT,STC")
        let elections = try #require(try json(try cli.run("elections", "--year", "2024", "--format", "json"))["elections"] as? [[String: Any]])
        #expect(elections.map { $0["award"] as? String } == ["provincial-flag"])
        for voter in ["SKHDT", "STC", "SGTVT"] {
            try TypedYearTests.ok(cli, "--as", voter, "vote", "--year", "2024", "--election", "co-2024", "--for", "SKHDT")
        }
        try TypedYearTests.ok(cli, "--as", "SKHDT", "election", "close", "--year", "2024", "--id", "co-2024")
        try TypedYearTests.ok(cli, "--as", "SKHDT", "scores", "finalize", "--year", "2024")
        let national = try cli.run("--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "SKHDT", "--kind", "government-flag")
        refused(national, "unknown-award-kind")
        #expect(national.stderr.contains("the kinds in force are provincial-flag, provincial-certificate"), "\(national)")
        refused(try cli.run("--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "STC", "--kind", "provincial-flag"), "not-first")
        try TypedYearTests.ok(cli, "--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "skhdt", "--kind", "PROVINCIAL-FLAG",
                              "--election", "co-2024")
        try TypedYearTests.ok(cli, "--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "STC", "--kind", "provincial-certificate")
        try TypedYearTests.ok(cli, "--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "SGTVT", "--kind", "provincial-certificate")
        refused(try cli.run("--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "SYT", "--kind", "provincial-certificate"),
                "award-limit")
        try TypedYearTests.ok(cli, "--as", "secretariat", "award", "decide", "--year", "2024", "--member", "SKHDT", "--kind", "provincial-flag",
                              "--outcome", "granted", "--decision", "QĐ số 15/QĐ-UBND", "--date", "2025-02-10")

        let awards = try #require(try json(try cli.run("awards", "--year", "2024", "--format", "json"))["awards"] as? [[String: Any]])
        #expect(awards.map { $0["member"] as? String } == ["SKHDT", "STC", "SGTVT"])
        #expect(awards.map { $0["kind"] as? String } == ["provincial-flag", "provincial-certificate", "provincial-certificate"])
        #expect(awards.map { $0["kindName"] as? String } == [Self.flagName, Self.certificateName, Self.certificateName])
        #expect(awards.map { $0["status"] as? String } == ["granted", "proposed", "proposed"])
        #expect(awards[0]["election"] as? String == "CO-2024")
        #expect(Set(awards[0].keys) == ["member", "kind", "kindName", "status", "basis", "election", "decision", "date"])
        #expect(csv(try cli.run("awards", "--year", "2024", "--format", "csv")) == [
            "member,name,kind,status,rank,decision,date,kindName",
            "SKHDT,Sở Kế hoạch và Đầu tư,provincial-flag,granted,1,QĐ số 15/QĐ-UBND,2025-02-10,\(Self.flagName)",
            "STC,Sở Tài chính,provincial-certificate,proposed,2,,,\(Self.certificateName)",
            "SGTVT,Sở Giao thông vận tải,provincial-certificate,proposed,3,,,\(Self.certificateName)",
        ])
        let registrations = try json(try cli.run("registrations", "--year", "2024", "--format", "json"))
        let registration = try #require((registrations["registrations"] as? [[String: Any]])?.first)
        #expect(registration["titlesSought"] as? [String] == ["provincial-certificate"])

        let replay = try json(try cli.run("replay", "--year", "2024", "--format", "json"))
        let replayed = try #require(replay["awards"] as? [[String: Any]])
        #expect(replayed.map { $0["kindName"] as? String } == [Self.flagName, Self.certificateName, Self.certificateName])
        #expect(try cli.run("verify").status == 0)
        let python = try VerifyChainScriptTests.python([cli.database])
        #expect(python.status == 0, "\(python)")
    }

    @Test func theSeedExampleStillProposesTheNationalKinds() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let awards = try #require(try json(try cli.run("awards", "--year", "2017", "--format", "json"))["awards"] as? [[String: Any]])
        let flag = try #require(awards.first { $0["member"] as? String == "BNCTW" })
        #expect(flag["kind"] as? String == "government-flag")
        #expect(flag["kindName"] as? String == "Cờ thi đua của Chính phủ")
        let rows = csv(try cli.run("awards", "--year", "2017", "--format", "csv"))
        #expect(rows.first == "member,name,kind,status,rank,decision,date,kindName")
        #expect(rows.dropFirst().allSatisfy { $0.hasSuffix(",Cờ thi đua của Chính phủ") || $0.hasSuffix(",Bằng khen của Thủ tướng Chính phủ") },
                "\(rows)")
        #expect(csv(try cli.run("--format", "csv", "rules", "--year", "2017")).first == "kind,name,onlyFirst,limit")
    }

    @Test("rules adopt explains a malformed award list before anything is appended", arguments: [
        (["--award-first", "provincial-flag"], Int32(64), "--award-first names provincial-flag, which no --award defines"),
        (["--award", "provincial-flag"], 64, "--award provincial-flag: expected KIND=…"),
        (["--award", "co=Cờ", "--award-limit", "co=một"], 64, "--award-limit co=một: một is not a whole number"),
        (["--award", "co=Cờ", "--award-limit", "co=1", "--award-limit", "co=2"], 64, "--award-limit gives co twice"),
        (["--award", "co=Cờ", "--award-limit", "co=-1"], 1, "[bad-value]"),
        (["--award", "co=Cờ", "--award", "CO=Cờ khác"], 1, "[duplicate-award-kind]"),
        (["--award", "cờ=Cờ"], 1, "[bad-award-kind]"),
        (["--award", "co=Cờ", "--flag-limit", "2"], 1, "[unexpected-field]"),
    ])
    func malformedAwardLists(_ options: [String], _ status: Int32, _ message: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TypedYearTests.ok(cli, "init", "--bloc", "KTT", "--name", "Khối thi đua các sở, ngành tỉnh")
        let result = try cli.run(["--as", "secretariat", "rules", "adopt", "--from-year", "2024"] + options)
        #expect(result.status == status, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(try cli.run("log", "--format", "json").stdout.split(separator: "\n").count == 1)
    }

    @Test("rules and rules adopt explain themselves with an example", arguments: [["rules"], ["rules", "show"], ["rules", "adopt"]])
    func help(_ command: [String]) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"), "\(result.stdout)")
        if command.last == "adopt" { #expect(result.stdout.contains("--award-first provincial-flag"), "\(result.stdout)") }
    }
}
