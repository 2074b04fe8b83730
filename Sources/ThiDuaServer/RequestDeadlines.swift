import Foundation

/// The request time limit (§12) without a timer per request: each request's task notes its deadline here, and one
/// timer, firing a few times per limit, cancels the tasks past theirs. A sleeping task per request cost a task, a timer
/// armed and cancelled on the dispatch timer thread, and the thread hops between them: a tenth of the server's CPU
/// under load.
final class RequestDeadlines: @unchecked Sendable {
    private struct Running {
        let deadline: DispatchTime
        let task: UnsafeCurrentTask
    }

    private let seconds: Double
    /// Guards the fields below; a task is cancelled only while it is held, so never after it left `run`.
    private let lock = NSLock()
    private var running: [UInt64: Running] = [:]
    private var overdue: Set<UInt64> = []
    private var nextID: UInt64 = 0
    private let timer: any DispatchSourceTimer

    init(seconds: Double) {
        self.seconds = min(max(seconds, 0.001), 86_400)
        let interval = min(max(self.seconds / 4, 0.05), 1)
        timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(Int(interval * 250)))
        timer.setEventHandler { [weak self] in self?.cancelOverdue() }
        timer.resume()
    }

    deinit { timer.cancel() }

    /// Runs `body` in the current task; nil when it ran past the limit (its task is then cancelled, so it ends at
    /// its next suspension that heeds cancellation).
    func run<T>(_ body: () async throws -> T) async throws -> T? {
        let id = withUnsafeCurrentTask { task -> UInt64? in
            guard let task else { return nil }
            let deadline = DispatchTime.now() + seconds
            return lock.withLock {
                nextID += 1
                running[nextID] = Running(deadline: deadline, task: task)
                return nextID
            }
        }
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        let timedOut = lock.withLock {
            guard let id else { return false }
            running.removeValue(forKey: id)
            return overdue.remove(id) != nil
        }
        return timedOut ? nil : try result.get()
    }

    private func cancelOverdue() {
        let now = DispatchTime.now()
        lock.withLock {
            for (id, request) in running where request.deadline <= now && !overdue.contains(id) {
                overdue.insert(id)
                request.task.cancel()
            }
        }
    }
}
