import Foundation
import ThiDuaJSON
import ThiDuaLog

/// Events as a server's `GET /v1/log` sends them (the output format, §4), read back into the values a local read
/// yields, so `log` and `export` print through the same code either way.
enum RemoteEvents {
    /// The events matching `query`, each with the hash before it.
    static func read(_ server: RemoteServer, _ query: [(String, String)]) throws -> [(event: RecordedEvent, prevHash: [UInt8])] {
        let answer = try server.get("/v1/log", query)
        var events: [(RecordedEvent, [UInt8])] = []
        for line in answer.body.split(separator: 0x0A) where !line.isEmpty {
            guard let json = try? JSON.parse(line), let read = event(json) else {
                throw CLIError.rejected("the server at \(server.written) sent an event this thidua cannot read; are both the same version?")
            }
            events.append(read)
        }
        return events
    }

    static func event(_ json: JSON) -> (RecordedEvent, [UInt8])? {
        guard let f = json.objectValue, let position = f["position"]?.numberValue?.intValue, let stream = f["stream"]?.stringValue,
              let version = f["version"]?.numberValue?.intValue, let id = f["id"]?.stringValue, let type = f["type"]?.stringValue,
              let schema = f["schema"]?.numberValue?.intValue, let actor = f["actor"]?.stringValue,
              let occurredAt = f["occurredAt"]?.stringValue, let recordedAt = f["recordedAt"]?.stringValue, let data = f["data"],
              let hash = f["hash"]?.stringValue.flatMap(EventHashing.bytes(hex:)),
              let prev = f["prevHash"]?.stringValue.flatMap(EventHashing.bytes(hex:)) else { return nil }
        var signature: [UInt8]?
        if let s = f["signature"]?.objectValue {
            guard let key = s["publicKey"]?.stringValue.flatMap({ Data(base64Encoded: $0) }),
                  let value = s["value"]?.stringValue.flatMap({ Data(base64Encoded: $0) }) else { return nil }
            signature = Array(key) + Array(value)
        }
        let text: String
        if case .string(let raw) = data { text = raw } else { text = data.canonicalText }
        let event = RecordedEvent(position: Int64(position), stream: stream, version: Int64(version), id: id, type: type, schema: schema,
                                  actor: actor, occurredAt: occurredAt, recordedAt: recordedAt, correlation: f["correlation"]?.stringValue,
                                  data: text, hash: hash, signature: signature)
        return (event, prev)
    }
}

extension LogCommand {
    /// The options as `GET /v1/log`'s query parameters. An option refused here is refused only after the server has
    /// checked what a local read checks before it (the bloc, then the codes and year), so the same error comes first.
    func remoteQuery(_ server: RemoteServer) throws -> [(String, String)] {
        var query: [(String, String)] = []
        if let bloc = global.bloc { query.append(("bloc", bloc)) }
        let types: [String]
        do { types = try type.map(Self.knownType) } catch { try Self.check(query, on: server); throw error }
        if let year { query.append(("year", String(year))) }
        for t in types { query.append(("type", t)) }
        for (name, value) in [("actor", actor), ("member", member), ("criterion", criterion), ("election", election)] {
            if let code = KnownCodes.filter(value) { query.append((name, code)) }
        }
        if let correlation { query.append(("correlation", correlation)) }
        do {
            try ReplayBoundOptions.requirePosition(from, "--from")
            try ReplayBoundOptions.requirePosition(to, "--to")
            if let from { query.append(("from", String(from))) }
            if let to { query.append(("to", String(to))) }
            if let since { query.append(("since", (try Self.start(since, "--since")).text)) }
            if let until { query.append(("until", (try ReplayBoundOptions.time(until, "--until")).text)) }
            if let recordedSince { query.append(("recordedSince", (try Self.start(recordedSince, "--recorded-since")).text)) }
            if let recordedUntil { query.append(("recordedUntil", (try ReplayBoundOptions.time(recordedUntil, "--recorded-until")).text)) }
        } catch {
            try Self.check(query, on: server)
            throw error
        }
        return query
    }

    /// The server's refusal of `query`'s bloc, codes or year, if any; no event is asked for (`to=0`).
    private static func check(_ query: [(String, String)], on server: RemoteServer) throws {
        guard !query.isEmpty else { return }
        _ = try RemoteEvents.read(server, query + [("to", "0")])
    }

    /// `thidua --server URL log …`: the events read from the server, printed as from the file; with --follow, the server
    /// asked again for what came after the last event shown until a stop signal.
    func runRemote(_ server: RemoteServer) throws {
        let lang = try global.lang
        let query = try remoteQuery(server)
        var headed = false
        var table = Table(Self.tableHeader, lang, rightAligned: [0, 4])
        var last = from.map { $0 - 1 } ?? 0
        if follow { StopSignals.catchThem() }
        repeat {
            let after = last > 0 ? query.filter { $0.0 != "from" } + [("from", String(last + 1))] : query
            let events = try RemoteEvents.read(server, after)
            // The header once the server answered: a refusal prints nothing on standard output, as on a file.
            if output.format == .csv, !headed { Console.line(CSV.row(Self.csvHeader)) }
            headed = true
            for (event, prev) in events {
                switch (output.format, follow) {
                case (.json, _): Console.line(event.shownJSON(prevHash: prev).canonicalText)
                case (.csv, _): Console.line(CSV.row(Self.csvCells(event)))
                case (.table, false): table.add(Self.tableCells(event, lang))
                case (.table, true): Console.line(Self.tableCells(event, lang).map(Visible.escaped).joined(separator: "  "))
                }
                last = max(last, event.position)
            }
            guard follow else { break }
            guard Console.flush() else { return }
            for _ in 0..<10 where StopSignals.received == 0 { Thread.sleep(forTimeInterval: 0.05) }
        } while StopSignals.received == 0
        if follow {
            Console.flush()
            StopSignals.end(as: StopSignals.received)
        }
        if output.format == .table { Console.line(table.rows.isEmpty ? Phrase.noEvents(lang) : table.render()) }
    }
}
