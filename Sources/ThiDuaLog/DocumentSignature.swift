import Foundation

/// How a member hands a document (minh chứng) to a server that takes only signed writes (§12, EventLog/SIGNING.md):
/// the header `Thidua-Signature: ACTOR PUBLIC-KEY SIGNATURE` (base64) over the netstrings of a tag of its own, the
/// bloc, the actor and the document's SHA-256. The tag keeps such a signature from ever being an event's.
public enum DocumentSignature {
    public static let header = "Thidua-Signature"
    static let tag = "thidua-evidence-upload"

    public static func signingBytes(bloc: String, actor: String, sha256: String) -> [UInt8] {
        var row = CanonicalRow()
        row.append(tag)
        row.append(bloc)
        row.append(actor)
        row.append(sha256)
        return row.bytes
    }

    public static func headerValue(actor: String, _ signature: EventSignature) -> String {
        "\(actor) \(signature.publicKeyText) \(EventSignature.base64(signature.value))"
    }

    /// The actor and signature a header names, its key and value checked as an event's are; refused as
    /// `bad-signature` when it is not three words or does not verify over the document's signing bytes.
    public static func verified(_ header: String, bloc: String, sha256: String) throws(ThiDuaError) -> (actor: String, signature: EventSignature) {
        let words = header.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count == 3, words[0].utf8.count <= 40 else {
            throw ThiDuaError(code: .badSignature, field: Self.header, reason: "\(Self.header) is not ACTOR PUBLIC-KEY SIGNATURE",
                              hint: "thidua --server URL evidence add FILE --key FILE signs it")
        }
        let signature: EventSignature
        do {
            signature = try EventSignature(json: .object(["publicKey": .string(words[1]), "value": .string(words[2])]))
        } catch {
            throw ThiDuaError(code: error.code, field: Self.header, reason: error.reason,
                              hint: "thidua --server URL evidence add FILE --key FILE signs it")
        }
        guard signature.isValid(over: signingBytes(bloc: bloc, actor: words[0], sha256: sha256)) else {
            throw ThiDuaError(code: .badSignature, field: Self.header,
                              reason: "the signature does not verify over document \(sha256) of \(words[0]) in \(bloc) with key \(signature.fingerprint)",
                              hint: "sign the document's SHA-256 for this bloc and actor, with the actor's key")
        }
        return (words[0], signature)
    }
}
