import ThiDuaLog

/// Refusals the store makes: conflicts with what the log already holds.
extension ThiDuaError.Code {
    package static let badStream = Self("bad-stream")
    package static let conflict = Self("conflict")
    package static let idReused = Self("id-reused")
    package static let logAltered = Self("log-altered")
}

/// Refusals about the log's evidence documents (EventLog/EVENTS.md).
extension ThiDuaError.Code {
    /// A self-score cites a document the log does not keep.
    package static let evidenceMissing = Self("evidence-missing")
    /// A self-score gives a kept document another size than it has.
    package static let evidenceMismatch = Self("evidence-mismatch")
    /// A document file that is missing, not a regular file, too large or unreadable.
    package static let unreadableEvidence = Self("unreadable-evidence")
    /// `evidence get` of a SHA-256 the log does not keep, or that is not a SHA-256.
    package static let noSuchEvidence = Self("no-such-evidence")
}
