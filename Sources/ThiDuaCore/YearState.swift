/// Năm thi đua: the whole state of one bloc's year, folded from its stream.
public struct YearState: Sendable, Equatable {
    public enum Status: String, Sendable { case unopened, open, finalized, closed }

    public let bloc: String
    public let year: Int
    public var status: Status = .unopened
    /// Whether `scores.finalized` has been recorded (kept when a closed year is reopened).
    public var finalized = false
    public var members: OrderedTable<Member> = OrderedTable()
    public var head: String?
    public var deputies: [String] = []
    public var criteria: OrderedTable<Criterion> = OrderedTable()
    /// Scores by member, then criterion.
    public var scores: [String: [String: ScoreEntry]] = [:]
    public var elections: OrderedTable<ElectionState> = OrderedTable()
    public var pact = PactState()
    public var registrations: [String: Registration] = [:]
    /// Awards by member: one achievement, one reward.
    public var awards: OrderedTable<AwardState> = OrderedTable()
    /// Officers elected in this stream for the next year's term (nhiệm kỳ sau); this year's stay in office.
    public var nextTerm = NextTermOfficers()
    /// When the events that later ones depend on occurred (the time rule).
    public var times = YearTimes()

    public init(bloc: String, year: Int) {
        self.bloc = bloc
        self.year = year
    }

    public var activeMembers: [Member] { members.values.filter(\.active) }

    public func isActiveMember(_ code: String) -> Bool { members[code]?.active == true }

    public func isOfficer(_ code: String) -> Bool { head == code || deputies.contains(code) }
}

/// Scores of one member on one criterion: its latest self-score and the latest review.
public struct ScoreEntry: Hashable, Sendable {
    public var submitted: Points?
    public var reviewed: Points?
    /// The evidence of the latest self-score, upcast (`Upcast`).
    public var evidence: [Evidence] = []

    public init(submitted: Points? = nil, reviewed: Points? = nil, evidence: [Evidence] = []) {
        self.submitted = submitted
        self.reviewed = reviewed
        self.evidence = evidence
    }

    /// The latest review, else the latest self-score.
    public var effective: Points? { reviewed ?? submitted }
}

/// Giao ước thi đua: the pact's clauses and who signed.
public struct PactState: Hashable, Sendable {
    public var clauses: [String] = []
    public var signatures: OrderedTable<Signature> = OrderedTable()
}

public struct Signature: Hashable, Sendable, Keyed {
    public var member: String
    public var signatory: String
    public var title: String?
    public var key: String { member }

    public init(member: String, signatory: String, title: String?) {
        self.member = member
        self.signatory = signatory
        self.title = title
    }
}

/// A member's emulation registration (đăng ký thi đua).
public struct Registration: Hashable, Sendable {
    public var targets: [String]
    public var titlesSought: [AwardKind]
}

/// An award proposal (đề nghị khen thưởng) and its fate.
public struct AwardState: Hashable, Sendable, Keyed {
    public enum Status: String, Sendable { case proposed, withdrawn, granted, rejected }
    public var member: String
    public var kind: AwardKind
    public var status: Status
    public var basis: String?
    public var election: String?
    public var decision: String?
    public var date: String?
    public var key: String { member }

    public init(member: String, kind: AwardKind, status: Status, basis: String? = nil, election: String? = nil,
                decision: String? = nil, date: String? = nil) {
        self.member = member
        self.kind = kind
        self.status = status
        self.basis = basis
        self.election = election
        self.decision = decision
        self.date = date
    }
}

/// An election as announced, with its ballots and, once closed, its result.
public struct ElectionState: Hashable, Sendable, Keyed {
    public var spec: ElectionSpec
    /// Live open-ballot votes by voter (voided ones removed).
    public var votes: OrderedTable<Vote> = OrderedTable()
    public var tally: Tally?
    public var result: ElectionResult?
    public var key: String { spec.id }
    public var isClosed: Bool { result != nil }
}

public struct Vote: Hashable, Sendable, Keyed {
    public var voter: String
    public var choices: [String]
    public var key: String { voter }
}

/// Kết quả kiểm phiếu of a secret ballot, as the tellers report it.
public struct Tally: Hashable, Sendable {
    public var ballots: Int
    public var invalid: Int
    public var counts: [String: Int]
}

extension Member: Keyed { public var key: String { code } }
extension Criterion: Keyed { public var key: String { code } }
