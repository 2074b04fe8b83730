import ThiDuaCore
import ThiDuaLog

/// Every failure the store reports; GRDB's errors are translated into these and never leak.
package enum StoreError: Error, Sendable, CustomStringConvertible {
    /// An event broke a rule or the input was invalid: nothing was appended.
    case rejected(ThiDuaError)
    /// No log at the path, for a command that only reads.
    case noLog(path: String)
    /// The file is not a thidua log (another program's database, a 0-byte or text file…); it was left as it was.
    case notALog(path: String, reason: String)
    /// The log's schema was made by an older thidua; a command that only reads does not upgrade it.
    case needsUpgrade(path: String)
    /// The bloc is missing or ambiguous.
    case noBloc(String)
    /// The log holds an event that breaks a rule: someone altered it. The CLI exits 2.
    case altered(position: Int64, rule: ThiDuaError)
    /// A kept evidence document no longer hashes to its name: someone altered it. The CLI exits 2.
    case documentAltered(sha256: String)
    /// SQLite found the file damaged or not a database at all (SQLITE_CORRUPT, SQLITE_NOTADB).
    case damaged(String)
    /// SQLite failed (disk full, locked for too long…).
    case database(String)

    package var description: String {
        switch self {
        case .rejected(let error): error.description
        case .noLog(let path): "no event log at \(path); create one with thidua init --bloc CODE --name \"…\" (or pass --db)"
        case .notALog(let path, let reason):
            "\(path.isEmpty ? "the empty path" : path) is not a thidua log: \(reason); it was left untouched. Pass --db with the path of a thidua log"
        case .needsUpgrade(let path):
            "\(path) was made by an older thidua and its schema needs an upgrade, which a command that only reads never does; "
                + "run thidua rebuild (or any write command) on it to upgrade it, then run this command again"
        case .noBloc(let reason): reason
        case .damaged(let reason): "database: the file is not a thidua log or is damaged (\(reason)); run thidua verify"
        case .database(let reason): "database: \(reason)"
        case .altered(let position, let rule):
            "the event at position \(position) breaks a rule, so the log was altered: \(rule); run thidua verify"
        case .documentAltered(let sha256):
            "the evidence document kept as \(sha256) no longer hashes to it, so the log was altered; run thidua verify"
        }
    }

    /// Verify's answer (2) to a path that holds no intact thidua log: missing, damaged or another kind of file.
    package var meansNoIntactLog: Bool {
        switch self {
        case .noLog, .notALog, .damaged: true
        default: false
        }
    }

    /// 2 when the log was found altered, else 1 (§7).
    package var exitCode: Int32 {
        switch self {
        case .altered, .documentAltered: 2
        default: 1
        }
    }
}
