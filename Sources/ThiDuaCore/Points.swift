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
    public static func + (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths + b.hundredths) }
    public static func - (a: Points, b: Points) -> Points { Points(hundredths: a.hundredths - b.hundredths) }
    public static func < (a: Points, b: Points) -> Bool { a.hundredths < b.hundredths }

    public var json: JSON { .number(JSONNumber(units: hundredths, scale: 2)) }
    /// `97.5`, `98`, `17.25`.
    public var description: String { JSONNumber(units: hundredths, scale: 2).description }
}

/// An exact ratio such as a majority of 1/2 or a quorum of 2/3.
public struct Fraction: Hashable, Sendable, CustomStringConvertible {
    public var numerator: Int64
    public var denominator: Int64

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

    var isProper: Bool { numerator >= 0 && denominator > 0 && numerator <= denominator }

    /// Whether `count > self × total`, exactly.
    public func isExceeded(by count: Int, of total: Int) -> Bool {
        Int64(count) * denominator > numerator * Int64(total)
    }

    /// Whether `count >= self × total`, exactly.
    public func isReached(by count: Int, of total: Int) -> Bool {
        Int64(count) * denominator >= numerator * Int64(total)
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
