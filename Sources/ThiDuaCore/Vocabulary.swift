/// Kind of a criterion line: base points, bonus (điểm thưởng) or penalty (điểm trừ).
public enum CriterionKind: String, CaseIterable, Sendable, Codable { case base, bonus, penalty }

/// What an election fills: the head (Khối trưởng), deputies (Khối phó), or an award proposal.
public enum Office: String, CaseIterable, Sendable, Codable { case head, deputy, award }

/// Open ballot (biểu quyết công khai) or secret ballot (bỏ phiếu kín).
public enum BallotMethod: String, CaseIterable, Sendable, Codable { case open, secret }

public enum AwardOutcome: String, CaseIterable, Sendable, Codable { case granted, rejected }

/// Đơn vị thành viên: an agency in the bloc for a year.
public struct Member: Hashable, Sendable {
    public var code: String
    public var name: String
    public var active: Bool

    public init(code: String, name: String, active: Bool = true) {
        self.code = code
        self.name = name
        self.active = active
    }
}

/// Tiêu chí thi đua: one line of the scoring table.
public struct Criterion: Hashable, Sendable {
    public var code: String
    public var title: String
    public var maxPoints: Points
    public var kind: CriterionKind
    public var group: String?
    public var retired = false

    public init(code: String, title: String, maxPoints: Points, kind: CriterionKind, group: String?) {
        self.code = code
        self.title = title
        self.maxPoints = maxPoints
        self.kind = kind
        self.group = group
    }
}

/// Voting and award rules a bloc adopts from a year on.
public struct Rules: Hashable, Sendable {
    public var fromYear: Int
    public var majority: Fraction
    public var quorum: Fraction
    public var flagLimit: Int
    public var certificateLimit: Int?
    /// The award kinds adopted; nil keeps the national ones (`AwardDefinition.national`).
    public var awards: [AwardDefinition]? = nil
    /// Whether every year event must be signed by its actor (`rules.adopted` signatures).
    public var signatures: SignaturePolicy = .optional

    public static let defaults = Rules(fromYear: 0, majority: Fraction(1, 2), quorum: Fraction(2, 3),
                                       flagLimit: 1, certificateLimit: nil)
}

/// How an election was announced.
public struct ElectionSpec: Hashable, Sendable {
    public var id: String
    public var office: Office
    public var seats: Int
    public var candidates: [String]
    public var method: BallotMethod
    public var award: AwardKind?
    /// Nhiệm kỳ: the year whose head or deputies it elects, when the event names one (absent: the stream's year).
    public var term: Int? = nil

    /// The year whose officers it elects, in a stream of `year`.
    public func term(in year: Int) -> Int { term ?? year }
}

/// `rules.adopted` signatures: from the adoption's fromYear, must every year event be validly signed by its actor?
public enum SignaturePolicy: String, CaseIterable, Sendable, Codable { case optional, required }
