import Foundation
import Testing

@Suite("End to end: init, append, log, export, digest, verify")
struct LogCommandsTests {
    @Test func initAppendAndReadBack() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let founded = try cli.run("init", "--bloc", "BDTW", "--name", "Khối thi đua các ban đảng Trung ương", "--occurred-at", "2000-01-01")
        #expect(founded.status == 0, "\(founded)")
        #expect(founded.stdout.hasPrefix("đã ghi vị trí 1: BDTW v1 bloc.founded\n"))
        #expect(FileManager.default.fileExists(atPath: cli.database))

        let file = try cli.write("year.jsonl", Example.year + Example.score("BNCTW", "18.5") + "\n\n")
        let appended = try cli.run("append", file)
        #expect(appended.status == 0, "\(appended)")
        #expect(appended.stdout.contains("đã ghi vị trí 4: BDTW/2017 v3 score.submitted"))
        #expect(appended.stderr.isEmpty)

        let log = try cli.run("log", "--year", "2017", "--format", "json")
        let lines = log.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        #expect(last["position"] as? Int == 4)
        #expect(last["stream"] as? String == "BDTW/2017")
        #expect(last["version"] as? Int == 3)
        #expect((last["data"] as? [String: Any])?["points"] as? Double == 18.5)
        #expect((last["hash"] as? String)?.count == 64)
        #expect((last["prevHash"] as? String)?.count == 64)

        let table = try cli.run("log", "--type", "score.submitted", "--lang", "en")
        #expect(table.stdout.contains("BNCTW 1.1 = 18.5"))
        let byMember = try cli.run("log", "--member", "UBKTTW", "--lang", "en")
        #expect(byMember.stdout == "no events match\n")

        let digest = try cli.run("digest")
        #expect(digest.stdout.hasPrefix("4:"))
        let verified = try cli.run("verify", "--digest", digest.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(verified.status == 0, "\(verified)")
        #expect(verified.stdout.contains("digest 4: matches"))
    }

    @Test func theDatabaseComesFromDbThenTheEnvironment() throws {
        var cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("--db", cli.path("a.sqlite"), "init", "--bloc", "A", "--name", "a", "--occurred-at", "2000-01-01").status == 0)
        cli.environment["THIDUA_DB"] = cli.path("b.sqlite")
        #expect(try cli.run("init", "--bloc", "B", "--name", "b", "--occurred-at", "2000-01-01").status == 0)
        #expect(FileManager.default.fileExists(atPath: cli.path("a.sqlite")))
        #expect(FileManager.default.fileExists(atPath: cli.path("b.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func readingWithoutALogSaysWhatToDo() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run("log")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: no event log at thidua.sqlite; create one with thidua init"))
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }

    @Test func exportReimportsToTheSameEvents() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let exported = try cli.run("export")
        #expect(exported.stdout.split(separator: "\n").count == 245)
        let file = try cli.write("export.jsonl", exported.stdout)
        let copy = try cli.run("--db", cli.path("copy.sqlite"), "append", file)
        #expect(copy.status == 0, "\(copy)")
        let original = try cli.run("log", "--format", "csv")
        let copied = try cli.run("--db", cli.path("copy.sqlite"), "log", "--format", "csv")
        func withoutRecordedAt(_ csv: String) -> [String] {
            csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset != 6 }.map { String($0.element) }.joined(separator: ",") }
        }
        let (a, b) = (withoutRecordedAt(original.stdout), withoutRecordedAt(copied.stdout))
        #expect(a.count == 246)
        #expect(a.count == b.count)
        #expect(zip(a, b).first { $0 != $1 } == nil)
        let again = try cli.run("--db", cli.path("copy.sqlite"), "append", file)
        #expect(again.stdout.contains("ghi thêm 0 sự kiện, 245 sự kiện đã có"))
    }

    @Test func anUnknownBlocIsNamedNotSilentlyEmpty() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("init", "--bloc", "KX", "--name", "y", "--occurred-at", "2000-01-01").status == 0)
        let log = try cli.run("--bloc", "NOPE", "log")
        #expect(log.status == 1)
        #expect(log.stderr == "error: bloc NOPE is not in this log; it holds BDTW, KX\n")
        #expect(try cli.run("--bloc", "NOPE", "export").status == 1)
        let ambiguous = try cli.run("standings")
        #expect(ambiguous.stderr == "error: the log holds several blocs (BDTW, KX); choose one with --bloc\n")
        #expect(try cli.run("--bloc", "KX", "log", "--format", "csv").stdout.split(separator: "\n").count == 2)
    }

    @Test func usageErrorsExit64() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("log", "--bogus").status == 64)
        #expect(try cli.run("verify", "--digest", "nonsense").status == 64)
        let noBloc = try cli.run("init", "--name", "x")
        #expect(noBloc.status == 64)
        #expect(noBloc.stderr.contains("init needs --bloc"))
        #expect(try cli.run("--help").status == 0)
    }
}
