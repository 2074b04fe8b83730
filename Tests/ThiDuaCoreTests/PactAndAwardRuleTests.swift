import Testing
@testable import ThiDuaCore

@Suite("Rules: pact, registrations, awards")
struct PactAndAwardRuleTests {
    @Test func thePactIsDraftedBeforeSignaturesAndSignedOncePerMember() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("pact.signed", as: "A", #"{"member":"A","signatory":"Võ Văn Dũng"}"#)?.code == .noPact)
        #expect(f.refusal("pact.drafted", as: "A", #"{"clauses":[]}"#)?.code == .missingField)
        #expect(f.refusal("pact.drafted", as: "A", #"{"clauses":["(1) Quán triệt","(2) Hoàn thành"]}"#) == nil)
        #expect(f.refusal("pact.signed", as: "B", #"{"member":"A","signatory":"x"}"#)?.code == .notAllowed)
        #expect(f.refusal("pact.signed", as: "A", #"{"member":"A","signatory":"Võ Văn Dũng","title":"Phó Trưởng ban"}"#) == nil)
        #expect(f.refusal("pact.signed", as: "A", #"{"member":"A","signatory":"again"}"#)?.code == .alreadySigned)
        #expect(f.refusal("pact.drafted", as: "A", #"{"clauses":["new"]}"#)?.code == .pactSigned)
        #expect(!f.state.pactInForce)
        for member in ["B", "C", "D"] {
            try f.record("pact.signed", as: member, #"{"member":"\#(member)","signatory":"Người ký \#(member)"}"#)
        }
        #expect(f.state.pactInForce)
    }

    @Test func registrationsAreTheMembersOwn() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("registration.submitted", as: "B", #"{"member":"C","targets":["t"],"titlesSought":[]}"#)?.code == .notAllowed)
        #expect(f.refusal("registration.submitted", as: "C", #"{"member":"C","targets":["t"],"titlesSought":["gold"]}"#)?.code == .unknownAwardKind)
        #expect(f.refusal("registration.submitted", as: "C", #"{"member":"C","targets":["Hoàn thành xuất sắc"],"titlesSought":["government-flag"]}"#) == nil)
        #expect(f.state.registrations["C"]?.titlesSought == [.governmentFlag])
    }

    func finalized() throws -> Fixture {
        var f = try Fixture.opened()
        try f.score("A", "1.1", "19")
        try f.score("B", "1.1", "19")
        try f.score("C", "1.1", "17")
        try f.score("D", "1.1", "12")
        return f
    }

    @Test func awardsWaitForFinalScores() throws {
        var f = try finalized()
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"A","kind":"government-flag"}"#)?.code == .notFinalized)
    }

    @Test func theFlagGoesOnlyToAMemberRankedFirstWithinTheLimit() throws {
        var f = try finalized()
        try f.record("scores.finalized", as: "A")
        let error = f.refusal("award.proposed", as: "A", #"{"member":"C","kind":"government-flag"}"#)
        #expect(error?.code == .notFirst)
        #expect(error?.reason.contains("ranked 3") == true)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"A","kind":"government-flag"}"#) == nil)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"B","kind":"government-flag"}"#)?.code == .flagLimit)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"B","kind":"pm-certificate"}"#) == nil)
    }

    @Test func oneAwardPerMemberPerYear() throws {
        var f = try finalized()
        try f.record("scores.finalized", as: "A")
        try f.record("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate"}"#)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate"}"#)?.code == .oneAward)
        #expect(f.refusal("award.withdrawn", as: "A", #"{"member":"C","kind":"government-flag","reason":"r"}"#)?.code == .noProposal)
        #expect(f.refusal("award.withdrawn", as: "A", #"{"member":"C","kind":"pm-certificate","reason":"rút"}"#) == nil)
        #expect(f.state.awards["C"]?.status == .withdrawn)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate"}"#) == nil)
    }

    @Test func theCertificateLimitComesFromTheRules() throws {
        var f = try Fixture.opened()
        try f.record("rules.adopted", year: nil, #"{"fromYear":2017,"certificateLimit":1}"#)
        try f.record("scores.finalized", as: "A")
        try f.record("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate"}"#)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"D","kind":"pm-certificate"}"#)?.code == .certificateLimit)
    }

    @Test func anElectionBackingAProposalMustHaveElectedTheMember() throws {
        var f = try finalized()
        try f.record("scores.finalized", as: "A")
        try f.record("election.opened", as: "A",
                     #"{"election":"F","office":"award","award":"pm-certificate","seats":1,"candidates":["C","D"]}"#)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate","election":"F"}"#)?.code == .electionOpen)
        for voter in ["A", "B", "C", "D"] { try f.vote("F", voter, ["C"]) }
        try f.record("election.closed", as: "A", #"{"election":"F"}"#)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"D","kind":"pm-certificate","election":"F"}"#)?.code == .notElected)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate","election":"Q"}"#)?.code == .unknownElection)
        #expect(f.refusal("award.proposed", as: "A", #"{"member":"C","kind":"pm-certificate","election":"F"}"#) == nil)
    }

    @Test func decisionsSettleAPendingProposal() throws {
        var f = try finalized()
        try f.record("scores.finalized", as: "A")
        let decision = #"{"member":"A","kind":"government-flag","outcome":"granted","decision":"QĐ số 123/QĐ-TTg","date":"2018-05-20"}"#
        #expect(f.refusal("award.decided", as: "A", decision)?.code == .noProposal)
        try f.record("award.proposed", as: "A", #"{"member":"A","kind":"government-flag","basis":"xếp thứ nhất"}"#)
        #expect(f.refusal("award.decided", as: "A", decision.replacingOccurrences(of: "2018-05-20", with: "20/5/2018"))?.code == .badDate)
        #expect(f.refusal("award.decided", as: "A", decision) == nil)
        #expect(f.state.awards["A"]?.status == .granted)
        #expect(f.refusal("award.decided", as: "A", decision)?.code == .noProposal)
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
