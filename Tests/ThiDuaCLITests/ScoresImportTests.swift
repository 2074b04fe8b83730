import Foundation
import Testing

@Suite("End to end: thidua scores import SHEET.csv (§10 \"Batch entry\")")
struct ScoresImportTests {
    static func events(_ cli: Thidua) throws -> [String] {
        try cli.run("log", "--type", "score.submitted", "--type", "score.reviewed", "--format", "json").stdout
            .split(separator: "\n").map(String.init)
    }

    static func sheet(_ cli: Thidua, _ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: URL(fileURLWithPath: cli.path(name)))
        return cli.path(name)
    }

    @Test("Comma-separated with a BOM, quoted cells and empty cells: each row submitted by its own member")
    func commaWithBOM() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let text = "\"Đơn vị\",1.1,ii.3\r\nskhdt,18.5,\r\n\"STC\",\"17\",\"19.25\"\r\n,,\r\n"
        let path = try Self.sheet(cli, "bom.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let result = try cli.run("scores", "import", path, "--year", "2024", "--lang", "en")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("3 cell(s)"), "\(result)")
        let events = try Self.events(cli)
        #expect(events.count == 3, "\(events)")
        #expect(events[0].contains(#""actor":"SKHDT""#) && events[0].contains(#""criterion":"1.1","member":"SKHDT","points":18.5"#), "\(events)")
        #expect(events[1].contains(#""actor":"STC""#) && events[1].contains(#""criterion":"1.1","member":"STC","points":17"#), "\(events)")
        #expect(events[2].contains(#""criterion":"II.3","member":"STC","points":19.25"#), "\(events)")
    }

    @Test("Semicolon-separated with decimal commas, recorded by the secretariat")
    func semicolonDecimalComma() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let path = try cli.write("semi.csv", "Đơn vị;1.1;II.3\nSKHDT;18,5;\"12,75\"\nSTC;;9\n")
        let result = try cli.run("--as", "secretariat", "scores", "import", path, "--year", "2024")
        #expect(result.status == 0, "\(result)")
        let events = try Self.events(cli)
        #expect(events.count == 3, "\(events)")
        #expect(events.allSatisfy { $0.contains(#""actor":"secretariat""#) }, "\(events)")
        #expect(events[0].contains(#""points":18.5"#) && events[1].contains(#""points":12.75"#) && events[2].contains(#""points":9"#), "\(events)")
    }

    @Test("A bad cell names the sheet's row and column, and nothing is appended", arguments: [
        ("Đơn vị,1.1,II.3\nSKHDT,18,19\n\nSTC,1,21\n", "score.submitted rejected at row 4, column C (criterion II.3): points 21 exceed the maximum 20 of criterion II.3 [points-over-maximum]"),
        ("Đơn vị;1.1;II.3\nSKHDT;18;abc\n", #"score.submitted rejected at row 2, column C (criterion II.3): "abc" is not a number"#),
        ("Đơn vị,1.1,9.9\nSKHDT,18,1\n", "rejected at row 2, column C (criterion 9.9)"),
        ("Đơn vị,1.1\nSGTVT,18\n", "rejected at row 2, column B (criterion 1.1)"),
    ])
    func badCell(_ text: String, _ message: String) throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let before = try cli.run("log", "--format", "json").stdout
        let path = try cli.write("bad.csv", text)
        let result = try cli.run("scores", "import", path, "--year", "2024")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(message), "\(result)")
        #expect(try cli.run("log", "--format", "json").stdout == before)
    }

    @Test("Sheets that cannot be read are refused and nothing is appended", arguments: [
        ("Đơn vị,1.1\n\"SKHDT,18\n", "never closes"),
        ("Đơn vị,1.1\nSKHDT,18,3\n", "row 2, column C has a score but no criterion code"),
        ("Đơn vị,1.1\n,18\n", "row 2 has scores but no member code"),
        ("Đơn vị,1.1\nSKHDT,\n", "holds no scores"),
    ])
    func unreadable(_ text: String, _ message: String) throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let result = try cli.run("scores", "import", try cli.write("bad.csv", text), "--year", "2024")
        #expect(result.status == 1 && result.stderr.contains(message), "\(result)")
        #expect(try Self.events(cli).isEmpty)
    }

    @Test("A sheet that is not UTF-8 is refused, naming how to save it")
    func notUTF8() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let path = try Self.sheet(cli, "latin1.csv", Array("Đơn vị,1.1\nSTC,1".utf8) + [0xE9, 0x0A])
        let result = try cli.run("scores", "import", path, "--year", "2024")
        #expect(result.status == 1 && result.stderr.contains("not UTF-8"), "\(result)")
        #expect(try Self.events(cli).isEmpty)
    }

    @Test("--as a member acts for that member only: another member's row is refused by the rules, naming it")
    func asMember() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let path = try cli.write("mixed.csv", "Đơn vị,1.1\nSTC,1\nSKHDT,2\n")
        let result = try cli.run("--as", "stc", "scores", "import", path, "--year", "2024")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("score.submitted rejected at row 3, column B (criterion 1.1): field actor: STC may not act for SKHDT"),
                "\(result)")
        #expect(try Self.events(cli).isEmpty)
    }

    @Test("--review records appraisals by --as with --reason; it needs both")
    func review() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let path = try cli.write("review.csv", "Đơn vị,1.1\nSTC,15\n")
        let result = try cli.run("--as", "SKHDT", "scores", "import", path, "--year", "2024", "--review", "--reason", "Thẩm định chéo")
        #expect(result.status == 0, "\(result)")
        let events = try Self.events(cli)
        #expect(events.count == 1 && events[0].contains("score.reviewed") && events[0].contains(#""actor":"SKHDT""#), "\(events)")
        #expect(events[0].contains(#""reason":"Thẩm định chéo""#), "\(events)")
        let noReason = try cli.run("--as", "SKHDT", "scores", "import", path, "--year", "2024", "--review")
        #expect(noReason.status == 64 && noReason.stderr.contains("--reason"), "\(noReason)")
        let noActor = try cli.run("scores", "import", path, "--year", "2024", "--review", "--reason", "x")
        #expect(noActor.status == 64, "\(noActor)")
        let notOfficer = try cli.run("--as", "STC", "scores", "import", path, "--year", "2024", "--review", "--reason", "x")
        #expect(notOfficer.status == 1 && notOfficer.stderr.contains("score.reviewed rejected at row 2, column B (criterion 1.1)"), "\(notOfficer)")
        #expect(try Self.events(cli).count == 1)
    }
}
