import ThiDuaJSON
import ThiDuaLog

/// Minh chứng: a document a self-score cites. In schema 2 of `score.submitted`, a document kept in the log's
/// `evidence` table is named by its SHA-256 and size; a schema-1 text upcasts to one item with only a title.
public struct Evidence: Hashable, Sendable {
    public var title: String
    /// 64 lowercase hex digits; nil for a document the log does not keep (a title only).
    public var sha256: String?
    public var bytes: Int64?
    public var mediaType: String?

    public init(title: String, sha256: String? = nil, bytes: Int64? = nil, mediaType: String? = nil) {
        self.title = title
        self.sha256 = sha256
        self.bytes = bytes
        self.mediaType = mediaType
    }

    /// Largest document the log keeps, in bytes (256 MiB).
    public static let maximumBytes: Int64 = 268_435_456
    /// Most documents one self-score cites.
    public static let maximumCount = 100

    /// `{"title":…,"sha256":…,"bytes":…,"mediaType":…}`, absent fields left out: the schema-2 layout.
    public var json: JSON {
        var fields: JSONObject = ["title": .string(title)]
        if let sha256 { fields["sha256"] = .string(sha256) }
        if let bytes { fields["bytes"] = .number(JSONNumber(Int(bytes))) }
        if let mediaType { fields["mediaType"] = .string(mediaType) }
        return .object(fields)
    }

    /// Restores an item from `json` as `json` writes it; nil when it is not one.
    public init?(json: JSON) {
        guard let fields = json.objectValue, let title = fields["title"]?.stringValue else { return nil }
        self.init(title: title, sha256: fields["sha256"]?.stringValue,
                  bytes: fields["bytes"]?.numberValue?.intValue.map(Int64.init), mediaType: fields["mediaType"]?.stringValue)
    }

    public static func isSHA256(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// `type/subtype` as RFC 6838 restricts names (letters, digits, `!#$&-^_.+`, first a letter or digit, at most
    /// 127 each), lowercase, optionally followed by parameters (`; charset=utf-8`) of printable ASCII; at most 255.
    public static func isMediaType(_ text: String) -> Bool {
        guard text.utf8.count <= 255, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) else { return false }
        let main = text.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = main.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            guard let first = part.utf8.first, part.utf8.count <= 127, isLowerAlphanumeric(first) else { return false }
            return part.utf8.allSatisfy { isLowerAlphanumeric($0) || "!#$&-^_.+".utf8.contains($0) }
        }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x7a).contains(byte) }
}
