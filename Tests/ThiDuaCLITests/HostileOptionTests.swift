import Foundation
import Testing

@Suite("End to end: typed options beyond every bound are refused, never trapped on (issue 10)")
struct HostileOptionTests {
    static let commands: [[String]] = [
        ["--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "9223372036854775808"],
        ["--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "9999999999999999999"],
        ["--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "-9223372036854775809"],
        ["--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "99999999999999999999.99"],
        ["--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "1e400"],
        ["--as", "BNCTW", "score", "review", "--year", "2017", "--member", "UBKTTW", "--criterion", "1.1", "--points", "18446744073709551616", "--reason", "r"],
        ["--as", "BNCTW", "criterion", "set", "--year", "2017", "--code", "2", "--title", "t", "--max", "9223372036854775808"],
        ["--as", "BNCTW", "election", "open", "--year", "2017", "--id", "E", "--office", "deputy", "--seats", "9223372036854775807", "--candidates", "BNCTW,UBKTTW"],
        ["--as", "BNCTW", "election", "open", "--year", "2017", "--id", "E", "--office", "deputy", "--seats", "9223372036854775808", "--candidates", "BNCTW,UBKTTW"],
        ["--as", "BNCTW", "election", "open", "--year", "2017", "--id", "E", "--office", "deputy", "--seats", "3", "--candidates", "BNCTW,UBKTTW"],
        ["--as", "BNCTW", "election", "tally", "--year", "2017", "--id", "S", "--ballots", "9223372036854775807", "--count", "BNCTW=1"],
        ["--as", "BNCTW", "election", "tally", "--year", "2017", "--id", "S", "--ballots", "2", "--count", "BNCTW=99999999999999999999"],
        ["--as", "BNCTW", "election", "tally", "--year", "2017", "--id", "S", "--ballots", "2", "--count", "BNCTW=9223372036854775807"],
        ["--as", "BNCTW", "election", "tally", "--year", "2017", "--id", "S", "--ballots", "2", "--invalid", "-9223372036854775808"],
        ["--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--quorum", "9223372036854775807/9223372036854775807"],
        ["--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--majority", "9223372036854775807/9223372036854775808"],
        ["--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--quorum", "99999999999999999999.99"],
        ["--as", "secretariat", "rules", "adopt", "--from-year", "9223372036854775807"],
        ["--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--flag-limit", "9223372036854775807"],
        ["--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--certificate-limit", "-9223372036854775808"],
        ["--as", "secretariat", "year", "open", "9223372036854775807", "--member", "A=a", "--member", "B=b"],
        ["--as", "BNCTW", "scores", "finalize", "--year", "-9223372036854775808"],
    ]

    @Test("each hostile command line is refused with an error and leaves the log as it was", arguments: 0..<commands.count)
    func refused(index: Int) throws {
        let arguments = Self.commands[index]
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("append", "-", stdin: Example.year).status == 0)
        let secret = try cli.run("--as", "BNCTW", "election", "open", "--year", "2017", "--id", "S", "--office", "deputy", "--seats", "1",
                                 "--candidates", "BNCTW,UBKTTW", "--secret")
        #expect(secret.status == 0, "\(secret)")
        let before = try cli.run("log", "--format", "json").stdout
        let result = try cli.run(arguments)
        #expect(result.status == 1 || result.status == 64, "\(arguments.joined(separator: " ")): \(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(arguments.joined(separator: " ")): \(result)")
        #expect(try cli.run("log", "--format", "json").stdout == before, "nothing appended by \(arguments.joined(separator: " "))")
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func theIssuesQuorumNoLongerBreaksEveryLaterClose() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("append", "-", stdin: Example.year).status == 0)
        let adopt = try cli.run("--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--quorum", "9223372036854775807/9223372036854775807")
        #expect(adopt.status == 1)
        #expect(adopt.stderr.contains("[bad-fraction]"), "\(adopt)")
        #expect(try cli.run("--as", "BNCTW", "election", "open", "--year", "2017", "--id", "H", "--office", "head",
                            "--candidates", "BNCTW").status == 0)
        #expect(try cli.run("--as", "BNCTW", "vote", "cast", "--year", "2017", "--election", "H", "--for", "BNCTW").status == 0)
        let close = try cli.run("--as", "BNCTW", "election", "close", "--year", "2017", "--id", "H")
        #expect(close.status == 0, "\(close)")
    }
}
