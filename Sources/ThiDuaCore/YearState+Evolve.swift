extension YearState {
    /// Folds one accepted event into the state. Total: an event that no longer fits is ignored.
    public mutating func evolve(_ event: DomainEvent, rules: Rules) {
        if let at = event.occurredAt { times.note(event.payload, at: at) }
        switch event.payload {
        case .yearOpened(let list, let head, let deputies, _):
            status = .open
            for member in list { members.upsert(member) }
            self.head = head
            self.deputies = deputies
        case .memberAdmitted(let code, let name):
            members.upsert(Member(code: code, name: name))
        case .memberWithdrawn(let code, _):
            members.update(code) { $0.active = false }
        case .criterionSet(var criterion):
            criterion.retired = false
            criteria.upsert(criterion)
        case .criterionRetired(let code, _):
            criteria.update(code) { $0.retired = true }
        case .scoreSubmitted(let member, let criterion, let points, let evidence):
            scores[member, default: [:]][criterion, default: ScoreEntry()].submitted = points
            scores[member, default: [:]][criterion, default: ScoreEntry()].evidence = evidence
        case .scoreReviewed(let member, let criterion, let points, _):
            scores[member, default: [:]][criterion, default: ScoreEntry()].reviewed = points
        case .scoresFinalized:
            finalized = true
            if status == .open { status = .finalized }
        case .electionOpened(let spec):
            elections.upsert(ElectionState(spec: spec))
        case .voteCast(let election, let voter, let choices):
            elections.update(election) { $0.votes.upsert(Vote(voter: voter, choices: choices)) }
        case .voteVoided(let election, let voter, _):
            elections.update(election) { $0.votes.remove(voter) }
        case .ballotsTallied(let election, let ballots, let invalid, let counts):
            elections.update(election) { $0.tally = Tally(ballots: ballots, invalid: invalid, counts: counts) }
        case .electionClosed(let id):
            let eligible = activeMembers.count
            elections.update(id) { $0.result = $0.result(eligible: eligible, rules: rules) }
            if let election = elections[id], let result = election.result, result.outcome == .elected {
                // An election for the next year's term leaves this year's officers in office.
                if election.spec.term(in: year) != year {
                    nextTerm.elected(result.elected, office: election.spec.office, by: id)
                    break
                }
                switch election.spec.office {
                case .head:
                    head = result.elected.first
                    deputies.removeAll { $0 == head }
                case .deputy: deputies = result.elected
                case .award: break
                }
            }
        case .officersAppointed(let head, let deputies, _):
            self.head = head
            self.deputies = deputies
        case .pactDrafted(let clauses):
            pact.clauses = clauses
        case .pactSigned(let member, let signatory, let title):
            pact.signatures.upsert(Signature(member: member, signatory: signatory, title: title))
        case .registrationSubmitted(let member, let targets, let titles):
            registrations[member] = Registration(targets: targets, titlesSought: titles)
        case .awardProposed(let member, let kind, let basis, let election):
            awards.upsert(AwardState(member: member, kind: kind, status: .proposed, basis: basis, election: election))
        case .awardWithdrawn(let member, _, _):
            awards.update(member) { $0.status = .withdrawn }
        case .awardDecided(let member, _, let outcome, let decision, let date):
            awards.update(member) {
                $0.status = outcome == .granted ? .granted : .rejected
                $0.decision = decision
                $0.date = date
            }
        case .yearClosed:
            status = .closed
        case .yearReopened:
            status = finalized ? .finalized : .open
        case .blocFounded, .rulesAdopted, .keyRegistered, .keyRevoked:
            break
        }
    }
}
