import ThiDuaJSON

/// Criteria by group (nhóm tiêu chí): groups in the order their first criterion was set, criteria in theirs.
public struct CriterionGroup: Hashable, Sendable {
    public var name: String?
    public var criteria: [Criterion]

    /// The most the group's criteria in force can give (retired ones count for nothing, and a penalty line only takes away).
    public var maxPoints: Points { criteria.filter { !$0.retired && $0.kind != .penalty }.reduce(.zero) { $0 + $1.maxPoints } }

    /// A member's subtotal on the group: base and bonus points added, penalty points taken away.
    public func points(_ effective: (Criterion) -> Points?) -> Points {
        criteria.reduce(Points.zero) { sum, criterion in
            let points = effective(criterion) ?? .zero
            return criterion.kind == .penalty ? sum - points : sum + points
        }
    }

    public static func of(_ criteria: [Criterion]) -> [CriterionGroup] {
        var groups: [CriterionGroup] = []
        for criterion in criteria {
            if let index = groups.firstIndex(where: { $0.name == criterion.group }) {
                groups[index].criteria.append(criterion)
            } else {
                groups.append(CriterionGroup(name: criterion.group, criteria: [criterion]))
            }
        }
        return groups
    }
}

extension Criterion {
    /// `{"code","title","group","kind","maxPoints","retired"}`, as in replay.
    public var json: JSON {
        .object(["code": .string(code), "title": .string(title), "group": group.map(JSON.string) ?? .null,
                 "kind": .string(kind.rawValue), "maxPoints": maxPoints.json, "retired": .bool(retired)])
    }
}
