import ThiDuaLog

extension EventFilter {
    /// Whether `admits(_:)` decides this filter without SQL: every condition but those on what the data names
    /// (member, criterion, election), which SQL reads with `json_extract`.
    package var isCheckedWithoutSQL: Bool { member == nil && criterion == nil && election == nil }

    /// The filter applied to an event in memory, as `sql` and the time bounds apply it to the rows (byte-wise, as
    /// SQLite compares text); only for a filter `isCheckedWithoutSQL`.
    package func admits(_ event: RecordedEvent) -> Bool { inMemory()(event) }

    /// `admits(_:)` with the filter's texts made once, for many events.
    package func inMemory() -> (RecordedEvent) -> Bool {
        let stream: (String.UTF8View) -> Bool
        if let bloc, let year {
            let exact = Array("\(bloc)/\(year)".utf8)
            stream = { $0.elementsEqual(exact) }
        } else if let bloc {
            let code = Array(bloc.utf8), prefix = Array("\(bloc)/".utf8)
            stream = { $0.elementsEqual(code) || ($0.starts(with: prefix) && $0.count > prefix.count) }
        } else if let year {
            let suffix = Array("/\(year)".utf8)
            stream = { $0.count >= suffix.count && $0.dropFirst($0.count - suffix.count).elementsEqual(suffix) }
        } else {
            stream = { _ in true }
        }
        return { event in stream(event.stream.utf8) && self.admitsBesidesStream(event) }
    }

    private func admitsBesidesStream(_ event: RecordedEvent) -> Bool {
        if !types.isEmpty, !types.contains(where: { $0.utf8.elementsEqual(event.type.utf8) }) { return false }
        if let actor, !actor.utf8.elementsEqual(event.actor.utf8) { return false }
        if let correlation, !(event.correlation.map { $0.utf8.elementsEqual(correlation.utf8) } ?? false) { return false }
        if let fromPosition, event.position < fromPosition { return false }
        if let toPosition, event.position > toPosition { return false }
        return admits(occurredAt: event.occurredAt, recordedAt: event.recordedAt)
    }
}
