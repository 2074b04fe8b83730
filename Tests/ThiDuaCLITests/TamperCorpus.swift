import Foundation
import Testing
import ThiDuaCore
import ThiDuaLog

/// One way to alter a clean log (the demo history of EventLog/examples) with the sqlite3 shell, as an adversary would.
struct Tamper: Sendable, CustomTestStringConvertible {
    enum Edit: Sendable {
        case sql(String)
        /// A rule-breaking event inserted at the head with a correctly recomputed hash, then `thidua rebuild`.
        case ruleBreakingRow
        /// A year's snapshot text edited (`replace(state, from, to)`), its seal recomputed as the store computes it.
        case resealedSnapshot(stream: String, from: String, to: String)
        /// Python run on the signed clean log (`TamperCorpus.signedClean`) behind the triggers, with `sig(position)` and
        /// `put(position, bytes)` for signatures; then, when `rechained`, every hash recomputed as EventLog/HASHING.md says.
        case signed(python: String, rechained: Bool)
    }

    let name: String
    let edit: Edit
    /// Text both verifiers' reports must contain (the position or the object they name).
    let mentions: String
    /// The append-only triggers are dropped for the edit and recreated exactly, as a careful forger would.
    var behindTriggers = true
    /// Only re-deciding every event against the rules can find it.
    var breaksOnlyARule = false

    var testDescription: String { name }

    /// Writes a copy of the clean log into `cli`'s directory and alters it.
    func apply(in cli: Thidua) throws {
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        switch edit {
        case .sql(let sql):
            try cli.sqlite(behindTriggers ? TamperCorpus.dropTriggers + sql + TamperCorpus.restoreTriggers : sql)
        case .ruleBreakingRow:
            try cli.sqlite(try TamperCorpus.ruleBreakingInsert(cli))
            try cli.run("rebuild")
        case .resealedSnapshot(let stream, let from, let to):
            try TamperCorpus.reseal(cli.database, stream: stream, from: from, to: to)
        case .signed(let python, let rechained):
            try TamperCorpus.signedClean.get().write(to: URL(fileURLWithPath: cli.database))
            try TamperCorpus.alterSigned(cli.database, python: python, rechained: rechained)
        }
    }
}

enum TamperCorpus {
    /// The demo history appended to a new log, as file bytes (built once; each case writes its own copy).
    static let clean: Result<Data, SetupFailure> = Result { () throws(SetupFailure) in
        do {
            let cli = try Thidua()
            defer { cli.remove() }
            let appended = try cli.run("append", Example.seedPath)
            guard appended.status == 0 else { throw SetupFailure(description: "append of the demo history: \(appended)") }
            return try Data(contentsOf: URL(fileURLWithPath: cli.database))
        } catch let failure as SetupFailure {
            throw failure
        } catch {
            throw SetupFailure(description: "\(error)")
        }
    }

    struct SetupFailure: Error, CustomStringConvertible { let description: String }

    static let triggerNames = ["event_append_only_update", "event_append_only_delete", "event_gap_free"]
    static let dropTriggers = triggerNames.map { "DROP TRIGGER \($0);\n" }.joined()

    /// The event table's triggers exactly as EventLog/schema.sql gives them (a store test keeps it equal to what thidua creates).
    static let restoreTriggers: String = {
        let schema = (try? String(contentsOf: Thidua.packageRoot.appendingPathComponent("EventLog/schema.sql"), encoding: .utf8)) ?? ""
        return schema.components(separatedBy: ";\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.hasPrefix("CREATE TRIGGER event_") }
            .map { "\n" + $0 + ";" }.joined()
    }()

    /// A score far above its criterion's maximum (15 points), chained after the head as the store would chain it.
    static func ruleBreakingInsert(_ cli: Thidua) throws -> String {
        try Forgery.insert([ForgedRow(type: "score.submitted", stream: "BDTW/2018", actor: "BKTTW",
                                      data: #"{"criterion":"1.1","member":"BKTTW","points":99}"#)], into: cli).sql
    }

    /// Edits a snapshot and writes the seal the store would write for the edited text (YearSnapshot.swift): SHA-256 of
    /// the hash of the stream's event at the snapshot's version, then the text with its seal as 64 zeros. The seal is no
    /// signature, so only comparing the state with a replay finds this.
    static func reseal(_ database: String, stream: String, from: String, to: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import hashlib, re, sqlite3, sys
            path, stream, old, new = sys.argv[1:]
            db = sqlite3.connect(path)
            version, state = db.execute("SELECT version, state FROM year_snapshot WHERE stream = ?", (stream,)).fetchone()
            assert old in state, old
            state = re.sub('"seal":"[0-9a-f]{64}"', '"seal":"' + "0" * 64 + '"', state.replace(old, new, 1))
            (event_hash,) = db.execute("SELECT hash FROM event WHERE stream = ? AND version = ?", (stream, version)).fetchone()
            seal = hashlib.sha256(bytes(event_hash) + state.encode()).hexdigest()
            db.execute("UPDATE year_snapshot SET state = ? WHERE stream = ?", (state.replace("0" * 64, seal, 1), stream))
            db.commit()
            """, database, stream, from, to]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "resealing the snapshot of \(stream) failed")
    }

    /// Edits of what thidua keeps beside the log (projections, the bloc list, snapshots); the events stay intact, so only
    /// comparing them with a replay of the log finds these.
    static let projections: [Tamper] = [
        Tamper(name: "a standing's total raised", edit: .sql("UPDATE year_standing SET total = total + 100 WHERE stream = 'BDTW/2017' AND ord = 3;"),
               mentions: "BDTW/2017: standings differ from the log", behindTriggers: false),
        Tamper(name: "a rank changed", edit: .sql("UPDATE year_standing SET rank = rank + 1 WHERE stream = 'BDTW/2018' AND ord = 0;"),
               mentions: "BDTW/2018: standings differ from the log", behindTriggers: false),
        Tamper(name: "a member renamed", edit: .sql("UPDATE year_member SET name = name || '.' WHERE stream = 'BDTW/2017' AND code = 'VPTW';"),
               mentions: "BDTW/2017: members differ from the log", behindTriggers: false),
        Tamper(name: "a member's active flag cleared", edit: .sql("UPDATE year_member SET active = 0 WHERE stream = 'BDTW/2018' AND code = 'BKTTW';"),
               mentions: "BDTW/2018: members differ from the log", behindTriggers: false),
        Tamper(name: "the head changed", edit: .sql("UPDATE year_summary SET head = 'BKTTW' WHERE stream = 'BDTW/2017';"),
               mentions: "BDTW/2017: officers differ from the log", behindTriggers: false),
        Tamper(name: "a year's status changed", edit: .sql("UPDATE year_summary SET status = 'open' WHERE stream = 'BDTW/2017';"),
               mentions: "BDTW/2017: status or position differs from the log", behindTriggers: false),
        Tamper(name: "an election's tally emptied", edit: .sql("UPDATE year_election SET tally = '{}' WHERE ord = 0;"),
               mentions: "elections differ from the log", behindTriggers: false),
        Tamper(name: "a pact signature deleted", edit: .sql("DELETE FROM year_pact_signature WHERE rowid = (SELECT min(rowid) FROM year_pact_signature);"),
               mentions: "the pact differs from the log", behindTriggers: false),
        Tamper(name: "a pact clause edited", edit: .sql("UPDATE year_pact_clause SET text = text || '.' WHERE number = 1;"),
               mentions: "the pact differs from the log", behindTriggers: false),
        Tamper(name: "an award's status changed", edit: .sql("UPDATE year_award SET status = 'withdrawn' WHERE ord = 0;"),
               mentions: "awards differ from the log", behindTriggers: false),
        Tamper(name: "a year's projection rows deleted", edit: .sql("DELETE FROM year_summary WHERE stream = 'BDTW/2018';"),
               mentions: "BDTW/2018: projections are missing", behindTriggers: false),
        Tamper(name: "a projection row added for a year the log does not have",
               edit: .sql("INSERT INTO year_pact_clause VALUES ('BDTW/2099', 1, 'invented');"),
               mentions: "BDTW/2099: year_pact_clause holds rows for a year the log does not have", behindTriggers: false),
        Tamper(name: "a bloc renamed in bloc_summary", edit: .sql("UPDATE bloc_summary SET name = name || '.';"),
               mentions: "the list of blocs differs from the log", behindTriggers: false),
        Tamper(name: "a bloc added to bloc_summary", edit: .sql("INSERT INTO bloc_summary VALUES ('KHAC', 'Khối khác', 999);"),
               mentions: "the list of blocs differs from the log", behindTriggers: false),
        Tamper(name: "a snapshot's state edited, its seal left stale",
               edit: .sql(#"UPDATE year_snapshot SET state = replace(state, '"status":"closed"', '"status":"open"') WHERE stream = 'BDTW/2017';"#),
               mentions: "BDTW/2017: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a snapshot's seal altered, its state right",
               edit: .sql(#"""
                   UPDATE year_snapshot SET state = substr(state, 1, instr(state, '"seal":"') + 7)
                     || CASE substr(state, instr(state, '"seal":"') + 8, 1) WHEN 'f' THEN '0' ELSE 'f' END
                     || substr(state, instr(state, '"seal":"') + 9)
                   WHERE stream = 'BDTW/2018';
                   """#),
               mentions: "BDTW/2018: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a snapshot's version moved back", edit: .sql("UPDATE year_snapshot SET version = version - 1 WHERE stream = 'BDTW/2018';"),
               mentions: "BDTW/2018: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a snapshot's status edited and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2017", from: #""status":"closed""#, to: #""status":"open""#),
               mentions: "BDTW/2017: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a member added to a snapshot and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2018", from: #"["VPTW","#, to: #"["VPTW","x"],["VPTW2","#),
               mentions: "BDTW/2018: the year's snapshot differs from the log", behindTriggers: false),
        // What the issue saw: a raised maximum let the next typed command accept a score over it.
        Tamper(name: "a criterion's maximum raised in a snapshot and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2018", from: #"nhiệm vụ",15,"base""#, to: #"nhiệm vụ",150,"base""#),
               mentions: "BDTW/2018: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a score edited in a snapshot and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2017", from: #""1.1":[13.25,null]"#, to: #""1.1":[14.25,null]"#),
               mentions: "BDTW/2017: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "an election's result edited in a snapshot and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2017", from: #""result":[8,8,"#, to: #""result":[7,8,"#),
               mentions: "BDTW/2017: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a registration dropped from a snapshot and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2018", from: #""registrations":{"BDNTW":"#, to: #""registrations":{"XBDNTW":"#),
               mentions: "BDTW/2018: the year's snapshot differs from the log", behindTriggers: false),
        Tamper(name: "a snapshot's head edited and resealed",
               edit: .resealedSnapshot(stream: "BDTW/2018", from: #""head":""#, to: #""head":"X"#),
               mentions: "BDTW/2018: the year's snapshot differs from the log", behindTriggers: false),
    ]

    static let all: [Tamper] = projections + signed + [
        Tamper(name: "the data of a row edited", edit: .sql(#"UPDATE event SET data = '{"member":"BNCTW"}' WHERE position = 23;"#), mentions: "position 23"),
        Tamper(name: "an actor changed", edit: .sql("UPDATE event SET actor = 'secretariat' WHERE position = 184;"), mentions: "position 184"),
        Tamper(name: "occurredAt moved", edit: .sql("UPDATE event SET occurredAt = '2017-01-01T08:00:00+07:00' WHERE position = 50;"), mentions: "position 50"),
        Tamper(name: "recordedAt moved", edit: .sql("UPDATE event SET recordedAt = '2030-01-01T00:00:00.000000Z' WHERE position = 2;"), mentions: "position 2"),
        Tamper(name: "a hash replaced", edit: .sql("UPDATE event SET hash = zeroblob(32) WHERE position = 245;"), mentions: "position 245"),
        Tamper(name: "a row deleted", edit: .sql("DELETE FROM event WHERE position = 100;"), mentions: "position 100"),
        Tamper(name: "two rows swapped", edit: .sql("""
            UPDATE event SET position = position + 1000 WHERE position IN (50, 60);
            UPDATE event SET position = 60 WHERE position = 1050; UPDATE event SET position = 50 WHERE position = 1060;
            """), mentions: "position 50"),
        // A BLOB keeps its bytes, so its row still hashes the same: only the stored type gives it away.
        Tamper(name: "type cast to BLOB", edit: .sql("UPDATE event SET type = CAST(type AS BLOB) WHERE position = 30;"), mentions: "column type holds a blob"),
        Tamper(name: "version cast to BLOB", edit: .sql("UPDATE event SET version = CAST(version AS BLOB) WHERE position = 40;"), mentions: "column version holds a blob"),
        // An INTEGER column turns integer-looking text back into an integer; other text stays text.
        Tamper(name: "version stored as text", edit: .sql("UPDATE event SET version = 'v' || version WHERE position = 40;"), mentions: "column version holds a text"),
        Tamper(name: "data cast to BLOB", edit: .sql("UPDATE event SET data = CAST(data AS BLOB) WHERE position = 23;"), mentions: "column data holds a blob"),
        Tamper(name: "stream cast to BLOB", edit: .sql("UPDATE event SET stream = CAST(stream AS BLOB) WHERE position = 24;"), mentions: "column stream holds a blob"),
        Tamper(name: "schema cast to BLOB", edit: .sql("UPDATE event SET schema = CAST(schema AS BLOB) WHERE position = 25;"), mentions: "column schema holds a blob"),
        Tamper(name: "correlation NULL changed to ''", edit: .sql("UPDATE event SET correlation = '' WHERE position = 2;"), mentions: "column correlation holds the empty text"),
        Tamper(name: "correlation cast to BLOB", edit: .sql("""
            UPDATE event SET correlation = CAST(correlation AS BLOB)
            WHERE position = (SELECT min(position) FROM event WHERE correlation IS NOT NULL);
            """), mentions: "column correlation holds a blob"),
        Tamper(name: "update trigger dropped", edit: .sql("DROP TRIGGER event_append_only_update;"), mentions: "event_append_only_update", behindTriggers: false),
        Tamper(name: "delete trigger dropped", edit: .sql("DROP TRIGGER event_append_only_delete;"), mentions: "event_append_only_delete", behindTriggers: false),
        Tamper(name: "gap-free trigger dropped", edit: .sql("DROP TRIGGER event_gap_free;"), mentions: "event_gap_free", behindTriggers: false),
        Tamper(name: "update trigger replaced by a no-op of the same name", edit: .sql("""
            DROP TRIGGER event_append_only_update; CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event BEGIN SELECT 1; END;
            """), mentions: "trigger event_append_only_update is not the one thidua creates", behindTriggers: false),
        Tamper(name: "delete trigger replaced by a no-op of the same name", edit: .sql("""
            DROP TRIGGER event_append_only_delete; CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event BEGIN SELECT 1; END;
            """), mentions: "trigger event_append_only_delete is not the one thidua creates", behindTriggers: false),
        Tamper(name: "gap-free trigger replaced by a no-op of the same name", edit: .sql("""
            DROP TRIGGER event_gap_free; CREATE TRIGGER event_gap_free BEFORE INSERT ON event BEGIN SELECT 1; END;
            """), mentions: "trigger event_gap_free is not the one thidua creates", behindTriggers: false),
        Tamper(name: "a foreign trigger ignoring inserts", edit: .sql("""
            CREATE TRIGGER ignore_inserts BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END;
            """), mentions: "trigger ignore_inserts on event", behindTriggers: false),
        Tamper(name: "a foreign trigger freezing the snapshots", edit: .sql("""
            CREATE TRIGGER keep_snapshots BEFORE UPDATE ON year_snapshot BEGIN SELECT RAISE(IGNORE); END;
            """), mentions: "trigger keep_snapshots on year_snapshot", behindTriggers: false),
        Tamper(name: "a view added", edit: .sql("CREATE VIEW scores AS SELECT * FROM event WHERE type = 'score.submitted';"),
               mentions: "view scores", behindTriggers: false),
        Tamper(name: "a table added", edit: .sql("CREATE TABLE notes (text TEXT);"), mentions: "table notes", behindTriggers: false),
        Tamper(name: "an index added", edit: .sql("CREATE INDEX event_by_actor ON event (actor);"), mentions: "index event_by_actor on event",
               behindTriggers: false),
        Tamper(name: "a CHECK removed through writable_schema", edit: .sql("""
            PRAGMA writable_schema = ON;
            UPDATE sqlite_master SET sql = replace(sql, ' CHECK (length(hash) = 32)', '') WHERE name = 'event';
            PRAGMA writable_schema = OFF;
            """), mentions: "table event is not the one thidua creates", behindTriggers: false),
        Tamper(name: "a rule-breaking row inserted with a recomputed chain, then rebuilt", edit: .ruleBreakingRow,
               mentions: "position 246", behindTriggers: false, breaksOnlyARule: true),
    ]
}
