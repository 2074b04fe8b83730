import ThiDuaLog

/// Refusals the store makes: conflicts with what the log already holds.
extension ThiDuaError.Code {
    package static let badStream = Self("bad-stream")
    package static let conflict = Self("conflict")
    package static let idReused = Self("id-reused")
    package static let logAltered = Self("log-altered")
}
