import ThiDuaJSON
import ThiDuaLog

/// An event with its data decoded: what `decide` accepts and `evolve` folds.
public struct DomainEvent: Sendable, Equatable {
    public var type: EventType
    public var actor: String
    public var payload: Payload
    /// When it happened (valid time) and when the log learned it; nil only where no time is known (then the
    /// time rule is not applied to it and the state keeps no time of it).
    public var occurredAt: Timestamp?
    public var recordedAt: Timestamp?
    /// The signature the event carries, its bytes already checked (by the envelope, or against the stored row);
    /// the Decider checks that its key was registered to the actor and not revoked.
    public var signature: EventSignature?

    public init(type: EventType, actor: String, payload: Payload, occurredAt: Timestamp? = nil, recordedAt: Timestamp? = nil) {
        self.type = type
        self.actor = actor
        self.payload = payload
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
    }

    /// The same event with its times.
    public func at(occurredAt: Timestamp?, recordedAt: Timestamp?) -> DomainEvent {
        var event = self
        event.occurredAt = occurredAt
        event.recordedAt = recordedAt
        return event
    }

    /// Decodes the data of a type strictly: unknown or missing fields are errors.
    public init(type: EventType, schema: Int = EventType.currentSchema, actor: String, data: JSONObject) throws(ThiDuaError) {
        do throws(ThiDuaError) {
            guard type.knows(schema: schema) else {
                throw ThiDuaError(code: .unknownSchema, field: "schema",
                                  reason: "schema \(schema) of \(type.rawValue) is not known to this version of thidua")
            }
            var reader = DataReader(data)
            let payload = try Payload(type: type, schema: schema, reading: &reader)
            try reader.finish()
            self.init(type: type, actor: actor, payload: payload)
        } catch {
            throw error.of(type: type.rawValue)
        }
    }

    /// Decodes a logged event; nil when its data no longer decodes (evolve then skips it).
    public init?(recorded: RecordedEvent) {
        self.init(type: recorded.type, schema: recorded.schema, actor: recorded.actor, data: recorded.data)
        occurredAt = try? Timestamp(parsing: recorded.occurredAt)
        recordedAt = try? Timestamp(parsing: recorded.recordedAt)
    }

    /// Decodes logged columns; nil when they no longer decode.
    public init?(type: String, schema: Int = EventType.currentSchema, actor: String, data: String) {
        var data = data
        guard let event = data.withUTF8({ DomainEvent(type: type, schema: schema, actor: actor, data: $0) }) else { return nil }
        self = event
    }

    /// Decodes logged columns, the data given as UTF-8 bytes; nil when they no longer decode.
    public init?(type: String, schema: Int = EventType.currentSchema, actor: String, data: UnsafeBufferPointer<UInt8>) {
        guard let event = try? DomainEvent(logged: type, schema: schema, actor: actor, data: data) else { return nil }
        self = event
    }

    /// Decodes logged columns as untrusted input: throws why a row no longer decodes (an unknown type,
    /// data that is not a JSON object, fields the type does not have or lacks). With `storedText`, verify's
    /// view: every text must also be as the store writes it (NFC, no control characters, within the limit).
    public init(logged type: String, schema: Int = EventType.currentSchema, actor: String, data: UnsafeBufferPointer<UInt8>,
                storedText: Bool = false) throws(ThiDuaError) {
        guard let known = EventType(rawValue: type) else {
            throw ThiDuaError(code: .unknownType, field: "type", reason: "unknown event type \"\(type.prefix(40))\"")
        }
        let value: JSON
        do {
            value = try JSON.parse(data)
        } catch {
            throw ThiDuaError(code: .malformedJson, eventType: type, field: "data",
                              reason: "the data is not valid JSON (column \(error.column): \(error.reason))")
        }
        guard case .object(let fields) = value else {
            throw ThiDuaError(code: .wrongType, eventType: type, field: "data", reason: "expected an object, found \(value.kindName)")
        }
        if storedText { try Envelope.requireStoredText(fields, path: "data") }
        try self.init(type: known, schema: schema, actor: actor, data: fields)
    }
}
