import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

extension HTTPExchange {
    /// Sends the request and waits for the whole answer; blocks the calling thread, which must not be an event loop.
    ///
    /// SwiftNIO rather than URLSession: FoundationNetworking loads libcurl and some thirty libraries behind it into
    /// every start of the CLI, about 3 ms on each command, for the few that talk to a server.
    public func send() throws(HTTPClientError) -> HTTPAnswer {
        let tls: NIOSSLContext?
        switch (scheme, Self.sharedTLSContext) {
        case (.http, _): tls = nil
        case (.https, .success(let context)): tls = context
        case (.https, .failure(let error)): throw HTTPClientError(.tls, "no TLS context: \(error)")
        }
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let answer = loop.makePromise(of: HTTPAnswer.self)
        let deadline = loop.scheduleTask(in: .seconds(timeout)) {
            answer.fail(HTTPClientError(.timeout, "no answer within \(timeout) s"))
        }
        let sniName = Self.isAddressLiteral(host) ? nil : host
        let head = requestHead()
        let body = self.body
        let connecting = ClientBootstrap(group: loop)
            .connectTimeout(.seconds(min(timeout, 15)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: sniName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(AnswerCollector(head: head, body: body, answer: answer))
                }
            }
            .connect(host: host, port: port ?? scheme.defaultPort)
        connecting.whenFailure { answer.fail(HTTPClientError.from($0)) }
        let result = Result { try answer.futureResult.wait() }
        deadline.cancel()
        if let channel = try? connecting.wait() { _ = try? channel.close().wait() }
        switch result {
        case .success(let answer): return answer
        case .failure(let error as HTTPClientError): throw error
        case .failure(let error): throw HTTPClientError.from(error)
        }
    }

    private func requestHead() -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: target)
        head.headers.add(name: "Host", value: hostHeader)
        head.headers.add(name: "User-Agent", value: "thidua")
        head.headers.add(name: "Connection", value: "close")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        if !body.isEmpty || method == "POST" || method == "PUT" { head.headers.add(name: "Content-Length", value: String(body.count)) }
        return head
    }

    /// Made once a process: `log --follow` asks twice a second.
    private static let sharedTLSContext = Result { try tlsContext() }

    /// The trust roots are the system's; `SSL_CERT_FILE` names another bundle, as for curl and OpenSSL (a bloc's own CA).
    private static func tlsContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = ProcessEnvironment.value("SSL_CERT_FILE"), !file.isEmpty {
            configuration.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// An IP address cannot be sent as the TLS server name; the certificate is then checked against the address.
    static func isAddressLiteral(_ host: String) -> Bool {
        if host.contains(":") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }
    }
}
