import ThiDuaJSON

/// An event as the log holds it.
public struct RecordedEvent: Equatable, Sendable {
    public var position: Int64
    public var stream: String
    public var version: Int64
    public var id: String
    public var type: String
    public var schema: Int
    public var actor: String
    public var occurredAt: String
    public var recordedAt: String
    public var correlation: String?
    /// Canonical JSON text of the data object.
    public var data: String
    public var hash: [UInt8]
    /// The signature as stored: the public key (32 bytes) then the value (64); nil when the event is unsigned.
    public var signature: [UInt8]?

    public init(position: Int64, stream: String, version: Int64, id: String, type: String, schema: Int, actor: String,
                occurredAt: String, recordedAt: String, correlation: String?, data: String, hash: [UInt8],
                signature: [UInt8]? = nil) {
        self.position = position
        self.stream = stream
        self.version = version
        self.id = id
        self.type = type
        self.schema = schema
        self.actor = actor
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.correlation = correlation
        self.data = data
        self.hash = hash
        self.signature = signature
    }

    /// The stored signature read as one; nil when unsigned or when the stored bytes are not a signature.
    public var eventSignature: EventSignature? { signature.flatMap { try? EventSignature(storedBytes: $0) } }

    public var canonicalBytes: [UInt8] {
        EventHashing.canonicalBytes(position: position, stream: stream, version: version, id: id, type: type,
                                    schema: schema, actor: actor, occurredAt: occurredAt, recordedAt: recordedAt,
                                    correlation: correlation, data: data, signature: signature)
    }

    /// The output format (§4): the input envelope plus position, stream, version, recordedAt and the chain.
    public func outputJSON(prevHash: [UInt8]) -> JSON {
        var fields: JSONObject = [
            "position": .number(JSONNumber(Int(position))),
            "stream": .string(stream),
            "version": .number(JSONNumber(Int(version))),
            "id": .string(id),
            "type": .string(type),
            "schema": .number(JSONNumber(schema)),
            "actor": .string(actor),
            "occurredAt": .string(occurredAt),
            "recordedAt": .string(recordedAt),
            "data": (try? JSON.parse(data)) ?? .string(data),
            "prevHash": .string(EventHashing.hex(prevHash)),
            "hash": .string(EventHashing.hex(hash)),
        ]
        if let streamID = StreamID(stream) {
            fields["bloc"] = .string(streamID.bloc)
            if let year = streamID.year { fields["year"] = .number(JSONNumber(year)) }
        }
        if let correlation { fields["correlation"] = .string(correlation) }
        if let signature, signature.count == EventSignature.publicKeyBytes + EventSignature.valueBytes {
            fields["signature"] = .object([
                "publicKey": .string(EventSignature.base64(Array(signature.prefix(EventSignature.publicKeyBytes)))),
                "value": .string(EventSignature.base64(Array(signature.dropFirst(EventSignature.publicKeyBytes)))),
            ])
        }
        return .object(fields)
    }
}
