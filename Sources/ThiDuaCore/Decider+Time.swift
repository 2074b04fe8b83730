import ThiDuaLog

extension Decider {
    /// How long after it was recorded an event may say it occurred: the clocks of a bloc's offices drift a little.
    static let leeway: Int64 = 5 * 60 * 1_000_000

    /// The time rule (§10): an event may not have occurred more than `leeway` after it was recorded, nor before what it
    /// depends on. Rules and officers are still judged on the state the earlier events of the log leave, in log order.
    static func checkTime(_ event: DomainEvent, bloc: BlocState, year: YearState?) throws(ThiDuaError) {
        guard let occurred = event.occurredAt else { return }
        if let recorded = event.recordedAt, occurred.microseconds > recorded.microseconds &+ leeway {
            throw reject(.outOfOrderTime, "it occurred at \(occurred), more than 5 minutes after it was recorded at \(recorded)",
                         field: "occurredAt", hint: "give the time it happened (--occurred-at), not a time to come")
        }
        guard let year else { return }
        if case .yearOpened = event.payload {
            try require(occurred, after: earliestOpening(of: year.year),
                        hint: "check its --occurred-at: a year is opened during the year before it at the earliest") {
                "the earliest a year \(year.year) can open (1 January \(year.year - 1))"
            }
            return
        }
        try require(occurred, after: year.times.opened) { "year \(year.year) was opened" }
        switch event.payload {
        case .scoreSubmitted(_, let code, _, _), .scoreReviewed(_, let code, _, _):
            try require(occurred, after: year.times.criteria[code]) { "criterion \(code) was defined" }
        case .voteCast(let id, _, _), .voteVoided(let id, _, _), .ballotsTallied(let id, _, _, _), .electionClosed(let id):
            try require(occurred, after: year.times.elections[id]) { "election \(id) was opened" }
        case .pactSigned:
            try require(occurred, after: year.times.pactDrafted) { "the pact was drafted" }
        case .awardProposed:
            try require(occurred, after: year.times.finalized) { "the scores were finalized" }
        default:
            break
        }
    }

    /// A year is opened, at the earliest, on 1 January of the year before it (+07:00). Not the bloc's founding:
    /// `thidua init` records the founding when it is typed, and blocs enter their past years after it.
    static func earliestOpening(of year: Int) -> Timestamp? {
        guard year > 1, year <= 10_000 else { return nil }
        return try? Timestamp(parsing: "\(year - 1)-01-01T00:00:00+07:00")
    }

    private static func require(_ occurred: Timestamp, after time: Timestamp?,
                                hint: @autoclosure () -> String = "check its --occurred-at: an event cannot have happened before what it depends on",
                                _ what: () -> String) throws(ThiDuaError) {
        guard let time, occurred < time else { return }
        throw reject(.outOfOrderTime, "it occurred at \(occurred), before \(what()) at \(time)", field: "occurredAt", hint: hint())
    }
}
