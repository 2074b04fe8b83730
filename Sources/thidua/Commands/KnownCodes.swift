import ThiDuaLog
import ThiDuaStore

/// Checks the codes a query filter names against what the log holds (§10 "Codes"): a member, criterion
/// or election the bloc never had is an error naming the known ones, not an empty answer.
enum KnownCodes {
    /// A code from a filter, upper-cased; `secretariat` in any case stays the secretariat.
    static func filter(_ text: String?) -> String? { text.map(actor) }

    /// An actor typed in any letter case: a member code upper-cased, or the secretariat.
    static func actor(_ text: String) -> String { EventFilter.code(text) }

    /// The store's checks (shared with the server's `GET /v1/log`), refused as the CLI's error, exit 1.
    static func requireKnown(member: String?, criterion: String?, year: Int?, election: String?, blocs: [String], store: EventStore) throws {
        do {
            try store.requireKnown(member: member, criterion: criterion, year: year, election: election, blocs: blocs)
        } catch let unknown as UnknownCode {
            throw CLIError.rejected(unknown.description)
        }
    }

    static func requireYear(_ year: Int, blocs: [String], store: EventStore) throws {
        try requireKnown(member: nil, criterion: nil, year: year, election: nil, blocs: blocs, store: store)
    }
}
