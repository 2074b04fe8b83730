/// The time limit of the request being served (§12), bound by `ProblemMiddleware` for the route's task and checked where
/// a request can be slow on the client's side: while its body arrives. A body that stops arriving altogether is cut by
/// the connection's idle timeout, which is the same limit.
///
/// The route runs in the connection's own task: a child task per request with a sleeping sibling as its timer cost a
/// tenth of the server's CPU under load, and could not end sooner anyway, since the store's work cannot be interrupted.
enum RequestDeadline {
    @TaskLocal static var current: ContinuousClock.Instant?

    /// `seconds` from now, the limit bounded to a day.
    static func after(_ seconds: Double) -> ContinuousClock.Instant {
        .now + .milliseconds(Int64(seconds.isFinite ? min(max(seconds, 0), 86_400) * 1000 : 30_000))
    }

    static var passed: Bool {
        guard let current else { return false }
        return ContinuousClock.now > current
    }
}
