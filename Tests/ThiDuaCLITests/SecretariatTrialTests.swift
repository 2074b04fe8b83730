import Foundation
import Testing

/// What a secretariat tripped on when it ran a year: each fixed, each checked as it was typed.
@Suite("End to end: a secretariat's trial — dates, decimal commas, aliases, sheets, officers")
struct SecretariatTrialTests {
    static func ok(_ cli: Thidua, _ arguments: String...) throws -> Thidua.Result {
        let result = try cli.run(arguments)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result)")
        return result
    }

    @Test func decimalCommasAndDatesAsVietnamWritesThem() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        try _ = Self.ok(cli, "--as", "SKHDT", "criterion", "set", "--year", "2024", "--code", "T.1", "--title", "Sáng kiến",
                        "--max", "2,5", "--kind", "Bonus", "--occurred-at", "06/01/2024")
        try _ = Self.ok(cli, "--as", "STC", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "18,5",
                        "--occurred-at", "15/3/2024")
        let log = try Self.ok(cli, "log", "--type", "Score.Submitted", "--since", "15/03/2024", "--format", "json")
        let line = try #require(log.stdout.split(separator: "\n").first)
        #expect(line.contains(#""points":18.5"#))
        #expect(line.contains(#""occurredAt":"2024-03-15T12:00:00+07:00""#))
        let criteria = try Self.ok(cli, "criteria", "--year", "2024", "--format", "csv")
        #expect(criteria.stdout.contains("T.1,Sáng kiến,,bonus,2.5,false"), "\(criteria)")
        let replay = try Self.ok(cli, "replay", "--year", "2024", "--as-of", "14/03/2024", "--format", "json")
        #expect(!replay.stdout.contains(#""submitted":18.5"#))
        let tooMany = try cli.run("--as", "STC", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "1,2,3")
        #expect(tooMany.status == 64 && tooMany.stderr.contains("write it like 18.5 or 18,5"), "\(tooMany)")
    }

    @Test func electionAndMemberCommandsTakeTheOptionNamesOtherCommandsUse() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        try _ = Self.ok(cli, "--as", "secretariat", "member", "admit", "--year", "2024", "--member", "sxd", "--name", "Sở Xây dựng")
        try _ = Self.ok(cli, "--as", "SKHDT", "election", "open", "--year", "2024", "--id", "D-2024", "--office", "deputy",
                        "--candidates", "STC,SXD", "--secret")
        try _ = Self.ok(cli, "--as", "SKHDT", "election", "tally", "--year", "2024", "--election", "d-2024", "--ballots", "3",
                        "--count", "STC=3")
        try _ = Self.ok(cli, "--as", "SKHDT", "election", "close", "--year", "2024", "--election", "D-2024")
        let officers = try Self.ok(cli, "officers", "--year", "2024", "--lang", "en")
        #expect(officers.stdout.contains("head    SKHDT"), "\(officers)")
        #expect(officers.stdout.contains("deputy  STC"), "\(officers)")
        try _ = Self.ok(cli, "--as", "secretariat", "member", "withdraw", "--year", "2024", "--member", "STC", "--reason", "Sáp nhập")
        let marked = try Self.ok(cli, "officers", "--year", "2024")
        #expect(marked.stdout.contains("Sở Tài chính (đã rút)"), "\(marked)")
        let refused = try cli.run("--as", "STC", "criterion", "set", "--year", "2024", "--code", "9.9", "--title", "X", "--max", "1")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("act as one of SKHDT or the secretariat"), "\(refused)")
    }

    @Test("a sheet with a criterion's column or a member's row twice is refused whole", arguments: [
        ("Đơn vị;1.1;1.1\nSKHDT;18;19\n", "criterion 1.1 heads both column B and column C"),
        ("Đơn vị;1.1;II.3\nSKHDT;18;19\nSTC;17;16\nskhdt;10;10\n", "member SKHDT has two rows, 2 and 4"),
    ])
    func duplicateSheetCells(sheet: String, message: String) throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let file = try cli.write("diem.csv", sheet)
        let before = try cli.run("log", "--format", "csv").stdout
        let result = try cli.run("--as", "secretariat", "scores", "import", file, "--year", "2024")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(try cli.run("log", "--format", "csv").stdout == before)
    }

    @Test func adoptedRulesAndAYearOpenedFromTheLastSayWhatIsInForce() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let rules = try Self.ok(cli, "--as", "secretariat", "rules", "adopt", "--from-year", "2025", "--quorum", "1/2",
                                "--award", "provincial-flag=Cờ thi đua của Ủy ban nhân dân tỉnh", "--award-first", "provincial-flag")
        #expect(rules.stdout.contains("khen thưởng: Cờ thi đua của Ủy ban nhân dân tỉnh (chỉ đơn vị dẫn đầu)"), "\(rules)")
        let national = try Self.ok(cli, "--as", "secretariat", "rules", "adopt", "--from-year", "2026", "--quorum", "1/2")
        #expect(national.stdout.contains("Cờ thi đua của Chính phủ (chỉ đơn vị dẫn đầu, tối đa 1); Bằng khen của Thủ tướng Chính phủ"), "\(national)")
        try _ = Self.ok(cli, "--as", "SKHDT", "scores", "finalize", "--year", "2024")
        try _ = Self.ok(cli, "--as", "SKHDT", "year", "close", "2024")
        let opened = try Self.ok(cli, "--as", "secretariat", "year", "open", "2025", "--from", "2024")
        #expect(opened.stdout.contains("khối trưởng chưa có"), "\(opened)")
        #expect(!opened.stdout.contains("lâm thời"))
    }
}
