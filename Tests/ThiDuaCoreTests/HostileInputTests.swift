import Foundation
import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// Numbers an adversary writes: beyond 64 bits, beyond every bound, exponents, long fractions.
/// Each of them once trapped somewhere (the short-decimal parser, `Fraction`, seat arithmetic);
/// a trap kills the test process, so a run that finishes proves none of them traps now.
enum Hostile {
    static let numbers = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "9999999999999999999", "-9999999999999999999", "18446744073709551615", "18446744073709551616",
        "99999999999999999999.99", "999999999999999999.9", "0.9999999999999999999", "1234567890123456789",
        "1e400", "-1e400", "1e-400", "1E18", "1e19", "9.223372036854775807e18", "123456789012345678901234567890",
        "1234567890123456789012345678901", "0.000000000000000000000000000001", "1000001", "1000000", "-1000001",
        "-1", "0", "0.5", "2.5", "1e6",
    ]

    static let fractions = [
        "9223372036854775807/9223372036854775807", "9223372036854775806/9223372036854775807", "1/9223372036854775807",
        "9223372036854775808/9223372036854775809", "-9223372036854775808/9223372036854775807", "1000001/1000001",
        "999999/1000001", "0/0", "1/0", "-1/2", "3/2", "1/2/3", "0.1234567", "/", "2/3 ",
    ]
}

@Suite("No traps: numbers beyond 64 bits, fractions and sums (issue 10)")
struct HostileNumberTests {
    @Test("the parser takes any number without trapping and keeps its exact value", arguments: Hostile.numbers)
    func parsesExactlyOrRefuses(text: String) throws {
        for wrapped in [text, "[\(text)]", #"{"a":\#(text)}"#, "[\(text),\(text)]", "-\(text)"] {
            guard let value = try? JSON.parse(wrapped) else { continue }
            #expect(try JSON.parse(value.canonicalText) == value, "\(wrapped)")
        }
        guard case .number(let number)? = try? JSON.parse(text) else { return }
        _ = number.intValue
        _ = number.units(scale: 2)
        _ = number.doubleValue
        _ = Points(number)
        _ = Fraction(number)
    }

    @Test("19 and 20 digit integers, which overflowed the short-decimal mantissa, parse exactly", arguments: [
        "9223372036854775808", "9999999999999999999", "-9223372036854775809", "18446744073709551616", "99999999999999999999.99",
        "1000000000000000000", "999999999999999999.99",
    ])
    func longIntegersAreExact(text: String) throws {
        #expect(try JSON.parse(text).canonicalText == text)
    }

    @Test("18 digits still take the short path and keep their value", arguments: [
        "999999999999999999", "-999999999999999999", "99999999999999999.9", "0.999999999999999999",
    ])
    func eighteenDigits(text: String) throws {
        #expect(try JSON.parse(text).canonicalText == text)
    }

    @Test("integers beyond Int are not whole numbers the domain can use", arguments: [
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e19", "1e29",
    ])
    func intValueIsNilBeyondInt(text: String) throws {
        #expect(try JSON.parse(text).numberValue?.intValue == nil)
    }

    @Test("sums of points saturate instead of trapping", arguments: [
        (Int64.max, 1), (Int64.max, Int64.max), (Int64.min, -1), (Int64.min, Int64.min), (1, Int64.max), (-5, Int64.min),
    ] as [(Int64, Int64)])
    func pointsSaturate(a: Int64, b: Int64) {
        let sum = Points(hundredths: a) + Points(hundredths: b)
        let difference = Points(hundredths: a) - Points(hundredths: b)
        let exactSum = a.addingReportingOverflow(b)
        let exactDifference = a.subtractingReportingOverflow(b)
        #expect(sum.hundredths == (exactSum.overflow ? (b < 0 ? .min : .max) : exactSum.partialValue))
        #expect(difference.hundredths == (exactDifference.overflow ? (b < 0 ? .max : .min) : exactDifference.partialValue))
    }

    @Test("fraction comparisons are exact with terms up to Int64.max", arguments: [
        (Int64.max, Int64.max, Int.max, Int.max, true, false),
        (Int64.max, Int64.max, Int.max - 1, Int.max, false, false),
        (Int64.max - 1, Int64.max, Int.max, Int.max, true, true),
        (1, 2, Int.max / 2 + 1, Int.max, true, true),
        (1, 2, Int.max / 2, Int.max, false, false),
        (2, 3, 0, 0, true, false),
        (0, 1, 0, Int.max, true, false),
        (1, Int64.max, 1, Int.max, true, false),
        (Int64.max, 1, Int.max, 1, true, false),
        (Int64.max, 1, Int.min, 1, false, false),
    ] as [(Int64, Int64, Int, Int, Bool, Bool)])
    func fractionComparisons(numerator: Int64, denominator: Int64, count: Int, total: Int, reached: Bool, exceeded: Bool) {
        let fraction = Fraction(numerator, denominator)
        #expect(fraction.isReached(by: count, of: total) == reached)
        #expect(fraction.isExceeded(by: count, of: total) == exceeded)
    }

    @Test("fraction comparisons agree with plain arithmetic where it cannot overflow")
    func fractionComparisonsMatchSmallArithmetic() {
        var random = SeededRandom(state: 10)
        for _ in 0..<2_000 {
            let d = Int64.random(in: 1...1_000_000, using: &random), n = Int64.random(in: 0...d, using: &random)
            let count = Int.random(in: -1_000...1_000_000, using: &random), total = Int.random(in: 0...1_000_000, using: &random)
            let fraction = Fraction(n, d)
            #expect(fraction.isReached(by: count, of: total) == (Int64(count) * d >= n * Int64(total)))
            #expect(fraction.isExceeded(by: count, of: total) == (Int64(count) * d > n * Int64(total)))
        }
    }

    @Test("UTC timestamps at the ends of Int64 do not trap", arguments: [Int64.min, Int64.min + 1, -1, 0, 1, Int64.max - 1, Int64.max])
    func extremeTimestamps(microseconds: Int64) {
        let stamp = Timestamp(utcMicroseconds: microseconds)
        #expect(stamp.microseconds == microseconds)
        #expect(stamp.text.hasSuffix("Z"))
    }

    @Test func utcTimestampsStillFormatAsBefore() {
        #expect(Timestamp(utcMicroseconds: 0).text == "1970-01-01T00:00:00.000000Z")
        #expect(Timestamp(utcMicroseconds: -1).text == "1969-12-31T23:59:59.999999Z")
        #expect(Timestamp(utcMicroseconds: 1_515_546_000_123_456).text == "2018-01-10T01:00:00.123456Z")
    }
}

@Suite("No traps: every integer and fraction of event data is bounded at input (issue 10)")
struct HostileFieldTests {
    /// Event data with `VALUE` where a hostile number goes, and the field it lands in.
    static let intFields: [(type: String, actor: String, data: String, field: String)] = [
        ("election.opened", "A", #"{"election":"E","office":"deputy","seats":VALUE,"candidates":["A","B"]}"#, "data.seats"),
        ("ballots.tallied", "A", #"{"election":"S","ballots":VALUE,"counts":{}}"#, "data.ballots"),
        ("ballots.tallied", "A", #"{"election":"S","ballots":3,"invalid":VALUE,"counts":{}}"#, "data.invalid"),
        ("ballots.tallied", "A", #"{"election":"S","ballots":3,"counts":{"A":VALUE}}"#, "data.counts.A"),
    ]

    static let blocFields: [(data: String, field: String)] = [
        (#"{"fromYear":VALUE}"#, "data.fromYear"),
        (#"{"fromYear":2017,"flagLimit":VALUE}"#, "data.flagLimit"),
        (#"{"fromYear":2017,"certificateLimit":VALUE}"#, "data.certificateLimit"),
        (#"{"fromYear":2017,"quorum":VALUE}"#, "data.quorum"),
        (#"{"fromYear":2017,"majority":VALUE}"#, "data.majority"),
    ]

    static func withSecretElection() throws -> Fixture {
        var f = try Fixture.opened()
        try f.record("election.opened", as: "A", #"{"election":"S","office":"deputy","seats":2,"candidates":["A","B","C"],"method":"secret"}"#)
        return f
    }

    @Test("a year event's whole numbers are refused beyond their bounds, naming the field",
          arguments: Hostile.numbers, 0..<intFields.count)
    func yearIntegers(value: String, index: Int) throws {
        let (type, actor, data, field) = Self.intFields[index]
        var f = try Self.withSecretElection()
        let error = f.refusal(type, as: actor, data.replacingOccurrences(of: "VALUE", with: value))
        guard let number = try? JSON.parse(value).numberValue else {
            #expect(error?.code == .malformedJson, "\(value) in \(field)")
            return
        }
        if number.scale > 0 {
            #expect(error?.code == .wrongType && error?.field == field, "\(value) in \(field): \(String(describing: error))")
        } else if let int = number.intValue, int.magnitude <= 1_000_000 {
            if let error { #expect(error.code.rawValue != "unexpected", "\(value) in \(field): \(error)") }
        } else {
            #expect(error?.field == field, "\(value) in \(field): \(String(describing: error))")
            #expect(error?.code == .numberTooLarge || number.isNegative && error?.code == .wrongType,
                    "\(value) in \(field): \(String(describing: error))")
        }
    }

    @Test("a bloc event's numbers and fractions are refused beyond their bounds",
          arguments: Hostile.numbers + Hostile.fractions.map { "\"\($0)\"" }, 0..<blocFields.count)
    func blocNumbers(value: String, index: Int) throws {
        let (data, field) = Self.blocFields[index]
        var f = try Fixture.opened()
        if let error = f.refusal("rules.adopted", year: nil, data.replacingOccurrences(of: "VALUE", with: value)) {
            #expect(error.field == field || (try? JSON.parse(value)) == nil && error.code == .malformedJson, "\(value): \(error)")
        } else {
            let rules = f.ledger.bloc("BDTW").rules(forYear: 2017)
            for fraction in [rules.quorum, rules.majority] {
                #expect(fraction.isProper && fraction.denominator <= Fraction.maximumTerm, "\(value) accepted as \(fraction)")
            }
        }
    }

    @Test("the issue's quorum is refused, and so is any term beyond a million", arguments: [
        "9223372036854775807/9223372036854775807", "1000001/1000001", "1/1000001", "0.1234567",
    ])
    func hugeFractionRefused(text: String) throws {
        var f = try Fixture.opened()
        let error = f.refusal("rules.adopted", year: nil, #"{"fromYear":2017,"quorum":"\#(text)"}"#)
        #expect(error?.code == .badFraction)
        #expect(error?.field == "data.quorum")
        #expect(error?.hint != nil)
    }

    @Test("fractions with terms up to a million are still accepted", arguments: ["1000000/1000000", "2/3", "999999/1000000", "0.000001"])
    func boundedFractionsAccepted(text: String) throws {
        var f = try Fixture.opened()
        let refusal = f.refusal("rules.adopted", year: nil, #"{"fromYear":2017,"quorum":"\#(text)"}"#)
        #expect(refusal == nil)
    }

    @Test("seats cannot exceed the candidates", arguments: [
        (#"["A","B"]"#, 3), (#"["A"]"#, 2), (#"["A","B","C"]"#, 1_000_000),
    ])
    func seatsBoundedByCandidates(candidates: String, seats: Int) throws {
        var f = try Fixture.opened()
        let error = f.refusal("election.opened", as: "A", #"{"election":"E","office":"deputy","seats":\#(seats),"candidates":\#(candidates)}"#)
        #expect(error?.code == .badSeats)
        #expect(error?.field == "data.seats")
    }

    @Test func theIssuesSeatsAreRefusedWithAClearError() throws {
        var f = try Fixture.opened()
        let refusal = f.refusal("election.opened", as: "A", #"{"election":"E","office":"deputy","seats":9223372036854775807,"candidates":["A","B"]}"#)
        let error = try #require(refusal)
        #expect(error.code == .numberTooLarge)
        #expect(error.field == "data.seats")
        #expect(error.description.contains("9223372036854775807 is beyond ±1000000"))
    }

    @Test("an envelope's numbers are refused, never trapped on", arguments: Hostile.numbers)
    func envelopeNumbers(value: String) {
        let lines = [
            #"{"type":"score.submitted","bloc":"BDTW","year":\#(value),"actor":"A","data":{}}"#,
            #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"A","expectedVersion":\#(value),"data":{}}"#,
            #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"A","position":\#(value),"schema":\#(value),"data":{}}"#,
            #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"A","data":{"member":"A","criterion":"1.1","points":\#(value)}}"#,
        ]
        for line in lines {
            do {
                _ = try Envelope.parse(line: Array(line.utf8))
            } catch {
                #expect(!error.code.rawValue.isEmpty)
            }
        }
    }

    @Test("points beyond the bound are refused as points", arguments: ["9223372036854775808", "99999999999999999999.99", "1e400", "1000000001"])
    func hugePoints(value: String) throws {
        var f = try Fixture.opened()
        let error = f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":\#(value)}"#)
        #expect(error?.code == .badPoints || error?.code == .malformedJson)
    }
}
