import GRDB
import ThiDuaCore

/// Chains and writes decided rows and, once the batch is decided, the projections of the years it touched.
struct AppendWriter {
    let db: Database
    let insert: EventInsert
    /// The last row written: its position and hash.
    private(set) var head: (position: Int64, hash: [UInt8])

    init(_ db: Database, start: BatchStart) throws {
        self.db = db
        self.insert = try EventInsert(db)
        self.head = start.head
    }

    mutating func write(_ row: PendingRow) throws {
        let hash = row.hash(chainedTo: head.hash)
        try insert.execute(db, row, hash: hash)
        head = (row.position, hash)
        if let bloc = row.foundedBloc {
            try YearSnapshot.writeBloc(code: bloc.code, name: bloc.name, position: row.position, db)
        }
    }

    /// Rewrites the projections and snapshot of every year the batch touched, in the same transaction.
    func finish(_ batch: inout DecidedBatch) throws {
        batch.report.head = head.position > 0 ? head : nil
        for (_, year) in batch.touchedYears {
            try YearProjection(state: year.state, position: year.position, version: year.version).write(db)
            try YearSnapshot.write(year.state, version: year.version, db)
        }
    }
}
