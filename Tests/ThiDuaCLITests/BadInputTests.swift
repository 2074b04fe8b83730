import Foundation
import Testing
import ThiDuaJSON

@Suite("End to end: bad input is refused with a clear error and nothing is appended (§8)")
struct BadInputTests {
    static let good = Example.score("BNCTW", "1")

    static let cases: [(name: String, line: [UInt8], expected: String)] = [
        ("malformed JSON", Array(#"{"type":"score.submitted","bloc":"BDTW""#.utf8), "malformed JSON at column 40: unexpected end of line"),
        ("wrong type", Array(#"{"type":"score.submitted","bloc":"BDTW","year":"2017","actor":"BNCTW","data":{}}"#.utf8), "field year: expected a whole number"),
        ("unknown type", Array(#"{"type":"score.submited","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{}}"#.utf8), "unknown event type \"score.submited\""),
        ("unknown envelope field", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{},"colour":1}"#.utf8), "field colour: unknown envelope field"),
        ("unknown data field", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"member":"BNCTW","criterion":"1.1","points":1,"bonus":2}}"#.utf8), "field data.bonus: unknown data field"),
        ("invalid UTF-8", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"member":"BNCTW","criterion":"1.1","points":1,"evidence":""#.utf8) + [0xFF, 0xFE] + Array(#""}}"#.utf8), "text is not valid UTF-8"),
        ("huge line", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"member":"BNCTW","criterion":"1.1","points":1,"evidence":""#.utf8) + [UInt8](repeating: 0x61, count: 1_100_000) + Array(#""}}"#.utf8), "the line has 1100"),
        ("control character", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"member":"BNCTW","criterion":"1.1","points":1,"evidence":"a\u0000b"}}"#.utf8), "control character U+0000"),
        ("bad code", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"member":"Ban Nội chính","criterion":"1.1","points":1}}"#.utf8), "field data.member: \"Ban Nội chính\" is not a code"),
        ("date without offset", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2018-01-10T08:00:00","data":{"member":"BNCTW","criterion":"1.1","points":1}}"#.utf8), "has no UTC offset"),
        ("too many decimals", Array(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"member":"BNCTW","criterion":"1.1","points":1.005}}"#.utf8), "1.005 is not a number of points"),
        ("duplicate key", Array(#"{"type":"score.submitted","type":"score.submitted","bloc":"BDTW"}"#.utf8), "field \"type\" appears twice"),
    ]

    @Test("each bad line in the middle of a batch is named and nothing is appended", arguments: 0..<cases.count)
    func badLine(index: Int) throws {
        let (name, line, expected) = Self.cases[index]
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        var bytes = Array((Example.year + Self.good + "\n" + Self.good + "\n").utf8)
        bytes += line + [0x0A]
        bytes += Array((Self.good + "\n").utf8)
        let file = cli.path("bad.jsonl")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = try cli.run("append", file)
        #expect(result.status == 1, "\(name): \(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(name)")
        #expect(result.stderr.contains("rejected at line 5"), "\(name): \(result.stderr)")
        #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(name): one line")
        #expect(result.stdout.isEmpty)
        #expect(try cli.run("log", "--format", "json").stdout.split(separator: "\n").count == 1, "\(name): nothing appended")
    }

    @Test func aRuleViolationInTheMiddleNamesTheLine() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        var lines = Example.year
        for index in 1...600 { lines += Example.score(index == 500 ? "XYZ" : "BNCTW", "\(index)") + "\n" }
        let result = try cli.run("append", "-", stdin: lines)
        #expect(result.status == 1)
        #expect(result.stderr == "error: score.submitted rejected at line 502: field data.member: XYZ is not a member of BDTW in 2017 [not-a-member]\n")
        #expect(try cli.run("log", "--format", "json").stdout.split(separator: "\n").count == 1)
    }

    @Test func anEmptyInputAppendsNothing() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run("append", "-", stdin: "\n  \n")
        #expect(result.status == 0)
        #expect(result.stdout == "không có gì để ghi: đầu vào không có sự kiện nào\n")
    }

    @Test func asFillsInTheActorOfLinesWithout() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let line = #"{"type":"bloc.founded","bloc":"BDTW","data":{"name":"x"}}"#
        let missing = try cli.run("append", "-", stdin: line)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("field actor: missing; nobody is named as acting; add \"actor\""))
        #expect(try cli.run("--as", "secretariat", "append", "-", stdin: line).status == 0)
    }

    @Test func idsMakeReRunsANoOpAndRefuseOtherContent() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let id = "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31"
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        let withIDs = Example.year.split(separator: "\n").enumerated().map { offset, line in
            line.replacingOccurrences(of: "{\"type\"", with: "{\"id\":\"00000000-0000-4000-8000-00000000000\(offset)\",\"type\"")
        }
        let file = try cli.write("s.jsonl", withIDs.joined(separator: "\n") + "\n" + Example.score("BNCTW", "5", id: id) + "\n")
        #expect(try cli.run("append", file).status == 0)
        let again = try cli.run("append", file)
        #expect(again.status == 0)
        #expect(again.stdout.contains("đã có từ trước ở vị trí 4: BDTW/2017 v3 score.submitted"))
        #expect(try cli.run("log", "--format", "json").stdout.split(separator: "\n").count == 4)
        let changed = try cli.run("append", "-", stdin: Example.score("BNCTW", "6", id: id))
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("id \(id) is already recorded at position 4 with other content"))
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
