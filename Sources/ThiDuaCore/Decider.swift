import ThiDuaLog

/// The Decider (§3): `decide` checks an event against the states before it, or throws the rule it breaks;
/// `evolve` (on the states) folds it in. `Ledger` holds the states and is the one fold every command uses.
public enum Decider {
    /// Decides a decoded event of `stream`. The envelope facts a logged row could contradict (its
    /// stream and actor) are checked here too, so a row read back from the log meets every rule an append does.
    public static func decide(_ event: DomainEvent, in stream: StreamID, bloc: BlocState, year: YearState?) throws(ThiDuaError) {
        do {
            try checkEnvelope(event, in: stream)
            try checkSignature(event, in: stream, bloc: bloc)
            if event.type.isBlocStream {
                try decideBloc(event, bloc: bloc)
            } else {
                try decideYear(event, bloc: bloc, year: year ?? YearState(bloc: stream.bloc, year: stream.year ?? 0))
            }
        } catch {
            throw error.of(type: event.type.rawValue)
        }
    }

    static func checkEnvelope(_ event: DomainEvent, in stream: StreamID) throws(ThiDuaError) {
        if event.type.isBlocStream != (stream.year == nil) {
            throw reject(.streamMismatch, event.type.isBlocStream
                         ? "\(event.type.rawValue) is a bloc event, but it is in the year stream \(stream)"
                         : "\(event.type.rawValue) belongs to a year, but it is in the bloc stream \(stream)", field: "stream")
        }
        if event.actor != Text.secretariat, !Text.isCode(event.actor) {
            throw reject(.badCode, "\"\(event.actor.prefix(40))\" is neither a member code nor secretariat", field: "actor")
        }
    }

    static func reject(_ code: ThiDuaError.Code, _ reason: String, field: String? = nil, hint: String? = nil) -> ThiDuaError {
        ThiDuaError(code: code, field: field, reason: reason, hint: hint)
    }

    static func decideBloc(_ event: DomainEvent, bloc: BlocState) throws(ThiDuaError) {
        guard event.actor == Text.secretariat else {
            throw reject(.notAllowed, "only the secretariat records bloc events, not \(event.actor)", field: "actor",
                         hint: "act as secretariat (--as secretariat)")
        }
        switch event.payload {
        case .blocFounded:
            if bloc.founded {
                throw reject(.blocExists, "bloc \(bloc.code) was already founded")
            }
        case .rulesAdopted:
            try requireFounded(bloc)
        case .keyRegistered, .keyRevoked:
            try decideKey(event.payload, bloc: bloc)
        default:
            break
        }
        try checkTime(event, bloc: bloc, year: nil)
    }

    static func requireFounded(_ bloc: BlocState) throws(ThiDuaError) {
        guard bloc.founded else {
            throw reject(.noBloc, "bloc \(bloc.code) has not been founded", field: "bloc",
                         hint: "run thidua init --bloc \(bloc.code) --name \"…\" first")
        }
    }
}
