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
    var signed: LogFold.Signed?

    /// The row's signature checked as the fold would check it; nil when the fold refuses the row before its signature
    /// (a stream or schema it cannot read), or the row is unsigned.
    func checkedSignature() -> Result<EventSignature, ThiDuaError>? {
        guard let signed else { return nil }
        return LogFold.checkedSignature(signed, stream: stream, type: type, schema: schema, actor: actor, correlation: correlation,
                                        data: String(decoding: data, as: UTF8.self))
    }
}

extension LogFold {
    mutating func add(_ row: FoldRow) {
        row.data.withUnsafeBufferPointer { data in
            add(stream: row.stream, position: row.position, version: row.version, type: row.type, schema: row.schema, actor: row.actor,
                occurredAt: row.occurredAt, recordedAt: row.recordedAt, correlation: row.correlation, data: data, signed: row.signed)
        }
    }

    /// Checks the signed rows' signatures on every core before they are folded in order: Ed25519 costs many times the
    /// rest of a row's fold.
    static func checkSignatures(_ rows: inout [FoldRow]) {
        let signed = rows.indices.filter { rows[$0].signed != nil }
        guard !signed.isEmpty else { return }
        var checked = [Result<EventSignature, ThiDuaError>?](repeating: nil, count: signed.count)
        let perTask = 16
        rows.withUnsafeBufferPointer { rows in
            checked.withUnsafeMutableBufferPointer { checked in
                let slots = Slots(rows: rows, checked: checked)
                DispatchQueue.concurrentPerform(iterations: (signed.count + perTask - 1) / perTask) { task in
                    for k in task * perTask..<min(signed.count, (task + 1) * perTask) {
                        slots.checked[k] = slots.rows[signed[k]].checkedSignature()
                    }
                }
            }
        }
        for (k, index) in signed.enumerated() { rows[index].signed?.checked = checked[k] }
    }

    /// Each task reads the chunk and writes only its own slots.
    private struct Slots: @unchecked Sendable {
        let rows: UnsafeBufferPointer<FoldRow>
        let checked: UnsafeMutableBufferPointer<Result<EventSignature, ThiDuaError>?>
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
            while var chunk = pipe.take() {
                LogFold.checkSignatures(&chunk)
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
