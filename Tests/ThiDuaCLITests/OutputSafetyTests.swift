import Foundation
import Testing

/// §10 "Text that cannot fool a reader", end to end.
@Suite("End to end: text that cannot fool a reader")
struct OutputSafetyTests {
    static let esc = "\u{1B}", bel = "\u{07}"

    /// Bloc KTX, year 2019 open with A1 (head) and B2, criterion 1.1.
    static func simpleYear() throws -> Thidua {
        let cli = try Thidua()
        for command in [["init", "--bloc", "KTX", "--name", "Khối thử", "--occurred-at", "2000-01-01"],
                        ["--as", "secretariat", "year", "open", "2019", "--member", "A1=Ban Một", "--member", "B2=Ban Hai", "--head", "A1"],
                        ["--as", "A1", "criterion", "set", "--year", "2019", "--code", "1.1", "--title", "Nhiệm vụ", "--max", "10"]] {
            let result = try cli.run(command)
            #expect(result.status == 0, "\(command): \(result)")
        }
        return cli
    }

    @Test("names, titles and signatories are one line", arguments: [
        (["init", "--bloc", "KTY", "--name", "Khối\nthi đua", "--occurred-at", "2000-01-01"], "multi-line-text", "data.name"),
        (["init", "--bloc", "KTY", "--name", "Khối\u{202E}aud iht", "--occurred-at", "2000-01-01"], "bidi-control", "data.name"),
        (["--as", "secretariat", "year", "open", "2020", "--member", "A1=Ban\tMột"], "tab-in-text", "data.members[0].name"),
        (["--as", "secretariat", "member", "admit", "--year", "2019", "--code", "E5", "--name", "Ban\u{2066}Năm"], "bidi-control", "data.name"),
        (["--as", "A1", "criterion", "set", "--year", "2019", "--code", "1.3", "--title", "Một\n1  A1  Giả", "--max", "5"], "multi-line-text", "data.title"),
        (["--as", "A1", "pact", "sign", "--year", "2019", "--signatory", "Ngô\u{2028}Văn"], "multi-line-text", "data.signatory"),
        (["--as", "A1", "pact", "sign", "--year", "2019", "--signatory", "Ngô Văn Tuấn", "--title", "Phó\u{200F}Ban"], "bidi-control", "data.title"),
    ])
    func oneLineFields(command: [String], code: String, field: String) throws {
        let cli = try Self.simpleYear()
        defer { cli.remove() }
        if command.contains("sign") {
            #expect(try cli.run("--as", "A1", "pact", "draft", "--year", "2019", "--clause", "Điều 1").status == 0)
        }
        let head = try cli.run("digest").stdout
        let result = try cli.run(command)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("field \(field): "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("[\(code)]\n"), "\(result.stderr)")
        #expect(try cli.run("digest").stdout == head, "nothing appended")
    }

    @Test func multiLineTextStaysAllowedWhereItBelongs() throws {
        let cli = try Self.simpleYear()
        defer { cli.remove() }
        #expect(try cli.run("--as", "A1", "pact", "draft", "--year", "2019", "--clause", "Điều 1\nkhoản a\tvà b").status == 0)
        #expect(try cli.run("--as", "A1", "score", "submit", "--year", "2019", "--criterion", "1.1", "--points", "5",
                            "--evidence", "Báo cáo số 1\nPhụ lục 2").status == 0)
        #expect(try cli.run("--as", "secretariat", "score", "review", "--year", "2019", "--member", "A1", "--criterion", "1.1",
                            "--points", "4", "--reason", "Thiếu hồ sơ\nxem biên bản").status == 0)
        let pact = try cli.run("pact", "--year", "2019")
        #expect(pact.stdout.contains("1. Điều 1\n   khoản a\\u{9}và b\n"), "\(pact.stdout)")
    }

    @Test func errorMessagesShowControlCharactersFromAnInputLineAsEscapes() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let lines = [
            #"{"type":"score.submitted","bloc":"BD\u001b]0;owned\u0007TW","year":2017,"actor":"BNCTW","data":{}}"#,
            "{\"type\":\"score.submitted\",\(Self.esc)[2J\(Self.bel)\"bloc\":\"BDTW\"}",
        ]
        for line in lines {
            let result = try cli.run("append", stdin: line + "\n")
            #expect(result.status == 1)
            #expect(!result.stderr.contains(Self.esc) && !result.stderr.contains(Self.bel), "\(result.stderr.debugDescription)")
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(try cli.run("append", stdin: lines[0] + "\n").stderr.contains(#""BD\u{1B}]0;owned\u{7}TW" is not a code"#))
        let option = try cli.run("standings", "--year", "20\(Self.esc)]0;x\(Self.bel)17")
        #expect(option.status == 64)
        #expect(!option.stderr.contains(Self.esc) && option.stderr.contains("\\u{1B}"), "\(option.stderr.debugDescription)")
    }

    @Test func tablesShowHostileStoredTextAsEscapesOnItsOwnRow() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let rows = try cli.run("standings", "--year", "2017").stdout.split(separator: "\n").count
        try cli.sqlite("""
            UPDATE year_standing SET name = 'Ban' || char(10) || ' 1  FAKE  Ban Giả  100' || char(27) || '[2J' || char(7) || char(8238) || 'xet'
            WHERE member = 'BNCTW';
            """)
        let table = try cli.run("standings", "--year", "2017").stdout
        #expect(table.split(separator: "\n").count == rows, "\(table)")
        #expect(!table.contains(Self.esc) && !table.contains(Self.bel) && !table.contains("\u{202E}"))
        #expect(table.contains(#"Ban\u{A} 1  FAKE  Ban Giả  100\u{1B}[2J\u{7}\u{202E}xet"#), "\(table)")
        let replay = try cli.run("officers", "--year", "2017")
        #expect(replay.status == 0)
    }

    @Test func csvTextCellsCannotBeFormulasAndNumbersStayNumbers() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "KTX", "--name", "Khối", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("--as", "secretariat", "year", "open", "2019", "--member", "A1==HYPERLINK(\"http://x\")",
                            "--member", "B2=+SUM(A1)", "--member", "C3=-2+3", "--member", "D4=@cmd", "--member", "E5=-2.5").status == 0)
        let csv = try cli.run("standings", "--year", "2019", "--format", "csv").stdout
        #expect(csv.contains(#",A1,"'=HYPERLINK(""http://x"")","#), "\(csv)")
        #expect(csv.contains(",B2,'+SUM(A1),"))
        #expect(csv.contains(",C3,'-2+3,"))
        #expect(csv.contains(",D4,'@cmd,"))
        #expect(csv.contains(",E5,-2.5,"), "a name that is a plain number is no formula")
        let json = try cli.run("standings", "--year", "2019", "--format", "json").stdout
        #expect(json.contains(#""name":"=HYPERLINK(\"http://x\")""#), "JSON keeps the text as it is")
    }

    @Test func aPathNamedOnTheCommandLineIsShownAsEscapes() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let folder = cli.path("d\(Self.esc)]0;owned\(Self.bel)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let demo = try cli.run("demo", "--db", folder + "/demo.sqlite")
        #expect(demo.status == 0, "\(demo)")
        #expect(!demo.stdout.contains(Self.esc) && !demo.stdout.contains(Self.bel), "\(demo.stdout)")
        #expect(demo.stdout.contains("d\\u{1B}]0;owned\\u{7}/demo.sqlite"), "\(demo.stdout)")
    }
}
