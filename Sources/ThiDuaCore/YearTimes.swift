import ThiDuaLog

/// When the events that later events of the year depend on occurred (valid time), kept for the time rule:
/// nothing may have occurred before what it depends on.
public struct YearTimes: Hashable, Sendable {
    public var opened: Timestamp?
    public var finalized: Timestamp?
    public var pactDrafted: Timestamp?
    /// The latest `criterion.set` of each criterion.
    public var criteria: [String: Timestamp] = [:]
    /// The `election.opened` of each election.
    public var elections: [String: Timestamp] = [:]

    public init() {}

    /// Whether the states keep the time of an event of this kind (a fold that does not decide reads no other time).
    public static func kept(for payload: Payload) -> Bool {
        switch payload {
        case .blocFounded, .yearOpened, .criterionSet, .scoresFinalized, .electionOpened, .pactDrafted: true
        default: false
        }
    }

    mutating func note(_ payload: Payload, at time: Timestamp) {
        switch payload {
        case .yearOpened: opened = time
        case .criterionSet(let criterion): criteria[criterion.code] = time
        case .scoresFinalized: finalized = time
        case .electionOpened(let spec): elections[spec.id] = time
        case .pactDrafted: pactDrafted = time
        default: break
        }
    }
}

/// Head and deputies elected in a year's stream for the next year's term, and by which elections.
public struct NextTermOfficers: Hashable, Sendable {
    public var head: String?
    public var deputies: [String] = []
    /// The closed elections that filled the head's seat and the deputies'.
    public var headElection: String?
    public var deputyElection: String?

    public init(head: String? = nil, deputies: [String] = [], headElection: String? = nil, deputyElection: String? = nil) {
        self.head = head
        self.deputies = deputies
        self.headElection = headElection
        self.deputyElection = deputyElection
    }

    public var isEmpty: Bool { head == nil && deputies.isEmpty }

    /// The elections that filled the seats: the head's first.
    public var elections: [String] { [headElection, deputyElection].compactMap { $0 } }

    mutating func elected(_ codes: [String], office: Office, by election: String) {
        switch office {
        case .head:
            head = codes.first
            deputies.removeAll { $0 == head }
            headElection = election
        case .deputy:
            deputies = codes
            deputyElection = election
        case .award:
            break
        }
    }
}

extension YearState {
    /// The term of each election: the year whose officers it elects.
    public var electionTerms: [String: Int] {
        var terms: [String: Int] = [:]
        for election in elections.values { terms[election.spec.id] = election.spec.term(in: year) }
        return terms
    }
}
