import GRDB
import ThiDuaCore

/// Every year of the log folded in one pass in position order, so each year sees the bloc's rules
/// as they stood at its events; used by rebuild and verify.
struct LogFold {
    private var ledger = Ledger()
    private var streams: [String: StreamID] = [:]
    private var heads: [StreamID: (position: Int64, version: Int64)] = [:]
    /// The stream of the previous event: runs of one stream skip the dictionaries.
    private var last: (text: String, stream: StreamID)?

    mutating func add(stream text: String, position: Int64, version: Int64, type: String, actor: String, data: String) {
        var data = data
        data.withUTF8 { add(stream: text, position: position, version: version, type: type, actor: actor, data: $0) }
    }

    mutating func add(stream text: String, position: Int64, version: Int64, type: String, actor: String,
                      data: UnsafeBufferPointer<UInt8>) {
        let stream: StreamID
        if let last, last.text == text {
            stream = last.stream
        } else if let known = streams[text] {
            stream = known
        } else {
            guard let parsed = StreamID(text) else { return }
            streams[text] = parsed
            stream = parsed
        }
        last = (text, stream)
        if stream.year != nil { heads[stream] = (position, version) }
        guard let event = DomainEvent(type: type, actor: actor, data: data) else { return }
        ledger.fold(event, into: stream)
    }

    /// Each year's projection and state, by stream.
    var years: [(YearProjection, YearState)] {
        heads.keys.sorted { $0.description < $1.description }.map { stream in
            let state = ledger.year(stream)
            let head = heads[stream]!
            return (YearProjection(state: state, position: head.position, version: head.version), state)
        }
    }

    /// Folds the whole log with one cursor.
    static func read(_ db: Database) throws -> LogFold {
        var fold = LogFold()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT position, IFNULL(CAST(stream AS TEXT), ''), IFNULL(CAST(version AS INTEGER), 0), IFNULL(CAST(type AS TEXT), ''),
                   IFNULL(CAST(actor AS TEXT), ''), IFNULL(CAST(data AS TEXT), '')
            FROM event ORDER BY position
            """)
        while let row = try rows.next() {
            fold.add(stream: row[1], position: row[0], version: row[2], type: row[3], actor: row[4], data: row[5])
        }
        return fold
    }
}
