/// An instant written in ISO 8601 with an explicit UTC offset, e.g. `2018-01-10T08:00:00+07:00`.
/// Equal, ordered and hashed by instant, so `08:00:00+07:00` equals `01:00:00Z`; the text as written is kept
/// in `text` for what is stored and hashed into the chain.
public struct Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public let microseconds: Int64
    /// The text as written (validated), kept so the offset the user gave is preserved.
    public let text: String

    public var description: String { text }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds == rhs.microseconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(microseconds) }

    /// Why a text is not a timestamp.
    public struct FormatError: Error, Sendable {
        public let reason: String
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; an offset is required.
    public init(parsing text: String) throws(FormatError) {
        var bytes = text
        let parsed = bytes.withUTF8 { b in Result { () throws(FormatError) -> Int64 in try Self.microseconds(of: b) } }
        self.microseconds = try parsed.get()
        self.text = text
    }

    /// The instant the bytes of a timestamp name, read in place (no copy: the log's stored times are read this way).
    static func microseconds(of b: UnsafeBufferPointer<UInt8>) throws(FormatError) -> Int64 {
        var text: String { String(decoding: b, as: UTF8.self) }
        func digits(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var value = 0
            for i in at..<at + count {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        let example = "write it like 2018-01-10T08:00:00+07:00"
        guard b.count >= 19, let year = digits(0, 4), b[4] == 0x2D, let month = digits(5, 2), b[7] == 0x2D,
              let day = digits(8, 2), b[10] == UInt8(ascii: "T"), let hour = digits(11, 2), b[13] == 0x3A,
              let minute = digits(14, 2), b[16] == 0x3A, let second = digits(17, 2)
        else { throw FormatError(reason: "\"\(text)\" is not an ISO 8601 date-time; \(example)") }
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { throw FormatError(reason: "\"\(text)\" is not a real date and time") }
        var i = 19
        var micros = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var count = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if count < 6 { micros = micros * 10 + Int(b[i] - 48) }
                count += 1; i += 1
            }
            guard count > 0, count <= 9 else { throw FormatError(reason: "\"\(text)\" has a malformed fraction of a second") }
            for _ in min(count, 6)..<6 { micros *= 10 }
        }
        var offsetMinutes = 0
        if i == b.count {
            throw FormatError(reason: "\"\(text)\" has no UTC offset; \(example)")
        } else if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
            offsetMinutes = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == b.count,
                  let oh = digits(i + 1, 2), b[i + 3] == 0x3A, let om = digits(i + 4, 2), oh <= 14, om < 60 {
            offsetMinutes = (oh * 60 + om) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            throw FormatError(reason: "\"\(text)\" has a malformed UTC offset; \(example)")
        }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1_000_000 + Int64(micros)
    }

    init(microseconds: Int64, text: String) {
        self.microseconds = microseconds
        self.text = text
    }

    /// A UTC timestamp with microseconds, as the store writes `recordedAt`.
    public init(utcMicroseconds: Int64) {
        self.microseconds = utcMicroseconds
        // Floor divisions by quotient and remainder: no intermediate can overflow, even at Int64.min.
        let (seconds, micros) = Self.floorDivision(utcMicroseconds, 1_000_000)
        let (days, secondOfDay) = Self.floorDivision(Int64(seconds), 86_400)
        let (year, month, day) = Self.civilFromDays(days)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        self.text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)).\(pad(micros, 6))Z"
    }

    /// `(⌊value / divisor⌋, value mod divisor)` for a positive divisor, the remainder in `0..<divisor`.
    static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int, Int) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (Int(quotient - 1), Int(remainder + divisor)) : (Int(quotient), Int(remainder))
    }

    /// A bound for queries: a full timestamp, or a date alone meaning the end of that day at +07:00.
    public init(bound text: String) throws(FormatError) {
        if text.utf8.count == 10 {
            do {
                let start = try Timestamp(parsing: text + "T00:00:00+07:00")
                self.microseconds = start.microseconds + 86_400 * 1_000_000 - 1
                self.text = text + "T23:59:59.999999+07:00"
                return
            } catch {
                throw FormatError(reason: "\"\(text)\" is not a date; write it like 2018-03-30")
            }
        }
        self = try Timestamp(parsing: text)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
