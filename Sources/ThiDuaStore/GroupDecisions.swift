import GRDB
import ThiDuaCore
import ThiDuaLog

/// What a group transaction's accepted batches have decided so far (§12 group commit): the states and stream
/// versions they leave, and the years they touched, with the position of each year's latest event.
struct GroupDecisions {
    var states: StateCache?
    var versions: [String: Int64] = [:]
    var touchedYears: [StreamID: Int64] = [:]

    mutating func accept(_ decider: AppendDecider) {
        states = decider.states
        versions = decider.versions
        touchedYears.merge(decider.touchedYears) { max($0, $1) }
    }

    /// Writes each touched year's projection and snapshot once, as the accepted batches leave it.
    func write(_ db: Database) throws {
        guard let years = states?.years else { return }
        for (stream, position) in touchedYears {
            guard let state = years[stream] else { continue }
            let version = versions[stream.description] ?? 0
            try YearProjection(state: state, position: position, version: version).write(db)
            try YearSnapshot.write(state, version: version, db)
        }
    }
}
