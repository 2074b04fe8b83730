import Foundation
import Testing

/// Logs made by earlier builds (EventLog/fixtures): each opens, a read never upgrades it (and names the command that
/// does), a write upgrades it in place, and it verifies and replays to the digest and stateHashes pinned beside it.
@Suite("End to end: every earlier schema's fixture opens, upgrades by a write, verifies and replays as pinned (§13)")
struct FixtureMigrationTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        let file: String
        let migrations: [String]
        let digest: String
        let stateHashes: [String: String]
        let evidence: [String]
        var testDescription: String { file }
        var isCurrent: Bool { migrations.count == Self.currentMigrations }
        static let currentMigrations = 5
    }

    static let fixtures: [Fixture] = {
        let url = Thidua.packageRoot.appendingPathComponent("EventLog/fixtures/fixtures.json")
        guard let data = try? Data(contentsOf: url),
              let all = (try? JSONSerialization.jsonObject(with: data)) as? [String: [String: Any]] else { return [] }
        return all.keys.sorted().compactMap { file in
            guard let entry = all[file], let migrations = entry["migrations"] as? [String], let digest = entry["digest"] as? String,
                  let hashes = entry["stateHashes"] as? [String: String] else { return nil }
            return Fixture(file: file, migrations: migrations, digest: digest, stateHashes: hashes,
                           evidence: entry["evidence"] as? [String] ?? [])
        }
    }()

    static func loaded(_ fixture: Fixture) throws -> Thidua {
        let cli = try Thidua()
        // The dump is read from its file (one argument of the sqlite3 shell is limited to 128 KiB).
        let dump = Thidua.packageRoot.appendingPathComponent("EventLog/fixtures/\(fixture.file)").path
        let loaded = try Thidua.capture("/usr/bin/env", ["python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2], encoding='utf-8').read()); c.commit()",
            cli.database, dump])
        #expect(loaded.status == 0, "\(loaded)")
        return cli
    }

    static func stateHash(_ cli: Thidua, year: String) throws -> String? {
        let replay = try cli.run("replay", "--year", year, "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any]
        return object?["stateHash"] as? String
    }

    @Test func everyFixtureIsListed() {
        #expect(Self.fixtures.map(\.file) == ["log-before-evidence.sql", "log-before-signatures.sql", "log-with-evidence.sql"])
    }

    @Test("a read-only command never upgrades an older fixture; it names thidua rebuild", arguments: fixtures.filter { !$0.isCurrent })
    func readsNeverUpgrade(_ fixture: Fixture) throws {
        let cli = try Self.loaded(fixture)
        defer { cli.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        for command in [["digest"], ["verify"], ["replay", "--year", "2018"], ["export"], ["log"],
                        ["evidence", "get", String(repeating: "ab", count: 32)]] {
            let result = try cli.run(command)
            #expect(result.status != 0 && result.stderr.contains("thidua rebuild"), "\(command): \(result)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before, "a read changed the file")
        // The independent verifier reads the older schema as it is: an honest old log, not an altered one.
        let python = try cli.pythonVerify()
        #expect(python.status == 0 && python.stdout.contains("exactly those of an older thidua"), "\(python)")
    }

    @Test("a write upgrades each fixture in place; it then verifies, replays and keeps its digest", arguments: fixtures)
    func upgradedFixtureReplaysAsPinned(_ fixture: Fixture) throws {
        let cli = try Self.loaded(fixture)
        defer { cli.remove() }
        if !fixture.isCurrent {
            #expect(try cli.run("rebuild").status == 0)
        }
        let migrations = try Thidua.capture("/usr/bin/env", ["python3", "-c",
            "import sqlite3,sys; print(','.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute('SELECT identifier FROM grdb_migrations ORDER BY 1')))",
            cli.database])
        #expect(migrations.stdout.trimmingCharacters(in: .newlines)
            == "v1-event-log,v2-year-projections,v3-snapshots,v4-signatures,v5-evidence")
        #expect(try cli.run("digest").stdout.trimmingCharacters(in: .newlines) == fixture.digest)
        for (year, hash) in fixture.stateHashes {
            #expect(try Self.stateHash(cli, year: year) == hash, "\(fixture.file) \(year)")
        }
        #expect(try cli.run("verify", "--digest", fixture.digest).status == 0)
        let python = try cli.pythonVerify(["--digest", fixture.digest])
        #expect(python.status == 0, "\(python)")
        for sha256 in fixture.evidence {
            let out = cli.path(sha256)
            #expect(try cli.run("evidence", "get", sha256, "--out", out).status == 0)
            #expect(try EvidenceTests.sha256(of: Data(contentsOf: URL(fileURLWithPath: out))) == sha256)
        }
        // A stored schema-1 self-score is read upcast, and keeps its bytes: its data is still the text it was.
        let exported = try cli.run("export", "--year", "2017").stdout
        #expect(exported.contains(#""evidence":"Quyết định công nhận sáng kiến số 44/QĐ-BNCTW""#))
        #expect(exported.contains(#""schema":1"#))
        #expect(exported.contains(#""upcast":{"data":{"criterion":"B.1","evidence":[{"title":"Quyết định công nhận sáng kiến số 44/QĐ-BNCTW"}],"member":"BNCTW","points":3},"schema":2}"#),
                "export shows the upcast form beside the stored one")
        let copy = try Thidua()
        defer { copy.remove() }
        #expect(try copy.run("append", try copy.write("2017.jsonl", exported)).status == 0, "the line re-imports as stored")
        #expect(try Self.stateHash(copy, year: "2017") == fixture.stateHashes["2017"])
        let replay = try cli.run("replay", "--year", "2017", "--format", "json").stdout
        #expect(replay.contains(#""evidence":[{"title":"Quyết định công nhận sáng kiến số 44/QĐ-BNCTW"}]"#))
        // Appending after the upgrade still works, and the log then verifies with both verifiers.
        let more = try cli.run("--as", "secretariat", "rules", "adopt", "--from-year", "2019")
        #expect(more.status == 0, "\(more)")
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.pythonVerify().status == 0)
    }
}
