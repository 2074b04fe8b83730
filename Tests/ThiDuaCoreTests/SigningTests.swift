import Foundation
import Testing
import ThiDuaTestSupport
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// The signing bytes, signatures and private key files of EventLog/SIGNING.md.
@Suite("Signing bytes and signatures (§9)")
struct SigningTests {
    static let line = #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31","occurredAt":"2018-01-10T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":18.5}}"#
    static let testSeed = [UInt8](0..<32)

    static func event(_ line: String = line) throws -> ProposedEvent {
        try Envelope.parse(line: Array(line.utf8))
    }

    static func bytes(changing field: String? = nil) -> [UInt8] {
        SigningBytes.bytes(
            bloc: field == "bloc" ? "BDTX" : "BDTW", year: field == "year" ? 2018 : 2017,
            type: field == "type" ? "score.reviewed" : "score.submitted", schema: field == "schema" ? 2 : 1,
            actor: field == "actor" ? "BKTTW" : "BNCTW",
            occurredAt: field == "occurredAt" ? "2018-01-10T08:00:00+07:01" : "2018-01-10T08:00:00+07:00",
            id: field == "id" ? "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b32" : "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31",
            correlation: field == "correlation" ? "BB-12" : nil,
            data: field == "data" ? #"{"points":18}"# : #"{"points":18.5}"#)
    }

    static func key() throws -> SigningKey { try SigningKey(holder: "BNCTW", seed: testSeed) }

    static func refusal(_ body: () throws -> Void) -> ThiDuaError? {
        do { try body(); return nil } catch { return error as? ThiDuaError }
    }

    // MARK: signing bytes

    @Test("every field the signer decides changes the signing bytes",
          arguments: ["bloc", "year", "type", "schema", "actor", "occurredAt", "id", "correlation", "data"])
    func eachFieldIsSigned(field: String) {
        #expect(Self.bytes(changing: field) != Self.bytes())
    }

    @Test func fieldsAreNetstringsInOrder() {
        let text = String(decoding: Self.bytes(), as: UTF8.self)
        #expect(text == #"4:BDTW,4:2017,15:score.submitted,1:1,5:BNCTW,25:2018-01-10T08:00:00+07:00,36:0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31,0:,15:{"points":18.5},"#)
    }

    @Test func anAbsentCorrelationIsTheEmptyText() {
        let absent = SigningBytes.bytes(bloc: "B", year: nil, type: "t", schema: 1, actor: "A", occurredAt: "o", id: "i",
                                        correlation: nil, data: "{}")
        let empty = SigningBytes.bytes(bloc: "B", year: nil, type: "t", schema: 1, actor: "A", occurredAt: "o", id: "i",
                                       correlation: "", data: "{}")
        #expect(absent == empty)
        #expect(String(decoding: absent, as: UTF8.self) == "1:B,0:,1:t,1:1,1:A,1:o,1:i,0:,2:{},")
    }

    @Test func aBlocEventSignsAnEmptyYear() throws {
        let founded = try Self.event(#"{"type":"bloc.founded","bloc":"BDTW","actor":"secretariat","id":"0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31","occurredAt":"2017-01-01T08:00:00+07:00","data":{"name":"Khối"}}"#)
        let text = String(decoding: try SigningBytes.bytes(of: founded), as: UTF8.self)
        #expect(text.hasPrefix("4:BDTW,0:,12:bloc.founded,1:1,11:secretariat,"))
    }

    @Test func aProposedEventSignsWhatTheStoreWillStore() throws {
        let event = try Self.event(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"0B7E5F5C-3C1A-4F5E-9A7E-2D6F1C0A9B31","occurredAt":"2018-01-10T08:00:00+07:00","correlation":"","data":{"points":18.5}}"#)
        #expect(try SigningBytes.bytes(of: event) == Self.bytes())
        let row = RecordedEvent(position: 9, stream: "BDTW/2017", version: 4, id: "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31",
                                type: "score.submitted", schema: 1, actor: "BNCTW", occurredAt: "2018-01-10T08:00:00+07:00",
                                recordedAt: "2018-01-10T01:00:00.000000Z", correlation: nil, data: #"{"points":18.5}"#, hash: [])
        #expect(SigningBytes.bytes(of: row) == Self.bytes())
    }

    @Test("a signed event carries its own id and occurredAt", arguments: ["id", "occurredAt"])
    func idAndOccurredAtAreRequired(field: String) throws {
        var event = try Self.event()
        if field == "id" { event.id = nil } else { event.occurredAt = nil }
        let error = Self.refusal { _ = try SigningBytes.bytes(of: event) }
        #expect(error?.code == .missingField)
        #expect(error?.field == field)
    }

    // MARK: parsing a signature

    static let goodKey = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="
    static let goodValue = "Xjdtm2cXaoStlcjAqFRRtAsPMd6NSKmKz9AMkSiDzo+7RKSoGl44zQc8spTbvONz397uExqrzH728nVb655hAQ=="

    @Test("malformed signatures are refused bad-signature, each with its problem and field", arguments: [
        (#""abc""#, EventSignature.Problem.malformed, "signature"),
        (#"{"publicKey":"\#(goodKey)"}"#, .malformed, "signature.value"),
        (#"{"publicKey":7,"value":"\#(goodValue)"}"#, .malformed, "signature.publicKey"),
        (#"{"publicKey":"\#(goodKey)","value":"\#(goodValue)","algorithm":"ed25519"}"#, .unknownField, "signature.algorithm"),
        (#"{"publicKey":"not base64!","value":"\#(goodValue)"}"#, .notBase64, "signature.publicKey"),
        (#"{"publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg","value":"\#(goodValue)"}"#, .notBase64, "signature.publicKey"),
        (#"{"publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbh=","value":"\#(goodValue)"}"#, .notBase64, "signature.publicKey"),
        (#"{"publicKey":"A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","value":"\#(goodValue)"}"#, .notBase64, "signature.publicKey"),
        (#"{"publicKey":" \#(goodKey)","value":"\#(goodValue)"}"#, .notBase64, "signature.publicKey"),
        (#"{"publicKey":"\#(goodKey)","value":"Xjdtm2cXaoStlcjAqFRRtAsPMd6NSKmKz9AMkSiDzo+7\nRKSoGl44zQc8spTbvONz397uExqrzH728nVb655hAQ=="}"#, .notBase64, "signature.value"),
        (#"{"publicKey":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==","value":"\#(goodValue)"}"#, .keyLength, "signature.publicKey"),
        (#"{"publicKey":"\#(goodKey)","value":"AAEC"}"#, .valueLength, "signature.value"),
    ])
    func malformedSignatures(json: String, problem: EventSignature.Problem, field: String) throws {
        let value = try JSON.parse(json)
        let error = Self.refusal { _ = try EventSignature(json: value) }
        #expect(error?.code == .badSignature)
        #expect(error.flatMap(EventSignature.Problem.init(of:)) == problem)
        #expect(error?.field == field)
        #expect(error?.description.hasSuffix("[bad-signature]") == true)
    }

    static let weakKeys = [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    ]

    @Test("a key of small order or with y ≥ p proves no one (weak-key)", arguments: weakKeys)
    func weakKeyIsRefused(hex: String) throws {
        let key = try #require(EventHashing.bytes(hex: hex))
        #expect(EventSignature.isWeak(publicKey: key))
        let error = Self.refusal { _ = try EventSignature(publicKey: key, value: [UInt8](repeating: 0, count: 64)) }
        #expect(error.flatMap(EventSignature.Problem.init(of:)) == .weakKey)
        #expect(error?.field == "signature.publicKey")
    }

    @Test func ordinaryKeysAreNotWeak() throws {
        #expect(!EventSignature.isWeak(publicKey: try Self.key().publicKey))
        for _ in 0..<20 { #expect(!EventSignature.isWeak(publicKey: try SigningKey(generatingFor: "A").publicKey)) }
        #expect(!EventSignature.isWeak(publicKey: try #require(EventHashing.bytes(hex: "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7e"))))
    }

    @Test func aSignatureRoundTripsThroughItsLineForm() throws {
        let json = try JSON.parse(#"{"publicKey":"\#(Self.goodKey)","value":"\#(Self.goodValue)"}"#)
        let signature = try EventSignature(json: json)
        #expect(signature.publicKey.count == 32)
        #expect(signature.value.count == 64)
        #expect(signature.json == json)
        #expect(signature.fingerprint == "56475aa75463474c")
    }

    // MARK: verifying

    @Test func aSignatureVerifiesOverItsEvent() throws {
        let event = try Self.event()
        let signature = try Self.key().sign(event)
        try signature.verify(event)
        #expect(signature.isValid(over: try SigningBytes.bytes(of: event)))
        #expect(signature.publicKey == (try Self.key()).publicKey)
    }

    @Test("a changed event no longer verifies (bytes-altered)", arguments: [
        #""actor":"BNCTW""#, #""points":18.5"#, #""occurredAt":"2018-01-10T08:00:00+07:00""#, #""id":"0b7e5f5c"#, #""year":2017"#,
    ])
    func alteredEvents(original: String) throws {
        let signature = try Self.key().sign(try Self.event())
        let replacement = [
            #""actor":"BNCTW""#: #""actor":"BKTTW""#, #""points":18.5"#: #""points":19.5"#,
            #""occurredAt":"2018-01-10T08:00:00+07:00""#: #""occurredAt":"2018-01-10T01:00:00Z""#,
            #""id":"0b7e5f5c"#: #""id":"1b7e5f5c"#, #""year":2017"#: #""year":2018"#,
        ][original]!
        let altered = try Self.event(Self.line.replacingOccurrences(of: original, with: replacement))
        let error = Self.refusal { try signature.verify(altered) }
        #expect(error.flatMap(EventSignature.Problem.init(of:)) == .bytesAltered)
    }

    @Test func aCorrelationAddedLaterBreaksTheSignature() throws {
        let signature = try Self.key().sign(try Self.event())
        let altered = try Self.event(Self.line.replacingOccurrences(of: #""data""#, with: #""correlation":"BB-12","data""#))
        #expect(Self.refusal { try signature.verify(altered) } != nil)
    }

    @Test("a flipped bit in the value or the key, or S + L, is refused", arguments: [0, 31, 32, 63, -1, -32])
    func flippedBits(at index: Int) throws {
        let event = try Self.event()
        let message = try SigningBytes.bytes(of: event)
        let signature = try Self.key().sign(event)
        var value = signature.value, key = signature.publicKey
        if index >= 0 { value[index] ^= 0x01 } else { key[-index - 1] ^= 0x80 }
        #expect(!(try EventSignature(publicKey: key, value: value)).isValid(over: message))
    }

    @Test func aNonCanonicalSIsRefused() throws {
        let event = try Self.event()
        let message = try SigningBytes.bytes(of: event)
        let signature = try Self.key().sign(event)
        let stretched = SignatureArithmetic.addingGroupOrder(toS: signature.value)
        #expect(stretched != signature.value)
        #expect(!(try EventSignature(publicKey: signature.publicKey, value: stretched)).isValid(over: message))
    }

    @Test func anotherKeyDoesNotVerify() throws {
        let event = try Self.event()
        let signature = try Self.key().sign(event)
        let other = try SigningKey(generatingFor: "BNCTW")
        #expect(!(try EventSignature(publicKey: other.publicKey, value: signature.value)).isValid(over: try SigningBytes.bytes(of: event)))
    }

    @Test func aKeySignsOnlyForItsHolder() throws {
        var event = try Self.event()
        event.actor = "BKTTW"
        let error = Self.refusal { _ = try Self.key().sign(event) }
        #expect(error.flatMap(EventSignature.Problem.init(of:)) == .wrongHolder)
        #expect(error?.field == "actor")
    }

    @Test func theFingerprintIsTheStartOfTheKeysSHA256() throws {
        let key = try Self.key()
        #expect(key.fingerprint.count == 16)
        #expect(key.fingerprint == EventSignature.fingerprint(publicKey: key.publicKey))
        #expect(key.fingerprint == "56475aa75463474c")
    }

    // MARK: key files

    @Test("a holder in any case", arguments: [("bnctw", "BNCTW"), ("BNCTW", "BNCTW"), ("Secretariat", "secretariat"), ("b_1.x-2", "B_1.X-2")])
    func holders(typed: String, recorded: String) throws {
        #expect(try SigningKey.holder(typed) == recorded)
    }

    @Test("not a holder", arguments: ["", "x y", "BN\u{301}", String(repeating: "A", count: 33), "secretariat!"])
    func badHolders(text: String) {
        #expect(Self.refusal { _ = try SigningKey.holder(text) }?.code == .badCode)
    }

    @Test func aKeyFileRoundTrips() throws {
        let key = try Self.key()
        #expect(key.fileText == "thidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n")
        let read = try SigningKey(fileText: key.fileText)
        #expect(read.holder == "BNCTW")
        #expect(read.seed == Self.testSeed)
        #expect(read.publicKey == key.publicKey)
    }

    @Test("malformed key files are refused bad-key-file", arguments: [
        "",
        "thidua-ed25519-private-key v1 BNCTW",
        "ssh-ed25519 v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "thidua-ed25519-private-key v2 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "thidua-ed25519-private-key v1 bnctw AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "thidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
        "thidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==",
        "thidua-ed25519-private-key v1 BNCTW  AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "thidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n\n",
        "thidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\nthidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n",
    ])
    func malformedKeyFiles(text: String) {
        #expect(Self.refusal { _ = try SigningKey(fileText: text) }?.code == .badKeyFile)
    }

    // MARK: hostile input

    /// The same mutations on every run: `SeededRandom` (SplitMix64) drives them.
    struct Mutations: RandomNumberGenerator {
        var random: SeededRandom
        init(state: UInt64) { random = SeededRandom(state: state) }
        mutating func next() -> UInt64 { random.next() }

        mutating func mutate(_ text: String) -> [UInt8] {
            var bytes = Array(text.utf8)
            for _ in 0...Int.random(in: 0...3, using: &self) {
                let at = Int.random(in: 0..<max(bytes.count, 1), using: &self)
                switch Int.random(in: 0..<4, using: &self) {
                case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &self))
                case 1 where !bytes.isEmpty: bytes.remove(at: at)
                case 2: bytes.insert(UInt8.random(in: 0...255, using: &self), at: min(at, bytes.count))
                default: bytes = Array(bytes.prefix(at))
                }
            }
            return bytes
        }
    }

    @Test func mutatedSignaturesAndKeyFilesAreRefusedOrRoundTrip() throws {
        var random = Mutations(state: 12)
        let signature = #"{"publicKey":"\#(Self.goodKey)","value":"\#(Self.goodValue)"}"#
        let keyFile = try Self.key().fileText
        for _ in 0..<3000 {
            let mutated = random.mutate(signature)
            if let json = try? JSON.parse(mutated) {
                do {
                    let parsed = try EventSignature(json: json)
                    #expect(try EventSignature(json: JSON.parse(parsed.json.canonicalText)) == parsed)
                } catch {
                    #expect((error as? ThiDuaError)?.code == .badSignature, "\(error)")
                }
            }
            let text = String(decoding: random.mutate(keyFile), as: UTF8.self)
            do {
                let key = try SigningKey(fileText: text)
                #expect(try SigningKey(fileText: key.fileText).seed == key.seed)
            } catch {
                #expect(error.code == .badKeyFile || error.code == .badCode, "\(error)")
            }
        }
    }
}
