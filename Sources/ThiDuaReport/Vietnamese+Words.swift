import ThiDuaCore

/// The rules' words as an emulation officer calls them; the terminal tables and the year report share them.
extension YearState.Status {
    public var vietnamese: String {
        switch self {
        case .unopened: "chưa mở"
        case .open: "đang mở"
        case .finalized: "đã chốt điểm"
        case .closed: "đã kết thúc"
        }
    }
}

extension AwardState.Status {
    public var vietnamese: String {
        switch self {
        case .proposed: "đề nghị"
        case .withdrawn: "rút"
        case .granted: "được tặng"
        case .rejected: "không được tặng"
        }
    }
}

extension CriterionKind {
    public var vietnamese: String {
        switch self {
        case .base: "cơ bản"
        case .bonus: "thưởng"
        case .penalty: "trừ"
        }
    }
}

extension Office {
    public var vietnamese: String {
        switch self {
        case .head: "khối trưởng"
        case .deputy: "khối phó"
        case .award: "khen thưởng"
        }
    }
}

extension BallotMethod {
    public var vietnamese: String {
        switch self {
        case .open: "công khai"
        case .secret: "bỏ phiếu kín"
        }
    }
}

extension ElectionResult.Outcome {
    public var vietnamese: String {
        switch self {
        case .elected: "trúng cử"
        case .tie: "hòa phiếu"
        case .short: "thiếu đa số"
        case .noQuorum: "không đủ túc số"
        }
    }
}
