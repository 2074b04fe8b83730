import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ThiDuaStore

/// Where and how the server listens.
package struct ServerOptions: Sendable {
    package var host = "127.0.0.1"
    /// 0 picks a free port, which `run` reports once it listens.
    package var port = 8080
    package var limits = ServerLimits()
    /// The most write requests committed in one transaction (1: a transaction per request).
    package var maximumGroup = GroupCommitWriter.defaultMaximumGroup

    package init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// Loopback addresses, the only ones `--allow-unsigned` may listen on.
    package var isLoopback: Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

/// `thidua serve` (§12): the log's API over HTTP. `addRoutes(to:)` puts the API on a router, so a web page can serve
/// beside it; `run` listens until SIGTERM or SIGINT, then stops accepting, finishes the requests in flight, ends the
/// event streams, lets the writer commit what it was given and returns.
package struct LogServer: Sendable {
    package let log: ServerLog
    package let options: ServerOptions

    package init(dbPath: String, allowUnsigned: Bool, options: ServerOptions) throws(StoreError) {
        log = try ServerLog(path: dbPath, allowUnsigned: allowUnsigned, maximumGroup: options.maximumGroup)
        self.options = options
    }

    /// The router with the API and `extraRoutes` (the web page's) on it, every refusal a problem document.
    package func router(extraRoutes: (Router<BasicRequestContext>) -> Void = { _ in }) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: ProblemMiddleware<BasicRequestContext>(limits: options.limits))
        addRoutes(to: router)
        extraRoutes(router)
        return router
    }

    package func addRoutes(to router: Router<BasicRequestContext>) {
        let log = log, limits = options.limits
        router.post("/v1/events") { request, _ in try await EventsRoute.post(request, log, limits: limits) }
        for name in YearRoutes.names {
            router.get("/v1/years/:year/\(name)") { request, context in try await YearRoutes.get(name, request, context, log) }
        }
        router.get("/v1/log") { request, _ in try await LogRoutes.log(request, log, limits: limits) }
        router.get("/v1/state") { request, _ in try await StateRoutes.get(request, log) }
        router.get("/v1/digest") { request, _ in try await LogRoutes.digest(request, log) }
        router.get("/v1/verify") { request, _ in try await LogRoutes.verify(request, log) }
        router.put("/v1/evidence/:sha256") { request, context in try await EvidenceRoutes.put(request, context, log, limits: limits) }
        router.get("/v1/evidence/:sha256") { _, context in try await EvidenceRoutes.get(context, log) }
        WebRoutes.add(to: router, log)
        router.get("/openapi.yaml") { _, _ in
            Responses.text(String(decoding: PackageResources.openapi_yaml, as: UTF8.self), type: "application/yaml")
        }
    }

    /// Serves until a stop signal. `onListening` gets the address and port it listens on (the port chosen, for 0).
    package func run(extraRoutes: (Router<BasicRequestContext>) -> Void = { _ in },
                     onListening: @escaping @Sendable (_ host: String, _ port: Int) -> Void) async throws {
        var logger = Logger(label: "thidua-serve")
        logger.logLevel = .warning
        let host = options.host
        var app = Application(
            router: router(extraRoutes: extraRoutes),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(options.limits.requestSeconds.rounded(.up))))),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "thidua"),
            onServerRunning: { channel in onListening(host, channel.localAddress?.port ?? 0) },
            logger: logger
        )
        // Services stop in reverse order: the HTTP server first (in-flight requests answered), then the writer.
        app.addServices(log.writer)
        try await app.runService()
    }
}
