import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// Any bytes: `JSON.parse` either refuses them or returns a value whose canonical text parses back
/// to the same value and is a fixed point of canonicalisation. A value that restores as a year
/// snapshot (untrusted: the log's year_snapshot table) is derived and decided on without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    guard let value = try? JSON.parse(bytes) else { return 0 }
    let canonical = value.canonicalBytes
    guard let again = try? JSON.parse(canonical) else { fatalError("canonical text does not parse: \(value.canonicalText)") }
    guard again == value else { fatalError("round trip changed the value: \(value.canonicalText)") }
    guard again.canonicalBytes == canonical else { fatalError("canonical text is not a fixed point: \(value.canonicalText)") }
    // A year snapshot is read back from the log's year_snapshot table: any object may pose as one.
    if let state = YearState(snapshot: value) {
        _ = state.standings
        _ = StateDocument(state).json(position: .max).canonicalText
        for election in state.elections.values {
            _ = ElectionRow(election).json.canonicalText
            _ = election.result(eligible: state.activeMembers.count, rules: .defaults)
        }
        _ = YearDiff.changes(from: YearState(bloc: state.bloc, year: state.year), to: state, events: [])
        var ledger = Ledger()
        var bloc = BlocState(code: state.bloc)
        bloc.founded = true
        ledger.restore(bloc)
        ledger.restore(state)
        for election in state.elections.values {
            for (type, data) in [("ballots.tallied", #"{"election":"\#(election.spec.id)","ballots":0,"counts":{}}"#),
                                 ("election.closed", #"{"election":"\#(election.spec.id)"}"#)] {
                let line = #"{"type":"\#(type)","bloc":"\#(state.bloc)","year":\#(state.year),"actor":"secretariat","data":\#(data)}"#
                if let event = try? Envelope.parse(line: Array(line.utf8)) { _ = try? ledger.record(event) }
            }
        }
    }
    if case .number(let number) = value {
        guard number.description == value.canonicalText else { fatalError("description differs: \(number)") }
        _ = number.intValue
        _ = number.units(scale: 2)
        _ = Points(number)
    }
    return 0
}
