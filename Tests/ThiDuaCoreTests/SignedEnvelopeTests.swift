import Testing
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// A line may carry its signature (EventLog/SIGNING.md): it is checked when the line is parsed, with no state.
@Suite("Signed lines in the envelope")
struct SignedEnvelopeTests {
    static let signedLine = SigningExampleTests.signedLine

    static func refusal(_ line: String) -> ThiDuaError? {
        do {
            _ = try Envelope.parse(line: Array(line.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func aSignedLineParsesWithItsSignature() throws {
        let event = try Envelope.parse(line: Array(Self.signedLine.utf8))
        let signature = try #require(event.signature)
        #expect(signature.publicKeyText == SigningExampleTests.publicKeyBase64)
        #expect(signature.fingerprint == SigningExampleTests.fingerprint)
        #expect(event.inputJSON().canonicalText == Self.signedLine)
    }

    @Test(arguments: [
        ("18.5", "18.6"),
        (#""member":"BNCTW""#, #""member":"UBKTTW""#),
        ("2018-01-10T08:00:00+07:00", "2018-01-10T08:00:00+00:00"),
        (#""year":2017"#, #""year":2018"#),
        (#""type":"score.submitted""#, #""type":"score.reviewed""#),
    ])
    func anAlteredSignedLineIsRefusedAsBytesAltered(original: String, altered: String) throws {
        var line = Self.signedLine.replacingOccurrences(of: original, with: altered)
        if altered.contains("score.reviewed") { line = line.replacingOccurrences(of: #""points":18.5"#, with: #""points":18.5,"reason":"x""#) }
        let error = try #require(Self.refusal(line))
        #expect(error.code == .badSignature)
        #expect(EventSignature.Problem(of: error) == .bytesAltered)
    }

    @Test(arguments: ["id", "occurredAt"])
    func aSignedLineCarriesItsOwnIdAndOccurredAt(field: String) throws {
        guard case .object(var object) = try JSON.parse(Self.signedLine) else { Issue.record("not an object"); return }
        object[field] = nil
        let error = try #require(Self.refusal(JSON.object(object).canonicalText))
        #expect(error.code == .missingField)
        #expect(error.field == field)
    }

    @Test func aMalformedSignatureIsRefusedWithItsProblem() throws {
        let line = Self.signedLine.replacingOccurrences(of: #""value":"Xjdt"#, with: #""value":"!jdt"#)
        let error = try #require(Self.refusal(line))
        #expect(EventSignature.Problem(of: error) == .notBase64)
    }

    @Test func aStoredSignatureIsCheckedOverTheRowsColumns() throws {
        let event = try Envelope.parse(line: Array(Self.signedLine.utf8))
        let stored = try #require(event.signature).storedBytes
        #expect(stored.count == 96)
        let checked = try EventSignature(storedRow: stored, bloc: "BDTW", year: 2017, type: "score.submitted", schema: 1, actor: "BNCTW",
                                         occurredAt: "2018-01-10T08:00:00+07:00", id: "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31",
                                         correlation: nil, data: event.dataText)
        #expect(checked == event.signature)
        #expect(throws: ThiDuaError.self) {
            try EventSignature(storedRow: stored, bloc: "BDTW", year: 2017, type: "score.submitted", schema: 1, actor: "UBKTTW",
                               occurredAt: "2018-01-10T08:00:00+07:00", id: "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31",
                               correlation: nil, data: event.dataText)
        }
        #expect(throws: ThiDuaError.self) { try EventSignature(storedBytes: Array(stored.prefix(95))) }
    }

    @Test func aSignedRowHashesItsSignatureAndAnUnsignedOneAsBefore() throws {
        let fields = (position: Int64(7), stream: "BDTW/2017", version: Int64(5), id: "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31")
        let unsigned = EventHashing.canonicalBytes(position: fields.position, stream: fields.stream, version: fields.version, id: fields.id,
                                                   type: "score.submitted", schema: 1, actor: "BNCTW", occurredAt: "t", recordedAt: "r",
                                                   correlation: nil, data: "{}")
        let signature = [UInt8](repeating: 7, count: 96)
        let signed = EventHashing.canonicalBytes(position: fields.position, stream: fields.stream, version: fields.version, id: fields.id,
                                                 type: "score.submitted", schema: 1, actor: "BNCTW", occurredAt: "t", recordedAt: "r",
                                                 correlation: nil, data: "{}", signature: signature)
        #expect(signed == unsigned + Array("96:".utf8) + signature + Array(",".utf8))
        let chained = signed.withUnsafeBytes { _ in
            unsigned.withUnsafeBytes { canonical in
                EventHashing.genesis.withUnsafeBytes { Array(EventHashing.chain(previous: $0, canonical: canonical, signature: signature)) }
            }
        }
        #expect(chained == EventHashing.chain(previous: EventHashing.genesis, canonical: signed))
    }
}
