import Testing
@testable import ThiDuaCore

@Suite("Rules: elections, ballots, results")
struct ElectionRuleTests {
    func openHead(_ f: inout Fixture, method: String = "open", candidates: String = #"["A","B","C"]"#) throws {
        try f.record("election.opened", as: "A",
                     #"{"election":"H","office":"head","seats":1,"candidates":\#(candidates),"method":"\#(method)"}"#)
    }

    @Test("elections are announced with valid seats and candidates", arguments: [
        (#"{"election":"E","office":"deputy","seats":0,"candidates":["A"]}"#, "bad-seats"),
        (#"{"election":"E","office":"head","seats":2,"candidates":["A","B"]}"#, "bad-seats"),
        (#"{"election":"E","office":"deputy","seats":1,"candidates":[]}"#, "no-candidates"),
        (#"{"election":"E","office":"deputy","seats":1,"candidates":["A","A"]}"#, "duplicate-candidate"),
        (#"{"election":"E","office":"deputy","seats":1,"candidates":["Z"]}"#, "not-a-member"),
        (#"{"election":"E","office":"award","seats":1,"candidates":["A"]}"#, "missing-field"),
        (#"{"election":"E","office":"head","seats":1,"candidates":["A"],"award":"government-flag"}"#, "unexpected-field"),
        (#"{"election":"E","office":"mayor","seats":1,"candidates":["A"]}"#, "bad-value"),
    ])
    func electionOpenedRefused(data: String, code: String) throws {
        var f = try Fixture.opened()
        #expect(f.refusal("election.opened", as: "A", data)?.code.rawValue == code)
    }

    @Test func electionIdsAreUniqueInAYear() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        #expect(f.refusal("election.opened", as: "A", #"{"election":"H","office":"deputy","seats":1,"candidates":["A"]}"#)?.code == .electionExists)
    }

    @Test func votesFollowTheBallotRules() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        #expect(f.refusal("vote.cast", as: "B", #"{"election":"H","voter":"C","choices":["A"]}"#)?.code == .notAllowed)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"X","voter":"C","choices":["A"]}"#)?.code == .unknownElection)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["D"]}"#)?.code == .notACandidate)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["A","A"]}"#)?.code == .duplicateChoice)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["A","B"]}"#)?.code == .tooManyChoices)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["A"]}"#) == nil)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["B"]}"#)?.code == .alreadyVoted)
    }

    @Test func aVoidedVoteMayBeCastAgain() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        try f.vote("H", "C", ["A"])
        #expect(f.refusal("vote.voided", as: "C", #"{"election":"H","voter":"C","reason":"r"}"#)?.code == .notAllowed)
        #expect(f.refusal("vote.voided", as: "B", #"{"election":"H","voter":"D","reason":"r"}"#)?.code == .noVote)
        #expect(f.refusal("vote.voided", as: "B", #"{"election":"H","voter":"C","reason":"phiếu ghi sai"}"#) == nil)
        try f.vote("H", "C", ["B"])
        try f.vote("H", "A", ["B"])
        try f.vote("H", "B", ["B"])
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        let result = try #require(f.state.elections["H"]?.result)
        #expect(result.votes == ["A": 0, "B": 3, "C": 0])
        #expect(result.elected == ["B"])
        #expect(f.state.head == "B")
    }

    @Test func aClosedElectionTakesNoMoreVotes() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["A"]}"#)?.code == .electionClosed)
        #expect(f.refusal("election.closed", as: "A", #"{"election":"H"}"#)?.code == .electionClosed)
    }

    @Test func noQuorumBelowTwoThirdsOfTheActiveMembers() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        try f.vote("H", "A", ["A"])
        try f.vote("H", "B", ["A"])
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        let result = try #require(f.state.elections["H"]?.result)
        #expect(result.outcome == .noQuorum)
        #expect(result.elected.isEmpty)
        #expect(f.state.head == "A")
    }

    /// Two deputy seats, four ballots: A 4 votes, B and C 2 each, tied across the last seat.
    func tiedDeputyElection(majority: String?) throws -> (Fixture, ElectionResult) {
        var f = try Fixture.opened()
        if let majority { try f.record("rules.adopted", year: nil, #"{"fromYear":2017,"majority":\#(majority)}"#) }
        try f.record("election.opened", as: "A", #"{"election":"P","office":"deputy","seats":2,"candidates":["A","B","C"]}"#)
        for (voter, second) in [("A", "B"), ("B", "C"), ("C", "B"), ("D", "C")] { try f.vote("P", voter, ["A", second]) }
        try f.record("election.closed", as: "A", #"{"election":"P"}"#)
        return (f, try #require(f.state.elections["P"]?.result))
    }

    @Test func aTieForTheLastSeatLeavesItUnfilled() throws {
        let (f, result) = try tiedDeputyElection(majority: "0.25")
        #expect(result.elected == ["A"])
        #expect(result.outcome == .tie)
        #expect(f.state.deputies == ["B"])
    }

    @Test func withoutAMajorityATiedSeatIsShort() throws {
        let (_, result) = try tiedDeputyElection(majority: nil)
        #expect(result.elected == ["A"])
        #expect(result.outcome == .short)
    }

    @Test func aSeatWithoutAMajorityIsShort() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        try f.vote("H", "A", ["A"])
        try f.vote("H", "B", ["B"])
        try f.vote("H", "C", ["A"])
        try f.vote("H", "D", ["C"])
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        let result = try #require(f.state.elections["H"]?.result)
        #expect(result.outcome == .short)
        #expect(result.elected.isEmpty)
    }

    @Test func secretBallotsAreTalliedNotCast() throws {
        var f = try Fixture.opened()
        try openHead(&f, method: "secret")
        #expect(f.refusal("vote.cast", as: "C", #"{"election":"H","voter":"C","choices":["A"]}"#)?.code == .secretBallot)
        #expect(f.refusal("ballots.tallied", as: "A", #"{"election":"H","ballots":5,"invalid":0,"counts":{"A":3}}"#)?.code == .tooManyBallots)
        #expect(f.refusal("ballots.tallied", as: "A", #"{"election":"H","ballots":4,"invalid":1,"counts":{"A":4}}"#)?.code == .countOverBallots)
        #expect(f.refusal("ballots.tallied", as: "A", #"{"election":"H","ballots":4,"invalid":5,"counts":{}}"#)?.code == .badValue)
        #expect(f.refusal("ballots.tallied", as: "A", #"{"election":"H","ballots":4,"invalid":0,"counts":{"D":1}}"#)?.code == .notACandidate)
        #expect(f.refusal("ballots.tallied", as: "A", #"{"election":"H","ballots":4,"invalid":1,"counts":{"B":2,"C":1}}"#) == nil)
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        let result = try #require(f.state.elections["H"]?.result)
        #expect(result.ballots == 3)
        #expect(result.elected == ["B"])
        #expect(result.outcome == .elected)
    }

    @Test func openBallotsAreNotTallied() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        #expect(f.refusal("ballots.tallied", as: "A", #"{"election":"H","ballots":4,"counts":{"A":4}}"#)?.code == .openBallot)
    }

    @Test func theQuorumCountsActiveMembersAtClose() throws {
        var f = try Fixture.opened()
        try openHead(&f)
        try f.vote("H", "A", ["A"])
        try f.vote("H", "B", ["A"])
        try f.record("member.withdrawn", as: "A", #"{"code":"D","reason":"sáp nhập"}"#)
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        let result = try #require(f.state.elections["H"]?.result)
        #expect(result.eligible == 3)
        #expect(result.outcome == .elected)
    }
}
