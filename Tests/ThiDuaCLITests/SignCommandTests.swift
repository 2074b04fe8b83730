import Foundation
import Testing
import ThiDuaJSON
import ThiDuaLog

/// `thidua key generate` and `thidua sign`, run as a member would (EventLog/SIGNING.md).
@Suite("Keys and signing from the command line (§9)")
struct SignCommandTests {
    static let unsigned = [
        #"{"type":"score.submitted","bloc":"BDTW","year":2017,"data":{"member":"BNCTW","criterion":"1.1","points":18.5}}"#,
        #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"0B7E5F5C-3C1A-4F5E-9A7E-2D6F1C0A9B31","occurredAt":"2018-01-10T08:00:00+07:00","correlation":"BB-12","data":{"member":"BNCTW","criterion":"1.2","points":9}}"#,
        #"{"type":"pact.signed","bloc":"BDTW","year":2018,"actor":"BNCTW","expectedVersion":3,"data":{"member":"BNCTW","signatory":"Nguyễn Văn A"}}"#,
    ].joined(separator: "\n") + "\n"

    static func object(_ line: Substring) throws -> JSONObject {
        guard case .object(let object) = try JSON.parse(String(line)) else { throw CLIError("not an object: \(line)") }
        return object
    }

    /// Checks a signed line: the signature verifies over the line's event, with `publicKey`.
    @discardableResult
    static func verified(_ line: Substring, publicKey: String) throws -> ProposedEvent {
        var object = try object(line)
        let signature = try EventSignature(json: try #require(object["signature"]))
        object["signature"] = nil
        let event = try Envelope.parse(object: object)
        try signature.verify(event)
        #expect(signature.publicKeyText == publicKey)
        return event
    }

    static func generate(_ cli: Thidua, holder: String = "BNCTW", file: String = "bnctw.key") throws -> [String: String] {
        let result = try cli.run("key", "generate", "--holder", holder, "--out", file, "--format", "json")
        #expect(result.status == 0, "\(result)")
        let fields = try object(Substring(result.stdout.trimmingCharacters(in: .newlines)))
        return fields.compactMapValues { if case .string(let text) = $0 { text } else { nil } }
    }

    struct CLIError: Error { var text: String; init(_ text: String) { self.text = text } }

    // MARK: key generate

    @Test func generateWritesAPrivateKeyOnlyItsOwnerMayRead() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let printed = try Self.generate(cli, holder: "bnctw")
        #expect(printed["holder"] == "BNCTW")
        #expect(printed["file"] == "bnctw.key")
        let publicKey = try #require(printed["publicKey"])
        let bytes = try #require(Data(base64Encoded: publicKey))
        #expect(bytes.count == 32)
        #expect(printed["fingerprint"] == EventSignature.fingerprint(publicKey: Array(bytes)))
        let attributes = try FileManager.default.attributesOfItem(atPath: cli.path("bnctw.key"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOfFile: cli.path("bnctw.key"), encoding: .utf8)
        let key = try SigningKey(fileText: text)
        #expect(key.holder == "BNCTW")
        #expect(key.publicKeyText == publicKey)
    }

    @Test func generateNeverOverwrites() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try Self.generate(cli)
        let before = try String(contentsOfFile: cli.path("bnctw.key"), encoding: .utf8)
        let again = try cli.run("key", "generate", "--holder", "BNCTW", "--out", "bnctw.key")
        #expect(again.status == 1)
        #expect(again.stderr.contains("bnctw.key already exists"))
        #expect(again.stdout.isEmpty)
        #expect(try String(contentsOfFile: cli.path("bnctw.key"), encoding: .utf8) == before)
        let other = try cli.write("notes.txt", "not a key\n")
        #expect(try cli.run("key", "generate", "--holder", "BNCTW", "--out", other).status == 1)
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "not a key\n")
    }

    @Test func theSecretariatHoldsAKeyToo() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try Self.generate(cli, holder: "Secretariat", file: "vp.key")["holder"] == "secretariat")
    }

    @Test("a holder that is no code is a usage error, and no file is written", arguments: ["x y", "", "BN/CTW", "secretariat!"])
    func badHolder(holder: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run("key", "generate", "--holder", holder, "--out", "k.key")
        #expect(result.status == 64, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("k.key")))
    }

    @Test func theTableNamesTheFingerprint() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run("key", "generate", "--holder", "BNCTW", "--out", "k.key")
        #expect(result.status == 0)
        let key = try SigningKey(fileText: String(contentsOfFile: cli.path("k.key"), encoding: .utf8))
        #expect(result.stdout.contains(key.fingerprint))
        #expect(result.stdout.contains(key.publicKeyText))
    }

    // MARK: sign

    @Test func signedLinesVerifyAgainstTheKey() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let publicKey = try #require(try Self.generate(cli)["publicKey"])
        let input = try cli.write("diem.jsonl", Self.unsigned)
        let result = try cli.run("sign", input, "--key", "bnctw.key")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        try #require(lines.count == 3)
        let events = try lines.map { try Self.verified($0, publicKey: publicKey) }
        for (line, event) in zip(lines, events) {
            #expect(event.actor == "BNCTW")
            #expect(try UUID(uuidString: #require(event.id)) != nil)
            #expect(event.id == event.id?.lowercased())
            #expect(String(line) == event.inputJSON(signature: try EventSignature(json: #require(Self.object(line)["signature"]))).canonicalText)
        }
        #expect(events[0].occurredAt?.text.hasSuffix("+07:00") == true)
        #expect(events[1].id == "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31")
        #expect(events[1].occurredAt?.text == "2018-01-10T08:00:00+07:00")
        #expect(events[1].correlation == "BB-12")
        #expect(events[2].expectedVersion == 3)
        #expect(events[0].id != events[2].id)
    }

    @Test func aLineForAnotherActorIsRefusedAndNothingIsWritten() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try Self.generate(cli)
        let input = try cli.write("mixed.jsonl", Self.unsigned + #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BKTTW","data":{"member":"BKTTW","criterion":"1.1","points":18}}"# + "\n")
        let result = try cli.run("sign", input, "--key", "bnctw.key")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("at line 4"))
        #expect(result.stderr.contains("(wrong-holder)"))
        #expect(result.stderr.contains("[bad-signature]"))
    }

    @Test func theSecretariatSignsAsItself() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let publicKey = try #require(try Self.generate(cli, holder: "secretariat", file: "vp.key")["publicKey"])
        let result = try cli.run("sign", "--key", "vp.key", stdin: #"{"type":"year.closed","bloc":"BDTW","year":2017}"# + "\n")
        try #require(result.status == 0, "\(result)")
        #expect(try Self.verified(result.stdout.split(separator: "\n")[0], publicKey: publicKey).actor == "secretariat")
        let forMember = try cli.run("sign", "-", "--key", "vp.key", stdin: Self.unsigned)
        #expect(forMember.status == 1)
        #expect(forMember.stderr.contains("at line 2"))
    }

    @Test func signReadsStandardInputAndTheKeyFromTheEnvironment() throws {
        var cli = try Thidua()
        defer { cli.remove() }
        let publicKey = try #require(try Self.generate(cli)["publicKey"])
        cli.environment["THIDUA_KEY"] = cli.path("bnctw.key")
        let result = try cli.run("sign", "-", stdin: Self.unsigned)
        #expect(result.status == 0, "\(result)")
        try #require(result.stdout.split(separator: "\n").count == 3)
        for line in result.stdout.split(separator: "\n") { try Self.verified(line, publicKey: publicKey) }
    }

    @Test func aSignedLineIsNotSignedAgain() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try Self.generate(cli)
        let signed = try cli.run("sign", "--key", "bnctw.key", stdin: Self.unsigned)
        let again = try cli.run("sign", "--key", "bnctw.key", stdin: signed.stdout)
        #expect(again.status == 1)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains("at line 1"))
        #expect(again.stderr.contains("already signed"))
    }

    @Test func aBadLineNamesItsLineAndWritesNothing() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try Self.generate(cli)
        let result = try cli.run("sign", "--key", "bnctw.key", stdin: Self.unsigned + "{\"type\":\"score.submitted\",\"bloc\":\"BDTW\"}\n")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("at line 4"))
    }

    @Test func aKeyOthersMayReadIsRefused() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try Self.generate(cli)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.path("bnctw.key"))
        let result = try cli.run("sign", "--key", "bnctw.key", stdin: Self.unsigned)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("[key-file-exposed]"))
        #expect(result.stderr.contains("0644"))
    }

    @Test func aMalformedOrMissingKeyIsRefused() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let garbage = try cli.write("garbage.key", "-----BEGIN OPENSSH PRIVATE KEY-----\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: garbage)
        let malformed = try cli.run("sign", "--key", garbage, stdin: Self.unsigned)
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("[bad-key-file]"))
        #expect(try cli.run("sign", "--key", "absent.key", stdin: Self.unsigned).status == 1)
        #expect(try cli.run("sign", stdin: Self.unsigned).status == 64)
    }

    @Test func signOpensNoLog() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try Self.generate(cli)
        #expect(try cli.run("sign", "--key", "bnctw.key", stdin: Self.unsigned).status == 0)
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test(arguments: [["key", "generate"], ["sign"]])
    func helpShowsAnExample(command: [String]) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example: thidua"), "\(command): \(result.stdout)")
    }
}
