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
        case .json:
            Render.json(p.document(["criteria": .array(criteria.map(\.json))]))
        case .csv:
            Render.csv(["code", "title", "group", "kind", "maxPoints", "retired"], criteria.map {
                [$0.code, $0.title, $0.group ?? "", $0.kind.rawValue, "\($0.maxPoints)", String($0.retired)]
            })
        case .table:
            var table = Table(["group", "code", "title", "kind", "max", "retired"], rightAligned: [4])
            for group in groups {
                for c in group.criteria { table.add([c.group ?? "", c.code, c.title, c.kind.rawValue, "\(c.maxPoints)", c.retired ? "retired" : ""]) }
                if group.criteria.count > 1 { table.add(["", "", "group \(group.name ?? "—"), in force", "", "\(group.maxPoints)", ""]) }
            }
            Render.table(p.heading, table)
            if !criteria.isEmpty { Console.line(Self.maxima(criteria)) }
        }
    }

    /// `maximum in force: base 100, bonus 5, penalty 7`.
    static func maxima(_ criteria: [Criterion]) -> String {
        let live = criteria.filter { !$0.retired }
        return "maximum in force: " + CriterionKind.allCases.map { kind in
            "\(kind.rawValue) \(live.filter { $0.kind == kind }.reduce(Points.zero) { $0 + $1.maxPoints })"
        }.joined(separator: ", ")
    }
}
