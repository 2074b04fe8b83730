import ThiDuaCore
import ThiDuaLog

/// Numbers, dates and times as a Vietnamese reader writes them: `95,75`, `30/03/2018`, `30/03/2018 09:00:00` at
/// +07:00 whatever offset the text was stored with. The terminal tables and the year report share these.
public enum VietnameseFormat {
    /// Seconds east of UTC of Vietnam's time (UTC+07:00).
    public static let vietnamOffset: Int64 = 7 * 3600

    /// `95,75`: the exact decimal text with a decimal comma, never a Double.
    public static func points(_ points: Points) -> String {
        String(decoding: points.description.utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    /// A stored instant (`2018-03-30T02:00:00Z`) as `30/03/2018 09:00:00`; a date alone as `30/03/2018`; any other
    /// text as it is.
    public static func moment(_ text: String) -> String {
        if let date = date(text) { return date }
        guard let stamp = try? Timestamp(parsing: text) else { return text }
        return clock(stamp.microseconds)
    }

    /// A stored instant as its day at +07:00 (`30/03/2018`); any other text as `moment` shows it.
    public static func day(_ text: String) -> String {
        if let date = date(text) { return date }
        guard let stamp = try? Timestamp(parsing: text) else { return text }
        return String(clock(stamp.microseconds).prefix(10))
    }

    /// `2018-12-25` as `25/12/2018`; nil for any other text.
    public static func date(_ text: String) -> String? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) })
        else { return nil }
        let s = String(decoding: b, as: UTF8.self)
        return "\(s.dropFirst(8))/\(s.dropFirst(5).prefix(2))/\(s.prefix(4))"
    }

    /// Microseconds since 1970 UTC as `dd/mm/yyyy HH:mm:ss` at +07:00 (whole seconds).
    public static func clock(_ microseconds: Int64) -> String {
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
