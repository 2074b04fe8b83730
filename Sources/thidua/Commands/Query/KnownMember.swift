import ThiDuaCore

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
