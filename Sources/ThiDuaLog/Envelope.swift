import ThiDuaJSON

/// Parsing of one JSON Lines input line into a `ProposedEvent` (§4), with located errors.
public enum Envelope {
    /// Longest accepted input line, in bytes.
    public static let maximumLineBytes = 1 << 20
    public static let years = 1900...2999

    static let inputFields = ["type", "bloc", "year", "actor", "occurredAt", "data", "id", "expectedVersion", "correlation", "signature"]

    /// Parses one line; `defaultActor` fills in a missing `actor`. With `checkingSignature` false, a signature is read
    /// but not yet verified over the signing bytes: the caller must then pass the event through `SignatureCheck`.
    public static func parse<Bytes: Collection<UInt8>>(line bytes: Bytes, defaultActor: String? = nil,
                                                       checkingSignature: Bool = true) throws(ThiDuaError) -> ProposedEvent {
        guard bytes.count <= maximumLineBytes else {
            throw ThiDuaError(code: .lineTooLong, reason: "the line has \(bytes.count) bytes, the limit is \(maximumLineBytes)",
                              hint: "split large text into a document and cite it")
        }
        let value: JSON
        do {
            value = try JSON.parse(bytes)
        } catch {
            throw ThiDuaError(code: .malformedJson, reason: "malformed JSON at column \(error.column): \(error.reason)")
        }
        guard case .object(let fields) = value else {
            throw ThiDuaError(code: .malformedJson, reason: "a line must be one JSON object, found \(value.kindName)")
        }
        return try parse(object: fields, defaultActor: defaultActor, checkingSignature: checkingSignature)
    }

    public static func parse(object fields: JSONObject, defaultActor: String? = nil,
                             checkingSignature: Bool = true) throws(ThiDuaError) -> ProposedEvent {
        let envelope = try EnvelopeFields(fields)
        let typeText = try string(envelope.type, "type", required: true)!
        guard let type = EventType(rawValue: typeText) else {
            throw ThiDuaError(code: .unknownType, field: "type", reason: "unknown event type \"\(typeText.prefix(40))\"",
                              hint: "see EventLog/EVENTS.md for the known types")
        }
        do {
            return try parseFields(envelope, type: type, defaultActor: defaultActor, checkingSignature: checkingSignature)
        } catch {
            throw error.of(type: typeText)
        }
    }

    static func parseFields(_ fields: EnvelopeFields, type: EventType, defaultActor: String?,
                            checkingSignature: Bool) throws(ThiDuaError) -> ProposedEvent {
        let bloc = try Text.code(try string(fields.bloc, "bloc", required: true)!, field: "bloc")
        let year = try integer(fields.year, "year")
        if type.isBlocStream, year != nil {
            throw ThiDuaError(code: .unexpectedField, field: "year", reason: "\(type.rawValue) is a bloc event and has no year",
                              hint: "remove \"year\"")
        }
        if !type.isBlocStream {
            guard let year else {
                throw ThiDuaError(code: .missingField, field: "year", reason: "missing; \(type.rawValue) belongs to a year",
                                  hint: "add \"year\", e.g. 2018")
            }
            guard years.contains(year) else {
                throw ThiDuaError(code: .badYear, field: "year", reason: "\(year) is not a year between \(years.lowerBound) and \(years.upperBound)")
            }
        }
        guard let actorText = try string(fields.actor, "actor") ?? defaultActor else {
            throw ThiDuaError(code: .missingField, field: "actor", reason: "missing; nobody is named as acting",
                              hint: "add \"actor\" (a member code or \"secretariat\") or pass --as")
        }
        let actor = try actorCode(actorText, field: "actor")
        let occurredAt = try timestamp(fields.occurredAt, "occurredAt")
        let data: JSONObject
        switch fields.data {
        case nil, .null?: data = [:]
        case .object(let object)?: data = try normalized(object, path: "data")
        case let other?:
            throw ThiDuaError(code: .wrongType, field: "data", reason: "expected an object, found \(other.kindName)")
        }
        let id = try string(fields.id, "id").map { text throws(ThiDuaError) in try uuid(text) }
        let expectedVersion = try integer(fields.expectedVersion, "expectedVersion")
        if let expectedVersion, expectedVersion < 0 {
            throw ThiDuaError(code: .badVersion, field: "expectedVersion", reason: "\(expectedVersion) is negative",
                              hint: "use 0 for a stream with no events yet")
        }
        var correlation = try string(fields.correlation, "correlation").map { text throws(ThiDuaError) in
            try Text.normalized(text, field: "correlation")
        }
        if correlation?.isEmpty == true { correlation = nil }
        var event = ProposedEvent(id: id, type: type, bloc: bloc, year: year, actor: actor, occurredAt: occurredAt,
                                  data: data, expectedVersion: expectedVersion, correlation: correlation)
        event.schema = try schema(fields.schema, of: type)
        try checkOutputFields(fields, of: event)
        if let signature = fields.signature {
            event.signature = try EventSignature(json: signature)
            event.keepDataText()
            if checkingSignature { try event.signature!.verify(event) }
        }
        return event
    }

    /// Output-format fields are informational on input, but must not contradict the line.
    static func checkOutputFields(_ fields: EnvelopeFields, of event: ProposedEvent) throws(ThiDuaError) {
        guard fields.hasOutputFields else { return }
        if let stream = try string(fields.stream, "stream"), stream != event.stream.description {
            throw ThiDuaError(code: .streamMismatch, field: "stream",
                              reason: "\"\(stream.prefix(40))\" does not match bloc and year (\(event.stream))")
        }
        _ = try integer(fields.position, "position")
        _ = try integer(fields.version, "version")
        _ = try string(fields.recordedAt, "recordedAt")
        _ = try string(fields.prevHash, "prevHash")
        _ = try string(fields.hash, "hash")
    }

    /// The layout of a line's `data`: its `schema` when given (a layout its type has), else 1.
    static func schema(_ value: JSON?, of type: EventType) throws(ThiDuaError) -> Int {
        guard let schema = try integer(value, "schema") else { return EventType.currentSchema }
        guard type.knows(schema: schema) else {
            throw ThiDuaError(code: .unknownSchema, field: "schema",
                              reason: "schema \(schema) of \(type.rawValue) is not known to this version of thidua",
                              hint: type.latestSchema > 1 ? "\(type.rawValue) has schemas 1 to \(type.latestSchema)" : "upgrade thidua")
        }
        return schema
    }

    public static func actorCode(_ text: String, field: String) throws(ThiDuaError) -> String {
        text == Text.secretariat ? text : try Text.code(text, field: field)
    }

    static func string(_ value: JSON?, _ name: String, required: Bool = false) throws(ThiDuaError) -> String? {
        switch value {
        case nil, .null?:
            if required {
                throw ThiDuaError(code: .missingField, field: name, reason: "missing")
            }
            return nil
        case .string(let text)?: return text
        case let other?: throw ThiDuaError(code: .wrongType, field: name, reason: "expected a string, found \(other.kindName)")
        }
    }

    static func integer(_ value: JSON?, _ name: String) throws(ThiDuaError) -> Int? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)?:
            guard let value = number.intValue else {
                throw ThiDuaError(code: .wrongType, field: name, reason: "expected a whole number, found \(number)")
            }
            return value
        case let other?: throw ThiDuaError(code: .wrongType, field: name, reason: "expected a whole number, found \(other.kindName)")
        }
    }

    static func timestamp(_ value: JSON?, _ name: String) throws(ThiDuaError) -> Timestamp? {
        guard let text = try string(value, name) else { return nil }
        do {
            return try Timestamp(parsing: text)
        } catch {
            throw ThiDuaError(code: .badTimestamp, field: name, reason: error.reason)
        }
    }

    /// A UUID in canonical lowercase form.
    public static func uuid(_ text: String) throws(ThiDuaError) -> String {
        let lower = text.lowercased()
        let bytes = Array(lower.utf8)
        let valid = bytes.count == 36 && bytes.enumerated().allSatisfy { offset, byte in
            [8, 13, 18, 23].contains(offset)
                ? byte == UInt8(ascii: "-")
                : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        guard valid else {
            throw ThiDuaError(code: .badId, field: "id", reason: "\"\(text.prefix(40))\" is not a UUID",
                              hint: "write it like 0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31, or leave it out")
        }
        return lower
    }

    /// NFC-normalises every string in the data and checks control characters and length.
    static func normalized(_ object: JSONObject, path: String) throws(ThiDuaError) -> JSONObject {
        try normalizedMembers(object, path: { path }) ?? object
    }

    /// Checks stored data is as the store writes it: every text NFC, without control characters, within the length limit.
    public static func requireStoredText(_ object: JSONObject, path: String) throws(ThiDuaError) {
        guard try normalizedMembers(object, path: { path }) == nil else {
            throw ThiDuaError(code: .notNfc, field: path, reason: "text is not in NFC, as the store writes every text")
        }
    }

    /// Checks a stored text field, such as the correlation, as `requireStoredText` checks data.
    public static func requireStoredText(_ text: String, field: String) throws(ThiDuaError) {
        guard try Text.normalized(text, field: field).utf8.elementsEqual(text.utf8) else {
            throw ThiDuaError(code: .notNfc, field: field, reason: "text is not in NFC, as the store writes every text")
        }
    }

    /// The object with its text normalised, or nil when it already is; paths are spelled out only for errors.
    private static func normalizedMembers(_ object: JSONObject, path: () -> String) throws(ThiDuaError) -> JSONObject? {
        var result: JSONObject?
        for (index, member) in object.members.enumerated() {
            if let changed = try normalized(member.value, path: { "\(path()).\(member.key)" }) {
                if result == nil { result = object }
                result!.replaceValue(at: index, with: changed)
            }
        }
        return result
    }

    private static func normalized(_ value: JSON, path: () -> String) throws(ThiDuaError) -> JSON? {
        switch value {
        case .string(let text):
            let normal = try Text.normalized(text, field: path())
            return normal.utf8.elementsEqual(text.utf8) ? nil : .string(normal)
        case .array(let elements):
            var result: [JSON]?
            for (index, element) in elements.enumerated() {
                if let changed = try normalized(element, path: { "\(path())[\(index)]" }) {
                    if result == nil { result = elements }
                    result![index] = changed
                }
            }
            return result.map(JSON.array)
        case .object(let object): return try normalizedMembers(object, path: path).map(JSON.object)
        default: return nil
        }
    }
}
