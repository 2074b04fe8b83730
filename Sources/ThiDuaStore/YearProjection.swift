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
