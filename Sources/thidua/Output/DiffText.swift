import ThiDuaCore

/// A change of `diff` as its table shows it. In English the core's own text; in Vietnamese the same facts told again
/// from the two states, since the core's text is English (and JSON and CSV keep it).
struct DiffText {
    var before: YearState
    var after: YearState
    var lang: Lang

    func subject(_ change: YearChange) -> String {
        guard lang == .vi else { return change.subject }
        switch change.kind {
        case .status: return "năm \(after.year)"
        case .officers: return YearChange.Kind.officers.shown(lang)
        default: return change.subject
        }
    }

    func before(_ change: YearChange) -> String { lang == .vi ? describe(change, in: before) : change.before }
    func after(_ change: YearChange) -> String { lang == .vi ? describe(change, in: after) : change.after }

    private func describe(_ change: YearChange, in s: YearState) -> String {
        let vi = Lang.vi
        let subject = change.subject
        switch change.kind {
        case .status:
            return s.status.shown(vi)
        case .member:
            return s.members[subject].map { $0.name + ($0.active ? "" : " (đã rút)") } ?? "không có"
        case .criterion:
            return s.criteria[subject].map { "\($0.kind.shown(vi)) tối đa \($0.maxPoints.shown(vi))\($0.retired ? " (ngừng áp dụng)" : ""): \($0.title)" }
                ?? "không có"
        case .score:
            let parts = subject.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let entry = s.scores[parts[0]]?[parts[1]] else { return "chưa có" }
            return entry.effective.shown(vi, else: "chưa có")
                + (entry.reviewed != nil ? " (thẩm định; tự chấm \(entry.submitted.shown(vi, else: "chưa có")))" : "")
        case .standing:
            return s.standings.first { $0.member == subject }.map { "hạng \($0.rank), tổng điểm \($0.total.shown(vi))" } ?? "chưa xếp hạng"
        case .officers:
            return Effect.officers(s, vi)
        case .election:
            guard let e = s.elections[subject] else { return "không có" }
            guard let result = e.result else { return "đang mở, \(e.ballots) phiếu" }
            return "\(result.outcome.shown(vi)): \(result.elected.isEmpty ? "không ai" : result.elected.joined(separator: ", ")) "
                + "(\(result.ballots) phiếu)"
        case .signature:
            return s.pact.signatures[subject].map { "đã ký, người ký \($0.signatory)" } ?? "chưa ký"
        case .award:
            return s.awards[subject].map { "\(Stored.awardName($0.kind.rawValue)) \($0.status.shown(vi))" + ($0.decision.map { ", \($0)" } ?? "") }
                ?? "không có"
        }
    }
}
