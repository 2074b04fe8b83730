/// S + L: the same Ed25519 signature in another, non-canonical spelling (S is little-endian, L the group order),
/// which RFC 8032 refuses; the core's and the tools' tests both forge it.
public enum SignatureArithmetic {
    public static let groupOrder: [UInt8] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
    ]

    public static func addingGroupOrder(toS value: [UInt8]) -> [UInt8] {
        var result = value
        var carry = 0
        for index in 0..<32 {
            let sum = Int(value[32 + index]) + Int(groupOrder[index]) + carry
            result[32 + index] = UInt8(sum & 0xff)
            carry = sum >> 8
        }
        return result
    }
}
