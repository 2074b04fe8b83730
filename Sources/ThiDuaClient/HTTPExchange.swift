/// One HTTP/1.1 request of the remote CLI (`--server URL`, §12) and the whole answer to it.
///
/// The CLI asks one thing at a time and waits for the answer, so an exchange is a connection of its own:
/// connect, send, read to the end, close. No connection pool, no redirects, no cookies.
public struct HTTPExchange: Sendable {
    /// The largest answer read: a whole export of a log of two million events fits, a server that never stops does not.
    public static let largestAnswer = 1 << 30

    public enum Scheme: String, Sendable {
        case http, https

        var defaultPort: Int { self == .http ? 80 : 443 }
    }

    public var scheme: Scheme
    public var host: String
    public var port: Int?
    /// The path with its percent-encoded query, as it goes on the request line.
    public var target: String
    public var method: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// How long the whole exchange may take, connecting included, in seconds.
    public var timeout: Int64

    public init(scheme: Scheme, host: String, port: Int?, target: String, method: String = "GET",
                headers: [(name: String, value: String)] = [], body: [UInt8] = [], timeout: Int64 = 120) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.target = target.isEmpty ? "/" : target
        self.method = method
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The `Host` header: the port only when it is not the scheme's own; an IPv6 literal in brackets.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        guard let port, port != scheme.defaultPort else { return name }
        return "\(name):\(port)"
    }
}

/// What the server answered.
public struct HTTPAnswer: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    /// The first value of `name`, compared without case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
