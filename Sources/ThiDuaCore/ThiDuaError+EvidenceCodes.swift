import ThiDuaLog

/// Refusals of a self-score's evidence documents (`score.submitted` schema 2, EventLog/EVENTS.md).
extension ThiDuaError.Code {
    public static let badSHA256 = Self("bad-sha256")
    public static let badBytes = Self("bad-bytes")
    public static let badMediaType = Self("bad-media-type")
    public static let duplicateEvidence = Self("duplicate-evidence")
    public static let tooMuchEvidence = Self("too-much-evidence")
}
