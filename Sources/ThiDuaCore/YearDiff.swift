/// One difference between two states of a year, with the events that caused it.
public struct YearChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case status, member, criterion, score, standing, officers, election, signature, award }

    public var kind: Kind
    /// What changed: a member, `member criterion`, an election id…
    public var subject: String
    public var before: String
    public var after: String
    /// Positions of the events between the two moments that bear on this change.
    public var causes: [Int64]
}

/// What changed in a year between two moments (§7 `diff`).
public enum YearDiff {
    /// `events` are those folded into `after` but not into `before`, with their positions.
    public static func changes(from a: YearState, to b: YearState, events: [(position: Int64, event: DomainEvent)]) -> [YearChange] {
        var out: [YearChange] = []
        func add(_ kind: YearChange.Kind, _ subject: String, _ before: String, _ after: String, _ bears: (Payload) -> Bool) {
            guard before != after else { return }
            out.append(YearChange(kind: kind, subject: subject, before: before, after: after,
                                  causes: events.filter { bears($0.event.payload) }.map(\.position)))
        }
        add(.status, "year \(b.year)", a.status.rawValue, b.status.rawValue) {
            switch $0 { case .yearOpened, .scoresFinalized, .yearClosed, .yearReopened: true; default: false }
        }
        for code in union(a.members.values.map(\.code), b.members.values.map(\.code)) {
            add(.member, code, describe(a.members[code]), describe(b.members[code])) { $0.memberCode == code }
        }
        for code in union(a.criteria.values.map(\.code), b.criteria.values.map(\.code)) {
            add(.criterion, code, describe(a.criteria[code]), describe(b.criteria[code])) { $0.criterionCode == code }
        }
        for member in union(b.members.values.map(\.code), a.members.values.map(\.code)) {
            let criteria = union(Array((a.scores[member] ?? [:]).keys).sorted(), Array((b.scores[member] ?? [:]).keys).sorted())
            for criterion in criteria {
                add(.score, "\(member) \(criterion)", describe(a.scores[member]?[criterion]), describe(b.scores[member]?[criterion])) {
                    $0.memberCode == member && $0.criterionCode == criterion
                }
            }
        }
        let before = Dictionary(a.standings.map { ($0.member, $0) }, uniquingKeysWith: { first, _ in first })
        for row in b.standings {
            add(.standing, row.member, before[row.member].map { "rank \($0.rank), total \($0.total)" } ?? "not ranked",
                "rank \(row.rank), total \(row.total)") { $0.isScoring }
        }
        add(.officers, "officers", officers(a), officers(b)) {
            switch $0 { case .yearOpened, .officersAppointed, .electionClosed: true; default: false }
        }
        for id in union(a.elections.values.map(\.spec.id), b.elections.values.map(\.spec.id)) {
            add(.election, id, describe(a.elections[id]), describe(b.elections[id])) { $0.electionID == id }
        }
        for member in union(a.pact.signatures.values.map(\.member), b.pact.signatures.values.map(\.member)) {
            add(.signature, member, a.pact.signatures[member].map { "signed by \($0.signatory)" } ?? "not signed",
                b.pact.signatures[member].map { "signed by \($0.signatory)" } ?? "not signed") {
                if case .pactSigned(let signer, _, _) = $0 { return signer == member }
                return false
            }
        }
        for member in union(a.awards.values.map(\.member), b.awards.values.map(\.member)) {
            add(.award, member, describe(a.awards[member]), describe(b.awards[member])) {
                switch $0 {
                case .awardProposed(let m, _, _, _), .awardWithdrawn(let m, _, _), .awardDecided(let m, _, _, _, _): m == member
                default: false
                }
            }
        }
        return out
    }

    static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set<String>()
        return (first + second).filter { seen.insert($0).inserted }
    }

    static func officers(_ s: YearState) -> String {
        "head \(s.head ?? "none"); deputies \(s.deputies.isEmpty ? "none" : s.deputies.joined(separator: ", "))"
    }

    static func describe(_ m: Member?) -> String { m.map { "\($0.name)\($0.active ? "" : " (withdrawn)")" } ?? "absent" }

    static func describe(_ c: Criterion?) -> String {
        c.map { "\($0.kind.rawValue) max \($0.maxPoints)\($0.retired ? " (retired)" : ""): \($0.title)" } ?? "absent"
    }

    static func describe(_ e: ScoreEntry?) -> String {
        guard let e else { return "none" }
        return "\(e.effective.map { "\($0)" } ?? "none")" + (e.reviewed != nil ? " (reviewed; self \(e.submitted.map { "\($0)" } ?? "none"))" : "")
    }

    static func describe(_ e: ElectionState?) -> String {
        guard let e else { return "absent" }
        guard let result = e.result else { return "open, \(e.ballots) ballot(s)" }
        return "\(result.outcome.rawValue): \(result.elected.isEmpty ? "nobody" : result.elected.joined(separator: ", ")) (\(result.ballots) ballots)"
    }

    static func describe(_ a: AwardState?) -> String {
        a.map { "\($0.kind.rawValue) \($0.status.rawValue)" + ($0.decision.map { ", \($0)" } ?? "") } ?? "none"
    }
}

extension Payload {
    /// The member an event is about, if any.
    var memberCode: String? {
        switch self {
        case .memberAdmitted(let code, _), .memberWithdrawn(let code, _): code
        case .scoreSubmitted(let member, _, _, _), .scoreReviewed(let member, _, _, _), .pactSigned(let member, _, _),
             .registrationSubmitted(let member, _, _), .awardProposed(let member, _, _, _), .awardWithdrawn(let member, _, _),
             .awardDecided(let member, _, _, _, _): member
        default: nil
        }
    }

    /// The criterion an event is about, if any.
    var criterionCode: String? {
        switch self {
        case .criterionSet(let c): c.code
        case .criterionRetired(let code, _): code
        case .scoreSubmitted(_, let criterion, _, _), .scoreReviewed(_, let criterion, _, _): criterion
        default: nil
        }
    }

    var electionID: String? {
        switch self {
        case .electionOpened(let spec): spec.id
        case .voteCast(let id, _, _), .voteVoided(let id, _, _), .ballotsTallied(let id, _, _, _), .electionClosed(let id): id
        default: nil
        }
    }

    /// Events that move totals or ranks.
    var isScoring: Bool {
        switch self {
        case .scoreSubmitted, .scoreReviewed, .criterionSet, .criterionRetired, .memberAdmitted, .memberWithdrawn, .yearOpened: true
        default: false
        }
    }
}
