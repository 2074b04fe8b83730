import ThiDuaLog

/// Rules for award proposals (§5, §10): kinds in force that year; one achievement, one reward; a kind for
/// the first-ranked only goes to a member ranked first; each kind within its limit of live proposals.
enum AwardRules {
    static func checkProposal(member: String, kind: AwardKind, election: String?, state: YearState, rules: Rules) throws(ThiDuaError) {
        let award = try inForce(kind, field: "kind", year: state.year, rules: rules)
        guard state.finalized else {
            throw YearRules.reject(.notFinalized, "scores of \(state.year) are not finalized; awards are proposed on final standings",
                                   hint: "finalize them first: thidua scores finalize")
        }
        try YearRules.requireActive(member, field: "member", state: state)
        if let existing = state.awards[member], existing.status != .withdrawn {
            throw YearRules.reject(.oneAward, "\(member) already has a \(existing.kind) (\(existing.status.rawValue)) for \(state.year); one award per member per year",
                                   field: "member")
        }
        if award.onlyFirst {
            let rank = state.standings.first { $0.member == member }?.rank
            guard rank == 1 else {
                throw YearRules.reject(.notFirst, "\(award.name) (\(kind)) goes only to a member ranked first; \(member) is ranked \(rank.map(String.init) ?? "nowhere")",
                                       field: "member")
            }
        }
        if let limit = award.limit {
            let live = state.awards.values.filter { $0.kind == kind && $0.status != .withdrawn && $0.status != .rejected }
            guard live.count < limit else {
                throw YearRules.reject(limitCode(kind, rules: rules), "the bloc may propose at most \(limit) \(award.name) (\(kind)) in \(state.year)",
                                       field: "kind")
            }
        }
        if let id = election {
            guard let backing = state.elections[id] else {
                throw YearRules.reject(.unknownElection, "election \(id) was not opened in \(state.year)", field: "election")
            }
            guard let result = backing.result else {
                throw YearRules.reject(.electionOpen, "election \(id) is not closed yet", field: "election")
            }
            guard backing.spec.office == .award, backing.spec.award == nil || backing.spec.award == kind else {
                throw YearRules.reject(.wrongElection, "election \(id) did not vote on a \(kind)", field: "election")
            }
            guard result.elected.contains(member) else {
                throw YearRules.reject(.notElected, "election \(id) did not elect \(member)", field: "election")
            }
        }
    }

    /// The national kinds keep the codes they had before kinds were data; an adopted kind's limit is `award-limit`.
    static func limitCode(_ kind: AwardKind, rules: Rules) -> ThiDuaError.Code {
        guard rules.awards == nil else { return .awardLimit }
        return kind == .governmentFlag ? .flagLimit : .certificateLimit
    }

    /// The kind's definition in force in `year`, or `unknown-award-kind` naming the kinds that are.
    static func inForce(_ kind: AwardKind, field: String, year: Int, rules: Rules) throws(ThiDuaError) -> AwardDefinition {
        guard let award = rules.award(kind) else {
            throw YearRules.reject(.unknownAwardKind, "\(kind) is not an award kind in force in \(year); the kinds in force are \(rules.awardKindList)",
                                   field: field, hint: "the bloc's rules.adopted (awards) define the kinds; see thidua rules --year \(year)")
        }
        return award
    }
}
