import ThiDuaJSON

/// The JSON of a year's parts (§7), shared by replay and the queries so they cannot drift apart.
extension Signature {
    /// `{"member","signatory","title"}`
    public var json: JSON {
        .object(["member": .string(member), "signatory": .string(signatory), "title": title.map(JSON.string) ?? .null])
    }
}

extension AwardState {
    /// `{"member","kind","status","basis","election","decision","date"}`
    public var json: JSON {
        .object(["member": .string(member), "kind": .string(kind.rawValue), "status": .string(status.rawValue),
                 "basis": basis.map(JSON.string) ?? .null, "election": election.map(JSON.string) ?? .null,
                 "decision": decision.map(JSON.string) ?? .null, "date": date.map(JSON.string) ?? .null])
    }
}

extension JSON {
    /// The officers as `{"head","deputies"}`.
    public static func officers(head: String?, deputies: [String]) -> JSON {
        .object(["head": head.map(JSON.string) ?? .null, "deputies": .array(deputies.map(JSON.string))])
    }

    /// The pact as `{"clauses","signatures","inForce"}`.
    public static func pact(clauses: [String], signatures: [Signature], inForce: Bool) -> JSON {
        .object(["clauses": .array(clauses.map(JSON.string)), "signatures": .array(signatures.map(\.json)), "inForce": .bool(inForce)])
    }
}
