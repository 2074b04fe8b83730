import Foundation
import Testing

@Suite("End to end: backup while others write (§13)")
struct BackupTests {
    /// A log with a year open for scores and `scores` of them already recorded.
    static func openYear(scores: Int) throws -> Thidua {
        let cli = try Thidua()
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        let year = #"{"type":"year.opened","bloc":"BDTW","year":2017,"actor":"secretariat","data":{"members":[{"code":"BNCTW","name":"Ban"},{"code":"VPTW","name":"Văn phòng"}],"head":"BNCTW"}}"# + "\n" +
            #"{"type":"criterion.set","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"code":"1.1","title":"t","maxPoints":1000}}"# + "\n"
        let lines = (0..<scores).map { Example.score($0 % 2 == 0 ? "BNCTW" : "VPTW", "\($0 % 1000)") }.joined(separator: "\n")
        let appended = try cli.run("append", "-", stdin: year + lines + "\n")
        #expect(appended.status == 0, "\(appended)")
        return cli
    }

    @Test("a backup taken while a writer appends in a loop verifies, and its digest is the source's at its position")
    func backupWhileWriting() throws {
        let cli = try Self.openYear(scores: 20_000)
        defer { cli.remove() }
        let before = try cli.run("digest").stdout
        let stop = Failures(), failures = Failures()
        let writer = Thread {
            var index = 0
            while stop.all.isEmpty {
                index += 1
                do {
                    let result = try cli.run("append", "-", stdin: Example.score("VPTW", "\(index % 100)"))
                    if result.status != 0 { failures.add(result.stderr) }
                } catch {
                    failures.add("\(error)")
                }
            }
            failures.add("stopped")
        }
        writer.start()
        defer {
            stop.add("stop")
            while !failures.all.contains("stopped") { Thread.sleep(forTimeInterval: 0.01) }
        }
        Thread.sleep(forTimeInterval: 0.3)
        var digests: [String] = []
        for copy in 1...3 {
            let destination = cli.path("backup-\(copy).sqlite")
            let backup = try cli.run("backup", destination)
            #expect(backup.status == 0 && backup.stdout.contains("the copy verifies"), "\(backup)")
            let digest = try #require(backup.stdout.split(separator: "\n").first { $0.hasPrefix("digest ") }?.dropFirst("digest ".count))
            let position = String(digest.prefix { $0 != ":" })
            #expect(try cli.run("digest", "--at", position).stdout.trimmingCharacters(in: .newlines) == String(digest))
            #expect(try cli.run("--db", destination, "verify", "--digest", String(digest)).status == 0)
            #expect(try Thidua.pythonTool("verify_chain.py", [destination]).0 == 0)
            digests.append(String(digest))
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop.add("stop")
        while !failures.all.contains("stopped") { Thread.sleep(forTimeInterval: 0.01) }
        #expect(failures.all == ["stopped"], "the writer was never refused: \(failures.all.prefix(2))")
        #expect(Set(digests).count == 3 && !digests.contains(before.trimmingCharacters(in: .newlines)),
                "each backup caught the log further on, as the writer went on: \(digests)")
        #expect(try cli.run("verify").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains("backing-up") }.isEmpty)
    }

    @Test("backup never overwrites a file, and writes nothing when it refuses")
    func existingDestination() throws {
        let cli = try Self.openYear(scores: 3)
        defer { cli.remove() }
        let kept = try cli.write("kept.sqlite", "someone's file\n")
        let refused = try cli.run("backup", kept)
        #expect(refused.status == 1 && refused.stderr.contains("[backup-target-exists]"), "\(refused)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "someone's file\n")
        let log = try cli.run("backup", cli.database)
        #expect(log.status == 1 && log.stderr.contains("already exists"), "\(log)")
        #expect(try cli.run("verify").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains("backing-up") }.isEmpty)
        let usage = try cli.run("backup")
        #expect(usage.status == 64)
    }

    @Test("backup reads an older log as it is: it names the command that upgrades, and copies nothing")
    func olderSchema() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try cli.sqlite(try String(contentsOf: Thidua.packageRoot.appendingPathComponent("EventLog/fixtures/log-before-signatures.sql"), encoding: .utf8))
        let schema = try cli.run("--db", cli.database, "export", "--verbatim")
        #expect(schema.status == 1 && schema.stderr.contains("thidua rebuild"), "\(schema)")
        let backup = try cli.run("backup", cli.path("copy.sqlite"))
        #expect(backup.status == 1 && backup.stderr.contains("thidua rebuild"), "\(backup)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("copy.sqlite")))
    }

    @Test("Ctrl-C stops a restore: it ends by the signal, and neither the target nor the file being built is left")
    func interruptedRestore() throws {
        let cli = try Self.openYear(scores: 40_000)
        defer { cli.remove() }
        let export = try cli.run("export", "--verbatim")
        let file = try cli.write("verbatim.jsonl", export.stdout)
        let (process, _, _) = try cli.start(["restore", file, "--db", cli.path("copy.sqlite")])
        let deadline = Date().addingTimeInterval(20)
        func building() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: cli.directory.path)) ?? []).contains { $0.contains(".restoring-") }
        }
        while !building(), process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        try #require(process.isRunning, "the restore ended before it could be interrupted")
        Thread.sleep(forTimeInterval: 0.05)
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix("copy.sqlite") }
        #expect(left.isEmpty, "\(left)")
    }
}
