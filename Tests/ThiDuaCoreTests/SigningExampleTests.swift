import Foundation
import Testing
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// EventLog/SIGNING.md's worked example, byte for byte: the test key, the signing bytes, the fingerprint, the signature.
@Suite("The worked example of SIGNING.md")
struct SigningExampleTests {
    static let seedHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
    static let keyFile = "thidua-ed25519-private-key v1 BNCTW AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    static let publicKeyHex = "03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8"
    static let publicKeyBase64 = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="
    static let fingerprint = "56475aa75463474c"
    static let line = #"{"actor":"BNCTW","bloc":"BDTW","data":{"criterion":"1.1","member":"BNCTW","points":18.5},"id":"0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31","occurredAt":"2018-01-10T08:00:00+07:00","type":"score.submitted","year":2017}"#
    static let netstrings = #"4:BDTW,4:2017,15:score.submitted,1:1,5:BNCTW,25:2018-01-10T08:00:00+07:00,36:0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31,0:,50:{"criterion":"1.1","member":"BNCTW","points":18.5},"#
    static let signingBytesHex = "343a424454572c343a323031372c31353a73636f72652e7375626d69747465642c313a312c353a424e4354572c32353a323031382d30312d31305430383a30303a30302b30373a30302c33363a30623765356635632d336331612d346635652d396137652d3264366631633061396233312c303a2c35303a7b22637269746572696f6e223a22312e31222c226d656d626572223a22424e435457222c22706f696e7473223a31382e357d2c"
    static let signatureHex = "5e376d9b67176a84ad95c8c0a85451b40b0f31de8d48a98acfd00c912883ce8fbb44a4a81a5e38cd073cb294dbbce373dfdeee131aabcc7ef6f2755beb9e6101"
    static let signatureBase64 = "Xjdtm2cXaoStlcjAqFRRtAsPMd6NSKmKz9AMkSiDzo+7RKSoGl44zQc8spTbvONz397uExqrzH728nVb655hAQ=="
    static let signedLine = #"{"actor":"BNCTW","bloc":"BDTW","data":{"criterion":"1.1","member":"BNCTW","points":18.5},"id":"0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31","occurredAt":"2018-01-10T08:00:00+07:00","signature":{"publicKey":"A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=","value":"Xjdtm2cXaoStlcjAqFRRtAsPMd6NSKmKz9AMkSiDzo+7RKSoGl44zQc8spTbvONz397uExqrzH728nVb655hAQ=="},"type":"score.submitted","year":2017}"#

    static func key() throws -> SigningKey { try SigningKey(fileText: keyFile + "\n") }

    @Test func theTestKey() throws {
        let key = try Self.key()
        #expect(EventHashing.hex(key.seed) == Self.seedHex)
        #expect(EventHashing.hex(key.publicKey) == Self.publicKeyHex)
        #expect(key.publicKeyText == Self.publicKeyBase64)
        #expect(key.fingerprint == Self.fingerprint)
    }

    @Test func theSigningBytes() throws {
        let event = try Envelope.parse(line: Array(Self.line.utf8))
        let bytes = try SigningBytes.bytes(of: event)
        #expect(String(decoding: bytes, as: UTF8.self) == Self.netstrings)
        #expect(EventHashing.hex(bytes) == Self.signingBytesHex)
        #expect(bytes.count == 171)
    }

    @Test func theSignatureVerifies() throws {
        let event = try Envelope.parse(line: Array(Self.line.utf8))
        let signature = try EventSignature(json: .object(["publicKey": .string(Self.publicKeyBase64), "value": .string(Self.signatureBase64)]))
        #expect(EventHashing.hex(signature.value) == Self.signatureHex)
        try signature.verify(event)
    }

    /// swift-crypto signs as RFC 8032 says (deterministically) on Linux; CryptoKit, on Apple platforms, adds randomness.
    @Test func thisBuildSignsTheSameBytes() throws {
        let event = try Envelope.parse(line: Array(Self.line.utf8))
        let signature = try Self.key().sign(event)
        try signature.verify(event)
        #if os(Linux)
        #expect(EventHashing.hex(signature.value) == Self.signatureHex)
        #expect(event.inputJSON(signature: signature).canonicalText == Self.signedLine)
        #endif
    }

    @Test func signingMdShowsEveryValue() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let page = try String(contentsOf: root.appendingPathComponent("EventLog/SIGNING.md"), encoding: .utf8)
        let unwrapped = page.filter { !$0.isWhitespace }
        for value in [Self.seedHex, Self.keyFile, Self.publicKeyHex, Self.publicKeyBase64, Self.fingerprint, Self.line,
                      Self.netstrings, Self.signatureHex, Self.signatureBase64, Self.signedLine] {
            #expect(page.contains(value), "SIGNING.md lacks \(value)")
        }
        #expect(unwrapped.contains(Self.signingBytesHex), "SIGNING.md lacks the signing bytes in hex")
        #expect(page.contains("TEST KEY"))
    }
}
