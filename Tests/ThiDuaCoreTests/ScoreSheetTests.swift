import Testing
@testable import ThiDuaCore

@Suite("Core: criteria by group and the score sheet")
struct ScoreSheetTests {
    static func criterion(_ code: String, _ max: String, _ kind: CriterionKind = .base, group: String?) -> Criterion {
        Criterion(code: code, title: "Tiêu chí \(code)", maxPoints: Points(max)!, kind: kind, group: group)
    }

    static var state: YearState {
        var state = YearState(bloc: "BDTW", year: 2017)
        state.members.upsert(Member(code: "BNCTW", name: "Ban Nội chính Trung ương"))
        state.members.upsert(Member(code: "UBKTTW", name: "Ủy ban Kiểm tra Trung ương"))
        state.members.upsert(Member(code: "VPTW", name: "Văn phòng Trung ương Đảng", active: false))
        for c in [criterion("1.1", "15", group: "I"), criterion("2.1", "6", group: "II"), criterion("1.2", "10", group: "I"),
                  criterion("X", "4", group: nil), criterion("B.1", "3", .bonus, group: "II"), criterion("P.1", "5", .penalty, group: "II")] {
            state.criteria.upsert(c)
        }
        var retired = criterion("1.3", "10", group: "I")
        retired.retired = true
        state.criteria.upsert(retired)
        state.scores["BNCTW"] = ["1.1": ScoreEntry(submitted: Points("14")), "1.2": ScoreEntry(submitted: Points("9"), reviewed: Points("8.5")),
                                 "2.1": ScoreEntry(submitted: Points("6")), "X": ScoreEntry(submitted: Points("4")),
                                 "B.1": ScoreEntry(submitted: Points("2")), "P.1": ScoreEntry(submitted: Points("1")),
                                 "1.3": ScoreEntry(submitted: Points("10"))]
        state.scores["UBKTTW"] = ["1.1": ScoreEntry(submitted: Points("15"))]
        state.scores["VPTW"] = ["1.1": ScoreEntry(submitted: Points("7"))]
        return state
    }

    @Test func groupsKeepTheOrderTheirFirstCriterionWasSetIn() {
        let groups = CriterionGroup.of(Self.state.criteria.values)
        #expect(groups.map(\.name) == ["I", "II", nil])
        #expect(groups[0].criteria.map(\.code) == ["1.1", "1.2", "1.3"])
        #expect(groups[0].maxPoints == Points("25"))  // 1.3 is retired
        #expect(groups[1].criteria.map(\.code) == ["2.1", "B.1", "P.1"])
        #expect(groups[1].maxPoints == Points("9"))  // a penalty line only takes away: 2.1 and B.1
        #expect(groups[2].maxPoints == Points("4"))
    }

    @Test func theSheetAgreesWithTheStandings() throws {
        let state = Self.state
        let sheet = ScoreSheet(state)
        #expect(sheet.criteria.map(\.code) == ["1.1", "1.2", "2.1", "B.1", "P.1", "X"])
        #expect(sheet.rows.map(\.member.code) == ["BNCTW", "UBKTTW"])
        let bnctw = sheet.rows[0]
        #expect(bnctw.scores[1] == ScoreEntry(submitted: Points("9"), reviewed: Points("8.5")))
        // Group II mixes 2.1 (6), bonus B.1 (2) and penalty P.1 (1): its subtotal is 6 + 2 − 1.
        #expect(bnctw.groupPoints == [Points("22.5"), Points("7"), Points("4")])
        for row in sheet.rows {
            let standing = try #require(state.standings.first { $0.member == row.member.code })
            #expect(row.rank == standing.rank)
            #expect([row.base, row.bonus, row.penalty, row.total] == [standing.base, standing.bonus, standing.penalty, standing.total])
            #expect(row.complete == standing.complete)
        }
        #expect(sheet.rows[1].complete == false)
        #expect(sheet.rows[1].scores.compactMap { $0 }.count == 1)
    }

    @Test func oneMemberEvenNoLongerActive() {
        let sheet = ScoreSheet(Self.state, member: "VPTW")
        #expect(sheet.rows.map(\.member.code) == ["VPTW"])
        #expect(sheet.rows[0].rank == nil)
        #expect(sheet.rows[0].total == Points("7"))
    }
}
