import ThiDuaCore
import ThiDuaReport

/// The rules' words — statuses, kinds, offices, methods, outcomes — as a table shows them. English is the stored
/// value itself (what JSON and CSV carry); Vietnamese is what an emulation officer calls it.
extension YearState.Status {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi: vietnamese
        }
    }
}

extension AwardState.Status {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi: vietnamese
        }
    }
}

extension AwardOutcome {
    func shown(_ lang: Lang) -> String {
        switch self {
        case .granted: AwardState.Status.granted.shown(lang)
        case .rejected: AwardState.Status.rejected.shown(lang)
        }
    }
}

extension CriterionKind {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi: vietnamese
        }
    }
}

extension Office {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi: vietnamese
        }
    }
}

extension BallotMethod {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi: vietnamese
        }
    }
}

extension ElectionResult.Outcome {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi: vietnamese
        }
    }
}

extension YearChange.Kind {
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: rawValue
        case .vi:
            switch self {
            case .status: "trạng thái"
            case .member: "đơn vị"
            case .criterion: "tiêu chí"
            case .score: "điểm"
            case .standing: "xếp hạng"
            case .officers: "khối trưởng, khối phó"
            case .election: "bầu cử"
            case .signature: "chữ ký"
            case .award: "khen thưởng"
            }
        }
    }
}

/// The same words where a projection keeps them as stored text: a text the rules do not know (yet) is shown as stored.
enum Stored {
    static func yearStatus(_ text: String, _ lang: Lang) -> String { YearState.Status(rawValue: text)?.shown(lang) ?? text }
    static func office(_ text: String, _ lang: Lang) -> String { Office(rawValue: text)?.shown(lang) ?? text }
    static func method(_ text: String, _ lang: Lang) -> String { BallotMethod(rawValue: text)?.shown(lang) ?? text }

    /// An election's outcome, or `open` while it is.
    static func outcome(_ text: String, _ lang: Lang) -> String {
        if text == "open" { return YearState.Status.open.shown(lang) }
        return ElectionResult.Outcome(rawValue: text)?.shown(lang) ?? text
    }

    /// The award's name (the same in both languages: it is the title's proper name).
    /// MERGE: award kinds become data in `rules.adopted` (each with its own name); then take the name from the rules
    /// in force and keep this only as the fallback for the two national kinds.
    static func awardName(_ kind: String) -> String {
        switch kind {
        case AwardKind.governmentFlag.rawValue: "Cờ thi đua của Chính phủ"
        case AwardKind.pmCertificate.rawValue: "Bằng khen của Thủ tướng Chính phủ"
        default: kind
        }
    }
}
