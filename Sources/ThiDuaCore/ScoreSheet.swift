import ThiDuaJSON

/// Bảng tổng hợp điểm: each member's points on each criterion in force, with group subtotals and the totals
/// the standings rank by (retired criteria count for nothing, so they are not on the sheet).
public struct ScoreSheet: Sendable {
    public struct Row: Sendable {
        public var member: Member
        /// The standings rank; nil for a member no longer active.
        public var rank: Int?
        /// One entry per criterion of the sheet, in its order; nil where the member has no score.
        public var scores: [ScoreEntry?]
        /// One subtotal of effective points per group of the sheet.
        public var groupPoints: [Points]
        public var base: Points
        public var bonus: Points
        public var penalty: Points
        public var total: Points
        public var complete: Bool
    }

    public let groups: [CriterionGroup]
    public let rows: [Row]

    /// The sheet's criteria, group after group.
    public var criteria: [Criterion] { groups.flatMap(\.criteria) }

    /// The active members, in the year's order; or only `member`, active or not.
    public init(_ state: YearState, member: String? = nil) {
        groups = CriterionGroup.of(state.criteria.values.filter { !$0.retired })
        let ranks = Dictionary(state.standings.map { ($0.member, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let members = state.members.values.filter { member == nil ? $0.active : $0.code == member }
        let criteria = groups.flatMap(\.criteria)
        rows = members.map { [groups] m in
            let own = state.scores[m.code] ?? [:]
            let scores = criteria.map { own[$0.code] }
            let groupPoints = groups.map { group in
                group.points { own[$0.code]?.effective }
            }
            let totals = state.totals(of: m, on: criteria)
            return Row(member: m, rank: m.active ? ranks[m.code] : nil, scores: scores, groupPoints: groupPoints,
                       base: totals.base, bonus: totals.bonus, penalty: totals.penalty, total: totals.total,
                       complete: totals.complete)
        }
    }
}

extension ScoreSheet.Row {
    /// `{"member","name","rank","scores":[{"criterion","submitted","reviewed","effective","evidence"}],"groups":[{"group","points"}],
    /// "base","bonus","penalty","total","complete"}`; `evidence` is the latest self-score's, upcast.
    public func json(_ sheet: ScoreSheet) -> JSON {
        let scores = zip(sheet.criteria, self.scores).map { criterion, entry in
            JSON.object(["criterion": .string(criterion.code), "submitted": entry?.submitted?.json ?? .null,
                         "reviewed": entry?.reviewed?.json ?? .null, "effective": entry?.effective?.json ?? .null,
                         "evidence": .array((entry?.evidence ?? []).map(\.json))])
        }
        let groups = zip(sheet.groups, groupPoints).map { group, points in
            JSON.object(["group": group.name.map(JSON.string) ?? .null, "points": points.json])
        }
        return .object(["member": .string(member.code), "name": .string(member.name), "rank": rank.map { JSON($0) } ?? .null,
                        "scores": .array(scores), "groups": .array(groups), "base": base.json, "bonus": bonus.json,
                        "penalty": penalty.json, "total": total.json, "complete": .bool(complete)])
    }
}
