import Foundation
import ThiDuaCore
import ThiDuaLog

/// One row as the fold takes it, copied out of SQLite's buffers so another thread can fold it.
struct FoldRow: Sendable {
    let stream: String
    let position: Int64
    let version: Int64
    let type: String
    let schema: Int64
    let actor: String
    let occurredAt: Timestamp?
    let recordedAt: Timestamp?
    let correlation: String?
    /// The data's bytes as stored, not decoded: the fold checks they are valid UTF-8.
    let data: [UInt8]
    let signed: LogFold.Signed?
}

extension LogFold {
    mutating func add(_ row: FoldRow) {
        row.data.withUnsafeBufferPointer { data in
            add(stream: row.stream, position: row.position, version: row.version, type: row.type, schema: row.schema, actor: row.actor,
                occurredAt: row.occurredAt, recordedAt: row.recordedAt, correlation: row.correlation, data: data, signed: row.signed)
        }
    }
}

/// A fold on a thread of its own, fed through a pipe: verify reads the log and checks the chain on one thread while
/// this one re-decides every event (and `PRAGMA integrity_check` runs on a third).
final class FoldThread: @unchecked Sendable {
    /// Each row weighs its texts' bytes; a row's data may be as large as SQLite allows, so chunks are bounded by bytes too.
    let pipe = ChunkPipe<FoldRow> { row in
        row.data.count + row.stream.utf8.count + row.type.utf8.count + row.actor.utf8.count + (row.correlation?.utf8.count ?? 0)
            + (row.signed?.signature.count ?? 0) + 64
    }
    private var fold = LogFold()
    private let done = DispatchSemaphore(value: 0)

    init() {
        let thread = Thread { [self] in
            while let chunk = pipe.take() {
                for row in chunk { fold.add(row) }
            }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The fold of every row sent, once the sender has finished the pipe.
    func result() -> LogFold {
        done.wait()
        return fold
    }
}
