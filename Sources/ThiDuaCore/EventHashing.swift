import Crypto

/// The hash chain of the log (EventLog/HASHING.md): each row's hash covers the previous hash and the row.
public enum EventHashing {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// The fields of a row in hashing order, as netstrings: `<byte length>:<bytes>,`.
    public static func canonicalBytes(position: Int64, stream: String, version: Int64, id: String, type: String,
                                      schema: Int, actor: String, occurredAt: String, recordedAt: String,
                                      correlation: String?, data: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + data.utf8.count)
        for field in [String(position), stream, String(version), id, type, String(schema), actor,
                      occurredAt, recordedAt, correlation ?? "", data] {
            out.append(contentsOf: String(field.utf8.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: field.utf8)
            out.append(UInt8(ascii: ","))
        }
        return out
    }

    /// SHA-256(previous hash ‖ canonical bytes).
    public static func chain(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: canonical)
        return Array(hasher.finalize())
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func bytes(hex: String) -> [UInt8]? {
        let chars = Array(hex.lowercased().utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < chars.count {
            guard let high = nibble(chars[index]), let low = nibble(chars[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        return out
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
