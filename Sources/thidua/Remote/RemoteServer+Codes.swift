import ThiDuaLog
import ThiDuaServer

extension RemoteServer {
    /// Whether a refusal's code is printed in brackets after it. What the CLI does not find locally (a year, a bloc,
    /// a member a filter names) it says without a code, so a server's `not-found` is printed without one too.
    static func bracketed(_ code: String) -> Bool { code != ThiDuaError.Code.notFound.rawValue }
}
