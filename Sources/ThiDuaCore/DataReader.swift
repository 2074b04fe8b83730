import ThiDuaJSON
import ThiDuaLog

/// Reads an event's data object field by field; fields left unread are refused by `finish`.
struct DataReader {
    private let fields: JSONObject
    /// How many of the fields present have been read; each name is read once.
    private var found = 0
    private var names: [String] = []

    init(_ fields: JSONObject) {
        self.fields = fields
        names.reserveCapacity(8)
    }

    func fail(_ name: String, _ code: ThiDuaError.Code, _ reason: String, hint: String? = nil) -> ThiDuaError {
        ThiDuaError(code: code, field: "data.\(name)", reason: reason, hint: hint)
    }

    mutating func value(_ name: String) -> JSON? {
        names.append(name)
        guard let value = fields[name] else { return nil }
        found += 1
        if case .null = value { return nil }
        return value
    }

    mutating func text(_ name: String) throws(ThiDuaError) -> String? {
        switch value(name) {
        case nil: return nil
        case .string(let text)?: return text
        case let other?: throw fail(name, .wrongType, "expected text, found \(other.kindName)")
        }
    }

    mutating func requiredText(_ name: String) throws(ThiDuaError) -> String {
        guard let text = try text(name), !text.isBlank else {
            throw fail(name, .missingField, "missing or empty")
        }
        return text
    }

    /// A name, title or signatory: required, one line.
    mutating func requiredLine(_ name: String) throws(ThiDuaError) -> String {
        try Text.oneLine(try requiredText(name), field: "data.\(name)")
    }

    /// An optional name or title, one line.
    mutating func line(_ name: String) throws(ThiDuaError) -> String? {
        guard let text = try text(name) else { return nil }
        return try Text.oneLine(text, field: "data.\(name)")
    }

    mutating func code(_ name: String) throws(ThiDuaError) -> String {
        try Text.code(try requiredText(name), field: "data.\(name)")
    }

    mutating func optionalCode(_ name: String) throws(ThiDuaError) -> String? {
        guard let text = try text(name) else { return nil }
        return try Text.code(text, field: "data.\(name)")
    }

    mutating func codes(_ name: String, required: Bool = true) throws(ThiDuaError) -> [String] {
        switch value(name) {
        case nil:
            if required { throw fail(name, .missingField, "missing") }
            return []
        case .array(let elements)?:
            var out: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element else {
                    throw fail("\(name)[\(index)]", .wrongType, "expected a code, found \(element.kindName)")
                }
                out.append(try Text.code(text, field: "data.\(name)[\(index)]"))
            }
            return out
        case let other?: throw fail(name, .wrongType, "expected a list of codes, found \(other.kindName)")
        }
    }

    mutating func texts(_ name: String) throws(ThiDuaError) -> [String] {
        switch value(name) {
        case nil: throw fail(name, .missingField, "missing")
        case .array(let elements)?:
            var out: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element, !text.isBlank else {
                    throw fail("\(name)[\(index)]", .wrongType, "expected non-empty text, found \(element.kindName)")
                }
                out.append(text)
            }
            return out
        case let other?: throw fail(name, .wrongType, "expected a list of texts, found \(other.kindName)")
        }
    }

    /// Largest magnitude of a whole number in event data (seats, ballots, counts, limits, years).
    static let maximumInteger = 1_000_000

    func tooLarge(_ name: String, _ number: CustomStringConvertible) -> ThiDuaError {
        fail(name, .numberTooLarge, "\(String(describing: number).prefix(40)) is beyond ±\(Self.maximumInteger)",
             hint: "whole numbers in event data (seats, ballots, counts, limits) are at most \(Self.maximumInteger)")
    }

    mutating func integer(_ name: String) throws(ThiDuaError) -> Int? {
        switch value(name) {
        case nil: return nil
        case .number(let number)?:
            guard number.scale == 0 else { throw fail(name, .wrongType, "expected a whole number, found \(number)") }
            guard let int = number.intValue, int.magnitude <= Self.maximumInteger else { throw tooLarge(name, number) }
            return int
        case let other?: throw fail(name, .wrongType, "expected a whole number, found \(other.kindName)")
        }
    }

    mutating func requiredInteger(_ name: String) throws(ThiDuaError) -> Int {
        guard let value = try integer(name) else { throw fail(name, .missingField, "missing") }
        return value
    }

    mutating func points(_ name: String) throws(ThiDuaError) -> Points {
        switch value(name) {
        case nil: throw fail(name, .missingField, "missing")
        case .number(let number)?:
            guard let points = Points(number) else {
                throw fail(name, .badPoints, "\(number) is not a number of points",
                           hint: "points have at most 2 decimals and are within ±1000000000, like 18.5 or 17.25")
            }
            return points
        case let other?: throw fail(name, .wrongType, "expected a number, found \(other.kindName)")
        }
    }

    mutating func fraction(_ name: String) throws(ThiDuaError) -> Fraction? {
        switch value(name) {
        case nil: return nil
        case .number(let number)?:
            guard let fraction = Fraction(number), fraction.isProper else {
                throw fail(name, .badFraction, "\(String(describing: number).prefix(40)) is not a fraction between 0 and 1",
                           hint: "write it like 0.5 or \"2/3\", with at most 6 decimals")
            }
            return fraction
        case .string(let text)?:
            guard let fraction = Fraction(text), fraction.isProper else {
                throw fail(name, .badFraction, "\"\(text.prefix(40))\" is not a fraction between 0 and 1",
                           hint: "write it like 0.5 or \"2/3\", with terms of at most \(Fraction.maximumTerm)")
            }
            return fraction
        case let other?: throw fail(name, .wrongType, "expected a fraction, found \(other.kindName)")
        }
    }

    mutating func choice<T: RawRepresentable>(_ name: String, as: T.Type) throws(ThiDuaError) -> T?
    where T.RawValue == String, T: CaseIterable {
        guard let text = try text(name) else { return nil }
        guard let value = T(rawValue: text) else {
            throw fail(name, .badValue, "\"\(text.prefix(40))\" is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    mutating func requiredChoice<T: RawRepresentable>(_ name: String, as type: T.Type) throws(ThiDuaError) -> T
    where T.RawValue == String, T: CaseIterable {
        guard let value = try choice(name, as: type) else { throw fail(name, .missingField, "missing") }
        return value
    }

    mutating func countsByCode(_ name: String) throws(ThiDuaError) -> [String: Int] {
        guard case .object(let object)? = value(name) else {
            throw fail(name, .wrongType, "expected an object of code: count")
        }
        var out: [String: Int] = [:]
        for (key, value) in object {
            _ = try Text.code(key, field: "data.\(name).\(key)")
            guard case .number(let number) = value, number.scale == 0, !number.isNegative else {
                throw fail("\(name).\(key)", .wrongType, "expected a count of 0 or more")
            }
            guard let count = number.intValue, count <= Self.maximumInteger else { throw tooLarge("\(name).\(key)", number) }
            out[key] = count
        }
        return out
    }

    func finish() throws(ThiDuaError) {
        guard found < fields.count else { return }
        if let unknown = fields.keys.sorted().first(where: { !names.contains($0) }) {
            throw fail(unknown, .unknownField, "unknown data field", hint: "see EventLog/EVENTS.md for this type's fields")
        }
    }
}

extension String {
    /// Empty or only white space.
    var isBlank: Bool {
        if let first = utf8.first, first > 0x20, first < 0x80 { return false }
        return trimmingSpaces.isEmpty
    }

    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[first...last])
    }
}
