import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

extension DiffCommand {
    /// The two moments as the server replays them (`GET /v1/state?replay=true`), and the year's events folded into the
    /// later one but not the earlier (`GET /v1/log` with the same bounds): what a local diff reads from the file.
    static func remote(_ server: RemoteServer, bloc given: String?, year: Int, from: ReplayBounds,
                       to: ReplayBounds) throws -> (bloc: String, before: Moment, after: Moment, window: [RecordedEvent]) {
        func moment(_ bounds: ReplayBounds) throws -> (bloc: String, moment: Moment, events: [RecordedEvent]) {
            let replayed = try RemoteState(server, bloc: given, year: year, replay: bounds)
            guard let year = replayed.year else { throw RemoteState.unreadable(server) }
            var query: [(String, String)] = [("bloc", replayed.bloc), ("year", String(year.state.year))]
            if let at = bounds.at { query.append(("to", String(at))) }
            if let asOf = bounds.asOf { query.append(("until", asOf.text)) }
            let events = try RemoteEvents.read(server, query).map(\.event)
            return (replayed.bloc, Moment(state: year.state, position: year.projection.position), events)
        }
        // A year the bloc never opened replays as an unopened year, as on a file: nothing changed.
        let bloc = try RemoteState(server, bloc: given, year: nil, yearState: false)
        guard bloc.years.contains(year) else {
            let unopened = Moment(state: YearState(bloc: bloc.bloc, year: year), position: 0)
            return (bloc.bloc, unopened, unopened, [])
        }
        let early = try moment(from), late = try moment(to)
        let folded = Set(early.events.map(\.position))
        return (late.bloc, early.moment, late.moment, late.events.filter { !folded.contains($0.position) })
    }
}
