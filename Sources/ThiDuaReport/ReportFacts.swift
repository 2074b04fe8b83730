import ThiDuaCore
import ThiDuaLog

/// What the report's parts derive once from the replayed year: the standings, the sheet, the groups that hold base
/// points, names by code.
struct ReportFacts {
    let blocName: String
    let standings: [StandingRow]
    let sheet: ScoreSheet
    /// The sheet's groups that hold base criteria: the standings' subtotal columns and the chart's stacks.
    let baseGroups: [BaseGroup]
    /// Base points by member, one per base group (their sum is the member's base).
    let groupBase: [String: [Points]]
    let names: [String: String]
    let record: RecordSummary

    init(_ report: YearReport) {
        let s = report.state
        blocName = report.bloc.name ?? s.bloc
        standings = s.standings
        sheet = ScoreSheet(s)
        baseGroups = sheet.groups.compactMap { group in
            let base = group.criteria.filter { $0.kind == .base }
            return base.isEmpty ? nil : BaseGroup(name: group.name, criteria: base)
        }
        var groupBase: [String: [Points]] = [:]
        for row in standings {
            let own = s.scores[row.member] ?? [:]
            groupBase[row.member] = baseGroups.map { group in group.criteria.reduce(Points.zero) { $0 + (own[$1.code]?.effective ?? .zero) } }
        }
        self.groupBase = groupBase
        var names: [String: String] = [:]
        for member in s.members.values { names[member.code] = member.name }
        self.names = names
        record = RecordSummary(report.events, decoded: report.decodedEvents)
    }

    /// `BNCTW — Ban Nội chính Trung ương`, or the code alone when the year does not know it.
    func named(_ code: String) -> String { names[code].map { "\(code) — \($0)" } ?? code }

    func name(_ code: String) -> String { names[code] ?? code }
}

/// A group's base criteria: one stack of the chart, one subtotal column of the standings.
struct BaseGroup {
    var name: String?
    var criteria: [Criterion]
    var label: String { CriterionGroup.label(name) }
}

extension CriterionGroup {
    /// Nhóm tiêu chí as a heading shows it.
    var label: String { Self.label(name) }

    static func label(_ name: String?) -> String { name.map { "Nhóm \($0)" } ?? "Không thuộc nhóm" }
}
