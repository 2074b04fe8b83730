import Foundation
import GRDB
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// A year's whole state as of a stream version, so an append resumes the year instead of folding it.
///
/// The snapshot is a cache, never evidence. It carries a seal, SHA-256 of the hash of the event it
/// was taken after and its own canonical text (one pass over the stored bytes, no re-encoding), and an append uses it only while the seal matches the
/// log; otherwise the year is folded from the log. The seal catches a snapshot edited by hand or
/// left behind by another history; it is not a signature (whoever can edit the file can recompute
/// it), so `verify` compares every snapshot with a replay and re-decides every event from the log alone.
enum YearSnapshot {
    static func write(_ state: YearState, version: Int64, _ db: Database) throws {
        let stream = StreamID(bloc: state.bloc, year: state.year).description
        var snapshot = state.snapshot
        let hash = try eventHash(stream: stream, version: version, db)
        if hash != nil, case .object(var fields) = snapshot {
            fields["seal"] = .string(String(repeating: "0", count: 64))
            snapshot = .object(fields)
        }
        var bytes = Array(snapshot.canonicalText.utf8)
        if let hash, let range = sealRange(in: bytes) {
            bytes.replaceSubrange(range, with: seal(bytes, after: hash).utf8)
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO year_snapshot (stream, version, state) VALUES (?, ?, ?)")
            .execute(arguments: [stream, version, String(decoding: bytes, as: UTF8.self)])
    }

    /// The stored state if it is current (taken at `version`), decodes and its seal matches the event
    /// the log holds at `version`; otherwise nil, and the caller folds. `requireSeal: false` also
    /// accepts a snapshot without a seal, as older versions wrote them (verify then compares its state).
    static func load(_ stream: StreamID, currentVersion version: Int64, requireSeal: Bool = true, _ db: Database) throws -> YearState? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT IFNULL(CAST(version AS INTEGER), -1), IFNULL(CAST(state AS TEXT), '') FROM year_snapshot WHERE stream = ?
            """), arguments: [stream.description]),
              row[0] as Int64 == version
        else { return nil }
        var bytes = Array((row[1] as String).utf8)
        guard let json = try? JSON.parse(bytes),
              let state = YearState(snapshot: json), state.bloc == stream.bloc, state.year == stream.year
        else { return nil }
        guard let stored = json.objectValue?["seal"] else { return requireSeal ? nil : state }
        guard case .string(let seal) = stored, let range = sealRange(in: bytes), bytes[range].elementsEqual(seal.utf8),
              let hash = try eventHash(stream: stream.description, version: version, db)
        else { return nil }
        bytes.replaceSubrange(range, with: repeatElement(UInt8(ascii: "0"), count: range.count))
        return Self.seal(bytes, after: hash) == seal ? state : nil
    }

    /// Whether the stored snapshot says it is of a layout older than this version writes.
    static func isOutdated(_ stream: StreamID, _ db: Database) throws -> Bool {
        guard let text = try String.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(CAST(state AS TEXT), '') FROM year_snapshot WHERE stream = ?"),
                                             arguments: [stream.description]),
              let json = try? JSON.parse(Array(text.utf8)), let layout = YearState.layout(ofSnapshot: json) else { return false }
        return layout < YearState.snapshotLayout
    }

    /// SHA-256 of the hash of the event the snapshot was taken after, followed by the snapshot's
    /// canonical text with its seal written as 64 zeros; in hex.
    static func seal(_ text: [UInt8], after eventHash: [UInt8]) -> String {
        EventHashing.hex(EventHashing.chain(previous: eventHash, canonical: text))
    }

    /// Where the seal's 64 hex digits sit in the text. `"seal":"` can only be the top-level key:
    /// quotes inside strings are escaped and every other key is a fixed name or a code.
    static func sealRange(in bytes: [UInt8]) -> Range<Int>? {
        let key = Array(#""seal":""#.utf8)
        guard bytes.count >= key.count + 65 else { return nil }
        for start in 0...(bytes.count - key.count - 65) where bytes[start] == key[0] && bytes[start..<(start + key.count)].elementsEqual(key) {
            let digits = (start + key.count)..<(start + key.count + 64)
            return bytes[digits.upperBound] == UInt8(ascii: "\"") ? digits : nil
        }
        return nil
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
