import GRDB
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// The stored projection of a year and its whole state, from the snapshot the append keeps beside it: the reads
    /// that need criteria, scores or registrations (which the projection tables do not hold) without folding the log.
    /// Only when the snapshot is missing or not current is the year folded from the log.
    package func yearState(bloc: String, year: Int) throws(StoreError) -> (projection: YearProjection, state: YearState)? {
        try Self.translating {
            try queue.read { db in
                let stream = StreamID(bloc: bloc, year: year)
                guard let projection = try YearProjection.load(stream: stream, db) else { return nil }
                let state = try YearSnapshot.load(stream, currentVersion: projection.version, requireSeal: false, db)
                    ?? Replay.fold(db, bloc: bloc, year: year).state
                return (projection, state)
            }
        }
    }
}
