import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

/// The whole log re-decided from the initial state in position order, with the ledger append uses:
/// rebuild writes each year's projection from it and verify compares the stored ones with it. The
/// first event that breaks a rule, or no longer decodes, is kept; it is folded all the same (evolve is
/// total), so the states stay those a replay shows.
struct LogFold {
    private var ledger = Ledger.initial
    private var streams: [String: StreamID] = [:]
    private var heads: [StreamID: (position: Int64, version: Int64)] = [:]
    /// The previous row's stream, position and version: runs of one stream skip the dictionaries.
    private var last: (text: String, stream: StreamID?, position: Int64, version: Int64)?
    /// The first event that breaks a rule, and the rule.
    private(set) var firstBreak: (position: Int64, rule: ThiDuaError)?
    /// Every document an event cites (minh chứng), at the first event that cites it: verify checks each is kept intact.
    private(set) var citedEvidence = CitedEvidence()

    /// What a signed row adds: its stored signature, and the columns its signing bytes need beyond the fold's.
    struct Signed: Sendable {
        let signature: [UInt8]
        let id: String
        let occurredAt: String
        /// The signature already checked over the row (on another core), exactly as `add` would check it.
        var checked: Result<EventSignature, ThiDuaError>?
    }

    mutating func add(stream text: String, position: Int64, version: Int64, type: String, schema: Int64, actor: String,
                      occurredAt: Timestamp?, recordedAt: Timestamp?, correlation: String?, data: String, signed: Signed? = nil) {
        var data = data
        data.withUTF8 {
            add(stream: text, position: position, version: version, type: type, schema: schema, actor: actor,
                occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: $0, signed: signed)
        }
    }

    /// One row; its times as stored (nil where they do not parse: the time rule then skips the event).
    mutating func add(stream text: String, position: Int64, version: Int64, type: String, schema: Int64, actor: String,
                      occurredAt: Timestamp?, recordedAt: Timestamp?, correlation: String?, data: UnsafeBufferPointer<UInt8>,
                      signed: Signed? = nil) {
        let stream: StreamID?
        if let last, last.text == text {
            stream = last.stream
        } else {
            if let last, let year = last.stream, year.year != nil { heads[year] = (last.position, last.version) }
            if let known = streams[text] {
                stream = known
            } else {
                stream = StreamID(text)
                if let stream { streams[text] = stream }
            }
        }
        last = (text, stream, position, version)
        guard let stream else {
            broken(position, ThiDuaError(code: .badStream, field: "stream",
                                         reason: "\"\(text.prefix(40))\" is neither BLOC nor BLOC/YEAR"))
            return
        }
        let latest = EventType(rawValue: type)?.latestSchema ?? EventType.currentSchema
        guard let schema = Int(exactly: schema), schema >= 1, schema <= latest else {
            broken(position, ThiDuaError(code: .unknownSchema, field: "schema",
                                         reason: "schema \(schema) of \(type.prefix(40)) is not known to this version of thidua"))
            return
        }
        var event: DomainEvent
        do {
            event = try DomainEvent(logged: type, schema: schema, actor: actor, data: data, storedText: firstBreak == nil)
            event.occurredAt = occurredAt
            event.recordedAt = recordedAt
            if firstBreak == nil, let correlation { try Envelope.requireStoredText(correlation, field: "correlation") }
            if let signed, let checked = signed.checked {
                event.signature = try checked.get()
            } else if let signed {
                event.signature = try Self.signature(signed, stream: stream, type: type, schema: schema, actor: actor,
                                                     correlation: correlation, data: String(decoding: data, as: UTF8.self))
            }
        } catch {
            broken(position, error)
            return
        }
        if firstBreak == nil {
            do {
                try ledger.decide(event, in: stream)
            } catch {
                broken(position, error)
            }
        }
        if case .scoreSubmitted(_, _, _, let evidence) = event.payload { citedEvidence.note(evidence, at: position) }
        ledger.evolve(event, in: stream)
    }

    /// The row's signature checked as `add` would check it; nil when `add` refuses the row before its signature (a
    /// stream or schema it cannot read).
    static func checkedSignature(_ signed: Signed, stream text: String, type: String, schema: Int64, actor: String,
                                 correlation: String?, data: String) -> Result<EventSignature, ThiDuaError>? {
        guard let stream = StreamID(text), let schema = Int(exactly: schema) else { return nil }
        return Result { () throws(ThiDuaError) in
            try signature(signed, stream: stream, type: type, schema: schema, actor: actor, correlation: correlation, data: data)
        }
    }

    /// The row's signature, checked over its signing bytes.
    static func signature(_ signed: Signed, stream: StreamID, type: String, schema: Int, actor: String, correlation: String?,
                          data: String) throws(ThiDuaError) -> EventSignature {
        try EventSignature(storedRow: signed.signature, bloc: stream.bloc, year: stream.year, type: type, schema: schema, actor: actor,
                           occurredAt: signed.occurredAt, id: signed.id, correlation: correlation, data: data)
    }

    private mutating func broken(_ position: Int64, _ rule: ThiDuaError) {
        if firstBreak == nil { firstBreak = (position, rule) }
    }

    /// Each year's projection and state, by stream.
    var years: [(YearProjection, YearState)] {
        var heads = heads
        if let last, let year = last.stream, year.year != nil { heads[year] = (last.position, last.version) }
        return heads.keys.sorted { $0.description < $1.description }.map { stream in
            let state = ledger.year(stream)
            let head = heads[stream]!
            return (YearProjection(state: state, position: head.position, version: head.version), state)
        }
    }

    /// Folds the whole log with one cursor, in chunks whose signatures are checked on every core first.
    static func read(_ db: Database) throws -> LogFold {
        var fold = LogFold()
        var chunk: [FoldRow] = []
        chunk.reserveCapacity(Self.chunkSize)
        func foldChunk() {
            Self.checkSignatures(&chunk)
            for row in chunk { fold.add(row) }
            chunk.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT position, IFNULL(CAST(stream AS TEXT), ''), IFNULL(CAST(version AS INTEGER), 0), IFNULL(CAST(type AS TEXT), ''),
                   IFNULL(CAST(schema AS INTEGER), 0), IFNULL(CAST(actor AS TEXT), ''), IFNULL(CAST(data AS TEXT), ''),
                   CAST(correlation AS TEXT), IFNULL(CAST(occurredAt AS TEXT), ''), IFNULL(CAST(recordedAt AS TEXT), ''),
                   CAST(signature AS BLOB), IFNULL(CAST(id AS TEXT), '')
            FROM event ORDER BY position
            """)
        while let row = try rows.next() {
            let signed = (row[10] as Data?).map { Signed(signature: [UInt8]($0), id: row[11], occurredAt: row[8]) }
            chunk.append(FoldRow(stream: row[1], position: row[0], version: row[2], type: row[3], schema: row[4], actor: row[5],
                                 occurredAt: Timestamp(stored: row[8] as String), recordedAt: Timestamp(stored: row[9] as String),
                                 correlation: row[7], data: Array((row[6] as String).utf8), signed: signed))
            if chunk.count == Self.chunkSize { foldChunk() }
        }
        foldChunk()
        return fold
    }

    /// Rows read before their signatures are checked together.
    static let chunkSize = 512
}
