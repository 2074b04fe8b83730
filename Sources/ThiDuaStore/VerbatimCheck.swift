import Foundation
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// One line of a verbatim export, parsed on any thread: what it holds, or why it is refused.
package enum VerbatimLine: Sendable {
    case header
    /// An event row in canonical form; `hashMatches` when its hash recomputes from its own prevHash and columns.
    case event(Verbatim.Row, hashMatches: Bool, id: RowID)
    /// A kept evidence document in canonical form whose content hashes to its sha256.
    case evidence(EvidenceDocument)
    case end(documents: Int64, events: Int64, position: Int64, head: String, canonical: Bool)
    case refused(VerbatimRefusal)
}

/// What a line accepted in order holds for the log: an event row or an evidence document.
package enum VerbatimRecord {
    case event(Verbatim.Row)
    case document(EvidenceDocument)
}

/// Reads a verbatim export as restore and `verify --export` do: each line must be the canonical text of its record
/// (`parse`, which runs on any thread), and, in order (`accept`), each row must follow the one before (position, its
/// stream's version, prevHash), recompute to its hash and be an event thidua would have accepted there (re-decided
/// with the fold verify uses); the evidence documents follow the last event in ascending sha256 order, each hashing to
/// its name, and every document an event cites must be among them; the end line must close the file. The first
/// problem is thrown with its line.
package struct VerbatimCheck {
    private var previous = EventHashing.genesis
    private var expectedPosition: Int64 = 1
    private var versions: [String: Int64] = [:]
    private var last = (stream: "", version: Int64(0))
    private var ids = IDSet()
    private var line = 0
    private var ended = false
    private var lastDocument: String?
    private var kept: [String: Int64] = [:]
    var fold = LogFold()
    /// Events read so far, and the last one's position and hash.
    package private(set) var events: Int64 = 0
    /// Evidence documents read so far.
    package private(set) var documents: Int64 = 0
    package private(set) var head: (position: Int64, hash: [UInt8]) = (0, EventHashing.genesis)
    /// The hash the file holds at `watched`, once read (for `--digest`).
    package var watched: Int64?
    package private(set) var watchedHash: [UInt8]?

    package init() {}

    /// Parses line number `line` (without its line feed; `complete` says whether it had one). Pure: any thread.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>, complete: Bool, line: Int) -> VerbatimLine {
        func refused(_ code: ThiDuaError.Code, _ reason: String, position: Int64? = nil) -> VerbatimLine {
            .refused(VerbatimRefusal(line: line, position: position, code: code, reason: reason))
        }
        guard complete else { return refused(.exportTruncated, "the line ends without a line feed: the file was cut short") }
        if line == 1 {
            if let refusal = header(bytes, line: line) { return .refused(refusal) }
            return .header
        }
        if let row = scanEvent(bytes) { return .event(checked(row), hashMatches: hashMatches(row), id: RowID(row.id)) }
        guard case .object(let object)? = try? JSON.parse(bytes) else {
            if (try? JSON.parse(bytes)) != nil { return refused(.exportMalformed, "the line is not a JSON object") }
            return refused(.exportMalformed, "the line is not JSON: a byte was changed, or the line was cut")
        }
        guard case .string(let kindText) = object["kind"] else { return refused(.exportMalformed, "the line has no kind") }
        switch Verbatim.Kind(rawValue: kindText) {
        case .event:
            do {
                let row = try Self.row(object, line: line)
                var rewritten: [UInt8] = []
                rewritten.reserveCapacity(bytes.count + 1)
                Verbatim.writeEvent(row, to: &rewritten)
                guard rewritten.count == bytes.count + 1, let start = bytes.baseAddress, memcmp(rewritten, start, bytes.count) == 0 else {
                    return refused(.exportMalformed, "the line is not the canonical text of its row (keys in order, no spaces, "
                                   + "minimal escapes, lowercase hex): a byte was changed", position: row.position)
                }
                return .event(checked(row), hashMatches: hashMatches(row), id: RowID(row.id))
            } catch {
                return .refused(error)
            }
        case .end:
            var documents = 0
            if case .number(let count)? = object["documents"], let whole = count.intValue, whole > 0 { documents = whole }
            guard case .number(let count)? = object["events"], let events = count.intValue,
                  case .number(let at)? = object["position"], let position = at.intValue, object.count == (documents > 0 ? 5 : 4),
                  case .string(let head)? = object["head"] else {
                return refused(.exportMalformed, "the end line is not {[\"documents\":N,]\"events\":N,\"head\":HEX,\"kind\":\"end\",\"position\":N}")
            }
            let canonical = Verbatim.endLine(documents: Int64(documents), events: Int64(events),
                                             head: (Int64(position), Self.bytes(hex: head) ?? []))
            return .end(documents: Int64(documents), events: Int64(events), position: Int64(position), head: head,
                        canonical: bytes.elementsEqual(canonical.utf8))
        case .evidence:
            return document(object, bytes, line: line)
        case .header: return refused(.exportMalformed, "a second header line")
        case nil: return refused(.exportUnknownKind, "a record of kind \"\(kindText.prefix(40))\", which this thidua does not know")
        }
    }

    /// Whether the row's hash recomputes from its own prevHash and columns (EventLog/HASHING.md).
    private static func hashMatches(_ row: Verbatim.Row) -> Bool {
        var canonical = CanonicalRow()
        row.appendCanonical(to: &canonical)
        let computed = canonical.bytes.withUnsafeBytes { bytes in
            row.prevHash.withUnsafeBytes { EventHashing.chain(previous: $0, canonical: bytes) }
        }
        return computed.withUnsafeBytes { $0.elementsEqual(row.hash) }
    }

    /// Takes the next line, parsed, in file order; the event row or document it holds, if any.
    package mutating func accept(_ parsed: VerbatimLine) throws(VerbatimRefusal) -> VerbatimRecord? {
        line += 1
        if ended { throw refusal(.exportMalformed, "a line follows the end line") }
        switch parsed {
        case .refused(let refusal): throw refusal
        case .header: return nil
        case .end(let documents, let events, let position, let head, let canonical):
            guard events == self.events, position == self.head.position, head == EventHashing.hex(self.head.hash) else {
                throw refusal(.exportTruncated, "the end line says \(events) event(s) up to position \(position), but the file holds "
                              + "\(self.events) up to position \(self.head.position) with another head: rows were removed or added")
            }
            guard documents == self.documents else {
                throw refusal(.exportTruncated, "the end line says \(documents) evidence document(s), but the file holds \(self.documents): "
                              + "documents were removed or added")
            }
            guard canonical else { throw refusal(.exportMalformed, "the end line is not in canonical form: a byte was changed") }
            ended = true
            return nil
        case .event(let row, let hashMatches, let id):
            guard lastDocument == nil else {
                throw refusal(.exportChainBroken, "an event line after the evidence documents: lines were reordered", position: row.position)
            }
            try event(row, hashMatches: hashMatches, id: id)
            return .event(row)
        case .evidence(let document):
            if let lastDocument, document.sha256 <= lastDocument {
                throw refusal(.exportMalformed, "document \(document.sha256) is out of order or repeated: documents come once each, "
                              + "in ascending sha256 order")
            }
            lastDocument = document.sha256
            kept[document.sha256] = document.bytes
            documents += 1
            return .document(document)
        }
    }

    /// Every line read: the file must have ended with its end line.
    package func finish() throws(VerbatimRefusal) {
        guard line > 0 else { throw VerbatimRefusal(line: 1, code: .exportTruncated, reason: "the file is empty") }
        guard ended else {
            throw VerbatimRefusal(line: line, position: nil, code: .exportTruncated,
                                  reason: "the file ends without its end line: it was cut short after \(events) event(s)")
        }
        for cited in fold.citedEvidence.documents where kept[cited.sha256] != cited.bytes {
            throw VerbatimRefusal(line: line, position: cited.position, code: .evidenceMissing,
                                  reason: "the event at position \(cited.position) cites evidence document \(cited.sha256) "
                                  + "(\(cited.bytes) bytes), which the file does not hold")
        }
    }

    private func refusal(_ code: ThiDuaError.Code, _ reason: String, position: Int64? = nil) -> VerbatimRefusal {
        VerbatimRefusal(line: line, position: position, code: code, reason: reason)
    }

    private static func header(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> VerbatimRefusal? {
        guard !bytes.elementsEqual(Verbatim.headerLine.utf8) else { return nil }
        func refusal(_ reason: String) -> VerbatimRefusal { VerbatimRefusal(line: line, code: .notVerbatim, reason: reason) }
        if case .object(let object)? = try? JSON.parse(bytes) {
            if object["kind"] == nil, object["hash"] != nil {
                return refusal("this is a plain export (thidua export), not a verbatim one: append it to a new log "
                               + "(thidua append, which re-founds the log with new recordedAt), or export again with thidua export --verbatim")
            }
            if case .string("header")? = object["kind"], case .string(let format)? = object["format"], format == "thidua.verbatim" {
                return refusal("the header is not \(Verbatim.headerLine): a format this thidua does not read, or a byte was changed")
            }
        }
        return refusal("the file does not begin with the header of a verbatim export (\(Verbatim.headerLine))")
    }

    /// The row with its signature checked where it was parsed, on one of every core's threads, as the fold would check it.
    static func checked(_ row: Verbatim.Row) -> Verbatim.Row {
        guard let signature = row.signature else { return row }
        var row = row
        row.signatureCheck = LogFold.checkedSignature(LogFold.Signed(signature: signature, id: row.id, occurredAt: row.occurredAt),
                                                      stream: row.stream, type: row.type, schema: row.schema, actor: row.actor,
                                                      correlation: row.correlation, data: row.data)
        return row
    }

    private mutating func event(_ row: Verbatim.Row, hashMatches: Bool, id: RowID) throws(VerbatimRefusal) {
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
        guard ids.insert(id) else {
            throw refusal(.exportChainBroken, "the id \(row.id) is already the id of an earlier row", position: position)
        }
        guard hashMatches else { throw refusal(.exportChainBroken, "the row does not match its hash: it was edited", position: position) }
        if row.stream != last.stream, !last.stream.isEmpty { versions[last.stream] = last.version }
        last = (row.stream, row.version)
        fold.add(stream: row.stream, position: position, version: row.version, type: row.type, schema: row.schema, actor: row.actor,
                 occurredAt: Timestamp(stored: row.occurredAt), recordedAt: Timestamp(stored: row.recordedAt),
                 correlation: row.correlation, data: row.data,
                 signed: row.signature.map { LogFold.Signed(signature: $0, id: row.id, occurredAt: row.occurredAt, checked: row.signatureCheck) })
        if let broken = fold.firstBreak {
            throw VerbatimRefusal(line: line, position: position, code: broken.rule.code, reason: broken.rule.reason,
                                  rule: broken.rule.of(type: row.type))
        }
        previous = row.hash
        expectedPosition = position &+ 1
        events += 1
        head = (position, row.hash)
        if position == watched { watchedHash = row.hash }
    }

    /// The row an event line describes, every field of the type the store writes; anything else is refused.
    /// (A key it does not know is left for the canonical comparison, which the row's own text then fails.)
    package static func row(_ object: JSONObject, line: Int) throws(VerbatimRefusal) -> Verbatim.Row {
        func fail(_ reason: String) -> VerbatimRefusal { VerbatimRefusal(line: line, code: .exportMalformed, reason: reason) }
        var texts = [String?](repeating: nil, count: Self.textKeys.count)
        var numbers = [Int64?](repeating: nil, count: Self.numberKeys.count)
        var hashes = [[UInt8]?](repeating: nil, count: Self.hexKeys.count)
        for (key, value) in object {
            if let index = Self.textKeys.firstIndex(of: key) {
                guard case .string(let text) = value else { throw fail("field \(key) is missing or not a string") }
                texts[index] = text
            } else if let index = Self.numberKeys.firstIndex(of: key) {
                guard case .number(let number) = value, let whole = number.intValue, whole >= 1 else {
                    throw fail("field \(key) is missing or not a whole number from 1")
                }
                numbers[index] = Int64(whole)
            } else if let index = Self.hexKeys.firstIndex(of: key) {
                let count = index == 2 ? EventSignature.publicKeyBytes + EventSignature.valueBytes : 32
                guard case .string(let text) = value, let bytes = Self.bytes(hex: text), bytes.count == count else {
                    throw fail("field \(key) is not \(count) bytes in hex")
                }
                hashes[index] = bytes
            }
        }
        for (index, key) in Self.textKeys.enumerated() where texts[index] == nil && key != "correlation" {
            throw fail("field \(key) is missing or not a string")
        }
        for (index, key) in Self.numberKeys.enumerated() where numbers[index] == nil {
            throw fail("field \(key) is missing or not a whole number from 1")
        }
        for (index, key) in Self.hexKeys.enumerated() where hashes[index] == nil && key != "signature" {
            throw fail("field \(key) is not 32 bytes in hex")
        }
        return Verbatim.Row(
            position: numbers[0]!, stream: texts[0]!, version: numbers[1]!, id: texts[1]!, type: texts[2]!, schema: numbers[2]!,
            actor: texts[3]!, occurredAt: texts[4]!, recordedAt: texts[5]!, correlation: texts[7], data: texts[6]!,
            prevHash: hashes[0]!, hash: hashes[1]!, signature: hashes[2])
    }

    private static let textKeys = ["stream", "id", "type", "actor", "occurredAt", "recordedAt", "data", "correlation"]
    private static let numberKeys = ["position", "version", "schema"]
    private static let hexKeys = ["prevHash", "hash", "signature"]

    /// Lowercase hex to bytes; nil for anything else (uppercase is not what the export writes).
    static func bytes(hex: String) -> [UInt8]? {
        var hex = hex
        return hex.withUTF8 { digits -> [UInt8]? in
            guard digits.count % 2 == 0 else { return nil }
            var out = [UInt8](repeating: 0, count: digits.count / 2)
            for index in out.indices {
                guard let high = Verbatim.nibble(digits[2 * index]), let low = Verbatim.nibble(digits[2 * index + 1]) else { return nil }
                out[index] = high << 4 | low
            }
            return out
        }
    }

    /// What the `event` table's own checks would refuse (EventLog/schema.sql), or an empty correlation.
    static func storedProblem(_ row: Verbatim.Row) -> String? {
        if row.correlation?.isEmpty == true { return "correlation is the empty text where the store writes no correlation" }
        if row.id.count != 36 { return "id is not 36 characters" }
        if row.stream.isEmpty || row.stream.count > 40 { return "stream is not 1 to 40 characters" }
        return nil
    }
}
