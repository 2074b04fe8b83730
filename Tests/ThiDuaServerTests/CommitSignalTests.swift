import Foundation
import Testing
import ThiDuaServer

/// Live followers are woken by the writer's commit, not by their poll (§12 follow). The poll is long (10 minutes) and
/// the bound generous: beside the other suites' blocking tests, this one may wait minutes for a thread, but only a
/// ring that did not wake the waiter lets it run into the poll.
@Suite("Server: commit signal")
struct CommitSignalTests {
    @Test func aWaiterReturnsAtTheCommitLongBeforeItsPoll() async throws {
        let signal = CommitSignal()
        let seen = signal.count
        let wakeUps = signal.wakeUps(polling: 600)
        defer { wakeUps.stop() }
        let started = ContinuousClock.now
        async let woken = wakeUps.next()
        try await Task.sleep(nanoseconds: 50_000_000)
        signal.ring()
        #expect(await woken)
        #expect(ContinuousClock.now - started < .seconds(590))
        #expect(signal.count == seen + 1)
    }

    @Test func aCommitWhileTheFollowerReadsIsNotMissedAndThePollStillEndsAQuietWait() async {
        let signal = CommitSignal()
        let wakeUps = signal.wakeUps(polling: 600)
        defer { wakeUps.stop() }
        signal.ring()
        signal.ring()
        let started = ContinuousClock.now
        #expect(await wakeUps.next())
        #expect(ContinuousClock.now - started < .seconds(590))

        let polled = signal.wakeUps(polling: 0.05)
        defer { polled.stop() }
        #expect(await polled.next())
        #expect(await polled.next())
    }

    @Test func aStoppedOrCancelledFollowerIsWokenNoMore() async {
        let signal = CommitSignal()
        let stopped = signal.wakeUps(polling: 600)
        stopped.stop()
        signal.ring()
        #expect(await stopped.next() == false)

        let cancelled = signal.wakeUps(polling: 600)
        let waiting = Task { await cancelled.next() }
        waiting.cancel()
        #expect(await waiting.value == false)
        signal.ring()
        #expect(await cancelled.next() == false)
    }
}
