/// An in-memory log: the states of blocs and years, advanced by `record` (decide then evolve).
/// Replay and tests use it; the store keeps the same states, loaded lazily from SQLite.
public struct Ledger: Sendable {
    public var blocs: [String: BlocState] = [:]
    public var years: [StreamID: YearState] = [:]

    public init() {}

    public func bloc(_ code: String) -> BlocState { blocs[code] ?? BlocState(code: code) }

    public func year(_ stream: StreamID) -> YearState {
        years[stream] ?? YearState(bloc: stream.bloc, year: stream.year ?? 0)
    }

    /// Decides the event against the current states and, if accepted, folds it in.
    @discardableResult
    public mutating func record(_ event: ProposedEvent) throws(ThiDuaError) -> DomainEvent {
        let decided = try Decider.decide(event, bloc: bloc(event.bloc),
                                         year: event.type.isBlocStream ? nil : year(event.stream))
        fold(decided, into: event.stream)
        return decided
    }

    /// Folds an already-accepted event (from the log) without deciding it again.
    public mutating func fold(_ event: DomainEvent, into stream: StreamID) {
        if stream.year == nil {
            blocs[stream.bloc, default: BlocState(code: stream.bloc)].evolve(event)
        } else {
            let rules = blocs[stream.bloc]?.rules(forYear: stream.year!) ?? .defaults
            years[stream, default: YearState(bloc: stream.bloc, year: stream.year!)].evolve(event, rules: rules)
        }
    }
}
