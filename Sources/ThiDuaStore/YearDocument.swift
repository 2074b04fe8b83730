import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// The JSON documents of the year queries, built once for `thidua <query> --format json` and the server's `/v1/years/{year}/…`.
package enum YearDocument {
    package static func standings(_ p: YearProjection) -> JSON {
        p.document(["rows": .array(p.standings.map(\.json))])
    }

    package static func officers(_ p: YearProjection, _ state: YearState) -> JSON {
        var fields: JSONObject = ["officers": .officers(head: p.head, deputies: p.deputies)]
        let next = state.nextTerm
        if !next.isEmpty { fields["nextTerm"] = next.json(term: p.year + 1) }
        return p.document(fields)
    }

    package static func pact(_ p: YearProjection) -> JSON {
        p.document(["pact": .pact(clauses: p.clauses, signatures: p.signatures, inForce: p.pactInForce)])
    }

    /// The elections of `p` (already narrowed to one when a filter named it), each with the term it elects for.
    package static func elections(_ p: YearProjection, _ state: YearState) -> JSON {
        let terms = state.electionTerms
        return p.document(["elections": .array(p.elections.map { $0.json(term: terms[$0.id] ?? p.year) })])
    }

    package static func awards(_ p: YearProjection, _ bloc: BlocState) -> JSON {
        p.document(["awards": .array(p.awards.map { $0.json(kindName: bloc.awardName($0.kind, year: p.year)) })])
    }

    package static func criteria(_ p: YearProjection, _ state: YearState) -> JSON {
        let criteria = CriterionGroup.of(state.criteria.values).flatMap(\.criteria)
        return p.document(["criteria": .array(criteria.map(\.json))])
    }

    package static func scores(_ p: YearProjection, _ sheet: ScoreSheet) -> JSON {
        p.document(["criteria": .array(sheet.criteria.map(\.json)), "rows": .array(sheet.rows.map { $0.json(sheet) })])
    }

    package static func registrations(_ p: YearProjection, _ state: YearState) -> JSON {
        let registered = state.members.values.compactMap { m in state.registrations[m.code].map { (m, $0) } }
        let missing = state.activeMembers.filter { state.registrations[$0.code] == nil }.map(\.code)
        return p.document(["registrations": .array(registered.map { $0.1.json(member: $0.0) }),
                           "unregistered": .array(missing.map(JSON.string))])
    }

    /// The replayed state with `kindName` beside each award's `kind`, from the bloc's rules; the stateHash covers neither.
    package static func replay(_ replay: Replay) -> JSON {
        let json = replay.document.json(position: replay.position)
        guard case .object(var fields) = json else { return json }
        let s = replay.state
        fields["awards"] = .array(s.awards.values.map { $0.json(kindName: replay.bloc.awardName($0.kind, year: s.year)) })
        return .object(fields)
    }

    /// `{"position":…,"hash":"…"}`: the head of the chain.
    package static func digest(position: Int64, hash: [UInt8]) -> JSON {
        JSON.object(["position": JSON(Int(position)), "hash": .string(EventHashing.hex(hash))])
    }
}

extension YearProjection {
    /// `"bloc","year","position","status"` and the given fields.
    package func document(_ fields: JSONObject) -> JSON {
        var out = fields
        out["bloc"] = .string(bloc)
        out["year"] = JSON(year)
        out["position"] = JSON(Int(position))
        out["status"] = .string(status)
        return .object(out)
    }
}
