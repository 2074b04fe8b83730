import Foundation
import Testing
import ThiDuaJSON
import ThiDuaLog

/// The signed seed (EventLog/examples/signed): the seed's history with TEST keys registered, signatures required from 2018
/// and every 2018 event signed by its actor, as Tools/signed_example.py writes it.
@Suite("End to end: the seed's 2018 signed, with signatures required (§9)")
struct SignedSeedTests {
    static let path = Thidua.packageRoot.appendingPathComponent("EventLog/examples/signed/bdtw-2017-2018-signed.jsonl").path
    static let lines = try! String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    static let holders = ["BNCTW", "UBKTTW", "VPTW", "BTCTW", "BTGTW", "BDNTW", "BDVTW", "BKTTW", "secretariat"]

    /// The TEST keys, read from the files the generator writes (`--keys DIR`, mode 0600) into `cli`'s directory.
    static func keys(_ cli: Thidua) throws -> [String: SigningKey] {
        let (status, _) = try Thidua.pythonTool("signed_example.py", ["--keys", cli.path("keys")])
        #expect(status == 0)
        var keys: [String: SigningKey] = [:]
        for holder in holders {
            let text = try String(contentsOfFile: cli.path("keys/\(holder.lowercased()).key"), encoding: .utf8)
            let key = try SigningKey(fileText: text)
            #expect(key.holder == holder)
            #expect(key.seed == EventHashing.chain(previous: [], canonical: Array("thidua TEST key BDTW \(holder)".utf8)),
                    "SIGNING.md: a TEST key's seed is SHA-256 of \"thidua TEST key BDTW HOLDER\"")
            keys[holder] = key
        }
        return keys
    }

    /// A fresh log holding the whole signed seed.
    static func appended() throws -> Thidua {
        let cli = try Thidua()
        let result = try cli.run("append", path)
        #expect(result.status == 0 && result.stdout.contains("255"), "\(result)")
        if result.status != 0 { cli.remove() }
        try #require(result.status == 0)
        return cli
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func theCommittedFileIsWhatTheGeneratorWrites() throws {
        let (status, output) = try Thidua.pythonTool("signed_example.py", [])
        #expect(status == 0)
        let committed = try Data(contentsOf: URL(fileURLWithPath: Self.path))
        #expect(output == committed, "run python3 Tools/signed_example.py > EventLog/examples/signed/bdtw-2017-2018-signed.jsonl")
    }

    @Test func itIsTheSeedWithKeysRulesAndEvery2018EventSignedByItsActor() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let keys = try Self.keys(cli)
        let seed = SignedLogTests.seedLines
        var byId: [String: String] = [:]
        for line in Self.lines { byId[try #require(try Self.json(line) as? [String: Any])["id"] as! String] = line }
        for line in seed {
            let event = try #require(try Self.json(line) as? [String: Any])
            let signed = try #require(byId[event["id"] as! String])
            guard let year = event["year"] as? Int, year >= 2018 else {
                #expect(signed == line, "the seed's bloc events and 2017 stay as they are")
                continue
            }
            #expect(signed.hasPrefix(String(line.dropLast()) + #","signature":"#), "\(line)")
            let actor = event["actor"] as! String
            try SignCommandTests.verified(Substring(signed), publicKey: try #require(keys[actor]).publicKeyText)
        }
        #expect(Self.lines.count == seed.count + 10)
        let seedIds = Set(try seed.map { try #require(try Self.json($0) as? [String: Any])["id"] as! String })
        let added = try Self.lines.map { try #require(try Self.json($0) as? [String: Any]) }.filter { !seedIds.contains($0["id"] as! String) }
        #expect(added.map { $0["type"] as? String ?? "" } == Array(repeating: "key.registered", count: 9) + ["rules.adopted"])
        let registered = added.compactMap { $0["type"] as? String == "key.registered" ? $0["data"] as? [String: String] : nil }
        #expect(registered.map { $0["holder"] ?? "" } == ["secretariat"] + Array(Self.holders.dropLast()))
        for data in registered { #expect(data["publicKey"] == keys[data["holder"]!]?.publicKeyText) }
        let rules = try #require(added.last?["data"] as? [String: Any])
        let seedRules = try #require(try Self.json(seed[1]) as? [String: Any])["data"] as! [String: Any]
        #expect(rules["signatures"] as? String == "required" && rules["fromYear"] as? Int == 2018)
        #expect(rules["majority"] as? Double == seedRules["majority"] as? Double)
        #expect(rules["quorum"] as? String == seedRules["quorum"] as? String)
        #expect(rules["flagLimit"] as? Int == seedRules["flagLimit"] as? Int)
    }

    @Test func theWhole2018SignedDecidesAsTheSeedAndBothVerifiersAgree() throws {
        let cli = try Self.appended()
        defer { cli.remove() }
        try SignedLogTests.verifiedByBoth(cli)
        let seed = cli.path("seed.sqlite")
        #expect(try cli.run("--db", seed, "append", Example.seedPath).status == 0)
        for year in ["2017", "2018"] {
            for query in ["standings", "officers", "elections", "pact", "awards"] {
                let signed = try cli.run(query, "--year", year, "--format", "json")
                let unsigned = try cli.run("--db", seed, query, "--year", year, "--format", "json")
                #expect(signed.status == 0 && unsigned.status == 0, "\(query) \(year): \(signed)")
                var a = try #require(try Self.json(signed.stdout) as? [String: Any]), b = try #require(try Self.json(unsigned.stdout) as? [String: Any])
                a["position"] = nil
                b["position"] = nil
                #expect(NSDictionary(dictionary: a) == NSDictionary(dictionary: b), "\(query) \(year)")
            }
        }
        let rules = try #require(try Self.json(try cli.run("rules", "--year", "2018", "--format", "json").stdout) as? [String: Any])
        #expect(rules["signatures"] as? String == "required")
    }

    @Test func afterItAnUnsignedOrWronglySigned2018EventIsRefused() throws {
        let cli = try Self.appended()
        defer { cli.remove() }
        let keys = try Self.keys(cli)
        let head = try cli.run("digest").stdout
        let score = #"{"type":"score.submitted","bloc":"BDTW","year":2018,"actor":"BNCTW","id":"00000000-0000-4000-a000-000000002018","occurredAt":"2018-05-10T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":14}}"#
        let unsigned = try cli.run("append", try cli.write("unsigned.jsonl", score + "\n"))
        #expect(unsigned.status == 1 && unsigned.stderr.contains("[unsigned]"), "\(unsigned)")
        let typed = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14")
        #expect(typed.status == 1 && typed.stderr.contains("[unsigned]"), "\(typed)")
        // BNCTW's event signed with UBKTTW's key, which the log registered to UBKTTW.
        let other = try SigningKey(holder: "BNCTW", seed: try #require(keys["UBKTTW"]).seed)
        let forged = try cli.run("append", try cli.write("forged.jsonl", try SignedLogTests.signed(score, with: other) + "\n"))
        #expect(forged.status == 1 && forged.stderr.contains("(wrong-holder)") && forged.stderr.contains("[bad-signature]"), "\(forged)")
        #expect(try cli.run("digest").stdout == head, "nothing refused is appended")
        let own = try cli.run("append", try cli.write("own.jsonl", try SignedLogTests.signed(score, with: try #require(keys["BNCTW"])) + "\n"))
        #expect(own.status == 0, "\(own)")
        let typedOwn = try cli.run("--as", "UBKTTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14",
                                   "--key", cli.path("keys/ubkttw.key"))
        #expect(typedOwn.status == 0, "\(typedOwn)")
        try SignedLogTests.verifiedByBoth(cli)
    }

    @Test func keysListsEveryTestKeyAndLogShowsWhoSigned() throws {
        let cli = try Self.appended()
        defer { cli.remove() }
        let keys = try Self.keys(cli)
        let listed = try #require(try Self.json(try cli.run("keys", "--format", "json").stdout) as? [[String: Any]])
        #expect(listed.map { $0["holder"] as? String ?? "" } == ["secretariat"] + Array(Self.holders.dropLast()))
        for key in listed {
            #expect(key["fingerprint"] as? String == keys[key["holder"] as! String]?.fingerprint)
            #expect(key["status"] as? String == "in-force")
            #expect((key["label"] as? String)?.contains("TEST") == true)
        }
        let events = try SignedLogTests.jsonLines(try cli.run("log", "--year", "2018", "--format", "json").stdout)
        let signers = try cli.run("log", "--year", "2018", "--format", "csv").stdout.split(separator: "\n").dropFirst()
            .map { String($0.split(separator: ",", omittingEmptySubsequences: false).last!) }
        #expect(events.count == 57 && signers.count == 57)
        for (event, signer) in zip(events, signers) {
            #expect(signer == keys[event["actor"] as! String]?.fingerprint, "\(event["type"] as? String ?? "")")
        }
        let earlier = try cli.run("log", "--year", "2017", "--format", "csv").stdout.split(separator: "\n").dropFirst()
        #expect(earlier.count == 186 && earlier.allSatisfy { $0.hasSuffix(",") }, "2017 is unsigned")
        #expect(try cli.run("log", "--lang", "en").stdout.contains(try #require(keys["BKTTW"]).fingerprint))
    }
}
