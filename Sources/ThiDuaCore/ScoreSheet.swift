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
        rows = members.map { [groups] m in
            let own = state.scores[m.code] ?? [:]
            var sums: [CriterionKind: Points] = [.base: .zero, .bonus: .zero, .penalty: .zero]
            var scores: [ScoreEntry?] = []
            var groupPoints: [Points] = []
            for group in groups {
                var subtotal = Points.zero
                for criterion in group.criteria {
                    let entry = own[criterion.code]
                    scores.append(entry)
                    if let points = entry?.effective {
                        subtotal += points
                        sums[criterion.kind, default: .zero] += points
                    }
                }
                groupPoints.append(subtotal)
            }
            return Row(member: m, rank: m.active ? ranks[m.code] : nil, scores: scores, groupPoints: groupPoints,
                       base: sums[.base]!, bonus: sums[.bonus]!, penalty: sums[.penalty]!,
                       total: sums[.base]! + sums[.bonus]! - sums[.penalty]!,
                       complete: scores.allSatisfy { $0?.effective != nil })
        }
    }
}

extension ScoreSheet.Row {
    /// `{"member","name","rank","scores":[{"criterion","submitted","reviewed","effective"}],"groups":[{"group","points"}],
    /// "base","bonus","penalty","total","complete"}`
    public func json(_ sheet: ScoreSheet) -> JSON {
        let scores = zip(sheet.criteria, self.scores).map { criterion, entry in
            JSON.object(["criterion": .string(criterion.code), "submitted": entry?.submitted?.json ?? .null,
                         "reviewed": entry?.reviewed?.json ?? .null, "effective": entry?.effective?.json ?? .null])
        }
        let groups = zip(sheet.groups, groupPoints).map { group, points in
            JSON.object(["group": group.name.map(JSON.string) ?? .null, "points": points.json])
        }
        return .object(["member": .string(member.code), "name": .string(member.name), "rank": rank.map { JSON($0) } ?? .null,
                        "scores": .array(scores), "groups": .array(groups), "base": base.json, "bonus": bonus.json,
                        "penalty": penalty.json, "total": total.json, "complete": .bool(complete)])
    }
}
