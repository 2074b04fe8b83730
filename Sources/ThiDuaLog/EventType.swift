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

    /// The first data layout of every type: what a line or row without another schema has.
    public static let currentSchema = 1

    /// The latest data layout of this type (EventLog/EVENTS.md): `score.submitted` 2 (evidence documents), every other 1.
    /// Every layout from 1 up to it is read; an older one is upcast when read (ThiDuaCore's `Upcast`), never rewritten.
    public var latestSchema: Int { self == .scoreSubmitted ? 2 : 1 }

    public func knows(schema: Int) -> Bool { schema >= 1 && schema <= latestSchema }
}
