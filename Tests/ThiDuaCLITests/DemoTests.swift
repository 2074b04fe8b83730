import Foundation
import Testing

/// `thidua demo` needs nothing but the binary: the seed history is built into it.
@Suite struct DemoTests {
    @Test func demoRunsFromABinaryCopiedAwayFromTheCheckout() throws {
        var cli = try Thidua()
        defer { cli.remove() }
        let copy = cli.directory.appendingPathComponent("bin/thidua")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Thidua.binary, to: copy)
        cli.executable = copy

        let demo = try cli.run("demo")
        #expect(demo.status == 0, "\(demo)")
        #expect(demo.stdout.contains("bdtw-2017-2018.jsonl (có sẵn trong thidua): ghi thêm 245 sự kiện"), "\(demo)")
        #expect(demo.stdout.contains("BNCTW"))
        #expect(demo.stderr.isEmpty)

        let seed = Thidua.packageRoot.appendingPathComponent("EventLog/examples/bdtw-2017-2018.jsonl").path
        let appended = try cli.run("--db", cli.path("from-file.sqlite"), "append", seed)
        #expect(appended.status == 0, "\(appended)")
        for year in ["2017", "2018"] {
            let builtIn = try cli.run("replay", "--year", year, "--format", "json")
            let fromFile = try cli.run("--db", cli.path("from-file.sqlite"), "replay", "--year", year, "--format", "json")
            #expect(builtIn.status == 0, "\(builtIn)")
            #expect(builtIn.stdout.contains("stateHash"))
            #expect(builtIn.stdout == fromFile.stdout)
        }
    }

    @Test func aFolderOfHistoriesStillReplacesTheBuiltInOne() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let folder = cli.path("histories")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Example.seedPath, toPath: folder + "/seed.jsonl")
        let demo = try cli.run("demo", "--examples", folder, "--lang", "en")
        #expect(demo.status == 0, "\(demo)")
        #expect(demo.stdout.contains("seed.jsonl: 245 event(s) appended"))
        #expect(!demo.stdout.contains("built in"))
        let missing = try cli.run("--db", cli.path("other.sqlite"), "demo", "--examples", cli.path("nowhere"))
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: cannot read the folder"))
    }
}
