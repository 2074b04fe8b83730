import Foundation
import ServiceLifecycle
import ThiDuaStore

/// The server's one writer (§12 group commit): requests that arrive while a transaction is being written wait, and
/// are then appended together in one transaction, each in a savepoint of its own, with one durable commit for all.
/// Each request is answered only after that commit; a refused request leaves the others of its group.
package final class GroupCommitWriter: Service, @unchecked Sendable {
    private struct Job {
        let items: [AppendItem]
        let reply: CheckedContinuation<Result<AppendReport, StoreError>, Never>
    }

    private let store: EventStore
    /// Guards `pending` and `closed`.
    private let lock = NSLock()
    private var pending: [Job] = []
    private var closed = false
    private var committed = (transactions: 0, requests: 0)
    private let wakes: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    /// SQLite blocks; it does so on this thread, never on the tasks that serve requests.
    private let queue = DispatchQueue(label: "thidua-writer")

    /// The most requests one transaction takes; the rest wait for the next. 1 is one transaction per request, the
    /// baseline a load test compares group commit with.
    package let maximumGroup: Int

    package static let defaultMaximumGroup = 256

    /// Rings after each commit that appended something (live followers wait on it).
    package let commitSignal = CommitSignal()
    private let schemaMemo = SchemaMemo()

    package init(store: EventStore, maximumGroup: Int = GroupCommitWriter.defaultMaximumGroup) {
        self.store = store
        self.maximumGroup = max(1, maximumGroup)
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Appends one request's events, all or nothing; returns once they are durably committed or refused.
    package func append(_ items: [AppendItem]) async -> Result<AppendReport, StoreError> {
        await withCheckedContinuation { reply in
            let accepted = lock.withLock {
                guard !closed else { return false }
                pending.append(Job(items: items, reply: reply))
                return true
            }
            guard accepted else {
                reply.resume(returning: .failure(.database("the server is shutting down; nothing was appended, send it again later")))
                return
            }
            wake.yield()
        }
    }

    /// Writes groups until a graceful shutdown, then refuses new requests and writes the ones already queued.
    package func run() async throws {
        for await _ in wakes.cancelOnGracefulShutdown() {
            await drain()
        }
        lock.withLock { closed = true }
        await drain()
    }

    /// How many transactions the writer has committed, for how many requests (a load test reports the ratio).
    package var statistics: (transactions: Int, requests: Int) { lock.withLock { committed } }

    /// Requests waiting for the next transaction.
    package var pendingCount: Int { lock.withLock { pending.count } }

    private func drain() async {
        while true {
            let jobs = lock.withLock {
                let jobs = Array(pending.prefix(maximumGroup))
                pending.removeFirst(jobs.count)
                return jobs
            }
            guard !jobs.isEmpty else { return }
            let results = await commit(jobs.map(\.items))
            lock.withLock {
                committed.transactions += 1
                committed.requests += jobs.count
            }
            let reports = results.compactMap { try? $0.get() }.filter { !$0.written.isEmpty }
            if let first = reports.first { commitSignal.ring(wrote: reports.flatMap(\.written), after: first.writtenAfter) }
            // The rows are the followers' now; a request's answer needs only its outcomes.
            let answers = results.map { $0.map { report in
                var report = report
                report.written = []
                return report
            } }
            for (job, result) in zip(jobs, answers) { job.reply.resume(returning: result) }
        }
    }

    private func commit(_ batches: [[AppendItem]]) async -> [Result<AppendReport, StoreError>] {
        await withCheckedContinuation { done in
            queue.async { [store, schemaMemo] in
                do throws(StoreError) {
                    let results = try store.appendGroup(batches, schemaMemo: schemaMemo)
                    done.resume(returning: results)
                } catch {
                    done.resume(returning: Array(repeating: .failure(error), count: batches.count))
                }
            }
        }
    }
}
