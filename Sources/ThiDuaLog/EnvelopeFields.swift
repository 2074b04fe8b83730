import ThiDuaJSON

/// The members of one input line, sorted into the envelope's fields in a single pass.
struct EnvelopeFields {
    var type, bloc, year, actor, occurredAt, data, id, expectedVersion, correlation, signature: JSON?
    /// Fields of the output format (`export`), accepted so that it re-imports; checked where they must agree.
    var position, stream, version, recordedAt, prevHash, hash, schema, upcast: JSON?
    var hasOutputFields = false

    init(_ members: JSONObject) throws(ThiDuaError) {
        for (key, value) in members {
            // The key's length picks the few names it can be, so each member costs one or two comparisons.
            switch key.utf8.count {
            case 2 where key == "id": id = value
            case 4 where key == "type": type = value
            case 4 where key == "bloc": bloc = value
            case 4 where key == "year": year = value
            case 4 where key == "data": data = value
            case 4 where key == "hash": hash = value; hasOutputFields = true
            case 5 where key == "actor": actor = value
            case 6 where key == "stream": stream = value; hasOutputFields = true
            case 6 where key == "schema": schema = value; hasOutputFields = true
            case 6 where key == "upcast": upcast = value; hasOutputFields = true
            case 7 where key == "version": version = value; hasOutputFields = true
            case 8 where key == "position": position = value; hasOutputFields = true
            case 8 where key == "prevHash": prevHash = value; hasOutputFields = true
            case 9 where key == "signature": signature = value
            case 10 where key == "occurredAt": occurredAt = value
            case 10 where key == "recordedAt": recordedAt = value; hasOutputFields = true
            case 11 where key == "correlation": correlation = value
            case 15 where key == "expectedVersion": expectedVersion = value
            default: throw Self.unknown(in: members)
            }
        }
    }

    /// `upcast` shows an older layout's data as the latest reads it (export, log --format json); on input it is ignored:
    /// the line's own `schema` and `data` are what is stored.
    static let outputFields = ["position", "stream", "version", "recordedAt", "prevHash", "hash", "schema", "upcast"]

    /// Names the first unknown field in sorted order, so the message does not depend on the line's order.
    static func unknown(in members: JSONObject) -> ThiDuaError {
        let known = Set(Envelope.inputFields + outputFields)
        let name = members.keys.sorted().first { !known.contains($0) } ?? ""
        return ThiDuaError(code: .unknownField, field: name, reason: "unknown envelope field",
                           hint: "allowed: \(Envelope.inputFields.sorted().joined(separator: ", "))")
    }
}
