import Testing
@testable import ThiDuaCore

@Suite("Rules: no self-review (§10)")
struct SelfReviewTests {
    let review = #"{"member":"%@","criterion":"1.1","points":9,"reason":"Thẩm định"}"#

    func reviewing(_ member: String) -> String { review.replacingOccurrences(of: "%@", with: member) }

    @Test("an officer may not review its own member's score", arguments: ["A", "B"])
    func officerReviewingItself(officer: String) throws {
        var f = try Fixture.opened()
        try f.score(officer, "1.1", "20")
        let refusal = f.refusal("score.reviewed", as: officer, reviewing(officer))
        #expect(refusal?.code == .selfReview)
        #expect(refusal?.field == "actor")
        #expect(f.state.scores[officer]?["1.1"]?.reviewed == nil)
    }

    @Test("another officer, or the secretariat, reviews it", arguments: [("B", "A"), ("A", "B"), ("secretariat", "A"), ("secretariat", "C")])
    func othersMayReview(actor: String, member: String) throws {
        var f = try Fixture.opened()
        try f.score(member, "1.1", "20")
        #expect(f.refusal("score.reviewed", as: actor, reviewing(member)) == nil)
        #expect(f.state.scores[member]?["1.1"]?.effective == Points(hundredths: 900))
    }

    @Test("a member that is no officer is refused as before, not as a self-review")
    func nonOfficer() throws {
        var f = try Fixture.opened()
        #expect(f.refusal("score.reviewed", as: "C", reviewing("C"))?.code == .notAllowed)
    }
}
