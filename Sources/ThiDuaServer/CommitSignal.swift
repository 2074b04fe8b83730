import Foundation
import ThiDuaLog
import ThiDuaStore

/// Tells live followers at once that this server's writer committed (§12 follow), so they read the new events without
/// waiting for their poll; the poll stays, for events other processes append to the same file.
package final class CommitSignal: @unchecked Sendable {
    /// Guards the fields below.
    private let lock = NSLock()
    private var commits: UInt64 = 0
    private var followers: [UInt64: AsyncStream<Void>.Continuation] = [:]
    private var nextFollower: UInt64 = 0
    private var recent = RecentEvents()

    package init() {}

    /// How many commits have rung so far.
    package var count: UInt64 { lock.withLock { commits } }

    /// Wakes the followers after a commit that wrote `rows`, the row before the first of them having `hashBefore`.
    package func ring(wrote rows: [RecordedEvent] = [], after hashBefore: [UInt8] = []) {
        let woken = lock.withLock {
            commits += 1
            recent.add(rows, after: hashBefore)
            return Array(followers.values)
        }
        for follower in woken { follower.yield() }
    }

    /// The events after `position` that `filter` admits, from the rows this server committed last, and the position
    /// that covers; nil when those rows do not hold the next position or the filter must be read by SQL.
    package func recent(after position: Int64, _ filter: EventFilter) -> (events: [(event: RecordedEvent, prevHash: [UInt8])], through: Int64)? {
        guard filter.isCheckedWithoutSQL, var events = lock.withLock({ recent.after(position) }), let last = events.last else { return nil }
        var through = last.event.position
        if let to = filter.toPosition, to < through {
            events.removeAll { $0.event.position > to }
            through = max(to, position)
        }
        let admits = filter.inMemory()
        events.removeAll { !admits($0.event) }
        return (events, through)
    }

    /// One follower's wake-ups: after every commit from now on and every `seconds` (its poll), at most one of them
    /// kept while it reads. One timer for the follower's whole life, rather than one per wait: a busy writer commits
    /// hundreds of times a second, and each timer cost a task and a trip through the dispatch timer thread.
    package func wakeUps(polling seconds: Double) -> WakeUps {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id = lock.withLock {
            nextFollower += 1
            followers[nextFollower] = continuation
            return nextFollower
        }
        let nanoseconds = UInt64(min(max(seconds, 0.001), 86_400) * 1e9)
        let poll = Task {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: nanoseconds)
                continuation.yield()
            }
        }
        continuation.onTermination = { [weak self] _ in
            poll.cancel()
            self?.lock.withLock { _ = self?.followers.removeValue(forKey: id) }
        }
        return WakeUps(stream: stream, continuation: continuation)
    }

    /// What `wakeUps(polling:)` gives a follower: `next()` returns at its next wake-up (false once stopped or
    /// cancelled); `stop()` ends the poll and leaves the signal.
    package struct WakeUps: Sendable {
        let stream: AsyncStream<Void>
        let continuation: AsyncStream<Void>.Continuation

        package func next() async -> Bool {
            var iterator = stream.makeAsyncIterator()
            return await iterator.next() != nil
        }

        package func stop() { continuation.finish() }
    }
}
