import Foundation
import Testing

/// §14: `thidua verify` and `Tools/verify_chain.py` give the same answer on every file, and what either prints of a
/// hostile file cannot drive the terminal.
@Suite("End to end: both verifiers answer 2 on a path that holds no intact log, and print its names as escapes")
struct VerifierAgreementTests {
    static let terminalControls: [Character] = ["\u{1B}", "\u{07}"]

    enum NoIntactLog: String, CaseIterable, CustomTestStringConvertible {
        case missing, directory, empty, text, anotherProgramsDatabase, truncatedLog, garbagePages, malformedSchemaEntry
        case hotRollbackJournal

        var testDescription: String { rawValue }

        func make(at path: String) throws {
            let url = URL(fileURLWithPath: path)
            let clean = try TamperCorpus.clean.get()
            switch self {
            case .missing: break
            case .directory: try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            case .empty: try Data().write(to: url)
            case .text: try Data("member,points\nBNCTW,18.5\n".utf8).write(to: url)
            case .anotherProgramsDatabase: try VerifyChainScriptTests.sqliteFile(path, "CREATE TABLE contacts (name TEXT);")
            case .truncatedLog: try clean.prefix(30_000).write(to: url)
            case .garbagePages: try (clean.prefix(100) + Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) })).write(to: url)
            case .malformedSchemaEntry:
                // An object whose name and SQL hold ESC and BEL: SQLite's error message quotes them.
                try clean.write(to: url)
                try VerifyChainScriptTests.sqliteFile(path, """
                    PRAGMA writable_schema = ON;
                    INSERT INTO sqlite_master VALUES ('table', 'x' || char(27) || ']0;owned' || char(7), 'x', 0, 'CREATE TABLE x' || char(27) || ' (');
                    """)
            case .hotRollbackJournal:
                // The log switched to rollback mode, then a writer died mid-transaction with pages already spilled:
                // the main file alone is torn, and only a writer may roll the journal back.
                try clean.write(to: url)
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["python3", "-c", """
                    import shutil, sqlite3, sys
                    path = sys.argv[1]
                    sqlite3.connect(path).execute("PRAGMA journal_mode = DELETE").fetchall()
                    writer = sqlite3.connect(path, isolation_level=None)
                    writer.execute("PRAGMA cache_size = 1")
                    writer.execute("BEGIN IMMEDIATE")
                    writer.execute("UPDATE year_standing SET total = total + 100")
                    writer.execute("UPDATE year_member SET name = name || 'x'")
                    shutil.copy(path, path + ".torn")
                    shutil.copy(path + "-journal", path + ".torn-journal")
                    writer.execute("ROLLBACK")
                    writer.close()
                    shutil.move(path + ".torn", path)
                    shutil.move(path + ".torn-journal", path + "-journal")
                    """, path]
                try process.run()
                process.waitUntilExit()
                #expect(process.terminationStatus == 0 && FileManager.default.fileExists(atPath: path + "-journal"))
            }
        }
    }

    @Test("a path that holds no intact thidua log", arguments: NoIntactLog.allCases)
    func bothAnswerTwo(kind: NoIntactLog) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try kind.make(at: cli.database)
        let before = try? Data(contentsOf: URL(fileURLWithPath: cli.database))
        let thidua = try cli.run("verify")
        let python = try VerifyChainScriptTests.python([cli.database])
        #expect(thidua.status == 2, "\(thidua)")
        #expect(python.status == 2, "\(python)")
        for result in [thidua, python] {
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.split(separator: "\n").count == 1, "\(result)")
            #expect(!(result.stdout + result.stderr).contains(where: Self.terminalControls.contains), "\(result)")
        }
        #expect((try? Data(contentsOf: URL(fileURLWithPath: cli.database))) == before, "the file changed")
        if kind == .hotRollbackJournal {
            #expect(FileManager.default.fileExists(atPath: cli.database + "-journal"), "the journal was rolled back")
            #expect(thidua.stderr.contains("hot rollback journal"), "\(thidua)")
            let read = try cli.run("standings", "--year", "2017")
            #expect(read.status == 1 && read.stderr.contains("hot rollback journal"), "\(read)")
        }
    }

    @Test func verifysReportShowsNamesFromTheFileAsEscapes() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        try cli.sqlite("CREATE TABLE \"t\u{1B}]0;owned\u{07}\" (a); CREATE TRIGGER \"g\u{1B}[2J\" BEFORE INSERT ON event BEGIN SELECT 1; END;")
        for result in [try cli.run("verify"), try cli.pythonVerify()] {
            #expect(result.status == 2, "\(result)")
            #expect(!(result.stdout + result.stderr).contains(where: Self.terminalControls.contains), "\(result)")
            #expect(result.stdout.contains("table t\\u{1B}]0;owned\\u{7} is not one thidua creates"), "\(result)")
            #expect(result.stdout.contains("trigger g\\u{1B}[2J on event is not one thidua creates"), "\(result)")
        }
    }
}
