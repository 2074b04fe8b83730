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
    /// Guards `pending`, `closed`, `preparing` and `gatherer`.
    private let lock = NSLock()
    private var pending: [Job] = []
    private var closed = false
    /// Requests whose events are being parsed and verified (on their own tasks) and will be queued next.
    private var preparing = 0
    /// The writer, waiting for those before it takes its next group.
    private var gatherer: CheckedContinuation<Void, Never>?
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
    /// `arrival`, when the request announced itself with `arriving()`, is spent.
    package func append(_ items: [AppendItem], arrival: Arrival? = nil) async -> Result<AppendReport, StoreError> {
        await withCheckedContinuation { reply in
            let (accepted, waiter) = lock.withLock {
                if let arrival { spend(arrival) }
                if !closed { pending.append(Job(items: items, reply: reply)) }
                return (!closed, gathered())
            }
            waiter?.resume()
            guard accepted else {
                reply.resume(returning: .failure(.database("the server is shutting down; nothing was appended, send it again later")))
                return
            }
            wake.yield()
        }
    }

    /// Parses a request's events with `parse` on the calling task (JSON and Ed25519 run on every core, never in the
    /// writer), then appends them, the request counted as arriving meanwhile.
    package func append(parsing parse: () throws -> [AppendItem]) async throws -> Result<AppendReport, StoreError> {
        let arrival = arriving()
        let items: [AppendItem]
        do {
            items = try parse()
        } catch {
            abandon(arrival)
            throw error
        }
        return await append(items, arrival: arrival)
    }

    /// A request on its way to the writer, counted until it is appended or abandoned. A group waits for the requests on
    /// their way when it begins, so that a busy server commits few large groups rather than alternating small and large
    /// ones (each commit costs an fsync and a rewrite of the years' snapshots). The wait ends as soon as none is on its
    /// way or the group is full; a request whose body is still arriving has not announced itself and is not waited for.
    package final class Arrival: @unchecked Sendable {
        /// Guarded by the writer's lock.
        fileprivate var spent = false
        fileprivate weak var writer: GroupCommitWriter?

        /// One dropped unspent would hold every later group back until it is full.
        deinit { writer?.abandon(self) }
    }

    package func arriving() -> Arrival {
        lock.withLock { preparing += 1 }
        let arrival = Arrival()
        arrival.writer = self
        return arrival
    }

    /// The request will not be appended (its events could not be read).
    package func abandon(_ arrival: Arrival) {
        let waiter = lock.withLock {
            spend(arrival)
            return gathered()
        }
        waiter?.resume()
    }

    /// Called with the lock held.
    private func spend(_ arrival: Arrival) {
        guard !arrival.spent else { return }
        arrival.spent = true
        preparing -= 1
    }

    /// The waiting writer, taken, once its group has waited long enough; called with the lock held.
    private func gathered() -> CheckedContinuation<Void, Never>? {
        guard let waiter = gatherer, preparing == 0 || pending.count >= maximumGroup || closed else { return nil }
        gatherer = nil
        return waiter
    }

    /// Returns once the requests being parsed are queued too (or the group is full); at once when none is.
    private func gather() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let waiting = lock.withLock {
                guard !pending.isEmpty, pending.count < maximumGroup, preparing > 0, !closed else { return false }
                gatherer = waiter
                return true
            }
            if !waiting { waiter.resume() }
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
            await gather()
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
            if results.contains(where: { (try? $0.get())?.appended ?? 0 > 0 }) { commitSignal.ring() }
            for (job, result) in zip(jobs, results) { job.reply.resume(returning: result) }
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
