import ThiDuaLog

extension Decider {
    static func decideYear(_ event: DomainEvent, bloc: BlocState, year state: YearState) throws(ThiDuaError) {
        try requireFounded(bloc)
        if case .yearOpened = event.payload {} else {
            guard state.status != .unopened else {
                throw reject(.yearNotOpen, "year \(state.year) of \(state.bloc) has not been opened", field: "year",
                             hint: "open it first: thidua year open \(state.year) --member CODE=\"Name\" …")
            }
        }
        if state.status == .closed {
            switch event.payload {
            case .awardDecided, .yearReopened: break
            default:
                throw reject(.yearClosed, "year \(state.year) is closed; only award.decided and year.reopened are accepted",
                             hint: "the secretariat may reopen it: thidua year reopen \(state.year) --reason \"…\"")
            }
        }
        try authorize(event, state: state)
        try YearRules.check(event.payload, state: state, rules: bloc.rules(forYear: state.year))
        try checkTime(event, bloc: bloc, year: state)
    }

    /// Who may emit (§5): member acts by that member, officer acts by the head or a deputy, the secretariat anything.
    static func authorize(_ event: DomainEvent, state: YearState) throws(ThiDuaError) {
        let actor = event.actor
        if actor == Text.secretariat { return }
        switch event.payload {
        case .yearOpened, .yearReopened:
            throw reject(.notAllowed, "only the secretariat may record \(event.type.rawValue), not \(actor)", field: "actor",
                         hint: "act as secretariat (--as secretariat)")
        case .scoreSubmitted(let member, _, _, _), .pactSigned(let member, _, _), .registrationSubmitted(let member, _, _),
             .voteCast(_, let member, _):
            guard actor == member else {
                throw reject(.notAllowed, "\(actor) may not act for \(member); a member records its own \(event.type.rawValue)",
                             field: "actor", hint: "act as \(member), or as the secretariat on its behalf")
            }
        default:
            guard state.isOfficer(actor), state.isActiveMember(actor) else {
                let officers = ([state.head].compactMap { $0 } + state.deputies).filter(state.isActiveMember).joined(separator: ", ")
                throw reject(.notAllowed, "\(actor) is not an officer of \(state.year); \(event.type.rawValue) is an officer act",
                             field: "actor", hint: officers.isEmpty ? "act as the secretariat" : "act as one of \(officers) or the secretariat")
            }
            if case .scoreReviewed(let member, _, _, _) = event.payload, member == actor {
                throw reject(.selfReview, "\(actor) may not review its own score; another officer or the secretariat reviews it",
                             field: "actor", hint: "act as another officer, or as the secretariat")
            }
        }
    }
}
