/// An exact decimal number in canonical form: no exponent, no trailing fractional zeros, no `-0`.
public struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// Digits without a decimal point, no leading zeros (`"0"` for zero).
    public let digits: String
    /// How many of the digits are fractional.
    public let scale: Int
    public let isNegative: Bool

    /// Largest count of significant digits accepted.
    static let maximumDigits = 30

    public init(_ value: Int) {
        isNegative = value < 0
        digits = String(value.magnitude)
        scale = 0
    }

    /// Scaled integer: `JSONNumber(units: 1850, scale: 2)` is 18.5.
    public init(units: Int64, scale: Int) {
        var magnitude = units.magnitude
        var scale = scale
        while scale > 0, magnitude % 10 == 0 {
            magnitude /= 10
            scale -= 1
        }
        if magnitude == 0 { scale = 0 }
        self.digits = String(magnitude)
        self.scale = scale
        self.isNegative = units < 0 && magnitude != 0
    }

    /// Builds from an integer digit string times 10^exponent; nil when out of range.
    init?(negative: Bool, integerDigits: String, exponent: Int) {
        var chars = Array(integerDigits.utf8.drop { $0 == UInt8(ascii: "0") })
        var exponent = exponent
        while exponent < 0, let last = chars.last, last == UInt8(ascii: "0") {
            chars.removeLast()
            exponent += 1
        }
        if chars.isEmpty {
            self.digits = "0"; self.scale = 0; self.isNegative = false
            return
        }
        if exponent > 0 {
            chars.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
            exponent = 0
        }
        guard chars.count <= Self.maximumDigits, -exponent <= Self.maximumDigits else { return nil }
        self.digits = String(decoding: chars, as: UTF8.self)
        self.scale = -exponent
        self.isNegative = negative
    }

    public var description: String {
        var text = isNegative ? "-" : ""
        if scale == 0 { return text + digits }
        let padded = digits.count <= scale
            ? String(repeating: "0", count: scale - digits.count + 1) + digits
            : digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        text += padded[..<cut] + "." + padded[cut...]
        return text
    }

    /// Writes `description`'s bytes without building the string.
    func write(to out: inout [UInt8]) {
        if isNegative { out.append(UInt8(ascii: "-")) }
        var digits = digits
        digits.withUTF8 { digits in
            let whole = digits.count - scale
            if whole <= 0 {
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -whole))
                out.append(contentsOf: digits)
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<whole]))
                if scale > 0 {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[whole...]))
                }
            }
        }
    }

    /// The value as an integer, when it is one and fits.
    public var intValue: Int? {
        guard scale == 0, let magnitude = Int(digits) else { return nil }
        return isNegative ? -magnitude : magnitude
    }

    /// The value in units of 10^-`scale`, when it has at most that many fractional digits and fits.
    public func units(scale wanted: Int) -> Int64? {
        guard self.scale <= wanted, digits.count + (wanted - self.scale) <= 18,
              let raw = Int64(digits) else { return nil }
        var value = raw
        for _ in 0..<(wanted - self.scale) { value *= 10 }
        return isNegative ? -value : value
    }

    public var doubleValue: Double { Double(description) ?? .nan }
}
