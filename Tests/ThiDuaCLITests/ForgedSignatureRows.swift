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

extension ValidHistory {
    /// A bloc that registers keys (TEST keys: seeds 0…31 and 64…95 for S1, 32…63 for the secretariat), requires
    /// signatures from 2025, signs every year event by its actor (the secretariat signing as itself for S2), revokes S1's
    /// key and registers a new one, which signs S1's next score. The lines were signed with `thidua sign`.
    static let signed = ValidHistory(name: "keys registered and revoked, every year event signed, signatures required", sources: [.lines(#"""
        {"type":"bloc.founded","bloc":"KYSO","actor":"secretariat","data":{"name":"Khối ký số"}}
        {"type":"key.registered","bloc":"KYSO","actor":"secretariat","data":{"holder":"S1","publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","label":"Văn phòng Sở Một"}}
        {"type":"key.registered","bloc":"KYSO","actor":"secretariat","data":{"holder":"secretariat","publicKey":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc="}}
        {"actor":"secretariat","bloc":"KYSO","data":{"fromYear":2025,"signatures":"required"},"id":"00000000-0000-4000-b000-000000000001","occurredAt":"2025-01-02T08:00:00+07:00","signature":{"publicKey":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=","value":"RcSqIITyLrP6SBXVeMNiloq3EpyqIrr1JJrDFy8Kuy/amWgEMqaUWU5ecKUMMROlXepDTdC5DXK+amzHofyFBA=="},"type":"rules.adopted"}
        {"actor":"secretariat","bloc":"KYSO","data":{"head":"S1","members":[{"code":"S1","name":"Sở Một"},{"code":"S2","name":"Sở Hai"}]},"id":"00000000-0000-4000-b000-000000000002","occurredAt":"2025-01-03T08:00:00+07:00","signature":{"publicKey":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=","value":"TdKErvM3QtqxnvvydKh8kZkJRuYbAczAUfZmm+noI0y1bvrLQu4XzVHBkz4TxT32+n53idCBghbWJprwL0svCw=="},"type":"year.opened","year":2025}
        {"actor":"S1","bloc":"KYSO","data":{"code":"1.1","maxPoints":10,"title":"Nhiệm vụ"},"id":"00000000-0000-4000-b000-000000000003","occurredAt":"2025-01-05T08:00:00+07:00","signature":{"publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","value":"kFQvbDXfvQNj1b4RSpG6RGjEO5X+jReUK9BFu3V33LHuujjQ/uH4I7WnoakRa8eyLA/EFCGQq6djL8BueECRBA=="},"type":"criterion.set","year":2025}
        {"actor":"S1","bloc":"KYSO","data":{"criterion":"1.1","member":"S1","points":9},"id":"00000000-0000-4000-b000-000000000004","occurredAt":"2025-01-20T08:00:00+07:00","signature":{"publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","value":"7ETekLbo4t8VbWoe5Qe6KxSSmLR8aR8Rr+ffc52cBJmOb5jTmCMdDU5M8CgTE3Phea1hHjxngGS8Sq6NrrrKAA=="},"type":"score.submitted","year":2025}
        {"actor":"secretariat","bloc":"KYSO","data":{"criterion":"1.1","member":"S2","points":7},"id":"00000000-0000-4000-b000-000000000005","occurredAt":"2025-02-01T08:00:00+07:00","signature":{"publicKey":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=","value":"yFwxcKLOxzaWEV76DJVZq6aAa6iMoREATFulsHQNozloxZsJrR9CieZ8nkqL7Vk0hGVI9jZwiM2rlA32+zDHDw=="},"type":"score.submitted","year":2025}
        {"actor":"secretariat","bloc":"KYSO","data":{"holder":"S1","publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","reason":"Đổi máy"},"id":"00000000-0000-4000-b000-000000000006","occurredAt":"2025-03-01T08:00:00+07:00","signature":{"publicKey":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=","value":"MrDKnN87n5EODkTCEvSiZb6m2raFwiBvvbrG/VYmmHTOK6aQGQ+V7WtfkHZYrwkSrbL5pl96eze/dnI/kCLFAA=="},"type":"key.revoked"}
        {"actor":"secretariat","bloc":"KYSO","data":{"holder":"S1","label":"Máy mới","publicKey":"JUO5L/EJVRFHatyDadtt3JM2ZaEZeN2hQE7hBmypVZ0="},"id":"00000000-0000-4000-b000-000000000007","occurredAt":"2025-03-01T08:05:00+07:00","signature":{"publicKey":"Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=","value":"UalDf2pC0wfO8fS6abQc5g1Cr5NcWt+apNvNCmUOIuslL86EnW5la51kZueCHiyUwMW91B4AAC50tlJFZHNBCA=="},"type":"key.registered"}
        {"actor":"S1","bloc":"KYSO","data":{"criterion":"1.1","member":"S1","points":9.5},"id":"00000000-0000-4000-b000-000000000008","occurredAt":"2025-03-02T08:00:00+07:00","signature":{"publicKey":"JUO5L/EJVRFHatyDadtt3JM2ZaEZeN2hQE7hBmypVZ0=","value":"aAz/eo0YJKFCldSC8xLWaCi8PA43u8xgXzPzCK1pYKBm1ag75RmUJXWCMq1iXjgO6dnGbWVWSonY83RhEpwzAw=="},"type":"score.submitted","year":2025}
        """#)])
}
