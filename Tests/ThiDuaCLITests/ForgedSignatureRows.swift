import Foundation
import Testing
import ThiDuaLog

/// Forged rows about keys and signatures (EventLog/SIGNING.md), for the parity corpus: each breaks one rule, chained
/// correctly, and both verifiers must name it (with the reason, for `bad-signature`).
extension ForgedBreak {
    /// TEST keys, never real ones: seeds 0…31 (SIGNING.md's worked example), 32…63 and 64…95.
    static func testKey(_ holder: String, _ first: UInt8) -> SigningKey { try! SigningKey(holder: holder, seed: Array(first..<(first + 32))) }
    static let bnctwKey = (holder: "BNCTW", seed: UInt8(0))
    static let bkttwKey = (holder: "BKTTW", seed: UInt8(64))

    static func publicKey(_ key: (holder: String, seed: UInt8)) -> String { testKey(key.holder, key.seed).publicKeyText }

    static func registered(_ key: (holder: String, seed: UInt8), holder: String? = nil) -> ForgedRow {
        ForgedRow(type: "key.registered", stream: "BDTW", actor: "secretariat",
                  data: #"{"holder":"\#(holder ?? key.holder)","publicKey":"\#(publicKey(key))"}"#)
    }

    static func revoked(_ key: (holder: String, seed: UInt8), holder: String? = nil) -> ForgedRow {
        ForgedRow(type: "key.revoked", stream: "BDTW", actor: "secretariat",
                  data: #"{"holder":"\#(holder ?? key.holder)","publicKey":"\#(publicKey(key))","reason":"Mất máy"}"#)
    }

    /// `row` signed with `key` over its signing bytes, or over other bytes when `altered`.
    static func signed(_ row: ForgedRow, with key: (holder: String, seed: UInt8), altered: Bool = false) -> ForgedRow {
        var row = row
        row.sign = { bytes in
            let signing = testKey(key.holder, key.seed)
            return signing.publicKey + (try! signing.signature(over: altered ? bytes + [0] : bytes)).value
        }
        return row
    }

    /// A stored signature whose public key is of small order: anyone could have made it.
    static func signedWithAWeakKey(_ row: ForgedRow) -> ForgedRow {
        var row = row
        row.sign = { _ in [1] + [UInt8](repeating: 0, count: 31) + [UInt8](repeating: 7, count: 64) }
        return row
    }

    /// The forged rows about keys and signatures, with the reason each `bad-signature` names.
    static let signatureBreaks: [(ForgedBreak, reason: String?)] = [
        (ForgedBreak("a key registered twice", [registered(bnctwKey), registered(bnctwKey)], "key-registered"), nil),
        (ForgedBreak("a key revoked that was never registered", [revoked(bnctwKey)], "key-not-registered"), nil),
        (ForgedBreak("a key revoked as another holder's", [registered(bnctwKey), revoked(bnctwKey, holder: "UBKTTW")], "key-not-registered"), nil),
        (ForgedBreak("a key revoked twice", [registered(bnctwKey), revoked(bnctwKey), revoked(bnctwKey)], "key-revoked"), nil),
        (ForgedBreak("a key of small order registered", [
            ForgedRow(type: "key.registered", stream: "BDTW", actor: "secretariat",
                      data: #"{"holder":"BNCTW","publicKey":"AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}"#),
        ], "bad-signature"), "weak-key"),
        (ForgedBreak("a policy that is neither optional nor required", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat", data: #"{"fromYear":2019,"signatures":"always"}"#),
        ], "bad-value"), nil),
        (ForgedBreak("an unsigned event where the rules require signatures", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat", data: #"{"fromYear":2018,"signatures":"required"}"#),
            score15,
        ], "unsigned"), nil),
        (ForgedBreak("a signature by a key never registered", [signed(score15, with: bkttwKey)], "bad-signature", append: .some(nil)),
         "not-registered"),
        (ForgedBreak("a signature by a revoked key", [registered(bkttwKey), revoked(bkttwKey), signed(score15, with: bkttwKey)],
                     "bad-signature", append: .some(nil)), "revoked"),
        (ForgedBreak("a signature by another holder's key", [registered(bnctwKey), signed(score15, with: bnctwKey)],
                     "bad-signature", append: .some(nil)), "wrong-holder"),
        (ForgedBreak("a signature over other bytes", [registered(bkttwKey), signed(score15, with: bkttwKey, altered: true)],
                     "bad-signature", append: .some(nil)), "bytes-altered"),
        (ForgedBreak("a stored signature with a key of small order", [signedWithAWeakKey(score15)], "bad-signature", append: .some(nil)),
         "weak-key"),
    ]
}

@Suite("End to end: forged rows about keys and signatures, named alike by both verifiers")
struct SignatureParityTests {
    @Test(arguments: ForgedBreak.signatureBreaks.map { $0.0.name })
    func bothVerifiersNameTheRuleAndReason(_ name: String) throws {
        let (forged, reason) = try #require(ForgedBreak.signatureBreaks.first { $0.0.name == name })
        let cli = try Thidua()
        defer { cli.remove() }
        let position = try forged.insert(in: cli)
        let python = try VerifyChainScriptTests.python([cli.database])
        #expect(python.status == 2, "\(python)")
        #expect(python.stderr.hasPrefix("error: verify: position \(position): \(forged.breaking.type) breaks rule \(forged.code): "), "\(python)")
        _ = try cli.run("rebuild")
        let thidua = try cli.run("verify")
        #expect(thidua.status == 2, "\(thidua)")
        #expect(thidua.stderr.contains("position \(position)") && thidua.stderr.contains(forged.code), "\(thidua)")
        if let reason {
            #expect(python.stderr.contains("(\(reason))"), "\(python)")
            #expect(thidua.stderr.contains("(\(reason))"), "\(thidua)")
        }
        if let code = forged.appendCode {
            try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
            let result = try cli.run("append", try cli.write("forged.jsonl", forged.rows.map(\.line).joined(separator: "\n") + "\n"))
            #expect(result.status == 1 && result.stderr.contains("[\(code)]"), "\(result)")
        }
    }
}
