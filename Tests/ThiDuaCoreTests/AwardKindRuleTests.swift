import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog

/// A provincial bloc's own award kinds, adopted for 2017: the flag of the province's People's Committee
/// (first-ranked only, one a year) and its Chairman's certificate (three a year).
let provincialAwards = #"""
    [{"kind":"provincial-flag","name":"Cờ thi đua của Ủy ban nhân dân tỉnh","onlyFirst":true,"limit":1},
     {"kind":"provincial-certificate","name":"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh","onlyFirst":false,"limit":3}]
    """#

@Suite("Rules: award kinds are data (rules.adopted awards)")
struct AwardKindRuleTests {
    /// The fixture's year with members E and G admitted, scored A 19, B 19, C 17, D 12, E 10, G 8 and finalized.
    func finalized(awards: String? = provincialAwards, fromYear: Int = 2017) throws -> Fixture {
        var f = try Fixture.opened()
        if let awards { try f.record("rules.adopted", year: nil, #"{"fromYear":\#(fromYear),"awards":\#(awards)}"#) }
        try f.record("member.admitted", as: "A", #"{"code":"E","name":"Sở E"}"#)
        try f.record("member.admitted", as: "A", #"{"code":"G","name":"Sở G"}"#)
        for (member, points) in [("A", "19"), ("B", "19"), ("C", "17"), ("D", "12"), ("E", "10"), ("G", "8")] {
            try f.score(member, "1.1", points)
        }
        try f.record("scores.finalized", as: "A")
        return f
    }

    func proposal(_ member: String, _ kind: String) -> String { #"{"member":"\#(member)","kind":"\#(kind)"}"# }

    @Test func aProvincialBlocProposesItsOwnKindsWithinTheirLimits() throws {
        var f = try finalized()
        #expect(f.refusal("award.proposed", as: "A", proposal("C", "provincial-flag"))?.code == .notFirst)
        #expect(f.refusal("award.proposed", as: "A", proposal("A", "provincial-flag")) == nil)
        let second = f.refusal("award.proposed", as: "A", proposal("B", "provincial-flag"))
        #expect(second?.code == .awardLimit)
        #expect(second?.field == "data.kind")
        #expect(second?.reason.contains("at most 1 Cờ thi đua của Ủy ban nhân dân tỉnh (provincial-flag) in 2017") == true)
        for member in ["B", "C", "D"] {
            #expect(f.refusal("award.proposed", as: "A", proposal(member, "provincial-certificate")) == nil)
        }
        #expect(f.refusal("award.proposed", as: "A", proposal("E", "provincial-certificate"))?.code == .awardLimit)
        try f.record("award.withdrawn", as: "A", #"{"member":"D","kind":"provincial-certificate","reason":"Xin rút"}"#)
        #expect(f.refusal("award.proposed", as: "A", proposal("E", "provincial-certificate")) == nil)
        #expect(f.state.awards.values.map(\.kind.rawValue) == ["provincial-flag", "provincial-certificate", "provincial-certificate",
                                                               "provincial-certificate", "provincial-certificate"])
    }

    @Test("a kind not in force that year is refused, naming the kinds in force",
          arguments: ["government-flag", "pm-certificate", "district-flag"])
    func aKindNotInForceIsRefused(_ kind: String) throws {
        var f = try finalized()
        let error = f.refusal("award.proposed", as: "A", proposal("A", kind))
        #expect(error?.code == .unknownAwardKind)
        #expect(error?.field == "data.kind")
        #expect(error?.reason == "\(kind) is not an award kind in force in 2017; the kinds in force are provincial-flag, provincial-certificate")
    }

    @Test func withdrawalsAndDecisionsMatchThePendingProposalOfAnAdoptedKind() throws {
        var f = try finalized()
        try f.record("award.proposed", as: "A", proposal("A", "provincial-flag"))
        let decision = #"{"member":"A","kind":"KIND","outcome":"granted","decision":"QĐ số 12/QĐ-UBND","date":"2018-03-01"}"#
        #expect(f.refusal("award.decided", as: "A", decision.replacingOccurrences(of: "KIND", with: "provincial-certificate"))?.code == .noProposal)
        #expect(f.refusal("award.decided", as: "A", decision.replacingOccurrences(of: "KIND", with: "provincial-flag")) == nil)
        #expect(f.state.awards["A"]?.status == .granted)
    }

    @Test func aProposalKeepsItsKindWhenLaterRulesDropIt() throws {
        var f = try finalized()
        try f.record("award.proposed", as: "A", proposal("A", "provincial-flag"))
        try f.record("rules.adopted", year: nil, #"{"fromYear":2017}"#)
        #expect(f.refusal("award.proposed", as: "A", proposal("B", "provincial-certificate"))?.code == .unknownAwardKind)
        #expect(f.refusal("award.decided", as: "A",
                          #"{"member":"A","kind":"provincial-flag","outcome":"rejected","decision":"QĐ số 3/QĐ-UBND","date":"2018-03-01"}"#) == nil)
        #expect(f.ledger.bloc("BDTW").awardName(AwardKind(rawValue: "provincial-flag")!, year: 2017) == "Cờ thi đua của Ủy ban nhân dân tỉnh")
    }

    @Test("a log without adopted awards keeps the two national kinds and their codes")
    func aRulesLessLogKeepsTheNationalKinds() throws {
        var f = try finalized(awards: nil)
        let unknown = f.refusal("award.proposed", as: "A", proposal("A", "provincial-flag"))
        #expect(unknown?.code == .unknownAwardKind)
        #expect(unknown?.reason.hasSuffix("the kinds in force are government-flag, pm-certificate") == true)
        #expect(f.refusal("award.proposed", as: "A", proposal("C", "government-flag"))?.code == .notFirst)
        #expect(f.refusal("award.proposed", as: "A", proposal("A", "government-flag")) == nil)
        #expect(f.refusal("award.proposed", as: "A", proposal("B", "government-flag"))?.code == .flagLimit)
        for member in ["B", "C", "D", "E"] { #expect(f.refusal("award.proposed", as: "A", proposal(member, "pm-certificate")) == nil) }
        let bloc = f.ledger.bloc("BDTW")
        #expect(bloc.rules(forYear: 2017).awardKinds.map(\.kind) == [.governmentFlag, .pmCertificate])
        #expect(bloc.awardName(.pmCertificate, year: 2017) == "Bằng khen của Thủ tướng Chính phủ")
    }

    @Test func aNationalKindKeepsCertificateLimitUnderRulesWithoutAwards() throws {
        var f = try Fixture.opened()
        try f.record("rules.adopted", year: nil, #"{"fromYear":2017,"certificateLimit":0}"#)
        try f.score("A", "1.1", "19")
        try f.record("scores.finalized", as: "A")
        #expect(f.refusal("award.proposed", as: "A", proposal("B", "pm-certificate"))?.code == .certificateLimit)
    }

    @Test func anAdoptedListReplacesTheKindsOnlyFromItsFromYear() throws {
        var f = try finalized(fromYear: 2018)
        #expect(f.refusal("award.proposed", as: "A", proposal("A", "government-flag")) == nil)
        #expect(f.refusal("award.proposed", as: "A", proposal("B", "provincial-certificate"))?.code == .unknownAwardKind)
        let bloc = f.ledger.bloc("BDTW")
        #expect(bloc.rules(forYear: 2018).awardKinds.map(\.kind.rawValue) == ["provincial-flag", "provincial-certificate"])
        #expect(bloc.awardName(.governmentFlag, year: 2018) == "Cờ thi đua của Chính phủ")
        #expect(bloc.awardName(AwardKind(rawValue: "provincial-flag")!, year: 2017) == "Cờ thi đua của Ủy ban nhân dân tỉnh")
        #expect(bloc.awardName(AwardKind(rawValue: "district-flag")!, year: 2018) == nil)
    }

    @Test func anAdoptedGovernmentFlagUsesTheGenericLimitCode() throws {
        var f = try finalized(awards: #"[{"kind":"government-flag","name":"Cờ thi đua của Chính phủ","onlyFirst":true,"limit":0}]"#)
        #expect(f.refusal("award.proposed", as: "A", proposal("A", "government-flag"))?.code == .awardLimit)
    }

    @Test func aKindWithoutLimitOrRankTakesAnyNumberOfMembers() throws {
        var f = try finalized(awards: #"[{"kind":"giay-khen","name":"Giấy khen","onlyFirst":false}]"#)
        for member in ["A", "B", "C", "D", "E", "G"] { #expect(f.refusal("award.proposed", as: "A", proposal(member, "giay-khen")) == nil) }
    }

    @Test func registrationsSeekKindsInForce() throws {
        var f = try Fixture.opened()
        try f.record("rules.adopted", year: nil, #"{"fromYear":2017,"awards":\#(provincialAwards)}"#)
        func registration(_ titles: String) -> String { #"{"member":"C","targets":["Hoàn thành xuất sắc"],"titlesSought":\#(titles)}"# }
        let national = f.refusal("registration.submitted", as: "C", registration(#"["provincial-certificate","government-flag"]"#))
        #expect(national?.code == .unknownAwardKind)
        #expect(national?.field == "data.titlesSought[1]")
        let capitals = f.refusal("registration.submitted", as: "C", registration(#"["Provincial-Flag"]"#))
        #expect(capitals?.code == .badAwardKind)
        #expect(capitals?.hint == #"award kinds are lower case in JSON Lines: write "provincial-flag""#)
        #expect(f.refusal("registration.submitted", as: "C", registration("[1]"))?.code == .wrongType)
        #expect(f.refusal("registration.submitted", as: "C", registration(#"["provincial-flag"]"#)) == nil)
        #expect(f.state.registrations["C"]?.titlesSought.map(\.rawValue) == ["provincial-flag"])
    }

    @Test func anAwardElectionVotesOnAKindInForce() throws {
        var f = try Fixture.opened()
        try f.record("rules.adopted", year: nil, #"{"fromYear":2017,"awards":\#(provincialAwards)}"#)
        func election(_ id: String, _ kind: String) -> String {
            #"{"election":"\#(id)","office":"award","award":"\#(kind)","seats":1,"candidates":["C","D"]}"#
        }
        let national = f.refusal("election.opened", as: "A", election("F1", "pm-certificate"))
        #expect(national?.code == .unknownAwardKind)
        #expect(national?.field == "data.award")
        #expect(f.refusal("election.opened", as: "A", election("F2", "provincial flag"))?.code == .badAwardKind)
        #expect(f.refusal("election.opened", as: "A", election("F3", "provincial-certificate")) == nil)
    }

    @Test("an adopted list of awards is validated strictly", arguments: [
        (#"[]"#, "no-award-kinds", "data.awards"),
        (#"{"kind":"x"}"#, "wrong-type", "data.awards"),
        (#"["provincial-flag"]"#, "wrong-type", "data.awards[0]"),
        (#"[{"kind":"a","name":"A","onlyFirst":true},{"kind":"a","name":"B","onlyFirst":false}]"#, "duplicate-award-kind", "data.awards[1].kind"),
        (#"[{"kind":"Provincial-Flag","name":"A","onlyFirst":true}]"#, "bad-award-kind", "data.awards[0].kind"),
        (#"[{"kind":"provincial_flag","name":"A","onlyFirst":true}]"#, "bad-award-kind", "data.awards[0].kind"),
        (#"[{"kind":"abcdefghijklmnopqrstuvwxyz-1234567","name":"A","onlyFirst":true}]"#, "bad-award-kind", "data.awards[0].kind"),
        (#"[{"kind":"","name":"A","onlyFirst":true}]"#, "bad-award-kind", "data.awards[0].kind"),
        (#"[{"name":"A","onlyFirst":true}]"#, "missing-field", "data.awards[0].kind"),
        (#"[{"kind":"a","onlyFirst":true}]"#, "missing-field", "data.awards[0].name"),
        (#"[{"kind":"a","name":"Cờ\nthi đua","onlyFirst":true}]"#, "multi-line-text", "data.awards[0].name"),
        (#"[{"kind":"a","name":"A"}]"#, "missing-field", "data.awards[0].onlyFirst"),
        (#"[{"kind":"a","name":"A","onlyFirst":"yes"}]"#, "wrong-type", "data.awards[0].onlyFirst"),
        (#"[{"kind":"a","name":"A","onlyFirst":true,"limit":-1}]"#, "bad-value", "data.awards[0].limit"),
        (#"[{"kind":"a","name":"A","onlyFirst":true,"limit":1.5}]"#, "wrong-type", "data.awards[0].limit"),
        (#"[{"kind":"a","name":"A","onlyFirst":true,"limit":2000000}]"#, "number-too-large", "data.awards[0].limit"),
        (#"[{"kind":"a","name":"A","onlyFirst":true,"level":"tỉnh"}]"#, "unknown-field", "data.awards[0].level"),
    ])
    func awardListsAreValidated(_ awards: String, _ code: String, _ field: String) throws {
        var f = try Fixture.opened()
        let error = f.refusal("rules.adopted", year: nil, #"{"fromYear":2018,"awards":\#(awards)}"#)
        #expect(error?.code.rawValue == code)
        #expect(error?.field == field)
    }

    @Test("the national limits do not go with an adopted list", arguments: ["flagLimit", "certificateLimit"])
    func nationalLimitsBesideAnAdoptedList(_ field: String) throws {
        var f = try Fixture.opened()
        let error = f.refusal("rules.adopted", year: nil, #"{"fromYear":2018,"\#(field)":2,"awards":\#(provincialAwards)}"#)
        #expect(error?.code == .unexpectedField)
        #expect(error?.field == "data.\(field)")
    }

    @Test func kindsAreWellFormedLowercaseText() {
        #expect(AwardKind(rawValue: "provincial-flag")?.rawValue == "provincial-flag")
        #expect(AwardKind(rawValue: "2024-flag") != nil)
        for bad in ["", "Flag", "cờ", "a b", "a_b", String(repeating: "a", count: 33)] { #expect(AwardKind(rawValue: bad) == nil) }
        #expect(AwardKind(rawValue: "government-flag") == .governmentFlag)
    }
}
