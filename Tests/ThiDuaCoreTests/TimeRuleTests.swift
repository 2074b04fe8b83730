import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog

/// A ledger whose events carry their times, as the store gives them: occurredAt as written (else the recording
/// time) and the time they are recorded at.
struct TimedLog {
    var ledger = Ledger()
    var recordedAt = try! Timestamp(parsing: "2030-01-01T00:00:00Z")

    /// BDTW founded 2016-12-01, year 2017 opened 2017-01-05 with A (head), B (deputy), C, D; criterion 1.1 set 2017-01-10.
    static func opened() throws -> TimedLog {
        var log = TimedLog()
        try log.record("bloc.founded", year: nil, at: "2016-12-01T08:00:00+07:00", #"{"name":"Khối"}"#)
        try log.record("year.opened", at: "2017-01-05T08:00:00+07:00", #"""
            {"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"},{"code":"C","name":"Ban C"},{"code":"D","name":"Ban D"}],
             "head":"A","deputies":["B"]}
            """#)
        try log.record("criterion.set", as: "A", at: "2017-01-10T08:00:00+07:00", #"{"code":"1.1","title":"Nhiệm vụ","maxPoints":20}"#)
        return log
    }

    var state: YearState { ledger.year(StreamID(bloc: "BDTW", year: 2017)) }

    mutating func record(_ type: String, year: Int? = 2017, as actor: String = "secretariat", at occurredAt: String?,
                         _ data: String = "{}") throws {
        var line = #"{"type":"\#(type)","bloc":"BDTW","actor":"\#(actor)","data":\#(data)"#
        if let year { line += #","year":\#(year)"# }
        if let occurredAt { line += #","occurredAt":"\#(occurredAt)""# }
        try ledger.record(try Envelope.parse(line: Array((line + "}").utf8)), recordedAt: recordedAt)
    }

    mutating func refusal(_ type: String, year: Int? = 2017, as actor: String = "secretariat", at occurredAt: String?,
                          _ data: String = "{}") -> ThiDuaError? {
        do {
            try record(type, year: year, as: actor, at: occurredAt, data)
            return nil
        } catch let error as ThiDuaError {
            return error
        } catch {
            return ThiDuaError(code: ThiDuaError.Code(rawValue: "unexpected"), reason: "\(error)")
        }
    }
}

@Suite("Rules: nothing occurs before what it depends on, nor after it was recorded (§10)")
struct TimeRuleTests {
    static let score = #"{"member":"C","criterion":"1.1","points":12}"#

    @Test("a year event before the year's opening is refused, naming both times")
    func beforeTheOpening() throws {
        var log = try TimedLog.opened()
        let refusal = log.refusal("member.admitted", at: "2017-01-04T23:59:59+07:00", #"{"code":"E","name":"Ban E"}"#)
        #expect(refusal?.code == .outOfOrderTime)
        #expect(refusal?.field == "occurredAt")
        #expect(refusal?.reason.contains("2017-01-04T23:59:59+07:00") == true)
        #expect(refusal?.reason.contains("2017-01-05T08:00:00+07:00") == true)
        #expect(log.refusal("member.admitted", at: "2017-01-05T08:00:00+07:00", #"{"code":"E","name":"Ban E"}"#) == nil)
    }

    @Test("a year opened before 1 January of the year before it is refused: an event dated year 0000 is caught")
    func beforeTheYearBefore() throws {
        var log = try TimedLog.opened()
        let members = #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"}]}"#
        #expect(log.refusal("year.opened", year: 2018, at: "0000-01-01T00:00:00Z", members)?.code == .outOfOrderTime)
        let early = log.refusal("year.opened", year: 2018, at: "2016-12-31T23:59:59+07:00", members)
        #expect(early?.code == .outOfOrderTime)
        #expect(early?.reason.contains("1 January 2017") == true)
        #expect(log.refusal("year.opened", year: 2018, at: "2017-01-01T00:00:00+07:00", members) == nil)
    }

    @Test("a bloc founded today may still open its past years: the founding is not what a year depends on")
    func pastYearsOfABlocFoundedToday() throws {
        var log = TimedLog()
        try log.record("bloc.founded", year: nil, at: "2026-11-30T08:00:00+07:00", #"{"name":"Khối"}"#)
        let members = #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"}]}"#
        #expect(log.refusal("year.opened", year: 2018, at: "2018-01-05T08:00:00+07:00", members) == nil)
    }

    @Test("a score or review before its criterion's latest definition is refused")
    func beforeTheCriterion() throws {
        var log = try TimedLog.opened()
        #expect(log.refusal("score.submitted", as: "C", at: "2017-01-09T08:00:00+07:00", Self.score)?.code == .outOfOrderTime)
        #expect(log.refusal("score.submitted", as: "C", at: "2017-01-10T08:00:00+07:00", Self.score) == nil)
        try log.record("criterion.set", as: "A", at: "2017-03-01T08:00:00+07:00", #"{"code":"1.1","title":"Nhiệm vụ","maxPoints":25}"#)
        #expect(log.refusal("score.submitted", as: "C", at: "2017-02-01T08:00:00+07:00", Self.score)?.code == .outOfOrderTime)
        let review = #"{"member":"C","criterion":"1.1","points":10,"reason":"r"}"#
        #expect(log.refusal("score.reviewed", as: "A", at: "2017-02-01T08:00:00+07:00", review)?.code == .outOfOrderTime)
        #expect(log.refusal("score.reviewed", as: "A", at: "2017-03-02T08:00:00+07:00", review) == nil)
    }

    @Test("votes, voids, tallies and the close before the election's opening are refused")
    func beforeTheElection() throws {
        var log = try TimedLog.opened()
        try log.record("election.opened", as: "A", at: "2026-01-05T08:00:00+07:00",
                       #"{"election":"H","office":"head","seats":1,"candidates":["A","B"]}"#)
        let vote = #"{"election":"H","voter":"C","choices":["A"]}"#
        let refusal = log.refusal("vote.cast", as: "C", at: "2025-01-10T08:00:00+07:00", vote)
        #expect(refusal?.code == .outOfOrderTime)
        #expect(refusal?.reason.contains("election H was opened at 2026-01-05T08:00:00+07:00") == true)
        try log.record("vote.cast", as: "C", at: "2026-01-10T08:00:00+07:00", vote)
        #expect(log.refusal("vote.voided", as: "A", at: "2025-01-10T08:00:00+07:00", #"{"election":"H","voter":"C","reason":"r"}"#)?.code == .outOfOrderTime)
        #expect(log.refusal("election.closed", as: "A", at: "2025-12-31T08:00:00+07:00", #"{"election":"H"}"#)?.code == .outOfOrderTime)
        try log.record("election.opened", as: "A", at: "2026-01-05T08:00:00+07:00",
                       #"{"election":"S","office":"deputy","seats":1,"candidates":["A","B"],"method":"secret"}"#)
        #expect(log.refusal("ballots.tallied", as: "A", at: "2026-01-04T08:00:00+07:00", #"{"election":"S","ballots":4,"counts":{"A":4}}"#)?.code == .outOfOrderTime)
        #expect(log.refusal("election.closed", as: "A", at: "2026-01-11T08:00:00+07:00", #"{"election":"H"}"#) == nil)
    }

    @Test("a signature before the pact's drafting and a proposal before the finalization are refused")
    func beforeThePactAndTheFinalization() throws {
        var log = try TimedLog.opened()
        try log.record("pact.drafted", as: "A", at: "2017-02-01T08:00:00+07:00", #"{"clauses":["Điều 1"]}"#)
        let signed = #"{"member":"C","signatory":"Nguyễn Văn C"}"#
        #expect(log.refusal("pact.signed", as: "C", at: "2017-01-31T08:00:00+07:00", signed)?.code == .outOfOrderTime)
        #expect(log.refusal("pact.signed", as: "C", at: "2017-02-01T08:00:00+07:00", signed) == nil)
        try log.record("score.submitted", as: "C", at: "2017-06-01T08:00:00+07:00", Self.score)
        try log.record("scores.finalized", as: "A", at: "2017-12-20T08:00:00+07:00")
        let proposal = #"{"member":"C","kind":"pm-certificate"}"#
        #expect(log.refusal("award.proposed", as: "A", at: "2017-12-19T08:00:00+07:00", proposal)?.code == .outOfOrderTime)
        #expect(log.refusal("award.proposed", as: "A", at: "2017-12-20T08:00:00+07:00", proposal) == nil)
    }

    @Test("an event may not occur more than 5 minutes after it was recorded", arguments: [
        ("2030-01-01T00:05:00Z", true), ("2030-01-01T07:05:00+07:00", true), ("2030-01-01T00:05:00.000001Z", false),
        ("2031-01-01T00:00:00Z", false),
    ])
    func notInTheFuture(occurredAt: String, accepted: Bool) throws {
        var log = try TimedLog.opened()
        let refusal = log.refusal("member.admitted", at: occurredAt, #"{"code":"E","name":"Ban E"}"#)
        #expect((refusal == nil) == accepted, "\(String(describing: refusal))")
        if !accepted {
            #expect(refusal?.code == .outOfOrderTime)
            #expect(refusal?.reason.contains("2030-01-01T00:00:00Z") == true)
        }
        var bloc = try TimedLog.opened()
        #expect((bloc.refusal("rules.adopted", year: nil, at: occurredAt, #"{"fromYear":2018}"#) == nil) == accepted)
    }

    @Test("without an occurredAt the event occurred when it was recorded, after everything before it")
    func defaultsToTheRecordingTime() throws {
        var log = try TimedLog.opened()
        #expect(log.refusal("score.submitted", as: "C", at: nil, Self.score) == nil)
        #expect(log.state.times.opened?.text == "2017-01-05T08:00:00+07:00")
        #expect(log.state.times.criteria["1.1"]?.text == "2017-01-10T08:00:00+07:00")
    }

    @Test("a backdated act is judged on today's officers: log order, not valid time")
    func backdatedActsMeetTodaysOfficers() throws {
        var log = try TimedLog.opened()
        try log.record("officers.appointed", as: "secretariat", at: "2017-06-01T08:00:00+07:00",
                       #"{"head":"C","deputies":["D"],"basis":"Luân phiên"}"#)
        let criterion = #"{"code":"1.2","title":"Cải cách","maxPoints":10}"#
        #expect(log.refusal("criterion.set", as: "A", at: "2017-03-01T08:00:00+07:00", criterion)?.code == .notAllowed)
        #expect(log.refusal("criterion.set", as: "C", at: "2017-03-01T08:00:00+07:00", criterion) == nil)
    }
}
