import Hummingbird
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// `GET /v1/state?bloc=&year=`: what the CLI's queries render from, so that `thidua --server URL <query>` prints byte
/// for byte what the same query prints from the file: the bloc (resolved as the CLI resolves it), its years, its own
/// stream's events (rules, award kinds, keys) and the year's state (default: the latest year) as the store's snapshot;
/// `part=bloc` leaves the year out. `replay=true` (with `year`, and `asOf`, `knownAt`, `at` as `/replay` takes them): the
/// year replayed from the log alone within those bounds, and the bloc events that replay admits.
enum StateRoutes {
    static func get(_ request: Request, _ log: ServerLog) async throws -> Response {
        let query = Query(request)
        let bloc = query.string("bloc")?.uppercased()
        let year = try query.int("year")
        let part = query.typed("part")
        if let part, part != "bloc" { throw Query.bad("part", part, "bloc (the bloc alone), or leave it out") }
        let blocOnly = part == "bloc"
        let bounds = ReplayBounds(asOf: try query.bound("asOf"), knownAt: try query.bound("knownAt"), at: try query.position("at"))
        let replaying = try query.bool("replay")
        let document = try await log.read { store throws -> JSON in
            let bloc = try store.resolveBloc(bloc)
            let years = try store.years(bloc: bloc)
            let replayed = try year.flatMap { year in replaying ? try store.replay(bloc: bloc, year: year, bounds: bounds) : nil }
            let blocEvents = try (replaying ? store.blocStream(bloc: bloc, admittedBy: bounds) : store.blocStream(bloc: bloc)).map { event -> JSON in
                .object(["position": JSON(Int(event.position)), "type": .string(event.type), "schema": JSON(event.schema),
                         "actor": .string(event.actor), "data": .string(event.data)])
            }
            var fields: JSONObject = [
                "bloc": .string(bloc), "years": .array(years.map { JSON($0) }), "blocEvents": .array(blocEvents), "year": .null,
            ]
            if let replayed {
                fields["year"] = .object(["position": JSON(Int(replayed.position)), "version": JSON(0), "snapshot": replayed.state.snapshot])
            } else if !blocOnly, let chosen = year ?? years.last, let (projection, state) = try store.yearState(bloc: bloc, year: chosen) {
                fields["year"] = .object(["position": JSON(Int(projection.position)), "version": JSON(Int(projection.version)),
                                          "snapshot": state.snapshot])
            }
            return .object(fields)
        }
        return Responses.json(document)
    }
}
