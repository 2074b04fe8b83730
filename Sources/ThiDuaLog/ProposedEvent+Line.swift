import ThiDuaJSON

extension ProposedEvent {
    /// The event as an input line (§4), canonical; with `signature` when signed (EventLog/SIGNING.md): the one given,
    /// else the event's own.
    public func inputJSON(signature: EventSignature? = nil) -> JSON {
        let signature = signature ?? self.signature
        var fields: JSONObject = [
            "type": .string(type.rawValue), "bloc": .string(bloc), "actor": .string(actor), "data": .object(data),
        ]
        if let year { fields["year"] = JSON(year) }
        if let id { fields["id"] = .string(id) }
        if let occurredAt { fields["occurredAt"] = .string(occurredAt.text) }
        if let correlation { fields["correlation"] = .string(correlation) }
        if let expectedVersion { fields["expectedVersion"] = JSON(expectedVersion) }
        if let signature { fields["signature"] = signature.json }
        if schema != EventType.currentSchema { fields["schema"] = JSON(schema) }
        return .object(fields)
    }
}
