import ThiDuaLog

/// The events this server's writer committed last, in position order with no gap, so that a live follower is sent
/// them without reading them back from the file. An append by another process in between breaks the run, and it
/// starts again: a follower whose next position the run does not hold reads the file, as before.
package struct RecentEvents {
    /// Events kept; the run is cut back to this many once it holds twice as many.
    package static let capacity = 1_024

    package private(set) var events: [RecordedEvent] = []
    /// The hash of the row before `events.first`.
    private var hashBefore: [UInt8] = []

    package init() {}

    /// Adds a commit's rows, `hashBefore` being the hash of the row before the first of them.
    package mutating func add(_ rows: [RecordedEvent], after hashBefore: [UInt8]) {
        guard let first = rows.first else { return }
        if let last = events.last, last.position + 1 == first.position, last.hash == hashBefore {
            events += rows
        } else {
            events = rows
            self.hashBefore = hashBefore
        }
        if events.count > 2 * Self.capacity {
            let dropped = events.count - Self.capacity
            self.hashBefore = events[dropped - 1].hash
            events.removeFirst(dropped)
        }
    }

    /// Every event after `position`, each with the hash before it, when the run holds the next one; else nil.
    package func after(_ position: Int64) -> [(event: RecordedEvent, prevHash: [UInt8])]? {
        // `position` comes from a client (Last-Event-ID) and may be Int64.max: nothing is added to it before it is below the run's end.
        guard let first = events.first, let last = events.last, position < last.position, first.position - 1 <= position else {
            return nil
        }
        let start = Int(position + 1 - first.position)
        var previous = start == 0 ? hashBefore : events[start - 1].hash
        var result: [(event: RecordedEvent, prevHash: [UInt8])] = []
        result.reserveCapacity(events.count - start)
        for event in events[start...] {
            result.append((event, previous))
            previous = event.hash
        }
        return result
    }
}
