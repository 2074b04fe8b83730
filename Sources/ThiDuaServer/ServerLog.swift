import Foundation
import ThiDuaStore

/// The log as the server holds it: one connection that reads, one group-commit writer. What the routes (and the
/// web page and report built on them) use to reach the store without blocking the tasks that serve requests.
package final class ServerLog: Sendable {
    package let path: String
    package let writer: GroupCommitWriter
    private let reader: EventStore
    /// Documents (minh chứng) are kept outside the chain, so they need not wait in the writer's groups.
    private let documents: EventStore
    package let allowUnsigned: Bool
    /// The year reports last made at the head, shared by the live pages of every visitor.
    let reports = ReportCache()

    /// Opens (creating when missing, as `thidua append` does) the log at `path`.
    package init(path: String, allowUnsigned: Bool, maximumGroup: Int = GroupCommitWriter.defaultMaximumGroup) throws(StoreError) {
        self.path = path
        let store = try EventStore(path: path, create: true)
        writer = GroupCommitWriter(store: store, maximumGroup: maximumGroup)
        reader = try store.readingConnection()
        documents = try store.documentConnection()
        self.allowUnsigned = allowUnsigned
    }

    /// Runs `body` with the reading store on a thread of its own, since SQLite blocks.
    package func read<T: Sendable>(_ body: @escaping @Sendable (EventStore) throws -> T) async throws -> T {
        try await Self.blocking(reader, body)
    }

    /// Runs `body` with the documents' connection: a kept document is written, or read whole and hashed, there, so a
    /// large one keeps no other read waiting behind it, and documents go one at a time.
    package func withDocuments<T: Sendable>(_ body: @escaping @Sendable (EventStore) throws -> T) async throws -> T {
        try await Self.blocking(documents, body)
    }

    private static func blocking<T: Sendable>(_ store: EventStore, _ body: @escaping @Sendable (EventStore) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { done in
            DispatchQueue.global().async {
                done.resume(with: Result { try body(store) })
            }
        }
    }
}
