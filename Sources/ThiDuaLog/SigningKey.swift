import Crypto

/// A holder's Ed25519 private key (§9), and its key file: one line
/// `thidua-ed25519-private-key v1 HOLDER BASE64`, where BASE64 is the 32-byte seed (RFC 8032's private key).
public struct SigningKey {
    public static let fileTag = "thidua-ed25519-private-key"
    public static let fileVersion = "v1"

    /// A member code or `secretariat`: the only actor this key signs for.
    public let holder: String
    private let key: Curve25519.Signing.PrivateKey

    /// A new random key.
    public init(generatingFor holder: String) throws(ThiDuaError) {
        self.holder = try Self.holder(holder)
        key = Curve25519.Signing.PrivateKey()
    }

    /// The key of a 32-byte seed.
    public init(holder: String, seed: [UInt8]) throws(ThiDuaError) {
        self.holder = try Self.holder(holder)
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
            throw ThiDuaError(code: .badKeyFile, reason: "the private key has \(seed.count) bytes; an Ed25519 private key has 32")
        }
        self.key = key
    }

    /// A holder typed in any letter case: `secretariat`, or a member code upper-cased.
    public static func holder(_ text: String) throws(ThiDuaError) -> String {
        text.lowercased() == Text.secretariat ? Text.secretariat : try Text.code(text.uppercased(), field: "holder")
    }

    public var seed: [UInt8] { Array(key.rawRepresentation) }
    public var publicKey: [UInt8] { Array(key.publicKey.rawRepresentation) }
    public var publicKeyText: String { EventSignature.base64(publicKey) }
    public var fingerprint: String { EventSignature.fingerprint(publicKey: publicKey) }

    /// Signs any bytes.
    public func signature(over message: [UInt8]) throws -> EventSignature {
        try EventSignature(publicKey: publicKey, value: Array(key.signature(for: message)))
    }

    /// Signs an event's signing bytes; refused (`wrong-holder`) unless the event's actor is this key's holder.
    public func sign(_ event: ProposedEvent) throws(ThiDuaError) -> EventSignature {
        guard event.actor == holder else {
            throw EventSignature.Problem.wrongHolder.error(
                field: "actor", reason: "the actor \(event.actor) is not \(holder), who holds key \(fingerprint)",
                hint: "sign with \(event.actor)'s key, or leave out \"actor\" to act as \(holder)"
            ).of(type: event.type.rawValue)
        }
        let bytes = try SigningBytes.bytes(of: event)
        do {
            return try signature(over: bytes)
        } catch let error as ThiDuaError {
            throw error
        } catch {
            throw EventSignature.Problem.malformed.error(field: "signature", reason: "Ed25519 signing failed: \(error)")
        }
    }

    /// The key file's text, one line ending in a newline.
    public var fileText: String { "\(Self.fileTag) \(Self.fileVersion) \(holder) \(EventSignature.base64(seed))\n" }

    /// Parses a key file's text, refusing anything but the one line `fileText` writes.
    public init(fileText text: String) throws(ThiDuaError) {
        var line = Substring(text)
        if line.hasSuffix("\n") { line = line.dropLast() }
        if line.hasSuffix("\r") { line = line.dropLast() }
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        let expected = "expected one line \"\(Self.fileTag) \(Self.fileVersion) HOLDER BASE64\", as thidua key generate writes"
        guard parts.count == 4, parts[0] == Self.fileTag, !line.contains("\n") else {
            throw ThiDuaError(code: .badKeyFile, reason: "not a thidua private key file; \(expected)")
        }
        guard parts[1] == Self.fileVersion else {
            throw ThiDuaError(code: .badKeyFile, reason: "key file version \"\(parts[1].prefix(10))\" is not known to this thidua",
                              hint: "upgrade thidua")
        }
        let holder = String(parts[2])
        guard holder == Text.secretariat || Text.isCode(holder) else {
            throw ThiDuaError(code: .badKeyFile, reason: "the holder \"\(holder.prefix(40))\" is not a member code or secretariat; \(expected)")
        }
        let seed: [UInt8]
        do {
            seed = try EventSignature.base64(.string(String(parts[3])), field: "key")
        } catch {
            throw ThiDuaError(code: .badKeyFile, reason: "the private key is not base64; \(expected)")
        }
        try self.init(holder: holder, seed: seed)
    }
}
