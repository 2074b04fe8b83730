import Foundation

/// Tells live followers at once that this server's writer committed (§12 follow), so they read the new events without
/// waiting for their poll; the poll stays, for events other processes append to the same file.
package final class CommitSignal: @unchecked Sendable {
    /// Guards the fields below.
    private let lock = NSLock()
    private var commits: UInt64 = 0
    private var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter: UInt64 = 0

    package init() {}

    /// How many commits have rung so far; a follower notes it before it reads the log.
    package var count: UInt64 { lock.withLock { commits } }

    package func ring() {
        let woken = lock.withLock {
            commits += 1
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
        for waiter in woken { waiter.resume() }
    }

    /// Returns once the count passed `seen`, after `seconds`, or when the task is cancelled, whichever comes first.
    package func wait(after seen: UInt64, seconds: Double) async {
        let id = lock.withLock {
            nextWaiter += 1
            return nextWaiter
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1e9))
            self?.wake(id)
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let now = lock.withLock {
                    guard commits == seen, !Task.isCancelled else { return true }
                    waiters[id] = waiter
                    return false
                }
                if now { waiter.resume() }
            }
        } onCancel: {
            wake(id)
        }
    }

    private func wake(_ id: UInt64) {
        lock.withLock { waiters.removeValue(forKey: id) }?.resume()
    }
}
