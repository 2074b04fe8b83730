import Foundation
import Testing

@Suite("End to end: arguments behave the same in every command (§10 \"Consistent arguments\", \"Codes\")")
struct ConsistentArgumentTests {
    /// A bloc BT with year 2024: members SKHDT (head) and STC, criteria 1.1 and II.3 (max 20 each).
    static func bloc() throws -> Thidua {
        let cli = try Thidua()
        for arguments in [
            ["init", "--bloc", "BT", "--name", "Khối thử", "--occurred-at", "2000-01-01"],
            ["--as", "secretariat", "year", "open", "2024", "--member", "SKHDT=Sở Kế hoạch và Đầu tư", "--member", "STC=Sở Tài chính", "--head", "SKHDT", "--occurred-at", "2024-01-02"],
            ["--as", "SKHDT", "criterion", "set", "--year", "2024", "--code", "1.1", "--title", "Nhiệm vụ", "--max", "20", "--occurred-at", "2024-01-05"],
            ["--as", "SKHDT", "criterion", "set", "--year", "2024", "--code", "II.3", "--title", "Cải cách", "--max", "20", "--occurred-at", "2024-01-05"],
        ] {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
        }
        return cli
    }

    @Test("year open|close|reopen take --year as well as the positional year")
    func yearOption() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BT", "--name", "Khối thử", "--occurred-at", "2000-01-01").status == 0)
        let open = try cli.run("--as", "secretariat", "year", "open", "--year", "2024", "--member", "SKHDT=Sở KH", "--member", "STC=Sở TC", "--head", "SKHDT")
        #expect(open.status == 0, "\(open)")
        #expect(open.stdout.contains("BT/2024 v1 year.opened"), "\(open)")
        #expect(try cli.run("--as", "SKHDT", "scores", "finalize", "--year", "2024").status == 0)
        let close = try cli.run("--as", "SKHDT", "year", "close", "--year", "2024")
        #expect(close.status == 0, "\(close)")
        #expect(close.stdout.contains("year.closed"), "\(close)")
        let reopen = try cli.run("--as", "secretariat", "year", "reopen", "--year", "2024", "--reason", "Bổ sung")
        #expect(reopen.status == 0, "\(reopen)")
        let both = try cli.run("--as", "SKHDT", "year", "close", "2024", "--year", "2023")
        #expect(both.status == 64 && both.stderr.contains("given twice"), "\(both)")
        let neither = try cli.run("--as", "SKHDT", "year", "close")
        #expect(neither.status == 64 && neither.stderr.contains("--year"), "\(neither)")
        let positional = try cli.run("--as", "SKHDT", "year", "close", "2024")
        #expect(positional.status == 0, "\(positional)")
    }

    @Test("Typed commands take codes in any letter case and record them upper-cased")
    func codesAnyCase() throws {
        let cli = try Self.bloc()
        defer { cli.remove() }
        let submit = try cli.run("--as", "skhdt", "--bloc", "bt", "score", "submit", "--year", "2024", "--criterion", "ii.3", "--points", "12")
        #expect(submit.status == 0, "\(submit)")
        let review = try cli.run("--as", "skhdt", "score", "review", "--year", "2024", "--member", "stc", "--criterion", "1.1",
                                 "--points", "10", "--reason", "Thẩm định")
        #expect(review.status == 0, "\(review)")
        let election = try cli.run("--as", "Skhdt", "election", "open", "--year", "2024", "--id", "head-2025", "--office", "head",
                                   "--candidates", "skhdt,stc")
        #expect(election.status == 0, "\(election)")
        let vote = try cli.run("--as", "stc", "vote", "--year", "2024", "--election", "head-2025", "--for", "skhdt")
        #expect(vote.status == 0, "\(vote)")
        let secretariat = try cli.run("--as", "SECRETARIAT", "member", "admit", "--year", "2024", "--code", "sgtvt", "--name", "Sở GTVT")
        #expect(secretariat.status == 0, "\(secretariat)")
        let log = try cli.run("log", "--format", "json")
        #expect(log.stdout.contains(#""actor":"SKHDT""#) && log.stdout.contains(#""criterion":"II.3""#), "\(log)")
        #expect(log.stdout.contains(#""candidates":["SKHDT","STC"]"#) && log.stdout.contains(#""election":"HEAD-2025""#), "\(log)")
        #expect(log.stdout.contains(#""choices":["SKHDT"]"#) && log.stdout.contains(#""voter":"STC""#), "\(log)")
        #expect(log.stdout.contains(#""actor":"secretariat""#) && log.stdout.contains(#""code":"SGTVT""#), "\(log)")
        #expect(!log.stdout.contains("skhdt") && !log.stdout.contains("sgtvt"), "\(log)")
    }

    @Test("Query filters take codes in any case; a member or criterion the bloc never had is an error naming the known ones")
    func filters() throws {
        let cli = try Self.bloc()
        defer { cli.remove() }
        #expect(try cli.run("--as", "STC", "score", "submit", "--year", "2024", "--criterion", "II.3", "--points", "7").status == 0)
        let member = try cli.run("log", "--member", "stc", "--criterion", "ii.3", "--format", "json")
        #expect(member.status == 0, "\(member)")
        #expect(member.stdout.split(separator: "\n").count == 1 && member.stdout.contains(#""points":7"#), "\(member)")
        let actor = try cli.run("log", "--actor", "Secretariat", "--format", "json")
        #expect(actor.stdout.contains("year.opened"), "\(actor)")
        let unknownMember = try cli.run("log", "--member", "sgtvt", "--lang", "en")
        #expect(unknownMember.status == 1, "\(unknownMember)")
        #expect(unknownMember.stderr.contains("SGTVT") && unknownMember.stderr.contains("known members: SKHDT, STC"), "\(unknownMember)")
        #expect(!unknownMember.stdout.contains("no events match"), "\(unknownMember)")
        let unknownCriterion = try cli.run("log", "--criterion", "9.9", "--format", "csv")
        #expect(unknownCriterion.status == 1, "\(unknownCriterion)")
        #expect(unknownCriterion.stderr.contains("known criteria: 1.1, II.3"), "\(unknownCriterion)")
        let known = try cli.run("log", "--member", "SKHDT", "--type", "vote.cast", "--format", "csv")
        #expect(known.status == 0 && known.stdout.split(separator: "\n").count == 1, "\(known)")
    }

    @Test("JSON Lines keep exact codes: a lowercase code is refused with the upper-cased suggestion")
    func jsonLinesExact() throws {
        let cli = try Self.bloc()
        defer { cli.remove() }
        let line = #"{"type":"score.submitted","bloc":"BT","year":2024,"actor":"SKHDT","data":{"member":"SKHDT","criterion":"ii.3","points":1}}"#
        let result = try cli.run("append", "-", stdin: line + "\n")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains(#"field data.criterion: "ii.3" is not a code; codes are upper case in JSON Lines: write "II.3" [bad-code]"#),
                "\(result)")
        let actor = try cli.run("append", "-", stdin: line.replacingOccurrences(of: #""actor":"SKHDT""#, with: #""actor":"skhdt""#) + "\n")
        #expect(actor.status == 1 && actor.stderr.contains(#"write "SKHDT""#), "\(actor)")
    }

    @Test("A negative number after an option is a value the rules refuse, not a missing value",
          arguments: [["--points", "-1"], ["--points=-1"]])
    func negativePoints(_ points: [String]) throws {
        let cli = try Self.bloc()
        defer { cli.remove() }
        let result = try cli.run(["--as", "SKHDT", "score", "submit", "--year", "2024", "--criterion", "1.1"] + points)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("[negative-points]") && !result.stderr.contains("Missing value"), "\(result)")
        let review = try cli.run(["--as", "SKHDT", "score", "review", "--year", "2024", "--member", "STC", "--criterion", "1.1",
                                  "--reason", "x"] + points)
        #expect(review.status == 1 && review.stderr.contains("[negative-points]"), "\(review)")
    }

    @Test("Negative counts and maxima reach the rules too", arguments: [
        ["criterion", "set", "--year", "2024", "--code", "1.9", "--title", "X", "--max", "-5"],
        ["election", "open", "--year", "2024", "--id", "H", "--office", "head", "--seats", "-1", "--candidates", "STC"],
    ])
    func negativeOthers(_ arguments: [String]) throws {
        let cli = try Self.bloc()
        defer { cli.remove() }
        let result = try cli.run(["--as", "SKHDT"] + arguments)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("rejected") && !result.stderr.contains("Missing value"), "\(result)")
    }

    @Test("A date alone in --occurred-at means 12:00 +07:00 that day")
    func occurredAtDate() throws {
        let cli = try Self.bloc()
        defer { cli.remove() }
        let result = try cli.run("--as", "SKHDT", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "5",
                                 "--occurred-at", "2024-03-01")
        #expect(result.status == 0, "\(result)")
        let log = try cli.run("log", "--type", "score.submitted", "--format", "json")
        #expect(log.stdout.contains(#""occurredAt":"2024-03-01T12:00:00+07:00""#), "\(log)")
        let bad = try cli.run("--as", "SKHDT", "score", "submit", "--year", "2024", "--criterion", "1.1", "--points", "5",
                              "--occurred-at", "2024-13-01")
        #expect(bad.status == 1 && bad.stderr.contains("occurredAt"), "\(bad)")
    }
}

/// Read options: a negative position is named as such, a year, type or election the log never had is an error listing
/// the known ones — never "Missing value", never an empty answer.
@Suite("End to end: read filters refuse what the log never had")
struct ReadFilterArgumentTests {
    @Test("a negative position is a usage error naming the option", arguments: [
        ["log", "--from", "-1"], ["log", "--to", "-3"], ["replay", "--year", "2024", "--at", "-1"],
        ["log", "--follow", "--from", "-2"],
    ])
    func negativePosition(arguments: [String]) throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.hasPrefix("error: \(arguments[arguments.count - 2]) -"), "\(result)")
        #expect(result.stderr.contains("a position is 0 or more"))
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test("a year the bloc never had is an error naming its years", arguments: [
        ["log", "--year", "2030"], ["log", "--year", "-4"], ["export", "--year", "2023"],
    ])
    func unknownYear(arguments: [String]) throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let result = try cli.run(arguments)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: --year \(arguments[2]): BT has no such year; known years: 2024"), "\(result)")
    }

    @Test func aMisspeltTypeIsAnErrorListingTheTypes() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let result = try cli.run("log", "--type", "criterion.setted")
        #expect(result.status == 1)
        #expect(result.stderr.contains("--type criterion.setted: no such event type"))
        #expect(result.stderr.contains("criterion.set, criterion.retired"))
        let known = try cli.run("log", "--type", "criterion.set", "--format", "csv")
        #expect(known.status == 0)
        #expect(known.stdout.split(separator: "\n").count == 3)
    }

    @Test func aYearOfTheLogStillFiltersAndExports() throws {
        let cli = try ConsistentArgumentTests.bloc()
        defer { cli.remove() }
        let log = try cli.run("log", "--year", "2024", "--format", "csv")
        #expect(log.status == 0)
        #expect(log.stdout.split(separator: "\n").count == 4)
        let export = try cli.run("export", "--year", "2024")
        #expect(export.status == 0)
        #expect(export.stdout.split(separator: "\n").count == 4)
    }
}
