import ThiDuaJSON

/// Points with at most two decimals, held exactly in hundredths (never `97.29999`).
public struct Points: Hashable, Comparable, Sendable, CustomStringConvertible, AdditiveArithmetic {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    /// Nil when the number has more than two decimals or is beyond a billion points.
    public init?(_ number: JSONNumber) {
        guard let units = number.units(scale: 2), units.magnitude <= 100_000_000_000 else { return nil }
        hundredths = units
    }

    public init?(_ text: String) {
        guard case .number(let number)? = try? JSON.parse(text) else { return nil }
        self.init(number)
    }

    public static let zero = Points(hundredths: 0)
    /// Sums saturate instead of trapping: a log would need ~10^8 scores at the maximum to reach the bound.
    public static func + (a: Points, b: Points) -> Points {
        let (sum, overflow) = a.hundredths.addingReportingOverflow(b.hundredths)
        return Points(hundredths: overflow ? (b.hundredths < 0 ? .min : .max) : sum)
    }
    public static func - (a: Points, b: Points) -> Points {
        let (difference, overflow) = a.hundredths.subtractingReportingOverflow(b.hundredths)
        return Points(hundredths: overflow ? (b.hundredths < 0 ? .max : .min) : difference)
    }
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }

    public var json: JSON { .number(JSONNumber(units: hundredths, scale: 2)) }
    /// `97.5`, `98`, `17.25`.
    public var description: String { JSONNumber(units: hundredths, scale: 2).description }
}

/// An exact ratio such as a majority of 1/2 or a quorum of 2/3.
public struct Fraction: Hashable, Sendable, CustomStringConvertible {
    public var numerator: Int64
    public var denominator: Int64

    /// Largest numerator or denominator accepted from input.
    public static let maximumTerm: Int64 = 1_000_000

    public init(_ numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    init?(_ number: JSONNumber) {
        guard number.scale <= 6, let units = number.units(scale: number.scale) else { return nil }
        var denominator: Int64 = 1
        for _ in 0..<number.scale { denominator *= 10 }
        self.init(units, denominator)
    }

    init?(_ text: String) {
        let parts = text.split(separator: "/")
        if parts.count == 2, let n = Int64(parts[0]), let d = Int64(parts[1]), d > 0 {
            self.init(n, d)
        } else if case .number(let number)? = try? JSON.parse(text) {
            self.init(number)
        } else {
            return nil
        }
    }

    /// Between 0 and 1, with terms no larger than `maximumTerm`.
    var isProper: Bool { numerator >= 0 && denominator > 0 && numerator <= denominator && denominator <= Self.maximumTerm }

    /// Whether `count > self × total`, exactly, whatever the sizes of the terms.
    public func isExceeded(by count: Int, of total: Int) -> Bool {
        Self.compare(Int64(count), denominator, numerator, Int64(total)) > 0
    }

    /// Whether `count >= self × total`, exactly, whatever the sizes of the terms.
    public func isReached(by count: Int, of total: Int) -> Bool {
        Self.compare(Int64(count), denominator, numerator, Int64(total)) >= 0
    }

    /// The sign of `a × b − c × d`, computed on 128-bit products so that nothing overflows.
    static func compare(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
        let left = a.multipliedFullWidth(by: b), right = c.multipliedFullWidth(by: d)
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
