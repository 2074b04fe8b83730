import Hummingbird
import ThiDuaJSON

/// Bodies the server answers with.
package enum Responses {
    /// One canonical JSON document and a line end: byte for byte what `thidua <query> --format json` prints.
    package static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        text(value.canonicalText + "\n", type: "application/json", status: status)
    }

    package static func text(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// What the server accepts of a request.
package struct ServerLimits: Sendable {
    /// The largest request body; more is refused with 413.
    package var bodyBytes = 16 << 20
    /// How long a request's body may take to arrive, and a connection may stay idle (a stream of events, once started,
    /// is not bound by it).
    package var requestSeconds: Double = 30
    /// How often a follower looks for new events at the end of the log.
    package var followPollSeconds: Double = 0.1
    /// A comment line sent to an idle follower this often, so proxies keep the connection open.
    package var keepAliveSeconds: Double = 15

    package init() {}
}
