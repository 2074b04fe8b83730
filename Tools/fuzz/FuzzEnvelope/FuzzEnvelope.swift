import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// Any bytes as one input line: refused with a located error, or parsed into a `ProposedEvent` that
/// re-encodes to a line parsing to the same event; its data then decodes or is refused, never traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEnvelope(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    let event: ProposedEvent
    do {
        event = try Envelope.parse(line: bytes, defaultActor: "secretariat")
    } catch {
        guard !error.code.rawValue.isEmpty, !error.description.isEmpty else { fatalError("an error without a code") }
        return 0
    }
    var fields: JSONObject = ["type": .string(event.type.rawValue), "bloc": .string(event.bloc), "actor": .string(event.actor),
                              "data": .object(event.data)]
    if let year = event.year { fields["year"] = JSON(year) }
    if let occurredAt = event.occurredAt { fields["occurredAt"] = .string(occurredAt.text) }
    if let id = event.id { fields["id"] = .string(id) }
    if let version = event.expectedVersion { fields["expectedVersion"] = JSON(version) }
    if let correlation = event.correlation { fields["correlation"] = .string(correlation) }
    let line = JSON.object(fields).canonicalBytes
    guard let again = try? Envelope.parse(line: line) else { fatalError("re-encoded line refused: \(String(decoding: line, as: UTF8.self))") }
    guard again == event else { fatalError("re-encoded line differs: \(String(decoding: line, as: UTF8.self))") }
    if let decoded = try? DomainEvent(type: event.type, schema: event.schema, actor: event.actor, data: event.data) {
        guard DomainEvent(type: event.type.rawValue, schema: event.schema, actor: event.actor, data: event.dataText) == decoded else {
            fatalError("stored data decodes differently: \(event.dataText)")
        }
    }
    return 0
}
