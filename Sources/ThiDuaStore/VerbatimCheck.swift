import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// Reads a verbatim export line by line as restore and `verify --export` do: each line must be the canonical text of
/// its record, each row must follow the one before (position, its stream's version, prevHash), recompute to its hash
/// and be an event thidua would have accepted there (re-decided with the fold verify uses), and the end line must
/// close the file. The first problem is thrown with its line.
package struct VerbatimCheck {
    private var previous = EventHashing.genesis
    private var expectedPosition: Int64 = 1
    private var versions: [String: Int64] = [:]
    private var last = (stream: "", version: Int64(0))
    private var ids = Set<RowID>()
    private var canonical = CanonicalRow()
    private var rewritten: [UInt8] = []
    private var line = 0
    private var ended = false
    var fold = LogFold()
    /// Events read so far, and the last one's position and hash.
    package private(set) var events: Int64 = 0
    package private(set) var head: (position: Int64, hash: [UInt8]) = (0, EventHashing.genesis)
    /// The hash the file holds at `watched`, once read (for `--digest`).
    package var watched: Int64?
    package private(set) var watchedHash: [UInt8]?

    package init() {}

    /// Checks the next line, without its line feed (`complete` says whether it had one); the event row it holds, if any.
    package mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool) throws(VerbatimRefusal) -> Verbatim.Row? {
        line += 1
        guard complete else {
            throw refusal(.exportTruncated, "the line ends without a line feed: the file was cut short")
        }
        if ended { throw refusal(.exportMalformed, "a line follows the end line") }
        if line == 1 { try header(bytes); return nil }
        let object: JSONObject
        do {
            guard case .object(let parsed) = try JSON.parse(bytes) else { throw refusal(.exportMalformed, "the line is not a JSON object") }
            object = parsed
        } catch let error as VerbatimRefusal {
            throw error
        } catch {
            throw refusal(.exportMalformed, "the line is not JSON (\(error)): a byte was changed, or the line was cut")
        }
        guard case .string(let kindText) = object["kind"] else { throw refusal(.exportMalformed, "the line has no kind") }
        switch Verbatim.Kind(rawValue: kindText) {
        case .event: return try event(object, bytes)
        case .end: try end(object, bytes); return nil
        case .evidence:
            throw refusal(.exportUnknownKind, "an evidence document, which this build of thidua does not read")
        case .header: throw refusal(.exportMalformed, "a second header line")
        case nil: throw refusal(.exportUnknownKind, "a record of kind \"\(kindText.prefix(40))\", which this thidua does not know")
        }
    }

    /// Every line read: the file must have ended with its end line.
    package func finish() throws(VerbatimRefusal) {
        guard line > 0 else { throw VerbatimRefusal(line: 1, code: .exportTruncated, reason: "the file is empty") }
        guard ended else {
            throw VerbatimRefusal(line: line, position: nil, code: .exportTruncated,
                                  reason: "the file ends without its end line: it was cut short after \(events) event(s)")
        }
    }

    private func refusal(_ code: ThiDuaError.Code, _ reason: String, position: Int64? = nil) -> VerbatimRefusal {
        VerbatimRefusal(line: line, position: position, code: code, reason: reason)
    }

    private mutating func header(_ bytes: UnsafeBufferPointer<UInt8>) throws(VerbatimRefusal) {
        guard !bytes.elementsEqual(Verbatim.headerLine.utf8) else { return }
        if case .object(let object)? = try? JSON.parse(bytes) {
            if object["kind"] == nil, object["hash"] != nil {
                throw refusal(.notVerbatim, "this is a plain export (thidua export), not a verbatim one: append it to a new log "
                              + "(thidua append, which re-founds the log with new recordedAt), or export again with thidua export --verbatim")
            }
            if case .string("header")? = object["kind"], case .string(let format)? = object["format"], format == "thidua.verbatim" {
                throw refusal(.notVerbatim, "the header is not \(Verbatim.headerLine): a format this thidua does not read, or a byte was changed")
            }
        }
        throw refusal(.notVerbatim, "the file does not begin with the header of a verbatim export (\(Verbatim.headerLine))")
    }

    private mutating func event(_ object: JSONObject, _ bytes: UnsafeBufferPointer<UInt8>) throws(VerbatimRefusal) -> Verbatim.Row {
        let row = try Self.row(object, line: line)
        rewritten.removeAll(keepingCapacity: true)
        Verbatim.writeEvent(row, to: &rewritten)
        guard rewritten.count == bytes.count + 1, rewritten.withUnsafeBufferPointer({ $0.prefix(bytes.count).elementsEqual(bytes) }) else {
            throw refusal(.exportMalformed, "the line is not the canonical text of its row (keys in order, no spaces, minimal escapes, "
                          + "lowercase hex): a byte was changed", position: row.position)
        }
        let position = row.position
        guard position == expectedPosition else {
            throw refusal(.exportChainBroken, position > expectedPosition
                          ? "position \(position) where \(expectedPosition) was expected: rows were removed"
                          : "position \(position) where \(expectedPosition) was expected: rows were reordered or repeated", position: position)
        }
        guard row.prevHash == previous else {
            throw refusal(.exportChainBroken, "prevHash is not the hash of the row before: rows were edited, reordered or removed", position: position)
        }
        let before = row.stream == last.stream ? last.version : versions[row.stream] ?? 0
        guard row.version == before &+ 1 else {
            throw refusal(.exportChainBroken, "version \(row.version) of \(row.stream.prefix(40)) does not follow \(before)", position: position)
        }
        if let problem = Self.storedProblem(row) {
            throw refusal(.exportMalformed, problem + "; the store never writes that", position: position)
        }
        guard ids.insert(RowID(row.id)).inserted else {
            throw refusal(.exportChainBroken, "the id \(row.id) is already the id of an earlier row", position: position)
        }
        canonical.reset()
        row.appendCanonical(to: &canonical)
        let computed = canonical.bytes.withUnsafeBytes { bytes in
            previous.withUnsafeBytes { EventHashing.chain(previous: $0, canonical: bytes) }
        }
        guard computed.elementsEqual(row.hash) else {
            throw refusal(.exportChainBroken, "the row does not match its hash: it was edited", position: position)
        }
        if row.stream != last.stream, !last.stream.isEmpty { versions[last.stream] = last.version }
        last = (row.stream, row.version)
        fold.add(stream: row.stream, position: position, version: row.version, type: row.type, schema: row.schema, actor: row.actor,
                 occurredAt: Timestamp(stored: row.occurredAt), recordedAt: Timestamp(stored: row.recordedAt),
                 correlation: row.correlation, data: row.data,
                 signed: row.signature.map { LogFold.Signed(signature: $0, id: row.id, occurredAt: row.occurredAt) })
        if let broken = fold.firstBreak {
            throw VerbatimRefusal(line: line, position: position, code: broken.rule.code, reason: broken.rule.reason,
                                  rule: broken.rule.of(type: row.type))
        }
        previous = row.hash
        expectedPosition = position &+ 1
        events += 1
        head = (position, row.hash)
        if position == watched { watchedHash = row.hash }
        return row
    }

    private mutating func end(_ object: JSONObject, _ bytes: UnsafeBufferPointer<UInt8>) throws(VerbatimRefusal) {
        guard case .number(let count)? = object["events"], let events = count.intValue,
              case .number(let at)? = object["position"], let position = at.intValue, object.count == 4,
              case .string? = object["head"] else {
            throw refusal(.exportMalformed, "the end line is not {\"events\":N,\"head\":HEX,\"kind\":\"end\",\"position\":N}")
        }
        guard Int64(events) == self.events, Int64(position) == head.position, object["head"] == .string(EventHashing.hex(head.hash)) else {
            throw refusal(.exportTruncated, "the end line says \(events) event(s) up to position \(position), but the file holds "
                          + "\(self.events) up to position \(head.position) with another head: rows were removed or added")
        }
        guard bytes.elementsEqual(Verbatim.endLine(events: self.events, head: head).utf8) else {
            throw refusal(.exportMalformed, "the end line is not in canonical form: a byte was changed")
        }
        ended = true
    }

    /// The row an event line describes, every field of the type the store writes; anything else is refused.
    static func row(_ object: JSONObject, line: Int) throws(VerbatimRefusal) -> Verbatim.Row {
        func fail(_ reason: String) -> VerbatimRefusal { VerbatimRefusal(line: line, code: .exportMalformed, reason: reason) }
        func text(_ key: String) throws(VerbatimRefusal) -> String {
            guard case .string(let value)? = object[key] else { throw fail("field \(key) is missing or not a string") }
            return value
        }
        func integer(_ key: String) throws(VerbatimRefusal) -> Int64 {
            guard case .number(let number)? = object[key], let value = number.intValue, value >= 1 else {
                throw fail("field \(key) is missing or not a whole number from 1")
            }
            return Int64(value)
        }
        func bytes(_ key: String, count: Int) throws(VerbatimRefusal) -> [UInt8] {
            guard let value = EventHashing.bytes(hex: try text(key)), value.count == count else {
                throw fail("field \(key) is not \(count) bytes in hex")
            }
            return value
        }
        var correlation: String?
        if object["correlation"] != nil { correlation = try text("correlation") }
        return Verbatim.Row(
            position: try integer("position"), stream: try text("stream"), version: try integer("version"), id: try text("id"),
            type: try text("type"), schema: try integer("schema"), actor: try text("actor"), occurredAt: try text("occurredAt"),
            recordedAt: try text("recordedAt"), correlation: correlation, data: try text("data"),
            prevHash: try bytes("prevHash", count: 32), hash: try bytes("hash", count: 32),
            signature: object["signature"] == nil ? nil : try bytes("signature", count: EventSignature.publicKeyBytes + EventSignature.valueBytes))
    }

    /// What the `event` table's own checks would refuse (EventLog/schema.sql), or an empty correlation.
    static func storedProblem(_ row: Verbatim.Row) -> String? {
        if row.correlation?.isEmpty == true { return "correlation is the empty text where the store writes no correlation" }
        if row.id.count != 36 { return "id is not 36 characters" }
        if row.stream.isEmpty || row.stream.count > 40 { return "stream is not 1 to 40 characters" }
        return nil
    }
}

/// An id as a set member: a lowercase UUID as 128 bits, any other text as itself.
private enum RowID: Hashable {
    case uuid(UInt64, UInt64)
    case text(String)

    init(_ id: String) {
        var high: UInt64 = 0, low: UInt64 = 0, digits = 0
        for (index, byte) in id.utf8.enumerated() {
            let nibble: UInt64
            switch byte {
            case UInt8(ascii: "-") where index == 8 || index == 13 || index == 18 || index == 23: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where index != 8 && index != 13 && index != 18 && index != 23:
                nibble = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where index != 8 && index != 13 && index != 18 && index != 23:
                nibble = UInt64(byte - UInt8(ascii: "a") + 10)
            default: self = .text(id); return
            }
            if digits < 16 { high = high << 4 | nibble } else { low = low << 4 | nibble }
            digits += 1
        }
        self = digits == 32 && id.utf8.count == 36 ? .uuid(high, low) : .text(id)
    }
}
