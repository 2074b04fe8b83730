import Foundation
import Testing

/// Differential tests of the two verifiers' rules: `Tools/verify_chain.py` re-decides every event with its own port of
/// thidua's rules (`Tools/thidua_rules.py`), and must agree with thidua on logs of valid histories and on forged rows.
@Suite("End to end: verify_chain.py re-decides every event with its port of the rules and agrees with thidua")
struct RuleParityTests {
    @Test("a log of valid histories: both verifiers answer 0", arguments: ValidHistory.all)
    func validHistories(_ history: ValidHistory) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        for (index, source) in history.sources.enumerated() {
            let appended = try cli.run("append", try source.file(in: cli, number: index))
            try #require(appended.status == 0, "\(appended)")
        }
        let thidua = try cli.run("verify")
        #expect(thidua.status == 0, "\(thidua)")
        let python = try VerifyChainScriptTests.python([cli.database])
        #expect(python.status == 0, "\(python)")
        #expect(python.stdout.contains("rules: every event re-decided from the start follows them\n"), "\(python)")
    }

    @Test("a forged row that breaks a rule, chained correctly: the script names its position and rule", arguments: ForgedBreak.all)
    func scriptNamesTheRule(_ forged: ForgedBreak) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let position = try forged.insert(in: cli)
        let python = try VerifyChainScriptTests.python([cli.database])
        #expect(python.status == 2, "\(python)")
        let finding = "position \(position): \(forged.breaking.type) breaks rule \(forged.code): "
        #expect(python.stderr.hasPrefix("error: verify: " + finding), "\(python)")
        #expect(python.stdout.contains("rules: BROKEN at " + finding), "\(python)")
        #expect(python.stdout.contains("chain: intact up to position"), "the chain itself is sound: \(python)")
    }

    @Test func noRulesChecksOnlyTheRecord() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        _ = try ForgedBreak.all[0].insert(in: cli)
        let python = try VerifyChainScriptTests.python(["--no-rules", cli.database])
        #expect(python.status == 0, "\(python)")
        #expect(python.stdout.contains("rules: not re-decided (--no-rules)\n"), "\(python)")
    }

    @Test func textFromTheLogIsShownEscaped() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let forged = ForgedBreak("a type that retitles the terminal", [ForgedBreak.y2018("score.\u{1B}]0;owned\u{7}", "BKTTW", "{}")],
                                 "unknown-type")
        let position = try forged.insert(in: cli)
        let python = try VerifyChainScriptTests.python([cli.database])
        #expect(python.status == 2, "\(python)")
        #expect(python.stderr.hasPrefix(#"error: verify: position \#(position): score.\u{1B}]0;owned\u{7} breaks rule unknown-type"#),
                "\(python)")
        #expect(!(python.stdout + python.stderr).contains("\u{1B}"), "\(python)")
    }

    @Test func theScriptFindsItsRulesFromAnyDirectory() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let position = try ForgedBreak.all[0].insert(in: cli)
        let python = try Thidua.capture("/usr/bin/env", ["python3", Thidua.packageRoot.appendingPathComponent("Tools/verify_chain.py").path,
                                                          "thidua.sqlite"], in: cli.directory)
        #expect(python.status == 2, "\(python)")
        #expect(python.stderr.hasPrefix("error: verify: position \(position): score.submitted breaks rule points-over-maximum"), "\(python)")
    }

    @Test("the same events as input lines: thidua append refuses them with the same rule",
          arguments: ForgedBreak.all.filter { $0.appendCode != nil })
    func appendNamesTheSameRule(_ forged: ForgedBreak) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        let lines = forged.rows.map(\.line).joined(separator: "\n") + "\n"
        let result = try cli.run("append", try cli.write("forged.jsonl", lines))
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("[\(forged.appendCode ?? "")]"), "\(result)")
    }

    @Test("after rebuild, thidua verify names the same position and rule", arguments: ForgedBreak.all.filter(\.thiduaVerifyFinds))
    func thiduaVerifyNamesTheSameRule(_ forged: ForgedBreak) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let position = try forged.insert(in: cli)
        _ = try cli.run("rebuild")
        let thidua = try cli.run("verify")
        #expect(thidua.status == 2, "\(thidua)")
        #expect(thidua.stderr.contains("position \(position)") && thidua.stderr.contains(forged.code), "\(thidua)")
    }
}

/// Histories thidua accepts, appended to one log in turn.
struct ValidHistory: Sendable, CustomTestStringConvertible {
    enum Source: Sendable {
        case example
        /// `Tools/generate_history.py` with these options.
        case generated([String])
        case lines(String)

        func file(in cli: Thidua, number: Int) throws -> String {
            switch self {
            case .example:
                return Example.seedPath
            case .generated(let options):
                let (status, output) = try Thidua.pythonTool("generate_history.py", options)
                try #require(status == 0)
                return try cli.write("generated-\(number).jsonl", String(decoding: output, as: UTF8.self))
            case .lines(let text):
                return try cli.write("lines-\(number).jsonl", text + "\n")
            }
        }
    }

    let name: String
    let sources: [Source]
    var testDescription: String { name }

    static let all = [
        ValidHistory(name: "the demo history of EventLog/examples", sources: [.example]),
        ValidHistory(name: "generated: 2 blocs, 3 years, reviews, 2 elections a year", sources: [
            .generated(["--blocs", "2", "--years", "3", "--members", "5", "--criteria", "6", "--reviews", "0.3", "--elections", "2", "--seed", "7"]),
        ]),
        ValidHistory(name: "generated: resubmitted scores", sources: [
            .generated(["--members", "3", "--criteria", "4", "--resubmissions", "3", "--seed", "8"]),
        ]),
        ValidHistory(name: "every event type, with rules adopted between the events they would change", sources: [.lines(everyType)]),
        ValidHistory(name: "a provincial bloc with its own award kinds, then the national ones again", sources: [.lines(provincial)]),
        ValidHistory(name: "officers elected for the next term and carried into it, every event dated", sources: [.lines(nextTerm)]),
        ValidHistory(name: "self-scores of schema 1 and 2: text evidence, documents cited by title, none", sources: [.lines(evidence)]),
        ValidHistory(name: "all of them in one log", sources: [
            .example, .generated(["--blocs", "2", "--years", "2", "--members", "4", "--criteria", "5", "--seed", "9"]), .lines(everyType),
        ]),
        signed,
    ]

    /// Self-scores of both layouts (EventLog/EVENTS.md): schema-1 text evidence (upcast to one title), schema-2 lists of
    /// documents cited by title (no document need be kept), a resubmission that drops its evidence, and a review.
    static let evidence = #"""
        {"type":"bloc.founded","bloc":"MINH","actor":"secretariat","data":{"name":"Khối thi đua minh chứng"}}
        {"type":"year.opened","bloc":"MINH","year":2026,"actor":"secretariat","data":{"members":[{"code":"M1","name":"Sở Một"},{"code":"M2","name":"Sở Hai"},{"code":"M3","name":"Sở Ba"}],"head":"M1","deputies":["M2"]}}
        {"type":"criterion.set","bloc":"MINH","year":2026,"actor":"M1","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":10}}
        {"type":"criterion.set","bloc":"MINH","year":2026,"actor":"M1","data":{"code":"1.2","title":"Phong trào","maxPoints":5}}
        {"type":"score.submitted","bloc":"MINH","year":2026,"actor":"M1","data":{"member":"M1","criterion":"1.1","points":9,"evidence":"Báo cáo số 1\nvà phụ lục"}}
        {"type":"score.submitted","bloc":"MINH","year":2026,"actor":"M2","schema":2,"data":{"member":"M2","criterion":"1.1","points":8,"evidence":[{"title":"Báo cáo số 2"},{"title":"Công văn số 7"}]}}
        {"type":"score.submitted","bloc":"MINH","year":2026,"actor":"M3","schema":2,"data":{"member":"M3","criterion":"1.1","points":7,"evidence":[]}}
        {"type":"score.submitted","bloc":"MINH","year":2026,"actor":"M3","schema":2,"data":{"member":"M3","criterion":"1.2","points":4,"evidence":[{"title":"Biên bản"}]}}
        {"type":"score.submitted","bloc":"MINH","year":2026,"actor":"M3","data":{"member":"M3","criterion":"1.2","points":3}}
        {"type":"score.submitted","bloc":"MINH","year":2026,"actor":"M1","schema":2,"data":{"member":"M1","criterion":"1.2","points":5,"evidence":[{"title":"Quyết định"}]}}
        {"type":"score.reviewed","bloc":"MINH","year":2026,"actor":"M2","data":{"member":"M1","criterion":"1.1","points":8,"reason":"Thẩm định"}}
        """#

    /// A provincial bloc adopts its own award kinds for 2024 (a flag for the first-ranked, one a year; three certificates),
    /// registers for, elects and proposes them, withdraws one to make room; from 2025 the national kinds are back.
    static let provincial = #"""
        {"type":"bloc.founded","bloc":"TINH","actor":"secretariat","data":{"name":"Khối thi đua các sở, ngành tỉnh"}}
        {"type":"rules.adopted","bloc":"TINH","actor":"secretariat","data":{"fromYear":2024,"awards":[{"kind":"provincial-flag","name":"Cờ thi đua của Ủy ban nhân dân tỉnh","onlyFirst":true,"limit":1},{"kind":"provincial-certificate","name":"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh","onlyFirst":false,"limit":2}]}}
        {"type":"year.opened","bloc":"TINH","year":2024,"actor":"secretariat","data":{"members":[{"code":"S1","name":"Sở Một"},{"code":"S2","name":"Sở Hai"},{"code":"S3","name":"Sở Ba"},{"code":"S4","name":"Sở Bốn"}],"head":"S1"}}
        {"type":"criterion.set","bloc":"TINH","year":2024,"actor":"S1","data":{"code":"1.1","title":"Nhiệm vụ chính trị","maxPoints":10}}
        {"type":"score.submitted","bloc":"TINH","year":2024,"actor":"S1","data":{"member":"S1","criterion":"1.1","points":9}}
        {"type":"score.submitted","bloc":"TINH","year":2024,"actor":"S2","data":{"member":"S2","criterion":"1.1","points":8}}
        {"type":"score.submitted","bloc":"TINH","year":2024,"actor":"S3","data":{"member":"S3","criterion":"1.1","points":7}}
        {"type":"score.submitted","bloc":"TINH","year":2024,"actor":"S4","data":{"member":"S4","criterion":"1.1","points":6}}
        {"type":"registration.submitted","bloc":"TINH","year":2024,"actor":"S2","data":{"member":"S2","targets":["Hoàn thành xuất sắc"],"titlesSought":["provincial-certificate"]}}
        {"type":"election.opened","bloc":"TINH","year":2024,"actor":"S1","data":{"election":"CO-2024","office":"award","award":"provincial-flag","seats":1,"candidates":["S1","S2"]}}
        {"type":"vote.cast","bloc":"TINH","year":2024,"actor":"S1","data":{"election":"CO-2024","voter":"S1","choices":["S1"]}}
        {"type":"vote.cast","bloc":"TINH","year":2024,"actor":"S2","data":{"election":"CO-2024","voter":"S2","choices":["S1"]}}
        {"type":"vote.cast","bloc":"TINH","year":2024,"actor":"S3","data":{"election":"CO-2024","voter":"S3","choices":["S1"]}}
        {"type":"election.closed","bloc":"TINH","year":2024,"actor":"S1","data":{"election":"CO-2024"}}
        {"type":"scores.finalized","bloc":"TINH","year":2024,"actor":"S1","data":{}}
        {"type":"award.proposed","bloc":"TINH","year":2024,"actor":"S1","data":{"member":"S1","kind":"provincial-flag","election":"CO-2024"}}
        {"type":"award.proposed","bloc":"TINH","year":2024,"actor":"S1","data":{"member":"S2","kind":"provincial-certificate"}}
        {"type":"award.proposed","bloc":"TINH","year":2024,"actor":"S1","data":{"member":"S3","kind":"provincial-certificate"}}
        {"type":"award.withdrawn","bloc":"TINH","year":2024,"actor":"S1","data":{"member":"S3","kind":"provincial-certificate","reason":"Xin rút"}}
        {"type":"award.proposed","bloc":"TINH","year":2024,"actor":"S1","data":{"member":"S4","kind":"provincial-certificate"}}
        {"type":"award.decided","bloc":"TINH","year":2024,"actor":"secretariat","data":{"member":"S1","kind":"provincial-flag","outcome":"granted","decision":"QĐ số 15/QĐ-UBND","date":"2025-02-10"}}
        {"type":"rules.adopted","bloc":"TINH","actor":"secretariat","data":{"fromYear":2025,"certificateLimit":1}}
        {"type":"year.opened","bloc":"TINH","year":2025,"actor":"secretariat","data":{"members":[{"code":"S1","name":"Sở Một"},{"code":"S2","name":"Sở Hai"}],"head":"S2"}}
        {"type":"registration.submitted","bloc":"TINH","year":2025,"actor":"S1","data":{"member":"S1","targets":["Dẫn đầu"],"titlesSought":["government-flag"]}}
        """#

    /// Every type and most rules' edges, accepted by thidua: a lowered maximum, a retired criterion, a member withdrawn and
    /// admitted again, a voided vote, secret tallies replaced, award elections, a withdrawn proposal, decisions in a closed
    /// year, a reopened year. Rules are adopted for 2020 after the head election (a majority of 3/4 would have left it
    /// short, and A2 would not be head to open the next one) and after the proposals (limits of 0 would refuse them):
    /// re-deciding with the rules in force at each position, not the last ones, is what accepts them.
    /// The 2024 head opens the 2025 head and deputies elections in the 2024 stream; the sitting officers stay; 2025 opens
    /// with the officers elected for it and a basis on two lines. Every event carries its occurredAt, in order.
    static let nextTerm = #"""
        {"type":"bloc.founded","bloc":"NHKY","actor":"secretariat","occurredAt":"2023-12-01T08:00:00+07:00","data":{"name":"Khối thi đua tỉnh"}}
        {"type":"year.opened","bloc":"NHKY","year":2024,"actor":"secretariat","occurredAt":"2024-01-05T08:00:00+07:00","data":{"members":[{"code":"S1","name":"Sở 1"},{"code":"S2","name":"Sở 2"},{"code":"S3","name":"Sở 3"}],"head":"S1","deputies":["S2"]}}
        {"type":"criterion.set","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-01-10T08:00:00+07:00","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":10}}
        {"type":"score.submitted","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-06-01T08:00:00+07:00","data":{"member":"S1","criterion":"1.1","points":9}}
        {"type":"score.reviewed","bloc":"NHKY","year":2024,"actor":"S2","occurredAt":"2024-06-02T08:00:00+07:00","data":{"member":"S1","criterion":"1.1","points":8.5,"reason":"Thẩm định"}}
        {"type":"election.opened","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-20T08:00:00+07:00","data":{"election":"HEAD-2025","office":"head","seats":1,"candidates":["S2","S3"],"term":2025}}
        {"type":"vote.cast","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-20T09:00:00+07:00","data":{"election":"HEAD-2025","voter":"S1","choices":["S3"]}}
        {"type":"vote.cast","bloc":"NHKY","year":2024,"actor":"S2","occurredAt":"2024-12-20T09:01:00+07:00","data":{"election":"HEAD-2025","voter":"S2","choices":["S3"]}}
        {"type":"vote.cast","bloc":"NHKY","year":2024,"actor":"S3","occurredAt":"2024-12-20T09:02:00+07:00","data":{"election":"HEAD-2025","voter":"S3","choices":["S3"]}}
        {"type":"election.closed","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-20T10:00:00+07:00","data":{"election":"HEAD-2025"}}
        {"type":"election.opened","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-20T10:30:00+07:00","data":{"election":"DEP-2025","office":"deputy","seats":1,"candidates":["S1","S2"],"method":"secret","term":2025}}
        {"type":"ballots.tallied","bloc":"NHKY","year":2024,"actor":"S2","occurredAt":"2024-12-20T11:00:00+07:00","data":{"election":"DEP-2025","ballots":3,"counts":{"S1":3}}}
        {"type":"election.closed","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-20T11:05:00+07:00","data":{"election":"DEP-2025"}}
        {"type":"scores.finalized","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-21T08:00:00+07:00","data":{}}
        {"type":"pact.drafted","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-21T09:00:00+07:00","data":{"clauses":["Điều 1"]}}
        {"type":"pact.signed","bloc":"NHKY","year":2024,"actor":"S3","occurredAt":"2024-12-21T09:30:00+07:00","data":{"member":"S3","signatory":"Lê Văn C"}}
        {"type":"award.proposed","bloc":"NHKY","year":2024,"actor":"S2","occurredAt":"2024-12-22T08:00:00+07:00","data":{"member":"S1","kind":"pm-certificate"}}
        {"type":"year.closed","bloc":"NHKY","year":2024,"actor":"S1","occurredAt":"2024-12-30T08:00:00+07:00","data":{}}
        {"type":"year.opened","bloc":"NHKY","year":2025,"actor":"secretariat","occurredAt":"2025-01-03T08:00:00+07:00","data":{"members":[{"code":"S1","name":"Sở 1"},{"code":"S2","name":"Sở 2"},{"code":"S3","name":"Sở 3"}],"head":"S3","deputies":["S1"],"basis":"Kế thừa năm 2024;\nbầu tại HEAD-2025, DEP-2025"}}
        {"type":"criterion.set","bloc":"NHKY","year":2025,"actor":"S3","occurredAt":"2025-01-10T08:00:00+07:00","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":10}}
        """#

    static let everyType = #"""
        {"type":"bloc.founded","bloc":"RICH","actor":"secretariat","data":{"name":"Khối thi đua thử nghiệm","organiser":"Ban Thi đua"}}
        {"type":"year.opened","bloc":"RICH","year":2020,"actor":"secretariat","data":{"members":[{"code":"A1","name":"Cơ quan A1"},{"code":"A2","name":"Cơ quan A2"},{"code":"A3","name":"Cơ quan A3"},{"code":"A4","name":"Cơ quan A4"}],"head":"A1","deputies":["A2"]}}
        {"type":"criterion.set","bloc":"RICH","year":2020,"actor":"A1","data":{"code":"1.1","title":"Nhiệm vụ chính trị","maxPoints":10}}
        {"type":"criterion.set","bloc":"RICH","year":2020,"actor":"A1","data":{"code":"1.2","title":"Chương trình công tác","maxPoints":5,"group":"I"}}
        {"type":"criterion.set","bloc":"RICH","year":2020,"actor":"A2","data":{"code":"B.1","title":"Sáng kiến","maxPoints":2,"kind":"bonus"}}
        {"type":"criterion.set","bloc":"RICH","year":2020,"actor":"A2","data":{"code":"P.1","title":"Vi phạm","maxPoints":3,"kind":"penalty"}}
        {"type":"score.submitted","bloc":"RICH","year":2020,"actor":"A1","data":{"member":"A1","criterion":"1.1","points":9.5,"evidence":"Báo cáo số 1"}}
        {"type":"score.submitted","bloc":"RICH","year":2020,"actor":"A2","data":{"member":"A2","criterion":"1.1","points":8}}
        {"type":"score.submitted","bloc":"RICH","year":2020,"actor":"A3","data":{"member":"A3","criterion":"1.1","points":7.25}}
        {"type":"score.submitted","bloc":"RICH","year":2020,"actor":"secretariat","data":{"member":"A4","criterion":"1.1","points":6}}
        {"type":"score.reviewed","bloc":"RICH","year":2020,"actor":"A2","data":{"member":"A3","criterion":"1.1","points":7,"reason":"Thẩm định"}}
        {"type":"criterion.set","bloc":"RICH","year":2020,"actor":"A1","data":{"code":"1.1","title":"Nhiệm vụ chính trị","maxPoints":9.5}}
        {"type":"criterion.retired","bloc":"RICH","year":2020,"actor":"A1","data":{"code":"1.2","reason":"Gộp vào 1.1"}}
        {"type":"score.submitted","bloc":"RICH","year":2020,"actor":"A1","data":{"member":"A1","criterion":"B.1","points":2}}
        {"type":"score.submitted","bloc":"RICH","year":2020,"actor":"A2","data":{"member":"A2","criterion":"P.1","points":1}}
        {"type":"member.withdrawn","bloc":"RICH","year":2020,"actor":"A1","data":{"code":"A4","reason":"Sáp nhập"}}
        {"type":"member.admitted","bloc":"RICH","year":2020,"actor":"A1","data":{"code":"A4","name":"Cơ quan A4 (mới)"}}
        {"type":"election.opened","bloc":"RICH","year":2020,"actor":"A1","data":{"election":"HEAD","office":"head","seats":1,"candidates":["A2","A3"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A1","data":{"election":"HEAD","voter":"A1","choices":["A2"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"HEAD","voter":"A2","choices":["A2"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A3","data":{"election":"HEAD","voter":"A3","choices":["A2"]}}
        {"type":"vote.voided","bloc":"RICH","year":2020,"actor":"A1","data":{"election":"HEAD","voter":"A3","reason":"Phiếu ghi sai"}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A3","data":{"election":"HEAD","voter":"A3","choices":["A2"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A4","data":{"election":"HEAD","voter":"A4","choices":["A3"]}}
        {"type":"election.closed","bloc":"RICH","year":2020,"actor":"A1","data":{"election":"HEAD"}}
        {"type":"rules.adopted","bloc":"RICH","actor":"secretariat","data":{"fromYear":2020,"majority":"3/4","quorum":1,"flagLimit":1,"certificateLimit":1}}
        {"type":"election.opened","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"DEP","office":"deputy","seats":2,"candidates":["A1","A3","A4"],"method":"secret"}}
        {"type":"ballots.tallied","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"DEP","ballots":4,"counts":{"A1":3,"A3":3,"A4":2}}}
        {"type":"ballots.tallied","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"DEP","ballots":4,"invalid":0,"counts":{"A1":4,"A3":4,"A4":0}}}
        {"type":"election.closed","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"DEP"}}
        {"type":"officers.appointed","bloc":"RICH","year":2020,"actor":"A3","data":{"head":"A2","deputies":["A1","A3"],"basis":"Biên bản hội nghị"}}
        {"type":"pact.drafted","bloc":"RICH","year":2020,"actor":"A2","data":{"clauses":["Hoàn thành xuất sắc nhiệm vụ","Đẩy mạnh phong trào\nthi đua"]}}
        {"type":"pact.signed","bloc":"RICH","year":2020,"actor":"A1","data":{"member":"A1","signatory":"Nguyễn Văn A","title":"Thủ trưởng"}}
        {"type":"pact.signed","bloc":"RICH","year":2020,"actor":"A2","data":{"member":"A2","signatory":"Trần Thị B"}}
        {"type":"pact.signed","bloc":"RICH","year":2020,"actor":"secretariat","data":{"member":"A3","signatory":"Lê Văn C"}}
        {"type":"pact.signed","bloc":"RICH","year":2020,"actor":"A4","data":{"member":"A4","signatory":"Phạm Văn D"}}
        {"type":"registration.submitted","bloc":"RICH","year":2020,"actor":"A1","data":{"member":"A1","targets":["Cờ thi đua"],"titlesSought":["government-flag"]}}
        {"type":"scores.finalized","bloc":"RICH","year":2020,"actor":"A2","data":{}}
        {"type":"election.opened","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"AWD","office":"award","award":"government-flag","seats":1,"candidates":["A1"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A1","data":{"election":"AWD","voter":"A1","choices":["A1"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"AWD","voter":"A2","choices":["A1"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A3","data":{"election":"AWD","voter":"A3","choices":["A1"]}}
        {"type":"vote.cast","bloc":"RICH","year":2020,"actor":"A4","data":{"election":"AWD","voter":"A4","choices":["A1"]}}
        {"type":"election.closed","bloc":"RICH","year":2020,"actor":"A2","data":{"election":"AWD"}}
        {"type":"award.proposed","bloc":"RICH","year":2020,"actor":"secretariat","data":{"member":"A1","kind":"government-flag","basis":"Dẫn đầu Khối","election":"AWD"}}
        {"type":"award.proposed","bloc":"RICH","year":2020,"actor":"secretariat","data":{"member":"A2","kind":"pm-certificate"}}
        {"type":"award.withdrawn","bloc":"RICH","year":2020,"actor":"A2","data":{"member":"A2","kind":"pm-certificate","reason":"Rút đề nghị"}}
        {"type":"award.proposed","bloc":"RICH","year":2020,"actor":"secretariat","data":{"member":"A3","kind":"pm-certificate"}}
        {"type":"rules.adopted","bloc":"RICH","actor":"secretariat","data":{"fromYear":2020,"majority":0.9,"quorum":1,"flagLimit":0,"certificateLimit":0}}
        {"type":"year.closed","bloc":"RICH","year":2020,"actor":"A2","data":{}}
        {"type":"award.decided","bloc":"RICH","year":2020,"actor":"secretariat","data":{"member":"A1","kind":"government-flag","outcome":"granted","decision":"Quyết định số 1","date":"2021-01-15"}}
        {"type":"award.decided","bloc":"RICH","year":2020,"actor":"A2","data":{"member":"A3","kind":"pm-certificate","outcome":"rejected","decision":"Quyết định số 2","date":"2021-01-15T08:00:00+07:00"}}
        {"type":"year.reopened","bloc":"RICH","year":2020,"actor":"secretariat","data":{"reason":"Bổ sung hồ sơ"}}
        {"type":"year.closed","bloc":"RICH","year":2020,"actor":"A2","data":{}}
        {"type":"year.opened","bloc":"RICH","year":2021,"actor":"secretariat","data":{"members":[{"code":"A1","name":"Cơ quan A1"},{"code":"A2","name":"Cơ quan A2"}]}}
        {"type":"election.opened","bloc":"RICH","year":2021,"actor":"secretariat","data":{"election":"HEAD","office":"head","seats":1,"candidates":["A1","A2"]}}
        {"type":"vote.cast","bloc":"RICH","year":2021,"actor":"A1","data":{"election":"HEAD","voter":"A1","choices":["A1"]}}
        {"type":"vote.cast","bloc":"RICH","year":2021,"actor":"A2","data":{"election":"HEAD","voter":"A2","choices":["A2"]}}
        {"type":"election.closed","bloc":"RICH","year":2021,"actor":"secretariat","data":{"election":"HEAD"}}
        {"type":"officers.appointed","bloc":"RICH","year":2021,"actor":"secretariat","data":{"head":"A2","basis":"Luân phiên"}}
        """#
}

/// Rows forged at the head of the demo log (2018: eight members, head BKTTW, deputies UBKTTW and BDVTW, criteria from 15
/// points down, nothing finalized; 2017 closed) with a recomputed chain; the row at `breakingIndex` breaks `code`.
struct ForgedBreak: Sendable, CustomTestStringConvertible {
    let name: String
    let rows: [ForgedRow]
    let code: String
    /// The code `thidua append` refuses the same events with as input lines; nil where a line cannot hold what the row holds
    /// (a stream, a schema, text the envelope normalises) or where thidua's own rules gain the bound on another branch.
    var appendCode: String?
    /// Whether `thidua verify` re-deciding the log finds it (text the envelope checks on input is not re-checked there).
    var thiduaVerifyFinds = true
    var breakingIndex: Int

    init(_ name: String, _ rows: [ForgedRow], _ code: String, append: String?? = .none, thiduaVerifyFinds: Bool = true,
         breakingIndex: Int? = nil) {
        self.name = name
        self.rows = rows
        self.code = code
        self.appendCode = append ?? code
        self.thiduaVerifyFinds = thiduaVerifyFinds
        self.breakingIndex = breakingIndex ?? rows.count - 1
    }

    var breaking: ForgedRow { rows[breakingIndex] }
    var testDescription: String { name }

    /// Writes the demo log into `cli`'s directory, inserts the rows; returns the breaking row's position.
    func insert(in cli: Thidua) throws -> Int {
        try TamperCorpus.clean.get().write(to: URL(fileURLWithPath: cli.database))
        let (sql, first) = try Forgery.insert(rows, into: cli)
        try cli.sqlite(sql)
        return first + breakingIndex
    }

    static func y2018(_ type: String, _ actor: String, _ data: String) -> ForgedRow {
        ForgedRow(type: type, stream: "BDTW/2018", actor: actor, data: data)
    }

    static let sha = String(repeating: "ab", count: 32)

    /// A self-score of schema 2 with `list` as its evidence.
    static func evidence(_ list: String) -> ForgedRow {
        ForgedRow(type: "score.submitted", stream: "BDTW/2018", actor: "BKTTW",
                  data: #"{"criterion":"1.1","evidence":\#(list),"member":"BKTTW","points":1}"#, schema: 2)
    }

    static let score99 = y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":99}"#)
    static let score15 = y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":15}"#)
    static let finalized = y2018("scores.finalized", "BKTTW", "{}")

    static let all: [ForgedBreak] = [
        ForgedBreak("a score over its criterion's maximum", [score99], "points-over-maximum"),
        ForgedBreak("a vote dated before its election was opened", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW"],"election":"E.V","office":"deputy","seats":1}"#),
            ForgedRow(type: "vote.cast", stream: "BDTW/2018", actor: "BNCTW", data: #"{"choices":["UBKTTW"],"election":"E.V","voter":"BNCTW"}"#,
                      occurredAt: "2018-05-01T08:00:00+07:00"),
        ], "out-of-order-time"),
        ForgedBreak("a year opened in the year 0000, before the year before it began", [
            ForgedRow(type: "year.opened", stream: "BDTW/2019", actor: "secretariat",
                      data: #"{"members":[{"code":"A","name":"Cơ quan A"},{"code":"B","name":"Cơ quan B"}]}"#, occurredAt: "0000-01-01T00:00:00Z"),
        ], "out-of-order-time"),
        ForgedBreak("an event dated long after it was recorded", [
            ForgedRow(type: "member.admitted", stream: "BDTW/2018", actor: "BKTTW", data: #"{"code":"BMOI","name":"Ban Mới"}"#,
                      occurredAt: "2999-01-01T00:00:00Z"),
        ], "out-of-order-time"),
        ForgedBreak("the head reviewing its own score", [
            y2018("score.reviewed", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":1,"reason":"Tự thẩm định"}"#),
        ], "self-review"),
        ForgedBreak("a head elected for a term two years on", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW"],"election":"E.N","office":"head","seats":1,"term":2020}"#),
        ], "bad-term"),
        ForgedBreak("a negative score", [y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":-1}"#)],
                    "negative-points"),
        ForgedBreak("a vote by a non-member", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW"],"election":"E.X","office":"deputy","seats":1}"#),
            y2018("vote.cast", "XYZ", #"{"choices":["UBKTTW"],"election":"E.X","voter":"XYZ"}"#),
        ], "not-a-member"),
        ForgedBreak("a vote in a secret ballot", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW"],"election":"E.K","method":"secret","office":"deputy","seats":1}"#),
            y2018("vote.cast", "BNCTW", #"{"choices":["UBKTTW"],"election":"E.K","voter":"BNCTW"}"#),
        ], "secret-ballot"),
        ForgedBreak("a tally counting more votes than ballots", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW","BDVTW"],"election":"E.T","method":"secret","office":"deputy","seats":1}"#),
            y2018("ballots.tallied", "BKTTW", #"{"ballots":8,"counts":{"UBKTTW":9},"election":"E.T"}"#),
        ], "count-over-ballots"),
        ForgedBreak("scores finalized by a member who is no officer", [y2018("scores.finalized", "BNCTW", "{}")], "not-allowed"),
        ForgedBreak("a score recorded by another member", [
            y2018("score.submitted", "BNCTW", #"{"criterion":"1.1","member":"BKTTW","points":1}"#),
        ], "not-allowed"),
        ForgedBreak("the government flag proposed for a member not ranked first", [
            score15, finalized, y2018("award.proposed", "secretariat", #"{"kind":"government-flag","member":"BNCTW"}"#),
        ], "not-first"),
        ForgedBreak("a kind no rule put in force (the national kinds are)", [
            y2018("award.proposed", "secretariat", #"{"kind":"provincial-flag","member":"BNCTW"}"#),
        ], "unknown-award-kind"),
        ForgedBreak("a registration seeking a kind not in force", [
            y2018("registration.submitted", "BNCTW", #"{"member":"BNCTW","targets":["Dẫn đầu"],"titlesSought":["pm-certificate","district-flag"]}"#),
        ], "unknown-award-kind"),
        ForgedBreak("an award kind in capitals", [
            y2018("registration.submitted", "BNCTW", #"{"member":"BNCTW","targets":["Dẫn đầu"],"titlesSought":["Government-Flag"]}"#),
        ], "bad-award-kind"),
        ForgedBreak("an adopted kind proposed beyond its limit", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat",
                      data: #"{"awards":[{"kind":"giay-khen","limit":0,"name":"Giấy khen","onlyFirst":false}],"fromYear":2018}"#),
            score15, finalized, y2018("award.proposed", "secretariat", #"{"kind":"giay-khen","member":"BNCTW"}"#),
        ], "award-limit"),
        ForgedBreak("an adopted list naming a kind twice", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat",
                      data: #"{"awards":[{"kind":"co","name":"Cờ","onlyFirst":true},{"kind":"co","name":"Cờ khác","onlyFirst":false}],"fromYear":2019}"#),
        ], "duplicate-award-kind"),
        ForgedBreak("an adopted list of no awards", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat", data: #"{"awards":[],"fromYear":2019}"#),
        ], "no-award-kinds"),
        ForgedBreak("a national limit beside an adopted list", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat",
                      data: #"{"awards":[{"kind":"co","name":"Cờ","onlyFirst":true}],"flagLimit":2,"fromYear":2019}"#),
        ], "unexpected-field"),
        ForgedBreak("an award decided on a date that does not exist", [
            score15, finalized, y2018("award.proposed", "secretariat", #"{"kind":"pm-certificate","member":"BNCTW"}"#),
            y2018("award.decided", "secretariat",
                  #"{"date":"2019-02-30","decision":"QĐ 1","kind":"pm-certificate","member":"BNCTW","outcome":"granted"}"#),
        ], "bad-date"),
        ForgedBreak("a year closed before its scores are final", [y2018("year.closed", "BKTTW", "{}")], "not-finalized"),
        ForgedBreak("an election listing a candidate twice", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW","UBKTTW"],"election":"E.D","office":"deputy","seats":1}"#),
        ], "duplicate-candidate"),
        // Seats ≤ candidates and whole numbers ≤ 1,000,000 come to thidua's own rules with the input bounds of issue 10.
        ForgedBreak("an election with more seats than candidates", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW"],"election":"E.S","office":"deputy","seats":2}"#),
        ], "bad-seats", append: .some(nil)),
        ForgedBreak("a whole number beyond the bound", [
            y2018("election.opened", "BKTTW", #"{"candidates":["UBKTTW"],"election":"E.B","office":"deputy","seats":2000000}"#),
        ], "number-too-large", append: .some(nil)),
        ForgedBreak("a year event before year.opened", [
            ForgedRow(type: "score.submitted", stream: "BDTW/2019", actor: "BKTTW", data: #"{"criterion":"1.1","member":"BKTTW","points":1}"#),
        ], "year-not-open"),
        ForgedBreak("a score in a closed year", [
            ForgedRow(type: "score.submitted", stream: "BDTW/2017", actor: "BNCTW", data: #"{"criterion":"1.1","member":"BNCTW","points":1}"#),
        ], "year-closed"),
        ForgedBreak("a year of a bloc never founded", [
            ForgedRow(type: "year.opened", stream: "KHAC/2018", actor: "secretariat",
                      data: #"{"members":[{"code":"A","name":"Cơ quan A"},{"code":"B","name":"Cơ quan B"}]}"#),
        ], "no-bloc"),
        ForgedBreak("a bloc event recorded by a member", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "BKTTW", data: #"{"fromYear":2019}"#),
        ], "not-allowed"),
        ForgedBreak("a bloc founded twice", [
            ForgedRow(type: "bloc.founded", stream: "BDTW", actor: "secretariat", data: #"{"name":"Khối mới"}"#),
        ], "bloc-exists"),
        ForgedBreak("a quorum above 1", [
            ForgedRow(type: "rules.adopted", stream: "BDTW", actor: "secretariat", data: #"{"fromYear":2019,"quorum":"3/2"}"#),
        ], "bad-fraction"),
        ForgedBreak("an unknown field in the data", [
            y2018("score.submitted", "BKTTW", #"{"bonus":1,"criterion":"1.1","member":"BKTTW","points":1}"#),
        ], "unknown-field"),
        ForgedBreak("a missing field", [y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW"}"#)], "missing-field"),
        ForgedBreak("points given as text", [
            y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":"15"}"#),
        ], "wrong-type"),
        ForgedBreak("points with three decimals", [
            y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":1.125}"#),
        ], "bad-points"),
        ForgedBreak("a code in lower case", [
            y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"bkttw","points":1}"#),
        ], "bad-code"),
        ForgedBreak("an actor that is no code", [y2018("scores.finalized", "ban kinh te", "{}")], "bad-code"),
        ForgedBreak("a member's name on two lines", [
            y2018("member.admitted", "BKTTW", #"{"code":"BMOI","name":"Ban\nMới"}"#),
        ], "multi-line-text"),
        ForgedBreak("a bidi override in a criterion's title", [
            y2018("criterion.set", "BKTTW", #"{"code":"9.9","maxPoints":1,"title":"Tiêu chí \u202E"}"#),
        ], "bidi-control"),
        ForgedBreak("a field given twice", [
            y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW","points":1,"points":2}"#),
        ], "malformed-json"),
        ForgedBreak("an unknown type", [y2018("score.deleted", "BKTTW", #"{"criterion":"1.1","member":"BKTTW"}"#)], "unknown-type"),
        ForgedBreak("an unknown schema", [
            ForgedRow(type: "score.submitted", stream: "BDTW/2018", actor: "BKTTW",
                      data: #"{"criterion":"1.1","member":"BKTTW","points":1}"#, schema: 3),
        ], "unknown-schema"),
        ForgedBreak("schema 2 of a type that has only schema 1", [
            ForgedRow(type: "scores.finalized", stream: "BDTW/2018", actor: "BKTTW", data: "{}", schema: 2),
        ], "unknown-schema"),
        // Evidence documents (score.submitted schema 2, EventLog/EVENTS.md): each refusal of its list.
        ForgedBreak("a sha256 in capitals", [evidence(#"[{"title":"Báo cáo","sha256":"\#(String(repeating: "A", count: 64))","bytes":1}]"#)],
                    "bad-sha256"),
        ForgedBreak("a sha256 one digit short", [evidence(#"[{"title":"Báo cáo","sha256":"\#(String(repeating: "a", count: 63))","bytes":1}]"#)],
                    "bad-sha256"),
        ForgedBreak("a negative document size", [evidence(#"[{"title":"Báo cáo","sha256":"\#(sha)","bytes":-1}]"#)], "bad-bytes"),
        ForgedBreak("a document size beyond the limit", [evidence(#"[{"title":"Báo cáo","sha256":"\#(sha)","bytes":268435457}]"#)],
                    "bad-bytes"),
        ForgedBreak("a size with decimals", [evidence(#"[{"title":"Báo cáo","sha256":"\#(sha)","bytes":1.5}]"#)], "wrong-type"),
        ForgedBreak("a media type that is no type/subtype", [evidence(#"[{"title":"Báo cáo","sha256":"\#(sha)","bytes":1,"mediaType":"pdf"}]"#)],
                    "bad-media-type"),
        ForgedBreak("a media type in capitals", [evidence(#"[{"title":"Báo cáo","sha256":"\#(sha)","bytes":1,"mediaType":"Application/PDF"}]"#)],
                    "bad-media-type"),
        ForgedBreak("a document cited twice", [
            evidence(#"[{"title":"A","sha256":"\#(sha)","bytes":1},{"title":"B","sha256":"\#(sha)","bytes":1}]"#),
        ], "duplicate-evidence"),
        ForgedBreak("more documents than a score may cite", [
            evidence("[" + Array(repeating: #"{"title":"T"}"#, count: 101).joined(separator: ",") + "]"),
        ], "too-much-evidence"),
        ForgedBreak("a size without its sha256", [evidence(#"[{"title":"Báo cáo","bytes":1}]"#)], "missing-field"),
        ForgedBreak("a sha256 without its size", [evidence(#"[{"title":"Báo cáo","sha256":"\#(sha)"}]"#)], "missing-field"),
        ForgedBreak("a document title on two lines", [evidence(#"[{"title":"Báo\ncáo"}]"#)], "multi-line-text"),
        ForgedBreak("a field a document does not have", [evidence(#"[{"title":"Báo cáo","page":3}]"#)], "unknown-field"),
        ForgedBreak("evidence text under schema 2", [evidence(#""Báo cáo số 12""#)], "wrong-type"),
        ForgedBreak("a list of documents under schema 1", [
            y2018("score.submitted", "BKTTW", #"{"criterion":"1.1","evidence":[{"title":"Báo cáo"}],"member":"BKTTW","points":1}"#),
        ], "wrong-type"),
        // A line says bloc and year, never a stream: these rows hold what no line can.
        ForgedBreak("a bloc event in a year's stream", [
            y2018("bloc.founded", "secretariat", #"{"name":"Khối mới"}"#),
        ], "stream-mismatch", append: .some(nil)),
        ForgedBreak("a stream that names no year thidua knows", [
            ForgedRow(type: "score.submitted", stream: "BDTW/1800", actor: "BKTTW", data: #"{"criterion":"1.1","member":"BKTTW","points":1}"#),
        ], "bad-stream", append: .some(nil)),
        // The envelope refuses control characters and normalises text to NFC on input; both verifiers look again.
        ForgedBreak("a control character in a reason", [
            y2018("member.withdrawn", "BKTTW", #"{"code":"BNCTW","reason":"Lý do\u0007"}"#),
        ], "control-character"),
        ForgedBreak("text stored decomposed, not NFC", [
            y2018("member.withdrawn", "BKTTW", #"{"code":"BNCTW","reason":"Co\u0302ng va\u0306n"}"#),
        ], "not-nfc", append: .some(nil)),
        ForgedBreak("the first break is named when valid rows follow it", [score99, score15], "points-over-maximum", breakingIndex: 0),
    ] + signatureBreaks.map(\.0)
}
