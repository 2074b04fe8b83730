import Foundation
import Hummingbird
import ThiDuaJSON
import ThiDuaLog

/// A refusal as an RFC 9457 problem document (`application/problem+json`), carrying the project's error fields:
/// `code` (the stable name the CLI prints in brackets), and where known `line`, `field`, `eventType` and `hint`.
package struct Problem: Error, HTTPResponseError, Sendable, Equatable {
    package var status: HTTPResponse.Status
    package var code: ThiDuaError.Code
    /// The whole message, as the CLI prints it after `error: `.
    package var detail: String
    package var line: Int?
    package var field: String?
    package var eventType: String?
    package var hint: String?
    /// What is wrong, in words, without the rest of `detail`: with the fields above, a client can print the refusal its own way.
    package var reason: String?

    package init(_ status: HTTPResponse.Status, code: ThiDuaError.Code, detail: String, line: Int? = nil, field: String? = nil,
                 eventType: String? = nil, hint: String? = nil) {
        self.status = status
        self.code = code
        self.detail = detail
        self.line = line
        self.field = field
        self.eventType = eventType
        self.hint = hint
    }

    /// A refusal of the project's own, with its status.
    package init(_ status: HTTPResponse.Status, _ error: ThiDuaError) {
        self.init(status, code: error.code, detail: error.description, line: error.line, field: error.field,
                  eventType: error.eventType, hint: error.hint)
        reason = error.reason
    }

    /// `urn:thidua:problem:CODE`: a stable name for the kind of problem, the same as `code`.
    package var type: String { "urn:thidua:problem:" + code.rawValue }

    package var title: String { Self.titles[status.code] ?? status.reasonPhrase }

    static let titles: [Int: String] = [
        400: "Malformed request", 401: "Not signed", 404: "Not found", 405: "Method not allowed", 409: "Conflict",
        408: "Request too slow", 413: "Request too large", 415: "Unsupported media type", 422: "Refused by the rules",
        500: "Server error", 503: "Log unavailable",
    ]

    package var json: JSON {
        var fields: JSONObject = [
            "type": .string(type), "title": .string(title), "status": JSON(status.code), "code": .string(code.rawValue),
            "detail": .string(detail),
        ]
        if let line { fields["line"] = JSON(line) }
        if let field { fields["field"] = .string(field) }
        if let eventType { fields["eventType"] = .string(eventType) }
        if let hint { fields["hint"] = .string(hint) }
        if let reason { fields["reason"] = .string(reason) }
        return .object(fields)
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == .methodNotAllowed { headers[.allow] = "GET, POST" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json.canonicalText + "\n")))
    }
}
