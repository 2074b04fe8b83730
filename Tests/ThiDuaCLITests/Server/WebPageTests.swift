import Foundation
import Testing
import ThiDuaLog

/// The web pages of `thidua serve` (§12) and its report route (§11), over real HTTP on loopback.
@Suite("End to end: the server's report and web pages (§11, §12)", .serialized)
struct WebPageTests {
    /// The report as `thidua report` writes it, with the moment it was made (`Lập lúc`, to the second) blanked.
    static func comparable(_ html: String) -> String {
        html.replacingOccurrences(of: #"\d\d/\d\d/\d{4} \d\d:\d\d:\d\d \(giờ Việt Nam"#, with: "… (giờ Việt Nam", options: .regularExpression)
    }

    /// A report the CLI wrote from its file, as the server writes it: the check commands name no file.
    static func withoutLogFile(_ html: String, _ path: String) -> String {
        html.replacingOccurrences(of: " --db \(path)", with: "").replacingOccurrences(of: "verify_chain.py \(path)", with: "verify_chain.py thidua.sqlite")
    }

    /// The response's headers, by lower-case name (curl -D).
    static func headers(_ server: ServerProcess, _ path: String) throws -> [String: String] {
        let result = try Thidua.capture("/usr/bin/env", ["curl", "-sS", "-D", "-", "-o", "/dev/null", "--max-time", "30", server.base + path])
        var headers: [String: String] = [:]
        for line in result.stdout.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    /// `'sha256-…'`, as a Content-Security-Policy names an inline script or style.
    static func source(_ text: String) -> String {
        "'sha256-" + Data(EventHashing.chain(previous: [], canonical: Array(text.utf8))).base64EncodedString() + "'"
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text[start.upperBound...].range(of: close) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    static func seeded() throws -> Thidua {
        let cli = try Thidua()
        let appended = try cli.run("append", Example.seedPath)
        #expect(appended.status == 0, "\(appended)")
        return cli
    }

    @Test("GET /v1/years/{year}/report is thidua report at the same moment", arguments: [
        ("", [String]()), ("?asOf=2017-12-31", ["--as-of", "2017-12-31"]), ("?at=40", ["--at", "40"]),
        ("?knownAt=2018-01-01T00:00:00%2B07:00&bloc=bdtw", ["--known-at", "2018-01-01T00:00:00+07:00", "--bloc", "BDTW"]),
    ])
    func theReportRouteIsTheReportCommand(query: String, options: [String]) throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        for year in ["2017", "2018"] {
            let served = try server.request("GET", "/v1/years/\(year)/report" + query)
            #expect(served.status == 200 && served.contentType == "text/html; charset=utf-8", "\(served.status) \(served.contentType)")
            let written = try cli.run(["--db", cli.database, "report", "--year", year] + options)
            #expect(written.status == 0, "\(written)")
            #expect(served.body.contains("<dt>Lập lúc</dt>"), "\(served.body.prefix(2000))")
            #expect(Self.comparable(served.body) == Self.comparable(Self.withoutLogFile(written.stdout, cli.database)), "year \(year) \(query)")
            #expect(written.stdout.contains(cli.database) && !served.body.contains(cli.directory.path), "the server's path is not shown to visitors")
        }
        let headers = try Self.headers(server, "/v1/years/2017/report")
        let policy = try #require(headers["content-security-policy"])
        let style = try #require(Self.between(try server.request("GET", "/v1/years/2017/report").body, "<style>", "</style>"))
        #expect(policy.contains("style-src " + Self.source(style)) && policy.contains("default-src 'none'") && policy.contains("script-src 'none'"),
                "\(policy)")
    }

    @Test func theIndexListsTheBlocsYearsEachLinkingToItsPage() throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        for path in ["/", "/?bloc=bdtw"] {
            let page = try server.request("GET", path)
            #expect(page.status == 200 && page.contentType == "text/html; charset=utf-8", "\(page)")
            #expect(page.body.contains(#"<a href="/years/2017">Năm 2017</a>"#) && page.body.contains(#"<a href="/years/2018">Năm 2018</a>"#), "\(page)")
            #expect(page.body.contains("BDTW — Khối thi đua các ban đảng Trung ương") && page.body.contains(#"<html lang="vi">"#))
            #expect(!page.body.contains("<script"), "the index runs no script")
        }
        let policy = try #require(try Self.headers(server, "/")["content-security-policy"])
        let style = try #require(Self.between(try server.request("GET", "/").body, "<style>", "</style>"))
        #expect(policy.contains("style-src " + Self.source(style)) && policy.contains("script-src 'none'"), "\(policy)")
        let noBloc = try server.request("GET", "/?bloc=NOPE", headers: ["Accept: application/problem+json"])
        #expect(try noBloc.status == 404 && noBloc.contentType == "application/problem+json" && noBloc.json()["code"] as? String == "not-found", "\(noBloc)")
    }

    @Test func withSeveralBlocsTheIndexListsThemAndEscapesTheirNames() throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let founded = try cli.run("init", "--bloc", "KTT", "--name", "Khối <b>thử</b> & \"x\"")
        #expect(founded.status == 0, "\(founded)")
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let blocs = try server.request("GET", "/")
        #expect(blocs.status == 200 && blocs.body.contains(#"<a href="/?bloc=BDTW">BDTW — Khối thi đua các ban đảng Trung ương</a>"#), "\(blocs)")
        #expect(blocs.body.contains(#"<a href="/?bloc=KTT">KTT — Khối &lt;b&gt;thử&lt;/b&gt; &amp; &quot;x&quot;</a>"#), "\(blocs)")
        let years = try server.request("GET", "/?bloc=BDTW")
        #expect(years.body.contains(#"<a href="/years/2017?bloc=BDTW">Năm 2017</a>"#), "\(years)")
        let none = try server.request("GET", "/?bloc=ktt")
        #expect(none.status == 200 && none.body.contains("Khối chưa mở năm thi đua nào.") && none.body.contains("Khối &lt;b&gt;"), "\(none)")
        let unnamed = try server.request("GET", "/years/2017", headers: ["Accept: application/json"])
        #expect(try unnamed.status == 404 && unnamed.json()["detail"] as? String == "the log holds several blocs (BDTW, KTT); choose one with --bloc",
                "\(unnamed)")
        #expect(try server.request("GET", "/years/2017?bloc=BDTW").status == 200)
    }

    @Test func theYearPageIsTheReportWithOneInlineScriptAllowedByItsHash() throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let page = try server.request("GET", "/years/2017")
        #expect(page.status == 200 && page.contentType == "text/html; charset=utf-8", "\(page.status) \(page.contentType)")
        let report = try server.request("GET", "/v1/years/2017/report")
        let script = try #require(Self.between(page.body, "<script>", "</script>"))
        #expect(page.body.components(separatedBy: "<script").count == 2, "one script, ours")
        #expect(Self.comparable(page.body.replacingOccurrences(of: "<script>\(script)</script>", with: "")) == Self.comparable(report.body))
        #expect(script.contains("new EventSource(\"/v1/log?\"") && script.contains("\"score.submitted\""))
        let policy = try #require(try Self.headers(server, "/years/2017")["content-security-policy"])
        #expect(policy.contains("script-src " + Self.source(script) + ";") && policy.contains("connect-src 'self'"), "\(policy)")
        let links = page.body.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
        #expect(!links.contains("http://") && !links.contains("https://") && !links.contains("src=") && !links.contains("@import"), "no external asset")
    }

    @Test("An unknown or malformed year is a problem document to a client asking for JSON", arguments: ["/v1/years/1999/report", "/years/1999", "/years/abc", "/v1/years/abc/report",
                                                                            "/years/2017?at=-1", "/v1/years/2017/report?asOf=never"])
    func anUnknownYearIsAProblem(path: String) throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let answer = try server.request("GET", path, headers: ["Accept: application/problem+json"])
        let expected = path.contains("1999") ? 404 : 400
        #expect(answer.status == expected && answer.contentType == "application/problem+json", "\(answer)")
        #expect(try answer.json()["code"] as? String == (expected == 404 ? "not-found" : "bad-parameter"), "\(answer)")
        if expected == 404 { #expect(try answer.json()["detail"] as? String == "year 1999 of BDTW has not been opened") }
    }

    static let browser = "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

    /// A browser asking for a year (or bloc) the log does not hold gets a Vietnamese page, 404, saying what it holds.
    @Test("A browser gets a Vietnamese page naming what the log holds", arguments: [
        ("/years/1999", 404, "Khối BDTW không có năm thi đua 1999 trong sổ."), ("/years/1999?bloc=bdtw", 404, "Khối BDTW không có năm thi đua 1999"),
        ("/years/2017?bloc=NOPE", 404, "Sổ không có khối thi đua NOPE."), ("/?bloc=nope", 404, "Sổ không có khối thi đua NOPE."),
        ("/years/abc", 400, "“abc” không phải là một năm"), ("/years/2017?at=-1", 400, "Chi tiết: at=-1"),
    ])
    func aBrowserGetsAPageSayingWhatExists(path: String, status: Int, said: String) throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        for accept in [Self.browser, nil] {
            let page = try server.request("GET", path, headers: accept.map { [$0] } ?? [])
            #expect(page.status == status && page.contentType == "text/html; charset=utf-8", "\(path): \(page)")
            #expect(page.body.contains(#"<html lang="vi">"#) && page.body.contains(said), "\(path): \(page.body)")
            #expect(page.body.contains(#"<a href="/years/2017">Năm 2017</a>"#) && page.body.contains(#"<a href="/years/2018">Năm 2018</a>"#), "\(page.body)")
            #expect(page.body.contains(#"<a href="/">"#) && !page.body.contains("<script") && !page.body.contains(cli.directory.path), "\(page.body)")
        }
        let policy = try #require(try Self.headers(server, path)["content-security-policy"])
        #expect(policy.contains("script-src 'none'") && policy.contains("default-src 'none'"), "\(policy)")
        for accept in ["Accept: application/problem+json", "Accept: application/json"] {
            let problem = try server.request("GET", path, headers: [accept])
            #expect(try problem.status == status && problem.contentType == "application/problem+json" && problem.json()["code"] is String, "\(problem)")
        }
    }

    @Test func withSeveralBlocsABrowserIsAskedToChooseOne() throws {
        let cli = try Self.seeded()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "KTT", "--name", "Khối <thử>").status == 0)
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let page = try server.request("GET", "/years/2017", headers: [Self.browser])
        #expect(page.status == 404 && page.body.contains("Sổ có nhiều khối thi đua; hãy chọn một khối"), "\(page)")
        #expect(page.body.contains(#"<a href="/years/2017?bloc=BDTW">Năm 2017</a>"#) && page.body.contains("KTT — Khối &lt;thử&gt;")
                && page.body.contains("Khối chưa mở năm thi đua nào."), "\(page.body)")
    }
}
