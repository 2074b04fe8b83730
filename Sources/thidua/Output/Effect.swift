import ThiDuaCore

/// The line a person reads after a write: what the event changed ("BNCTW total now 97.5, rank 1 of 8").
enum Effect {
    static func describe(_ payload: Payload, in state: YearState) -> String {
        switch payload {
        case .scoreSubmitted(let member, let criterion, _, _), .scoreReviewed(let member, let criterion, _, _):
            let entry = state.scores[member]?[criterion]
            let effective = entry?.effective.map { "\($0)" } ?? "none"
            let counted = entry?.reviewed != nil ? " (the review counts)" : ""
            return "\(member) \(criterion) now \(effective)\(counted); " + standing(of: member, in: state)
        case .criterionSet(let c):
            return "criterion \(c.code) \(c.kind.rawValue), max \(c.maxPoints); the table has \(state.criteria.values.filter { !$0.retired }.count) criteria"
        case .criterionRetired(let code, _):
            return "criterion \(code) retired; standings no longer count it"
        case .yearOpened(let members, let head, _, _):
            return "year \(state.year) open with \(members.count) members" + (head.map { "; interim head \($0)" } ?? "")
        case .memberAdmitted(let code, _), .memberWithdrawn(let code, _):
            return "\(code) \(state.members[code]?.active == true ? "is" : "is no longer") an active member; \(state.activeMembers.count) active"
        case .scoresFinalized:
            let top = state.standings.first.map { ", first: \($0.member) with \($0.total)" } ?? ""
            return "scores of \(state.year) are final\(top)"
        case .electionOpened(let spec):
            return "election \(spec.id) open: \(spec.seats) seat(s), \(spec.candidates.count) candidate(s), \(spec.method.rawValue) ballot"
                + (spec.term(in: state.year) == state.year ? "" : "; it elects the officers of \(spec.term(in: state.year))")
        case .voteCast(let id, _, _), .voteVoided(let id, _, _), .ballotsTallied(let id, _, _, _):
            guard let election = state.elections[id] else { return id }
            return "election \(id): \(election.ballots) valid ballot(s) of \(state.activeMembers.count) members"
        case .electionClosed(let id):
            guard let result = state.elections[id]?.result else { return id }
            switch result.outcome {
            case .noQuorum: return "election \(id): no quorum (\(result.ballots) ballots of \(result.eligible) members)"
            case .elected:
                let term = state.elections[id]?.spec.term(in: state.year) ?? state.year
                return "election \(id): elected \(result.elected.joined(separator: ", ")) (\(result.ballots) ballots)"
                    + (term == state.year ? "" : " for \(term); the officers of \(state.year) stay in office")
            case .tie, .short:
                return "election \(id): \(result.outcome.rawValue); elected \(result.elected.isEmpty ? "nobody" : result.elected.joined(separator: ", "))"
            }
        case .officersAppointed, .yearClosed, .yearReopened:
            return officers(state) + "; year \(state.status.rawValue)"
        case .pactDrafted(let clauses):
            return "pact of \(clauses.count) clause(s) drafted; awaiting \(state.activeMembers.count) signatures"
        case .pactSigned:
            return state.pactInForce
                ? "pact in force: all \(state.activeMembers.count) members have signed"
                : "\(state.pact.signatures.count) of \(state.activeMembers.count) members have signed"
        case .registrationSubmitted(let member, let targets, _):
            return "\(member) registered \(targets.count) target(s)"
        case .awardProposed(let member, let kind, _, _), .awardWithdrawn(let member, let kind, _), .awardDecided(let member, let kind, _, _, _):
            let status = state.awards[member]?.status.rawValue ?? "none"
            return "\(member) \(kind.rawValue): \(status); " + standing(of: member, in: state)
        case .blocFounded, .rulesAdopted:
            return Summary.of(payload)
        }
    }

    static func standing(of member: String, in state: YearState) -> String {
        let rows = state.standings
        guard let row = rows.first(where: { $0.member == member }) else { return "\(member) is not in the standings" }
        return "\(member) total now \(row.total), rank \(row.rank) of \(rows.count)"
    }

    static func officers(_ state: YearState) -> String {
        "head \(state.head ?? "none"), deputies \(state.deputies.isEmpty ? "none" : state.deputies.joined(separator: ", "))"
    }
}
