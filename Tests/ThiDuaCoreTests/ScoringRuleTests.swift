import Testing
@testable import ThiDuaCore

@Suite("Rules: criteria, scores, standings")
struct ScoringRuleTests {
    @Test func selfScoresStayWithinTheMaximum() throws {
        var f = try Fixture.opened()
        let refused = f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":21}"#)
        let error = try #require(refused)
        #expect(error.description == "score.submitted rejected: field data.points: points 21 exceed the maximum 20 of criterion 1.1 [points-over-maximum]")
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":-1}"#)?.code == .negativePoints)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":18.555}"#)?.code == .badPoints)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"9.9","points":1}"#)?.code == .unknownCriterion)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":"18"}"#)?.code == .wrongType)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":20}"#) == nil)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":0}"#) == nil)
    }

    @Test func theLatestSelfScoreCounts() throws {
        var f = try Fixture.opened()
        try f.score("A", "1.1", "18.5")
        try f.score("A", "1.1", "17.25")
        #expect(f.state.standings.first { $0.member == "A" }?.total == Points("17.25"))
    }

    @Test func aReviewOverridesEvenALaterSelfScore() throws {
        var f = try Fixture.opened()
        try f.score("A", "1.1", "19")
        try f.record("score.reviewed", as: "B", #"{"member":"A","criterion":"1.1","points":16,"reason":"thiếu minh chứng"}"#)
        try f.score("A", "1.1", "20")
        let entry = try #require(f.state.scores["A"]?["1.1"])
        #expect(entry.submitted == Points("20"))
        #expect(entry.reviewed == Points("16"))
        #expect(entry.effective == Points("16"))
        #expect(f.refusal("score.reviewed", as: "C", #"{"member":"A","criterion":"1.1","points":10,"reason":"r"}"#)?.code == .notAllowed)
        #expect(f.refusal("score.reviewed", as: "B", #"{"member":"A","criterion":"1.1","points":10}"#)?.code == .missingField)
    }

    @Test func totalsAddBaseAndBonusAndSubtractPenalties() throws {
        var f = try Fixture.opened()
        try f.score("A", "1.1", "18.5")
        try f.score("A", "2.1", "2")
        try f.score("A", "3.1", "1.25")
        let row = try #require(f.state.standings.first { $0.member == "A" })
        #expect(row.base == Points("18.5"))
        #expect(row.bonus == Points("2"))
        #expect(row.penalty == Points("1.25"))
        #expect(row.total.description == "19.25")
        #expect(row.complete)
    }

    @Test func standingsUseCompetitionRankingWithTiesByCode() throws {
        var f = try Fixture.opened()
        try f.score("D", "1.1", "18")
        try f.score("B", "1.1", "18")
        try f.score("C", "1.1", "19")
        try f.score("A", "1.1", "10")
        let rows = f.state.standings
        #expect(rows.map(\.member) == ["C", "B", "D", "A"])
        #expect(rows.map(\.rank) == [1, 2, 2, 4])
        #expect(rows.allSatisfy { !$0.complete })
    }

    @Test func retiredCriteriaLeaveTheStandings() throws {
        var f = try Fixture.opened()
        try f.score("A", "1.1", "10")
        try f.score("A", "2.1", "5")
        #expect(f.refusal("criterion.retired", as: "A", #"{"code":"2.1","reason":"trùng lặp"}"#) == nil)
        #expect(f.state.standings.first { $0.member == "A" }?.total == Points("10"))
        #expect(f.refusal("criterion.retired", as: "A", #"{"code":"2.1","reason":"again"}"#)?.code == .criterionRetired)
        #expect(f.refusal("criterion.retired", as: "A", #"{"code":"7.7","reason":"r"}"#)?.code == .unknownCriterion)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"2.1","points":1}"#)?.code == .criterionRetired)
    }

    @Test func aMaximumCannotDropBelowAnExistingScore() throws {
        var f = try Fixture.opened()
        try f.score("B", "1.1", "18")
        let error = f.refusal("criterion.set", as: "A", #"{"code":"1.1","title":"t","maxPoints":15}"#)
        #expect(error?.code == .maximumBelowScore)
        #expect(error?.reason.contains("B") == true)
        #expect(f.refusal("criterion.set", as: "A", #"{"code":"1.1","title":"t","maxPoints":18}"#) == nil)
        #expect(f.refusal("criterion.set", as: "A", #"{"code":"5.1","title":"t","maxPoints":0}"#)?.code == .badMaximum)
        #expect(f.refusal("criterion.set", as: "A", #"{"code":"5.1","title":"t","maxPoints":3,"kind":"extra"}"#)?.code == .badValue)
    }

    @Test func finalizationFreezesScoresAndCriteria() throws {
        var f = try Fixture.opened()
        try f.score("A", "1.1", "10")
        #expect(f.refusal("scores.finalized", as: "C")?.code == .notAllowed)
        #expect(f.refusal("scores.finalized", as: "A") == nil)
        #expect(f.state.status == .finalized)
        #expect(f.refusal("score.submitted", as: "A", #"{"member":"A","criterion":"1.1","points":11}"#)?.code == .scoresFinal)
        #expect(f.refusal("score.reviewed", as: "A", #"{"member":"C","criterion":"1.1","points":9,"reason":"r"}"#)?.code == .scoresFinal)
        #expect(f.refusal("criterion.set", as: "A", #"{"code":"1.2","title":"t","maxPoints":3}"#)?.code == .scoresFinal)
        #expect(f.refusal("scores.finalized", as: "A")?.code == .scoresFinal)
    }
}
