import Foundation
import Testing

/// The live year page in a real browser (§12): headless Chromium driven by Selenium (Tools/browser_live_page.py, run
/// with the venv's python that `.ci/run` makes) loads `/years/2017`, sees the standings, a signed event is posted, and
/// the member's new total appears without a reload. Skips, saying why, where selenium, chromium or chromedriver is
/// missing; under `CI=true` their absence is a failure.
@Suite("End to end: the year page updates itself in headless Chromium (§12)")
struct LivePageBrowserTests {
    static let python = Thidua.packageRoot.appendingPathComponent(".build/venv/bin/python3").path
    static let script = Thidua.packageRoot.appendingPathComponent("Tools/browser_live_page.py").path
    static let chromedriver = Browser.executable("chromedriver") ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") ? "/usr/bin/chromedriver" : nil)
    static let selenium: Bool = FileManager.default.isExecutableFile(atPath: python)
        && ((try? Thidua.capture(python, ["-c", "import selenium"]).status) == 0)
    static var missing: [String] {
        [("selenium in .build/venv", selenium), ("chromium", Browser.chromium != nil), ("chromedriver", chromedriver != nil)].filter { !$0.1 }.map(\.0)
    }
    static var runs: Bool { missing.isEmpty || Browser.required }

    @Test(.enabled(if: runs, "needs selenium (.build/venv), chromium and chromium-driver; .ci/run installs them"), .timeLimit(.minutes(3)))
    func aPostedEventChangesTheTotalOnTheOpenPageWithoutAReload() throws {
        try #require(Self.missing.isEmpty, "CI is set but \(Self.missing.joined(separator: ", ")) is missing; .ci/run installs them")
        let cli = try ServerTests.started()
        defer { cli.remove() }
        let first = try cli.run("append", try cli.write("first.jsonl", try ServerTests.score("12.5") + "\n"))
        #expect(first.status == 0, "\(first)")
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let resubmitted = try cli.write("resubmitted.jsonl", try ServerTests.score("14") + "\n")
        let result = try Thidua.capture(Self.python, [Self.script, server.base + "/years/2017", "--member", "BNCTW", "--before", "12,5",
                                                     "--after", "14", "--post", resubmitted, "--within", "2"], in: cli.directory)
        #expect(result.status == 0, "\(result)")
        let seen = try #require(try SignedLogTests.jsonLines(result.stdout).last, "\(result)")
        #expect(seen["after"] as? String == "14" && seen["reloaded"] as? Bool == false, "\(result)")
        #expect(server.stop().status == 0)
        let standings = try cli.run("standings", "--year", "2017", "--format", "json")
        #expect(standings.stdout.contains(#""member":"BNCTW""#) && standings.stdout.contains(#""total":14"#), "\(standings)")
    }
}
