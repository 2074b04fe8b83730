import ThiDuaLog

/// A public key registered in a bloc (`key.registered`), and whether it has since been revoked.
public struct RegisteredKey: Sendable, Equatable {
    public var holder: String
    public var publicKey: [UInt8]
    public var label: String?
    public var revoked = false

    public init(holder: String, publicKey: [UInt8], label: String?, revoked: Bool = false) {
        self.holder = holder
        self.publicKey = publicKey
        self.label = label
        self.revoked = revoked
    }

    public var fingerprint: String { EventSignature.fingerprint(publicKey: publicKey) }
}

extension BlocState {
    /// Folds a key event into the bloc's keys (from `evolve`; total, like every evolve).
    mutating func evolveKeys(_ payload: Payload) {
        switch payload {
        case .keyRegistered(let holder, let publicKey, let label):
            if keys[publicKey] == nil { keys[publicKey] = RegisteredKey(holder: holder, publicKey: publicKey, label: label) }
        case .keyRevoked(_, let publicKey, _):
            keys[publicKey]?.revoked = true
        default:
            break
        }
    }
}

extension Decider {
    /// `key.registered` and `key.revoked` (§9): a key is registered once per bloc; only a registered, unrevoked key of
    /// that holder is revoked.
    static func decideKey(_ payload: Payload, bloc: BlocState) throws(ThiDuaError) {
        switch payload {
        case .keyRegistered(_, let publicKey, _):
            try requireFounded(bloc)
            if let known = bloc.keys[publicKey] {
                throw reject(.keyRegistered, "key \(known.fingerprint) is already registered in \(bloc.code) to \(known.holder)",
                             field: "data.publicKey", hint: "a key is registered once; generate a new key with thidua key generate")
            }
        case .keyRevoked(let holder, let publicKey, _):
            try requireFounded(bloc)
            let fingerprint = EventSignature.fingerprint(publicKey: publicKey)
            guard let known = bloc.keys[publicKey], known.holder == holder else {
                let whose = bloc.keys[publicKey].map { " to \(holder); it is \($0.holder)'s" } ?? ""
                throw reject(.keyNotRegistered, "key \(fingerprint) is not registered in \(bloc.code)\(whose)", field: "data.publicKey",
                             hint: "list the keys with thidua keys")
            }
            if known.revoked {
                throw reject(.keyRevoked, "key \(fingerprint) of \(holder) is already revoked", field: "data.publicKey")
            }
        default:
            break
        }
    }

    /// A signature proves its event's actor when its key was registered in the bloc before the event, is not revoked, and
    /// is the actor's (its bytes were checked when the event was read). Where the rules in force require signatures, an
    /// unsigned year event is refused.
    static func checkSignature(_ event: DomainEvent, in stream: StreamID, bloc: BlocState) throws(ThiDuaError) {
        guard let signature = event.signature else {
            if let year = stream.year, bloc.rules(forYear: year).signatures == .required {
                throw reject(.unsigned, "the rules in force from \(bloc.rules(forYear: year).fromYear) require every event of \(year) to be signed by its actor",
                             field: "signature", hint: "sign it with the actor's key: --key FILE, or thidua sign")
            }
            return
        }
        try bloc.requireInForce(signature, of: event.actor, field: "signature.publicKey")
    }
}

extension BlocState {
    /// Refuses a signature whose key is not registered here, is revoked, or is not `actor`'s: what makes a signature
    /// prove its actor, for an event and for a document handed to a server alike.
    public func requireInForce(_ signature: EventSignature, of actor: String, field: String) throws(ThiDuaError) {
        guard let key = keys[signature.publicKey] else {
            throw EventSignature.Problem.notRegistered.error(
                field: field, reason: "key \(signature.fingerprint) is not registered in \(code)",
                hint: "the secretariat registers it: thidua key register --holder \(actor) --public-key …")
        }
        if key.revoked {
            throw EventSignature.Problem.revoked.error(field: field, reason: "key \(key.fingerprint) of \(key.holder) was revoked",
                                                       hint: "sign with a key of \(key.holder) that is in force (thidua keys)")
        }
        guard key.holder == actor else {
            throw EventSignature.Problem.wrongHolder.error(
                field: field, reason: "key \(key.fingerprint) is \(key.holder)'s, but the actor is \(actor)",
                hint: "the secretariat acting for a member signs with a secretariat key, as secretariat")
        }
    }
}
