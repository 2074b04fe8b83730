import ThiDuaCore

/// The line a person reads after a write: what the event changed ("BNCTW: tổng điểm 97,5, hạng 1/8";
/// "BNCTW total now 97.5, rank 1 of 8" in English).
enum Effect {
    static func describe(_ payload: Payload, in state: YearState, _ lang: Lang) -> String {
        switch lang {
        case .en: english(payload, in: state)
        case .vi: vietnamese(payload, in: state)
        }
    }

    static func english(_ payload: Payload, in state: YearState) -> String {
        switch payload {
        case .scoreSubmitted(let member, let criterion, _, _), .scoreReviewed(let member, let criterion, _, _):
            let entry = state.scores[member]?[criterion]
            let effective = entry?.effective.map { "\($0)" } ?? "none"
            let counted = entry?.reviewed != nil ? " (the review counts)" : ""
            return "\(member) \(criterion) now \(effective)\(counted); " + standing(of: member, in: state, .en)
        case .criterionSet(let c):
            return "criterion \(c.code) \(c.kind.rawValue), max \(c.maxPoints); the table has \(liveCriteria(state)) criteria"
        case .criterionRetired(let code, _):
            return "criterion \(code) retired; standings no longer count it"
        case .yearOpened(let members, _, _, _):
            return "year \(state.year) open with \(members.count) members; " + Self.officers(state, .en)
        case .memberAdmitted(let code, _), .memberWithdrawn(let code, _):
            return "\(code) \(state.members[code]?.active == true ? "is" : "is no longer") an active member; \(state.activeMembers.count) active"
        case .scoresFinalized:
            let top = state.standings.first.map { ", first: \($0.member) with \($0.total)" } ?? ""
            return "scores of \(state.year) are final\(top)"
        case .electionOpened(let spec):
            return "election \(spec.id) open: \(spec.seats) seat(s), \(spec.candidates.count) candidate(s), \(spec.method.rawValue) ballot"
                + (spec.term(in: state.year) == state.year ? "" : "; it elects the officers of \(spec.term(in: state.year))")
        case .voteCast(let id, _, _), .voteVoided(let id, _, _), .ballotsTallied(let id, _, _, _):
            guard let election = state.elections[id] else { return id }
            return "election \(id): \(election.ballots) valid ballot(s) of \(state.activeMembers.count) members"
        case .electionClosed(let id):
            guard let result = state.elections[id]?.result else { return id }
            switch result.outcome {
            case .noQuorum: return "election \(id): no quorum (\(result.ballots) ballots of \(result.eligible) members)"
            case .elected:
                let term = state.elections[id]?.spec.term(in: state.year) ?? state.year
                return "election \(id): elected \(result.elected.joined(separator: ", ")) (\(result.ballots) ballots)"
                    + (term == state.year ? "" : " for \(term); the officers of \(state.year) stay in office")
            case .tie, .short:
                return "election \(id): \(result.outcome.rawValue); elected \(result.elected.isEmpty ? "nobody" : result.elected.joined(separator: ", "))"
            }
        case .officersAppointed, .yearClosed, .yearReopened:
            return officers(state, .en) + "; year \(state.status.rawValue)"
        case .pactDrafted(let clauses):
            return "pact of \(clauses.count) clause(s) drafted; awaiting \(state.activeMembers.count) signatures"
        case .pactSigned:
            return state.pactInForce
                ? "pact in force: all \(state.activeMembers.count) members have signed"
                : "\(state.pact.signatures.count) of \(state.activeMembers.count) members have signed"
        case .registrationSubmitted(let member, let targets, _):
            return "\(member) registered \(targets.count) target(s)"
        case .awardProposed(let member, let kind, _, _), .awardWithdrawn(let member, let kind, _), .awardDecided(let member, let kind, _, _, _):
            let status = state.awards[member]?.status.rawValue ?? "none"
            return "\(member) \(kind.rawValue): \(status); " + standing(of: member, in: state, .en)
        case .blocFounded, .rulesAdopted, .keyRegistered, .keyRevoked:
            return Summary.of(payload, .en)
        }
    }

    static func vietnamese(_ payload: Payload, in state: YearState) -> String {
        let vi = Lang.vi
        switch payload {
        case .scoreSubmitted(let member, let criterion, _, _), .scoreReviewed(let member, let criterion, _, _):
            let entry = state.scores[member]?[criterion]
            let effective = entry?.effective.shown(vi, else: "chưa có điểm") ?? "chưa có điểm"
            let counted = entry?.reviewed != nil ? " (tính điểm thẩm định)" : ""
            return "\(member) tiêu chí \(criterion): \(effective)\(counted); " + standing(of: member, in: state, vi)
        case .criterionSet(let c):
            return "tiêu chí \(c.code) (\(c.kind.shown(vi))), tối đa \(c.maxPoints.shown(vi)); bảng có \(liveCriteria(state)) tiêu chí"
        case .criterionRetired(let code, _):
            return "tiêu chí \(code) ngừng áp dụng; bảng xếp hạng không còn tính"
        case .yearOpened(let members, _, _, _):
            return "mở năm \(state.year) với \(members.count) đơn vị; " + Self.officers(state, .vi)
        case .memberAdmitted(let code, _), .memberWithdrawn(let code, _):
            return "\(code) \(state.members[code]?.active == true ? "là" : "không còn là") đơn vị thành viên; "
                + "\(state.activeMembers.count) đơn vị đang tham gia"
        case .scoresFinalized:
            let top = state.standings.first.map { ", dẫn đầu: \($0.member) với \($0.total.shown(vi)) điểm" } ?? ""
            return "đã chốt điểm năm \(state.year)\(top)"
        case .electionOpened(let spec):
            return "mở bầu cử \(spec.id): \(spec.seats) ghế, \(spec.candidates.count) ứng cử viên, \(spec.method.shown(vi))"
                + (spec.term(in: state.year) == state.year ? "" : "; bầu cho nhiệm kỳ \(spec.term(in: state.year))")
        case .voteCast(let id, _, _), .voteVoided(let id, _, _), .ballotsTallied(let id, _, _, _):
            guard let election = state.elections[id] else { return id }
            return "bầu cử \(id): \(election.ballots) phiếu hợp lệ/\(state.activeMembers.count) đơn vị"
        case .electionClosed(let id):
            guard let result = state.elections[id]?.result else { return id }
            switch result.outcome {
            case .noQuorum: return "bầu cử \(id): không đủ túc số (\(result.ballots) phiếu/\(result.eligible) đơn vị)"
            case .elected:
                let term = state.elections[id]?.spec.term(in: state.year) ?? state.year
                return "bầu cử \(id): trúng cử \(result.elected.joined(separator: ", ")) (\(result.ballots) phiếu)"
                    + (term == state.year ? "" : " cho nhiệm kỳ \(term); khối trưởng, khối phó năm \(state.year) vẫn giữ nguyên")
            case .tie, .short:
                return "bầu cử \(id): \(result.outcome.shown(vi)); trúng cử: "
                    + (result.elected.isEmpty ? "không có" : result.elected.joined(separator: ", "))
            }
        case .officersAppointed, .yearClosed, .yearReopened:
            return officers(state, vi) + "; năm \(state.status.shown(vi))"
        case .pactDrafted(let clauses):
            return "dự thảo giao ước thi đua gồm \(clauses.count) điều khoản; chờ \(state.activeMembers.count) đơn vị ký"
        case .pactSigned:
            return state.pactInForce
                ? "giao ước có hiệu lực: cả \(state.activeMembers.count) đơn vị đã ký"
                : "\(state.pact.signatures.count)/\(state.activeMembers.count) đơn vị đã ký"
        case .registrationSubmitted(let member, let targets, _):
            return "\(member) đăng ký \(targets.count) chỉ tiêu"
        case .awardProposed(let member, let kind, _, _), .awardWithdrawn(let member, let kind, _), .awardDecided(let member, let kind, _, _, _):
            let status = state.awards[member]?.status.shown(vi) ?? "không có"
            return "\(member) \(Stored.awardName(kind.rawValue)): \(status); " + standing(of: member, in: state, vi)
        case .blocFounded, .rulesAdopted, .keyRegistered, .keyRevoked:
            return Summary.of(payload, vi)
        }
    }

    static func liveCriteria(_ state: YearState) -> Int { state.criteria.values.filter { !$0.retired }.count }

    static func standing(of member: String, in state: YearState, _ lang: Lang) -> String {
        let rows = state.standings
        guard let row = rows.first(where: { $0.member == member }) else {
            switch lang {
            case .vi: return "\(member) không có trong bảng xếp hạng"
            case .en: return "\(member) is not in the standings"
            }
        }
        switch lang {
        case .vi: return "\(member): tổng điểm \(row.total.shown(lang)), hạng \(row.rank)/\(rows.count)"
        case .en: return "\(member) total now \(row.total), rank \(row.rank) of \(rows.count)"
        }
    }

    static func officers(_ state: YearState, _ lang: Lang) -> String {
        let nobody = Phrase.nobody(lang)
        let deputies = state.deputies.isEmpty ? nobody : state.deputies.joined(separator: ", ")
        switch lang {
        case .vi: return "khối trưởng \(state.head ?? nobody), khối phó \(deputies)"
        case .en: return "head \(state.head ?? nobody), deputies \(deputies)"
        }
    }
}
