import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// §10: names, titles and signatories are one line; multi-line text only in clauses, reasons, evidence and targets.
@Suite("Text: one-line names, titles and signatories")
struct OneLineTextTests {
    static func decode(_ type: EventType, _ data: String) throws(ThiDuaError) -> DomainEvent {
        guard case .object(let object)? = try? JSON.parse(data) else { fatalError("bad test data: \(data)") }
        return try DomainEvent(type: type, actor: "secretariat", data: object)
    }

    static let breakers: [(text: String, code: String)] = [
        (#"a\nb"#, "multi-line-text"), (#"a\u2028b"#, "multi-line-text"), (#"a\u2029b"#, "multi-line-text"),
        (#"a\tb"#, "tab-in-text"),
        (#"a\u202Eb"#, "bidi-control"), (#"a\u202Ab"#, "bidi-control"), (#"a\u2066b"#, "bidi-control"),
        (#"a\u2069b"#, "bidi-control"), (#"a\u200Fb"#, "bidi-control"), (#"a\u061Cb"#, "bidi-control"),
    ]

    static let fields: [(type: EventType, template: String, field: String)] = [
        (.blocFounded, #"{"name":"X"}"#, "data.name"),
        (.blocFounded, #"{"name":"Khối","organiser":"X"}"#, "data.organiser"),
        (.yearOpened, #"{"members":[{"code":"A","name":"X"},{"code":"B","name":"b"}]}"#, "data.members[0].name"),
        (.memberAdmitted, #"{"code":"C","name":"X"}"#, "data.name"),
        (.criterionSet, #"{"code":"1.1","title":"X","maxPoints":10}"#, "data.title"),
        (.pactSigned, #"{"member":"A","signatory":"X"}"#, "data.signatory"),
        (.pactSigned, #"{"member":"A","signatory":"Ngô Văn Tuấn","title":"X"}"#, "data.title"),
    ]

    @Test("refused with a code and the field", arguments: fields)
    func refused(type: EventType, template: String, field: String) throws {
        #expect(throws: Never.self) { try Self.decode(type, template.replacingOccurrences(of: "\"X\"", with: "\"Ban Nội chính\"")) }
        for breaker in Self.breakers {
            do {
                _ = try Self.decode(type, template.replacingOccurrences(of: "\"X\"", with: "\"\(breaker.text)\""))
                Issue.record("\(type.rawValue) \(field) accepted \(breaker.text)")
            } catch {
                #expect(error.code.rawValue == breaker.code, "\(breaker.text)")
                #expect(error.field == field)
                #expect(error.eventType == type.rawValue)
            }
        }
    }

    @Test("multi-line text stays allowed in clauses, reasons, evidence and targets", arguments: [
        (EventType.pactDrafted, #"{"clauses":["Điều 1\nkhoản a\tvà b"]}"#),
        (.scoreReviewed, #"{"member":"A","criterion":"1.1","points":1,"reason":"Thiếu\nhồ sơ"}"#),
        (.scoreSubmitted, #"{"member":"A","criterion":"1.1","points":1,"evidence":"Báo cáo\nPhụ lục"}"#),
        (.registrationSubmitted, #"{"member":"A","targets":["Mục tiêu 1\nchi tiết"],"titlesSought":[]}"#),
        (.memberWithdrawn, #"{"code":"A","reason":"Sáp nhập\ntheo quyết định"}"#),
    ])
    func multiLineAllowed(type: EventType, data: String) throws {
        #expect(throws: Never.self) { try Self.decode(type, data) }
    }
}
