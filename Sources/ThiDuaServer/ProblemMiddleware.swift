import Hummingbird
import ThiDuaStore

/// Every refusal leaves the server as a problem document: the store's errors, the router's own (no such route,
/// wrong method), and a request that runs past the time limit. Nothing else escapes as a bare 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: ServerLimits
    private let deadlines: RequestDeadlines

    init(limits: ServerLimits) {
        self.limits = limits
        deadlines = RequestDeadlines(seconds: limits.requestSeconds)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await withoutActuallyEscaping(next) { next in
                let handler = Handler(run: next)
                return try await withTimeLimit(limits.requestSeconds) { try await handler.run(request, context) }
            }
        } catch let problem as Problem {
            throw problem
        } catch let error as StoreError {
            throw Problem(error)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound: throw Problem(.notFound, code: .notFound, detail: "no such resource: \(request.method) \(request.uri.path.prefix(200))")
            case .methodNotAllowed:
                throw Problem(.methodNotAllowed, code: .methodNotAllowed, detail: "\(request.method) is not allowed on \(request.uri.path.prefix(200))")
            case .contentTooLarge: throw EventsRoute.tooLarge(limits.bodyBytes)
            default: throw Problem(error.status, code: .badParameter, detail: error.body ?? error.status.reasonPhrase)
            }
        } catch is CancellationError {
            throw Problem(.serviceUnavailable, code: .shuttingDown, detail: "the request was cancelled")
        } catch {
            throw Problem(.internalServerError, code: .unavailable, detail: "the server failed: \(String(describing: error).prefix(300))")
        }
    }

    /// The route's handler, run as a child task that never outlives this call (the group waits for it).
    private struct Handler: @unchecked Sendable {
        let run: (Request, Context) async throws -> Response
    }

    /// `body`, refused with 503 `timeout` when it takes longer than `seconds`. A write already handed to the writer is
    /// still committed or refused; its client is told to send it again, which its event ids make safe.
    /// The route runs as a child task, so that only it is cancelled at the limit, never the connection's own task,
    /// which still has the 503 to write.
    private func withTimeLimit(_ seconds: Double, _ body: @escaping @Sendable () async throws -> Response) async throws -> Response {
        let deadlines = deadlines
        return try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await deadlines.run(body) }
            guard let first = try await group.next(), let response = first else {
                throw Problem(.serviceUnavailable, code: .timeout, detail: "the request took longer than \(Int(seconds)) s; nothing may have been appended",
                              hint: "send it again: an event with an id is recorded once")
            }
            return response
        }
    }
}
