import ThiDuaJSON
import ThiDuaLog

/// A lossless JSON form of a year's state, so the store can resume a year without folding it again.
extension YearState {
    /// 2: elections carry their term; the year keeps next term's officers and the times the time rule needs.
    /// 3: a score with evidence carries it, upcast, as a third item.
    public static let snapshotLayout = 3

    /// The layout a stored snapshot says it has (an older one is outdated: appends fold instead, and replace it).
    public static func layout(ofSnapshot snapshot: JSON) -> Int? { snapshot.objectValue?["layout"]?.numberValue?.intValue }

    public var snapshot: JSON {
        let text: (String?) -> JSON = { $0.map(JSON.string) ?? .null }
        let codes: ([String]) -> JSON = { .array($0.map(JSON.string)) }
        var scoreTable: JSONObject = [:]
        for (member, byCriterion) in scores {
            scoreTable[member] = .object(byCriterion.mapValues { entry in
                let pair: [JSON] = [entry.submitted?.json ?? .null, entry.reviewed?.json ?? .null]
                return .array(entry.evidence.isEmpty ? pair : pair + [.array(entry.evidence.map(\.json))])
            })
        }
        return .object([
            "layout": JSON(Self.snapshotLayout), "bloc": .string(bloc), "year": JSON(year), "status": .string(status.rawValue),
            "finalized": .bool(finalized), "head": text(head), "deputies": codes(deputies),
            "members": .array(members.values.map { .array([.string($0.code), .string($0.name), .bool($0.active)]) }),
            "criteria": .array(criteria.values.map {
                .array([.string($0.code), .string($0.title), $0.maxPoints.json, .string($0.kind.rawValue), text($0.group), .bool($0.retired)])
            }),
            "scores": .object(scoreTable),
            "elections": .array(elections.values.map(\.snapshot)),
            "clauses": .array(pact.clauses.map(JSON.string)),
            "signatures": .array(pact.signatures.values.map { .array([.string($0.member), .string($0.signatory), text($0.title)]) }),
            "registrations": .object(registrations.mapValues {
                .array([.array($0.targets.map(JSON.string)), .array($0.titlesSought.map { .string($0.rawValue) })])
            }),
            "awards": .array(awards.values.map {
                .array([.string($0.member), .string($0.kind.rawValue), .string($0.status.rawValue), text($0.basis), text($0.election),
                        text($0.decision), text($0.date)])
            }),
            "nextTerm": .array([text(nextTerm.head), codes(nextTerm.deputies), text(nextTerm.headElection), text(nextTerm.deputyElection)]),
            "times": times.snapshot,
        ])
    }

    /// Restores a state from `snapshot`; nil when the JSON is not a snapshot of this layout.
    public init?(snapshot: JSON) {
        guard let s = snapshot.objectValue, s["layout"]?.numberValue?.intValue == Self.snapshotLayout,
              let bloc = s["bloc"]?.stringValue, let year = s["year"]?.numberValue?.intValue,
              let status = s["status"]?.stringValue.flatMap(Status.init(rawValue:)), case .bool(let finalized)? = s["finalized"]
        else { return nil }
        self.init(bloc: bloc, year: year)
        self.status = status
        self.finalized = finalized
        head = s["head"]?.stringValue
        deputies = s["deputies"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for item in s["members"]?.arrayValue ?? [] {
            guard let f = item.arrayValue, f.count == 3, let code = f[0].stringValue, let name = f[1].stringValue,
                  case .bool(let active) = f[2] else { return nil }
            members.upsert(Member(code: code, name: name, active: active))
        }
        for item in s["criteria"]?.arrayValue ?? [] {
            guard let f = item.arrayValue, f.count == 6, let code = f[0].stringValue, let title = f[1].stringValue,
                  let max = f[2].points, let kind = f[3].stringValue.flatMap(CriterionKind.init(rawValue:)),
                  case .bool(let retired) = f[5] else { return nil }
            var criterion = Criterion(code: code, title: title, maxPoints: max, kind: kind, group: f[4].stringValue)
            criterion.retired = retired
            criteria.upsert(criterion)
        }
        for (member, byCriterion) in s["scores"]?.objectValue ?? [:] {
            var entries: [String: ScoreEntry] = [:]
            for (code, pair) in byCriterion.objectValue ?? [:] {
                guard let f = pair.arrayValue, f.count == 2 || f.count == 3 else { return nil }
                var evidence: [Evidence] = []
                if f.count == 3 {
                    guard let list = f[2].arrayValue, !list.isEmpty else { return nil }
                    for item in list {
                        guard let document = Evidence(json: item) else { return nil }
                        evidence.append(document)
                    }
                }
                entries[code] = ScoreEntry(submitted: f[0].points, reviewed: f[1].points, evidence: evidence)
            }
            scores[member] = entries
        }
        for item in s["elections"]?.arrayValue ?? [] {
            guard let election = ElectionState(snapshot: item) else { return nil }
            elections.upsert(election)
        }
        pact.clauses = s["clauses"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for item in s["signatures"]?.arrayValue ?? [] {
            guard let f = item.arrayValue, f.count == 3, let member = f[0].stringValue, let signatory = f[1].stringValue else { return nil }
            pact.signatures.upsert(Signature(member: member, signatory: signatory, title: f[2].stringValue))
        }
        for (member, item) in s["registrations"]?.objectValue ?? [:] {
            guard let f = item.arrayValue, f.count == 2 else { return nil }
            registrations[member] = Registration(targets: f[0].arrayValue?.compactMap(\.stringValue) ?? [],
                                                 titlesSought: f[1].arrayValue?.compactMap { $0.stringValue.flatMap(AwardKind.init(rawValue:)) } ?? [])
        }
        for item in s["awards"]?.arrayValue ?? [] {
            guard let f = item.arrayValue, f.count == 7, let member = f[0].stringValue,
                  let kind = f[1].stringValue.flatMap(AwardKind.init(rawValue:)),
                  let status = f[2].stringValue.flatMap(AwardState.Status.init(rawValue:)) else { return nil }
            awards.upsert(AwardState(member: member, kind: kind, status: status, basis: f[3].stringValue, election: f[4].stringValue,
                                     decision: f[5].stringValue, date: f[6].stringValue))
        }
        guard let next = s["nextTerm"]?.arrayValue, next.count == 4, let times = YearTimes(snapshot: s["times"]) else { return nil }
        nextTerm = NextTermOfficers(head: next[0].stringValue, deputies: next[1].arrayValue?.compactMap(\.stringValue) ?? [],
                                    headElection: next[2].stringValue, deputyElection: next[3].stringValue)
        self.times = times
    }
}

extension ElectionState {
    var snapshot: JSON {
        var fields: JSONObject = [
            "id": .string(spec.id), "office": .string(spec.office.rawValue), "seats": JSON(spec.seats),
            "candidates": .array(spec.candidates.map(JSON.string)), "method": .string(spec.method.rawValue),
            "award": spec.award.map { .string($0.rawValue) } ?? .null, "term": spec.term.map { JSON($0) } ?? .null,
            "votes": .array(votes.values.map { .array([.string($0.voter), .array($0.choices.map(JSON.string))]) }),
        ]
        if let tally {
            fields["tally"] = .array([JSON(tally.ballots), JSON(tally.invalid), .object(tally.counts.mapValues { JSON($0) })])
        }
        if let result {
            fields["result"] = .array([JSON(result.ballots), JSON(result.eligible), .object(result.votes.mapValues { JSON($0) }),
                                       .array(result.elected.map(JSON.string)), .string(result.outcome.rawValue)])
        }
        return .object(fields)
    }

    init?(snapshot: JSON) {
        guard let s = snapshot.objectValue, let id = s["id"]?.stringValue,
              let office = s["office"]?.stringValue.flatMap(Office.init(rawValue:)), let seats = s["seats"]?.numberValue?.intValue,
              let method = s["method"]?.stringValue.flatMap(BallotMethod.init(rawValue:)) else { return nil }
        self.init(spec: ElectionSpec(id: id, office: office, seats: seats,
                                     candidates: s["candidates"]?.arrayValue?.compactMap(\.stringValue) ?? [], method: method,
                                     award: s["award"]?.stringValue.flatMap(AwardKind.init(rawValue:)),
                                     term: s["term"]?.numberValue?.intValue))
        for item in s["votes"]?.arrayValue ?? [] {
            guard let f = item.arrayValue, f.count == 2, let voter = f[0].stringValue else { return nil }
            votes.upsert(Vote(voter: voter, choices: f[1].arrayValue?.compactMap(\.stringValue) ?? []))
        }
        if let f = s["tally"]?.arrayValue {
            guard f.count == 3, let ballots = f[0].numberValue?.intValue, let invalid = f[1].numberValue?.intValue else { return nil }
            tally = Tally(ballots: ballots, invalid: invalid, counts: f[2].counts)
        }
        if let f = s["result"]?.arrayValue {
            guard f.count == 5, let ballots = f[0].numberValue?.intValue, let eligible = f[1].numberValue?.intValue,
                  let outcome = f[4].stringValue.flatMap(ElectionResult.Outcome.init(rawValue:)) else { return nil }
            result = ElectionResult(ballots: ballots, eligible: eligible, votes: f[2].counts,
                                    elected: f[3].arrayValue?.compactMap(\.stringValue) ?? [], outcome: outcome)
        }
    }
}

extension YearTimes {
    var snapshot: JSON {
        let text: (Timestamp?) -> JSON = { $0.map { .string($0.text) } ?? .null }
        return .object(["opened": text(opened), "finalized": text(finalized), "pactDrafted": text(pactDrafted),
                        "criteria": .object(criteria.mapValues { .string($0.text) }),
                        "elections": .object(elections.mapValues { .string($0.text) })])
    }

    /// Nil when `snapshot` is not this form or holds a text that is not a timestamp.
    init?(snapshot: JSON?) {
        guard let s = snapshot?.objectValue else { return nil }
        func stamp(_ value: JSON?) -> Timestamp?? {
            switch value {
            case nil, .null?: return .some(nil)
            case .string(let text)?: return (try? Timestamp(parsing: text)).map { .some($0) }
            default: return nil
            }
        }
        func stamps(_ value: JSON?) -> [String: Timestamp]? {
            var out: [String: Timestamp] = [:]
            for (key, item) in value?.objectValue ?? [:] {
                guard case .string(let text) = item, let time = try? Timestamp(parsing: text) else { return nil }
                out[key] = time
            }
            return out
        }
        guard let opened = stamp(s["opened"]), let finalized = stamp(s["finalized"]), let drafted = stamp(s["pactDrafted"]),
              let criteria = stamps(s["criteria"]), let elections = stamps(s["elections"]) else { return nil }
        self.init()
        self.opened = opened
        self.finalized = finalized
        self.pactDrafted = drafted
        self.criteria = criteria
        self.elections = elections
    }
}

extension JSON {
    var points: Points? { numberValue.flatMap(Points.init) }
    var counts: [String: Int] { (objectValue ?? [:]).compactMapValues { $0.numberValue?.intValue } }
}
