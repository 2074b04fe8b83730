import ThiDuaJSON

/// An election as the queries and replay show it: its announcement, tally and derived result.
public struct ElectionRow: Equatable, Sendable {
    public var id: String
    public var office: String
    public var seats: Int
    public var method: String
    public var award: String?
    public var candidates: [String]
    public var ballots: Int
    public var tally: [String: Int]
    public var status: String
    public var outcome: String
    public var elected: [String]

    public init(_ election: ElectionState) {
        id = election.spec.id
        office = election.spec.office.rawValue
        seats = election.spec.seats
        method = election.spec.method.rawValue
        award = election.spec.award?.rawValue
        candidates = election.spec.candidates
        ballots = election.result?.ballots ?? election.ballots
        tally = election.result?.votes ?? election.counts
        status = election.isClosed ? "closed" : "open"
        outcome = election.result?.outcome.rawValue ?? "open"
        elected = election.result?.elected ?? []
    }

    public init(id: String, office: String, seats: Int, method: String, award: String?, candidates: [String], ballots: Int,
         tally: [String: Int], status: String, outcome: String, elected: [String]) {
        self.id = id
        self.office = office
        self.seats = seats
        self.method = method
        self.award = award
        self.candidates = candidates
        self.ballots = ballots
        self.tally = tally
        self.status = status
        self.outcome = outcome
        self.elected = elected
    }
}

extension ElectionRow {
    /// `{"id","office","seats","method","award","candidates","ballots","tally","status","outcome","elected"}`
    public var json: JSON {
        .object(["id": .string(id), "office": .string(office), "seats": JSON(seats), "method": .string(method),
                 "award": award.map(JSON.string) ?? .null, "candidates": .array(candidates.map(JSON.string)),
                 "ballots": JSON(ballots), "tally": .object(tally.mapValues { JSON($0) }), "status": .string(status),
                 "outcome": .string(outcome), "elected": .array(elected.map(JSON.string))])
    }
}

extension ElectionRow {
    /// The JSON with the election's `term`, the year whose officers it elects.
    public func json(term: Int) -> JSON {
        guard case .object(var fields) = json else { return json }
        fields["term"] = JSON(term)
        return .object(fields)
    }
}

extension NextTermOfficers {
    /// `{"term","head","deputies","elections"}`
    public func json(term: Int) -> JSON {
        .object(["term": JSON(term), "head": head.map(JSON.string) ?? .null, "deputies": .array(deputies.map(JSON.string)),
                 "elections": .array(elections.map(JSON.string))])
    }
}
