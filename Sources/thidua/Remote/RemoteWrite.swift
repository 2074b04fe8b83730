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
        let unreadable = CLIError.rejected("the server at \(server.written) answered the append with a document this thidua cannot read; are both the same version?")
        guard let rows = answer.objectValue?["events"]?.arrayValue else { throw unreadable }
        var outcomes: [(placed: Appended, type: String, already: Bool)] = []
        for row in rows {
            guard let r = row.objectValue, let position = r["position"]?.numberValue?.intValue, let stream = r["stream"]?.stringValue,
                  let version = r["version"]?.numberValue?.intValue, let type = r["type"]?.stringValue,
                  case .bool(let already)? = r["alreadyRecorded"] else { throw unreadable }
            outcomes.append((Appended(position: Int64(position), stream: stream, version: Int64(version)), type, already))
        }
        // As `Typed.printAppended` prints a local append's outcomes (what a server sends shown, never obeyed, by the terminal).
        for outcome in outcomes.prefix(limit) {
            let event = "\(outcome.placed.stream) v\(outcome.placed.version) \(outcome.type)"
            Console.line(Visible.escaped(Phrase.appended(position: outcome.placed.position, event: event, already: outcome.already, lang)))
        }
        let appended = outcomes.filter { !$0.already }.map(\.placed)
        let already = outcomes.count - appended.count
        if outcomes.count > limit || already > 0 && outcomes.count > 1 {
            Console.line(Phrase.appendedCount(appended.count, alreadyRecorded: already, lang))
        }
        return (appended, already)
    }

    /// The head of the server's log (`GET /v1/digest`), as `thidua append` prints it after an import.
    static func printHead(_ server: RemoteServer, _ lang: Lang) throws {
        let document = try server.json("/v1/digest")
        guard let f = document.objectValue, let position = f["position"]?.numberValue?.intValue, let hash = f["hash"]?.stringValue.flatMap(EventHashing.bytes(hex:)) else {
            throw CLIError.rejected("the server at \(server.written) sent a digest this thidua cannot read")
        }
        Console.line(Phrase.logHead(position: Int64(position), hash: EventHashing.hex(hash), lang))
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
