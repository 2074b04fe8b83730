import Testing
import ThiDuaCore
@testable import ThiDuaReport

@Suite("The report's node builder escapes text and attribute values")
struct NodeEscapingTests {
    static let hostile = ["<script>alert(1)</script>", "</svg><img src=x>", "\"'&", "a&amp;b", "<!--", "]]>"]

    @Test(arguments: hostile)
    func textIsEscaped(_ text: String) {
        let html = Node.tag("p", text: text).rendered
        #expect(!html.dropFirst(3).dropLast(4).contains("<"))
        #expect(!html.dropFirst(3).dropLast(4).contains(">"))
        #expect(!html.dropFirst(3).dropLast(4).contains("\""))
        #expect(Self.unescaped(String(html.dropFirst(3).dropLast(4))) == text)
    }

    @Test(arguments: hostile)
    func attributeValuesAreEscaped(_ value: String) {
        let html = Node.void("rect", [Attribute("fill", value)]).rendered
        #expect(html.hasPrefix("<rect fill=\"") && html.hasSuffix("\"/>"))
        let inner = html.dropFirst("<rect fill=\"".count).dropLast(3)
        #expect(!inner.contains("\"") && !inner.contains("<") && !inner.contains(">") && !inner.contains("'"))
        #expect(Self.unescaped(String(inner)) == value)
    }

    @Test func plainTextIsWrittenAsItIs() {
        #expect(Node.tag("td", [.class("num")], text: "Ủy ban Kiểm tra Trung ương 103,5").rendered
                == "<td class=\"num\">Ủy ban Kiểm tra Trung ương 103,5</td>")
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

@Suite("Vietnamese numbers and dates")
struct VietnameseFormatTests {
    @Test func numbersHaveADecimalComma() throws {
        #expect(VietnameseFormat.points(try #require(Points("103.5"))) == "103,5")
        #expect(VietnameseFormat.points(try #require(Points("97"))) == "97")
    }

    @Test func datesAreDayMonthYearAtVietnamTime() {
        #expect(VietnameseFormat.moment("2018-03-30") == "30/03/2018")
        #expect(VietnameseFormat.moment("2018-03-29T20:30:00Z") == "30/03/2018 03:30:00")
        #expect(VietnameseFormat.day("2018-03-29T20:30:00Z") == "30/03/2018")
        #expect(VietnameseFormat.day("not a date") == "not a date")
    }
}
