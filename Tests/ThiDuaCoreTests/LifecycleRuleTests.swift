import Testing
@testable import ThiDuaCore

@Suite("Rules: bloc, year lifecycle, members, actors")
struct LifecycleRuleTests {
    @Test func aBlocIsFoundedOnce() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("bloc.founded", year: nil, #"{"name":"again"}"#)?.code == .blocExists)
    }

    @Test func yearEventsNeedAFoundedBloc() {
        var f = Fixture()
        let error = f.refusal("year.opened", #"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}]}"#)
        #expect(error?.code == .noBloc)
        #expect(error?.description.contains("thidua init --bloc BDTW") == true)
    }

    @Test func rulesAreAdoptedOnlyByTheSecretariat() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("rules.adopted", year: nil, as: "A", #"{"fromYear":2018}"#)?.code == .notAllowed)
        #expect(f.refusal("rules.adopted", year: nil, #"{"fromYear":2018,"quorum":"3/4","majority":0.5,"flagLimit":2}"#) == nil)
        #expect(f.ledger.bloc("BDTW").rules(forYear: 2018).quorum == Fraction(3, 4))
        #expect(f.ledger.bloc("BDTW").rules(forYear: 2017) == .defaults)
    }

    @Test("a year opens once, with at least two distinct members and officers among them", arguments: [
        (#"{"members":[{"code":"A","name":"a"}]}"#, "too-few-members"),
        (#"{"members":[{"code":"A","name":"a"},{"code":"A","name":"b"}]}"#, "duplicate-member"),
        (#"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}],"head":"Z"}"#, "not-a-member"),
        (#"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}],"head":"A","deputies":["A"]}"#, "officer-twice"),
        (#"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}],"extra":1}"#, "unknown-field"),
        (#"{"members":[{"code":"A","name":"a"},{"code":"B"}]}"#, "missing-field"),
    ])
    func yearOpenedRefused(data: String, code: String) throws {
        var f = Fixture()
        try f.record("bloc.founded", year: nil, #"{"name":"K"}"#)
        #expect(f.refusal("year.opened", year: 2018, data)?.code.rawValue == code)
        #expect(f.refusal("year.opened", year: 2018, #"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}]}"#) == nil)
        #expect(f.refusal("year.opened", year: 2018, #"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}]}"#)?.code == .yearOpen)
    }

    @Test func onlyTheSecretariatOpensAYear() throws {
        var f = Fixture()
        try f.record("bloc.founded", year: nil, #"{"name":"K"}"#)
        #expect(f.refusal("year.opened", as: "A", #"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"}]}"#)?.code == .notAllowed)
    }

    @Test func eventsOfAnUnopenedYearAreRefused() throws {
        var f = try Fixture.opened()
        let error = f.refusal("criterion.set", year: 2019, #"{"code":"1.1","title":"t","maxPoints":5}"#)
        #expect(error?.code == .yearNotOpen)
        #expect(error?.description.contains("thidua year open 2019") == true)
    }

    @Test func membersAreAdmittedAndWithdrawn() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("member.admitted", as: "A", #"{"code":"B","name":"again"}"#)?.code == .memberExists)
        #expect(f.refusal("member.admitted", as: "A", #"{"code":"E","name":"Ban E"}"#) == nil)
        #expect(f.refusal("member.withdrawn", as: "A", #"{"code":"Z","reason":"r"}"#)?.code == .notAMember)
        #expect(f.refusal("member.withdrawn", as: "A", #"{"code":"E","reason":"sáp nhập"}"#) == nil)
        #expect(f.refusal("member.withdrawn", as: "A", #"{"code":"E","reason":"again"}"#)?.code == .memberWithdrawn)
        #expect(f.state.members["E"]?.active == false)
        #expect(!f.state.standings.contains { $0.member == "E" })
    }

    @Test func withdrawnMembersKeepTheirHistoryButLeaveStandings() throws {
        var f = try Fixture.opened()
        try f.score("D", "1.1", "15")
        try f.record("member.withdrawn", as: "A", #"{"code":"D","reason":"hợp nhất"}"#)
        #expect(f.state.scores["D"]?["1.1"]?.submitted == Points("15"))
        #expect(f.state.standings.map(\.member) == ["A", "B", "C"])
        #expect(f.refusal("score.submitted", as: "D", #"{"member":"D","criterion":"1.1","points":1}"#)?.code == .memberWithdrawn)
    }

    @Test func memberActsAreByThatMemberOrTheSecretariat() throws {
        var f = try Fixture.opened()
        let error = f.refusal("score.submitted", as: "B", #"{"member":"C","criterion":"1.1","points":10}"#)
        #expect(error?.code == .notAllowed)
        #expect(error?.field == "actor")
        #expect(f.refusal("score.submitted", as: "secretariat", #"{"member":"C","criterion":"1.1","points":10}"#) == nil)
        #expect(f.refusal("score.submitted", as: "C", #"{"member":"C","criterion":"1.1","points":11}"#) == nil)
    }

    @Test func officerActsAreByTheHeadOrADeputy() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("criterion.set", as: "C", #"{"code":"4.1","title":"t","maxPoints":5}"#)?.code == .notAllowed)
        #expect(f.refusal("criterion.set", as: "B", #"{"code":"4.1","title":"t","maxPoints":5}"#) == nil)
        #expect(f.refusal("criterion.set", as: "A", #"{"code":"4.2","title":"t","maxPoints":5}"#) == nil)
    }

    @Test func officersAppointedReplaceTheInterimOnes() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("officers.appointed", as: "A", #"{"head":"C","deputies":["C"],"basis":"x"}"#)?.code == .officerTwice)
        #expect(f.refusal("officers.appointed", as: "A", #"{"head":"Z","deputies":[],"basis":"x"}"#)?.code == .notAMember)
        #expect(f.refusal("officers.appointed", as: "A", #"{"head":"C","deputies":["D"],"basis":"luân phiên"}"#) == nil)
        #expect(f.state.head == "C")
        #expect(f.state.deputies == ["D"])
        #expect(f.refusal("criterion.set", as: "A", #"{"code":"4.1","title":"t","maxPoints":5}"#)?.code == .notAllowed)
    }

    @Test func aClosedYearAcceptsOnlyDecisionsAndReopening() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("year.closed", as: "A")?.code == .notFinalized)
        try f.record("scores.finalized", as: "A")
        try f.record("award.proposed", as: "A", #"{"member":"A","kind":"pm-certificate"}"#)
        #expect(f.refusal("year.closed", as: "A") == nil)
        #expect(f.state.status == .closed)
        #expect(f.refusal("pact.drafted", as: "A", #"{"clauses":["x"]}"#)?.code == .yearClosed)
        #expect(f.refusal("award.decided", as: "A",
                          #"{"member":"A","kind":"pm-certificate","outcome":"granted","decision":"QĐ số 1/QĐ-TTg","date":"2018-06-01"}"#) == nil)
        #expect(f.refusal("year.reopened", as: "A", #"{"reason":"r"}"#)?.code == .notAllowed)
        #expect(f.refusal("year.reopened", #"{"reason":"bổ sung"}"#) == nil)
        #expect(f.state.status == .finalized)
        #expect(f.refusal("year.reopened", #"{"reason":"again"}"#)?.code == .yearNotClosed)
    }

    @Test func aYearWithAnOpenElectionDoesNotClose() throws {
        var f = try Fixture.opened()
        try f.record("scores.finalized", as: "A")
        try f.record("election.opened", as: "A", #"{"election":"H","office":"head","seats":1,"candidates":["A","B"]}"#)
        #expect(f.refusal("year.closed", as: "A")?.code == .electionOpen)
    }
}

@Suite("Rules: officers after withdrawal and election")
struct OfficerRuleTests {
    @Test func aWithdrawnOfficerNoLongerActs() throws {
        var f = try Fixture.opened()
        try f.record("member.withdrawn", as: "A", #"{"code":"B","reason":"sáp nhập"}"#)
        #expect(f.refusal("criterion.set", as: "B", #"{"code":"9.1","title":"t","maxPoints":1}"#)?.code == .notAllowed)
    }

    @Test func aDeputyElectedHeadLeavesTheDeputies() throws {
        var f = try Fixture.opened()
        try f.record("election.opened", as: "A", #"{"election":"H","office":"head","seats":1,"candidates":["B","C"]}"#)
        for voter in ["A", "B", "C", "D"] { try f.vote("H", voter, ["B"]) }
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        #expect(f.state.head == "B")
        #expect(f.state.deputies.isEmpty)
    }
}
