/// The report last made of each year at the head of the log, for the live pages. A live page fetches the report again
/// on every event, so without it each new event cost one build of the whole report per visitor (a third of a second on
/// a 100k-event year); with it, one build per new event, shared by every visitor who asks at that head. Its "made at"
/// is when that head's report was made; other readers (`thidua --server … report`) get one made for them.
package actor ReportCache {
    private struct Entry {
        var head: Int64
        var report: Task<String, Error>
    }

    private var entries: [String: Entry] = [:]
    /// Years kept at once; a log rarely has more open on the web.
    private let capacity: Int

    package init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// The report of `key` at `head`: the one already made (or being made) at that head, else `make`'s.
    package func report(_ key: String, head: Int64, make: @escaping @Sendable () async throws -> String) async throws -> String {
        if let entry = entries[key] {
            if entry.head == head { return try await entry.report.value }
            // A request that read the head before a newer one was cached is answered, not kept.
            if entry.head > head { return try await make() }
        }
        if entries[key] == nil, entries.count >= capacity, let oldest = entries.min(by: { $0.value.head < $1.value.head })?.key {
            entries[oldest] = nil
        }
        let report = Task { try await make() }
        entries[key] = Entry(head: head, report: report)
        do {
            return try await report.value
        } catch {
            if entries[key]?.head == head { entries[key] = nil }
            throw error
        }
    }
}
