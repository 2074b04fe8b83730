import ThiDuaJSON

extension AwardState {
    /// `json` with `kindName`, the kind's name as the bloc's rules give it (not part of the stateHash: names come
    /// from the bloc's stream, not the year's).
    public func json(kindName: String?) -> JSON {
        guard case .object(var fields) = json else { return json }
        fields["kindName"] = kindName.map(JSON.string) ?? .null
        return .object(fields)
    }
}
