import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Folding is deterministic and incremental")
struct FoldPropertyTests {
    /// Proposes random events; keeps those the decider accepts.
    static func randomHistory(seed: UInt64, attempts: Int = 400) throws -> (events: [(DomainEvent, StreamID)], decided: Ledger) {
        var random = SeededRandom(state: seed)
        var f = try Fixture.opened()
        var accepted: [(DomainEvent, StreamID)] = []
        let members = ["A", "B", "C", "D"]
        let criteria = ["1.1", "2.1", "3.1", "4.1"]
        for step in 0..<attempts {
            let m = members.randomElement(using: &random)!
            let c = criteria.randomElement(using: &random)!
            let points = "\(Int.random(in: 0...22, using: &random)).\(Int.random(in: 0...99, using: &random))"
            let candidates = members.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))
            let list = candidates.map { "\"\($0)\"" }.joined(separator: ",")
            let officer = ["A", "B", "secretariat"].randomElement(using: &random)!
            let proposals: [(String, String, String)] = [
                ("score.submitted", m, #"{"member":"\#(m)","criterion":"\#(c)","points":\#(points)}"#),
                ("score.reviewed", officer, #"{"member":"\#(m)","criterion":"\#(c)","points":\#(points),"reason":"r"}"#),
                ("criterion.set", officer, #"{"code":"\#(c)","title":"t","maxPoints":\#(Int.random(in: 1...25, using: &random))}"#),
                ("criterion.retired", officer, #"{"code":"\#(c)","reason":"r"}"#),
                ("election.opened", officer, #"{"election":"E\#(step % 7)","office":"deputy","seats":2,"candidates":[\#(list)]}"#),
                ("vote.cast", m, #"{"election":"E\#(step % 7)","voter":"\#(m)","choices":[\#(list)]}"#),
                ("vote.voided", officer, #"{"election":"E\#(step % 7)","voter":"\#(m)","reason":"r"}"#),
                ("election.closed", officer, #"{"election":"E\#(step % 7)"}"#),
                ("pact.drafted", officer, #"{"clauses":["a","b"]}"#),
                ("pact.signed", m, #"{"member":"\#(m)","signatory":"S"}"#),
                ("member.withdrawn", officer, #"{"code":"\#(m)","reason":"r"}"#),
                ("member.admitted", officer, #"{"code":"\#(m)","name":"again"}"#),
                ("scores.finalized", officer, "{}"),
                ("award.proposed", officer, #"{"member":"\#(m)","kind":"\#(step % 2 == 0 ? "pm-certificate" : "government-flag")"}"#),
            ]
            let weights = [30, 8, 4, 1, 2, 10, 2, 3, 1, 4, 1, 1, step > attempts * 3 / 4 ? 2 : 0, 4]
            var pick = Int.random(in: 0..<weights.reduce(0, +), using: &random)
            var index = 0
            while pick >= weights[index] { pick -= weights[index]; index += 1 }
            let (type, actor, data) = proposals[index]
            let event = try f.event(type, year: 2017, as: actor, data)
            if let decided = try? f.ledger.record(event) { accepted.append((decided, event.stream)) }
        }
        return (accepted, f.ledger)
    }

    static func fold(_ events: some Sequence<(DomainEvent, StreamID)>, from start: Ledger) -> Ledger {
        var ledger = start
        for (event, stream) in events { ledger.evolve(event, in: stream) }
        return ledger
    }

    @Test("random valid histories fold to the same state twice, and prefix + rest equals the whole",
          arguments: [1, 2, 3, 42, 2017, 2018] as [UInt64])
    func foldingIsDeterministic(seed: UInt64) throws {
        let base = try Fixture.opened().ledger
        let history = try Self.randomHistory(seed: seed).events
        #expect(history.count > 30)
        let once = Self.fold(history, from: base)
        let twice = Self.fold(history, from: base)
        #expect(once.years == twice.years)
        let cut = history.count / 3
        let prefix = Self.fold(history.prefix(cut), from: base)
        let whole = Self.fold(history.dropFirst(cut), from: prefix)
        #expect(whole.years == once.years)
        #expect(StateDocument(once.year(StreamID(bloc: "BDTW", year: 2017))).stateHash
                == StateDocument(whole.year(StreamID(bloc: "BDTW", year: 2017))).stateHash)
    }

    @Test func foldingTheAcceptedEventsGivesTheStateTheDecisionsBuilt() throws {
        let (history, decided) = try Self.randomHistory(seed: 7)
        #expect(Self.fold(history, from: try Fixture.opened().ledger).years == decided.years)
    }
}

@Suite("Snapshots restore the state exactly")
struct SnapshotTests {
    @Test("a snapshot of any random history restores an equal state", arguments: [1, 5, 9, 2017] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        let (_, ledger) = try FoldPropertyTests.randomHistory(seed: seed)
        let state = ledger.year(StreamID(bloc: "BDTW", year: 2017))
        let text = state.snapshot.canonicalText
        let restored = try #require(YearState(snapshot: try JSON.parse(text)))
        #expect(restored == state)
    }

    @Test func theSeedYearsRoundTrip() throws {
        let ledger = try SeedExampleTests.ledger()
        for year in [2017, 2018] {
            let state = ledger.year(StreamID(bloc: "BDTW", year: year))
            #expect(YearState(snapshot: try JSON.parse(state.snapshot.canonicalText)) == state)
        }
    }

    @Test func aForeignDocumentIsNotASnapshot() throws {
        #expect(YearState(snapshot: try JSON.parse(#"{"layout":99}"#)) == nil)
        #expect(YearState(snapshot: .array([])) == nil)
    }
}
