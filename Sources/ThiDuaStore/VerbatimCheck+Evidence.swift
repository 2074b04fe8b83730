import Foundation
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

extension VerbatimCheck {
    /// The document an evidence line carries, when the line is its canonical text and its content hashes to its name.
    static func document(_ object: JSONObject, _ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> VerbatimLine {
        func refused(_ code: ThiDuaError.Code, _ reason: String) -> VerbatimLine {
            .refused(VerbatimRefusal(line: line, code: code, reason: reason))
        }
        var mediaType: String?
        if let value = object["mediaType"] {
            guard case .string(let text) = value else { return refused(.exportMalformed, "field mediaType is not a string") }
            mediaType = text
        }
        guard case .string(let sha256)? = object["sha256"], Evidence.isSHA256(sha256) else {
            return refused(.exportMalformed, "field sha256 is not 64 lowercase hex digits")
        }
        guard case .string(let text)? = object["content"], let content = Data(base64Encoded: text) else {
            return refused(.exportMalformed, "field content of document \(sha256) is not base64: a byte was changed")
        }
        guard case .number(let size)? = object["bytes"], size.intValue == content.count else {
            return refused(.exportMalformed, "field bytes of document \(sha256) is not the size of its content")
        }
        let document = EvidenceDocument(content: [UInt8](content), mediaType: mediaType)
        guard document.sha256 == sha256 else {
            return refused(.evidenceMismatch, "the content of document \(sha256) does not hash to it: it was edited")
        }
        var rewritten: [UInt8] = []
        rewritten.reserveCapacity(bytes.count + 1)
        Verbatim.writeEvidence(document, to: &rewritten)
        guard rewritten.count == bytes.count + 1, let start = bytes.baseAddress, memcmp(rewritten, start, bytes.count) == 0 else {
            return refused(.exportMalformed, "the line is not the canonical text of document \(sha256) (keys in order, no spaces, "
                           + "minimal escapes, plain base64): a byte was changed")
        }
        return .evidence(document)
    }
}
