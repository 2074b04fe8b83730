import ArgumentParser
import Foundation
import ThiDuaServer
import ThiDuaStore

/// `thidua serve`: the log over HTTP (§12), for members acting from their own offices.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the log over HTTP: signed writes, the queries' JSON, the log as a stream of events.",
        discussion: """
            Listens on loopback (127.0.0.1:8080) unless --listen says otherwise; put a reverse proxy with TLS in front \
            of it to serve other machines (README: "Running the server"). Writes must be signed: the signature is the \
            authentication. SIGTERM or Ctrl-C stops it gracefully: requests in flight are answered and committed. \
            It prints the address it listens on, e.g. with --listen 127.0.0.1:0, which picks a free port.
            Example: thidua serve --db bloc.sqlite --listen 127.0.0.1:8080
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The address and port to listen on (port 0 picks a free one).", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Flag(help: "Accept unsigned writes (for tests and trials); only on a loopback address.")
    var allowUnsigned = false

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds a request's body may take to arrive, and a connection may stay idle.", valueName: "seconds"))
    var requestTimeout: Double = 30

    @Option(name: .customLong("max-group"), help: ArgumentHelp(
        "Benchmark switch: the most write requests one transaction takes; 1 commits each request alone (Tools/load_server.py's baseline).",
        valueName: "n", visibility: .hidden))
    var maximumGroup = GroupCommitWriter.defaultMaximumGroup

    func run() throws {
        if let server = global.serverOption { throw CLIError.usage("serve cannot act on a server (--server \(server)): it is the server; give it the file with --db") }
        var options = try Self.address(listen)
        guard (1...100_000).contains(maximumGroup) else { throw CLIError.usage("--max-group \(maximumGroup): give a number from 1 to 100000") }
        options.maximumGroup = maximumGroup
        guard requestTimeout > 0, requestTimeout <= 3600 else {
            throw CLIError.usage("--request-timeout \(requestTimeout): give a number of seconds between 0 and 3600")
        }
        options.limits.requestSeconds = requestTimeout
        if allowUnsigned, !options.isLoopback {
            throw CLIError.usage("--allow-unsigned is only for a loopback address (127.0.0.1, ::1, localhost), not \(options.host): "
                                 + "on a network the signature is what proves who acts")
        }
        let server = try LogServer(dbPath: global.databasePath, allowUnsigned: allowUnsigned, options: options)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { host, port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Console.line("listening on http://\(shown):\(port)")
                    _ = Console.flush()
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CLIError.rejected("serve: \(error)") }
    }

    /// `host:port`, `[v6]:port` or `:port` (loopback).
    static func address(_ text: String) throws -> ServerOptions {
        let usage = CLIError.usage("--listen \(text): write it as HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080")
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw usage
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = "127.0.0.1" }
        guard !host.contains(where: { $0.isWhitespace || $0 == "/" }) else { throw usage }
        return ServerOptions(host: host, port: port)
    }

    /// What the serving task ended with, read after it signalled.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}
