import Foundation
import ThiDuaLog

extension VerbatimCheck {
    /// The row of an event line written exactly as `Verbatim.writeEvent` writes one, read straight from its bytes;
    /// nil for any other line, which `parse` then reads as JSON to say what is wrong with it. It accepts only canonical
    /// text (the keys in order, each string escaped exactly as the canonical writer escapes it, valid UTF-8, whole
    /// numbers without leading zeros, lowercase hex), so it needs no second writing to compare with.
    static func scanEvent(_ line: UnsafeBufferPointer<UInt8>) -> Verbatim.Row? {
        var scan = LineScanner(bytes: line)
        guard scan.literal(#"{"actor":"#), let actor = scan.string() else { return nil }
        var correlation: String?
        if scan.literal(#","correlation":"#) {
            guard let text = scan.string() else { return nil }
            correlation = text
        }
        guard scan.literal(#","data":"#), let data = scan.string(),
              scan.literal(#","hash":"#), let hash = scan.hex(32),
              scan.literal(#","id":"#), let id = scan.string(),
              scan.literal(#","kind":"event","occurredAt":"#), let occurredAt = scan.string(),
              scan.literal(#","position":"#), let position = scan.number(),
              scan.literal(#","prevHash":"#), let prevHash = scan.hex(32),
              scan.literal(#","recordedAt":"#), let recordedAt = scan.string(),
              scan.literal(#","schema":"#), let schema = scan.number() else { return nil }
        var signature: [UInt8]?
        if scan.literal(#","signature":"#) {
            guard let bytes = scan.hex(EventSignature.publicKeyBytes + EventSignature.valueBytes) else { return nil }
            signature = bytes
        }
        guard scan.literal(#","stream":"#), let stream = scan.string(),
              scan.literal(#","type":"#), let type = scan.string(),
              scan.literal(#","version":"#), let version = scan.number(),
              scan.literal("}"), scan.atEnd else { return nil }
        return Verbatim.Row(position: position, stream: stream, version: version, id: id, type: type, schema: schema, actor: actor,
                            occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data,
                            prevHash: prevHash, hash: hash, signature: signature)
    }
}

/// Reads canonical JSON tokens off a line, refusing (nil) anything the canonical writer would not have written.
private struct LineScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    var atEnd: Bool { at == bytes.count }

    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - at >= count, let base = bytes.baseAddress, memcmp(base + at, text.utf8Start, count) == 0 else { return false }
        at += count
        return true
    }

    /// A whole number from 1, at most 18 digits (a longer one is left to the JSON reading).
    mutating func number() -> Int64? {
        guard at < bytes.count, bytes[at] >= UInt8(ascii: "1"), bytes[at] <= UInt8(ascii: "9") else { return nil }
        var value: Int64 = 0, digits = 0
        while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") {
            digits += 1
            guard digits <= 18 else { return nil }
            value = value * 10 + Int64(bytes[at] - UInt8(ascii: "0"))
            at += 1
        }
        return value
    }

    /// `"…"` with exactly `count` bytes in lowercase hex.
    mutating func hex(_ count: Int) -> [UInt8]? {
        guard bytes.count - at >= 2 * count + 2, bytes[at] == UInt8(ascii: "\""), bytes[at + 2 * count + 1] == UInt8(ascii: "\"") else {
            return nil
        }
        var out = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            guard let high = Verbatim.nibble(bytes[at + 1 + 2 * index]), let low = Verbatim.nibble(bytes[at + 2 + 2 * index]) else { return nil }
            out[index] = high << 4 | low
        }
        at += 2 * count + 2
        return out
    }

    /// A string as `JSON.writeString` writes it: `"` and `\` escaped, control characters as `\n \r \t \b \f` or `\u00xx`,
    /// nothing else escaped, valid UTF-8.
    mutating func string() -> String? {
        guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
        at += 1
        let start = at
        var unescaped: [UInt8]?
        while at < bytes.count {
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") {
                let text = unescaped.map { String(validating: $0, as: UTF8.self) }
                    ?? String(validating: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                at += 1
                return text
            }
            guard byte >= 0x20 else { return nil }
            guard byte == UInt8(ascii: "\\") else {
                unescaped?.append(byte)
                at += 1
                continue
            }
            guard at + 1 < bytes.count else { return nil }
            let decoded: UInt8
            var length = 2
            switch bytes[at + 1] {
            case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
            case UInt8(ascii: "n"): decoded = 0x0A
            case UInt8(ascii: "r"): decoded = 0x0D
            case UInt8(ascii: "t"): decoded = 0x09
            case UInt8(ascii: "b"): decoded = 0x08
            case UInt8(ascii: "f"): decoded = 0x0C
            case UInt8(ascii: "u"):
                guard bytes.count - at >= 6, bytes[at + 2] == UInt8(ascii: "0"), bytes[at + 3] == UInt8(ascii: "0"),
                      let high = Verbatim.nibble(bytes[at + 4]), high <= 1, let low = Verbatim.nibble(bytes[at + 5]) else { return nil }
                decoded = high << 4 | low
                guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(decoded) else { return nil }
                length = 6
            default: return nil
            }
            if unescaped == nil { unescaped = Array(bytes[start..<at]) }
            unescaped!.append(decoded)
            at += length
        }
        return nil
    }
}
