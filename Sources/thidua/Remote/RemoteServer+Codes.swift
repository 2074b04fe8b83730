import ThiDuaJSON
import ThiDuaLog
import ThiDuaServer

extension RemoteServer {
    /// Whether a refusal's code is printed in brackets after it. What the CLI does not find locally (a year, a bloc,
    /// a member a filter names) it says without a code, so a server's `not-found` is printed without one too.
    static func bracketed(_ code: String) -> Bool { code != ThiDuaError.Code.notFound.rawValue }

    /// The refusal of an event a problem document describes (it carries `reason`), as the store would have thrown it.
    static func rebuilt(_ fields: JSONObject) -> ThiDuaError? {
        guard let code = fields["code"]?.stringValue, let reason = fields["reason"]?.stringValue else { return nil }
        return ThiDuaError(code: ThiDuaError.Code(rawValue: code), eventType: fields["eventType"]?.stringValue,
                           line: fields["line"]?.numberValue?.intValue, field: fields["field"]?.stringValue, reason: reason,
                           hint: fields["hint"]?.stringValue)
    }
}
