import Crypto
import Foundation
import ThiDuaJSON

/// An Ed25519 signature of an event's signing bytes (EventLog/SIGNING.md), with the public key that made it.
/// On a line: `"signature":{"publicKey":"<base64 of 32 bytes>","value":"<base64 of 64 bytes>"}`.
public struct EventSignature: Hashable, Sendable {
    public static let publicKeyBytes = 32
    public static let valueBytes = 64
    static let fields = ["publicKey", "value"]

    public let publicKey: [UInt8]
    public let value: [UInt8]

    public init(publicKey: [UInt8], value: [UInt8]) throws(ThiDuaError) {
        guard publicKey.count == Self.publicKeyBytes else {
            throw Problem.keyLength.error(field: "signature.publicKey",
                                          reason: "the public key has \(publicKey.count) bytes; an Ed25519 public key has 32",
                                          hint: "copy the whole key printed by thidua key generate")
        }
        guard !Self.isWeak(publicKey: publicKey) else {
            throw Problem.weakKey.error(field: "signature.publicKey",
                                        reason: "the public key is of small order or not spelled canonically, so it proves no one",
                                        hint: "generate a key with thidua key generate")
        }
        guard value.count == Self.valueBytes else {
            throw Problem.valueLength.error(field: "signature.value",
                                            reason: "the value has \(value.count) bytes; an Ed25519 signature has 64",
                                            hint: "sign the line again with thidua sign")
        }
        self.publicKey = publicKey
        self.value = value
    }

    /// Parses the value of a line's `signature` member: an object of exactly `publicKey` and `value`, each strict
    /// base64 (standard alphabet, padded, nothing else: no spaces, no line breaks, no URL-safe letters).
    public init(json: JSON) throws(ThiDuaError) {
        guard case .object(let object) = json else {
            throw Problem.malformed.error(field: "signature", reason: "expected an object, found \(json.kindName)",
                                          hint: "write {\"publicKey\":\"…\",\"value\":\"…\"}")
        }
        if let extra = object.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            throw Problem.unknownField.error(field: "signature.\(extra.prefix(40))",
                                             reason: "a signature holds only publicKey and value",
                                             hint: "remove \"\(extra.prefix(40))\"")
        }
        let publicKey = try Self.base64(object["publicKey"], field: "signature.publicKey")
        let value = try Self.base64(object["value"], field: "signature.value")
        try self.init(publicKey: publicKey, value: value)
    }

    /// `{"publicKey":"…","value":"…"}`
    public var json: JSON {
        .object(["publicKey": .string(Self.base64(publicKey)), "value": .string(Self.base64(value))])
    }

    public var publicKeyText: String { Self.base64(publicKey) }

    /// As the log stores it (EventLog/SIGNING.md): the 32 public-key bytes, then the 64 of the value.
    public var storedBytes: [UInt8] { publicKey + value }

    /// Reads a stored signature; refused when it is not 96 bytes, or its key is weak.
    public init(storedBytes bytes: [UInt8]) throws(ThiDuaError) {
        guard bytes.count == Self.publicKeyBytes + Self.valueBytes else {
            throw Problem.malformed.error(field: "signature", reason: "the stored signature has \(bytes.count) bytes; the store writes 96")
        }
        try self.init(publicKey: Array(bytes[..<Self.publicKeyBytes]), value: Array(bytes[Self.publicKeyBytes...]))
    }

    /// The first 16 hex digits of SHA-256 of the 32 public-key bytes: how people name a key.
    public var fingerprint: String { Self.fingerprint(publicKey: publicKey) }

    public static func fingerprint(publicKey: [UInt8]) -> String {
        String(EventHashing.hex(Array(SHA256.hash(data: publicKey))).prefix(16))
    }

    /// True when `value` is a valid Ed25519 signature of `message` by `publicKey` (RFC 8032; S must be below L).
    public func isValid(over message: [UInt8]) -> Bool {
        guard !Self.isWeak(publicKey: publicKey), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(value, for: message)
    }

    /// Checks the signature over the event's signing bytes: refused as `bytes-altered` when it does not verify.
    public func verify(_ event: ProposedEvent) throws(ThiDuaError) {
        guard isValid(over: try SigningBytes.bytes(of: event)) else {
            throw Problem.bytesAltered.error(field: "signature",
                                             reason: "the signature does not verify over the event's signing bytes with key \(fingerprint)",
                                             hint: "the line was changed after it was signed, or signed with another key: sign it again")
                .of(type: event.type.rawValue)
        }
    }

    /// The eight points of small order, for which signatures verify over many messages, and the two of them
    /// (x = 0) spelled with the sign bit set.
    static let smallOrderKeys: Set<[UInt8]> = Set([
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    ].compactMap(EventHashing.bytes(hex:)))

    /// A key no one holds alone: of small order, or with y ≥ p (a second spelling, which RFC 8032 refuses to decode
    /// and some libraries reduce). Refused everywhere, so that every verifier gives the same answer.
    public static func isWeak(publicKey: [UInt8]) -> Bool {
        guard publicKey.count == publicKeyBytes else { return true }
        let yAtLeastP = publicKey[31] & 0x7f == 0x7f && publicKey[1...30].allSatisfy { $0 == 0xff } && publicKey[0] >= 0xed
        return yAtLeastP || smallOrderKeys.contains(publicKey)
    }

    public static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// Strict base64: decodes only text that encodes back to itself, so one signature has one spelling.
    static func base64(_ value: JSON?, field: String) throws(ThiDuaError) -> [UInt8] {
        guard let value else {
            throw Problem.malformed.error(field: field, reason: "missing", hint: "write {\"publicKey\":\"…\",\"value\":\"…\"}")
        }
        guard case .string(let text) = value else {
            throw Problem.malformed.error(field: field, reason: "expected a base64 string, found \(value.kindName)")
        }
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else {
            throw Problem.notBase64.error(field: field, reason: "\"\(text.prefix(40))\" is not base64",
                                          hint: "standard base64 with = padding, no spaces or line breaks")
        }
        return Array(data)
    }
}

extension EventSignature {
    /// Why a signature is refused. Every problem is refused with the code `bad-signature`; its name ends the reason,
    /// in parentheses, so a reader (and a test) tells them apart: `… (bytes-altered) [bad-signature]`.
    public enum Problem: String, CaseIterable, Sendable {
        /// `signature` is not an object of two strings.
        case malformed
        /// `signature` holds a member other than publicKey and value.
        case unknownField = "unknown-field"
        /// publicKey or value is not strict base64.
        case notBase64 = "not-base64"
        /// publicKey is not 32 bytes.
        case keyLength = "key-length"
        /// The public key is of small order or not canonically spelled: anyone could sign as it.
        case weakKey = "weak-key"
        /// value is not 64 bytes.
        case valueLength = "value-length"
        /// The value does not verify over the event's signing bytes with the public key.
        case bytesAltered = "bytes-altered"
        /// The event's actor is not the key's holder.
        case wrongHolder = "wrong-holder"
        /// The key was not registered in the bloc before the event.
        case notRegistered = "not-registered"
        /// The key was revoked before the event.
        case revoked

        public func error(field: String?, reason: String, hint: String? = nil) -> ThiDuaError {
            ThiDuaError(code: .badSignature, field: field, reason: "\(reason) (\(rawValue))", hint: hint)
        }

        /// The problem a `bad-signature` refusal names, if it is one.
        public init?(of error: ThiDuaError) {
            guard error.code == .badSignature, error.reason.hasSuffix(")"),
                  let open = error.reason.lastIndex(of: "(") else { return nil }
            self.init(rawValue: String(error.reason[error.reason.index(after: open)...].dropLast()))
        }
    }
}

extension EventSignature {
    /// A stored row's signature, checked over the row's signing bytes: refused as `bytes-altered` when it does not
    /// verify, or with what is wrong with the stored bytes themselves.
    public init(storedRow bytes: [UInt8], bloc: String, year: Int?, type: String, schema: Int, actor: String, occurredAt: String,
                id: String, correlation: String?, data: String) throws(ThiDuaError) {
        do {
            try self.init(storedBytes: bytes)
        } catch {
            throw error.of(type: type)
        }
        let message = SigningBytes.bytes(bloc: bloc, year: year, type: type, schema: schema, actor: actor, occurredAt: occurredAt,
                                         id: id, correlation: correlation, data: data)
        guard isValid(over: message) else {
            throw Problem.bytesAltered.error(field: "signature",
                                             reason: "the signature does not verify over the row's signing bytes with key \(fingerprint)",
                                             hint: "the row was changed after it was signed").of(type: type)
        }
    }
}

extension EventSignature {
    /// A public key written in event data (`key.registered`, `key.revoked`): strict base64 of 32 bytes, not weak.
    public static func publicKey(base64 text: String, field: String) throws(ThiDuaError) -> [UInt8] {
        let bytes = try base64(.string(text), field: field)
        guard bytes.count == publicKeyBytes else {
            throw Problem.keyLength.error(field: field, reason: "the public key has \(bytes.count) bytes; an Ed25519 public key has 32",
                                          hint: "copy the whole key printed by thidua key generate")
        }
        guard !isWeak(publicKey: bytes) else {
            throw Problem.weakKey.error(field: field, reason: "the public key is of small order or not spelled canonically, so it proves no one",
                                        hint: "generate a key with thidua key generate")
        }
        return bytes
    }
}
