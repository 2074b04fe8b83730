import ArgumentParser
import ThiDuaCore
import ThiDuaJSON
import ThiDuaStore

/// `thidua criteria`: the year's scoring table (bảng tiêu chí), group by group.
struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria", abstract: "The year's scoring table (bảng tiêu chí chấm điểm), by group.",
        discussion: "Example: thidua criteria --year 2017 --format csv")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var query: YearQueryOptions

    func run() throws {
        let (p, state) = try query.yearState(global)
        let groups = CriterionGroup.of(state.criteria.values)
        let criteria = groups.flatMap(\.criteria)
        switch query.output.format {
        case .json: Render.json(YearDocument.criteria(p, state))
        case .csv:
            Render.csv(["code", "title", "group", "kind", "maxPoints", "retired"], criteria.map {
                [$0.code, $0.title, $0.group ?? "", $0.kind.rawValue, "\($0.maxPoints)", String($0.retired)]
            })
        case .table:
            let lang = try global.lang
            var table = Table([.group, .code, .criterionTitle, .kind, .maxPoints, .retired], lang, rightAligned: [4])
            for group in groups {
                for c in group.criteria {
                    table.add([c.group ?? "", c.code, c.title, c.kind.shown(lang), c.maxPoints.shown(lang), c.retired ? Word.retiredMark.text(lang) : ""])
                }
                if group.criteria.count > 1 { table.add(["", "", Phrase.groupInForce(group.name, lang), "", group.maxPoints.shown(lang), ""]) }
            }
            Render.table(p.heading(lang), table, lang)
            if !criteria.isEmpty { Console.line(Self.maxima(criteria, lang)) }
        }
    }

    /// `maximum in force: base 100, bonus 5, penalty 7`.
    static func maxima(_ criteria: [Criterion], _ lang: Lang) -> String {
        let live = criteria.filter { !$0.retired }
        return Phrase.maxima(CriterionKind.allCases.map { kind in
            "\(kind.shown(lang)) \(live.filter { $0.kind == kind }.reduce(Points.zero) { $0 + $1.maxPoints }.shown(lang))"
        }, lang)
    }
}
