@testable import ThiDuaCore
@testable import ThiDuaLog

/// A bloc BDTW with year 2017 open: members A, B, C, D; head A, deputy B; criteria 1.1 (base 20),
/// 2.1 (bonus 5), 3.1 (penalty 5).
struct Fixture {
    var ledger = Ledger()
    let year = 2017

    static func opened() throws -> Fixture {
        var fixture = Fixture()
        try fixture.record("bloc.founded", year: nil, #"{"name":"Khối thi đua các ban đảng Trung ương"}"#)
        try fixture.record("year.opened", #"""
            {"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"},{"code":"C","name":"Ban C"},{"code":"D","name":"Ban D"}],
             "head":"A","deputies":["B"]}
            """#)
        try fixture.record("criterion.set", as: "A", #"{"code":"1.1","title":"Nhiệm vụ chính trị","maxPoints":20}"#)
        try fixture.record("criterion.set", as: "A", #"{"code":"2.1","title":"Sáng kiến","maxPoints":5,"kind":"bonus"}"#)
        try fixture.record("criterion.set", as: "A", #"{"code":"3.1","title":"Vi phạm","maxPoints":5,"kind":"penalty"}"#)
        return fixture
    }

    var state: YearState { ledger.year(StreamID(bloc: "BDTW", year: year)) }

    func event(_ type: String, year: Int?, as actor: String, _ data: String) throws -> ProposedEvent {
        var line = #"{"type":"\#(type)","bloc":"BDTW","actor":"\#(actor)","data":\#(data)"#
        if let year { line += #","year":\#(year)"# }
        return try Envelope.parse(line: Array((line + "}").utf8))
    }

    /// Records an event or throws its refusal.
    mutating func record(_ type: String, year: Int? = 2017, as actor: String = "secretariat", _ data: String = "{}") throws {
        try ledger.record(try event(type, year: year, as: actor, data))
    }

    /// The refusal an event meets, or nil when it is accepted (and then recorded).
    mutating func refusal(_ type: String, year: Int? = 2017, as actor: String = "secretariat", _ data: String = "{}") -> ThiDuaError? {
        do {
            try record(type, year: year, as: actor, data)
            return nil
        } catch let error as ThiDuaError {
            return error
        } catch {
            return ThiDuaError(code: ThiDuaError.Code(rawValue: "unexpected"), reason: "\(error)")
        }
    }

    mutating func score(_ member: String, _ criterion: String, _ points: String) throws {
        try record("score.submitted", as: member, #"{"member":"\#(member)","criterion":"\#(criterion)","points":\#(points)}"#)
    }

    mutating func vote(_ election: String, _ voter: String, _ choices: [String]) throws {
        let list = choices.map { "\"\($0)\"" }.joined(separator: ",")
        try record("vote.cast", as: voter, #"{"election":"\#(election)","voter":"\#(voter)","choices":[\#(list)]}"#)
    }
}
