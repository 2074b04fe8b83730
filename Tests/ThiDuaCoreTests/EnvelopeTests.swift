import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON
@testable import ThiDuaLog

@Suite("Envelope parsing (§4)")
struct EnvelopeTests {
    let valid = #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2018-01-10T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":18.5}}"#

    func parse(_ line: String, actor: String? = nil) throws(ThiDuaError) -> ProposedEvent {
        try Envelope.parse(line: Array(line.utf8), defaultActor: actor)
    }

    func refusal(_ line: String) -> ThiDuaError? {
        do { _ = try parse(line); return nil } catch { return error }
    }

    @Test func parsesTheDesignExample() throws {
        let event = try parse(valid)
        #expect(event.type == .scoreSubmitted)
        #expect(event.stream.description == "BDTW/2017")
        #expect(event.occurredAt?.text == "2018-01-10T08:00:00+07:00")
        #expect(event.dataText == #"{"criterion":"1.1","member":"BNCTW","points":18.5}"#)
    }

    @Test("bad envelopes are refused with a code and a field", arguments: [
        (#"{"type":"score.submited","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{}}"#, "unknown-type", "type"),
        (#"{"type":"score.submitted","bloc":"bdtw","year":2017,"actor":"BNCTW","data":{}}"#, "bad-code", "bloc"),
        (#"{"type":"score.submitted","bloc":"BDTW","actor":"BNCTW","data":{}}"#, "missing-field", "year"),
        (#"{"type":"score.submitted","bloc":"BDTW","year":"2017","actor":"BNCTW","data":{}}"#, "wrong-type", "year"),
        (#"{"type":"score.submitted","bloc":"BDTW","year":2017,"data":{}}"#, "missing-field", "actor"),
        (#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":[]}"#, "wrong-type", "data"),
        (#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{},"colour":"red"}"#, "unknown-field", "colour"),
        (#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2018-01-10T08:00:00","data":{}}"#, "bad-timestamp", "occurredAt"),
        (#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"123","data":{}}"#, "bad-id", "id"),
        (#"{"type":"bloc.founded","bloc":"BDTW","year":2017,"actor":"secretariat","data":{}}"#, "unexpected-field", "year"),
        (#"{"type":"year.closed","bloc":"BDTW","year":17,"actor":"secretariat"}"#, "bad-year", "year"),
        (#"{"type":"year.closed","bloc":"BDTW","year":2017,"actor":"secretariat","expectedVersion":-1}"#, "bad-version", "expectedVersion"),
        (#"{"type":"year.closed","bloc":"BDTW","year":2017,"actor":"secretariat","stream":"BDTW/2018"}"#, "stream-mismatch", "stream"),
        (#"{"type":"year.closed","bloc":"BDTW","year":2017,"actor":"secretariat","schema":7}"#, "unknown-schema", "schema"),
        (#"{"type":"pact.signed","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"signatory":"A\u0007B"}}"#, "control-character", "data.signatory"),
    ] as [(String, String, String)])
    func refused(line: String, code: String, field: String) throws {
        let error = try #require(refusal(line))
        #expect(error.code.rawValue == code)
        #expect(error.field == field)
    }

    @Test func malformedJSONNamesTheColumn() throws {
        let error = try #require(refusal(#"{"type":"year.closed",}"#))
        #expect(error.code == .malformedJson)
        #expect(error.reason == "malformed JSON at column 23: expected a field name in double quotes")
    }

    @Test func aLineMustBeAnObject() throws {
        #expect(refusal("[1,2]")?.reason == "a line must be one JSON object, found an array")
    }

    @Test func overlongLinesAreRefusedBeforeParsing() throws {
        let huge = String(repeating: " ", count: Envelope.maximumLineBytes + 1)
        #expect(refusal(huge)?.code == .lineTooLong)
    }

    @Test func overlongTextIsRefused() throws {
        let name = String(repeating: "ư", count: 2_001)
        let error = try #require(refusal(#"{"type":"bloc.founded","bloc":"B","actor":"secretariat","data":{"name":"\#(name)"}}"#))
        #expect(error.code == .textTooLong)
        #expect(error.field == "data.name")
    }

    @Test func textIsStoredNFC() throws {
        let decomposed = "Ban Kinh te\u{0302}\u{0301}"
        let event = try parse(#"{"type":"bloc.founded","bloc":"B","actor":"secretariat","data":{"name":"\#(decomposed)"}}"#)
        #expect(event.data["name"] == .string("Ban Kinh tế"))
        #expect(event.data["name"]?.stringValue?.unicodeScalars.count == 11)
    }

    @Test func asFillsInOnlyAMissingActor() throws {
        let without = #"{"type":"score.submitted","bloc":"BDTW","year":2017,"data":{}}"#
        #expect(try parse(without, actor: "UBKTTW").actor == "UBKTTW")
        #expect(try parse(valid, actor: "UBKTTW").actor == "BNCTW")
    }

    @Test func exportOutputFieldsAreAccepted() throws {
        let line = #"{"type":"year.closed","bloc":"BDTW","year":2017,"actor":"secretariat","position":9,"stream":"BDTW/2017","version":3,"schema":1,"recordedAt":"2018-01-01T00:00:00Z","prevHash":"00","hash":"11","id":"0B7E5F5C-3C1A-4F5E-9A7E-2D6F1C0A9B31"}"#
        let event = try parse(line)
        #expect(event.id == "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31")
    }

    @Test func errorMessagesReadAsTheDesignSays() {
        let error = ThiDuaError(code: .pointsOverMaximum, eventType: "score.submitted", line: 12,
                                reason: "points 21 exceed the maximum 20 of criterion 1.1")
        #expect(error.description == "score.submitted rejected at line 12: points 21 exceed the maximum 20 of criterion 1.1 [points-over-maximum]")
    }
}
