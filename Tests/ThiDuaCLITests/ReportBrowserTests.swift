import Foundation
import Testing

/// §11 in a real browser: the seed year's report printed by headless Chromium holds every member's name, every total
/// in Vietnamese format and the digest, on the pages expected, no row split across two of them.
@Suite("End to end: the year report printed by headless Chromium", .serialized, .enabled(if: Browser.runs, Browser.reason))
struct ReportBrowserTests {
    /// The seed's 2017 on A4: standings; chart and score sheet; the sheet's end, elections, officers, pact, awards; the record.
    static let seedPages = 4

    @Test func theSeedYearPrintsWhole() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let html = cli.path("bao-cao-2017.html"), pdf = cli.path("bao-cao-2017.pdf")
        #expect(try cli.run("report", "--year", "2017", "--out", html).status == 0)
        let printed = try Browser.render(html, in: cli.directory, ["--print-to-pdf=\(pdf)"])
        #expect(printed.status == 0, "\(printed)")
        let pages = try Browser.pages(pdf)
        #expect(pages.count == Self.seedPages, "\(pages.count) pages")
        for (index, text) in pages.enumerated() { #expect(!text.isEmpty, "page \(index + 1) is blank") }
        let all = pages.joined(separator: " ")

        let standings = try #require(try cli.json(cli.run("standings", "--year", "2017", "--format", "json"))["rows"] as? [[String: Any]])
        #expect(standings.count == 8)
        let standingsPage = try #require(pages.first { $0.contains("I. Bảng xếp hạng") })
        for row in standings {
            let name = try #require(row["name"] as? String)
            let total = try #require((row["total"] as? NSNumber)?.stringValue).replacingOccurrences(of: ".", with: ",")
            #expect(all.contains(name), "\(name) is not in the PDF")
            // Whole on the standings' page: a row split across pages would cut its wrapped name in two.
            #expect(standingsPage.contains(name) && standingsPage.contains(total), "\(name) \(total) is not whole on the standings' page")
            #expect(all.contains(total))
        }
        for title in try Self.criterionTitles() {
            #expect(pages.contains { $0.contains(title) }, "the score sheet's row \(title) is not whole on one page")
        }
        let digest = try cli.run("digest").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(all.contains(digest), "the digest \(digest) is not in the PDF")
        #expect(all.contains("Báo cáo kết quả thi đua năm 2017"))
    }

    @Test func theSeedYearScreenshotIsNotBlank() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let html = cli.path("bao-cao-2017.html"), png = cli.path("bao-cao-2017.png")
        #expect(try cli.run("report", "--year", "2017", "--out", html).status == 0)
        let shot = try Browser.render(html, in: cli.directory, ["--screenshot=\(png)", "--window-size=1000,1414", "--hide-scrollbars"])
        #expect(shot.status == 0, "\(shot)")
        let (distinct, inked) = try Browser.pixels(png)
        #expect(distinct > 16, "\(distinct) distinct pixel values")
        #expect(inked > 0.01 && inked < 0.6, "\(inked) of the pixels are ink")
    }

    @Test func hostileTextPrintsAsText() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", try cli.write("hostile.jsonl", try ReportEscapingTests.hostileBloc())).status == 0)
        let html = cli.path("hostile.html"), pdf = cli.path("hostile.pdf")
        #expect(try cli.run("report", "--year", "2017", "--out", html).status == 0)
        #expect(try Browser.render(html, in: cli.directory, ["--print-to-pdf=\(pdf)"]).status == 0)
        let all = try Browser.pages(pdf).joined(separator: " ")
        for text in [ReportEscapingTests.script, ReportEscapingTests.svg, ReportEscapingTests.quotes] {
            #expect(all.contains(text), "\(text) is not printed as text")
        }
    }

    static func criterionTitles() throws -> [String] {
        let lines = try String(contentsOfFile: Example.seedPath, encoding: .utf8).split(separator: "\n")
        return try lines.compactMap { line -> String? in
            guard let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  event["type"] as? String == "criterion.set", event["year"] as? Int == 2017 else { return nil }
            return (event["data"] as? [String: Any])?["title"] as? String
        }
    }
}

extension Thidua {
    func json(_ result: Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
}
