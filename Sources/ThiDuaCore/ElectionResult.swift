/// The result of an election, derived at `election.closed` (§6), never typed in.
public struct ElectionResult: Hashable, Sendable {
    public enum Outcome: String, Sendable {
        case elected, tie, short
        case noQuorum = "no-quorum"
    }

    public var ballots: Int
    public var eligible: Int
    public var votes: [String: Int]
    public var elected: [String]
    public var outcome: Outcome
}

extension ElectionState {
    /// Valid ballots: live open votes, or the secret tally's ballots minus invalid ones.
    public var ballots: Int {
        switch spec.method {
        case .open: votes.count
        case .secret: tally.map { $0.ballots - $0.invalid } ?? 0
        }
    }

    /// Votes per candidate (every candidate listed, with 0 where none).
    public var counts: [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: spec.candidates.map { ($0, 0) })
        switch spec.method {
        case .open:
            for vote in votes.values { for choice in vote.choices { counts[choice, default: 0] += 1 } }
        case .secret:
            for (code, count) in tally?.counts ?? [:] { counts[code] = count }
        }
        return counts
    }

    /// The result if the election closed now with `eligible` active members.
    public func result(eligible: Int, rules: Rules) -> ElectionResult {
        let ballots = ballots
        let votes = counts
        guard rules.quorum.isReached(by: ballots, of: eligible), ballots > 0 else {
            return ElectionResult(ballots: ballots, eligible: eligible, votes: votes, elected: [], outcome: .noQuorum)
        }
        let ranked = spec.candidates.sorted { (votes[$0]!, $1) > (votes[$1]!, $0) }
        let seats = min(spec.seats, ranked.count)
        var excludedByTie: Set<String> = []
        if ranked.count > seats, seats > 0, votes[ranked[seats - 1]] == votes[ranked[seats]] {
            let boundary = votes[ranked[seats - 1]]!
            excludedByTie = Set(ranked.filter { votes[$0] == boundary })
        }
        let elected = ranked.prefix(seats).filter {
            rules.majority.isExceeded(by: votes[$0]!, of: ballots) && !excludedByTie.contains($0)
        }
        let outcome: ElectionResult.Outcome
        if elected.count == spec.seats {
            outcome = .elected
        } else if let tied = excludedByTie.first, rules.majority.isExceeded(by: votes[tied]!, of: ballots) {
            outcome = .tie
        } else {
            outcome = .short
        }
        return ElectionResult(ballots: ballots, eligible: eligible, votes: votes, elected: Array(elected), outcome: outcome)
    }
}
