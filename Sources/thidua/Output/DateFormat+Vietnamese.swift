import ThiDuaLog

/// Dates and times as a Vietnamese reader writes them: `30/03/2018`, `30/03/2018 09:00:00`, at +07:00 whatever
/// offset the text was stored with. In English, and for any text that is not a date, the text as stored.
enum Shown {
    /// Seconds east of UTC of Vietnam's time (UTC+07:00).
    static let vietnamOffset: Int64 = 7 * 3600

    /// A stored instant (`2018-03-30T02:00:00Z`) as `30/03/2018 09:00:00`; a date alone as `30/03/2018`.
    static func moment(_ text: String, _ lang: Lang) -> String {
        switch lang {
        case .en: return text
        case .vi:
            if let date = date(text) { return date }
            guard let stamp = try? Timestamp(parsing: text) else { return text }
            return clock(stamp.microseconds)
        }
    }

    /// `2018-12-25` as `25/12/2018`; nil for any other text.
    static func date(_ text: String) -> String? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) })
        else { return nil }
        let s = String(decoding: b, as: UTF8.self)
        return "\(s.dropFirst(8))/\(s.dropFirst(5).prefix(2))/\(s.prefix(4))"
    }

    /// Microseconds since 1970 UTC as `dd/mm/yyyy HH:mm:ss` at +07:00 (whole seconds).
    static func clock(_ microseconds: Int64) -> String {
        let (seconds, _) = floorDivision(microseconds, 1_000_000)
        let (days, secondOfDay) = floorDivision(seconds + vietnamOffset, 86_400)
        let (year, month, day) = Timestamp.civilFromDays(Int(days))
        return "\(pad(Int64(day)))/\(pad(Int64(month)))/\(pad(Int64(year), 4)) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let (q, r) = value.quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }

    private static func pad(_ value: Int64, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
