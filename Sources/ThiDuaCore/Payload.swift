import ThiDuaLog

/// The decoded data of each event type (§5), in its latest schema (`Upcast`).
public enum Payload: Sendable, Equatable {
    case blocFounded(name: String, organiser: String?)
    case rulesAdopted(Rules)
    case yearOpened(members: [Member], head: String?, deputies: [String], basis: String? = nil)
    case memberAdmitted(code: String, name: String)
    case memberWithdrawn(code: String, reason: String)
    case criterionSet(Criterion)
    case criterionRetired(code: String, reason: String)
    case scoreSubmitted(member: String, criterion: String, points: Points, evidence: [Evidence])
    case scoreReviewed(member: String, criterion: String, points: Points, reason: String)
    case scoresFinalized
    case electionOpened(ElectionSpec)
    case voteCast(election: String, voter: String, choices: [String])
    case voteVoided(election: String, voter: String, reason: String)
    case ballotsTallied(election: String, ballots: Int, invalid: Int, counts: [String: Int])
    case electionClosed(election: String)
    case officersAppointed(head: String, deputies: [String], basis: String)
    case pactDrafted(clauses: [String])
    case pactSigned(member: String, signatory: String, title: String?)
    case registrationSubmitted(member: String, targets: [String], titlesSought: [AwardKind])
    case awardProposed(member: String, kind: AwardKind, basis: String?, election: String?)
    case awardWithdrawn(member: String, kind: AwardKind, reason: String)
    case awardDecided(member: String, kind: AwardKind, outcome: AwardOutcome, decision: String, date: String)
    case yearClosed
    case yearReopened(reason: String)
    case keyRegistered(holder: String, publicKey: [UInt8], label: String?)
    case keyRevoked(holder: String, publicKey: [UInt8], reason: String)
}

extension Payload {
    init(type: EventType, schema: Int = EventType.currentSchema, reading r: inout DataReader) throws(ThiDuaError) {
        switch type {
        case .blocFounded:
            self = .blocFounded(name: try r.requiredLine("name"), organiser: try r.line("organiser"))
        case .rulesAdopted:
            let fromYear = try r.requiredInteger("fromYear")
            guard Envelope.years.contains(fromYear) else { throw r.fail("fromYear", .badYear, "\(fromYear) is not a year") }
            let givenFlagLimit = try r.integer("flagLimit")
            let flagLimit = givenFlagLimit ?? Rules.defaults.flagLimit
            let certificateLimit = try r.integer("certificateLimit")
            guard flagLimit >= 0 else { throw r.fail("flagLimit", .badValue, "must be 0 or more") }
            if let certificateLimit, certificateLimit < 0 { throw r.fail("certificateLimit", .badValue, "must be 0 or more") }
            var rules = Rules(fromYear: fromYear, majority: try r.fraction("majority") ?? Rules.defaults.majority,
                              quorum: try r.fraction("quorum") ?? Rules.defaults.quorum,
                              flagLimit: flagLimit, certificateLimit: certificateLimit)
            rules.awards = try r.awardDefinitions("awards")
            if rules.awards != nil, let limit = givenFlagLimit != nil ? "flagLimit" : certificateLimit != nil ? "certificateLimit" : nil {
                throw r.fail(limit, .unexpectedField, "\(limit) limits a national kind, which an adopted list of awards replaces",
                             hint: "give each adopted kind its own limit in awards")
            }
            rules.signatures = try r.choice("signatures", as: SignaturePolicy.self) ?? .optional
            self = .rulesAdopted(rules)
        case .yearOpened:
            guard case .array(let list)? = r.value("members") else {
                throw r.fail("members", .missingField, "missing; list the members as [{\"code\":…, \"name\":…}]")
            }
            var members: [Member] = []
            for (index, element) in list.enumerated() {
                guard case .object(let fields) = element else {
                    throw r.fail("members[\(index)]", .wrongType, "expected {\"code\":…, \"name\":…}")
                }
                var inner = DataReader(fields)
                do {
                    let member = Member(code: try inner.code("code"), name: try inner.requiredLine("name"))
                    try inner.finish()
                    members.append(member)
                } catch {
                    throw ThiDuaError(code: error.code, field: error.field.map { $0.replacingPrefix("data.", with: "data.members[\(index)].") },
                                      reason: error.reason, hint: error.hint)
                }
            }
            self = .yearOpened(members: members, head: try r.optionalCode("head"),
                               deputies: try r.codes("deputies", required: false), basis: try r.text("basis"))
        case .memberAdmitted:
            self = .memberAdmitted(code: try r.code("code"), name: try r.requiredLine("name"))
        case .memberWithdrawn:
            self = .memberWithdrawn(code: try r.code("code"), reason: try r.requiredText("reason"))
        case .criterionSet:
            let criterion = Criterion(code: try r.code("code"), title: try r.requiredLine("title"),
                                      maxPoints: try r.points("maxPoints"),
                                      kind: try r.choice("kind", as: CriterionKind.self) ?? .base,
                                      group: try r.optionalCode("group"))
            self = .criterionSet(criterion)
        case .criterionRetired:
            self = .criterionRetired(code: try r.code("code"), reason: try r.requiredText("reason"))
        case .scoreSubmitted:
            self = .scoreSubmitted(member: try r.code("member"), criterion: try r.code("criterion"),
                                   points: try r.points("points"), evidence: try Upcast.evidence(&r, schema: schema))
        case .scoreReviewed:
            self = .scoreReviewed(member: try r.code("member"), criterion: try r.code("criterion"),
                                  points: try r.points("points"), reason: try r.requiredText("reason"))
        case .scoresFinalized:
            self = .scoresFinalized
        case .electionOpened:
            self = .electionOpened(ElectionSpec(
                id: try r.code("election"), office: try r.requiredChoice("office", as: Office.self),
                seats: try r.requiredInteger("seats"), candidates: try r.codes("candidates"),
                method: try r.choice("method", as: BallotMethod.self) ?? .open,
                award: try r.optionalAwardKind("award"), term: try r.integer("term")))
        case .voteCast:
            self = .voteCast(election: try r.code("election"), voter: try r.code("voter"), choices: try r.codes("choices"))
        case .voteVoided:
            self = .voteVoided(election: try r.code("election"), voter: try r.code("voter"), reason: try r.requiredText("reason"))
        case .ballotsTallied:
            let ballots = try r.requiredInteger("ballots")
            let invalid = try r.integer("invalid") ?? 0
            guard ballots >= 0 else { throw r.fail("ballots", .badValue, "must be 0 or more") }
            guard invalid >= 0, invalid <= ballots else {
                throw r.fail("invalid", .badValue, "\(invalid) invalid ballots out of \(ballots) is impossible")
            }
            self = .ballotsTallied(election: try r.code("election"), ballots: ballots, invalid: invalid,
                                   counts: try r.countsByCode("counts"))
        case .electionClosed:
            self = .electionClosed(election: try r.code("election"))
        case .officersAppointed:
            self = .officersAppointed(head: try r.code("head"), deputies: try r.codes("deputies", required: false),
                                      basis: try r.requiredText("basis"))
        case .pactDrafted:
            let clauses = try r.texts("clauses")
            guard !clauses.isEmpty else { throw r.fail("clauses", .missingField, "a pact needs at least one clause") }
            self = .pactDrafted(clauses: clauses)
        case .pactSigned:
            self = .pactSigned(member: try r.code("member"), signatory: try r.requiredLine("signatory"), title: try r.line("title"))
        case .registrationSubmitted:
            let titles = try r.awardKinds("titlesSought")
            self = .registrationSubmitted(member: try r.code("member"), targets: try r.texts("targets"), titlesSought: titles)
        case .awardProposed:
            self = .awardProposed(member: try r.code("member"), kind: try r.requiredAwardKind("kind"),
                                  basis: try r.text("basis"), election: try r.optionalCode("election"))
        case .awardWithdrawn:
            self = .awardWithdrawn(member: try r.code("member"), kind: try r.requiredAwardKind("kind"),
                                   reason: try r.requiredText("reason"))
        case .awardDecided:
            let date = try r.requiredText("date")
            guard (try? Timestamp(bound: date)) != nil else {
                throw r.fail("date", .badDate, "\"\(date.prefix(40))\" is not a date", hint: "write it like 2018-12-25")
            }
            self = .awardDecided(member: try r.code("member"), kind: try r.requiredAwardKind("kind"),
                                 outcome: try r.requiredChoice("outcome", as: AwardOutcome.self),
                                 decision: try r.requiredText("decision"), date: date)
        case .yearClosed:
            self = .yearClosed
        case .yearReopened:
            self = .yearReopened(reason: try r.requiredText("reason"))
        case .keyRegistered:
            self = .keyRegistered(holder: try r.holder("holder"), publicKey: try r.publicKey("publicKey"), label: try r.line("label"))
        case .keyRevoked:
            self = .keyRevoked(holder: try r.holder("holder"), publicKey: try r.publicKey("publicKey"), reason: try r.requiredText("reason"))
        }
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
