import ThiDuaLog

extension EventFilter {
    /// Whether `admits(_:)` decides this filter without SQL: every condition but those on what the data names
    /// (member, criterion, election), which SQL reads with `json_extract`.
    package var isCheckedWithoutSQL: Bool { member == nil && criterion == nil && election == nil }

    /// The filter applied to an event in memory, as `sql` and the time bounds apply it to the rows (byte-wise, as
    /// SQLite compares text); only for a filter `isCheckedWithoutSQL`.
    package func admits(_ event: RecordedEvent) -> Bool {
        let stream = event.stream.utf8
        if let bloc, let year {
            guard stream.elementsEqual("\(bloc)/\(year)".utf8) else { return false }
        } else if let bloc {
            let prefix = "\(bloc)/".utf8
            guard stream.elementsEqual(bloc.utf8) || (stream.starts(with: prefix) && stream.count > prefix.count) else { return false }
        } else if let year {
            guard stream.reversed().starts(with: "/\(year)".utf8.reversed()) else { return false }
        }
        if !types.isEmpty, !types.contains(where: { $0.utf8.elementsEqual(event.type.utf8) }) { return false }
        if let actor, !actor.utf8.elementsEqual(event.actor.utf8) { return false }
        if let correlation, !(event.correlation.map { $0.utf8.elementsEqual(correlation.utf8) } ?? false) { return false }
        if let fromPosition, event.position < fromPosition { return false }
        if let toPosition, event.position > toPosition { return false }
        return admits(occurredAt: event.occurredAt, recordedAt: event.recordedAt)
    }
}
