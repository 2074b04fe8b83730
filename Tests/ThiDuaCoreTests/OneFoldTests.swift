import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog

@Suite("One fold: the Ledger decides and evolves as the per-stream fold did, and re-deciding agrees with deciding")
struct OneFoldTests {
    /// Proposals across two years of one bloc and its rules, interleaved at random; each is kept with
    /// whether the ledger accepted it.
    static func randomAttempts(seed: UInt64, count: Int = 600) throws -> (attempts: [(ProposedEvent, accepted: Bool)], ledger: Ledger) {
        var random = SeededRandom(state: seed)
        var f = try Fixture.opened()
        try f.record("year.opened", year: 2018, #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"},{"code":"C","name":"Ban C"}],"head":"B"}"#)
        try f.record("criterion.set", year: 2018, as: "B", #"{"code":"1.1","title":"t","maxPoints":10}"#)
        var attempts: [(ProposedEvent, Bool)] = []
        let members = ["A", "B", "C", "D"]
        for step in 0..<count {
            let year = Bool.random(using: &random) ? 2017 : 2018
            let m = members.randomElement(using: &random)!
            let officer = ["A", "B", "C", "secretariat"].randomElement(using: &random)!
            let points = "\(Int.random(in: 0...22, using: &random))"
            let election = "E\(step % 5)"
            let choice = members.randomElement(using: &random)!
            let proposals: [(String, Int?, String, String)] = [
                ("score.submitted", year, m, #"{"member":"\#(m)","criterion":"1.1","points":\#(points)}"#),
                ("score.reviewed", year, officer, #"{"member":"\#(m)","criterion":"1.1","points":\#(points),"reason":"r"}"#),
                ("criterion.set", year, officer, #"{"code":"1.1","title":"t","maxPoints":\#(Int.random(in: 5...25, using: &random))}"#),
                ("election.opened", year, officer, #"{"election":"\#(election)","office":"head","seats":1,"candidates":["A","B","C"]}"#),
                ("vote.cast", year, m, #"{"election":"\#(election)","voter":"\#(m)","choices":["\#(choice)"]}"#),
                ("election.closed", year, officer, #"{"election":"\#(election)"}"#),
                ("rules.adopted", nil, officer, #"{"fromYear":\#(year),"quorum":"\#(Int.random(in: 1...3, using: &random))/3","majority":0.5}"#),
                ("member.withdrawn", year, officer, #"{"code":"\#(m)","reason":"r"}"#),
                ("member.admitted", year, officer, #"{"code":"\#(m)","name":"again"}"#),
            ]
            let weights = [30, 8, 4, 3, 12, 4, 3, 1, 1]
            var pick = Int.random(in: 0..<weights.reduce(0, +), using: &random)
            var index = 0
            while pick >= weights[index] { pick -= weights[index]; index += 1 }
            let (type, y, actor, data) = proposals[index]
            let event = try f.event(type, year: y, as: actor, data)
            attempts.append((event, (try? f.ledger.record(event)) != nil))
        }
        return (attempts, f.ledger)
    }

    /// The fold as it was before there was one: each stream's state in a dictionary, each year event
    /// evolved with its bloc's rules as they stand.
    static func perStreamFold(_ events: [(DomainEvent, StreamID)]) -> [StreamID: YearState] {
        var blocs: [String: BlocState] = [:]
        var years: [StreamID: YearState] = [:]
        for (event, stream) in events {
            if let year = stream.year {
                let rules = blocs[stream.bloc]?.rules(forYear: year) ?? .defaults
                years[stream, default: YearState(bloc: stream.bloc, year: year)].evolve(event, rules: rules)
            } else {
                blocs[stream.bloc, default: BlocState(code: stream.bloc)].evolve(event)
            }
        }
        return years
    }

    static func setup() throws -> [(DomainEvent, StreamID)] {
        var f = try Fixture.opened()
        var events: [(DomainEvent, StreamID)] = []
        for line in [
            ("bloc.founded", nil as Int?, "secretariat", #"{"name":"Khối thi đua các ban đảng Trung ương"}"#),
            ("year.opened", 2017, "secretariat", #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"},{"code":"C","name":"Ban C"},{"code":"D","name":"Ban D"}],"head":"A","deputies":["B"]}"#),
            ("criterion.set", 2017, "A", #"{"code":"1.1","title":"Nhiệm vụ chính trị","maxPoints":20}"#),
            ("criterion.set", 2017, "A", #"{"code":"2.1","title":"Sáng kiến","maxPoints":5,"kind":"bonus"}"#),
            ("criterion.set", 2017, "A", #"{"code":"3.1","title":"Vi phạm","maxPoints":5,"kind":"penalty"}"#),
            ("year.opened", 2018, "secretariat", #"{"members":[{"code":"A","name":"Ban A"},{"code":"B","name":"Ban B"},{"code":"C","name":"Ban C"}],"head":"B"}"#),
            ("criterion.set", 2018, "B", #"{"code":"1.1","title":"t","maxPoints":10}"#),
        ] {
            let event = try f.event(line.0, year: line.1, as: line.2, line.3)
            events.append((try DomainEvent(type: event.type, actor: event.actor, data: event.data), event.stream))
        }
        return events
    }

    @Test("the ledger's fold equals the per-stream fold on random interleaved histories", arguments: [1, 2, 3, 4, 42] as [UInt64])
    func theLedgerFoldsAsThePerStreamFoldDid(seed: UInt64) throws {
        let (attempts, decided) = try Self.randomAttempts(seed: seed)
        #expect(attempts.filter(\.accepted).count > 100)
        #expect(attempts.contains { $0.0.type == .rulesAdopted && $0.accepted })
        #expect(attempts.contains { $0.0.type == .electionClosed && $0.accepted })
        var history = try Self.setup()
        for (event, accepted) in attempts where accepted {
            history.append((try DomainEvent(type: event.type, actor: event.actor, data: event.data), event.stream))
        }
        var ledger = Ledger.initial
        for (event, stream) in history { ledger.evolve(event, in: stream) }
        #expect(ledger.years == Self.perStreamFold(history))
        #expect(ledger.years == decided.years)
    }

    @Test("re-deciding the decoded events from the initial state accepts what was accepted and refuses what was refused",
          arguments: [5, 6, 7] as [UInt64])
    func reDecidingAgreesWithDeciding(seed: UInt64) throws {
        let (attempts, decided) = try Self.randomAttempts(seed: seed)
        var ledger = Ledger.initial
        for (event, stream) in try Self.setup() { try ledger.record(event, in: stream) }
        for (proposed, accepted) in attempts {
            let event = try DomainEvent(type: proposed.type, actor: proposed.actor, data: proposed.data)
            var refused: ThiDuaError?
            do throws(ThiDuaError) { try ledger.decide(event, in: proposed.stream) } catch { refused = error }
            #expect((refused == nil) == accepted, "\(proposed.type.rawValue): \(String(describing: refused))")
            if accepted { ledger.evolve(event, in: proposed.stream) }
        }
        #expect(ledger.years == decided.years)
    }

    @Test func aYearEventSeesTheRulesAsTheyStoodWhenItWasFolded() throws {
        var f = try Fixture.opened()
        try f.record("election.opened", as: "A", #"{"election":"H","office":"head","seats":1,"candidates":["C"]}"#)
        try f.vote("H", "A", ["C"])
        try f.vote("H", "B", ["C"])
        try f.vote("H", "C", ["C"])
        try f.record("election.closed", as: "A", #"{"election":"H"}"#)
        #expect(f.state.head == "C")
        try f.record("rules.adopted", year: nil, #"{"fromYear":2017,"quorum":1}"#)
        #expect(f.state.head == "C")
        #expect(f.state.elections["H"]?.result?.outcome == .elected)
    }

    @Test("logged rows decode or say why not", arguments: [
        ("score.inflated", "{}", "unknown-type"),
        ("score.submitted", "[1]", "wrong-type"),
        ("score.submitted", "{", "malformed-json"),
        ("score.submitted", #"{"member":"A","criterion":"1.1"}"#, "missing-field"),
        ("score.submitted", #"{"member":"A","criterion":"1.1","points":1,"x":1}"#, "unknown-field"),
    ])
    func loggedRowsDecodeOrSayWhy(type: String, data: String, code: String) {
        var data = data
        let error = data.withUTF8 { bytes -> ThiDuaError? in
            do throws(ThiDuaError) {
                _ = try DomainEvent(logged: type, actor: "A", data: bytes)
                return nil
            } catch {
                return error
            }
        }
        #expect(error?.code.rawValue == code)
    }

    @Test("a logged event in the wrong stream, or by an actor that is not a code, breaks a rule", arguments: [
        ("rules.adopted", StreamID(bloc: "BDTW", year: 2017), "secretariat", #"{"fromYear":2017}"#, "stream-mismatch"),
        ("scores.finalized", StreamID(bloc: "BDTW", year: nil), "secretariat", "{}", "stream-mismatch"),
        ("scores.finalized", StreamID(bloc: "BDTW", year: 2017), "a b", "{}", "bad-code"),
    ])
    func envelopeFactsAreDecided(type: String, stream: StreamID, actor: String, data: String, code: String) throws {
        let f = try Fixture.opened()
        var bytes = data
        let event = try bytes.withUTF8 { try DomainEvent(logged: type, actor: actor, data: $0) }
        #expect(throws: ThiDuaError.self) { try f.ledger.decide(event, in: stream) }
        do throws(ThiDuaError) { try f.ledger.decide(event, in: stream) } catch { #expect(error.code.rawValue == code) }
    }
}
