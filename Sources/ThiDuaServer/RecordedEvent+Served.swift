import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

extension RecordedEvent {
    /// The line `thidua log --format json` prints: the output format (§4), with `"upcast":{"schema","data"}` for a row
    /// stored in an older layout that its type's latest reads differently (as the CLI's `shownJSON`).
    func servedJSON(prevHash: [UInt8]) -> JSON {
        let json = outputJSON(prevHash: prevHash)
        guard let known = EventType(rawValue: type), schema < known.latestSchema, case .object(var fields) = json,
              case .object(let data)? = fields["data"] else { return json }
        let upcast = Upcast.data(data, type: known, schema: schema)
        guard upcast != data else { return json }
        fields["upcast"] = .object(["schema": JSON(known.latestSchema), "data": .object(upcast)])
        return .object(fields)
    }
}
