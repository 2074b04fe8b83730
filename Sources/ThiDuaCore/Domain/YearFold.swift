/// Folds one year's events in log order, with the bloc's rules as they stood at each event.
///
/// A rule adopted after an election closed must not change that election's result on replay,
/// so bloc events are interleaved by position rather than applied up front.
public struct YearFold: Sendable {
    public private(set) var state: YearState
    public private(set) var bloc: BlocState
    private var blocEvents: [(position: Int64, event: DomainEvent)]
    private var nextBlocEvent = 0

    /// `blocEvents` are the bloc stream's events with their positions, in position order.
    public init(bloc code: String, year: Int, blocEvents: [(position: Int64, event: DomainEvent)]) {
        state = YearState(bloc: code, year: year)
        bloc = BlocState(code: code)
        self.blocEvents = blocEvents
    }

    /// Folds a year event logged at `position`.
    public mutating func apply(_ event: DomainEvent, at position: Int64) {
        advanceBloc(before: position)
        state.evolve(event, rules: bloc.rules(forYear: state.year))
    }

    /// Applies the bloc events logged before `position`.
    public mutating func advanceBloc(before position: Int64) {
        while nextBlocEvent < blocEvents.count, blocEvents[nextBlocEvent].position < position {
            bloc.evolve(blocEvents[nextBlocEvent].event)
            nextBlocEvent += 1
        }
    }
}
