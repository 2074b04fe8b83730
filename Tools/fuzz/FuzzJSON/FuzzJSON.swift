import ThiDuaCore

/// Any bytes: `JSON.parse` either refuses them or returns a value whose canonical text parses back
/// to the same value and is a fixed point of canonicalisation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    guard let value = try? JSON.parse(bytes) else { return 0 }
    let canonical = value.canonicalBytes
    guard let again = try? JSON.parse(canonical) else { fatalError("canonical text does not parse: \(value.canonicalText)") }
    guard again == value else { fatalError("round trip changed the value: \(value.canonicalText)") }
    guard again.canonicalBytes == canonical else { fatalError("canonical text is not a fixed point: \(value.canonicalText)") }
    if case .number(let number) = value {
        guard number.description == value.canonicalText else { fatalError("description differs: \(number)") }
        _ = number.intValue
        _ = number.units(scale: 2)
        _ = Points(number)
    }
    return 0
}
