import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog
import ThiDuaJSON

@Suite("Rules: officers by term (§10)")
struct TermRuleTests {
    /// Opens an election of A (head) and B (deputy) in the 2017 stream, everyone votes for `winners`, and closes it.
    func elect(_ f: inout Fixture, id: String, office: String, seats: Int = 1, term: Int?, winners: [String], by officer: String = "A") throws {
        let termField = term.map { #","term":\#($0)"# } ?? ""
        try f.record("election.opened", as: officer,
                     #"{"election":"\#(id)","office":"\#(office)","seats":\#(seats),"candidates":["A","B","C","D"]\#(termField)}"#)
        for voter in ["A", "B", "C", "D"] { try f.vote(id, voter, winners) }
        try f.record("election.closed", as: officer, #"{"election":"\#(id)"}"#)
    }

    @Test("a head or deputy election is for this year or the next; an award election only for its year", arguments: [
        (#"{"election":"E","office":"head","seats":1,"candidates":["A"],"term":2019}"#, "bad-term"),
        (#"{"election":"E","office":"deputy","seats":1,"candidates":["A"],"term":2016}"#, "bad-term"),
        (#"{"election":"E","office":"award","seats":1,"candidates":["A"],"award":"pm-certificate","term":2018}"#, "bad-term"),
        (#"{"election":"E","office":"head","seats":1,"candidates":["A"],"term":"2018"}"#, "wrong-type"),
    ])
    func termRefused(data: String, code: String) throws {
        var f = try Fixture.opened()
        #expect(f.refusal("election.opened", as: "A", data)?.code.rawValue == code)
    }

    @Test("the stream's year and the next are accepted as terms", arguments: [
        #"{"election":"E","office":"head","seats":1,"candidates":["A"],"term":2018}"#,
        #"{"election":"E","office":"deputy","seats":1,"candidates":["A"],"term":2017}"#,
        #"{"election":"E","office":"award","seats":1,"candidates":["A"],"award":"pm-certificate","term":2017}"#,
    ])
    func termAccepted(data: String) throws {
        var f = try Fixture.opened()
        #expect(f.refusal("election.opened", as: "A", data) == nil)
    }

    @Test("electing next year's head leaves this year's officers in office and records the next term's")
    func nextTermKeepsTheSittingOfficers() throws {
        var f = try Fixture.opened()
        try elect(&f, id: "HEAD-2018", office: "head", term: 2018, winners: ["C"])
        #expect(f.state.head == "A")
        #expect(f.state.deputies == ["B"])
        #expect(f.state.nextTerm == NextTermOfficers(head: "C", headElection: "HEAD-2018"))
        // The sitting head can still open the deputies' election, for the next term too.
        try elect(&f, id: "DEP-2018", office: "deputy", seats: 2, term: 2018, winners: ["B", "C"])
        #expect(f.state.head == "A" && f.state.deputies == ["B"])
        #expect(f.state.nextTerm.deputies == ["B", "C"])
        #expect(f.state.nextTerm.elections == ["HEAD-2018", "DEP-2018"])
        #expect(f.state.electionTerms == ["HEAD-2018": 2018, "DEP-2018": 2018])
    }

    @Test("an election without a term, or for this year's term, replaces this year's officers as before", arguments: [nil, 2017])
    func thisYearsTermReplacesTheOfficers(term: Int?) throws {
        var f = try Fixture.opened()
        try elect(&f, id: "HEAD", office: "head", term: term, winners: ["C"])
        #expect(f.state.head == "C")
        #expect(f.state.nextTerm.isEmpty)
        #expect(f.state.electionTerms == ["HEAD": 2017])
    }

    @Test("the term shows in replay JSON; the stateHash covers it only where it differs from the year")
    func replayShowsTheTerm() throws {
        var f = try Fixture.opened()
        try elect(&f, id: "HEAD", office: "head", term: nil, winners: ["C"])
        let before = StateDocument(f.state)
        #expect(before.body["nextTerm"] == nil)
        let elections = before.json(position: 1).objectValue?["elections"]?.arrayValue ?? []
        #expect(elections.first?.objectValue?["term"] == JSON(2017))
        #expect((before.body["elections"]?.arrayValue?.first?.objectValue?["term"]) == nil)
        try elect(&f, id: "HEAD-2018", office: "head", term: 2018, winners: ["D"], by: "C")
        let after = StateDocument(f.state)
        #expect(after.body["nextTerm"] == .object(["term": JSON(2018), "head": .string("D"), "deputies": .array([]),
                                                     "elections": .array([.string("HEAD-2018")])]))
    }

    @Test("year.opened takes a basis, multi-line text allowed")
    func yearOpenedBasis() throws {
        var f = Fixture()
        try f.record("bloc.founded", year: nil, #"{"name":"Khối"}"#)
        try f.record("year.opened", #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"}],"head":"A","basis":"Kế thừa năm 2016;\nbầu tại HEAD-2017"}"#)
        #expect(f.state.head == "A")
        #expect(f.refusal("year.opened", year: 2018, #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"}],"basis":7}"#)?.code == .wrongType)
    }

    @Test("the snapshot keeps terms, the next term's officers and the times")
    func snapshotRoundTrip() throws {
        var f = try Fixture.opened()
        try elect(&f, id: "HEAD-2018", office: "head", term: 2018, winners: ["C"])
        var state = f.state
        state.times.opened = try Timestamp(parsing: "2017-01-05T08:00:00+07:00")
        state.times.elections["HEAD-2018"] = try Timestamp(parsing: "2017-12-01T08:00:00Z")
        let restored = try #require(YearState(snapshot: state.snapshot))
        #expect(restored == state)
        #expect(restored.elections["HEAD-2018"]?.spec.term == 2018)
        #expect(restored.times.opened?.text == "2017-01-05T08:00:00+07:00")
        guard case .object(var old) = state.snapshot else { Issue.record("not an object"); return }
        old["layout"] = JSON(1)
        #expect(YearState(snapshot: .object(old)) == nil)
        #expect(YearState.layout(ofSnapshot: .object(old)) == 1)
    }
}
