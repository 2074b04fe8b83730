import ThiDuaCore
import ThiDuaLog

/// What the query commands show of one year, kept in SQLite tables beside the log and updated in
/// the same transaction as the events it derives from.
package struct YearProjection: Equatable, Sendable {
    package var bloc: String
    package var year: Int
    /// Position of the year's latest event.
    package var position: Int64
    package var version: Int64
    package var status: String
    package var members: [Member]
    package var head: String?
    package var deputies: [String]
    package var standings: [StandingRow]
    package var elections: [ElectionRow]
    package var clauses: [String]
    package var signatures: [Signature]
    package var pactInForce: Bool
    package var awards: [AwardState]

    package var stream: StreamID { StreamID(bloc: bloc, year: year) }

    package init(state: YearState, position: Int64, version: Int64) {
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

    package func name(of code: String) -> String { members.first { $0.code == code }?.name ?? code }
}
