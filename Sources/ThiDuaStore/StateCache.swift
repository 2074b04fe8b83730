import GRDB
import ThiDuaCore
import ThiDuaLog

/// The append's ledger, its states loaded from the log on first use and kept current through a batch:
/// a bloc by folding its stream, a year from its snapshot when that is current, else by a replay.
struct StateCache {
    let db: Database
    private var ledger = Ledger.initial

    init(db: Database) { self.db = db }

    /// Every year state the batch has loaded or changed.
    var years: [StreamID: YearState] { ledger.years }

    /// Decodes the event and decides it against the states the log and the batch so far leave.
    mutating func decide(_ event: ProposedEvent, currentVersion: Int64, recordedAt: Timestamp) throws -> DomainEvent {
        try load(event.stream, currentVersion: currentVersion)
        return try ledger.decide(event, recordedAt: recordedAt)
    }

    mutating func evolve(_ event: DomainEvent, in stream: StreamID) {
        ledger.evolve(event, in: stream)
    }

    /// Loads the stream's bloc and, for a year, the year (a year is only held once its bloc is).
    private mutating func load(_ stream: StreamID, currentVersion: Int64) throws {
        if stream.year != nil, ledger.holds(stream) { return }
        let blocStream = StreamID(bloc: stream.bloc, year: nil)
        if !ledger.holds(blocStream) {
            var blocOnly = Ledger.initial
            try StreamRows.forEach(db, stream: stream.bloc, upTo: .max) { recorded in
                blocOnly.evolve(try Replay.decoded(recorded, at: recorded.position), in: blocStream)
            }
            ledger.restore(blocOnly.bloc(stream.bloc))
        }
        guard let year = stream.year, !ledger.holds(stream) else { return }
        ledger.restore(try YearSnapshot.load(stream, currentVersion: currentVersion, db)
                       ?? Replay.fold(db, bloc: stream.bloc, year: year).state)
    }
}
