import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// Rows read from a log are untrusted: a tampered or foreign file may hold anything the decider
/// would have refused. Folding them and deriving every view from the result must never trap.
struct HostileLog {
    var fixture: Fixture
    static let stream = StreamID(bloc: "BDTW", year: 2017)

    init() throws { fixture = try Fixture.opened() }

    var state: YearState { fixture.ledger.year(Self.stream) }

    /// Folds a stored row the way the store does: decoded from its columns, skipped when it no longer decodes.
    @discardableResult
    mutating func stored(_ type: String, as actor: String = "A", _ data: String, stream: StreamID = HostileLog.stream) -> Bool {
        guard let event = DomainEvent(type: type, actor: actor, data: data) else { return false }
        fixture.ledger.evolve(event, in: stream)
        return true
    }

    /// Folds a payload no decoder would produce today, as a future or foreign decoder might.
    mutating func forged(_ payload: Payload, type: EventType, stream: StreamID = HostileLog.stream) {
        fixture.ledger.evolve(DomainEvent(type: type, actor: "secretariat", payload: payload), in: stream)
    }

    /// Decides an event through the normal path; refusals are fine, traps are not.
    mutating func attempt(_ type: String, as actor: String = "secretariat", _ data: String) {
        _ = fixture.refusal(type, as: actor, data)
    }

    /// Every view a command derives from a year's state.
    static func deriveEverything(_ state: YearState, bloc: BlocState) {
        _ = state.standings
        _ = state.pactInForce
        let document = StateDocument(state)
        _ = document.stateHash
        _ = document.json(position: .max).canonicalText
        if let restored = YearState(snapshot: state.snapshot) { _ = StateDocument(restored).stateHash }
        for election in state.elections.values {
            _ = ElectionRow(election).json.canonicalText
            for rules in [bloc.rules(forYear: state.year), Rules.defaults, HostileLog.extremeRules] {
                for eligible in [0, 1, 4, Int.max, Int.min] { _ = election.result(eligible: eligible, rules: rules) }
            }
        }
        _ = YearDiff.changes(from: YearState(bloc: state.bloc, year: state.year), to: state, events: [])
        _ = YearDiff.changes(from: state, to: YearState(bloc: state.bloc, year: state.year), events: [])
    }

    static let extremeRules = Rules(fromYear: 0, majority: Fraction(Int64.max, Int64.max), quorum: Fraction(Int64.max - 1, Int64.max),
                                    flagLimit: .max, certificateLimit: .min)

    func deriveEverything() {
        for (_, year) in fixture.ledger.years { Self.deriveEverything(year, bloc: fixture.ledger.bloc("BDTW")) }
    }
}

@Suite("No traps: hostile rows in the log fold and derive (issue 10)")
struct HostileLogTests {
    @Test("an election.opened row with duplicate candidates folds, counts and closes", arguments: ["open", "secret"])
    func duplicateCandidates(method: String) throws {
        var log = try HostileLog()
        let decoded = log.stored("election.opened", #"{"election":"E","office":"deputy","seats":2,"candidates":["A","A","B","B"],"method":"\#(method)"}"#)
        #expect(decoded)
        log.stored("vote.cast", as: "C", #"{"election":"E","voter":"C","choices":["A","A"]}"#)
        log.stored("vote.cast", as: "D", #"{"election":"E","voter":"D","choices":["A","B","Z"]}"#)
        log.stored("ballots.tallied", #"{"election":"E","ballots":3,"counts":{"A":3,"B":2,"Z":9}}"#)
        let election = try #require(log.state.elections["E"])
        #expect(election.counts["A"] != nil && election.counts["B"] != nil)
        log.deriveEverything()
        log.attempt("election.closed", #"{"election":"E"}"#)
        log.stored("election.closed", #"{"election":"E"}"#)
        let closed = try #require(log.state.elections["E"]?.result)
        #expect(Set(closed.elected).count == closed.elected.count)
        log.deriveEverything()
    }

    @Test("seats the decider would refuse, stored or forged, do not trap the tally or the result",
          arguments: [0, -5, -1_000_000, 1_000_000, Int.max, Int.min, Int.max - 1])
    func hostileSeats(seats: Int) throws {
        for method in [BallotMethod.open, .secret] {
            var log = try HostileLog()
            let spec = ElectionSpec(id: "E", office: .deputy, seats: seats, candidates: ["A", "B", "C"], method: method, award: nil)
            log.forged(.electionOpened(spec), type: .electionOpened)
            log.attempt("vote.cast", as: "C", #"{"election":"E","voter":"C","choices":["A","B"]}"#)
            log.attempt("ballots.tallied", #"{"election":"E","ballots":4,"invalid":1,"counts":{"A":3,"B":3,"C":1}}"#)
            log.forged(.ballotsTallied(election: "E", ballots: 4, invalid: 0, counts: ["A": 4, "B": 4, "C": 4]), type: .ballotsTallied)
            log.deriveEverything()
            log.attempt("election.closed", #"{"election":"E"}"#)
            log.forged(.electionClosed(election: "E"), type: .electionClosed)
            log.deriveEverything()
        }
    }

    @Test("tallies with impossible numbers fold and close", arguments: [
        (-2, Int.max), (Int.min, 1), (Int.max, Int.min), (0, Int.max), (Int.max, -1), (3, 5),
    ])
    func impossibleTallies(ballots: Int, invalid: Int) throws {
        var log = try HostileLog()
        try log.fixture.record("election.opened", as: "A", #"{"election":"S","office":"deputy","seats":2,"candidates":["A","B","C"],"method":"secret"}"#)
        log.forged(.ballotsTallied(election: "S", ballots: ballots, invalid: invalid,
                                   counts: ["A": .max, "B": .min, "Z": .max, "C": 0]), type: .ballotsTallied)
        let election = try #require(log.state.elections["S"])
        #expect(election.ballots >= 0)
        log.deriveEverything()
        log.attempt("ballots.tallied", #"{"election":"S","ballots":4,"invalid":0,"counts":{"A":4,"B":4}}"#)
        log.attempt("election.closed", #"{"election":"S"}"#)
        log.forged(.electionClosed(election: "S"), type: .electionClosed)
        log.deriveEverything()
    }

    @Test("rules with terms up to Int64.max, forged into the bloc, do not trap a later close", arguments: [
        Fraction(Int64.max, Int64.max), Fraction(Int64.max - 1, Int64.max), Fraction(Int64.max, 1), Fraction(Int64.min, Int64.max),
        Fraction(1, Int64.max), Fraction(0, 0), Fraction(Int64.min, Int64.min), Fraction(Int64.max, -1),
    ])
    func extremeRules(fraction: Fraction) throws {
        var log = try HostileLog()
        let rules = Rules(fromYear: 2000, majority: fraction, quorum: fraction, flagLimit: .max, certificateLimit: .min)
        log.forged(.rulesAdopted(rules), type: .rulesAdopted, stream: StreamID(bloc: "BDTW", year: nil))
        try log.fixture.record("election.opened", as: "A", #"{"election":"H","office":"head","seats":1,"candidates":["A","B"]}"#)
        try log.fixture.vote("H", "C", ["A"])
        try log.fixture.vote("H", "D", ["A"])
        log.attempt("election.closed", #"{"election":"H"}"#)
        #expect(log.state.elections["H"]?.isClosed == true)
        log.deriveEverything()
    }

    @Test("points anywhere in Int64, forged into scores, do not trap the standings", arguments: [
        Int64.max, Int64.min, Int64.max / 2 + 1, -1, 100_000_000_000,
    ])
    func extremePoints(hundredths: Int64) throws {
        var log = try HostileLog()
        for (member, criterion) in [("A", "1.1"), ("A", "2.1"), ("A", "3.1"), ("B", "1.1"), ("B", "3.1")] {
            log.forged(.scoreReviewed(member: member, criterion: criterion, points: Points(hundredths: hundredths), reason: "r"),
                       type: .scoreReviewed)
        }
        log.forged(.scoreSubmitted(member: "B", criterion: "2.1", points: Points(hundredths: -hundredths.magnitude.clampedToInt64), evidence: []),
                   type: .scoreSubmitted)
        let rows = log.state.standings
        #expect(rows.count == 4)
        log.deriveEverything()
        log.attempt("criterion.set", #"{"code":"1.1","title":"t","maxPoints":1}"#)
        log.attempt("award.proposed", #"{"member":"A","kind":"government-flag"}"#)
    }

    @Test("stored rows with hostile numbers in every integer field fold or are skipped", arguments: Hostile.numbers)
    func storedNumbers(value: String) throws {
        var log = try HostileLog()
        let rows: [(String, String)] = [
            ("election.opened", #"{"election":"E","office":"deputy","seats":\#(value),"candidates":["A","A","B"]}"#),
            ("election.opened", #"{"election":"S","office":"award","seats":\#(value),"candidates":["C","B","C"],"method":"secret","award":"pm-certificate"}"#),
            ("vote.cast", #"{"election":"E","voter":"C","choices":["A","B","A"]}"#),
            ("ballots.tallied", #"{"election":"S","ballots":\#(value),"invalid":\#(value),"counts":{"C":\#(value),"Q":\#(value)}}"#),
            ("ballots.tallied", #"{"election":"E","ballots":\#(value),"counts":{"A":\#(value)}}"#),
            ("score.submitted", #"{"member":"A","criterion":"1.1","points":\#(value)}"#),
            ("score.reviewed", #"{"member":"B","criterion":"3.1","points":\#(value),"reason":"r"}"#),
            ("criterion.set", #"{"code":"9","title":"t","maxPoints":\#(value),"kind":"penalty"}"#),
            ("score.submitted", #"{"member":"C","criterion":"9","points":\#(value)}"#),
            ("election.closed", #"{"election":"E"}"#),
            ("election.closed", #"{"election":"S"}"#),
            ("scores.finalized", "{}"),
            ("award.proposed", #"{"member":"C","kind":"pm-certificate","election":"S"}"#),
            ("award.decided", #"{"member":"C","kind":"pm-certificate","outcome":"granted","decision":"QĐ","date":"9999-12-31"}"#),
        ]
        for (type, data) in rows { log.stored(type, data) }
        log.stored("rules.adopted", #"{"fromYear":\#(value),"quorum":\#(value),"majority":"\#(value)/\#(value)","flagLimit":\#(value)}"#,
                   stream: StreamID(bloc: "BDTW", year: nil))
        log.deriveEverything()
        for (type, data) in rows { log.attempt(type, data) }
        log.deriveEverything()
    }

    @Test("a snapshot holding any numbers restores and derives without trapping", arguments: Hostile.numbers)
    func hostileSnapshot(value: String) throws {
        let base = try HostileLog().state.snapshot.canonicalText
        let election = #"{"id":"E","office":"deputy","seats":\#(value),"candidates":["A","A","B"],"method":"secret","award":null,"votes":[["C",["A","A","Z"]]],"tally":[\#(value),\#(value),{"A":\#(value),"Z":\#(value)}],"result":[\#(value),\#(value),{"A":\#(value)},["A","A"],"tie"]}"#
        var text = base.replacingOccurrences(of: #""elections":[]"#, with: #""elections":[\#(election)]"#)
        text = text.replacingOccurrences(of: #""scores":{}"#, with: #""scores":{"A":{"1.1":[\#(value),\#(value)]}}"#)
        guard let json = try? JSON.parse(text), var state = YearState(snapshot: json) else { return }
        HostileLog.deriveEverything(state, bloc: BlocState(code: "BDTW"))
        var ledger = try Fixture.opened().ledger
        state.elections.update("E") { $0.result = nil }
        ledger.restore(state)
        for (type, data) in [("ballots.tallied", #"{"election":"E","ballots":4,"counts":{"A":4}}"#), ("election.closed", #"{"election":"E"}"#)] {
            let line = #"{"type":"\#(type)","bloc":"BDTW","year":2017,"actor":"secretariat","data":\#(data)}"#
            _ = try? ledger.record(try Envelope.parse(line: Array(line.utf8)))
        }
        HostileLog.deriveEverything(ledger.year(HostileLog.stream), bloc: ledger.bloc("BDTW"))
    }

    @Test("rows of one stream's type filed in another stream are folded harmlessly")
    func rowsInTheWrongStream() throws {
        var log = try HostileLog()
        log.stored("score.submitted", #"{"member":"A","criterion":"1.1","points":5}"#, stream: StreamID(bloc: "BDTW", year: nil))
        log.stored("rules.adopted", #"{"fromYear":2017,"quorum":"1/2"}"#, stream: HostileLog.stream)
        log.stored("bloc.founded", #"{"name":"again"}"#, stream: HostileLog.stream)
        log.stored("year.opened", #"{"members":[{"code":"A","name":"a"},{"code":"A","name":"b"}],"head":"Z","deputies":["Z","Z"]}"#)
        log.stored("election.closed", #"{"election":"NEVER"}"#)
        log.stored("vote.voided", #"{"election":"NEVER","voter":"A","reason":"r"}"#)
        log.stored("award.decided", #"{"member":"Z","kind":"government-flag","outcome":"granted","decision":"d","date":"2018-01-01"}"#)
        log.deriveEverything()
    }
}

extension UInt64 {
    var clampedToInt64: Int64 { self > UInt64(Int64.max) ? .max : Int64(self) }
}
