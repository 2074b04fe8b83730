import ThiDuaCore

/// What the query commands show of one year, kept in SQLite tables beside the log and updated in
/// the same transaction as the events it derives from.
public struct YearProjection: Equatable, Sendable {
    public var bloc: String
    public var year: Int
    /// Position of the year's latest event.
    public var position: Int64
    public var version: Int64
    public var status: String
    public var members: [Member]
    public var head: String?
    public var deputies: [String]
    public var standings: [StandingRow]
    public var elections: [ElectionRow]
    public var clauses: [String]
    public var signatures: [Signature]
    public var pactInForce: Bool
    public var awards: [AwardState]

    public var stream: StreamID { StreamID(bloc: bloc, year: year) }

    public init(state: YearState, position: Int64, version: Int64) {
        bloc = state.bloc
        year = state.year
        self.position = position
        self.version = version
        status = state.status.rawValue
        members = state.members.values
        head = state.head
        deputies = state.deputies
        standings = state.standings
        elections = state.elections.values.map(ElectionRow.init)
        clauses = state.pact.clauses
        signatures = state.pact.signatures.values
        pactInForce = state.pactInForce
        awards = state.awards.values
    }

    init(bloc: String, year: Int, position: Int64, version: Int64, status: String, members: [Member], head: String?,
         deputies: [String], standings: [StandingRow], elections: [ElectionRow], clauses: [String],
         signatures: [Signature], pactInForce: Bool, awards: [AwardState]) {
        self.bloc = bloc
        self.year = year
        self.position = position
        self.version = version
        self.status = status
        self.members = members
        self.head = head
        self.deputies = deputies
        self.standings = standings
        self.elections = elections
        self.clauses = clauses
        self.signatures = signatures
        self.pactInForce = pactInForce
        self.awards = awards
    }

    public func name(of code: String) -> String { members.first { $0.code == code }?.name ?? code }
}

/// An election as the `elections` query shows it.
public struct ElectionRow: Equatable, Sendable {
    public var id: String
    public var office: String
    public var seats: Int
    public var method: String
    public var award: String?
    public var candidates: [String]
    public var ballots: Int
    public var tally: [String: Int]
    public var status: String
    public var outcome: String
    public var elected: [String]

    init(_ election: ElectionState) {
        id = election.spec.id
        office = election.spec.office.rawValue
        seats = election.spec.seats
        method = election.spec.method.rawValue
        award = election.spec.award?.rawValue
        candidates = election.spec.candidates
        ballots = election.result?.ballots ?? election.ballots
        tally = election.result?.votes ?? election.counts
        status = election.isClosed ? "closed" : "open"
        outcome = election.result?.outcome.rawValue ?? "open"
        elected = election.result?.elected ?? []
    }

    init(id: String, office: String, seats: Int, method: String, award: String?, candidates: [String], ballots: Int,
         tally: [String: Int], status: String, outcome: String, elected: [String]) {
        self.id = id
        self.office = office
        self.seats = seats
        self.method = method
        self.award = award
        self.candidates = candidates
        self.ballots = ballots
        self.tally = tally
        self.status = status
        self.outcome = outcome
        self.elected = elected
    }
}
