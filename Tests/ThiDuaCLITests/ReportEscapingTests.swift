import Foundation
import Testing

/// §11: stored text is escaped everywhere in the report, in its HTML and in its SVG chart.
@Suite("End to end: the year report shows hostile stored text as text")
struct ReportEscapingTests {
    static let script = "<script>alert(1)</script>"
    static let svg = "</svg><img src=x>"
    static let quotes = "\"'&"

    /// A bloc whose names, titles, clauses, reasons, signatories, bases and decisions are all markup (codes cannot be).
    static func hostileBloc() throws -> String {
        func s(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let y = #""bloc":"HB","year":2017"#
        return [
            #"{"type":"bloc.founded","bloc":"HB","actor":"secretariat","data":{"name":\#(s(script)),"organiser":\#(s(quotes))}}"#,
            #"{"type":"year.opened",\#(y),"actor":"secretariat","data":{"members":[{"code":"A","name":\#(s(script))},{"code":"B","name":\#(s(svg))},{"code":"C","name":\#(s(quotes))}],"head":"A","deputies":["B"]}}"#,
            #"{"type":"criterion.set",\#(y),"actor":"A","data":{"code":"1.1","title":\#(s(svg)),"maxPoints":10,"kind":"base","group":"I"}}"#,
            #"{"type":"criterion.set",\#(y),"actor":"A","data":{"code":"1.2","title":\#(s(quotes)),"maxPoints":10,"kind":"base","group":"II"}}"#,
            #"{"type":"criterion.set",\#(y),"actor":"A","data":{"code":"B.1","title":\#(s(script)),"maxPoints":3,"kind":"bonus","group":"B"}}"#,
            #"{"type":"score.submitted",\#(y),"actor":"A","data":{"member":"A","criterion":"1.1","points":8.5}}"#,
            #"{"type":"score.submitted",\#(y),"actor":"B","data":{"member":"B","criterion":"1.1","points":7}}"#,
            #"{"type":"score.submitted",\#(y),"actor":"B","data":{"member":"B","criterion":"1.2","points":6}}"#,
            #"{"type":"score.submitted",\#(y),"actor":"C","data":{"member":"C","criterion":"1.1","points":9}}"#,
            #"{"type":"score.submitted",\#(y),"actor":"C","data":{"member":"C","criterion":"B.1","points":2}}"#,
            #"{"type":"score.reviewed",\#(y),"actor":"A","data":{"member":"C","criterion":"1.1","points":8,"reason":\#(s(script + svg + quotes))}}"#,
            #"{"type":"pact.drafted",\#(y),"actor":"A","data":{"clauses":[\#(s(script)),\#(s(svg)),\#(s(quotes))]}}"#,
            #"{"type":"pact.signed",\#(y),"actor":"A","data":{"member":"A","signatory":\#(s(svg)),"title":\#(s(script))}}"#,
            #"{"type":"pact.signed",\#(y),"actor":"B","data":{"member":"B","signatory":\#(s(quotes)),"title":\#(s(quotes))}}"#,
            #"{"type":"scores.finalized",\#(y),"actor":"A","data":{}}"#,
            #"{"type":"award.proposed",\#(y),"actor":"A","data":{"member":"C","kind":"pm-certificate","basis":\#(s(svg + script))}}"#,
            #"{"type":"award.decided",\#(y),"actor":"secretariat","data":{"member":"C","kind":"pm-certificate","outcome":"granted","decision":\#(s(script)),"date":"2018-04-02"}}"#,
        ].joined(separator: "\n") + "\n"
    }

    static func hostileReport() throws -> (Thidua, String) {
        let cli = try Thidua()
        let appended = try cli.run("append", try cli.write("hostile.jsonl", try hostileBloc()))
        #expect(appended.status == 0, "\(appended)")
        let report = try cli.run("report", "--year", "2017")
        #expect(report.status == 0, "\(report)")
        return (cli, report.stdout)
    }

    @Test func markupInStoredTextPrintsAsText() throws {
        let (cli, html) = try Self.hostileReport()
        defer { cli.remove() }
        // Nothing stored became markup: our document has no script, no img, and exactly one svg.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.components(separatedBy: "<svg").count == 2)
        #expect(html.components(separatedBy: "</svg>").count == 2)
        // Each text is there, escaped, in the HTML and inside the chart's SVG.
        let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let escapedSVG = "&lt;/svg&gt;&lt;img src=x&gt;"
        let escapedQuotes = "&quot;&#39;&amp;"
        let svgStart = try #require(html.range(of: "<svg"))
        let svgEnd = try #require(html.range(of: "</svg>"))
        let chart = String(html[svgStart.lowerBound..<svgEnd.upperBound])
        let page = String(html[..<svgStart.lowerBound]) + String(html[svgEnd.upperBound...])
        for text in [escapedScript, escapedSVG, escapedQuotes] {
            #expect(chart.contains(text), "the chart lacks \(text)")
            #expect(page.contains(text), "the page lacks \(text)")
        }
        // Bloc name, member names, criterion titles, clauses, signatories, reasons, bases, decisions.
        #expect(html.components(separatedBy: escapedScript).count > 8)
        #expect(html.components(separatedBy: escapedSVG).count > 6)
        #expect(html.contains("<li>\(escapedScript)</li>"))
        #expect(html.contains("<title>Báo cáo kết quả thi đua năm 2017 — \(escapedScript)</title>"))
    }
}
