import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog

extension EventStore {
    /// What the year report needs, read in one transaction so the digest and the replay see the same log: the year
    /// replayed with its events, and the chain's hash at the report's last position (the head, or `bounds.at`).
    package func reportFacts(bloc: String, year: Int, bounds: ReplayBounds) throws(StoreError)
        -> (replay: Replay, digest: (position: Int64, hash: [UInt8])?) {
        try Self.translating {
            try queue.read { db in
                let replay = try Replay.fold(db, bloc: bloc, year: year, bounds: bounds, keepEvents: true)
                let digest = try Row.fetchOne(db, sql: """
                    SELECT position, IFNULL(CAST(hash AS BLOB), X'') FROM event WHERE position <= ? ORDER BY position DESC LIMIT 1
                    """, arguments: [bounds.at ?? .max]).map { (position: $0[0] as Int64, hash: [UInt8]($0[1] as Data)) }
                return (replay, digest)
            }
        }
    }
}
