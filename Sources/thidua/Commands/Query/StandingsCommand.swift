import ArgumentParser
import ThiDuaCore
import ThiDuaStore

/// `thidua standings`: the year's ranking, from projections.
struct StandingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "standings", abstract: "The year's standings (bảng xếp hạng), instantly, from projections.",
        discussion: "Example: thidua standings --year 2017 --format json")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let p = try query.projection(global)
        switch query.output.format {
        case .json: Render.json(YearDocument.standings(p))
        case .csv:
            Render.csv(["rank", "member", "name", "base", "bonus", "penalty", "total", "complete"], p.standings.map {
                [String($0.rank), $0.member, $0.name, "\($0.base)", "\($0.bonus)", "\($0.penalty)", "\($0.total)", String($0.complete)]
            })
        case .table:
            let lang = try global.lang
            Render.table(p.heading(lang), Render.standings(p.standings, lang), lang)
        }
    }
}
