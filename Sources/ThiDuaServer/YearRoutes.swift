import Hummingbird
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `GET /v1/years/{year}/…`: the year queries, each answering the document `thidua <query> --year YEAR --format json` prints.
enum YearRoutes {
    static let names = ["standings", "officers", "pact", "elections", "awards", "criteria", "scores", "registrations", "replay"]

    static func get(_ name: String, _ request: Request, _ context: some RequestContext, _ log: ServerLog) async throws -> Response {
        let query = Query(request)
        let yearText = context.parameters.get("year") ?? ""
        guard let year = Int(yearText) else { throw Query.bad("year", yearText, "a year, e.g. 2018") }
        let bloc = query.string("bloc")?.uppercased()
        let member = query.string("member")
        let election = query.string("election")
        let bounds = name == "replay"
            ? ReplayBounds(asOf: try query.bound("asOf"), knownAt: try query.bound("knownAt"), at: try query.position("at")) : ReplayBounds()
        let document = try await log.read { store throws -> JSON in
            let bloc = try store.resolveBloc(bloc)
            if name == "replay" {
                // As `thidua replay`: a year not (yet) opened is the state `unopened`, not an error.
                return YearDocument.replay(try store.replay(bloc: bloc, year: year, bounds: bounds))
            }
            guard var (p, state) = try store.yearState(bloc: bloc, year: year) else { throw unopened(bloc, year) }
            switch name {
            case "standings": return YearDocument.standings(p)
            case "officers": return YearDocument.officers(p, state)
            case "pact": return YearDocument.pact(p)
            case "elections":
                if let election {
                    p.elections = p.elections.filter { $0.id == election.uppercased() }
                    if p.elections.isEmpty { throw unknown("election", election, p.bloc, p.year) }
                }
                return YearDocument.elections(p, state)
            case "awards": return YearDocument.awards(p, try store.blocState(bloc: bloc))
            case "criteria": return YearDocument.criteria(p, state)
            case "scores":
                let code = member?.uppercased()
                if let code, state.members[code] == nil { throw unknown("member", member ?? code, p.bloc, p.year) }
                return YearDocument.scores(p, ScoreSheet(state, member: code))
            default: return YearDocument.registrations(p, state)
            }
        }
        return Responses.json(document)
    }

    static func unopened(_ bloc: String, _ year: Int) -> Problem {
        Problem(.notFound, code: .notFound, detail: "year \(year) of \(bloc) has not been opened")
    }

    static func unknown(_ what: String, _ value: String, _ bloc: String, _ year: Int) -> Problem {
        Problem(.notFound, code: .notFound, detail: "\(bloc) \(year) has no \(what) \(value.prefix(80))", field: what)
    }
}
