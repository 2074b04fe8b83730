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
    /// Valid ballots: live open votes, or the secret tally's ballots minus invalid ones (never below 0).
    public var ballots: Int {
        switch spec.method {
        case .open: votes.count
        case .secret: tally?.valid ?? 0
        }
    }

    /// Votes per candidate (every candidate listed, with 0 where none). Total whatever the log holds:
    /// a candidate listed twice counts once, and counts never overflow.
    public var counts: [String: Int] {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(spec.candidates.count)
        for candidate in spec.candidates { counts[candidate] = 0 }
        switch spec.method {
        case .open:
            for vote in votes.values { for choice in vote.choices { counts[choice, default: 0].addSaturating(1) } }
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
        var seen: Set<String> = []
        let candidates = spec.candidates.filter { seen.insert($0).inserted }
        let ranked = candidates.sorted { (votes[$0, default: 0], $1) > (votes[$1, default: 0], $0) }
        let seats = max(0, min(spec.seats, ranked.count))
        var excludedByTie: Set<String> = []
        if ranked.count > seats, seats > 0, votes[ranked[seats - 1], default: 0] == votes[ranked[seats], default: 0] {
            let boundary = votes[ranked[seats - 1], default: 0]
            excludedByTie = Set(ranked.filter { votes[$0, default: 0] == boundary })
        }
        let elected = ranked.prefix(seats).filter {
            rules.majority.isExceeded(by: votes[$0, default: 0], of: ballots) && !excludedByTie.contains($0)
        }
        let outcome: ElectionResult.Outcome
        if elected.count == spec.seats {
            outcome = .elected
        } else if let tied = excludedByTie.first, rules.majority.isExceeded(by: votes[tied, default: 0], of: ballots) {
            outcome = .tie
        } else {
            outcome = .short
        }
        return ElectionResult(ballots: ballots, eligible: eligible, votes: votes, elected: Array(elected), outcome: outcome)
    }
}

extension Tally {
    /// Ballots minus invalid ones, clamped to 0 or more (a hostile row may hold any numbers).
    var valid: Int {
        let (difference, overflow) = ballots.subtractingReportingOverflow(invalid)
        return overflow ? (invalid < 0 ? .max : 0) : max(0, difference)
    }
}

extension Int {
    mutating func addSaturating(_ other: Int) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? (other < 0 ? .min : .max) : sum
    }
}
