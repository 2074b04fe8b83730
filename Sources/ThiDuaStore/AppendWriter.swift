import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

/// Chains and writes decided rows and, once the batch is decided, the projections of the years it touched.
struct AppendWriter {
    let db: Database
    /// One row per statement, and `groupSize` rows per statement for long runs of rows (prepared on first use:
    /// the server's writer makes an AppendWriter per request and never needs it).
    let single: EventInsert
    private var group: EventInsert?
    /// The last row written: its position and hash.
    private(set) var head: (position: Int64, hash: [UInt8])
    /// The canonical bytes and hashes of the rows of one statement, reused from statement to statement.
    private var canonical = CanonicalRow()
    private var hashes: [UInt8] = []
    /// Whether `written` keeps the rows as recorded (the server hands them to its live followers).
    var keepsWritten = false
    /// The rows written, as the log now holds them, when `keepsWritten`.
    private(set) var written: [RecordedEvent] = []

    /// Rows per statement on the pipelined path: fewer statement starts and ends, measured best near 32.
    static let groupSize = 32

    init(_ db: Database, start: BatchStart) throws {
        self.db = db
        self.single = try EventInsert(db, rows: 1)
        self.head = start.head
    }

    mutating func write(_ row: PendingRow) throws {
        try write([row][...], using: single)
    }

    /// Writes rows in order, most of them `groupSize` to a statement.
    mutating func write(_ rows: [PendingRow]) throws {
        var start = rows.startIndex
        while rows.endIndex - start >= Self.groupSize {
            let group = try self.group ?? EventInsert(db, rows: Self.groupSize)
            self.group = group
            try write(rows[start..<(start + Self.groupSize)], using: group)
            start += Self.groupSize
        }
        for row in rows[start...] { try write(row) }
    }

    private mutating func write(_ rows: ArraySlice<PendingRow>, using insert: EventInsert) throws {
        canonical.reset()
        hashes.removeAll(keepingCapacity: true)
        var previous = head.hash
        for row in rows {
            let start = canonical.bytes.count
            row.appendCanonical(to: &canonical)
            previous = canonical.bytes.withUnsafeBytes { bytes in
                previous.withUnsafeBytes { previous in
                    row.hash(previous: previous, canonical: UnsafeRawBufferPointer(rebasing: bytes[start...]))
                }
            }
            hashes.append(contentsOf: previous)
        }
        try insert.execute(db, rows, canonical: canonical.bytes, hashes: hashes)
        head = (rows.last!.position, previous)
        if keepsWritten {
            for (index, row) in rows.enumerated() {
                let hash = Array(hashes[(index * EventHashing.hashBytes)..<((index + 1) * EventHashing.hashBytes)])
                written.append(row.recorded(hash: hash))
            }
        }
        for row in rows {
            if let bloc = row.foundedBloc {
                try YearSnapshot.writeBloc(code: bloc.code, name: bloc.name, position: row.position, db)
            }
        }
    }

    /// Rewrites the projections and snapshot of every year the batch touched, in the same transaction.
    func finish(_ batch: inout DecidedBatch, writingYears: Bool = true) throws {
        try confirmHead()
        batch.report.head = head.position > 0 ? head : nil
        guard writingYears else { return }
        for (_, year) in batch.touchedYears {
            try YearProjection(state: year.state, position: year.position, version: year.version).write(db)
            try YearSnapshot.write(year.state, version: year.version, db)
        }
    }

    /// The log ends with the row this batch wrote last (or began with), as decided: nothing was dropped or added behind its back.
    private func confirmHead() throws {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT position, hash IS ? FROM event ORDER BY position DESC LIMIT 1"),
                                    arguments: [Data(head.hash)])
        let position: Int64 = last?[0] ?? 0
        let sameHash: Bool = last?[1] ?? false
        guard position == head.position, position == 0 || sameHash else {
            throw StoreError.database("the log ends at position \(position) after the batch, not at \(head.position) as written; "
                                      + "something in the file that thidua did not create changed the insert (run thidua verify); nothing was appended")
        }
    }
}
