import Foundation
import Testing
import ThiDuaJSON
import ThiDuaLog

/// Signed events in the log (EventLog/SIGNING.md): stored, chained, shown, exported and checked again by both verifiers.
@Suite("End to end: signed events in the log (§9)")
struct SignedLogTests {
    /// TEST keys, never real ones: seeds 0…31 (SIGNING.md's worked example) for BNCTW, and 32…63 for the secretariat.
    static var memberKey: SigningKey { try! SigningKey(holder: "BNCTW", seed: Array(0..<32)) }
    static var secretariatKey: SigningKey { try! SigningKey(holder: "secretariat", seed: Array(32..<64)) }

    static let seedLines = try! String(contentsOfFile: Example.seedPath, encoding: .utf8).split(separator: "\n").map(String.init)

    /// A line signed in process, as `thidua sign` writes it.
    static func signed(_ line: String, with key: SigningKey = memberKey) throws -> String {
        var event = try Envelope.parse(line: Array(line.utf8), defaultActor: key.holder)
        event.signature = try key.sign(event)
        return event.inputJSON().canonicalText
    }

    /// The secretariat's `key.registered` line for a key.
    static func registration(_ key: SigningKey, position: Int) -> String {
        #"{"type":"key.registered","bloc":"BDTW","actor":"secretariat","occurredAt":"2017-12-01T08:00:00+07:00","id":"00000000-0000-4000-a000-\#(String(format: "%012d", position))","data":{"holder":"\#(key.holder)","publicKey":"\#(key.publicKeyText)"}}"#
    }

    /// The seed up to its first scores, with both test keys registered.
    static func started() throws -> Thidua {
        let cli = try Thidua()
        let setup = seedLines.prefix(22) + [registration(memberKey, position: 1), registration(secretariatKey, position: 2)]
        let result = try cli.run("append", try cli.write("setup.jsonl", setup.joined(separator: "\n") + "\n"))
        #expect(result.status == 0, "\(result)")
        return cli
    }

    static func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    static func verifiedByBoth(_ cli: Thidua) throws {
        let thidua = try cli.run("verify")
        #expect(thidua.status == 0, "\(thidua)")
        let python = try cli.pythonVerify()
        #expect(python.status == 0, "\(python)")
    }

    @Test func aSignedLineIsStoredChainedAndShown() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let line = try Self.signed(Self.seedLines[22])
        let appended = try cli.run("append", try cli.write("signed.jsonl", line + "\n"))
        #expect(appended.status == 0, "\(appended)")
        let last = try #require(try Self.jsonLines(try cli.run("log", "--format", "json").stdout).last)
        let signature = try #require(last["signature"] as? [String: String])
        #expect(signature["publicKey"] == Self.memberKey.publicKeyText)
        let sent = try #require(try Self.jsonLines(line).first?["signature"] as? [String: String])
        #expect(signature == sent)
        let csv = try cli.run("log", "--format", "csv").stdout.split(separator: "\n")
        #expect(csv.first?.hasSuffix(",signer") == true)
        #expect(csv.last?.hasSuffix("," + Self.memberKey.fingerprint) == true)
        #expect(csv.dropLast().last?.hasSuffix(",") == true, "an unsigned event has no signer")
        #expect(try cli.run("log", "--lang", "en").stdout.contains(Self.memberKey.fingerprint))
        try Self.verifiedByBoth(cli)
        let again = try cli.run("append", try cli.write("again.jsonl", line + "\n"))
        #expect(again.status == 0 && again.stdout.contains("đã có từ trước"), "\(again)")
    }

    @Test func aLineAlteredAfterSigningIsRefusedAndNothingAppended() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let line = try Self.signed(Self.seedLines[22]).replacingOccurrences(of: #""points":14.5"#, with: #""points":15"#)
        let head = try cli.run("digest").stdout
        let refused = try cli.run("append", try cli.write("altered.jsonl", line + "\n"))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("(bytes-altered)") && refused.stderr.contains("[bad-signature]"), "\(refused)")
        #expect(refused.stderr.contains("line 1"))
        #expect(try cli.run("digest").stdout == head)
    }

    @Test func exportThenAppendIntoAnEmptyLogKeepsEverySignatureValid() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let lines = try Self.seedLines[22..<30].map { try Self.signed($0) }
        #expect(try cli.run("append", try cli.write("signed.jsonl", lines.joined(separator: "\n") + "\n")).status == 0)
        let exported = try cli.run("export")
        #expect(exported.status == 0)
        let copy = cli.path("copy.sqlite")
        let imported = try cli.run("append", try cli.write("export.jsonl", exported.stdout), "--db", copy)
        #expect(imported.status == 0, "\(imported)")
        #expect(try cli.run("verify", "--db", copy).status == 0)
        let signatures = { (text: String) throws -> [String] in
            try Self.jsonLines(text).map { ($0["signature"] as? [String: String]).map { "\($0["publicKey"]!) \($0["value"]!)" } ?? "" }
        }
        let before = try signatures(exported.stdout)
        #expect(before.filter { !$0.isEmpty }.count == lines.count)
        #expect(try signatures(try cli.run("export", "--db", copy).stdout) == before)
        let (status, _) = try Thidua.pythonTool("verify_chain.py", [copy])
        #expect(status == 0)
    }

    /// A log made before signatures were stored: EventLog/fixtures/log-before-signatures.sql is the seed example appended by
    /// thidua at commit 0967f63, dumped with `sqlite3 .dump`. A write command adds the column; every row hashes as before.
    @Test func aLogMadeBeforeSignaturesVerifiesUnchanged() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let dump = try String(contentsOf: Thidua.packageRoot.appendingPathComponent("EventLog/fixtures/log-before-signatures.sql"), encoding: .utf8)
        try cli.sqlite(dump)
        let digest = "245:ecbbf5c10a126632f7957112a2036f446da9561540144956f2dcb2a1537270e7"
        let reading = try cli.run("digest")
        #expect(reading.status == 1 && reading.stderr.contains("thidua rebuild"), "a read never upgrades: \(reading)")
        // The independent verifier knows the older schema: the honest old log verifies as it is, never as altered.
        let (older, report) = try Thidua.pythonTool("verify_chain.py", [cli.database])
        #expect(older == 0, "\(String(decoding: report, as: UTF8.self))")
        #expect(String(decoding: report, as: UTF8.self).contains("exactly those of an older thidua (before signatures"))
        let altered = cli.path("altered.sqlite")
        try FileManager.default.copyItem(atPath: cli.database, toPath: altered)
        try cli.sqlite("DROP TRIGGER event_append_only_update; UPDATE event SET actor = 'BKTTW' WHERE position = 3;", at: altered)
        #expect(try Thidua.pythonTool("verify_chain.py", [altered]).0 == 2)
        #expect(try cli.run("rebuild").status == 0)
        #expect(try cli.run("digest").stdout.trimmingCharacters(in: .newlines) == digest)
        try Self.verifiedByBoth(cli)
        #expect(try cli.run("verify", "--digest", digest).status == 0)
    }
}
