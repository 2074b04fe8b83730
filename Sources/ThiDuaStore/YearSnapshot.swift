import Foundation
import GRDB
import ThiDuaCore

/// A year's whole state as of a stream version, so an append resumes the year instead of folding it.
///
/// The snapshot is a cache, never evidence: it names the hash of the event it was taken after
/// (`event`), and is used only while the log still holds that event at that version; otherwise the
/// year is folded from the log. Its state cannot be authenticated (anyone who can edit the file can
/// recompute any check without a secret), so `verify` compares every snapshot with a replay and
/// re-decides every event from the log alone.
enum YearSnapshot {
    static func write(_ state: YearState, version: Int64, _ db: Database) throws {
        let stream = StreamID(bloc: state.bloc, year: state.year).description
        var document = state.snapshot
        if case .object(var fields) = document, let hash = try eventHash(stream: stream, version: version, db) {
            fields["event"] = .string(EventHashing.hex(hash))
            document = .object(fields)
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO year_snapshot (stream, version, state) VALUES (?, ?, ?)")
            .execute(arguments: [stream, version, document.canonicalText])
    }

    /// The stored state if it is current (taken at `version`, after the event the log holds there) and
    /// decodes; otherwise nil, and the caller folds. `requireEvent: false` accepts a snapshot written
    /// before snapshots named their event (verify then compares its state alone).
    static func load(_ stream: StreamID, currentVersion version: Int64, requireEvent: Bool = true, _ db: Database) throws -> YearState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT IFNULL(CAST(version AS INTEGER), -1), IFNULL(CAST(state AS TEXT), '') FROM year_snapshot WHERE stream = ?
            """), arguments: [stream.description]),
              row[0] as Int64 == version,
              let json = try? JSON.parse(Array((row[1] as String).utf8)),
              let state = YearState(snapshot: json), state.bloc == stream.bloc, state.year == stream.year
        else { return nil }
        switch json.objectValue?["event"] {
        case nil:
            return requireEvent ? nil : state
        case .string(let named)?:
            guard let hash = try eventHash(stream: stream.description, version: version, db), named == EventHashing.hex(hash) else { return nil }
            return state
        default:
            return nil
        }
    }

    /// The hash the log holds for the stream's event at `version`.
    private static func eventHash(stream: String, version: Int64, _ db: Database) throws -> [UInt8]? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT CAST(hash AS BLOB) FROM event WHERE stream = ? AND version = ?"),
                         arguments: [stream, version])
            .flatMap { ($0[0] as Data?).map { [UInt8]($0) } }
    }

    /// Records a founded bloc, so commands find the blocs without scanning the log.
    static func writeBloc(code: String, name: String, position: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO bloc_summary (code, name, position) VALUES (?, ?, ?)")
            .execute(arguments: [code, name, position])
    }
}
