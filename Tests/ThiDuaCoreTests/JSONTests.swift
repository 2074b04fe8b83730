import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON

@Suite("JSON parsing and canonical form")
struct JSONTests {
    @Test("numbers keep their exact decimal value", arguments: [
        ("18.5", "18.5"), ("18.50", "18.5"), ("97.30", "97.3"), ("0", "0"), ("-0", "0"), ("-0.0", "0"),
        ("1e2", "100"), ("1.25E1", "12.5"), ("0.01", "0.01"), ("100", "100"), ("-3.10", "-3.1"), ("5e-3", "0.005"),
    ])
    func exactNumbers(text: String, canonical: String) throws {
        let value = try JSON.parse(text)
        #expect(value.canonicalText == canonical)
        if case .number(let number) = value { #expect(number.description == canonical) }
    }

    @Test("malformed JSON is refused with a column", arguments: [
        ("{\"a\":1,}", 8), ("{\"a\" 1}", 6), ("[1,2", 5), ("{\"a\":01}", 7), ("{\"a\":1}x", 8), ("tru", 1),
        ("{\"a\":\"x\ty\"}", 8), ("\"\\x\"", 3), ("{\"a\":1.}", 8), ("{\"a\":\"\\ud800\"}", 13),
    ])
    func malformed(text: String, column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(text) }
        do { _ = try JSON.parse(text) } catch { #expect(error.column == column, "\(text): \(error.reason)") }
    }

    @Test func duplicateKeysAreRefused() {
        do {
            _ = try JSON.parse("{\"points\":1,\"points\":2}")
            Issue.record("accepted a duplicate key")
        } catch {
            #expect(error.reason == "field \"points\" appears twice")
        }
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array("{\"name\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(throws: JSONSyntaxError(column: 10, reason: "text is not valid UTF-8")) { try JSON.parse(bytes) }
    }

    @Test("malformed UTF-8 is refused", arguments: [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ] as [[UInt8]])
    func malformedUTF8(sequence: [UInt8]) {
        #expect(throws: JSONSyntaxError.self) { try JSON.parse([0x22] + sequence + [0x22]) }
        #expect(throws: JSONSyntaxError.self) { try JSON.parse([0x22, 0x5C, 0x6E] + sequence + [0x22]) }
    }

    @Test("well-formed UTF-8 is kept", arguments: ["Đảng", "🎉", "Ủy ban", "K’Ré", "\u{10FFFF}"])
    func wellFormedUTF8(text: String) throws {
        #expect(try JSON.parse(Array(("\"" + text + "\"").utf8)) == .string(text))
    }

    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONSyntaxError.self) { try JSON.parse(text) }
    }

    @Test func canonicalTextSortsKeysAndEscapesMinimally() throws {
        let value = try JSON.parse(#"{ "b": [1, 2.50, "x\"y"], "a": {"z": null, "é": true}, "c": "tab\tnew\nline\u0001" }"#)
        #expect(value.canonicalText == #"{"a":{"z":null,"é":true},"b":[1,2.5,"x\"y"],"c":"tab\tnew\nline\u0001"}"#)
        #expect(try JSON.parse(value.canonicalText) == value)
    }

    @Test func escapedSurrogatePairsDecode() throws {
        #expect(try JSON.parse(#""\ud83c\udf89 \u0110""#) == .string("🎉 Đ"))
    }

    @Test("points are exact hundredths", arguments: [("18.5", 1850), ("17.25", 1725), ("20", 2000), ("0.1", 10)])
    func points(text: String, hundredths: Int64) throws {
        #expect(Points(text)?.hundredths == hundredths)
    }

    @Test func pointsRefuseMoreThanTwoDecimals() {
        #expect(Points("18.555") == nil)
        #expect(Points("18.550") != nil)
    }

    @Test func pointSumsAreExact() {
        let sum = (1...10).map { _ in Points("9.73")! }.reduce(.zero, +)
        #expect(sum.description == "97.3")
    }
}
