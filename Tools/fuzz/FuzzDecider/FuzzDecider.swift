import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// Reads choices from the fuzzer's bytes; zeros once they run out.
struct Choices {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    var isEmpty: Bool { at >= bytes.count }

    mutating func pick<T>(_ options: [T]) -> T { options[Int(byte()) % options.count] }

    mutating func number() -> String {
        switch byte() % 4 {
        case 0: String(byte() % 30)
        case 1: "\(byte() % 25).\(byte() % 100)"
        case 2: pick(Self.hostileNumbers)
        default: String(Int(byte()) << 8 | Int(byte()))
        }
    }

    static let hostileNumbers = [
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999.99", "1e400", "1e-400",
        "1000000", "1000001", "-1", "0", "0.001", "1e6", "18446744073709551616", "2.5", "-0", "1E2",
    ]

    static let fractions = [
        "\"9223372036854775807/9223372036854775807\"", "\"2/3\"", "0.5", "\"1000000/1000000\"", "\"0/1\"", "1", "0", "\"1/0\"",
        "\"999999/1000000\"", "0.000001", "\"-1/2\"", "1.5",
    ]

    mutating func codes(_ pool: [String]) -> String {
        let count = Int(byte() % 5)
        return "[" + (0..<count).map { _ in "\"\(pick(pool))\"" }.joined(separator: ",") + "]"
    }
}

/// One year of one bloc, proposed event by event from the bytes: members A–F (Z is nobody),
/// criteria 1–4, elections E1–E3, with the numbers an adversary would type.
func proposals(_ c: inout Choices) -> [(type: String, year: Int?, actor: String, data: String)] {
    let members = ["A", "B", "C", "D", "E", "F", "Z"]
    let criteria = ["1", "2", "3", "4"]
    let elections = ["E1", "E2", "E3"]
    var out: [(String, Int?, String, String)] = [
        ("bloc.founded", nil, "secretariat", #"{"name":"Khối"}"#),
        ("year.opened", 2017, "secretariat",
         #"{"members":[{"code":"A","name":"a"},{"code":"B","name":"b"},{"code":"C","name":"c"},{"code":"D","name":"d"}],"head":"A","deputies":["B"]}"#),
    ]
    while !c.isEmpty, out.count < 400 {
        let actor = c.pick(["secretariat", "A", "B", "C", "D", "Z"])
        let m = c.pick(members), k = c.pick(criteria), e = c.pick(elections)
        let event: (String, String)
        switch c.byte() % 25 {
        case 0: event = ("rules.adopted", #"{"fromYear":\#(c.pick(["2016", "2017", "2018", c.number()])),"majority":\#(c.pick(Choices.fractions)),"quorum":\#(c.pick(Choices.fractions)),"flagLimit":\#(c.number())}"#)
        case 1: event = ("member.admitted", #"{"code":"\#(m)","name":"n"}"#)
        case 2: event = ("member.withdrawn", #"{"code":"\#(m)","reason":"r"}"#)
        case 3: event = ("criterion.set", #"{"code":"\#(k)","title":"t","maxPoints":\#(c.number()),"kind":"\#(c.pick(["base", "bonus", "penalty"]))"}"#)
        case 4: event = ("criterion.retired", #"{"code":"\#(k)","reason":"r"}"#)
        case 5, 6: event = ("score.submitted", #"{"member":"\#(m)","criterion":"\#(k)","points":\#(c.number())}"#)
        case 7: event = ("score.reviewed", #"{"member":"\#(m)","criterion":"\#(k)","points":\#(c.number()),"reason":"r"}"#)
        case 8: event = ("scores.finalized", "{}")
        case 9: event = ("election.opened", #"{"election":"\#(e)","office":"\#(c.pick(["head", "deputy", "award"]))","seats":\#(c.number()),"candidates":\#(c.codes(members)),"method":"\#(c.pick(["open", "secret"]))"\#(c.byte() % 2 == 0 ? #","award":"pm-certificate""# : "")}"#)
        case 10, 11: event = ("vote.cast", #"{"election":"\#(e)","voter":"\#(m)","choices":\#(c.codes(members))}"#)
        case 12: event = ("vote.voided", #"{"election":"\#(e)","voter":"\#(m)","reason":"r"}"#)
        case 13: event = ("ballots.tallied", #"{"election":"\#(e)","ballots":\#(c.number()),"invalid":\#(c.number()),"counts":{"\#(m)":\#(c.number()),"\#(c.pick(members))":\#(c.number())}}"#)
        case 14: event = ("election.closed", #"{"election":"\#(e)"}"#)
        case 15: event = ("officers.appointed", #"{"head":"\#(m)","deputies":\#(c.codes(members)),"basis":"b"}"#)
        case 16: event = ("pact.drafted", #"{"clauses":["a"]}"#)
        case 17: event = ("pact.signed", #"{"member":"\#(m)","signatory":"s"}"#)
        case 18: event = ("award.proposed", #"{"member":"\#(m)","kind":"\#(c.pick(["government-flag", "pm-certificate", "co-tinh"]))"\#(c.byte() % 2 == 0 ? #","election":"\#(e)""# : "")}"#)
        case 19: event = ("award.decided", #"{"member":"\#(m)","kind":"\#(c.pick(["government-flag", "pm-certificate", "co-tinh"]))","outcome":"granted","decision":"d","date":"2018-01-01"}"#)
        case 20: event = ("year.closed", "{}")
        case 21: event = ("rules.adopted", #"{"fromYear":2017,"awards":[{"kind":"co-tinh","name":"Cờ","onlyFirst":\#(c.byte() % 2 == 0),"limit":\#(c.number())},{"kind":"\#(c.pick(["pm-certificate", "co-tinh"]))","name":"B","onlyFirst":false}]}"#)
        case 22: event = ("key.registered", #"{"holder":"\#(c.pick(["secretariat", "A", "B"]))","publicKey":"\#(c.pick(testKeys))","label":"l"}"#)
        case 23: event = ("key.revoked", #"{"holder":"\#(c.pick(["secretariat", "A", "B"]))","publicKey":"\#(c.pick(testKeys))","reason":"r"}"#)
        default: event = ("year.reopened", #"{"reason":"r"}"#)
        }
        out.append((event.0, EventType(rawValue: event.0)?.isBlocStream == true ? nil : 2017, actor, event.1))
    }
    return out
}

/// TEST public keys (seeds 0…31 and 32…63) and a weak one, for key.registered and key.revoked.
let testKeys = ["A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=", "Kay64UG8yvCyLhqU000LxzYeUm0L/hLIl5S8kyKWbdc=",
                "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="]

/// Every view a command derives from a year.
func deriveEverything(_ ledger: Ledger) {
    for (_, state) in ledger.years {
        _ = state.standings
        _ = StateDocument(state).json(position: 1).canonicalText
        for election in state.elections.values { _ = ElectionRow(election).json.canonicalText }
        _ = YearDiff.changes(from: YearState(bloc: state.bloc, year: state.year), to: state, events: [])
    }
}

/// Bytes → a plausible history of one bloc and year. Each event is decided (`Ledger.record`) and,
/// whatever the decision, also folded undecided as a hostile log would hold it. Nothing may trap;
/// the accepted events must fold back to the decided state, and its snapshot must restore it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecider(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var choices = Choices(bytes: UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    var decided = Ledger(), hostile = Ledger(), refolded = Ledger()
    for (type, year, actor, data) in proposals(&choices) {
        var line = #"{"type":"\#(type)","bloc":"BDTW","actor":"\#(actor)","data":\#(data)"#
        if let year { line += #","year":\#(year)"# }
        line += "}"
        guard let proposed = try? Envelope.parse(line: Array(line.utf8)) else { continue }
        if let event = try? decided.record(proposed) { refolded.evolve(event, in: proposed.stream) }
        if let stored = DomainEvent(type: type, actor: actor, data: proposed.dataText) {
            hostile.evolve(stored, in: proposed.stream)
        } else if let raw = try? JSON.parse(Array(data.utf8)).canonicalText, let stored = DomainEvent(type: type, actor: actor, data: raw) {
            hostile.evolve(stored, in: proposed.stream)
        }
    }
    deriveEverything(decided)
    deriveEverything(hostile)
    guard refolded.years == decided.years else { fatalError("folding the accepted events differs from deciding them") }
    for (_, state) in decided.years {
        guard YearState(snapshot: state.snapshot) == state else { fatalError("snapshot does not restore the state") }
    }
    return 0
}
