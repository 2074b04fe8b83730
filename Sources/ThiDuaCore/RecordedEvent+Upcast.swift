import ThiDuaJSON
import ThiDuaLog

extension RecordedEvent {
    /// The output line (§4) with, for a row stored in an older layout that its type's latest reads differently,
    /// `"upcast":{"schema":…,"data":…}`: the data as every reader sees it (`Upcast`). The row's own `schema` and
    /// `data` stay as stored, so the line re-imports with its signature and matches its hash.
    public func shownJSON(prevHash: [UInt8]) -> JSON {
        let json = outputJSON(prevHash: prevHash)
        guard let known = EventType(rawValue: type), schema < known.latestSchema, case .object(var fields) = json,
              case .object(let data)? = fields["data"] else { return json }
        let upcast = Upcast.data(data, type: known, schema: schema)
        guard upcast != data else { return json }
        fields["upcast"] = .object(["schema": JSON(known.latestSchema), "data": .object(upcast)])
        return .object(fields)
    }
}
