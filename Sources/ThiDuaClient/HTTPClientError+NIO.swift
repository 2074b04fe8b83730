import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPClientError {
    /// A SwiftNIO or TLS failure in the words a person at the CLI can act on.
    static func from(_ error: Error) -> HTTPClientError {
        switch error {
        case let error as HTTPClientError:
            return error
        case let error as NIOConnectionError:
            guard let first = error.connectionErrors.first else {
                return HTTPClientError(.unreachable, "the name \(error.host) does not resolve")
            }
            return from(first.error)
        case ChannelError.connectTimeout:
            return HTTPClientError(.timeout, "no connection within the time allowed")
        case let error as IOError:
            return HTTPClientError(.unreachable, Self.reason(errno: error.errnoCode))
        case let error as NIOSSLError:
            return HTTPClientError(.tls, "TLS failed (\(error)); if the server's certificate is the bloc's own, set SSL_CERT_FILE to its CA file")
        case let error as NIOSSLExtraError:
            return HTTPClientError(.tls, "TLS failed (\(error))")
        case let error as BoringSSLError:
            return HTTPClientError(.tls, "TLS failed (\(error))")
        case HTTPParserError.invalidEOFState:
            return HTTPClientError(.broken, "the connection closed before the whole answer came")
        case let error as HTTPParserError:
            return HTTPClientError(.broken, "the answer is not HTTP (\(error)); is it a thidua server, and is the scheme (http or https) right?")
        default:
            return HTTPClientError(.broken, "\(error)")
        }
    }

    /// `ECONNREFUSED` → `connection refused`.
    static func reason(errno: Int32) -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        let reason = String(cString: text)
        return reason.prefix(1).lowercased() + reason.dropFirst()
    }
}
