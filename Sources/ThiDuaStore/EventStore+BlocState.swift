import GRDB
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// A bloc's own state (its rules, the award kinds in force) folded from its stream, which holds a handful of events.
    package func blocState(bloc: String) throws(StoreError) -> BlocState {
        try Self.translating {
            try queue.read { db in
                let stream = StreamID(bloc: bloc, year: nil)
                var ledger = Ledger.initial
                try StreamRows.forEach(db, stream: bloc, upTo: .max) { recorded in
                    ledger.evolve(try Replay.decoded(recorded.type, recorded.actor, recorded.data, schema: recorded.schema, at: recorded.position), in: stream)
                }
                return ledger.bloc(bloc)
            }
        }
    }
}
