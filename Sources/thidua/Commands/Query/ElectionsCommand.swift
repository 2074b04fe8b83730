import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// `thidua elections`: each election with its tally and derived result.
struct ElectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "elections", abstract: "The year's elections, tallies and results.",
        discussion: "Example: thidua elections --year 2018 --election HEAD-2018 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions
    @Option(help: "Only this election.") var election: String?

    func run() throws {
        var (p, state) = try query.yearState(global)
        if let election { p.elections = try p.knownElection(election) }
        let terms = state.electionTerms
        switch query.output.format {
        case .json: Render.json(YearDocument.elections(p, state))
        case .csv:
            Render.csv(["id", "office", "term", "seats", "method", "candidate", "votes", "elected", "ballots", "status", "outcome"],
                       p.elections.flatMap { e in
                           e.candidates.map { c in
                               [e.id, e.office, String(terms[e.id] ?? p.year), String(e.seats), e.method, c, String(e.tally[c] ?? 0),
                                String(e.elected.contains(c)), String(e.ballots), e.status, e.outcome]
                           }
                       })
        case .table:
            let lang = try global.lang
            let bloc = try query.blocState(global)
            let names = { (kind: String) in AwardKind(rawValue: kind).flatMap { bloc.awardName($0, year: p.year) } ?? Stored.awardName(kind) }
            Render.table(p.heading(lang), Render.elections(p.elections, terms: terms, lang, awardName: names), lang)
        }
    }
}
