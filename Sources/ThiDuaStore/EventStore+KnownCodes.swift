import ThiDuaCore

/// A code a log filter names that the blocs never had (§10 "Codes"): `thidua log` and the server's `GET /v1/log`
/// refuse it naming the known ones, rather than answer nothing.
package struct UnknownCode: Error, Sendable, CustomStringConvertible {
    /// The filter, as the query parameter names it: `member`, `criterion`, `year`, `election`.
    package var field: String
    /// `--member X: no member of that code in BDTW`
    package var detail: String
    /// `known members: A, B`
    package var hint: String

    /// The whole message, as the CLI prints it after `error: `.
    package var description: String { "\(detail); \(hint)" }
}

extension EventStore {
    /// Refuses a filter's member, criterion, year or election that none of `blocs` ever had, in that order.
    package func requireKnown(member: String?, criterion: String?, year: Int?, election: String?, blocs: [String]) throws {
        if let member { try requireMember(member, blocs: blocs) }
        if let criterion { try requireCriterion(criterion, blocs: blocs) }
        if let year { try requireYear(year, blocs: blocs) }
        if let election { try requireElection(election, blocs: blocs) }
    }

    package func requireMember(_ code: String, blocs: [String]) throws {
        try require(code, "member", "member of that code", plural: "members", blocs: blocs) { bloc, year in
            try projection(bloc: bloc, year: year)?.members.map(\.code) ?? []
        }
    }

    /// Criteria are read from each year's state (its snapshot), so the check never scans the log.
    package func requireCriterion(_ code: String, blocs: [String]) throws {
        try require(code, "criterion", "criterion of that code", plural: "criteria", blocs: blocs) { bloc, year in
            try yearState(bloc: bloc, year: year)?.state.criteria.values.map(\.code) ?? []
        }
    }

    package func requireYear(_ year: Int, blocs: [String]) throws {
        var known: Set<Int> = []
        for bloc in blocs { known.formUnion(try years(bloc: bloc)) }
        guard !known.contains(year) else { return }
        let years = known.isEmpty ? "(none)" : known.sorted().map(String.init).joined(separator: ", ")
        throw UnknownCode(field: "year", detail: "--year \(year): \(blocs.joined(separator: ", ")) has no such year", hint: "known years: \(years)")
    }

    package func requireElection(_ id: String, blocs: [String]) throws {
        try require(id, "election", "election of that id", plural: "elections", blocs: blocs) { bloc, year in
            try projection(bloc: bloc, year: year)?.elections.map(\.id) ?? []
        }
    }

    /// Refuses `code` unless some year of `blocs` knows it (`known` lists a year's), naming those that are known.
    private func require(_ code: String, _ field: String, _ what: String, plural: String, blocs: [String],
                         _ known: (String, Int) throws -> [String]) throws {
        var all: Set<String> = []
        for bloc in blocs {
            for year in try years(bloc: bloc) { all.formUnion(try known(bloc, year)) }
        }
        guard !all.contains(code) else { return }
        throw UnknownCode(field: field, detail: "--\(field) \(code): no \(what) in \(blocs.joined(separator: ", "))",
                          hint: "known \(plural): \(Self.listed(all))")
    }

    private static func listed(_ codes: Set<String>) -> String {
        codes.isEmpty ? "(none)" : codes.sorted().joined(separator: ", ")
    }
}
