import GRDB
import ThiDuaLog

extension EventStore {
    /// The events of a bloc's own stream (its founding, rules, keys), in order: what `blocState(bloc:)` folds, for a
    /// client that folds them itself (the CLI acting on a server).
    package func blocStream(bloc: String) throws(StoreError) -> [RecordedEvent] {
        try Self.translating {
            try queue.read { db in
                var events: [RecordedEvent] = []
                try StreamRows.forEach(db, stream: bloc, upTo: .max) { events.append($0) }
                return events
            }
        }
    }
}
