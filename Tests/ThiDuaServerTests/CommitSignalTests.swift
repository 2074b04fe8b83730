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
        let started = ContinuousClock.now
        async let waited: Void = signal.wait(after: seen, seconds: 600)
        try await Task.sleep(nanoseconds: 50_000_000)
        signal.ring()
        await waited
        #expect(ContinuousClock.now - started < .seconds(590))
        #expect(signal.count == seen + 1)
    }

    @Test func aCommitBeforeTheWaitIsNotMissedAndThePollStillEndsAQuietWait() async {
        let signal = CommitSignal()
        let seen = signal.count
        signal.ring()
        let started = ContinuousClock.now
        await signal.wait(after: seen, seconds: 600)
        #expect(ContinuousClock.now - started < .seconds(590))
        await signal.wait(after: signal.count, seconds: 0.05)
    }
}
