import Foundation
import GRDB
import ThiDuaCore

/// A year's whole state as of a stream version, so an append resumes the year instead of folding it.
///
/// The snapshot is a cache, never evidence. It carries a seal, SHA-256 of the hash of the event it
/// was taken after and its own canonical text, and an append uses it only while the seal matches the
/// log; otherwise the year is folded from the log. The seal catches a snapshot edited by hand or
/// left behind by another history; it is not a signature (whoever can edit the file can recompute
/// it), so `verify` compares every snapshot with a replay and re-decides every event from the log alone.
enum YearSnapshot {
    static func write(_ state: YearState, version: Int64, _ db: Database) throws {
        let stream = StreamID(bloc: state.bloc, year: state.year).description
        let snapshot = state.snapshot
        var text = snapshot.canonicalText
        if case .object(var fields) = snapshot, let hash = try eventHash(stream: stream, version: version, db) {
            fields["seal"] = .string(seal(text, after: hash))
            text = JSON.object(fields).canonicalText
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO year_snapshot (stream, version, state) VALUES (?, ?, ?)")
            .execute(arguments: [stream, version, text])
    }

    /// The stored state if it is current (taken at `version`), decodes and its seal matches the event
    /// the log holds at `version`; otherwise nil, and the caller folds. `requireSeal: false` also
    /// accepts a snapshot without a seal, as older versions wrote them (verify then compares its state).
    static func load(_ stream: StreamID, currentVersion version: Int64, requireSeal: Bool = true, _ db: Database) throws -> YearState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT IFNULL(CAST(version AS INTEGER), -1), IFNULL(CAST(state AS TEXT), '') FROM year_snapshot WHERE stream = ?
            """), arguments: [stream.description]),
              row[0] as Int64 == version,
              let json = try? JSON.parse(Array((row[1] as String).utf8)),
              let state = YearState(snapshot: json), state.bloc == stream.bloc, state.year == stream.year
        else { return nil }
        switch json.objectValue?["seal"] {
        case nil:
            return requireSeal ? nil : state
        case .string(let stored)?:
            guard let hash = try eventHash(stream: stream.description, version: version, db),
                  stored == seal(state.snapshot.canonicalText, after: hash) else { return nil }
            return state
        default:
            return nil
        }
    }

    /// SHA-256 of the event's hash followed by the snapshot's canonical text (without its seal), in hex.
    static func seal(_ text: String, after eventHash: [UInt8]) -> String {
        EventHashing.hex(EventHashing.chain(previous: eventHash, canonical: Array(text.utf8)))
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
