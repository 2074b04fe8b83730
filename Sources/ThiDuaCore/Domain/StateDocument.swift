import Crypto

/// The whole state of a year as JSON (§7 replay shape), and its `stateHash`.
public struct StateDocument: Sendable {
    public let state: YearState
    /// The body without `position` and `stateHash`: what the hash covers, so a log and its
    /// export-import copy (whose positions differ) hash alike.
    public let body: JSONObject

    public init(_ state: YearState) {
        self.state = state
        body = Self.body(of: state)
    }

    /// SHA-256 of the canonical JSON of the body, in hex.
    public var stateHash: String {
        EventHashing.hex(Array(SHA256.hash(data: JSON.object(body).canonicalBytes)))
    }

    /// The replay document: the body plus the position it was taken at and the hash.
    public func json(position: Int64) -> JSON {
        var fields = body
        fields["position"] = JSON(Int(position))
        fields["stateHash"] = .string(stateHash)
        return .object(fields)
    }

    static func body(of s: YearState) -> JSONObject {
        let optional: (String?) -> JSON = { $0.map(JSON.string) ?? .null }
        let codes: ([String]) -> JSON = { .array($0.map(JSON.string)) }
        let members = s.members.values.map { m in
            JSON.object(["code": .string(m.code), "name": .string(m.name), "active": .bool(m.active)])
        }
        let criteria = s.criteria.values.map { c in
            JSON.object(["code": .string(c.code), "title": .string(c.title), "group": optional(c.group), "kind": .string(c.kind.rawValue),
                         "maxPoints": c.maxPoints.json, "retired": .bool(c.retired)])
        }
        var scores: [JSON] = []
        for member in s.members.values {
            guard let byCriterion = s.scores[member.code] else { continue }
            for code in byCriterion.keys.sorted() {
                let entry = byCriterion[code]!
                scores.append(.object(["member": .string(member.code), "criterion": .string(code),
                                       "submitted": entry.submitted?.json ?? .null, "reviewed": entry.reviewed?.json ?? .null,
                                       "effective": entry.effective?.json ?? .null]))
            }
        }
        let elections = s.elections.values.map { e -> JSON in
            let result = e.result
            let tally = result?.votes ?? e.counts
            return .object([
                "id": .string(e.spec.id), "office": .string(e.spec.office.rawValue), "seats": JSON(e.spec.seats),
                "method": .string(e.spec.method.rawValue), "candidates": codes(e.spec.candidates),
                "award": optional(e.spec.award?.rawValue),
                "ballots": JSON(result?.ballots ?? e.ballots), "tally": .object(tally.mapValues { JSON($0) }),
                "status": .string(e.isClosed ? "closed" : "open"),
                "outcome": .string(result?.outcome.rawValue ?? "open"), "elected": codes(result?.elected ?? []),
            ])
        }
        let signatures = s.pact.signatures.values.map { sig in
            JSON.object(["member": .string(sig.member), "signatory": .string(sig.signatory), "title": optional(sig.title)])
        }
        let awards = s.awards.values.map { a in
            JSON.object(["member": .string(a.member), "kind": .string(a.kind.rawValue), "status": .string(a.status.rawValue),
                         "basis": optional(a.basis), "election": optional(a.election), "decision": optional(a.decision),
                         "date": optional(a.date)])
        }
        return [
            "bloc": .string(s.bloc), "year": JSON(s.year), "status": .string(s.status.rawValue),
            "members": .array(members),
            "officers": .object(["head": optional(s.head), "deputies": codes(s.deputies)]),
            "criteria": .array(criteria), "scores": .array(scores),
            "standings": .array(s.standings.map(\.json)),
            "elections": .array(elections),
            "pact": .object(["clauses": .array(s.pact.clauses.map(JSON.string)), "signatures": .array(signatures),
                             "inForce": .bool(s.pactInForce)]),
            "awards": .array(awards),
        ]
    }
}

extension StandingRow {
    /// `{"rank":1,"member":"BNCTW","name":…,"base":96.5,"bonus":2,"penalty":0,"total":98.5,"complete":true}`
    public var json: JSON {
        .object(["rank": JSON(rank), "member": .string(member), "name": .string(name), "base": base.json,
                 "bonus": bonus.json, "penalty": penalty.json, "total": total.json, "complete": .bool(complete)])
    }
}
