import Hummingbird
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `POST /v1/events`: JSON Lines (`application/x-ndjson`) or one JSON object (`application/json`), decided and
/// appended as `thidua append` does, all or nothing, through the group-commit writer.
enum EventsRoute {
    static func post(_ request: Request, _ log: ServerLog, limits: ServerLimits) async throws -> Response {
        let body = try await Self.body(request, limit: limits.bodyBytes)
        let items = try Self.items(body, mediaType: request.headers[.contentType], allowUnsigned: log.allowUnsigned)
        guard !items.isEmpty else {
            throw Problem(.badRequest, code: .noEvents, detail: "the request holds no event; send one JSON object, or JSON Lines")
        }
        let report: AppendReport
        switch await log.writer.append(items) {
        case .success(let done): report = done
        case .failure(let error): throw Problem(error)
        }
        let placed = { (outcome: AppendOutcome) -> JSONObject in
            ["position": JSON(Int(outcome.position)), "stream": .string(outcome.stream), "version": JSON(Int(outcome.version)), "id": .string(outcome.id)]
        }
        let appended = report.outcomes.filter { !$0.alreadyRecorded }.map { JSON.object(placed($0)) }
        // Every line's event in order, new or already recorded, with its position: what `thidua append` prints of each.
        let events = report.outcomes.map { outcome -> JSON in
            var fields = placed(outcome)
            fields["type"] = .string(outcome.type.rawValue)
            fields["alreadyRecorded"] = .bool(outcome.alreadyRecorded)
            return .object(fields)
        }
        let document = JSON.object(["appended": .array(appended), "alreadyRecorded": JSON(report.alreadyRecorded), "events": .array(events)])
        return Responses.json(document, status: report.appended > 0 ? .created : .ok)
    }

    /// The body, refused with 413 once it passes `limit` bytes, and with 503 `timeout` once it arrives past the time limit.
    static func body(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge(limit) }
        var collected = ByteBuffer()
        for try await part in request.body {
            guard collected.readableBytes + part.readableBytes <= limit else { throw tooLarge(limit) }
            guard !RequestDeadline.passed else { throw tooSlow() }
            var part = part
            collected.writeBuffer(&part)
        }
        return collected
    }

    /// A write already handed to the writer is still committed or refused; this one never was.
    static func tooSlow() -> Problem {
        Problem(.serviceUnavailable, code: .timeout, detail: "the request took longer than the server's time limit to arrive; nothing was appended",
                hint: "send it again: an event with an id is recorded once")
    }

    static func tooLarge(_ limit: Int) -> Problem {
        Problem(.contentTooLarge, code: .tooLarge, detail: "the request body is over the limit of \(limit) bytes; nothing was appended",
                hint: "send the events in several requests")
    }

    /// Each line parsed (its signature verified), as `thidua append` reads a file: blank lines skipped, a byte-order
    /// mark on the first line and line ends dropped; an unsigned line refused unless the server allows it.
    static func items(_ body: ByteBuffer, mediaType: String?, allowUnsigned: Bool) throws -> [AppendItem] {
        let type = mediaType?.split(separator: ";").first.map { $0.trimmed.lowercased() } ?? "application/x-ndjson"
        let bytes = [UInt8](body.readableBytesView)
        let lines: [ArraySlice<UInt8>]
        switch type {
        case "application/json": lines = [bytes[...]]
        case "application/x-ndjson", "application/jsonl", "application/json-lines", "text/plain":
            lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        default:
            throw Problem(.unsupportedMediaType, code: .unsupportedMediaType,
                          detail: "POST /v1/events takes application/x-ndjson (JSON Lines) or application/json (one event), not \(type.prefix(80))")
        }
        var items: [AppendItem] = []
        for (index, var line) in lines.enumerated() {
            if index == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            while let last = line.last, last == 0x0A || last == 0x0D { line = line.dropLast() }
            if type != "application/json", line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let number = index + 1
            let event = Result { () throws(ThiDuaError) -> ProposedEvent in
                let event = try Envelope.parse(line: line, checkingSignature: true)
                if event.signature == nil, !allowUnsigned {
                    throw ThiDuaError(code: .signatureRequired, eventType: event.type.rawValue, field: "signature",
                                      reason: "this server takes only signed events; the signature is how it knows who acts",
                                      hint: "sign the line with the actor's key (thidua sign, or --key on a typed command)")
                }
                return event
            }
            items.append(AppendItem(line: number, event: event))
            // The batch stops at its first refusal (or earlier): the lines after one that cannot be read are never decided.
            if case .failure = event { break }
        }
        return items
    }
}
