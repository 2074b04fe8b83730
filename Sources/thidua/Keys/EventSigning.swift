import Foundation
import ThiDuaLog

/// `--key FILE` (else `$THIDUA_KEY`) on a typed write: the event is signed by the key's holder before it is appended.
enum EventSigning {
    /// The key file to sign with: the option, else `$THIDUA_KEY`; nil when neither is given (the event stays unsigned).
    static func keyPath(_ option: String?) throws -> String? {
        if option == nil, ProcessInfo.processInfo.environment["THIDUA_KEY"]?.isEmpty ?? true { return nil }
        return try KeyFile.path(option)
    }

    /// The event signed with the key at `option` (or `$THIDUA_KEY`), its id and occurredAt filled in as `thidua sign` does;
    /// unchanged when no key is given.
    static func signed(_ event: ProposedEvent, key option: String?) throws -> ProposedEvent {
        guard let path = try keyPath(option) else { return event }
        return try signed(event, with: try KeyFile.load(path), now: try SignCommand.now())
    }

    /// The event signed with `key`, a missing id and occurredAt filled in (a new UUID, `now`).
    static func signed(_ event: ProposedEvent, with key: SigningKey, now: Timestamp) throws(ThiDuaError) -> ProposedEvent {
        var event = event
        if event.id == nil { event.id = UUID().uuidString.lowercased() }
        if event.occurredAt == nil { event.occurredAt = now }
        event.signature = try key.sign(event)
        return event
    }
}
