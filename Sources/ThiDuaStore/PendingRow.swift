import ThiDuaCore

/// One decided event, numbered and ready to chain and insert.
struct PendingRow: Sendable {
    let position: Int64
    let stream: String
    let version: Int64
    let id: String
    let type: String
    let actor: String
    let occurredAt: String
    let recordedAt: String
    let correlation: String?
    let data: String
    /// Set for `bloc.founded`: the bloc list gains this bloc in the same transaction.
    var foundedBloc: (code: String, name: String)?

    init(position: Int64, stream: String, version: Int64, id: String, type: String, actor: String, occurredAt: String,
         recordedAt: String, correlation: String?, data: String) {
        self.position = position
        self.stream = stream
        self.version = version
        self.id = id
        self.type = type
        self.actor = actor
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.correlation = correlation
        self.data = data
    }

    /// SHA-256(previous hash ‖ canonical bytes of this row) (EventLog/HASHING.md).
    func hash(chainedTo previous: [UInt8]) -> [UInt8] {
        let canonical = EventHashing.canonicalBytes(
            position: position, stream: stream, version: version, id: id, type: type, schema: EventType.currentSchema,
            actor: actor, occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data)
        return EventHashing.chain(previous: previous, canonical: canonical)
    }
}
