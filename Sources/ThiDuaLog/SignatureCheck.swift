import Dispatch

/// Verifies the signatures of many parsed events on every core: Ed25519 verification costs several times the rest
/// of an append, so a signed import checks its lines together instead of one by one as it parses them.
public enum SignatureCheck {
    /// Events verified per task; a task is the unit the cores share.
    static let eventsPerTask = 16

    /// Checks each signed event (parsed with `checkingSignature: false`) exactly as `Envelope.parse` would have, and
    /// returns the refusal of each that fails, by its index in `events`. Unsigned events and nils cost nothing.
    public static func refusals(_ events: [ProposedEvent?]) -> [Int: ThiDuaError] {
        let signed = events.indices.filter { events[$0]?.signature != nil }
        guard !signed.isEmpty else { return [:] }
        var found = [ThiDuaError?](repeating: nil, count: signed.count)
        let tasks = (signed.count + eventsPerTask - 1) / eventsPerTask
        found.withUnsafeMutableBufferPointer { found in
            let slots = UncheckedSlots(found)
            DispatchQueue.concurrentPerform(iterations: tasks) { task in
                for k in task * eventsPerTask..<min(signed.count, (task + 1) * eventsPerTask) {
                    let event = events[signed[k]]!
                    do throws(ThiDuaError) {
                        try event.signature!.verify(event)
                    } catch {
                        slots.buffer[k] = error
                    }
                }
            }
        }
        var refusals: [Int: ThiDuaError] = [:]
        for (k, error) in found.enumerated() {
            if let error { refusals[signed[k]] = error }
        }
        return refusals
    }

    /// Each task writes only its own slots.
    private struct UncheckedSlots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<ThiDuaError?>
        init(_ buffer: UnsafeMutableBufferPointer<ThiDuaError?>) { self.buffer = buffer }
    }
}
