import Foundation
import Testing
import ThiDuaJSON
import ThiDuaLog

/// Signatures verified together on every core (`SignatureCheck`) are refused exactly as `Envelope.parse` refuses them
/// one by one, each refusal at its own event.
@Suite("Signatures checked in parallel")
struct SignatureCheckTests {
    static var key: SigningKey { try! SigningKey(holder: "BNCTW", seed: Array(0..<32)) }

    /// The n-th line of a batch, signed; `altered` changes its points after signing, `unsigned` leaves it unsigned.
    static func line(_ n: Int, altered: Bool = false, unsigned: Bool = false) throws -> String {
        let id = "0b7e5f5c-3c1a-4f5e-9a7e-\(String(format: "%012d", n))"
        let text = #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"\#(id)","occurredAt":"2018-01-10T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":\#(n % 20)}}"#
        guard !unsigned else { return text }
        var event = try Envelope.parse(line: Array(text.utf8))
        event.signature = try key.sign(event)
        let signed = event.inputJSON().canonicalText
        return altered ? signed.replacingOccurrences(of: #""points":\#(n % 20)}"#, with: #""points":\#(n % 20 + 1)}"#) : signed
    }

    static func unchecked(_ line: String) throws -> ProposedEvent {
        try Envelope.parse(line: Array(line.utf8), checkingSignature: false)
    }

    @Test func aBadSignatureIsRefusedAtItsOwnIndexAsParsingRefusesIt() throws {
        let altered: Set = [0, 18, 501, 999]
        let lines = try (0..<1000).map { try Self.line($0, altered: altered.contains($0), unsigned: $0 % 7 == 3) }
        let refusals = SignatureCheck.refusals(try lines.map { try Self.unchecked($0) })
        #expect(Set(refusals.keys) == altered)
        for index in altered {
            #expect(throws: refusals[index]!) { try Envelope.parse(line: Array(lines[index].utf8)) }
            #expect(refusals[index].flatMap(EventSignature.Problem.init(of:)) == .bytesAltered)
        }
    }

    @Test func unsignedEventsAndGapsAreLeftAlone() throws {
        let events: [ProposedEvent?] = [nil, try Self.unchecked(try Self.line(1, unsigned: true)), nil, try Self.unchecked(try Self.line(2))]
        #expect(SignatureCheck.refusals(events).isEmpty)
        #expect(SignatureCheck.refusals([]).isEmpty)
    }

    @Test func aSignedEventWithoutItsIdIsRefusedAsParsingRefusesIt() throws {
        var event = try Self.unchecked(try Self.line(3))
        event.id = nil
        let refusal = try #require(SignatureCheck.refusals([event])[0])
        #expect(refusal.code == .missingField && refusal.field == "id")
    }
}
