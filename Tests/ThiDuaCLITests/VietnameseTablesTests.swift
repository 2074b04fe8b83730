import Foundation
import Testing
import ThiDuaCore
@testable import thidua

@Suite("Tables speak Vietnamese by default; --lang en or THIDUA_LANG=en for English; JSON and CSV never change (§10)")
struct VietnameseTablesTests {
    func seeded() throws -> Thidua {
        let cli = try Thidua()
        let result = try cli.run("append", Example.seedPath)
        #expect(result.status == 0, "\(result)")
        return cli
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// A small year: A1 with 95.75, B2 (its name typed with combining marks) with 90.5, C3 with no score yet.
    static let decomposedName = "So\u{31B}\u{309} Ta\u{300}i chi\u{301}nh"

    func smallYear() throws -> (Thidua, effect: String) {
        let cli = try Thidua()
        func ok(_ arguments: String...) throws -> String {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            return result.stdout
        }
        _ = try ok("init", "--bloc", "KTT", "--name", "Khối thi đua các sở")
        _ = try ok("--as", "secretariat", "year", "open", "2024", "--member", "A1=Sở Kế hoạch và Đầu tư",
                   "--member", "B2=\(Self.decomposedName)", "--member", "C3=Sở Nội vụ", "--head", "A1", "--occurred-at", "2024-01-15")
        _ = try ok("--as", "A1", "criterion", "set", "--year", "2024", "--code", "1.1", "--title", "Nhiệm vụ chính trị", "--max", "100",
                   "--occurred-at", "2024-02-01")
        let effect = try ok("--as", "A1", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "95.75",
                            "--occurred-at", "2024-12-20T01:30:00Z")
        _ = try ok("--as", "B2", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "90.5",
                   "--occurred-at", "2024-12-20T01:31:00Z")
        return (cli, effect)
    }

    @Test func standingsAreVietnameseByDefault() throws {
        let (cli, effect) = try smallYear()
        defer { cli.remove() }
        #expect(effect.contains("A1 tiêu chí 1.1: 95,75; A1: tổng điểm 95,75, hạng 1/3"), "\(effect)")
        let table = try cli.run("standings", "--year", "2024")
        #expect(table.status == 0, "\(table)")
        let rows = lines(table.stdout)
        #expect(rows[0].hasPrefix("KTT 2024 — đang mở, tính đến vị trí "), "\(rows[0])")
        #expect(rows[1].split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
            == ["Hạng", "Đơn vị", "Tên đơn vị", "Điểm cơ bản", "Điểm thưởng", "Điểm trừ", "Tổng điểm", "Đã chấm đủ"])
        #expect(rows[3].split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            == ["1", "A1", "Sở Kế hoạch và Đầu tư", "95,75", "0", "0", "95,75", "Có"])
        #expect(rows[5].hasSuffix("Chưa"), "\(rows[5])")
        #expect(!table.stdout.contains("95.75"))
    }

    /// Columns line up for a reader whatever the letters: counted in characters as a terminal shows them (each
    /// Vietnamese letter one column, whether typed precomposed or with combining marks), the right edge of every total
    /// is the header's, and every "Có"/"Chưa" starts where its header does.
    @Test func columnsStayAlignedWithVietnameseLetters() throws {
        let (cli, _) = try smallYear()
        defer { cli.remove() }
        let rows = lines(try cli.run("standings", "--year", "2024").stdout).dropFirst()
        let decomposed = try #require(rows.first { $0.contains("90,5") })
        #expect(decomposed.contains("Sở Tài chính"), "typed with combining marks, stored precomposed (NFC): \(decomposed)")
        func column(_ line: String, _ text: String) throws -> (start: Int, end: Int) {
            let range = try #require(line.range(of: text), "\(text) in \(line)")
            return (line[..<range.lowerBound].count, line[..<range.upperBound].count)
        }
        let header = try #require(rows.first)
        let total = try column(header, "Tổng điểm"), complete = try column(header, "Đã chấm đủ")
        for (line, value) in [(rows[rows.startIndex + 2], "95,75  Có"), (decomposed, "90,5  Có")] {
            let cell = try column(line, value)
            #expect(cell.end == complete.start + 2, "\(line)")
            #expect(cell.end - 4 == total.end, "\(line)")
        }
        #expect(try column(rows[rows.startIndex + 4], "Chưa").start == complete.start)
    }

    @Test func aTableOfVietnameseHeadersAndCombiningMarksLinesUp() {
        var table = Table(["Tổng điểm", "Khối trưởng", "Đạt/Chưa đủ"], rightAligned: [0])
        table.add(["95,75", "Ban Kinh te\u{302}\u{301}", "Đạt"])
        table.add(["100", "A", "Chu\u{31B}a đu\u{309}"])
        let rendered = table.render().split(separator: "\n").map(String.init)
        #expect(rendered[0] == "Tổng điểm  Khối trưởng  Đạt/Chưa đủ")
        #expect(rendered[1] == "─────────  ───────────  ───────────")
        #expect(rendered[2] == "    95,75  Ban Kinh te\u{302}\u{301}  Đạt")
        #expect(rendered[3] == "      100  A            Chu\u{31B}a đu\u{309}")
    }

    @Test("English on request: --lang en, THIDUA_LANG=en, or --lang before the command; the option wins")
    func englishOnRequest() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let english = "#  member  name                         base  bonus  penalty   total  complete"
        let option = try cli.run("standings", "--year", "2017", "--lang", "en")
        #expect(lines(option.stdout)[0] == "BDTW 2017 — closed, as of position 188")
        #expect(lines(option.stdout)[1] == english, "\(option.stdout)")
        #expect(option.stdout.contains("103.5  yes"))
        #expect(try cli.run("--lang", "EN", "standings", "--year", "2017").stdout == option.stdout)
        var environment = cli
        environment.environment["THIDUA_LANG"] = "en"
        #expect(try environment.run("standings", "--year", "2017").stdout == option.stdout)
        let vietnamese = try environment.run("standings", "--year", "2017", "--lang", "vi")
        #expect(vietnamese.stdout.contains("Tổng điểm"), "the option wins over THIDUA_LANG")
        #expect(try cli.run("standings", "--year", "2017").stdout == vietnamese.stdout, "Vietnamese is the default")
    }

    @Test func anUnknownLanguageIsAUsageErrorNamingViAndEn() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let option = try cli.run("standings", "--year", "2017", "--lang", "xx")
        #expect(option.status == 64, "\(option)")
        #expect(option.stderr.contains("xx") && option.stderr.contains("vi") && option.stderr.contains("en"), "\(option.stderr)")
        var environment = cli
        environment.environment["THIDUA_LANG"] = "fr"
        let variable = try environment.run("standings", "--year", "2017")
        #expect(variable.status == 64, "\(variable)")
        #expect(variable.stderr == "error: THIDUA_LANG=fr: not a language thidua speaks; use vi or en\n")
        let write = try environment.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "1")
        #expect(write.status == 64 && write.stdout.isEmpty, "a write with a bad language appends nothing: \(write)")
    }

    @Test func errorsStayEnglishWithTheirCodes() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let missing = try cli.run("standings", "--year", "2030")
        #expect(missing.stderr == "error: year 2030 of BDTW has not been opened\n")
        let refused = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "99")
        #expect(refused.status == 1 && refused.stderr.hasPrefix("error: ") && refused.stderr.contains("["), "\(refused)")
    }

    /// Every read in JSON and CSV, byte for byte the same in Vietnamese, in English and by default.
    @Test func jsonAndCSVDoNotDependOnTheLanguage() throws {
        let cli = try seeded()
        defer { cli.remove() }
        var reads: [[String]] = []
        for query in ["standings", "officers", "pact", "awards", "elections", "criteria", "scores", "registrations"] {
            for year in ["2017", "2018"] {
                reads += [[query, "--year", year, "--format", "json"], [query, "--year", year, "--format", "csv"]]
            }
        }
        reads += [["log", "--year", "2017", "--format", "json"], ["log", "--year", "2017", "--format", "csv"],
                  ["replay", "--year", "2017", "--format", "json"], ["replay", "--year", "2018", "--as-of", "2018-03-30", "--format", "json"],
                  ["diff", "--year", "2017", "--from", "2017-12-31", "--format", "json"],
                  ["diff", "--year", "2017", "--from", "2017-12-31", "--format", "csv"], ["digest", "--format", "json"]]
        var english = cli
        english.environment["THIDUA_LANG"] = "en"
        for read in reads {
            let byDefault = try cli.run(read)
            #expect(byDefault.status == 0, "\(read): \(byDefault)")
            #expect(try cli.run(read + ["--lang", "vi"]).stdout == byDefault.stdout, "\(read)")
            #expect(try cli.run(read + ["--lang", "en"]).stdout == byDefault.stdout, "\(read)")
            #expect(try english.run(read).stdout == byDefault.stdout, "\(read)")
        }
        let standings = try cli.run("standings", "--year", "2017", "--format", "csv").stdout
        #expect(standings.hasPrefix("rank,member,name,base,bonus,penalty,total,complete\n1,BNCTW,Ban Nội chính Trung ương,98.5,5,0,103.5,true\n"))
        #expect(try cli.run("standings", "--year", "2017", "--format", "json").stdout.contains(#""total":100.75"#))
    }

    @Test func logDatesAreDayMonthYearAtPlusSeven() throws {
        let (cli, _) = try smallYear()
        defer { cli.remove() }
        let table = try cli.run("log", "--type", "score.submitted", "--member", "A1")
        #expect(table.status == 0, "\(table)")
        let rows = lines(table.stdout)
        #expect(rows[0].hasPrefix("Vị trí  Thời điểm            Ghi lúc              Luồng"), "\(rows[0])")
        #expect(rows[2].contains("  20/12/2024 08:30:00  "), "stored as 01:30Z, shown at +07:00: \(rows[2])")
        #expect(rows[2].hasSuffix("A1 1.1 = 95,75"), "\(rows[2])")
        let recorded = rows[2].split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }[2]
        #expect(recorded.wholeMatch(of: /\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/) != nil, "\(recorded)")
        #expect(try cli.run("log", "--member", "C3", "--type", "score.submitted").stdout == "không có sự kiện nào khớp\n")
        let english = try cli.run("log", "--type", "score.submitted", "--member", "A1", "--lang", "en")
        #expect(english.stdout.contains("2024-12-20T01:30:00Z") && english.stdout.contains("A1 1.1 = 95.75"), "\(english.stdout)")
    }

    @Test func everyQueryHasVietnameseHeadersAndWords() throws {
        let cli = try seeded()
        defer { cli.remove() }
        func read(_ arguments: String...) throws -> String {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            return result.stdout
        }
        let awards = try read("awards", "--year", "2017")
        #expect(awards.contains("Hình thức khen thưởng") && awards.contains("Cờ thi đua của Chính phủ") && awards.contains("đề nghị"))
        #expect(awards.contains("Bằng khen của Thủ tướng Chính phủ"))
        let elections = try read("elections", "--year", "2017")
        #expect(elections.contains("Chức danh") && elections.contains("khen thưởng (Cờ thi đua của Chính phủ)")
            && elections.contains("bỏ phiếu kín") && elections.contains("trúng cử"), "\(elections)")
        let officers = try read("officers", "--year", "2018")
        #expect(officers.contains("Chức danh") && officers.contains("Khối trưởng  BKTTW"), "\(officers)")
        let pact = try read("pact", "--year", "2018")
        #expect(pact.contains("Người ký") && pact.contains("Chức vụ") && pact.hasSuffix("có hiệu lực: cả 8 đơn vị đã ký\n"), "\(pact)")
        let criteria = try read("criteria", "--year", "2017")
        #expect(criteria.contains("Nội dung tiêu chí") && criteria.contains("cơ bản") && criteria.contains("nhóm I, đang áp dụng"))
        #expect(criteria.hasSuffix("điểm tối đa đang áp dụng: cơ bản 100, thưởng 5, trừ 7\n"), "\(criteria)")
        let scores = try read("scores", "--year", "2017")
        #expect(scores.contains("8,5* (9)") && scores.contains("Tổng điểm") && scores.contains("* điểm thẩm định"), "\(scores)")
        let registrations = try read("registrations", "--year", "2018")
        #expect(registrations.contains("Danh hiệu đăng ký") && registrations.contains("Chỉ tiêu"), "\(registrations)")
        #expect(try read("registrations", "--year", "2017").contains("(không có)\nchưa đăng ký: BNCTW"))
        let replay = try read("replay", "--year", "2018", "--at", "199")
        #expect(replay.contains("đang mở, dựng lại đến vị trí 199") && replay.contains("Khối trưởng: BKTTW Ban Kinh tế Trung ương")
            && replay.contains("\nĐơn vị thành viên\n") && replay.contains("đang tham gia"), "\(replay)")
        let diff = try read("diff", "--year", "2017", "--from", "2017-12-31")
        #expect(diff.hasPrefix("BDTW 2017: 31/12/2017 (vị trí 174) → hiện tại (vị trí 188), 14 sự kiện ở giữa\n"), "\(diff)")
        #expect(diff.contains("8,5 (thẩm định; tự chấm 9)") && diff.contains("#175 score.reviewed của BNCTW"), "\(diff)")
        #expect(diff.contains("đang mở") && diff.contains("đã kết thúc"), "\(diff)")
    }

    @Test func demoSpeaksVietnameseAndEnglishOnRequest() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let demo = try cli.run("--db", cli.path("demo.sqlite"), "demo")
        #expect(demo.status == 0, "\(demo)")
        #expect(demo.stdout.contains("ghi thêm 245 sự kiện") && demo.stdout.contains("Tổng điểm") && demo.stdout.contains("Khối trưởng")
            && demo.stdout.contains("có hiệu lực: cả 8 đơn vị đã ký"), "\(demo.stdout)")
        let english = try cli.run("--db", cli.path("demo.sqlite"), "demo", "--lang", "en")
        #expect(english.stdout.contains("#  member  name") && english.stdout.contains("in force: signed by all 8 members"), "\(english.stdout)")
    }

    @Test("points keep every digit, with a decimal comma", arguments: [
        (Int64(9575), "95,75", "95.75"), (10_000, "100", "100"), (-250, "-2,5", "-2.5"), (5, "0,05", "0.05"), (1_234_560, "12345,6", "12345.6"),
    ])
    func pointsWithADecimalComma(hundredths: Int64, vietnamese: String, english: String) {
        let points = Points(hundredths: hundredths)
        #expect(points.shown(.vi) == vietnamese)
        #expect(points.shown(.en) == english)
    }

    @Test("times are shown at +07:00, dates as dd/mm/yyyy", arguments: [
        ("2018-12-25", "25/12/2018"), ("2018-03-30T09:00:00+07:00", "30/03/2018 09:00:00"), ("2018-03-30T02:00:00Z", "30/03/2018 09:00:00"),
        ("2017-12-31T20:30:00-05:00", "01/01/2018 08:30:00"), ("2026-11-30T06:10:28.123456Z", "30/11/2026 13:10:28"),
        ("2024-02-28T17:00:00Z", "29/02/2024 00:00:00"), ("QĐ 12/2018", "QĐ 12/2018"),
    ])
    func datesAsAVietnameseReaderWritesThem(stored: String, shown: String) {
        #expect(Shown.moment(stored, .vi) == shown)
        #expect(Shown.moment(stored, .en) == stored)
    }

    @Test func everyWordHasBothLanguages() {
        for word in Word.allCases {
            #expect(!word.text(.vi).isEmpty && !word.text(.en).isEmpty, "\(word)")
        }
    }
}
