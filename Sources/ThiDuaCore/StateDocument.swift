import Crypto
import ThiDuaJSON
import ThiDuaLog

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
        fields["elections"] = .array(state.elections.values.map { ElectionRow($0).json(term: $0.spec.term(in: state.year)) })
        fields["scores"] = .array(Self.scores(of: state, evidence: true))
        fields["position"] = JSON(Int(position))
        fields["stateHash"] = .string(stateHash)
        return .object(fields)
    }

    static func body(of s: YearState) -> JSONObject {
        let members = s.members.values.map { m in
            JSON.object(["code": .string(m.code), "name": .string(m.name), "active": .bool(m.active)])
        }
        let criteria = s.criteria.values.map(\.json)
        let scores = Self.scores(of: s, evidence: false)
        var body: JSONObject = [
            "bloc": .string(s.bloc), "year": JSON(s.year), "status": .string(s.status.rawValue),
            "members": .array(members),
            "officers": .officers(head: s.head, deputies: s.deputies),
            "criteria": .array(criteria), "scores": .array(scores),
            "standings": .array(s.standings.map(\.json)),
            // An election's term and the next term's officers enter the hash only where a log has them, so the
            // stateHash of a year without elections for the next term is what it was before terms existed.
            "elections": .array(s.elections.values.map { e in
                e.spec.term(in: s.year) == s.year ? ElectionRow(e).json : ElectionRow(e).json(term: e.spec.term(in: s.year))
            }),
            "pact": .pact(clauses: s.pact.clauses, signatures: s.pact.signatures.values, inForce: s.pactInForce),
            "awards": .array(s.awards.values.map(\.json)),
        ]
        if !s.nextTerm.isEmpty { body["nextTerm"] = s.nextTerm.json(term: s.year + 1) }
        return body
    }

    /// Each score, by member then criterion. With `evidence`, each carries the upcast evidence of the latest
    /// self-score, which the stateHash does not cover (so a year's stateHash is what it was before evidence documents).
    static func scores(of s: YearState, evidence: Bool) -> [JSON] {
        var scores: [JSON] = []
        for member in s.members.values {
            guard let byCriterion = s.scores[member.code] else { continue }
            for code in byCriterion.keys.sorted() {
                guard let entry = byCriterion[code] else { continue }
                var fields: JSONObject = ["member": .string(member.code), "criterion": .string(code),
                                          "submitted": entry.submitted?.json ?? .null, "reviewed": entry.reviewed?.json ?? .null,
                                          "effective": entry.effective?.json ?? .null]
                if evidence { fields["evidence"] = .array(entry.evidence.map(\.json)) }
                scores.append(.object(fields))
            }
        }
        return scores
    }
}

extension StandingRow {
    /// `{"rank":1,"member":"BNCTW","name":…,"base":96.5,"bonus":2,"penalty":0,"total":98.5,"complete":true}`
    public var json: JSON {
        .object(["rank": JSON(rank), "member": .string(member), "name": .string(name), "base": base.json,
                 "bonus": bonus.json, "penalty": penalty.json, "total": total.json, "complete": .bool(complete)])
    }
}
