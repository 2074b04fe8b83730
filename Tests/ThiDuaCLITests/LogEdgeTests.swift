import Foundation
import Testing

@Suite("End to end: exact bloc filters, follow that stops, a full disk")
struct LogEdgeTests {
    @Test func aBlocFilterMatchesThatBlocOnly() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        for bloc in ["A_B", "AXB", "A_BC"] {
            #expect(try cli.run("init", "--bloc", bloc, "--name", "Khối \(bloc)", "--occurred-at", "2000-01-01").status == 0)
            #expect(try cli.run("--bloc", bloc, "--as", "secretariat", "year", "open", "2019", "--member", "M1=Ban Một", "--member", "M2=Ban Hai").status == 0)
        }
        let log = try cli.run("log", "--bloc", "A_B", "--format", "json")
        #expect(log.status == 0)
        #expect(Self.streams(log.stdout) == ["A_B", "A_B/2019"], "\(log.stdout)")
        let export = try cli.run("export", "--bloc", "A_B")
        #expect(Self.streams(export.stdout) == ["A_B", "A_B/2019"], "\(export.stdout)")
        #expect(Self.streams(try cli.run("log", "--bloc", "A_B", "--year", "2019", "--format", "json").stdout) == ["A_B/2019"])
    }

    static func streams(_ lines: String) -> [String] {
        lines.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["stream"] as? String
        }
    }

    /// `log --follow` started with SIGTERM and SIGINT blocked, as a parent may leave them; it must still stop.
    @Test("follow stops on a signal whatever mask it inherits", arguments: [SIGTERM, SIGINT])
    func followStopsOnSignal(signal: Int32) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let blocking = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT}); os.execv(sys.argv[1], sys.argv[1:])"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", blocking, Thidua.binary.path, "--db", cli.database, "log", "--follow", "--from", "245"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        defer { Thidua.stop(process, with: SIGKILL) }
        let first = out.fileHandleForReading.availableData
        #expect(String(decoding: first, as: UTF8.self).contains("245"), "follow printed the last event and waits")
        #expect(process.isRunning)
        #expect(Thidua.stop(process, with: signal), "log --follow still running after signal \(signal)")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal, "ended by that signal")
        for companion in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: cli.database + companion), "the log was closed before the end")
        }
    }

    @Test func followStopsWhenItsReaderGoesAway() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let (process, out, _) = try cli.start(["log", "--follow", "--from", "245"])
        defer { Thidua.stop(process, with: SIGKILL) }
        _ = out.fileHandleForReading.availableData
        try out.fileHandleForReading.close()
        #expect(try cli.run("--as", "BKTTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14").status == 0)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning, "log --follow kept running with nobody reading")
    }

    static let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first(where: FileManager.default.isExecutableFile)

    /// A file size limit (RLIMIT_FSIZE, SIGXFSZ ignored so that writes fail with EFBIG) stands in for a nearly full disk:
    /// SQLite then fails a write during the commit with an I/O error, not SQLITE_FULL.
    @Test(.enabled(if: prlimit != nil), arguments: [60_000, 150_000])
    func aFullDiskIsReportedAsSuch(limit: Int) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "Khối", "--occurred-at", "2000-01-01").status == 0)
        let rest = try String(contentsOfFile: Example.seedPath, encoding: .utf8).split(separator: "\n").dropFirst().joined(separator: "\n")
        let input = try cli.write("rest.jsonl", rest + "\n")
        let head = try cli.run("digest").stdout
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; exec \"$0\" --fsize=\(limit) \"$@\"", try #require(Self.prlimit),
                             Thidua.binary.path, "--db", cli.database, "append", input]
        let err = Pipe()
        process.standardOutput = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.hasPrefix("error: database: the disk is full; nothing was appended"), "\(stderr)")
        #expect(try cli.run("digest").stdout == head)
        #expect(try cli.run("verify").status == 0)
        #expect(try cli.run("append", input).status == 0, "with room again, the same batch goes in")
    }
}

extension Thidua {
    /// Sends `signal` and waits up to 5 s for the process to end; if it has not, kills it (no test leaves a process
    /// running) and answers false.
    @discardableResult
    static func stop(_ process: Process, with signal: Int32 = SIGTERM) -> Bool {
        guard process.isRunning else { return true }
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
}
