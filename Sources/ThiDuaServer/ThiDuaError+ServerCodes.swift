import ThiDuaLog

/// Refusals only the server makes (§12); each is the `code` of a problem document.
extension ThiDuaError.Code {
    /// An unsigned event sent to a server that accepts only signed writes (the signature is the authentication).
    package static let signatureRequired = Self("signature-required")
    /// A request body over the server's limit.
    package static let tooLarge = Self("too-large")
    /// A body of a media type the endpoint does not take.
    package static let unsupportedMediaType = Self("unsupported-media-type")
    /// A POST with no event in it.
    package static let noEvents = Self("no-events")
    /// A query parameter or path segment that is not valid.
    package static let badParameter = Self("bad-parameter")
    /// No such endpoint, year, member or election.
    package static let notFound = Self("not-found")
    /// The endpoint exists but not for this method.
    package static let methodNotAllowed = Self("method-not-allowed")
    /// The request took longer than the server's time limit.
    package static let timeout = Self("timeout")
    /// The log could not be read or written (disk full, busy, damaged); nothing was appended.
    package static let unavailable = Self("unavailable")
    /// The log holds an event that breaks a rule: someone altered it.
    package static let altered = Self("altered")
    /// The server is stopping and takes no new write.
    package static let shuttingDown = Self("shutting-down")
}
