import Hummingbird
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `PUT /v1/evidence/{sha256}` and `GET /v1/evidence/{sha256}`: the log's documents (minh chứng), so a member scoring
/// from its own office can keep the documents its self-score cites. Like an event, a document is taken only signed
/// (`Thidua-Signature`, unless the server allows unsigned writes); the body must hash to the name in the path.
enum EvidenceRoutes {
    static func put(_ request: Request, _ context: some RequestContext, _ log: ServerLog, limits: ServerLimits) async throws -> Response {
        let sha256 = try name(context)
        let mediaType = try Self.mediaType(request.headers[.contentType], sha256)
        let signature = request.headers[HeaderName.documentSignature]
        let bloc = Query(request).string("bloc")?.uppercased()
        if signature == nil, !log.allowUnsigned {
            throw refusal(.unauthorized, sha256, ThiDuaError(
                code: .signatureRequired, field: DocumentSignature.header,
                reason: "this server keeps only signed documents; the signature is how it knows who hands it in",
                hint: "thidua --server URL --as MEMBER evidence add FILE --key FILE"))
        }
        // The signature names the document by the SHA-256 in its path, so it is checked before a byte of the body is read.
        if let signature {
            let refused = try await log.read { store -> ThiDuaError? in
                let bloc = try store.resolveBloc(bloc)
                let keys = try store.blocState(bloc: bloc)
                do throws(ThiDuaError) {
                    let signer = try DocumentSignature.verified(signature, bloc: bloc, sha256: sha256)
                    try keys.requireInForce(signer.signature, of: signer.actor, field: DocumentSignature.header)
                    return nil
                } catch {
                    return error
                }
            }
            if let refused { throw refusal(Problem.status(of: refused.code), sha256, refused) }
        }
        let body: ByteBuffer
        do {
            body = try await EventsRoute.body(request, limit: limits.bodyBytes)
        } catch let problem as Problem where problem.code == .tooLarge {
            throw refusal(.contentTooLarge, sha256, ThiDuaError(
                code: .tooLarge, reason: "the document is over the server's limit of \(limits.bodyBytes) bytes for one request",
                hint: "keep it on the log's file with thidua evidence add FILE"))
        }
        let document = EvidenceDocument(content: [UInt8](body.readableBytesView), mediaType: mediaType)
        guard document.sha256 == sha256 else {
            throw refusal(.unprocessableContent, sha256, ThiDuaError(
                code: .evidenceMismatch, field: "body", reason: "the body hashes to \(document.sha256), not to the SHA-256 in the path",
                hint: "send the document's bytes unchanged"))
        }
        let kept = try await log.withDocuments { store in try store.addEvidence(document) }
        let answer: JSONObject = ["sha256": .string(kept.sha256), "bytes": JSON(Int(kept.bytes)),
                                  "mediaType": kept.mediaType.map(JSON.string) ?? .null, "alreadyKept": .bool(kept.alreadyKept)]
        return Responses.json(.object(answer), status: kept.alreadyKept ? .ok : .created)
    }

    /// `document SHA256 refused: field F: reason`, as the CLI prints it after `error: `.
    static func refusal(_ status: HTTPResponse.Status, _ sha256: String, _ error: ThiDuaError) -> Problem {
        let field = error.field.map { "field \($0): " } ?? ""
        return Problem(status, code: error.code, detail: "document \(sha256) refused: \(field)\(error.reason)", field: error.field, hint: error.hint)
    }

    static func get(_ context: some RequestContext, _ log: ServerLog) async throws -> Response {
        let sha256 = try name(context)
        let (content, mediaType) = try await log.withDocuments { store in
            (try store.evidence(sha256: sha256), try store.evidenceMediaType(sha256: sha256))
        }
        var headers = HTTPFields()
        headers[.contentType] = mediaType ?? "application/octet-stream"
        headers[.contentDisposition] = "attachment"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    private static func name(_ context: some RequestContext) throws -> String {
        let text = context.parameters.get("sha256") ?? ""
        guard Evidence.isSHA256(text) else { throw Query.bad("sha256", text, "a document's SHA-256: 64 lowercase hex digits") }
        return text
    }

    /// The body's media type, parameters and all, kept with the document as `evidence add --media-type` keeps it; none
    /// for `application/octet-stream` or when not given.
    private static func mediaType(_ header: String?, _ sha256: String) throws -> String? {
        guard let type = header?.trimmingCharacters(in: .whitespaces).lowercased(), !type.isEmpty,
              type != "application/octet-stream" else { return nil }
        guard Evidence.isMediaType(type) else {
            throw refusal(.badRequest, sha256, ThiDuaError(code: .badMediaType, field: "Content-Type", reason: "\"\(type.prefix(60))\" is not a media type",
                                                           hint: "type/subtype, e.g. application/pdf"))
        }
        return type
    }
}

extension HeaderName {
    static let documentSignature = Name(DocumentSignature.header)!
}
