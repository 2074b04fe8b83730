import ThiDuaJSON
import ThiDuaLog

/// Schema evolution in one place: every reader of an event's data (the Decider, replay, queries, export) reads it
/// through here, in its type's latest layout. A stored event is never rewritten: it keeps its bytes, its schema
/// and its hash, and is upcast each time it is read.
///
/// `score.submitted` 1 → 2: `evidence` text becomes `[{"title": text}]` (no document), no `evidence` becomes `[]`.
public enum Upcast {
    /// The data of an event of `type` stored with `schema`, in the type's latest layout. Data that does not decode
    /// under its schema is returned as it is (the reader that decodes it reports why).
    public static func data(_ data: JSONObject, type: EventType, schema: Int) -> JSONObject {
        guard type == .scoreSubmitted, schema < type.latestSchema else { return data }
        var upcast = data
        switch data["evidence"] {
        case nil, .null?: upcast["evidence"] = nil
        case .string(let text)?: upcast["evidence"] = .array([Evidence(title: text).json])
        default: return data
        }
        return upcast
    }

    /// A self-score's evidence as its schema has it, upcast: schema 1 is one text (several lines allowed, as it
    /// always was), schema 2 a list of documents (EventLog/EVENTS.md).
    static func evidence(_ r: inout DataReader, schema: Int) throws(ThiDuaError) -> [Evidence] {
        if schema < 2 { return try r.text("evidence").map { [Evidence(title: $0)] } ?? [] }
        return try r.evidenceList("evidence")
    }
}
