import ThiDuaCore

/// The sentences around tables, in both languages, in one place.
enum Phrase {
    /// `BDTW 2017 — đã chốt điểm, tính đến vị trí 245`.
    static func heading(bloc: String, year: Int, status: String, position: Int64, _ lang: Lang) -> String {
        switch lang {
        case .vi: "\(bloc) \(year) — \(Stored.yearStatus(status, lang)), tính đến vị trí \(position)"
        case .en: "\(bloc) \(year) — \(status), as of position \(position)"
        }
    }

    /// `BT 2024 — quy chế áp dụng từ năm 2024` and the voting rules below it.
    static func rulesHeading(bloc: String, year: Int, fromYear: Int?, majority: String, quorum: String, _ lang: Lang) -> String {
        switch lang {
        case .vi:
            "\(bloc) \(year) — " + (fromYear.map { "quy chế áp dụng từ năm \($0)" } ?? "quy chế mặc định")
                + "\ntrúng cử khi quá \(majority) số phiếu hợp lệ, túc số \(quorum) số đơn vị"
        case .en:
            "\(bloc) \(year) — " + (fromYear.map { "rules adopted from \($0)" } ?? "default rules")
                + "\nmajority \(majority), quorum \(quorum)"
        }
    }

    /// Under the officers: who was elected this year for the next term, and by which elections.
    static func electedForNextTerm(term: Int, elections: [String], _ lang: Lang) -> String {
        switch lang {
        case .vi: "Nhiệm kỳ \(term): đã bầu tại \(elections.joined(separator: ", ")); nhận nhiệm vụ khi mở năm \(term) (thidua year open \(term) --from \(term - 1))"
        case .en: "Term \(term): elected in \(elections.joined(separator: ", ")); they take office when \(term) opens (thidua year open \(term) --from \(term - 1))"
        }
    }

    static func appended(position: Int64, event: String, already: Bool, _ lang: Lang) -> String {
        switch (lang, already) {
        case (.vi, false): "đã ghi vị trí \(position): \(event)"
        case (.vi, true): "đã có từ trước ở vị trí \(position): \(event)"
        case (.en, false): "appended position \(position): \(event)"
        case (.en, true): "already recorded at position \(position): \(event)"
        }
    }

    static func nothingToAppend(_ lang: Lang) -> String {
        switch lang {
        case .vi: "không có gì để ghi: đầu vào không có sự kiện nào"
        case .en: "nothing to append: the input holds no events"
        }
    }

    /// The head to write in the minutes after an import.
    static func logHead(position: Int64, hash: String, _ lang: Lang) -> String {
        switch lang {
        case .vi: "đầu nhật ký: vị trí \(position), mã băm \(hash)"
        case .en: "log head: position \(position), hash \(hash)"
        }
    }

    static func blocFounded(_ bloc: String, path: String, _ lang: Lang) -> String {
        switch lang {
        case .vi: "đã lập khối \(bloc) trong \(path)"
        case .en: "bloc \(bloc) founded in \(path)"
        }
    }

    static func appendedCount(_ appended: Int, alreadyRecorded: Int, _ lang: Lang) -> String {
        switch lang {
        case .vi: "ghi thêm \(appended) sự kiện, \(alreadyRecorded) sự kiện đã có"
        case .en: "\(appended) event(s) appended, \(alreadyRecorded) already recorded"
        }
    }

    static func none(_ lang: Lang) -> String {
        switch lang {
        case .vi: "(không có)"
        case .en: "(none)"
        }
    }

    /// Who, where there is nobody.
    static func nobody(_ lang: Lang) -> String {
        switch lang {
        case .vi: "chưa có"
        case .en: "none"
        }
    }

    /// A group's name in a table's first column: `nhóm A`, `group A`.
    static func group(_ name: String?, _ lang: Lang) -> String {
        switch lang {
        case .vi: "nhóm \(name ?? "—")"
        case .en: "group \(name ?? "—")"
        }
    }

    static func groupInForce(_ name: String?, _ lang: Lang) -> String {
        switch lang {
        case .vi: "nhóm \(name ?? "—"), đang áp dụng"
        case .en: "group \(name ?? "—"), in force"
        }
    }

    /// `điểm tối đa đang áp dụng: cơ bản 100, thưởng 5, trừ 7`.
    static func maxima(_ parts: [String], _ lang: Lang) -> String {
        switch lang {
        case .vi: "điểm tối đa đang áp dụng: " + parts.joined(separator: ", ")
        case .en: "maximum in force: " + parts.joined(separator: ", ")
        }
    }

    static func reviewedFootnote(_ lang: Lang) -> String {
        switch lang {
        case .vi: "* điểm thẩm định: điểm này được tính; điểm đơn vị tự chấm trong ngoặc"
        case .en: "* reviewed (thẩm định): these points count; the member's self-score in brackets"
        }
    }

    static func noPact(_ lang: Lang) -> String {
        switch lang {
        case .vi: "chưa dự thảo giao ước thi đua"
        case .en: "no pact drafted"
        }
    }

    static func noSignatures(_ lang: Lang) -> String {
        switch lang {
        case .vi: "chưa có đơn vị nào ký"
        case .en: "no signatures"
        }
    }

    static func pactStatus(inForce: Bool, signed: Int, active: Int, _ lang: Lang) -> String {
        switch (lang, inForce) {
        case (.vi, true): "có hiệu lực: cả \(active) đơn vị đã ký"
        case (.vi, false): "chưa có hiệu lực: \(signed)/\(active) đơn vị đã ký"
        case (.en, true): "in force: signed by all \(active) members"
        case (.en, false): "not in force: \(signed) of \(active) members signed"
        }
    }

    /// Replay's one line about the pact.
    static func pactSummary(clauses: Int, signatures: Int, inForce: Bool, _ lang: Lang) -> String {
        switch lang {
        case .vi:
            clauses == 0 ? "chưa dự thảo"
                : "\(clauses) điều khoản, \(signatures) chữ ký, " + (inForce ? "có hiệu lực" : "chưa có hiệu lực")
        case .en:
            clauses == 0 ? "not drafted"
                : "\(clauses) clause(s), \(signatures) signature(s), " + (inForce ? "in force" : "not in force")
        }
    }

    static func unregistered(_ codes: [String], _ lang: Lang) -> String {
        switch lang {
        case .vi: "chưa đăng ký: " + codes.joined(separator: ", ")
        case .en: "not registered: " + codes.joined(separator: ", ")
        }
    }

    static func noKeys(_ lang: Lang) -> String {
        switch lang {
        case .vi: "chưa có khóa nào được đăng ký"
        case .en: "no key is registered"
        }
    }

    static func noEvents(_ lang: Lang) -> String {
        switch lang {
        case .vi: "không có sự kiện nào khớp"
        case .en: "no events match"
        }
    }

    static func noChanges(_ lang: Lang) -> String {
        switch lang {
        case .vi: "không có thay đổi"
        case .en: "no changes"
        }
    }

    /// Replay's first line: `BDTW 2017 — đã kết thúc, dựng lại đến vị trí 245 (tính đến 30/03/2018)`.
    static func replayed(bloc: String, year: Int, status: YearState.Status, position: Int64, bounds: String, _ lang: Lang) -> String {
        let within = bounds.isEmpty ? "" : " (\(bounds))"
        switch lang {
        case .vi: return "\(bloc) \(year) — \(status.shown(lang)), dựng lại đến vị trí \(position)\(within)"
        case .en: return "\(bloc) \(year) — \(status.rawValue), replayed to position \(position)\(within)"
        }
    }

    /// The bounds of a replay: `as of 2018-03-30, known at …, up to position 40`.
    static func bounds(asOf: String?, knownAt: String?, at: Int64?, _ lang: Lang) -> String {
        let parts: [String?]
        switch lang {
        case .vi:
            parts = [asOf.map { "tính đến \(Shown.moment($0, lang))" }, knownAt.map { "ghi nhận đến \(Shown.moment($0, lang))" },
                     at.map { "đến vị trí \($0)" }]
        case .en:
            parts = [asOf.map { "as of \($0)" }, knownAt.map { "known at \($0)" }, at.map { "up to position \($0)" }]
        }
        return parts.compactMap { $0 }.joined(separator: ", ")
    }

    /// Diff's first line.
    static func diffHeading(bloc: String, year: Int, from: String, fromPosition: Int64, to: String?, toPosition: Int64,
                            events: Int, _ lang: Lang) -> String {
        switch lang {
        case .vi:
            "\(bloc) \(year): \(Shown.moment(from, lang)) (vị trí \(fromPosition)) → \(to.map { Shown.moment($0, lang) } ?? "hiện tại") "
                + "(vị trí \(toPosition)), \(events) sự kiện ở giữa"
        case .en:
            "\(bloc) \(year): \(from) (position \(fromPosition)) → \(to ?? "now") (position \(toPosition)), \(events) event(s) between"
        }
    }

    /// `#12 score.submitted by BNCTW`.
    static func cause(position: Int64, type: String, actor: String, _ lang: Lang) -> String {
        switch lang {
        case .vi: "#\(position) \(type) của \(actor)"
        case .en: "#\(position) \(type) by \(actor)"
        }
    }

    static func more(_ count: Int, _ lang: Lang) -> String {
        switch lang {
        case .vi: "+\(count) sự kiện khác"
        case .en: "+\(count) more"
        }
    }

    static func demoAppended(file: String, appended: Int, alreadyRecorded: Int, _ lang: Lang) -> String {
        switch lang {
        case .vi: "\(file): ghi thêm \(appended) sự kiện, \(alreadyRecorded) sự kiện đã có"
        case .en: "\(file): \(appended) event(s) appended, \(alreadyRecorded) already recorded"
        }
    }

    static func demoLog(_ path: String, _ lang: Lang) -> String {
        switch lang {
        case .vi: "sổ sự kiện: \(path)"
        case .en: "log: \(path)"
        }
    }

    static func demoNext(_ lang: Lang) -> String {
        switch lang {
        case .vi: "Xem tiếp: thidua log --year 2017 --member BNCTW, thidua elections --year 2018, thidua verify"
        case .en: "Next: thidua log --year 2017 --member BNCTW, thidua elections --year 2018, thidua verify"
        }
    }

    /// What `scores import` saved.
    static func sheetSaved(cells: Int, sheet: String, type: String, _ lang: Lang) -> String {
        switch lang {
        case .vi: "đã lưu \(cells) ô của bảng \(sheet) thành sự kiện \(type)"
        case .en: "\(cells) cell(s) of \(sheet) saved as \(type)"
        }
    }
}
