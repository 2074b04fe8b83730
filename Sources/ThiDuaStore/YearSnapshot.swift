import GRDB
import ThiDuaCore

/// A year's whole state as of a stream version, so an append resumes the year instead of folding it.
enum YearSnapshot {
    static func write(_ state: YearState, version: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO year_snapshot (stream, version, state) VALUES (?, ?, ?)")
            .execute(arguments: [StreamID(bloc: state.bloc, year: state.year).description, version, state.snapshot.canonicalText])
    }

    /// The stored state if it is current (taken at `version`) and decodes; otherwise nil, and the caller folds.
    static func load(_ stream: StreamID, currentVersion version: Int64, _ db: Database) throws -> YearState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT IFNULL(CAST(version AS INTEGER), -1), IFNULL(CAST(state AS TEXT), '') FROM year_snapshot WHERE stream = ?
            """), arguments: [stream.description]),
              row[0] as Int64 == version,
              let json = try? JSON.parse(Array((row[1] as String).utf8)),
              let state = YearState(snapshot: json), state.bloc == stream.bloc, state.year == stream.year
        else { return nil }
        return state
    }

    /// Records a founded bloc, so commands find the blocs without scanning the log.
    static func writeBloc(code: String, name: String, position: Int64, _ db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO bloc_summary (code, name, position) VALUES (?, ?, ?)")
            .execute(arguments: [code, name, position])
    }
}
