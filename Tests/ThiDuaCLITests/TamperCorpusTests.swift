import Foundation
import Testing

@Suite("End to end: a corpus of tampered logs; thidua verify and verify_chain.py both answer 2 on each, 0 on the clean log (§14)")
struct TamperCorpusTests {
    @Test func theCleanLogVerifiesInBoth() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        let thidua = try cli.run("verify")
        #expect(thidua.status == 0, "\(thidua)")
        #expect(thidua.stdout.contains("schema: exactly the tables, indexes and triggers thidua creates"))
        let python = try cli.pythonVerify()
        #expect(python.status == 0, "\(python)")
        #expect(python.stdout.hasSuffix("verified\n"))
    }

    @Test("each tampered copy is refused by both verifiers", arguments: TamperCorpus.all)
    func bothVerifiersRefuse(_ tamper: Tamper) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try tamper.apply(in: cli)
        let thidua = try cli.run("verify")
        let python = try cli.pythonVerify()
        if tamper.breaksOnlyARule {
            #expect(thidua.status == 2, "\(thidua)")
            #expect((thidua.stdout + thidua.stderr).contains(tamper.mentions), "\(thidua)")
            #expect(python.status == 2, "\(python)")
            #expect(python.stdout.contains("rules: BROKEN at \(tamper.mentions): score.submitted breaks rule points-over-maximum"), "\(python)")
            return
        }
        #expect(thidua.status == 2, "\(thidua)")
        #expect(thidua.stderr.hasPrefix("error: verify:"), "\(thidua)")
        #expect((thidua.stdout + thidua.stderr).contains(tamper.mentions), "\(thidua)")
        #expect(python.status == 2, "\(python)")
        #expect(python.stdout.contains(tamper.mentions), "\(python)")
    }

    /// A snapshot without a seal (as older versions wrote them) is compared by its state alone, in both verifiers: what
    /// thidua's reader ignores or reads alike (an unknown key, 1.0 for 1) is no finding, what it reads differently is.
    @Test("an unsealed snapshot", arguments: [
        (edit: "", status: Int32(0)), (edit: ", '$.unknown', 1", status: 0), (edit: ", '$.layout', 1.0", status: 0),
        (edit: #", '$.finalized', json('false')"#, status: 2), (edit: #", '$.layout', json('true')"#, status: 2),
        (edit: ", '$.members[0][2]', 1", status: 2), (edit: #", '$.head', json('null')"#, status: 2),
    ])
    func anUnsealedSnapshot(edit: String, status: Int32) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        try cli.sqlite("UPDATE year_snapshot SET state = json_set(json_remove(state, '$.seal')\(edit)) WHERE stream = 'BDTW/2017';")
        let thidua = try cli.run("verify")
        let python = try cli.pythonVerify()
        #expect(thidua.status == status, "\(thidua)")
        #expect(python.status == status, "\(python)")
    }

    @Test func theProjectionsRebuiltVerifyInBoth() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        try cli.sqlite("UPDATE year_standing SET total = 0;")
        #expect(try cli.pythonVerify().status == 2)
        #expect(try cli.run("rebuild").status == 0)
        #expect(try cli.run("verify").status == 0)
        let python = try cli.pythonVerify()
        #expect(python.status == 0, "\(python)")
        #expect(python.stdout.contains("projections: match a replay of the log"))
    }

    @Test func theTriggersRestoredExactlyAreNotAFinding() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        try cli.sqlite(TamperCorpus.dropTriggers + TamperCorpus.restoreTriggers)
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.pythonVerify().status == 0)
    }

    @Test func theScriptExpectsTheSchemaThiduaPublishes() throws {
        let (status, output) = try Thidua.pythonTool("verify_chain.py", ["--schema"])
        #expect(status == 0)
        let published = try String(contentsOf: Thidua.packageRoot.appendingPathComponent("EventLog/schema.sql"), encoding: .utf8)
        let body = published.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("--") }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == body)
    }
}

@Suite("End to end: an append whose rows SQLite did not keep is refused, never reported as appended (§14)")
struct ConfirmedAppendTests {
    static let ignoreInserts = "CREATE TRIGGER ignore_inserts BEFORE INSERT ON event BEGIN SELECT RAISE(IGNORE); END;"

    func seeded() throws -> Thidua {
        let cli = try Thidua()
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        try cli.sqlite(Self.ignoreInserts)
        return cli
    }

    func head(_ cli: Thidua) throws -> String {
        try cli.run("digest").stdout
    }

    @Test func aTypedCommandFails() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let before = try head(cli)
        let result = try cli.run("--as", "BKTTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(result)")
        #expect(result.stderr.contains("ignore_inserts"), "\(result)")
        #expect(!result.stdout.contains("appended"), "\(result)")
        #expect(try head(cli) == before)
    }

    @Test func anImportFails() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let before = try head(cli)
        let lines = (1...40).map { _ in Example.score("BKTTW", "14").replacingOccurrences(of: "2017", with: "2018") }
        let result = try cli.run("append", try cli.write("more.jsonl", lines.joined(separator: "\n") + "\n"))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(result)")
        #expect(!result.stdout.contains("appended"), "\(result)")
        #expect(try head(cli) == before)
    }

    @Test func anEmptyCorrelationIsStoredAsNone() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        let result = try cli.run("--as", "BKTTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14", "--correlation", "")
        #expect(result.status == 0, "\(result)")
        let last = try cli.run("log", "--format", "json").stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains(#""type":"score.submitted""#) && !last.contains("correlation"), "\(last)")
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.pythonVerify().status == 0)
    }
}

@Suite("End to end: verify_chain.py on files that are not a log answers with one line, never a traceback, and changes nothing")
struct VerifyChainScriptTests {
    /// Runs Tools/verify_chain.py, keeping both outputs.
    static func python(_ arguments: [String]) throws -> Thidua.Result {
        try Thidua.capture("/usr/bin/env", ["python3", Thidua.packageRoot.appendingPathComponent("Tools/verify_chain.py").path] + arguments)
    }

    /// Makes an SQLite file as another program would, with Python's sqlite3.
    static func sqliteFile(_ path: String, _ sql: String) throws {
        _ = try Thidua.capture("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.close()", path, sql])
    }

    @Test("a file that is not a thidua log", arguments: [
        ("missing", Int32(2)), ("empty", 2), ("text", 2), ("another program's database", 2), ("truncated log", 2), ("a directory", 2),
    ])
    func notALog(kind: String, status: Int32) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let path = cli.path("file.sqlite")
        switch kind {
        case "empty": _ = try cli.write("file.sqlite", "")
        case "text": _ = try cli.write("file.sqlite", "SQLite format 3 is not what this is\n")
        case "another program's database": try Self.sqliteFile(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('An');")
        case "truncated log": try TamperCorpus.clean.get().prefix(30_000).write(to: URL(fileURLWithPath: path))
        case "a directory": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        default: break
        }
        let before = try? Data(contentsOf: URL(fileURLWithPath: path))
        let result = try Self.python([path])
        #expect(result.status == status, "\(kind): \(result)")
        #expect(result.stderr.hasPrefix("error: "), "\(kind): \(result)")
        #expect(result.stderr.split(separator: "\n").count == 1 && !result.stderr.contains("Traceback"), "\(kind): \(result)")
        #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == before, "\(kind): the file changed")
        if kind != "truncated log" {  // a WAL file opened read-only gains SQLite's -wal and -shm beside it, as with any reader
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "\(kind)")
        }
    }

    @Test(arguments: ["a b.sqlite", "what?.sqlite", "hash#tag.sqlite", "per%20cent.sqlite"])
    func anAwkwardPathIsOpenedAsGiven(name: String) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let path = cli.path(name)
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: path))
        let result = try Self.python([path])
        #expect(result.status == 0, "\(result)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path)
        #expect(Set(files).isSubset(of: [name, name + "-wal", name + "-shm"]), "\(files)")
    }

    @Test("a usage mistake", arguments: [[], ["--digest", "12:zz", "x.sqlite"], ["--bogus", "x.sqlite"], ["a.sqlite", "b.sqlite"]])
    func usage(arguments: [String]) throws {
        let result = try Self.python(arguments)
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.hasPrefix("error: ") && !result.stderr.contains("Traceback"), "\(result)")
    }
}
