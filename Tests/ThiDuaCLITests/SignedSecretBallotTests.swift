import Foundation
import Testing
import ThiDuaLog

/// A secret ballot in a year that requires signatures: each officer signs what it records, the tally only by the officer who
/// records it, and the log holds no vote, so nothing says who voted how.
@Suite("End to end: secret ballots stay secret in a signed year (§9)")
struct SignedSecretBallotTests {
    @Test func officersSignOpeningTallyAndClosingAndNoVoteIsRecorded() throws {
        let cli = try SignedSeedTests.appended()
        defer { cli.remove() }
        let keys = try SignedSeedTests.keys(cli)
        let key = { (holder: String) in cli.path("keys/\(holder.lowercased()).key") }
        let year = ["--year", "2018", "--id", "HEAD-2019"]
        // 2018's head is BKTTW, its deputies UBKTTW and BDVTW (elected in the seed).
        let opened = try cli.run(["--as", "BKTTW", "election", "open"] + year
                                 + ["--office", "head", "--term", "2019", "--candidates", "BKTTW,BDVTW", "--secret", "--key", key("BKTTW")])
        #expect(opened.status == 0, "\(opened)")

        let vote = try cli.run("--as", "BNCTW", "vote", "cast", "--year", "2018", "--election", "HEAD-2019", "--for", "BKTTW", "--key", key("BNCTW"))
        #expect(vote.status == 1 && vote.stderr.contains("[secret-ballot]"), "\(vote)")

        let tally = ["election", "tally"] + year + ["--ballots", "8", "--count", "BKTTW=6", "--count", "BDVTW=2"]
        let unsigned = try cli.run(["--as", "UBKTTW"] + tally)
        #expect(unsigned.status == 1 && unsigned.stderr.contains("[unsigned]"), "\(unsigned)")
        let othersKey = try cli.run(["--as", "UBKTTW"] + tally + ["--key", key("BKTTW")])
        #expect(othersKey.status == 1 && othersKey.stderr.contains("(wrong-holder)"), "\(othersKey)")
        let line = #"{"type":"ballots.tallied","bloc":"BDTW","year":2018,"actor":"UBKTTW","id":"00000000-0000-4000-a000-000000002019","occurredAt":"2018-06-01T10:00:00+07:00","data":{"election":"HEAD-2019","ballots":8,"invalid":0,"counts":{"BKTTW":6,"BDVTW":2}}}"#
        let head = try SigningKey(holder: "UBKTTW", seed: try #require(keys["BKTTW"]).seed)
        let forged = try cli.run("append", try cli.write("forged.jsonl", try SignedLogTests.signed(line, with: head) + "\n"))
        #expect(forged.status == 1 && forged.stderr.contains("(wrong-holder)") && forged.stderr.contains("[bad-signature]"), "\(forged)")
        let member = try cli.run(["--as", "BNCTW"] + tally + ["--key", key("BNCTW")])
        #expect(member.status == 1 && member.stderr.contains("[not-allowed]"), "\(member)")
        let recorded = try cli.run(["--as", "UBKTTW"] + tally + ["--key", key("UBKTTW")])
        #expect(recorded.status == 0, "\(recorded)")
        let closed = try cli.run(["--as", "BDVTW", "election", "close"] + year + ["--key", key("BDVTW")])
        #expect(closed.status == 0, "\(closed)")

        let events = try SignedLogTests.jsonLines(try cli.run("log", "--election", "HEAD-2019", "--format", "json").stdout)
        #expect(events.map { $0["type"] as? String ?? "" } == ["election.opened", "ballots.tallied", "election.closed"])
        #expect(events.map { $0["actor"] as? String ?? "" } == ["BKTTW", "UBKTTW", "BDVTW"])
        for event in events {
            let signature = try #require(event["signature"] as? [String: String])
            #expect(signature["publicKey"] == keys[event["actor"] as! String]?.publicKeyText)
            let data = try #require(event["data"] as? [String: Any])
            #expect(data["voter"] == nil && data["choices"] == nil)
        }
        try #require(events.count == 3)
        #expect(Set(try #require(events[1]["data"] as? [String: Any]).keys) == ["election", "ballots", "invalid", "counts"])
        let votes = try cli.run("log", "--type", "vote.cast", "--election", "HEAD-2019", "--format", "json")
        #expect(votes.status == 0 && votes.stdout.isEmpty, "\(votes)")

        let result = try #require(try SignedSeedTests.json(try cli.run("elections", "--year", "2018", "--election", "HEAD-2019", "--format", "json").stdout)
            as? [String: Any])
        let election = try #require((result["elections"] as? [[String: Any]])?.first)
        #expect(election["method"] as? String == "secret")
        #expect(election["tally"] as? [String: Int] == ["BKTTW": 6, "BDVTW": 2])
        #expect(election["elected"] as? [String] == ["BKTTW"])
        try SignedLogTests.verifiedByBoth(cli)
    }
}
