import ThiDuaLog

/// The one fold (§3): the states of a log's blocs and years with the Decider's three parts over them —
/// `initial` (nothing founded or opened), `decide` (check an event against the states, or throw the
/// rule it breaks) and `evolve` (fold an event in; total, never throws).
///
/// Append, replay, rebuild and verify all advance a Ledger in log order; they differ only in where the
/// states start (the initial state, a snapshot, a fold of the log) and in whether they decide. A year
/// event sees its bloc's rules as the bloc stream stands when it is folded, so events must come in
/// position order. The year folded last sits in its own slot, with its bloc: runs of one year (most of
/// a log) skip the dictionaries and never copy the year's state.
public struct Ledger: Sendable {
    public private(set) var blocs: [String: BlocState] = [:]
    private var others: [StreamID: YearState] = [:]
    private var current: Current?

    private struct Current: Sendable {
        let stream: StreamID
        var year: YearState
        var bloc: BlocState
    }

    public static let initial = Ledger()

    public init() {}

    public func bloc(_ code: String) -> BlocState { blocs[code] ?? BlocState(code: code) }

    public func year(_ stream: StreamID) -> YearState {
        if let current, current.stream == stream { return current.year }
        return others[stream] ?? YearState(bloc: stream.bloc, year: stream.year ?? 0)
    }

    /// Every year state held.
    public var years: [StreamID: YearState] {
        var all = others
        if let current { all[current.stream] = current.year }
        return all
    }

    /// Whether the stream's state is held (not just its initial state implied).
    public func holds(_ stream: StreamID) -> Bool {
        guard stream.year != nil else { return blocs[stream.bloc] != nil }
        return current?.stream == stream || others[stream] != nil
    }

    /// Puts in a bloc's state that was folded elsewhere (the store loads states lazily).
    public mutating func restore(_ bloc: BlocState) {
        blocs[bloc.code] = bloc
        if current?.stream.bloc == bloc.code { current!.bloc = bloc }
    }

    /// Puts in a year's state taken from a snapshot or folded elsewhere, and makes it the current year.
    public mutating func restore(_ year: YearState) {
        let stream = StreamID(bloc: year.bloc, year: year.year)
        select(stream)
        current!.year = year
    }

    /// Checks `event` of `stream` against the states before it; throws the rule it breaks.
    public func decide(_ event: DomainEvent, in stream: StreamID) throws(ThiDuaError) {
        if stream.year == nil {
            try Decider.decide(event, in: stream, bloc: bloc(stream.bloc), year: nil)
        } else if let current, current.stream == stream {
            try Decider.decide(event, in: stream, bloc: current.bloc, year: current.year)
        } else {
            try Decider.decide(event, in: stream, bloc: bloc(stream.bloc), year: year(stream))
        }
    }

    /// Decodes a proposed event and decides it; returns it decoded. Nothing is folded. With `recordedAt` (the time the
    /// store records it at), the event carries its times, its occurredAt defaulting to that, and the time rule applies.
    public func decide(_ event: ProposedEvent, recordedAt: Timestamp? = nil) throws(ThiDuaError) -> DomainEvent {
        var decoded = try DomainEvent(type: event.type, schema: event.schema, actor: event.actor, data: event.data)
        decoded.signature = event.signature
        if let recordedAt {
            decoded.occurredAt = event.occurredAt ?? recordedAt
            decoded.recordedAt = recordedAt
        }
        try decide(decoded, in: event.stream)
        return decoded
    }

    /// Folds an event of `stream` into the states.
    public mutating func evolve(_ event: DomainEvent, in stream: StreamID) {
        guard let year = stream.year else {
            blocs[stream.bloc, default: BlocState(code: stream.bloc)].evolve(event)
            if current?.stream.bloc == stream.bloc { current!.bloc = blocs[stream.bloc]! }
            return
        }
        select(stream)
        let rules = current!.bloc.rules(forYear: year)
        current!.year.evolve(event, rules: rules)
    }

    /// Decides the event against the current states and, if accepted, folds it in.
    @discardableResult
    public mutating func record(_ event: ProposedEvent, recordedAt: Timestamp? = nil) throws(ThiDuaError) -> DomainEvent {
        let decided = try decide(event, recordedAt: recordedAt)
        evolve(decided, in: event.stream)
        return decided
    }

    /// Decides a decoded event and, if accepted, folds it in.
    public mutating func record(_ event: DomainEvent, in stream: StreamID) throws(ThiDuaError) {
        try decide(event, in: stream)
        evolve(event, in: stream)
    }

    private mutating func select(_ stream: StreamID) {
        if current?.stream == stream { return }
        if let previous = current { others[previous.stream] = previous.year }
        current = nil
        let year = others.removeValue(forKey: stream) ?? YearState(bloc: stream.bloc, year: stream.year ?? 0)
        current = Current(stream: stream, year: year, bloc: bloc(stream.bloc))
    }
}
