import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// One line a person reads for an event: `BNCTW 1.1 = 18,5` (`18.5` in English).
enum Summary {
    static func of(_ event: RecordedEvent, _ lang: Lang) -> String {
        guard let type = EventType(rawValue: event.type),
              case .object(let fields)? = try? JSON.parse(event.data),
              let decoded = try? DomainEvent(type: type, schema: event.schema, actor: event.actor, data: fields)
        else { return event.data }
        return of(decoded.payload, lang)
    }

    static func of(_ payload: Payload, _ lang: Lang) -> String {
        switch lang {
        case .en: english(payload)
        case .vi: vietnamese(payload)
        }
    }

    static func english(_ payload: Payload) -> String {
        switch payload {
        case .blocFounded(let name, _): return name
        case .rulesAdopted(let r):
            if let awards = r.awards {
                return "from \(r.fromYear): majority \(r.majority), quorum \(r.quorum), awards " + awards.map { a in
                    let terms = [a.onlyFirst ? "first only" : nil, a.limit.map { "≤ \($0)" }].compactMap { $0 }
                    return a.kind.rawValue + (terms.isEmpty ? "" : " (" + terms.joined(separator: ", ") + ")")
                }.joined(separator: ", ")
            }
            return "from \(r.fromYear): majority \(r.majority), quorum \(r.quorum), flags ≤ \(r.flagLimit)"
                + (r.certificateLimit.map { ", certificates ≤ \($0)" } ?? "")
        case .yearOpened(let members, let head, let deputies, _):
            return "\(members.count) members" + (head.map { ", head \($0)" } ?? "")
                + (deputies.isEmpty ? "" : ", deputies \(deputies.joined(separator: ","))")
        case .memberAdmitted(let code, let name): return "\(code) \(name)"
        case .memberWithdrawn(let code, let reason): return "\(code): \(reason)"
        case .criterionSet(let c): return "\(c.code) \(c.kind.rawValue) max \(c.maxPoints): \(c.title)"
        case .criterionRetired(let code, let reason): return "\(code): \(reason)"
        case .scoreSubmitted(let member, let criterion, let points, _): return "\(member) \(criterion) = \(points)"
        case .scoreReviewed(let member, let criterion, let points, let reason): return "\(member) \(criterion) → \(points): \(reason)"
        case .scoresFinalized: return "scores final"
        case .electionOpened(let s):
            return "\(s.id) \(s.office.rawValue)\(s.term.map { " for \($0)" } ?? "") \(s.seats) seat(s), \(s.method.rawValue): \(s.candidates.joined(separator: ","))"
        case .voteCast(let election, let voter, let choices): return "\(election) \(voter) → \(choices.joined(separator: ","))"
        case .voteVoided(let election, let voter, let reason): return "\(election) \(voter) voided: \(reason)"
        case .ballotsTallied(let election, let ballots, let invalid, let counts):
            return "\(election) \(ballots) ballots, \(invalid) invalid: "
                + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        case .electionClosed(let election): return election
        case .officersAppointed(let head, let deputies, _): return "head \(head), deputies \(deputies.joined(separator: ","))"
        case .pactDrafted(let clauses): return "\(clauses.count) clauses"
        case .pactSigned(let member, let signatory, _): return "\(member) by \(signatory)"
        case .registrationSubmitted(let member, let targets, _): return "\(member): \(targets.count) targets"
        case .awardProposed(let member, let kind, _, _): return "\(member) \(kind.rawValue)"
        case .awardWithdrawn(let member, let kind, _): return "\(member) \(kind.rawValue) withdrawn"
        case .awardDecided(let member, let kind, let outcome, let decision, _):
            return "\(member) \(kind.rawValue) \(outcome.rawValue): \(decision)"
        case .yearClosed: return "closed"
        case .yearReopened(let reason): return "reopened: \(reason)"
        case .keyRegistered(let holder, let key, let label):
            return "\(holder) key \(EventSignature.fingerprint(publicKey: key))" + (label.map { " (\($0))" } ?? "")
        case .keyRevoked(let holder, let key, let reason): return "\(holder) key \(EventSignature.fingerprint(publicKey: key)) revoked: \(reason)"
        }
    }

    static func vietnamese(_ payload: Payload) -> String {
        let vi = Lang.vi
        switch payload {
        case .blocFounded(let name, _): return name
        case .rulesAdopted(let r):
            return "từ năm \(r.fromYear): đa số \(r.majority.lowestTerms), túc số \(r.quorum.lowestTerms); khen thưởng: " + r.awardKinds.map { a in
                let terms = [a.onlyFirst ? "chỉ đơn vị dẫn đầu" : nil, a.limit.map { "tối đa \($0)" }].compactMap { $0 }
                return a.name + (terms.isEmpty ? "" : " (" + terms.joined(separator: ", ") + ")")
            }.joined(separator: "; ")
        case .yearOpened(let members, let head, let deputies, _):
            return "\(members.count) đơn vị" + (head.map { ", khối trưởng \($0)" } ?? "")
                + (deputies.isEmpty ? "" : ", khối phó \(deputies.joined(separator: ","))")
        case .memberAdmitted(let code, let name): return "\(code) \(name)"
        case .memberWithdrawn(let code, let reason): return "\(code): \(reason)"
        case .criterionSet(let c): return "\(c.code) \(c.kind.shown(vi)) tối đa \(c.maxPoints.shown(vi)): \(c.title)"
        case .criterionRetired(let code, let reason): return "\(code): \(reason)"
        case .scoreSubmitted(let member, let criterion, let points, _): return "\(member) \(criterion) = \(points.shown(vi))"
        case .scoreReviewed(let member, let criterion, let points, let reason): return "\(member) \(criterion) → \(points.shown(vi)): \(reason)"
        case .scoresFinalized: return "chốt điểm"
        case .electionOpened(let s):
            return "\(s.id) \(s.office.shown(vi))\(s.term.map { " nhiệm kỳ \($0)" } ?? "") \(s.seats) ghế, \(s.method.shown(vi)): \(s.candidates.joined(separator: ","))"
        case .voteCast(let election, let voter, let choices): return "\(election) \(voter) → \(choices.joined(separator: ","))"
        case .voteVoided(let election, let voter, let reason): return "\(election) \(voter) hủy phiếu: \(reason)"
        case .ballotsTallied(let election, let ballots, let invalid, let counts):
            return "\(election) \(ballots) phiếu, \(invalid) không hợp lệ: "
                + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        case .electionClosed(let election): return election
        case .officersAppointed(let head, let deputies, _): return "khối trưởng \(head), khối phó \(deputies.joined(separator: ","))"
        case .pactDrafted(let clauses): return "\(clauses.count) điều khoản"
        case .pactSigned(let member, let signatory, _): return "\(member), người ký \(signatory)"
        case .registrationSubmitted(let member, let targets, _): return "\(member): \(targets.count) chỉ tiêu"
        case .awardProposed(let member, let kind, _, _): return "\(member) \(Stored.awardName(kind.rawValue))"
        case .awardWithdrawn(let member, let kind, _): return "\(member) rút \(Stored.awardName(kind.rawValue))"
        case .awardDecided(let member, let kind, let outcome, let decision, _):
            return "\(member) \(Stored.awardName(kind.rawValue)) \(outcome.shown(vi)): \(decision)"
        case .yearClosed: return "kết thúc năm"
        case .yearReopened(let reason): return "mở lại: \(reason)"
        case .keyRegistered(let holder, let key, let label):
            return "\(holder) khóa \(EventSignature.fingerprint(publicKey: key))" + (label.map { " (\($0))" } ?? "")
        case .keyRevoked(let holder, let key, let reason): return "\(holder) thu hồi khóa \(EventSignature.fingerprint(publicKey: key)): \(reason)"
        }
    }
}
