import Foundation
import ThiDuaClient
import ThiDuaJSON

/// A `thidua serve` the CLI acts on (`--server URL`, §12): one blocking request at a time.
/// Every refusal the server sends (RFC 9457 problem details) becomes the CLI's own error line and exit code.
struct RemoteServer {
    let base: URL
    let written: String

    /// `http://host:port` (a path prefix is kept, for a server behind a reverse proxy); anything else is a usage error.
    init(_ text: String) throws {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host?.isEmpty == false, url.query == nil, url.fragment == nil else {
            throw CLIError.usage("--server \(text): not a server address; write it like http://127.0.0.1:8080")
        }
        base = url
        written = trimmed
    }

    struct Answer {
        var status: Int
        var body: Data
        var contentType: String
    }

    /// GET `path` with `query`; a refusal is thrown as the CLI's error.
    func get(_ path: String, _ query: [(String, String)] = []) throws -> Answer {
        try exchange("GET", path, query)
    }

    /// GET a JSON document.
    func json(_ path: String, _ query: [(String, String)] = []) throws -> JSON {
        let answer = try get(path, query)
        guard let document = try? JSON.parse(answer.body) else { throw unreadable(path) }
        return document
    }

    /// POST JSON Lines to /v1/events.
    func postEvents(_ lines: [String]) throws -> JSON {
        let answer = try exchange("POST", "/v1/events", headers: [("Content-Type", "application/x-ndjson")],
                                  body: Array(lines.map { $0 + "\n" }.joined().utf8))
        guard let document = try? JSON.parse(answer.body) else { throw unreadable("/v1/events") }
        return document
    }

    /// Any request: `method` on `path` with `headers` and `body`; a refusal is thrown as the CLI's error.
    func exchange(_ method: String, _ path: String, _ query: [(String, String)] = [], headers: [(String, String)] = [],
                  body: [UInt8] = []) throws -> Answer {
        var request = try request(path, query, method: method)
        request.headers += headers.map { (name: $0.0, value: $0.1) }
        request.body = body
        return try checked(send(request))
    }

    private func request(_ path: String, _ query: [(String, String)], method: String) throws -> HTTPExchange {
        guard var components = URLComponents(string: written + path) else { throw CLIError.usage("--server \(written): not a server address") }
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        // `+` is a space in a query string: a timestamp's offset must travel escaped.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let scheme = components.scheme.flatMap({ HTTPExchange.Scheme(rawValue: $0.lowercased()) }),
              var host = components.host, !host.isEmpty else { throw CLIError.usage("--server \(written): not a server address") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let target = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        return HTTPExchange(scheme: scheme, host: host, port: components.port, target: target, method: method)
    }

    private func send(_ request: HTTPExchange) throws -> Answer {
        let answer: HTTPAnswer
        do {
            answer = try request.send()
        } catch {
            let question = error.kind == .unreachable ? "; is thidua serve running there?" : ""
            throw CLIError.rejected("cannot reach the server at \(written): \(error.description)\(question)")
        }
        if (300..<400).contains(answer.status), let location = answer.header("Location") {
            // Redirects are not followed: a signed write must go where it was addressed, and the user should know the address.
            throw CLIError.rejected("the server at \(written) sends thidua elsewhere (HTTP \(answer.status) to \(location)); give --server that address")
        }
        return Answer(status: answer.status, body: Data(answer.body), contentType: (answer.header("Content-Type") ?? "").lowercased())
    }

    /// A 2xx answer as it is; a problem document as the message the CLI prints for the same refusal locally.
    private func checked(_ answer: Answer) throws -> Answer {
        guard !(200..<300).contains(answer.status) else { return answer }
        throw Self.refusal(answer, server: written)
    }

    static func refusal(_ answer: Answer, server: String) -> CLIError {
        guard let problem = try? JSON.parse(answer.body), let fields = problem.objectValue,
              let detail = fields["detail"]?.stringValue else {
            return CLIError.rejected("the server at \(server) answered HTTP \(answer.status) without a problem document")
        }
        var message = detail
        if let code = fields["code"]?.stringValue, Self.bracketed(code), !message.contains("[\(code)]") { message += " [\(code)]" }
        if let hint = fields["hint"]?.stringValue, !message.contains(hint) { message += "; " + hint }
        var error = CLIError.rejected(message)
        error.line = fields["line"]?.numberValue?.intValue
        error.refusal = rebuilt(fields)
        return error
    }

    private func unreadable(_ path: String) -> CLIError {
        CLIError.rejected("the server at \(written) answered \(path) with something that is not JSON; is it a thidua server?")
    }
}
