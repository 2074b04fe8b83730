import Foundation
import Testing

/// A provincial bloc's whole year, as its secretariat and six departments would keep it with typed commands
/// and one spreadsheet: criteria in two groups, self-scores imported from a sheet, cross reviews, the elections
/// of next year's officers, a pact, the province's own award kinds, the year closed and the next one opened
/// from it. Every figure is checked field by field.
@Suite("End to end: a provincial bloc's year, from its rules to the next year's officers")
struct ProvincialYearTests {
    static let members = [
        ("SKHDT", "Sở Kế hoạch và Đầu tư"), ("SNV", "Sở Nội vụ"), ("STC", "Sở Tài chính"),
        ("STP", "Sở Tư pháp"), ("SCT", "Sở Công Thương"), ("VPUBND", "Văn phòng Ủy ban nhân dân tỉnh"),
    ]

    /// Saved from a spreadsheet in Vietnamese settings: BOM, semicolons, decimal commas; VPUBND left T.1 empty.
    static let sheet = "\u{FEFF}Đơn vị;I.1;I.2;I.3;I.4;II.1;II.2;II.3;II.4;T.1;TR.1\r\n"
        + "skhdt;29,5;9,5;9;5;14,5;9,5;10;9,5;3;0\r\n"
        + "SNV;28;9;9,5;5;15;10;9,5;10;2;0\r\n"
        + "STC;29;10;8,5;4,5;14;9;9;9,5;4;0,5\r\n"
        + "STP;27,5;8,5;8;5;13,5;9;9,5;9;1;0\r\n"
        + "SCT;28,5;9;9;4,5;14;9,5;9;9;2,5;1\r\n"
        + "VPUBND;29;9,5;9,5;5;14,5;9;10;10;;0\r\n"

    @discardableResult
    static func ok(_ cli: Thidua, _ arguments: String...) throws -> String { try ok(cli, arguments) }

    @discardableResult
    static func ok(_ cli: Thidua, _ arguments: [String]) throws -> String {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
        return result.stdout
    }

    static func refused(_ cli: Thidua, code: String, _ arguments: String...) throws {
        let result = try cli.run(arguments)
        #expect(result.status == 1, "\(arguments.joined(separator: " ")): \(result)")
        #expect(result.stderr.contains("[\(code)]"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    static func json(_ cli: Thidua, _ arguments: String...) throws -> [String: Any] {
        let result = try cli.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func provincialYear() throws -> Thidua {
        let cli = try Thidua()
        try ok(cli, "init", "--bloc", "KTH", "--name", "Khối thi đua các sở, ngành tổng hợp tỉnh",
               "--organiser", "Hội đồng Thi đua - Khen thưởng tỉnh")
        try ok(cli, "--as", "secretariat", "rules", "adopt", "--from-year", "2024", "--quorum", "2/3",
               "--award", "provincial-flag=Cờ thi đua của Ủy ban nhân dân tỉnh", "--award-first", "provincial-flag",
               "--award-limit", "provincial-flag=1",
               "--award", "provincial-certificate=Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "--award-limit", "provincial-certificate=3")
        try ok(cli, ["--as", "secretariat", "year", "open", "2024", "--head", "skhdt", "--deputy", "SNV"]
               + members.flatMap { ["--member", "\($0.0)=\($0.1)"] })
        let criteria: [(String, String, String, String, String?)] = [
            ("I.1", "Thực hiện nhiệm vụ chính trị được giao", "30", "base", "I"), ("I.2", "Cải cách hành chính", "10", "base", "I"),
            ("I.3", "Chuyển đổi số", "10", "base", "I"), ("I.4", "Phòng, chống tham nhũng, lãng phí", "5", "base", "I"),
            ("II.1", "Tổ chức phong trào thi đua", "15", "base", "II"), ("II.2", "Công tác khen thưởng", "10", "base", "II"),
            ("II.3", "Xây dựng Đảng và đoàn thể", "10", "base", "II"), ("II.4", "Tham gia hoạt động của Khối", "10", "base", "II"),
            ("T.1", "Sáng kiến, mô hình mới", "5", "bonus", nil), ("TR.1", "Vi phạm kỷ luật, kỷ cương", "5", "penalty", nil),
        ]
        for (code, title, max, kind, group) in criteria {
            try ok(cli, ["--as", "SKHDT", "criterion", "set", "--year", "2024", "--code", code, "--title", title, "--max", max,
                         "--kind", kind] + (group.map { ["--group", $0] } ?? []))
        }
        let sheet = try cli.write("diem-tu-cham-2024.csv", Self.sheet)
        let imported = try ok(cli, "scores", "import", sheet, "--year", "2024", "--correlation", "Biên bản số 12/BB-KTH")
        #expect(imported.contains("59"), "\(imported)")
        try ok(cli, "--as", "vpubnd", "score", "submit", "--year", "2024", "--criterion", "t.1", "--points", "1")
        try refused(cli, code: "self-review", "--as", "SKHDT", "score", "review", "--year", "2024", "--member", "SKHDT",
                    "--criterion", "I.3", "--points", "10", "--reason", "Tự nâng điểm")
        try ok(cli, "--as", "SNV", "score", "review", "--year", "2024", "--member", "SKHDT", "--criterion", "I.1",
               "--points", "28", "--reason", "Chấm chéo: thiếu minh chứng")
        try ok(cli, "--as", "SKHDT", "score", "review", "--year", "2024", "--member", "SNV", "--criterion", "II.1",
               "--points", "14", "--reason", "Chấm chéo: chưa tổ chức sơ kết")
        try ok(cli, "--as", "SKHDT", "scores", "finalize", "--year", "2024")

        // Next year's head, elected in this year's stream: this year's officers stay.
        try ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "HEAD-2025", "--office", "head",
               "--term", "2025", "--candidates", "STC,SNV")
        try refused(cli, code: "out-of-order-time", "--as", "STP", "vote", "--year", "2024", "--election", "HEAD-2025",
                    "--for", "STC", "--occurred-at", "2024-01-10")
        for (voter, choice) in [("SKHDT", "STC"), ("SNV", "SNV"), ("STC", "STC"), ("STP", "STC"), ("SCT", "STC"), ("VPUBND", "SNV")] {
            try ok(cli, "--as", voter, "vote", "--year", "2024", "--election", "HEAD-2025", "--for", choice)
        }
        try ok(cli, "--as", "SKHDT", "election", "close", "--year", "2024", "--id", "HEAD-2025")
        try ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "DEP-2025", "--office", "deputy", "--seats", "2",
               "--term", "2025", "--candidates", "SNV,SCT,VPUBND", "--secret")
        try ok(cli, "--as", "SNV", "election", "tally", "--year", "2024", "--id", "DEP-2025", "--ballots", "6",
               "--count", "SNV=5", "--count", "VPUBND=4", "--count", "SCT=2")
        try ok(cli, "--as", "SNV", "election", "close", "--year", "2024", "--id", "DEP-2025")

        try ok(cli, "--as", "SKHDT", "pact", "draft", "--year", "2024", "--clause", "Hoàn thành xuất sắc nhiệm vụ chính trị năm 2024",
               "--clause", "Đoàn kết, phối hợp, chia sẻ kinh nghiệm")
        for (code, _) in members {
            try ok(cli, "--as", code, "pact", "sign", "--year", "2024", "--signatory", "Giám đốc \(code)", "--title", "Giám đốc")
        }
        try ok(cli, "--as", "SCT", "registration", "submit", "--year", "2024", "--target", "Hoàn thành xuất sắc nhiệm vụ",
               "--seek", "provincial-certificate")
        try refused(cli, code: "unknown-award-kind", "--as", "STP", "registration", "submit", "--year", "2024",
                    "--target", "Dẫn đầu", "--seek", "government-flag")
        try refused(cli, code: "unknown-award-kind", "--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "SKHDT",
                    "--kind", "government-flag")
        try ok(cli, "--as", "SNV", "award", "propose", "--year", "2024", "--member", "SKHDT", "--kind", "provincial-flag",
               "--basis", "Dẫn đầu Khối năm 2024")
        try refused(cli, code: "not-first", "--as", "SNV", "award", "propose", "--year", "2024", "--member", "VPUBND",
                    "--kind", "provincial-flag")
        try ok(cli, "--as", "SNV", "award", "propose", "--year", "2024", "--member", "VPUBND", "--kind", "provincial-certificate")
        try ok(cli, "--as", "SKHDT", "award", "propose", "--year", "2024", "--member", "SNV", "--kind", "provincial-certificate")
        try ok(cli, "--as", "SKHDT", "year", "close", "--year", "2024")
        try ok(cli, "--as", "secretariat", "award", "decide", "--year", "2024", "--member", "SKHDT", "--kind", "provincial-flag",
               "--outcome", "granted", "--decision", "QĐ số 345/QĐ-UBND", "--date", "2025-02-10")
        try ok(cli, "--as", "secretariat", "year", "open", "2025", "--from", "2024")
        return cli
    }

    @Test func theYearAsTheBlocKeptIt() throws {
        let cli = try Self.provincialYear()
        defer { cli.remove() }

        let standings = try Self.json(cli, "standings", "--year", "2024")
        #expect(standings["status"] as? String == "closed")
        let rows = try #require(standings["rows"] as? [[String: Any]])
        let expected: [(Int, String, Double, Double, Double, Double)] = [
            (1, "SKHDT", 95, 3, 0, 98), (2, "VPUBND", 96.5, 1, 0, 97.5), (3, "SNV", 95, 2, 0, 97),
            (3, "STC", 93.5, 4, 0.5, 97), (5, "SCT", 92.5, 2.5, 1, 94), (6, "STP", 90, 1, 0, 91),
        ]
        #expect(rows.count == expected.count)
        for (row, (rank, member, base, bonus, penalty, total)) in zip(rows, expected) {
            #expect(row["rank"] as? Int == rank)
            #expect(row["member"] as? String == member)
            #expect(row["name"] as? String == Self.members.first { $0.0 == member }?.1)
            #expect(row["base"] as? Double == base, "\(member)")
            #expect(row["bonus"] as? Double == bonus, "\(member)")
            #expect(row["penalty"] as? Double == penalty, "\(member)")
            #expect(row["total"] as? Double == total, "\(member)")
            #expect(row["complete"] as? Bool == true, "\(member)")
        }

        let year2024 = try Self.json(cli, "officers", "--year", "2024")
        let officers2024 = try #require(year2024["officers"] as? [String: Any])
        let elect = try #require(year2024["nextTerm"] as? [String: Any])
        #expect(elect["term"] as? Int == 2025)
        #expect(elect["head"] as? String == "STC")
        #expect(elect["deputies"] as? [String] == ["SNV", "VPUBND"])
        #expect(elect["elections"] as? [String] == ["HEAD-2025", "DEP-2025"])
        #expect(officers2024["head"] as? String == "SKHDT")
        #expect(officers2024["deputies"] as? [String] == ["SNV"])
        let year2025 = try Self.json(cli, "officers", "--year", "2025")
        let officers2025 = try #require(year2025["officers"] as? [String: Any])
        #expect(officers2025["head"] as? String == "STC")
        #expect(officers2025["deputies"] as? [String] == ["SNV", "VPUBND"])
        #expect(year2025["status"] as? String == "open")

        let elections = try #require(try Self.json(cli, "elections", "--year", "2024")["elections"] as? [[String: Any]])
        #expect(elections.map { $0["id"] as? String } == ["HEAD-2025", "DEP-2025"])
        #expect(elections.map { $0["term"] as? Int } == [2025, 2025])
        #expect(elections[0]["elected"] as? [String] == ["STC"])
        #expect(elections[0]["tally"] as? [String: Int] == ["STC": 4, "SNV": 2])
        #expect(elections[1]["elected"] as? [String] == ["SNV", "VPUBND"])

        let awards = try #require(try Self.json(cli, "awards", "--year", "2024")["awards"] as? [[String: Any]])
        #expect(awards.map { $0["member"] as? String } == ["SKHDT", "VPUBND", "SNV"])
        #expect(awards.map { $0["kind"] as? String } == ["provincial-flag", "provincial-certificate", "provincial-certificate"])
        #expect(awards.map { $0["kindName"] as? String } == ["Cờ thi đua của Ủy ban nhân dân tỉnh",
                                                         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                                         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"])
        #expect(awards.map { $0["status"] as? String } == ["granted", "proposed", "proposed"])
        #expect(awards[0]["decision"] as? String == "QĐ số 345/QĐ-UBND")

        let replay2025 = try Self.json(cli, "replay", "--year", "2025")
        let members2025 = try #require(replay2025["members"] as? [[String: Any]])
        #expect(members2025.map { $0["code"] as? String } == Self.members.map(\.0))

        let pact = try #require(try Self.json(cli, "pact", "--year", "2024")["pact"] as? [String: Any])
        #expect(pact["inForce"] as? Bool == true)

        let sheet = try Self.json(cli, "scores", "--year", "2024", "--member", "skhdt")
        let skhdt = try #require((sheet["rows"] as? [[String: Any]])?.first)
        let cells = try #require(skhdt["scores"] as? [[String: Any]])
        let first = try #require(cells.first { $0["criterion"] as? String == "I.1" })
        #expect(first["submitted"] as? Double == 29.5)
        #expect(first["reviewed"] as? Double == 28)
        #expect(first["effective"] as? Double == 28)
        #expect((skhdt["groups"] as? [[String: Any]])?.map { $0["points"] as? Double } == [51.5, 43.5, 3])

        let table = try cli.run("standings", "--year", "2024")
        #expect(table.status == 0)
        #expect(table.stdout.contains("Tổng điểm"))
        #expect(table.stdout.contains("97,5"))
        #expect(table.stdout.contains("Văn phòng Ủy ban nhân dân tỉnh"))
        let awardsTable = try cli.run("awards", "--year", "2024")
        #expect(awardsTable.stdout.contains("Cờ thi đua của Ủy ban nhân dân tỉnh"))
        #expect(awardsTable.stdout.contains("được tặng"), "\(awardsTable)")

        #expect(try cli.run("verify").status == 0)
        let (status, _) = try Thidua.pythonTool("verify_chain.py", [cli.database])
        #expect(status == 0)
    }
}
