extension JSON {
    /// Canonical text: keys sorted by UTF-8 bytes, no whitespace, minimal escapes, canonical numbers.
    public var canonicalText: String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public var canonicalBytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let number): number.write(to: &out)
        case .string(let text): JSON.writeString(text, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                element.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            let members = object.members
            // Members in key order, found by an insertion sort of their indices: no array is allocated.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: members.count) { order in
                for index in members.indices {
                    var at = index
                    while at > 0, members[index].key.utf8.lexicographicallyPrecedes(members[order[at - 1]].key.utf8) {
                        order[at] = order[at - 1]
                        at -= 1
                    }
                    order[at] = index
                }
                for (offset, index) in order.enumerated() {
                    if offset > 0 { out.append(UInt8(ascii: ",")) }
                    JSON.writeString(members[index].key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    members[index].value.write(to: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    public static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var plain = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<index]))
                writeEscape(byte, to: &out)
                plain = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeEscape(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(0x5C)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(contentsOf: "u00".utf8)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
    }
}
