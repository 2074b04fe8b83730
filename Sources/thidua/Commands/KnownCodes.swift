import ThiDuaLog
import ThiDuaStore

/// Checks the codes a query filter names against what the log holds (§10 "Codes"): a member, criterion
/// or election the bloc never had is an error naming the known ones, not an empty answer.
enum KnownCodes {
    /// A code from a filter, upper-cased; `secretariat` in any case stays the secretariat.
    static func filter(_ text: String?) -> String? { text.map(actor) }

    /// An actor typed in any letter case: a member code upper-cased, or the secretariat.
    static func actor(_ text: String) -> String { EventFilter.code(text) }

    static func requireMember(_ code: String, blocs: [String], store: EventStore) throws {
        var known: Set<String> = []
        for bloc in blocs {
            for year in try store.years(bloc: bloc) {
                for member in try store.projection(bloc: bloc, year: year)?.members ?? [] { known.insert(member.code) }
            }
        }
        guard !known.contains(code) else { return }
        throw CLIError.rejected("--member \(code): no member of that code in \(blocs.joined(separator: ", ")); known members: \(list(known))")
    }

    /// Criteria are read from each year's state (its snapshot), so the check never scans the log.
    static func requireCriterion(_ code: String, blocs: [String], store: EventStore) throws {
        var known: Set<String> = []
        for bloc in blocs {
            for year in try store.years(bloc: bloc) {
                for criterion in try store.yearState(bloc: bloc, year: year)?.state.criteria.values ?? [] { known.insert(criterion.code) }
            }
        }
        guard !known.contains(code) else { return }
        throw CLIError.rejected("--criterion \(code): no criterion of that code in \(blocs.joined(separator: ", ")); known criteria: \(list(known))")
    }

    static func requireYear(_ year: Int, blocs: [String], store: EventStore) throws {
        var known: Set<Int> = []
        for bloc in blocs { known.formUnion(try store.years(bloc: bloc)) }
        guard !known.contains(year) else { return }
        let years = known.isEmpty ? "(none)" : known.sorted().map(String.init).joined(separator: ", ")
        throw CLIError.rejected("--year \(year): \(blocs.joined(separator: ", ")) has no such year; known years: \(years)")
    }

    static func requireElection(_ id: String, blocs: [String], store: EventStore) throws {
        var known: Set<String> = []
        for bloc in blocs {
            for year in try store.years(bloc: bloc) {
                for election in try store.projection(bloc: bloc, year: year)?.elections ?? [] { known.insert(election.id) }
            }
        }
        guard !known.contains(id) else { return }
        throw CLIError.rejected("--election \(id): no election of that id in \(blocs.joined(separator: ", ")); known elections: \(list(known))")
    }

    private static func list(_ codes: Set<String>) -> String {
        codes.isEmpty ? "(none)" : codes.sorted().joined(separator: ", ")
    }
}
