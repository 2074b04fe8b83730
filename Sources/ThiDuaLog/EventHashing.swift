import Crypto

/// The hash chain of the log (EventLog/HASHING.md): each row's hash covers the previous hash and the row.
public enum EventHashing {
    /// A SHA-256 hash's length.
    public static let hashBytes = 32
    public static let genesis = [UInt8](repeating: 0, count: hashBytes)

    /// The fields of a row in hashing order, as netstrings: `<byte length>:<bytes>,`.
    public static func canonicalBytes(position: Int64, stream: String, version: Int64, id: String, type: String,
                                      schema: Int, actor: String, occurredAt: String, recordedAt: String,
                                      correlation: String?, data: String, signature: [UInt8]? = nil) -> [UInt8] {
        var row = CanonicalRow()
        row.appendRow(position: position, stream: stream, version: version, id: id, type: type, schema: schema, actor: actor,
                      occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data)
        if let signature { signature.withUnsafeBytes { row.append($0) } }
        return row.bytes
    }

    /// SHA-256(previous hash ‖ canonical bytes), without copying either.
    public static func chain(previous: UnsafeRawBufferPointer, canonical: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: previous)
        hasher.update(bufferPointer: canonical)
        return hasher.finalize()
    }

    /// SHA-256(previous hash ‖ canonical bytes ‖ the signature as a netstring): a signed row's hash.
    public static func chain(previous: UnsafeRawBufferPointer, canonical: UnsafeRawBufferPointer, signature: [UInt8]) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: previous)
        hasher.update(bufferPointer: canonical)
        var field = CanonicalRow()
        signature.withUnsafeBytes { field.append($0) }
        hasher.update(data: field.bytes)
        return hasher.finalize()
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

/// The canonical bytes of a row, built field by field as netstrings in one reusable buffer.
public struct CanonicalRow {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(512) }

    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends the fields of one event row in hashing order (`EventHashing.canonicalBytes`).
    public mutating func appendRow(position: Int64, stream: String, version: Int64, id: String, type: String, schema: Int,
                                   actor: String, occurredAt: String, recordedAt: String, correlation: String?, data: String) {
        append(position)
        append(stream)
        append(version)
        append(id)
        append(type)
        append(Int64(schema))
        append(actor)
        append(occurredAt)
        append(recordedAt)
        append(correlation ?? "")
        append(data)
    }

    /// `<byte length>:<bytes>,`
    public mutating func append(_ field: UnsafeRawBufferPointer) {
        appendDecimal(Int64(field.count))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: field)
        bytes.append(UInt8(ascii: ","))
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// A whole number as its decimal text.
    public mutating func append(_ value: Int64) {
        var length = value < 0 ? 2 : 1
        var rest = value.magnitude
        while rest >= 10 { rest /= 10; length += 1 }
        appendDecimal(Int64(length))
        bytes.append(UInt8(ascii: ":"))
        appendDecimal(value)
        bytes.append(UInt8(ascii: ","))
    }

    /// Calls `body` with the index and byte range of each field, in order. `bytes` must be netstrings
    /// as this type writes them (one or more rows); anything else is a programming error.
    public static func forEachField(of bytes: UnsafeRawBufferPointer, _ body: (Int, UnsafeRawBufferPointer) -> Void) {
        var at = 0, index = 0
        while at < bytes.count {
            var length = 0
            while bytes[at] != UInt8(ascii: ":") {
                length = length * 10 + Int(bytes[at] - UInt8(ascii: "0"))
                at += 1
            }
            body(index, UnsafeRawBufferPointer(rebasing: bytes[(at + 1)..<(at + 1 + length)]))
            at += length + 2
            index += 1
        }
    }

    private mutating func appendDecimal(_ value: Int64) { EventHashing.decimal(value, into: &bytes) }
}

extension EventHashing {
    static func decimal(_ value: Int64, into out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            decimal(UInt64(value.magnitude), into: &out)
        } else {
            decimal(UInt64(value), into: &out)
        }
    }

    static func decimal(_ value: UInt64, into out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value, at = 20
            repeat {
                at -= 1
                digits[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at...]))
        }
    }
}
