import Hummingbird
import ThiDuaStore

/// Every refusal leaves the server as a problem document: the store's errors, the router's own (no such route,
/// wrong method), and a request whose body arrives past the time limit. Nothing else escapes as a bare 500.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: ServerLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await RequestDeadline.$current.withValue(RequestDeadline.after(limits.requestSeconds)) {
                try await next(request, context)
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
}
