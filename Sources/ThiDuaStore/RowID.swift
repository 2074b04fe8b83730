/// An id as a set member: a lowercase UUID as 128 bits, any other text as itself.
package enum RowID: Hashable, Sendable {
    case uuid(UInt64, UInt64)
    case text(String)

    init(_ id: String) {
        var high: UInt64 = 0, low: UInt64 = 0, digits = 0
        for (index, byte) in id.utf8.enumerated() {
            let nibble: UInt64
            switch byte {
            case UInt8(ascii: "-") where index == 8 || index == 13 || index == 18 || index == 23: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index != 8 && index != 13 && index != 18 && index != 23:
                nibble = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where index != 8 && index != 13 && index != 18 && index != 23:
                nibble = UInt64(byte - UInt8(ascii: "a") + 10)
            default: self = .text(id); return
            }
            if digits < 16 { high = high << 4 | nibble } else { low = low << 4 | nibble }
            digits += 1
        }
        self = digits == 32 && id.utf8.count == 36 ? .uuid(high, low) : .text(id)
    }
}

/// The ids seen so far. UUIDs (nearly every id) go into an open-addressing table of their 128 bits, hashed by one
/// multiplication: a `Set` would seed and run a full hasher per id on the one thread every row passes through.
struct IDSet {
    private var table = [(UInt64, UInt64)](repeating: (0, 0), count: 1 << 16)
    private var shift = 64 - 16
    private var count = 0
    private var zero = false
    private var others = Set<String>()

    /// False when `id` was already in the set.
    mutating func insert(_ id: RowID) -> Bool {
        switch id {
        case .text(let text): return others.insert(text).inserted
        case .uuid(0, 0):
            defer { zero = true }
            return !zero
        case .uuid(let high, let low):
            if 2 * (count + 1) > table.count { grow() }
            return place(high, low)
        }
    }

    private mutating func place(_ high: UInt64, _ low: UInt64) -> Bool {
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: (((high &* 0x9E37_79B9_7F4A_7C15) ^ low) &* 0xBF58_476D_1CE4_E5B9) >> UInt64(shift))
        while true {
            let slot = table[index]
            if slot == (0, 0) {
                table[index] = (high, low)
                count += 1
                return true
            }
            if slot == (high, low) { return false }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = table
        table = [(UInt64, UInt64)](repeating: (0, 0), count: old.count * 2)
        shift -= 1
        count = 0
        for slot in old where slot != (0, 0) { _ = place(slot.0, slot.1) }
    }
}
