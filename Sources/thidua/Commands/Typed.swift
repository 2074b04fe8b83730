import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// Helpers shared by the typed write commands.
enum Typed {
    /// Builds a proposed event, validating and normalising its fields exactly as a JSON line would be.
    static func event(_ type: EventType, bloc: String, year: Int?, actor: String, occurredAt: String? = nil,
                      data: JSONObject, correlation: String? = nil, id: String? = nil,
                      schema: Int = EventType.currentSchema) throws -> ProposedEvent {
        var fields: JSONObject = [
            "type": .string(type.rawValue), "bloc": .string(bloc), "actor": .string(actor), "data": .object(data),
        ]
        if let year { fields["year"] = JSON(year) }
        if let occurredAt { fields["occurredAt"] = .string(Self.noonIfDate(occurredAt)) }
        if let correlation { fields["correlation"] = .string(correlation) }
        if let id { fields["id"] = .string(id) }
        if schema != EventType.currentSchema { fields["schema"] = JSON(schema) }
        return try Envelope.parse(object: fields)
    }

    /// A date as people in Vietnam write it, `30/3/2018` or `30/03/2018` (dd/mm/yyyy), as `2018-03-30`; other text as it is.
    static func isoDate(_ text: String) -> String {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return text }
        let pad = { (part: Substring) in part.count == 1 ? "0" + part : String(part) }
        return "\(parts[2])-\(pad(parts[1]))-\(pad(parts[0]))"
    }

    /// A date alone (YYYY-MM-DD or dd/mm/yyyy) means 12:00 +07:00 that day; anything else is left for the envelope to check.
    static func noonIfDate(_ written: String) -> String {
        let text = isoDate(written)
        let bytes = Array(text.utf8)
        let isDate = bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
        return isDate ? text + "T12:00:00+07:00" : text
    }

    /// `đã ghi vị trí 12: BDTW/2017 v5 score.submitted` (`appended position 12: …`), one line per event (up to a screenful).
    static func printAppended(_ report: AppendReport, _ lang: Lang, limit: Int = 20) {
        printAppended(report.outcomes.prefix(limit).map { ($0.position, "\($0.stream) v\($0.version) \($0.type.rawValue)", $0.alreadyRecorded) },
                      appended: report.appended, alreadyRecorded: report.alreadyRecorded, lang, limit: limit)
    }

    /// The same for outcomes told by a server, whose text is shown, never obeyed, by the terminal. An import keeps the
    /// outcomes of its first lines only, so the counts come apart.
    static func printAppended(_ outcomes: [(position: Int64, event: String, alreadyRecorded: Bool)], appended: Int, alreadyRecorded: Int,
                              _ lang: Lang, limit: Int = 20) {
        for outcome in outcomes.prefix(limit) {
            Console.line(Visible.escaped(Phrase.appended(position: outcome.position, event: outcome.event, already: outcome.alreadyRecorded, lang)))
        }
        let total = appended + alreadyRecorded
        if total > limit || alreadyRecorded > 0 && total > 1 {
            Console.line(Phrase.appendedCount(appended, alreadyRecorded: alreadyRecorded, lang))
        }
    }
}
