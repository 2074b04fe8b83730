/// An event with its data decoded: what `decide` accepts and `evolve` folds.
public struct DomainEvent: Sendable, Equatable {
    public var type: EventType
    public var actor: String
    public var payload: Payload

    public init(type: EventType, actor: String, payload: Payload) {
        self.type = type
        self.actor = actor
        self.payload = payload
    }

    /// Decodes the data of a type strictly: unknown or missing fields are errors.
    public init(type: EventType, actor: String, data: JSONObject) throws(ThiDuaError) {
        do {
            var reader = DataReader(data)
            let payload = try Payload(type: type, reading: &reader)
            try reader.finish()
            self.init(type: type, actor: actor, payload: payload)
        } catch {
            throw error.of(type: type.rawValue)
        }
    }

    /// Decodes a logged event; nil when its data no longer decodes (evolve then skips it).
    public init?(recorded: RecordedEvent) {
        self.init(type: recorded.type, actor: recorded.actor, data: recorded.data)
    }

    /// Decodes logged columns; nil when they no longer decode.
    public init?(type: String, actor: String, data: String) {
        var data = data
        guard let event = data.withUTF8({ DomainEvent(type: type, actor: actor, data: $0) }) else { return nil }
        self = event
    }

    /// Decodes logged columns, the data given as UTF-8 bytes; nil when they no longer decode.
    public init?(type: String, actor: String, data: UnsafeBufferPointer<UInt8>) {
        guard let type = EventType(rawValue: type),
              case .object(let fields)? = try? JSON.parse(data),
              let event = try? DomainEvent(type: type, actor: actor, data: fields)
        else { return nil }
        self = event
    }
}
