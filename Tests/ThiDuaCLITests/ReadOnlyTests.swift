import Foundation
import Testing

/// §14: commands that only read never create, migrate or change a file, and refuse one that is not a thidua log.
@Suite("End to end: read-only commands leave every file as it was")
struct ReadOnlyTests {
    static let reads: [[String]] = [
        ["verify"], ["digest"], ["log", "--year", "2017", "--format", "json"], ["export"],
        ["replay", "--year", "2017", "--format", "json"], ["diff", "--year", "2017", "--from", "100"],
        ["standings", "--year", "2017"], ["officers", "--year", "2018"], ["pact", "--year", "2018"],
        ["awards", "--year", "2017"], ["elections", "--year", "2018"],
    ]

    static func seeded() throws -> Thidua {
        let cli = try Thidua()
        #expect(try cli.run("append", Example.seedPath).status == 0)
        return cli
    }

    @Test func aLogIsByteForByteUnchangedByEveryReadAndNeedsNoWALFileToBeRead() throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let header = try #require(FileHandle(forReadingAtPath: cli.database)?.readData(ofLength: 20))
        #expect(Array(header.suffix(2)) == [2, 2], "the log's header says WAL")
        #expect(!FileManager.default.fileExists(atPath: cli.database + "-wal"))
        let before = try Folder(cli.directory)
        Thread.sleep(forTimeInterval: 0.02)
        for command in Self.reads {
            let result = try cli.run(["--db", cli.database] + command)
            #expect(result.status == 0, "\(command): \(result)")
            #expect(try Folder(cli.directory) == before, "\(command) changed the folder")
        }
    }

    /// A folder and a log nobody may write, as on read-only media. As root (where permissions stop nothing) the
    /// commands run as `nobody` through setpriv; without setpriv, at least nothing may change.
    @Test func readsWorkOnReadOnlyMedia() throws {
        let cli = try Self.seeded()
        defer {
            _ = chmod(cli.path("media"), 0o755)
            cli.remove()
        }
        let media = cli.path("media")
        try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: false)
        let log = media + "/thidua.sqlite"
        try FileManager.default.copyItem(atPath: cli.database, toPath: log)
        #expect(chmod(log, 0o444) == 0 && chmod(media, 0o555) == 0)
        let before = try Folder(URL(fileURLWithPath: media))
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first(where: FileManager.default.isExecutableFile)
        for command in Self.reads {
            let expected = try cli.run(["--db", cli.database] + command)
            let result = try Self.runUnprivileged(cli, setpriv: setpriv, ["--db", log] + command)
            #expect(result.status == 0, "\(command): \(result)")
            #expect(result.stdout == expected.stdout, "\(command)")
            #expect(try Folder(URL(fileURLWithPath: media)) == before, "\(command) changed the read-only folder")
        }
    }

    static func runUnprivileged(_ cli: Thidua, setpriv: String?, _ arguments: [String]) throws -> Thidua.Result {
        guard getuid() == 0, let setpriv else { return try cli.run(arguments) }
        return try Thidua.capture(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", Thidua.binary.path] + arguments,
                                  in: URL(fileURLWithPath: "/"))
    }

    enum Foreign: String, CaseIterable, CustomTestStringConvertible {
        case otherProgramWAL, otherProgramRollback, sqliteWithoutTables, zeroBytes, text

        var testDescription: String { rawValue }

        func make(_ cli: Thidua, at path: String) throws {
            switch self {
            case .otherProgramWAL:
                try cli.sqlite("PRAGMA journal_mode = WAL; CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer VALUES (1, 'An');", at: path)
            case .otherProgramRollback:
                try cli.sqlite("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice VALUES (1, 2.5);", at: path)
            case .sqliteWithoutTables: try cli.sqlite("PRAGMA user_version = 7;", at: path)
            case .zeroBytes: try Data().write(to: URL(fileURLWithPath: path))
            case .text: try Data("name,points\nBNCTW,18.5\n".utf8).write(to: URL(fileURLWithPath: path))
            }
        }

        var holdsTables: Bool { self == .otherProgramWAL || self == .otherProgramRollback }
    }

    @Test("a file that is not a thidua log is refused and left untouched", arguments: Foreign.allCases)
    func foreignFilesAreRefusedUntouched(kind: Foreign) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let path = cli.path("other.db")
        try kind.make(cli, at: path)
        let before = try Folder(cli.directory)
        Thread.sleep(forTimeInterval: 0.02)
        var commands = Self.reads
        if kind != .zeroBytes && kind != .sqliteWithoutTables {
            commands += [["init", "--bloc", "BDTW", "--name", "Khối", "--occurred-at", "2000-01-01"], ["append", Example.seedPath], ["rebuild"], ["demo"]]
        }
        for command in commands {
            let result = try cli.run(["--db", path] + command)
            #expect(result.status == (command == ["verify"] ? 2 : 1), "\(command): \(result)")
            #expect(result.stderr.hasPrefix("error: \(path) is not a thidua log: "), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("left untouched"))
            #expect(try Folder(cli.directory) == before, "\(command) touched \(kind)")
        }
        if kind.holdsTables { #expect(try cli.run("verify", "--db", path).stderr.contains("another program")) }
    }

    @Test func aMissingLogIsNotCreated() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        for command in Self.reads {
            let result = try cli.run(command)
            #expect(result.status == (command == ["verify"] ? 2 : 1), "\(command)")
            #expect(result.stderr.hasPrefix("error: no event log at thidua.sqlite; create one with thidua init"), "\(command): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).isEmpty)
    }

    @Test func anEmptyDatabasePathIsAUsageError() throws {
        var cli = try Thidua()
        defer { cli.remove() }
        for command in [["init", "--bloc", "BDTW", "--name", "Khối", "--occurred-at", "2000-01-01"], ["verify"], ["standings"], ["append", Example.seedPath]] {
            let result = try cli.run(["--db", ""] + command)
            #expect(result.status == 64, "\(command): \(result)")
            #expect(result.stderr.contains("--db needs the path of a log file"))
        }
        cli.environment["THIDUA_DB"] = ""
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "Khối", "--occurred-at", "2000-01-01").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.database), "an empty THIDUA_DB counts as unset")
    }

    @Test func aLogOfAnOlderThiduaIsUpgradedOnlyByAWriteCommand() throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let standings = try cli.run("standings", "--year", "2017").stdout
        try cli.sqlite("DROP TABLE year_snapshot; DROP TABLE bloc_summary; DELETE FROM grdb_migrations WHERE identifier = 'v3-snapshots';")
        let before = try Folder(cli.directory)
        for command in Self.reads {
            let result = try cli.run(command)
            #expect(result.status == 1, "\(command): \(result)")
            #expect(result.stderr.contains("was made by an older thidua"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("run thidua rebuild"))
            #expect(try Folder(cli.directory) == before, "\(command) migrated the log")
        }
        #expect(try cli.run("rebuild").status == 0)
        #expect(try cli.run("standings", "--year", "2017").stdout == standings)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func demoWritesOnlyIntoItsOwnBloc() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "KTW", "--name", "Khối thi đua thử nghiệm", "--occurred-at", "2000-01-01").status == 0)
        let before = try Folder(cli.directory)
        let refused = try cli.run("demo")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("holds bloc KTW; demo writes only into a new or empty log or one holding just the demo bloc BDTW"))
        #expect(try Folder(cli.directory) == before)
        // From a folder with no EventLog/examples: the examples of the checkout the binary was built in.
        let demo = cli.path("demo.sqlite")
        let first = try cli.run("--db", demo, "demo", "--lang", "en")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("245 event(s) appended"))
        let again = try cli.run("--db", demo, "demo", "--lang", "en")
        #expect(again.status == 0)
        #expect(again.stdout.contains("0 event(s) appended, 245 already recorded"))
    }
}

/// The files of a folder: names, bytes and modification times.
struct Folder: Equatable {
    var files: [String: FileState]

    struct FileState: Equatable {
        var bytes: Data
        var modified: Date?
    }

    init(_ url: URL) throws {
        files = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            let path = url.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[name] = FileState(bytes: try Data(contentsOf: URL(fileURLWithPath: path)),
                                    modified: try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        }
    }
}
