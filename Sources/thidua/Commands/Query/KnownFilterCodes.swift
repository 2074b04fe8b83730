import ThiDuaCore
import ThiDuaStore

extension YearState {
    /// The member a filter names, in any letter case; an error naming the year's members when the year never had it.
    func knownMember(_ text: String) throws -> String {
        let code = text.uppercased()
        guard members[code] == nil else { return code }
        let known = members.values.map(\.code)
        throw CLIError.rejected("\(bloc) \(year) has no member \(text); "
            + (known.isEmpty ? "it has no members" : "its members are \(known.joined(separator: ", "))"))
    }
}

extension YearProjection {
    /// The election a filter names, in any letter case, as a one-row list; an error naming the year's elections when it never had it.
    func knownElection(_ text: String) throws -> [ElectionRow] {
        let id = text.uppercased()
        let rows = elections.filter { $0.id == id }
        guard rows.isEmpty else { return rows }
        throw CLIError.rejected("\(bloc) \(year) has no election \(text); "
            + (elections.isEmpty ? "it has no elections" : "its elections are \(elections.map(\.id).joined(separator: ", "))"))
    }
}
