/// Every column header and label a table shows, in Vietnamese and English side by side. A switch, not a lookup by
/// string: a word added without both texts does not compile.
enum Word: CaseIterable {
    // standings, score sheet
    case rankNumber, rank, member, name, base, bonus, penalty, total, complete, yes, no
    // elections
    case election, office, term, seats, method, ballots, tally, outcome, elected
    // awards, registrations
    case award, status, decision, titlesSought, targetNumber, target
    // criteria, score sheet
    case group, code, criterionTitle, kind, maxPoints, retired, retiredMark, criterion
    // officers, pact
    case role, head, deputy, signatory, signatoryTitle
    // log
    case position, occurredAt, recordedAt, stream, version, eventType, actor, correlation, summary, signer
    // replay
    case active, activeMark, withdrawnMark, submitted, reviewed, effective
    case members, officers, criteria, scores, standings, elections, pact, awards
    // diff
    case subject, before, after, causedBy
    // rules
    case awardKind, awardName, onlyFirst, limit
    // keys
    case holder, fingerprint, label, registeredAt, revokedAt, keyInForce, keyRevoked

    func text(_ lang: Lang) -> String {
        let (vi, en) = texts
        switch lang {
        case .vi: return vi
        case .en: return en
        }
    }

    /// (Vietnamese, English).
    private var texts: (String, String) {
        switch self {
        case .rankNumber: ("Hạng", "#")
        case .rank: ("Hạng", "rank")
        case .member: ("Đơn vị", "member")
        case .name: ("Tên đơn vị", "name")
        case .base: ("Điểm cơ bản", "base")
        case .bonus: ("Điểm thưởng", "bonus")
        case .penalty: ("Điểm trừ", "penalty")
        case .total: ("Tổng điểm", "total")
        case .complete: ("Đã chấm đủ", "complete")
        case .yes: ("Có", "yes")
        case .no: ("Chưa", "no")
        case .election: ("Bầu cử", "election")
        case .office: ("Chức danh", "office")
        case .seats: ("Số ghế", "seats")
        case .method: ("Hình thức", "method")
        case .ballots: ("Phiếu hợp lệ", "ballots")
        case .tally: ("Số phiếu", "tally")
        case .outcome: ("Kết quả", "outcome")
        case .elected: ("Trúng cử", "elected")
        case .award: ("Hình thức khen thưởng", "award")
        case .status: ("Trạng thái", "status")
        case .decision: ("Quyết định", "decision")
        case .titlesSought: ("Danh hiệu đăng ký", "titles sought")
        case .targetNumber: ("STT", "#")
        case .target: ("Chỉ tiêu", "target")
        case .group: ("Nhóm", "group")
        case .code: ("Mã", "code")
        case .criterionTitle: ("Nội dung tiêu chí", "title")
        case .kind: ("Loại", "kind")
        case .maxPoints: ("Điểm tối đa", "max")
        case .retired: ("Ngừng áp dụng", "retired")
        case .retiredMark: ("ngừng áp dụng", "retired")
        case .criterion: ("Tiêu chí", "criterion")
        case .role: ("Chức danh", "role")
        case .head: ("Khối trưởng", "head")
        case .deputy: ("Khối phó", "deputy")
        case .signatory: ("Người ký", "signatory")
        case .signatoryTitle: ("Chức vụ", "title")
        case .position: ("Vị trí", "pos")
        case .occurredAt: ("Thời điểm", "occurredAt")
        case .recordedAt: ("Ghi lúc", "recordedAt")
        case .stream: ("Luồng", "stream")
        case .version: ("v", "v")
        case .eventType: ("Loại sự kiện", "type")
        case .actor: ("Người thực hiện", "actor")
        case .correlation: ("Tham chiếu", "correlation")
        case .summary: ("Nội dung", "summary")
        case .signer: ("Khóa ký", "signer")
        case .holder: ("Chủ khóa", "holder")
        case .fingerprint: ("Dấu vân tay", "fingerprint")
        case .label: ("Ghi chú", "label")
        case .registeredAt: ("Đăng ký tại", "registered at")
        case .revokedAt: ("Thu hồi tại", "revoked at")
        case .keyInForce: ("còn hiệu lực", "in force")
        case .keyRevoked: ("đã thu hồi", "revoked")
        case .active: ("Tình trạng", "active")
        case .activeMark: ("đang tham gia", "yes")
        case .withdrawnMark: ("đã rút", "withdrawn")
        case .submitted: ("Tự chấm", "submitted")
        case .reviewed: ("Thẩm định", "reviewed")
        case .effective: ("Điểm được tính", "effective")
        case .members: ("Đơn vị thành viên", "Members")
        case .officers: ("Khối trưởng, khối phó", "Officers")
        case .criteria: ("Tiêu chí", "Criteria")
        case .scores: ("Điểm", "Scores")
        case .standings: ("Xếp hạng", "Standings")
        case .elections: ("Bầu cử", "Elections")
        case .pact: ("Giao ước thi đua", "Pact")
        case .awards: ("Khen thưởng", "Awards")
        case .subject: ("Đối tượng", "subject")
        case .before: ("Trước", "before")
        case .after: ("Sau", "after")
        case .causedBy: ("Do sự kiện", "caused by")
        case .term: ("Nhiệm kỳ", "term")
        case .awardKind: ("Mã hình thức", "kind")
        case .awardName: ("Hình thức khen thưởng", "name")
        case .onlyFirst: ("Chỉ đơn vị dẫn đầu", "first only")
        case .limit: ("Tối đa mỗi năm", "limit")
        }
    }
}

extension Table {
    /// A table whose headers are catalog words in `lang`.
    init(_ words: [Word], _ lang: Lang, rightAligned: Set<Int> = []) {
        self.init(words.map { $0.text(lang) }, rightAligned: rightAligned)
    }
}

extension Lang {
    /// `Có` / `Chưa`, `yes` / `no`.
    func yesNo(_ value: Bool) -> String { (value ? Word.yes : Word.no).text(self) }
}
