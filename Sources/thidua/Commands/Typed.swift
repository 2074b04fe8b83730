import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// Helpers shared by the typed write commands.
enum Typed {
    /// Builds a proposed event, validating and normalising its fields exactly as a JSON line would be.
    static func event(_ type: EventType, bloc: String, year: Int?, actor: String, occurredAt: String? = nil,
                      data: JSONObject, correlation: String? = nil, id: String? = nil) throws -> ProposedEvent {
        var fields: JSONObject = [
            "type": .string(type.rawValue), "bloc": .string(bloc), "actor": .string(actor), "data": .object(data),
        ]
        if let year { fields["year"] = JSON(year) }
        if let occurredAt { fields["occurredAt"] = .string(occurredAt) }
        if let correlation { fields["correlation"] = .string(correlation) }
        if let id { fields["id"] = .string(id) }
        return try Envelope.parse(object: fields)
    }

    /// `appended position 12: BDTW/2017 v5 score.submitted`, one line per event (up to a screenful).
    static func printAppended(_ report: AppendReport, limit: Int = 20) {
        for outcome in report.outcomes.prefix(limit) {
            let verb = outcome.alreadyRecorded ? "already recorded at" : "appended"
            Console.line("\(verb) position \(outcome.position): \(outcome.stream) v\(outcome.version) \(outcome.type.rawValue)")
        }
        let total = report.appended + report.alreadyRecorded
        if total > limit || report.alreadyRecorded > 0 && total > 1 {
            Console.line("\(report.appended) event(s) appended, \(report.alreadyRecorded) already recorded")
        }
    }
}
