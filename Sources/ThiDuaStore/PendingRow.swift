import ThiDuaCore
import ThiDuaLog

/// One decided event, numbered and ready for the writer to chain and insert.
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
    var schema = EventType.currentSchema
    /// The stored signature: public key then value, 96 bytes; nil when unsigned.
    var signature: [UInt8]?
    /// Set for `bloc.founded`: the bloc list gains this bloc in the same transaction.
    var foundedBloc: (code: String, name: String)?

    /// The row as the log holds it once inserted with `hash`.
    func recorded(hash: [UInt8]) -> RecordedEvent {
        RecordedEvent(position: position, stream: stream, version: version, id: id, type: type, schema: schema, actor: actor,
                      occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data, hash: hash,
                      signature: signature)
    }

    /// Appends the row's canonical bytes (EventLog/HASHING.md): what is hashed, and what the columns are bound from.
    func appendCanonical(to row: inout CanonicalRow) {
        row.appendRow(position: position, stream: stream, version: version, id: id, type: type, schema: schema,
                      actor: actor, occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data)
    }

    /// The hash of this row after `previous`, its canonical bytes given: a signed row's canonical bytes end with
    /// its signature, as a twelfth netstring (EventLog/HASHING.md).
    func hash(previous: UnsafeRawBufferPointer, canonical: UnsafeRawBufferPointer) -> [UInt8] {
        guard let signature else { return Array(EventHashing.chain(previous: previous, canonical: canonical)) }
        return Array(EventHashing.chain(previous: previous, canonical: canonical, signature: signature))
    }
}
