import GRDB
import ThiDuaCore
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

extension EventStore {
    /// The bloc's own events a replay within `bounds` admits: those that shape the replay's bloc (its rules, award kinds).
    package func blocStream(bloc: String, admittedBy bounds: ReplayBounds) throws(StoreError) -> [RecordedEvent] {
        try blocStream(bloc: bloc).filter { $0.position <= bounds.at ?? .max && bounds.admits($0) }
    }
}

extension Replay {
    /// A replay as a server sent it: its state, position and bloc (the CLI's `replay` table drawn from it).
    package init(state: YearState, position: Int64, bloc: BlocState) {
        self.init(state: state, position: position, rowsRead: 0, events: [])
        self.bloc = bloc
    }
}
