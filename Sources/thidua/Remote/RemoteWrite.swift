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
    /// and prints what was appended as `Typed.printAppended` does. `typed`: one event a command built, which has no
    /// input line; its refusal is thrown as the store throws it locally, without the line the request gave it.
    ///
    /// `unreadable`: the first input line that could not be read (none after it is sent) and the error a local append
    /// gives for it. The server is sent a line it cannot read in its place, so it decides the lines before it first, as
    /// a local append does: a refusal of an earlier line is the one reported, else `unreadable`'s error.
    @discardableResult
    static func post(_ events: [(line: Int, event: ProposedEvent)], to server: RemoteServer, _ lang: Lang,
                     limit: Int = 20, typed: Bool = false, unreadable: (line: Int, error: any Error)? = nil)
        throws -> (appended: [Appended], alreadyRecorded: Int) {
        if events.isEmpty, let unreadable { throw unreadable.error }
        var lines: [String] = []
        for (line, event) in events {
            while lines.count < line - 1 { lines.append("") }
            lines.append(event.inputJSON().canonicalText)
        }
        if let unreadable {
            while lines.count < unreadable.line - 1 { lines.append("") }
            lines.append("{}")
        }
        let answer: JSON
        do {
            answer = try server.postEvents(lines)
        } catch let refused as CLIError where typed {
            guard var refusal = refused.refusal else { throw refused }
            refusal.line = nil
            throw refusal
        } catch let refused as CLIError where unreadable != nil && refused.line == unreadable?.line {
            throw unreadable?.error ?? refused
        }
        if let unreadable { throw unreadable.error }
        let unreadable = CLIError.rejected("the server at \(server.written) answered the append with a document this thidua cannot read; are both the same version?")
        guard let rows = answer.objectValue?["events"]?.arrayValue else { throw unreadable }
        var outcomes: [(placed: Appended, type: String, already: Bool)] = []
        for row in rows {
            guard let r = row.objectValue, let position = r["position"]?.numberValue?.intValue, let stream = r["stream"]?.stringValue,
                  let version = r["version"]?.numberValue?.intValue, let type = r["type"]?.stringValue,
                  case .bool(let already)? = r["alreadyRecorded"] else { throw unreadable }
            outcomes.append((Appended(position: Int64(position), stream: stream, version: Int64(version)), type, already))
        }
        let appended = outcomes.filter { !$0.already }.map(\.placed)
        Typed.printAppended(outcomes.map { ($0.placed.position, "\($0.placed.stream) v\($0.placed.version) \($0.type)", $0.already) },
                            appended: appended.count, alreadyRecorded: outcomes.count - appended.count, lang, limit: limit)
        return (appended, outcomes.count - appended.count)
    }

    /// The head of the server's log (`GET /v1/digest`), as `thidua append` prints it after an import.
    static func printHead(_ server: RemoteServer, _ lang: Lang) throws {
        let head = try server.digest()
        Console.line(Phrase.logHead(position: head.position, hash: EventHashing.hex(head.hash), lang))
    }

    /// A typed write on a server: posted, then described as locally, against the year's state the server now holds.
    static func append(_ proposed: ProposedEvent, to server: RemoteServer, year: Int?, _ lang: Lang) throws {
        let done = try post([(1, proposed)], to: server, lang, typed: true)
        guard !done.appended.isEmpty else { return }
        var data = proposed.dataText
        let payload = try data.withUTF8 { bytes throws(ThiDuaError) in
            try DomainEvent(logged: proposed.type.rawValue, schema: proposed.schema, actor: proposed.actor, data: bytes).payload
        }
        let state = try year.flatMap { try RemoteState(server, bloc: proposed.bloc, year: $0).year?.state }
        Console.line(Visible.escaped(state.map { Effect.describe(payload, in: $0, lang) } ?? Summary.of(payload, lang)))
    }

    /// The bloc a write means on a server: the one given, checked as a local write checks it (a bloc the log does not
    /// hold is refused naming those it holds), else the only one the server's log holds.
    static func bloc(_ given: String?, _ server: RemoteServer) throws -> String {
        try RemoteState(server, bloc: given, year: nil, yearState: false).bloc
    }
}
