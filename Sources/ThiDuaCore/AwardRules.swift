import ThiDuaLog

/// Rules for award proposals (§5): one achievement, one reward; the flag goes only to the first-ranked.
enum AwardRules {
    static func checkProposal(member: String, kind: AwardKind, election: String?, state: YearState, rules: Rules) throws(ThiDuaError) {
        guard state.finalized else {
            throw YearRules.reject(.notFinalized, "scores of \(state.year) are not finalized; awards are proposed on final standings",
                                   hint: "finalize them first: thidua scores finalize")
        }
        try YearRules.requireActive(member, field: "member", state: state)
        if let existing = state.awards[member], existing.status != .withdrawn {
            throw YearRules.reject(.oneAward, "\(member) already has a \(existing.kind.rawValue) (\(existing.status.rawValue)) for \(state.year); one award per member per year",
                                   field: "member")
        }
        let live = state.awards.values.filter { $0.kind == kind && $0.status != .withdrawn && $0.status != .rejected }
        switch kind {
        case .governmentFlag:
            let rank = state.standings.first { $0.member == member }?.rank
            guard rank == 1 else {
                throw YearRules.reject(.notFirst, "the government flag goes only to a member ranked first; \(member) is ranked \(rank.map(String.init) ?? "nowhere")",
                                       field: "member")
            }
            guard live.count < rules.flagLimit else {
                throw YearRules.reject(.flagLimit, "the bloc may propose at most \(rules.flagLimit) government flag(s) in \(state.year)",
                                       field: "kind")
            }
        case .pmCertificate:
            if let limit = rules.certificateLimit, live.count >= limit {
                throw YearRules.reject(.certificateLimit, "the bloc may propose at most \(limit) certificate(s) of merit in \(state.year)",
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
                throw YearRules.reject(.wrongElection, "election \(id) did not vote on a \(kind.rawValue)", field: "election")
            }
            guard result.elected.contains(member) else {
                throw YearRules.reject(.notElected, "election \(id) did not elect \(member)", field: "election")
            }
        }
    }
}
