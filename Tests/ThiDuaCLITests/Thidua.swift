import Foundation
import Testing

/// Runs the built `thidua` binary, as a user would from a shell.
struct Thidua {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (SwiftPM builds it because this target depends on it).
    static let binary: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("thidua")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/thidua")
    }()

    let directory: URL
    var environment: [String: String] = [:]
    /// The program run: the built binary, or a copy of it elsewhere.
    var executable = Thidua.binary

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var database: String { directory.appendingPathComponent("thidua.sqlite").path }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// Starts the binary in the test's directory, so ./thidua.sqlite is that directory's.
    func start(_ arguments: [String], stdin: Data? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "THIDUA_DB")
        env.removeValue(forKey: "THIDUA_ACTOR")
        env.removeValue(forKey: "THIDUA_SERVER")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        return (process, out, err)
    }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Result {
        try run(arguments, stdin: stdin)
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Result {
        let (process, out, err) = try start(arguments, stdin: stdin.map { Data($0.utf8) })
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Runs SQL on the log with the sqlite3 shell, as a tamperer would (Python's sqlite3 where the shell is missing).
    func sqlite(_ sql: String) throws { try sqlite(sql, at: database) }

    /// Runs SQL on any SQLite file, as another program would.
    func sqlite(_ sql: String, at path: String) throws {
        let result: Result
        if let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) {
            result = try Self.capture(shell, [path, sql])
        } else {
            result = try Self.capture("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", path, sql])
        }
        #expect(result.status == 0, "sqlite3 failed on: \(sql)\n\(result)")
    }

    /// Runs any program to its end with no input, capturing what it printed.
    static func capture(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs the independent Python verifier.
    func pythonVerify(_ extra: [String] = []) throws -> Result {
        let (status, output) = try Self.pythonTool("verify_chain.py", [database] + extra)
        return Result(status: status, stdout: String(decoding: output, as: UTF8.self), stderr: "")
    }

    /// Runs one of the Python scripts in Tools/, returning its exit status and standard output.
    static func pythonTool(_ script: String, _ arguments: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tools/\(script)").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension Thidua.Result: CustomStringConvertible {
    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

enum Example {
    static let seedPath = Thidua.packageRoot.appendingPathComponent("EventLog/examples/bdtw-2017-2018.jsonl").path

    static func score(_ member: String, _ points: String, criterion: String = "1.1", id: String? = nil) -> String {
        let idField = id.map { #","id":"\#($0)""# } ?? ""
        return #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"\#(member)"\#(idField),"data":{"member":"\#(member)","criterion":"\#(criterion)","points":\#(points)}}"#
    }

    static let year = [
        #"{"type":"year.opened","bloc":"BDTW","year":2017,"actor":"secretariat","data":{"members":[{"code":"BNCTW","name":"Ban Nội chính Trung ương"},{"code":"UBKTTW","name":"Ủy ban Kiểm tra Trung ương"}],"head":"BNCTW"}}"#,
        #"{"type":"criterion.set","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":100000}}"#,
    ].joined(separator: "\n") + "\n"
}
