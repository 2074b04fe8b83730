import Foundation
import Testing
import ThiDuaLog

/// `thidua key register|revoke`, `thidua keys`, `--key` on typed writes and `rules adopt --signatures` (§9), in JSON and CSV.
@Suite("End to end: registered keys, signed typed writes and the signature policy (§9)")
struct KeyCommandsTests {
    static var member: SigningKey { SignedLogTests.memberKey }
    static var secretariat: SigningKey { SignedLogTests.secretariatKey }

    /// The seed up to its first scores, and the test keys' files (mode 0600) in the test's directory.
    static func started() throws -> Thidua {
        let cli = try Thidua()
        let setup = SignedLogTests.seedLines.prefix(22).joined(separator: "\n") + "\n"
        #expect(try cli.run("append", try cli.write("setup.jsonl", setup)).status == 0)
        for (key, file) in [(member, "bnctw.key"), (secretariat, "vp.key")] {
            let path = try cli.write(file, key.fileText)
            #expect(chmod(path, 0o600) == 0)
        }
        return cli
    }

    static func register(_ cli: Thidua, _ key: SigningKey, label: String? = nil) throws -> Thidua.Result {
        try cli.run(["--as", "secretariat", "key", "register", "--holder", key.holder.lowercased(), "--public-key", key.publicKeyText]
                    + (label.map { ["--label", $0] } ?? []))
    }

    static func lastEvent(_ cli: Thidua) throws -> [String: Any] {
        try #require(try SignedLogTests.jsonLines(try cli.run("log", "--format", "json").stdout).last)
    }

    @Test func theSecretariatRegistersAndRevokesKeysAndKeysListsThem() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        #expect(try Self.register(cli, Self.member, label: "Văn phòng BNCTW").status == 0)
        #expect(try Self.register(cli, Self.secretariat).status == 0)
        let twice = try Self.register(cli, Self.member)
        #expect(twice.status == 1 && twice.stderr.contains("[key-registered]"), "\(twice)")
        let byMember = try cli.run("--as", "BNCTW", "key", "register", "--holder", "BNCTW", "--public-key", Self.secretariat.publicKeyText)
        #expect(byMember.status == 1 && byMember.stderr.contains("[not-allowed]"), "\(byMember)")
        let weak = try cli.run("--as", "secretariat", "key", "register", "--holder", "BNCTW", "--public-key", "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        #expect(weak.status == 1 && weak.stderr.contains("(weak-key)") && weak.stderr.contains("[bad-signature]"), "\(weak)")
        let other = try cli.run("--as", "secretariat", "key", "revoke", "--holder", "UBKTTW", "--public-key", Self.member.publicKeyText,
                                "--reason", "Nhầm")
        #expect(other.status == 1 && other.stderr.contains("[key-not-registered]"), "\(other)")
        let revoked = try cli.run("--as", "secretariat", "key", "revoke", "--holder", "BNCTW", "--public-key", Self.member.publicKeyText,
                                  "--reason", "Mất máy tính")
        #expect(revoked.status == 0, "\(revoked)")
        let again = try cli.run("--as", "secretariat", "key", "revoke", "--holder", "BNCTW", "--public-key", Self.member.publicKeyText,
                                "--reason", "Mất máy tính")
        #expect(again.status == 1 && again.stderr.contains("[key-revoked]"), "\(again)")

        let listed = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("keys", "--format", "json").stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == 2)
        #expect(listed[0]["holder"] as? String == "BNCTW")
        #expect(listed[0]["fingerprint"] as? String == SigningExampleValues.fingerprint)
        #expect(listed[0]["label"] as? String == "Văn phòng BNCTW")
        #expect(listed[0]["status"] as? String == "revoked")
        #expect(listed[0]["registeredAt"] as? Int == 23)
        #expect(listed[0]["revokedAt"] as? Int == 25)
        #expect(listed[1]["holder"] as? String == "secretariat")
        #expect(listed[1]["status"] as? String == "in-force")
        #expect(listed[1]["revokedAt"] == nil)
        let csv = try cli.run("keys", "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.first == "holder,fingerprint,label,status,registeredAt,revokedAt,publicKey")
        #expect(csv.count == 3)
        #expect(try cli.run("keys").stdout.contains(SigningExampleValues.fingerprint))
    }

    @Test func keySignsATypedWriteAndTheRegistryDecidesIt() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let unregistered = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "10", "--key", "bnctw.key")
        #expect(unregistered.status == 1 && unregistered.stderr.contains("(not-registered)"), "\(unregistered)")
        #expect(try Self.register(cli, Self.member).status == 0)
        let signed = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "10", "--key", "bnctw.key")
        #expect(signed.status == 0, "\(signed)")
        let event = try Self.lastEvent(cli)
        #expect((event["signature"] as? [String: String])?["publicKey"] == Self.member.publicKeyText)
        let forOther = try cli.run("--as", "UBKTTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "9", "--key", "bnctw.key")
        #expect(forOther.status == 1 && forOther.stderr.contains("(wrong-holder)"), "\(forOther)")
        var environment = cli
        environment.environment["THIDUA_KEY"] = cli.path("bnctw.key")
        #expect(try environment.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.2", "--points", "8").status == 0)
        #expect(try Self.lastEvent(cli)["signature"] != nil, "THIDUA_KEY signs too")
        #expect(try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.3", "--points", "7").status == 0)
        #expect(try Self.lastEvent(cli)["signature"] == nil, "no key, no signature")
        #expect(try cli.run("--as", "secretariat", "key", "revoke", "--holder", "BNCTW", "--public-key", Self.member.publicKeyText,
                            "--reason", "Mất máy tính").status == 0)
        let afterRevoke = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.4", "--points", "7", "--key", "bnctw.key")
        #expect(afterRevoke.status == 1 && afterRevoke.stderr.contains("(revoked)"), "\(afterRevoke)")
        try SignedLogTests.verifiedByBoth(cli)
    }

    @Test func withSignaturesRequiredEveryYearEventIsSignedByItsActor() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        #expect(try Self.register(cli, Self.member).status == 0)
        #expect(try Self.register(cli, Self.secretariat).status == 0)
        let adopted = try cli.run("--as", "secretariat", "rules", "adopt", "--from-year", "2017", "--signatures", "required")
        #expect(adopted.status == 0, "\(adopted)")
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("rules", "--year", "2017", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect(rules["signatures"] as? String == "required")
        let unsigned = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "10")
        #expect(unsigned.status == 1 && unsigned.stderr.contains("[unsigned]"), "\(unsigned)")
        #expect(try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "10", "--key", "bnctw.key").status == 0)
        // The secretariat acting for a member signs with its own key and is recorded as itself.
        let forMember = try cli.run("--as", "secretariat", "score", "submit", "--year", "2017", "--member", "UBKTTW", "--criterion", "1.1",
                                    "--points", "9", "--key", "vp.key")
        #expect(forMember.status == 0, "\(forMember)")
        let event = try Self.lastEvent(cli)
        #expect(event["actor"] as? String == "secretariat")
        #expect((event["signature"] as? [String: String])?["publicKey"] == Self.secretariat.publicKeyText)
        let withMemberKey = try cli.run("--as", "secretariat", "score", "submit", "--year", "2017", "--member", "UBKTTW", "--criterion", "1.2",
                                        "--points", "9", "--key", "bnctw.key")
        #expect(withMemberKey.status == 1 && withMemberKey.stderr.contains("(wrong-holder)"), "\(withMemberKey)")
        // Bloc events are not bound by the policy.
        #expect(try cli.run("--as", "secretariat", "rules", "adopt", "--from-year", "2018").status == 0)
        try SignedLogTests.verifiedByBoth(cli)
    }
}

extension KeyCommandsTests {
    @Test func scoresImportSignsEveryCellWithTheKey() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        #expect(try Self.register(cli, Self.member).status == 0)
        let own = try cli.run("--as", "BNCTW", "scores", "import", try cli.write("own.csv", "Đơn vị,1.1,1.2\nBNCTW,10,5\n"), "--year", "2017",
                              "--key", "bnctw.key")
        #expect(own.status == 0, "\(own)")
        let events = try SignedLogTests.jsonLines(try cli.run("log", "--from", "24", "--format", "json").stdout)
        #expect(events.count == 2)
        #expect(events.allSatisfy { ($0["signature"] as? [String: String])?["publicKey"] == Self.member.publicKeyText })
        let other = try cli.run("scores", "import", try cli.write("other.csv", "Đơn vị,1.1\nUBKTTW,3\n"), "--year", "2017", "--key", "bnctw.key")
        #expect(other.status == 1 && other.stderr.contains("row 2") && other.stderr.contains("(wrong-holder)"), "\(other)")
        try SignedLogTests.verifiedByBoth(cli)
    }
}

enum SigningExampleValues {
    /// The fingerprint of SIGNING.md's TEST key (seed 0…31).
    static let fingerprint = "56475aa75463474c"
}
