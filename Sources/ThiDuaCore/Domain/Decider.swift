/// The Decider (§3): `decide` checks a proposed event against the state; `evolve` (on the states) folds it.
public enum Decider {
    /// Validates `event` against its bloc and (for year events) year state; returns it decoded.
    public static func decide(_ event: ProposedEvent, bloc: BlocState, year: YearState?) throws(ThiDuaError) -> DomainEvent {
        let decoded = try DomainEvent(type: event.type, actor: event.actor, data: event.data)
        do {
            if event.type.isBlocStream {
                try decideBloc(decoded, bloc: bloc)
            } else {
                try decideYear(decoded, bloc: bloc, year: year ?? YearState(bloc: event.bloc, year: event.year ?? 0))
            }
        } catch {
            throw error.of(type: event.type.rawValue)
        }
        return decoded
    }

    static func reject(_ code: String, _ reason: String, field: String? = nil, hint: String? = nil) -> ThiDuaError {
        ThiDuaError(code: code, field: field, reason: reason, hint: hint)
    }

    static func decideBloc(_ event: DomainEvent, bloc: BlocState) throws(ThiDuaError) {
        guard event.actor == Text.secretariat else {
            throw reject("not-allowed", "only the secretariat records bloc events, not \(event.actor)", field: "actor",
                         hint: "act as secretariat (--as secretariat)")
        }
        switch event.payload {
        case .blocFounded:
            if bloc.founded {
                throw reject("bloc-exists", "bloc \(bloc.code) was already founded")
            }
        case .rulesAdopted:
            try requireFounded(bloc)
        default:
            break
        }
    }

    static func requireFounded(_ bloc: BlocState) throws(ThiDuaError) {
        guard bloc.founded else {
            throw reject("no-bloc", "bloc \(bloc.code) has not been founded", field: "bloc",
                         hint: "run thidua init --bloc \(bloc.code) --name \"…\" first")
        }
    }
}
