import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// Writes acting on a server: the events built and signed exactly as locally, posted to `POST /v1/events`.
enum RemoteWrite {
    struct Appended {
        var position: Int64
        var stream: String
        var version: Int64
    }

    /// Posts `events` (each at its input line, so the server's refusal names the same line as a local append would)
    /// and prints what was appended as `Typed.printAppended` does.
    @discardableResult
    static func post(_ events: [(line: Int, event: ProposedEvent)], to server: RemoteServer, _ lang: Lang,
                     limit: Int = 20) throws -> (appended: [Appended], alreadyRecorded: Int) {
        var lines: [String] = []
        for (line, event) in events {
            while lines.count < line - 1 { lines.append("") }
            lines.append(event.inputJSON().canonicalText)
        }
        let answer = try server.postEvents(lines)
        guard let fields = answer.objectValue, let rows = fields["appended"]?.arrayValue,
              let already = fields["alreadyRecorded"]?.numberValue?.intValue else {
            throw CLIError.rejected("the server at \(server.written) answered the append with a document this thidua cannot read")
        }
        let appended = rows.compactMap { row -> Appended? in
            guard let r = row.objectValue, let position = r["position"]?.numberValue?.intValue, let stream = r["stream"]?.stringValue,
                  let version = r["version"]?.numberValue?.intValue else { return nil }
            return Appended(position: Int64(position), stream: stream, version: Int64(version))
        }
        let types = Dictionary(events.compactMap { e in e.event.id.map { ($0, e.event.type) } }, uniquingKeysWith: { first, _ in first })
        for (row, a) in zip(rows, appended).prefix(limit) {
            let type = row.objectValue?["id"]?.stringValue.flatMap { types[$0] } ?? (events.count == 1 ? events.first?.event.type : nil)
            let event = "\(a.stream) v\(a.version)" + (type.map { " \($0.rawValue)" } ?? "")
            Console.line(Phrase.appended(position: a.position, event: event, already: false, lang))
        }
        let total = appended.count + already
        if total > limit || already > 0 && (total > 1 || appended.isEmpty) {
            Console.line(Phrase.appendedCount(appended.count, alreadyRecorded: already, lang))
        }
        return (appended, already)
    }

    /// A typed write on a server: posted, then described as locally, against the year's state the server now holds.
    static func append(_ proposed: ProposedEvent, to server: RemoteServer, year: Int?, _ lang: Lang) throws {
        let done = try post([(1, proposed)], to: server, lang)
        guard !done.appended.isEmpty else { return }
        var data = proposed.dataText
        let payload = try data.withUTF8 { bytes throws(ThiDuaError) in
            try DomainEvent(logged: proposed.type.rawValue, schema: proposed.schema, actor: proposed.actor, data: bytes).payload
        }
        let state = try year.flatMap { try RemoteState(server, bloc: proposed.bloc, year: $0).year?.state }
        Console.line(Visible.escaped(state.map { Effect.describe(payload, in: $0, lang) } ?? Summary.of(payload, lang)))
    }

    /// The bloc a write means on a server: the one given, else the only one the server's log holds.
    static func bloc(_ given: String?, _ server: RemoteServer) throws -> String {
        if let given { return given }
        return try RemoteState(server, bloc: nil, year: nil, yearState: false).bloc
    }
}
