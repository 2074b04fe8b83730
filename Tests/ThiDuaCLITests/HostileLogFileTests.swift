import Foundation
import Testing

@Suite("End to end: a log holding rows the decider would refuse makes no command trap (issue 10)")
struct HostileLogFileTests {
    /// Appends a raw row to the year's stream as another program could, with a hash that does not chain.
    static func insert(_ type: String, _ data: String) -> String {
        """
        INSERT INTO event (position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash)
        SELECT (SELECT MAX(position) FROM event) + 1, 'BDTW/2017', (SELECT MAX(version) FROM event WHERE stream = 'BDTW/2017') + 1,
               lower(hex(randomblob(18))), '\(type)', 1, 'BNCTW', '2018-01-01T00:00:00+07:00', '2018-01-01T00:00:00.000000Z', NULL,
               '\(data)', randomblob(32);
        """
    }

    static let rows: [(name: String, sql: String)] = [
        ("duplicate candidates", insert("election.opened", #"{"election":"E","office":"deputy","seats":2,"candidates":["BNCTW","BNCTW","UBKTTW"]}"#)
            + insert("vote.cast", #"{"election":"E","voter":"BNCTW","choices":["BNCTW","BNCTW"]}"#)
            + insert("election.closed", #"{"election":"E"}"#)),
        ("negative seats", insert("election.opened", #"{"election":"E","office":"deputy","seats":-5,"candidates":["BNCTW","UBKTTW"]}"#)
            + insert("vote.cast", #"{"election":"E","voter":"UBKTTW","choices":["BNCTW"]}"#)
            + insert("election.closed", #"{"election":"E"}"#)),
        ("secret tally naming strangers", insert("election.opened", #"{"election":"S","office":"deputy","seats":1,"candidates":["BNCTW","BNCTW"],"method":"secret"}"#)
            + insert("ballots.tallied", #"{"election":"S","ballots":1000000,"invalid":3,"counts":{"ZZZ":1000000,"BNCTW":999999}}"#)
            + insert("election.closed", #"{"election":"S"}"#)),
        ("numbers beyond 64 bits", insert("score.submitted", #"{"member":"BNCTW","criterion":"1.1","points":99999999999999999999.99}"#)
            + insert("election.opened", #"{"election":"E","office":"deputy","seats":9223372036854775807,"candidates":["BNCTW"]}"#)
            + insert("election.closed", #"{"election":"E"}"#)),
    ]

    @Test("every read command and verify answer without trapping", arguments: 0..<rows.count)
    func readCommandsSurvive(index: Int) throws {
        let (name, sql) = Self.rows[index]
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("append", "-", stdin: Example.year + Example.score("BNCTW", "5") + "\n").status == 0)
        try cli.sqlite(sql)
        for arguments in [["standings", "--year", "2017"], ["elections", "--year", "2017"], ["awards", "--year", "2017"],
                          ["replay", "--year", "2017"], ["log", "--format", "json"], ["log"], ["export", "--bloc", "BDTW"],
                          ["diff", "--year", "2017", "--from", "1"], ["digest"]] {
            let result = try cli.run(arguments)
            #expect([0, 1, 2].contains(result.status), "\(name): \(arguments.joined(separator: " ")): \(result)")
        }
        let verify = try cli.run("verify")
        #expect(verify.status == 2, "\(name): \(verify)")
        let rebuild = try cli.run("rebuild")
        #expect([0, 1, 2].contains(rebuild.status), "\(name): \(rebuild)")
        // 2: a year whose rows no longer decode is refused as an altered log, as rebuild refuses it.
        let append = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "7")
        #expect([0, 1, 2].contains(append.status), "\(name): \(append)")
    }

    @Test func anAppendAfterTheLargestPositionIsRefused() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("append", "-", stdin: Example.year).status == 0)
        // The trigger is put back exactly as thidua creates it, so the file passes the schema check before an append.
        try cli.sqlite("""
            DROP TRIGGER event_append_only_update;
            UPDATE event SET position = 9223372036854775807 WHERE position = (SELECT MAX(position) FROM event);
            CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
            BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END;
            """)
        let before = try cli.run("log", "--format", "json").stdout
        let append = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "7")
        #expect(append.status == 1, "\(append)")
        #expect(append.stderr.hasPrefix("error: ") && append.stderr.contains("[log-altered]"), "\(append)")
        #expect(try cli.run("log", "--format", "json").stdout == before)
        let verify = try cli.run("verify")
        #expect(verify.status == 2 && verify.stderr.hasPrefix("error: verify:"), "\(verify)")
        let follow = try cli.run("log", "--follow", "--from", "9223372036854775807", "--format", "json")
        #expect(follow.status == 0 && follow.stdout.split(separator: "\n").count == 1, "\(follow)")
    }

    /// A replay that skipped a row it cannot decode would show, with exit 0, a state the log does not hold.
    @Test("replay and diff refuse a row that no longer decodes, naming it", arguments: [
        ("score.submitted", #"{"member":5,"criterion":"1.1","points":7}"#, "[wrong-type]"),
        ("score.submitted", #"{"member":"BNCTW","criterion":"1.1","points":7,"extra":1}"#, "[unknown-field]"),
        ("year.opened", #"{"members":[{"code":"X","name":"a\nb"}]}"#, "[multi-line-text]"),
        ("no.such.type", #"{}"#, "[unknown-type]"),
    ])
    func replayRefusesARowThatDoesNotDecode(type: String, data: String, code: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("append", "-", stdin: Example.year + Example.score("BNCTW", "5") + "\n").status == 0)
        try cli.sqlite(Self.insert(type, data) + Self.insert("score.submitted", #"{"member":"BNCTW","criterion":"1.1","points":9}"#))
        for arguments in [["replay", "--year", "2017"], ["replay", "--year", "2017", "--format", "json"],
                          ["replay", "--year", "2017", "--as-of", "2018-01-01"], ["diff", "--year", "2017", "--from", "1"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.hasPrefix("error: the event at position 5 breaks a rule, so the log was altered: ")
                    && result.stderr.contains(code), "\(arguments): \(result)")
        }
    }

    /// Values of a type the store never writes, past the CHECK constraints (`ignore_check_constraints`), where a
    /// command reads them: the last row's hash (the head) and a bloc.founded name (verify's list of blocs).
    @Test("a value of the wrong type where a command reads it", arguments: [
        "UPDATE event SET hash = 12345 WHERE position = (SELECT MAX(position) FROM event);",
        "UPDATE event SET hash = 1.5 WHERE position = (SELECT MAX(position) FROM event);",
        #"UPDATE event SET data = '{"name":20}' WHERE type = 'bloc.founded';"#,
        #"UPDATE event SET data = '{"name":{"a":[1]}}' WHERE type = 'bloc.founded';"#,
        #"UPDATE event SET data = '{"name":' WHERE type = 'bloc.founded';"#,
    ])
    func aValueOfTheWrongTypeNeverTraps(sql: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        try cli.sqlite("PRAGMA ignore_check_constraints = ON;\n" + TamperCorpus.dropTriggers + sql + TamperCorpus.restoreTriggers)
        for arguments in [["digest"], ["digest", "--format", "json"], ["log", "--format", "json"], ["export"], ["standings", "--year", "2017"],
                          ["replay", "--year", "2018"], ["rebuild"]] {
            let result = try cli.run(arguments)
            #expect([0, 1, 2].contains(result.status) && !result.stderr.contains("Fatal error"), "\(arguments): \(result)")
        }
        let verify = try cli.run("verify")
        #expect(verify.status == 2 && verify.stderr.hasPrefix("error: verify: "), "\(verify)")
        #expect(try cli.pythonVerify().status == 2)
    }
}
