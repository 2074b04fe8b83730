import Crypto
import Foundation
import Hummingbird

/// How the server answers with HTML: the document as given, and a Content-Security-Policy that lets the page run only
/// its own inline script and style (by hash) and talk only to this server. Nothing is loaded from elsewhere.
enum WebPage {
    static func html(_ document: String, scripts: [String], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = policy(document, scripts: scripts)
        headers[.cacheControl] = "no-store"
        headers[HeaderName.contentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    /// `script-src` and `style-src` name the inline script and style sheets by their SHA-256; no other source is allowed.
    static func policy(_ document: String, scripts: [String]) -> String {
        let styles = inlineStyles(document).map(source)
        return [
            "default-src 'none'",
            "script-src " + (scripts.isEmpty ? "'none'" : scripts.map(source).joined(separator: " ")),
            "style-src " + (styles.isEmpty ? "'none'" : styles.joined(separator: " ")),
            "connect-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    static func source(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// The text of each `<style>` element. The report escapes every stored text, so `<style>` appears only as our markup.
    static func inlineStyles(_ document: String) -> [String] {
        var styles: [String] = []
        var rest = document[...]
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            styles.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return styles
    }

    /// A query value in a link (`?bloc=…`).
    static func queryValue(_ text: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

extension HeaderName {
    static let contentTypeOptions = Name("X-Content-Type-Options")!
}
