import ThiDuaLog

/// The rules of §5 for year-stream events, checked against the state before the event.
enum YearRules {
    static func reject(_ code: ThiDuaError.Code, _ reason: String, field: String? = nil, hint: String? = nil) -> ThiDuaError {
        ThiDuaError(code: code, field: field.map { "data.\($0)" }, reason: reason, hint: hint)
    }

    static func check(_ payload: Payload, state: YearState, rules: Rules) throws(ThiDuaError) {
        switch payload {
        case .yearOpened(let members, let head, let deputies, _):
            guard state.status == .unopened else {
                throw reject(.yearOpen, "year \(state.year) of \(state.bloc) is already open")
            }
            guard members.count >= 2 else {
                throw reject(.tooFewMembers, "a year needs at least 2 members, got \(members.count)", field: "members")
            }
            var seen: Set<String> = []
            for member in members where !seen.insert(member.code).inserted {
                throw reject(.duplicateMember, "member \(member.code) is listed twice", field: "members")
            }
            for officer in [head].compactMap({ $0 }) + deputies where !seen.contains(officer) {
                throw reject(.notAMember, "interim officer \(officer) is not among the members",
                             field: head == officer ? "head" : "deputies")
            }
            try checkOfficers(head: head, deputies: deputies)
        case .memberAdmitted(let code, _):
            if state.isActiveMember(code) { throw reject(.memberExists, "\(code) is already a member", field: "code") }
        case .memberWithdrawn(let code, _):
            try requireActive(code, field: "code", state: state)
        case .criterionSet(let criterion):
            try requireScoresOpen(state)
            guard criterion.maxPoints > .zero else {
                throw reject(.badMaximum, "maxPoints must be more than 0, got \(criterion.maxPoints)", field: "maxPoints")
            }
            if state.criteria[criterion.code] != nil {
                for (member, scores) in state.scores.sorted(by: { $0.key < $1.key }) {
                    let entry = scores[criterion.code]
                    if let highest = [entry?.submitted, entry?.reviewed].compactMap({ $0 }).max(), highest > criterion.maxPoints {
                        throw reject(.maximumBelowScore,
                                     "maximum \(criterion.maxPoints) is below the score \(highest) of \(member) on criterion \(criterion.code)",
                                     field: "maxPoints", hint: "review that score down first, or keep a higher maximum")
                    }
                }
            }
        case .criterionRetired(let code, _):
            try requireScoresOpen(state)
            guard let criterion = state.criteria[code] else { throw unknownCriterion(code, field: "code") }
            if criterion.retired { throw reject(.criterionRetired, "criterion \(code) is already retired", field: "code") }
        case .scoreSubmitted(let member, let code, let points, _), .scoreReviewed(let member, let code, let points, _):
            try requireScoresOpen(state)
            try requireActive(member, field: "member", state: state)
            guard let criterion = state.criteria[code] else { throw unknownCriterion(code, field: "criterion") }
            if criterion.retired { throw reject(.criterionRetired, "criterion \(code) is retired", field: "criterion") }
            guard points >= .zero else { throw reject(.negativePoints, "points \(points) are below 0", field: "points") }
            guard points <= criterion.maxPoints else {
                throw reject(.pointsOverMaximum, "points \(points) exceed the maximum \(criterion.maxPoints) of criterion \(code)",
                             field: "points")
            }
        case .scoresFinalized:
            try requireScoresOpen(state)
        case .electionOpened(let spec):
            try checkElectionOpened(spec, state: state)
            if let kind = spec.award { _ = try AwardRules.inForce(kind, field: "award", year: state.year, rules: rules) }
        case .voteCast(let id, let voter, let choices):
            let election = try openElection(id, state: state)
            guard election.spec.method == .open else {
                throw reject(.secretBallot, "election \(id) is a secret ballot; votes are not recorded one by one",
                             field: "election", hint: "the tellers record the count with ballots.tallied")
            }
            try requireActive(voter, field: "voter", state: state)
            if election.votes[voter] != nil {
                throw reject(.alreadyVoted, "\(voter) has already voted in election \(id)", field: "voter",
                             hint: "an officer may void that vote first (vote.voided)")
            }
            var seen: Set<String> = []
            for choice in choices {
                guard election.spec.candidates.contains(choice) else {
                    throw reject(.notACandidate, "\(choice) is not a candidate in election \(id)", field: "choices")
                }
                guard seen.insert(choice).inserted else { throw reject(.duplicateChoice, "\(choice) is chosen twice", field: "choices") }
            }
            guard choices.count <= election.spec.seats else {
                throw reject(.tooManyChoices, "\(choices.count) choices for \(election.spec.seats) seat(s)", field: "choices")
            }
        case .voteVoided(let id, let voter, _):
            let election = try openElection(id, state: state)
            guard election.votes[voter] != nil else {
                throw reject(.noVote, "\(voter) has no vote to void in election \(id)", field: "voter")
            }
        case .ballotsTallied(let id, let ballots, let invalid, let counts):
            let election = try openElection(id, state: state)
            guard election.spec.method == .secret else {
                throw reject(.openBallot, "election \(id) is an open ballot; its votes are counted from vote.cast", field: "election")
            }
            let eligible = state.activeMembers.count
            guard ballots <= eligible else {
                throw reject(.tooManyBallots, "\(ballots) ballots but only \(eligible) active members", field: "ballots")
            }
            let valid = Tally(ballots: ballots, invalid: invalid, counts: [:]).valid
            var total = 0
            for (code, count) in counts.sorted(by: { $0.key < $1.key }) {
                guard election.spec.candidates.contains(code) else {
                    throw reject(.notACandidate, "\(code) is not a candidate in election \(id)", field: "counts.\(code)")
                }
                guard count <= valid else {
                    throw reject(.countOverBallots, "\(code) has \(count) votes but there are \(valid) valid ballots",
                                 field: "counts.\(code)")
                }
                total.addSaturating(count)
            }
            let (capacity, overflow) = valid.multipliedReportingOverflow(by: max(0, election.spec.seats))
            guard overflow || total <= capacity else {
                throw reject(.countOverBallots, "\(total) votes counted exceed \(valid) valid ballots × \(election.spec.seats) seat(s)",
                             field: "counts")
            }
        case .electionClosed(let id):
            _ = try openElection(id, state: state)
        case .officersAppointed(let head, let deputies, _):
            for code in [head] + deputies { try requireActive(code, field: code == head ? "head" : "deputies", state: state) }
            try checkOfficers(head: head, deputies: deputies)
        case .pactDrafted:
            guard state.pact.signatures.isEmpty else {
                throw reject(.pactSigned, "the pact already has \(state.pact.signatures.count) signature(s); it cannot be redrafted")
            }
        case .pactSigned(let member, _, _):
            guard !state.pact.clauses.isEmpty else {
                throw reject(.noPact, "no pact has been drafted for \(state.year)", hint: "draft it first: thidua pact draft")
            }
            try requireActive(member, field: "member", state: state)
            if state.pact.signatures[member] != nil { throw reject(.alreadySigned, "\(member) has already signed the pact", field: "member") }
        case .registrationSubmitted(let member, _, let titles):
            try requireActive(member, field: "member", state: state)
            for (index, kind) in titles.enumerated() {
                _ = try AwardRules.inForce(kind, field: "titlesSought[\(index)]", year: state.year, rules: rules)
            }
        case .awardProposed(let member, let kind, _, let election):
            try AwardRules.checkProposal(member: member, kind: kind, election: election, state: state, rules: rules)
        case .awardWithdrawn(let member, let kind, _):
            guard let award = state.awards[member], award.kind == kind, award.status == .proposed else {
                throw reject(.noProposal, "\(member) has no pending \(kind.rawValue) proposal", field: "member")
            }
        case .awardDecided(let member, let kind, _, _, _):
            guard let award = state.awards[member], award.kind == kind, award.status == .proposed else {
                throw reject(.noProposal, "\(member) has no pending \(kind.rawValue) proposal to decide", field: "member")
            }
        case .yearClosed:
            guard state.finalized else {
                throw reject(.notFinalized, "scores of \(state.year) are not finalized", hint: "finalize them first: thidua scores finalize")
            }
            if let election = state.elections.values.first(where: { !$0.isClosed }) {
                throw reject(.electionOpen, "election \(election.spec.id) is still open", hint: "close it first")
            }
        case .yearReopened:
            guard state.status == .closed else { throw reject(.yearNotClosed, "year \(state.year) is not closed") }
        case .blocFounded, .rulesAdopted, .keyRegistered, .keyRevoked:
            break
        }
    }

    static func requireActive(_ code: String, field: String, state: YearState) throws(ThiDuaError) {
        guard let member = state.members[code] else {
            throw reject(.notAMember, "\(code) is not a member of \(state.bloc) in \(state.year)", field: field)
        }
        guard member.active else {
            throw reject(.memberWithdrawn, "\(code) has withdrawn from \(state.bloc) in \(state.year)", field: field)
        }
    }

    static func requireScoresOpen(_ state: YearState) throws(ThiDuaError) {
        guard !state.finalized else {
            throw reject(.scoresFinal, "scores of \(state.year) are finalized; no score or criterion change is accepted")
        }
    }

    static func unknownCriterion(_ code: String, field: String) -> ThiDuaError {
        reject(.unknownCriterion, "criterion \(code) is not defined", field: field,
               hint: "define it first: thidua criterion set --code \(code) …")
    }

    static func checkOfficers(head: String?, deputies: [String]) throws(ThiDuaError) {
        if let head, deputies.contains(head) {
            throw reject(.officerTwice, "\(head) cannot be both head and deputy", field: "deputies")
        }
        if Set(deputies).count != deputies.count {
            throw reject(.officerTwice, "a deputy is listed twice", field: "deputies")
        }
    }

    static func openElection(_ id: String, state: YearState) throws(ThiDuaError) -> ElectionState {
        guard let election = state.elections[id] else {
            throw reject(.unknownElection, "election \(id) was not opened in \(state.year)", field: "election")
        }
        guard !election.isClosed else { throw reject(.electionClosed, "election \(id) is closed", field: "election") }
        return election
    }

    static func checkElectionOpened(_ spec: ElectionSpec, state: YearState) throws(ThiDuaError) {
        guard state.elections[spec.id] == nil else {
            throw reject(.electionExists, "election \(spec.id) already exists in \(state.year)", field: "election",
                         hint: "choose another id")
        }
        guard spec.seats >= 1 else { throw reject(.badSeats, "seats must be at least 1", field: "seats") }
        if spec.office == .head, spec.seats != 1 { throw reject(.badSeats, "a head election has exactly 1 seat", field: "seats") }
        guard !spec.candidates.isEmpty else { throw reject(.noCandidates, "an election needs candidates", field: "candidates") }
        var seen: Set<String> = []
        for code in spec.candidates {
            try requireActive(code, field: "candidates", state: state)
            guard seen.insert(code).inserted else { throw reject(.duplicateCandidate, "\(code) is listed twice", field: "candidates") }
        }
        guard spec.seats <= spec.candidates.count else {
            throw reject(.badSeats, "\(spec.seats) seats for \(spec.candidates.count) candidate(s); seats cannot exceed candidates",
                         field: "seats")
        }
        switch (spec.office, spec.award) {
        case (.award, nil): throw reject(.missingField, "an award election names the award kind", field: "award")
        case (.head, _?), (.deputy, _?): throw reject(.unexpectedField, "only award elections name an award", field: "award")
        default: break
        }
        try checkTerm(spec, state: state)
    }

    /// Nhiệm kỳ: a head or deputy election elects this year's officers or next year's; an award election is for its year.
    static func checkTerm(_ spec: ElectionSpec, state: YearState) throws(ThiDuaError) {
        guard let term = spec.term, term != state.year else { return }
        if spec.office == .award {
            throw reject(.badTerm, "an award election is for its own year \(state.year), not for term \(term)", field: "term",
                         hint: "leave term out")
        }
        guard term == state.year + 1 else {
            throw reject(.badTerm, "term \(term) is neither \(state.year) nor \(state.year + 1); the \(state.year) stream elects officers for \(state.year) or for the next year",
                         field: "term", hint: "elect the officers of \(term) in the stream of \(term) or \(term - 1)")
        }
    }
}
