import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua replay`: a year's whole state from the log alone, at any moment, with its stateHash.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild a year's whole state from the log alone (never the projections), as of any moment.",
        discussion: """
            --as-of, --known-at and --at combine. The stateHash is the same for the same log on any machine,
            and for a log and its export re-imported elsewhere.
            Example: thidua replay --year 2017 --as-of 2018-03-30 --format json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The year.") var year: Int
    @OptionGroup var bounds: ReplayBoundOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let store = try global.openForReading()
        let bloc = try store.resolveBloc(global.bloc)
        let replay = try store.replay(bloc: bloc, year: year, bounds: try bounds.bounds)
        let document = replay.document
        switch output.format {
        case .json: Console.line(document.json(position: replay.position).canonicalText)
        case .csv: throw CLIError.usage("replay prints a table or JSON; for CSV use the queries (standings, elections, …)")
        case .table: ReplayReport.print(replay, bounds: bounds.summary)
        }
    }
}

/// The replayed state as a person reads it.
enum ReplayReport {
    static func print(_ replay: Replay, bounds: String) {
        let s = replay.state
        let name = { (code: String) in Visible.escaped(s.members[code]?.name ?? code) }
        Console.line(Visible.escaped("\(s.bloc) \(s.year) — \(s.status.rawValue), replayed to position \(replay.position)" + (bounds.isEmpty ? "" : " (\(bounds))")))
        Console.line("stateHash \(replay.document.stateHash)")
        section("Members")
        var members = Table(["code", "name", "active"])
        for m in s.members.values { members.add([m.code, m.name, m.active ? "yes" : "withdrawn"]) }
        Console.line(members.render())
        section("Officers")
        Console.line("Khối trưởng: " + (s.head.map { "\($0) \(name($0))" } ?? "none"))
        Console.line("Khối phó: " + (s.deputies.isEmpty ? "none" : s.deputies.map { "\($0) \(name($0))" }.joined(separator: "; ")))
        section("Criteria")
        var criteria = Table(["code", "group", "kind", "max", "title", "retired"], rightAligned: [3])
        for c in s.criteria.values { criteria.add([c.code, c.group ?? "", c.kind.rawValue, "\(c.maxPoints)", c.title, c.retired ? "retired" : ""]) }
        Console.line(criteria.rows.isEmpty ? "(none)" : criteria.render())
        section("Scores")
        var scores = Table(["member", "criterion", "submitted", "reviewed", "effective"], rightAligned: [2, 3, 4])
        for m in s.members.values {
            for (code, entry) in (s.scores[m.code] ?? [:]).sorted(by: { $0.key < $1.key }) {
                scores.add([m.code, code, entry.submitted.map { "\($0)" } ?? "", entry.reviewed.map { "\($0)" } ?? "",
                            entry.effective.map { "\($0)" } ?? ""])
            }
        }
        Console.line(scores.rows.isEmpty ? "(none)" : scores.render())
        section("Standings")
        let standings = Render.standings(s.standings)
        Console.line(standings.rows.isEmpty ? "(none)" : standings.render())
        section("Elections")
        let elections = Render.elections(s.elections.values.map(ElectionRow.init), terms: s.electionTerms)
        Console.line(elections.rows.isEmpty ? "(none)" : elections.render())
        section("Pact")
        Console.line(s.pact.clauses.isEmpty ? "not drafted" : "\(s.pact.clauses.count) clause(s), \(s.pact.signatures.count) signature(s), "
                     + (s.pactInForce ? "in force" : "not in force"))
        section("Awards")
        var awards = Table(["member", "kind", "status", "decision"])
        for a in s.awards.values { awards.add([a.member, a.kind.rawValue, a.status.rawValue, [a.decision, a.date].compactMap { $0 }.joined(separator: ", ")]) }
        Console.line(awards.rows.isEmpty ? "(none)" : awards.render())
    }

    static func section(_ title: String) {
        Console.line("")
        Console.line(title)
    }
}
