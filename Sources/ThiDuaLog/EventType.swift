/// Every event type of schema 1 (§5).
public enum EventType: String, CaseIterable, Sendable, Codable {
    case blocFounded = "bloc.founded"
    case rulesAdopted = "rules.adopted"
    case yearOpened = "year.opened"
    case memberAdmitted = "member.admitted"
    case memberWithdrawn = "member.withdrawn"
    case criterionSet = "criterion.set"
    case criterionRetired = "criterion.retired"
    case scoreSubmitted = "score.submitted"
    case scoreReviewed = "score.reviewed"
    case scoresFinalized = "scores.finalized"
    case electionOpened = "election.opened"
    case voteCast = "vote.cast"
    case voteVoided = "vote.voided"
    case ballotsTallied = "ballots.tallied"
    case electionClosed = "election.closed"
    case officersAppointed = "officers.appointed"
    case pactDrafted = "pact.drafted"
    case pactSigned = "pact.signed"
    case registrationSubmitted = "registration.submitted"
    case awardProposed = "award.proposed"
    case awardWithdrawn = "award.withdrawn"
    case awardDecided = "award.decided"
    case yearClosed = "year.closed"
    case yearReopened = "year.reopened"
    case keyRegistered = "key.registered"
    case keyRevoked = "key.revoked"

    /// Bloc-stream events have no year; all others belong to one year's stream.
    public var isBlocStream: Bool { self == .blocFounded || self == .rulesAdopted || self == .keyRegistered || self == .keyRevoked }

    /// Acts a member does for itself; the rest of the year stream are officer acts.
    public var isMemberAct: Bool {
        switch self {
        case .scoreSubmitted, .voteCast, .pactSigned, .registrationSubmitted: true
        default: false
        }
    }

    /// The current data layout version of this type.
    public static let currentSchema = 1
}
