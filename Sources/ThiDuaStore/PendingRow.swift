import ThiDuaCore

/// One decided event, numbered and ready to chain and insert: its columns are the fields of its
/// canonical bytes (EventLog/HASHING.md), which the writer hashes and binds without copying.
struct PendingRow: Sendable {
    let position: Int64
    let version: Int64
    let canonical: [UInt8]
    let hasCorrelation: Bool
    /// Set for `bloc.founded`: the bloc list gains this bloc in the same transaction.
    var foundedBloc: (code: String, name: String)?

    init(position: Int64, stream: String, version: Int64, id: String, type: String, actor: String, occurredAt: String,
         recordedAt: String, correlation: String?, data: String) {
        self.position = position
        self.version = version
        self.hasCorrelation = correlation != nil
        canonical = EventHashing.canonicalBytes(
            position: position, stream: stream, version: version, id: id, type: type, schema: EventType.currentSchema,
            actor: actor, occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data)
    }

    /// SHA-256(previous hash ‖ canonical bytes of this row).
    func hash(chainedTo previous: [UInt8]) -> [UInt8] {
        EventHashing.chain(previous: previous, canonical: canonical)
    }
}
