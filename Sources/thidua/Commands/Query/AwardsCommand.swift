import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// `thidua awards`: proposals and decisions.
struct AwardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "awards", abstract: "The year's award proposals (đề nghị) and decisions (quyết định).",
        discussion: "Example: thidua awards --year 2017")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let (p, bloc) = try query.projectionAndBloc(global)
        let kindName = { (kind: AwardKind) in bloc.awardName(kind, year: p.year) }
        let rank = Dictionary(p.standings.map { ($0.member, $0.rank) }, uniquingKeysWith: { first, _ in first })
        switch query.output.format {
        case .json: Render.json(YearDocument.awards(p, bloc))
        case .csv:
            Render.csv(["member", "name", "kind", "status", "rank", "decision", "date", "kindName"], p.awards.map {
                [$0.member, p.name(of: $0.member), $0.kind.rawValue, $0.status.rawValue, rank[$0.member].map(String.init) ?? "",
                 $0.decision ?? "", $0.date ?? "", kindName($0.kind) ?? ""]
            })
        case .table:
            let lang = try global.lang
            var table = Table([.member, .name, .award, .status, .rank, .decision], lang, rightAligned: [4])
            for a in p.awards {
                table.add([a.member, p.name(of: a.member), kindName(a.kind) ?? Stored.awardName(a.kind.rawValue), a.status.shown(lang),
                           rank[a.member].map(String.init) ?? "", [a.decision, a.date.map { Shown.moment($0, lang) }].compactMap { $0 }.joined(separator: ", ")])
            }
            Render.table(p.heading(lang), table, lang)
        }
    }
}
