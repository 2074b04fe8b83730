/// One row of the standings (bảng xếp hạng).
public struct StandingRow: Hashable, Sendable {
    public var rank: Int
    public var member: String
    public var name: String
    public var base: Points
    public var bonus: Points
    public var penalty: Points
    public var total: Points
    /// Every unretired criterion has a score.
    public var complete: Bool

    public init(rank: Int, member: String, name: String, base: Points, bonus: Points, penalty: Points, total: Points, complete: Bool) {
        self.rank = rank
        self.member = member
        self.name = name
        self.base = base
        self.bonus = bonus
        self.penalty = penalty
        self.total = total
        self.complete = complete
    }
}

extension YearState {
    /// Active members by total, descending; competition ranking (1, 2, 2, 4); ties by member code.
    public var standings: [StandingRow] {
        let live = criteria.values.filter { !$0.retired }
        var rows = activeMembers.map { totals(of: $0, on: live) }
        rows.sort { ($0.total, $1.member) > ($1.total, $0.member) }
        for index in rows.indices {
            rows[index].rank = index > 0 && rows[index].total == rows[index - 1].total ? rows[index - 1].rank : index + 1
        }
        return rows
    }

    /// A member's sums over `criteria` (the unretired ones), unranked: what standings and the score sheet both show.
    func totals(of member: Member, on criteria: [Criterion]) -> StandingRow {
        var sums: [CriterionKind: Points] = [.base: .zero, .bonus: .zero, .penalty: .zero]
        var complete = true
        let memberScores = scores[member.code] ?? [:]
        for criterion in criteria {
            if let points = memberScores[criterion.code]?.effective {
                sums[criterion.kind]! += points
            } else {
                complete = false
            }
        }
        let total = sums[.base]! + sums[.bonus]! - sums[.penalty]!
        return StandingRow(rank: 0, member: member.code, name: member.name, base: sums[.base]!,
                           bonus: sums[.bonus]!, penalty: sums[.penalty]!, total: total, complete: complete)
    }

    /// Whether the pact is in force: drafted, and signed by every active member.
    public var pactInForce: Bool {
        !pact.clauses.isEmpty && activeMembers.allSatisfy { pact.signatures[$0.code] != nil }
    }
}
