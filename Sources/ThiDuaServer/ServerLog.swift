import Foundation
import ThiDuaStore

/// The log as the server holds it: one connection that reads, one group-commit writer. What the routes (and the
/// web page and report built on them) use to reach the store without blocking the tasks that serve requests.
package final class ServerLog: Sendable {
    package let path: String
    package let writer: GroupCommitWriter
    private let reader: EventStore
    package let allowUnsigned: Bool

    /// Opens (creating when missing, as `thidua append` does) the log at `path`.
    package init(path: String, allowUnsigned: Bool, maximumGroup: Int = GroupCommitWriter.defaultMaximumGroup) throws(StoreError) {
        self.path = path
        let store = try EventStore(path: path, create: true)
        writer = GroupCommitWriter(store: store, maximumGroup: maximumGroup)
        reader = try store.readingConnection()
        self.allowUnsigned = allowUnsigned
    }

    /// Runs `body` with the reading store on a thread of its own, since SQLite blocks.
    package func read<T: Sendable>(_ body: @escaping @Sendable (EventStore) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { done in
            DispatchQueue.global().async { [reader] in
                done.resume(with: Result { try body(reader) })
            }
        }
    }
}
