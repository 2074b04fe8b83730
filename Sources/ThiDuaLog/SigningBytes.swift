/// The bytes a signer signs (EventLog/SIGNING.md): everything the signer decides about an event, as netstrings
/// like the chain's canonical bytes (EventLog/HASHING.md), and nothing the store adds (position, stream version,
/// recordedAt, the hash). A year-stream event and a bloc event never sign alike: a bloc event's year is the empty text.
public enum SigningBytes {
    /// The fields in signing order: bloc, year, type, schema, actor, occurredAt, id, correlation, data.
    public static func bytes(bloc: String, year: Int?, type: String, schema: Int, actor: String, occurredAt: String,
                             id: String, correlation: String?, data: String) -> [UInt8] {
        var row = CanonicalRow()
        row.append(bloc)
        if let year { row.append(Int64(year)) } else { row.append("") }
        row.append(type)
        row.append(Int64(schema))
        row.append(actor)
        row.append(occurredAt)
        row.append(id)
        row.append(correlation ?? "")
        row.append(data)
        return row.bytes
    }

    /// The signing bytes of a proposed event, which must carry its own id and occurredAt: the store would otherwise
    /// choose them, after the signer signed.
    public static func bytes(of event: ProposedEvent) throws(ThiDuaError) -> [UInt8] {
        guard let id = event.id else {
            throw ThiDuaError(code: .missingField, eventType: event.type.rawValue, field: "id",
                              reason: "a signed event carries its own id", hint: "thidua sign fills it in")
        }
        guard let occurredAt = event.occurredAt else {
            throw ThiDuaError(code: .missingField, eventType: event.type.rawValue, field: "occurredAt",
                              reason: "a signed event carries its own occurredAt", hint: "thidua sign fills it in")
        }
        return bytes(bloc: event.bloc, year: event.year, type: event.type.rawValue, schema: event.schema,
                     actor: event.actor, occurredAt: occurredAt.text, id: id, correlation: event.correlation,
                     data: event.dataText)
    }

    /// The signing bytes of a stored row, from its columns as stored; nil when its stream is not `BLOC` or `BLOC/YEAR`.
    public static func bytes(of event: RecordedEvent) -> [UInt8]? {
        guard let stream = StreamID(event.stream) else { return nil }
        return bytes(bloc: stream.bloc, year: stream.year, type: event.type, schema: event.schema, actor: event.actor,
                     occurredAt: event.occurredAt, id: event.id, correlation: event.correlation, data: event.data)
    }
}
