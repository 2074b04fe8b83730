import ThiDuaCore
import ThiDuaLog

/// Which events a read returns; every condition given must hold.
package struct EventFilter: Sendable {
    /// A code as a filter takes it, typed in any letter case: a member, criterion or election code upper-cased,
    /// `secretariat` in any case the secretariat.
    package static func code(_ text: String) -> String {
        text.lowercased() == Text.secretariat ? Text.secretariat : text.uppercased()
    }

    package var bloc: String?
    package var year: Int?
    package var types: [String] = []
    package var actor: String?
    /// Events about this member: its own acts and those whose data names it.
    package var member: String?
    package var criterion: String?
    /// Events of this election: its opening, votes, voids, tally, close and the awards it backs.
    package var election: String?
    /// Events carrying exactly this correlation (e.g. the minutes' number).
    package var correlation: String?
    package var fromPosition: Int64?
    package var toPosition: Int64?
    /// Valid-time bounds (occurredAt), inclusive.
    package var occurredFrom: Timestamp?
    package var occurredTo: Timestamp?
    /// System-time bounds (recordedAt), inclusive.
    package var recordedFrom: Timestamp?
    package var recordedTo: Timestamp?

    package init() {}

    /// The SQL condition and its arguments.
    var sql: (condition: String, arguments: [(any Sendable)?]) {
        var clauses: [String] = []
        var arguments: [(any Sendable)?] = []
        if let bloc, let year {
            clauses.append("stream = ?"); arguments.append("\(bloc)/\(year)")
        } else if let bloc {
            // Exactly the bloc's streams: `BLOC` and `BLOC/…`, the text range between "BLOC/" and "BLOC0" ('0' follows '/').
            // Not LIKE, whose '_' would match any character of another bloc's code.
            clauses.append("(stream = ? OR (stream > ? AND stream < ?))")
            arguments.append(contentsOf: [bloc, "\(bloc)/", "\(bloc)0"])
        } else if let year {
            clauses.append("stream LIKE ?"); arguments.append("%/\(year)")
        }
        if !types.isEmpty {
            clauses.append("type IN (\(types.map { _ in "?" }.joined(separator: ",")))"); arguments.append(contentsOf: types)
        }
        if let actor { clauses.append("actor = ?"); arguments.append(actor) }
        if let member {
            clauses.append("""
                (actor = ? OR json_extract(data, '$.member') = ? OR json_extract(data, '$.voter') = ?
                 OR (type LIKE 'member.%' AND json_extract(data, '$.code') = ?))
                """)
            arguments.append(contentsOf: [member, member, member, member])
        }
        if let criterion {
            clauses.append("(json_extract(data, '$.criterion') = ? OR (type LIKE 'criterion.%' AND json_extract(data, '$.code') = ?))")
            arguments.append(contentsOf: [criterion, criterion])
        }
        if let election { clauses.append("json_extract(data, '$.election') = ?"); arguments.append(election) }
        if let correlation { clauses.append("correlation = ?"); arguments.append(correlation) }
        if let fromPosition { clauses.append("position >= ?"); arguments.append(fromPosition) }
        if let toPosition { clauses.append("position <= ?"); arguments.append(toPosition) }
        let condition = clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
        return (condition, arguments)
    }

    /// Time bounds compare instants, so they are checked on each row rather than as text in SQL.
    func admits(occurredAt: String, recordedAt: String) -> Bool {
        if occurredFrom != nil || occurredTo != nil {
            guard let stamp = try? Timestamp(parsing: occurredAt) else { return false }
            if let occurredFrom, stamp < occurredFrom { return false }
            if let occurredTo, occurredTo < stamp { return false }
        }
        if recordedFrom != nil || recordedTo != nil {
            guard let stamp = try? Timestamp(parsing: recordedAt) else { return false }
            if let recordedFrom, stamp < recordedFrom { return false }
            if let recordedTo, recordedTo < stamp { return false }
        }
        return true
    }
}
