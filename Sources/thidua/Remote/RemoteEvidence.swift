import Crypto
import Foundation
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// Documents (minh chứng) on a server: `PUT /v1/evidence/{sha256}`, signed by the actor's key as a write is, and
/// `GET /v1/evidence/{sha256}`, whose bytes are checked against their name before anything is written.
enum RemoteEvidence {
    /// The most a server takes in one request (`thidua serve`'s body limit).
    static let limit = 16 << 20

    /// Hands `document` to the server for `actor` in `bloc`, signed with the key at `key` (or `$THIDUA_KEY`) when given.
    static func keep(_ document: EvidenceDocument, on server: RemoteServer, bloc: String, actor: String?, key: String?) throws -> KeptEvidence {
        guard document.bytes <= limit else {
            throw CLIError.rejected("document \(document.sha256) has \(document.bytes) bytes, more than a server takes in one request (\(limit) bytes); keep it on the log's file with thidua evidence add FILE, then cite it")
        }
        var headers: [(String, String)] = [("Content-Type", document.mediaType ?? "application/octet-stream")]
        if let keyPath = try EventSigning.keyPath(key) {
            let signer = try KeyFile.load(keyPath)
            let actor = actor ?? signer.holder
            let signature = try signer.signature(over: DocumentSignature.signingBytes(bloc: bloc, actor: actor, sha256: document.sha256))
            headers.append((DocumentSignature.header, DocumentSignature.headerValue(actor: actor, signature)))
        }
        let answer = try server.exchange("PUT", "/v1/evidence/" + document.sha256, [("bloc", bloc)], headers: headers, body: document.content)
        guard let fields = (try? JSON.parse(answer.body))?.objectValue, fields["sha256"]?.stringValue == document.sha256,
              let bytes = fields["bytes"]?.numberValue?.intValue, case .bool(let already)? = fields["alreadyKept"] else {
            throw CLIError.rejected("the server at \(server.written) answered PUT /v1/evidence with a document this thidua cannot read")
        }
        return KeptEvidence(sha256: document.sha256, bytes: Int64(bytes), mediaType: fields["mediaType"]?.stringValue, alreadyKept: already)
    }

    /// The document named `sha256`, refused unless what the server sent hashes to that name.
    static func content(_ sha256: String, from server: RemoteServer) throws -> [UInt8] {
        let answer = try server.exchange("GET", "/v1/evidence/" + sha256)
        let content = [UInt8](answer.body)
        let received = EventHashing.hex(Array(SHA256.hash(data: content)))
        guard received == sha256 else {
            throw CLIError.rejected("the server at \(server.written) sent \(content.count) bytes for document \(sha256) that hash to \(received); nothing was written")
        }
        return content
    }
}
