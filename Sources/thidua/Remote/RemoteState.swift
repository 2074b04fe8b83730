import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// What a query renders from, read from a server's `GET /v1/state`: the very values a local query reads from the file
/// (the year's projection and state, the bloc's state), so both print through the same code, byte for byte.
struct RemoteState {
    var bloc: String
    var years: [Int]
    var blocState: BlocState
    /// The bloc's own stream (founding, rules, keys), decoded, with positions.
    var blocEvents: [(position: Int64, event: DomainEvent)] = []
    var year: (projection: YearProjection, state: YearState)?

    /// With `yearState` false, only the bloc (no year's state is sent).
    /// `replay`: the year replayed by the server within these bounds (`GET /v1/state?replay=true&asOf=&knownAt=&at=`).
    init(_ server: RemoteServer, bloc: String?, year: Int?, yearState: Bool = true, replay: ReplayBounds? = nil) throws {
        var query: [(String, String)] = yearState ? [] : [("part", "bloc")]
        if let replay {
            query.append(("replay", "true"))
            if let asOf = replay.asOf { query.append(("asOf", asOf.text)) }
            if let knownAt = replay.knownAt { query.append(("knownAt", knownAt.text)) }
            if let at = replay.at { query.append(("at", String(at))) }
        }
        if let bloc { query.append(("bloc", bloc)) }
        if let year { query.append(("year", String(year))) }
        let document = try server.json("/v1/state", query)
        guard let fields = document.objectValue, let code = fields["bloc"]?.stringValue,
              let years = fields["years"]?.arrayValue?.compactMap({ $0.numberValue?.intValue }),
              let events = fields["blocEvents"]?.arrayValue else { throw Self.unreadable(server) }
        self.bloc = code
        self.years = years
        var ledger = Ledger.initial
        let stream = StreamID(bloc: code, year: nil)
        for item in events {
            guard let e = item.objectValue, let position = e["position"]?.numberValue?.intValue, let type = e["type"]?.stringValue, let actor = e["actor"]?.stringValue,
                  let schema = e["schema"]?.numberValue?.intValue, var data = e["data"]?.stringValue else { throw Self.unreadable(server) }
            let event = try data.withUTF8 { bytes throws(ThiDuaError) in try DomainEvent(logged: type, schema: schema, actor: actor, data: bytes) }
            ledger.evolve(event, in: stream)
            blocEvents.append((Int64(position), event))
        }
        blocState = ledger.bloc(code)
        if let y = fields["year"]?.objectValue {
            guard let position = y["position"]?.numberValue?.intValue, let version = y["version"]?.numberValue?.intValue,
                  let snapshot = y["snapshot"], let state = YearState(snapshot: snapshot) else { throw Self.unreadable(server) }
            self.year = (YearProjection(state: state, position: Int64(position), version: Int64(version)), state)
        }
    }

    static func unreadable(_ server: RemoteServer) -> CLIError {
        CLIError.rejected("the server at \(server.written) sent a state this thidua cannot read; are both the same version?")
    }
}
