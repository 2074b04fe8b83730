import Foundation
import Testing

@Suite("End to end: correctness on a generated history of modest size")
struct ScaleTests {
    @Test func aGeneratedHistoryAppendsVerifiesAndReplaysConsistently() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let (status, history) = try Thidua.pythonTool("generate_history.py", [
            "--blocs", "2", "--years", "3", "--members", "6", "--criteria", "12", "--resubmissions", "3", "--elections", "2", "--seed", "7",
        ])
        #expect(status == 0)
        let file = cli.path("history.jsonl")
        try history.write(to: URL(fileURLWithPath: file))
        let lines = history.split(separator: 0x0A).count
        #expect(lines > 1_500)

        let appended = try cli.run("append", file)
        #expect(appended.status == 0, "\(appended)")
        #expect(appended.stdout.contains("ghi thêm \(lines) sự kiện"))
        #expect(try cli.run("verify").status == 0)

        let exported = try cli.write("export.jsonl", try cli.run("export").stdout)
        #expect(try cli.run("--db", cli.path("copy.sqlite"), "append", exported).status == 0)
        let again = try cli.run("append", exported)
        #expect(again.stdout.contains("ghi thêm 0 sự kiện, \(lines) sự kiện đã có"), "\(again)")
        for bloc in ["K001", "K002"] {
            for year in ["2017", "2018", "2019"] {
                let replay = try cli.run("--bloc", bloc, "replay", "--year", year, "--format", "json").stdout
                let copy = try cli.run("--db", cli.path("copy.sqlite"), "--bloc", bloc, "replay", "--year", year, "--format", "json").stdout
                let state = try #require(try JSONSerialization.jsonObject(with: Data(replay.utf8)) as? [String: Any])
                let copied = try #require(try JSONSerialization.jsonObject(with: Data(copy.utf8)) as? [String: Any])
                #expect(state["stateHash"] as? String == copied["stateHash"] as? String, "\(bloc) \(year)")
                #expect(state["status"] as? String == (year == "2019" ? "open" : "closed"))
                let standings = try cli.run("--bloc", bloc, "standings", "--year", year, "--format", "json").stdout
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(standings.utf8)) as? [String: Any])
                #expect((rows["rows"] as? NSArray) == (state["standings"] as? NSArray), "\(bloc) \(year)")
            }
        }
        #expect(try cli.run("rebuild").stdout == "rebuilt the projections of 6 year(s) from the log\n")
        #expect(try cli.run("verify").status == 0)
    }
}
