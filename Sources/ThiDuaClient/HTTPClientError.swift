/// Why an exchange got no answer, in words the CLI can put after "cannot reach the server at URL: ".
public struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// No connection: the name does not resolve, nothing listens, the network is down.
        case unreachable
        /// TLS failed: most often a certificate this machine does not trust.
        case tls
        /// The exchange took longer than its timeout.
        case timeout
        /// The connection closed before a whole answer came, or the answer was not HTTP.
        case broken
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
