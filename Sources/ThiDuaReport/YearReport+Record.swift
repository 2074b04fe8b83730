import ThiDuaCore
import ThiDuaLog

extension YearReport {
    /// Part 9: the record — the year's events, the corrections, backdated and signed events, and how to check the report.
    func record(_ facts: ReportFacts) -> Node {
        let r = facts.record
        var items: [Node] = [
            .p("Năm \(state.year) có \(r.count) sự kiện trong sổ" + (r.first.map { " (vị trí \($0) đến \(r.last ?? $0))" } ?? "")
               + "; \(r.signed) sự kiện có chữ ký số (\(r.keys.count) khóa), \(r.unsigned) sự kiện không có chữ ký số."),
        ]
        if !r.byType.isEmpty {
            items.append(.table([.th("Loại sự kiện"), .th("Nội dung"), .th("Số sự kiện", [.class("num")])],
                                r.byType.map { .row([.td($0.type, [.class("hash")]), .td(Self.eventNames[$0.type] ?? ""), .td(String($0.count), [.class("num")])]) },
                                [.class("sheet")]))
        }
        items.append(.tag("h3", text: "Sửa đổi"))
        let resubmitted = r.correctionCounts[.resubmitted] ?? 0, reviewed = r.correctionCounts[.reviewed] ?? 0
        let voided = r.correctionCounts[.voided] ?? 0
        items.append(.p("\(resubmitted) điểm tự chấm lại, \(reviewed) điểm thẩm định, \(voided) phiếu bầu bị hủy."))
        if !r.corrections.isEmpty {
            items.append(.table([.th("Vị trí", [.class("num")]), .th("Ngày"), .th("Loại"), .th("Người ghi"), .th("Thay đổi"), .th("Lý do")],
                                r.corrections.map { c in
                                    .row([.td(String(c.position), [.class("num")]), .td(VietnameseFormat.day(c.occurredAt)), .td(Self.correctionName(c.kind)),
                                          .td(c.actor), .td(c.change), .td(c.reason ?? "")])
                                }, [.class("sheet")]))
            let total = resubmitted + voided + reviewed
            if total > r.corrections.count {
                items.append(.p("Còn \(total - r.corrections.count) sửa đổi khác: xem thidua log --year \(state.year).", [.class("note")]))
            }
        }
        items.append(.tag("h3", text: "Sự kiện ghi lùi ngày"))
        if r.backdatedCount == 0 {
            items.append(.p("Không có: mỗi sự kiện xảy ra không sớm hơn các sự kiện đã ghi trước nó."))
        } else {
            items.append(.p("\(r.backdatedCount) sự kiện xảy ra trước một sự kiện đã được ghi vào sổ trước nó:"))
            items.append(.table([.th("Vị trí", [.class("num")]), .th("Loại sự kiện"), .th("Xảy ra lúc"), .th("Ghi vào sổ lúc"), .th("Sau sự kiện xảy ra lúc")],
                                r.backdated.map { b in
                                    .row([.td(String(b.position), [.class("num")]), .td(b.type, [.class("hash")]), .td(VietnameseFormat.moment(b.occurredAt)),
                                          .td(VietnameseFormat.moment(b.recordedAt)), .td(VietnameseFormat.moment(b.after))])
                                }, [.class("sheet")]))
            if r.backdatedCount > r.backdated.count {
                items.append(.p("Còn \(r.backdatedCount - r.backdated.count) sự kiện khác: xem thidua log --year \(state.year).", [.class("note")]))
            }
        }
        items.append(contentsOf: checks)
        return .section("VIII. Sổ sự kiện và kiểm chứng", items)
    }

    /// The digest and stateHash, and the commands anyone can run to check them.
    private var checks: [Node] {
        let db = logFile.map { " --db \(Self.quoted($0))" } ?? ""
        var bounds = ""
        if let asOf = moment.asOf { bounds += " --as-of \(Self.quoted(asOf))" }
        if let knownAt = moment.knownAt { bounds += " --known-at \(Self.quoted(knownAt))" }
        if let at = moment.at { bounds += " --at \(at)" }
        let blocOption = " --bloc \(state.bloc)"
        var items: [Node] = [.tag("h3", text: "Kiểm chứng")]
        var facts: [Node] = []
        if let digest {
            facts += [.tag("dt", text: "Mã kiểm chứng của sổ (digest) khi lập báo cáo"),
                      .tag("dd", [.tag("span", [.class("hash"), Attribute("data-digest", digest.text)], text: digest.text)])]
        }
        facts += [.tag("dt", text: "stateHash của năm \(state.year) (vị trí \(position))"),
                  .tag("dd", [.tag("span", [.class("hash")], text: stateHash)])]
        items.append(.tag("dl", [.class("facts")], facts))
        var commands: [String] = []
        if let digest {
            commands.append("thidua\(db) verify --digest \(digest.text)")
            commands.append("python3 Tools/verify_chain.py \(logFile.map(Self.quoted) ?? "thidua.sqlite") --digest \(digest.text)")
        }
        commands.append("thidua\(db)\(blocOption) replay --year \(state.year)\(bounds) --format json")
        items.append(.p("Kiểm tra: lệnh verify xác nhận sổ đến vị trí của digest không bị sửa (thoát 0); "
                        + "lệnh replay dựng lại năm từ sổ và in cùng stateHash như trên."))
        items.append(.tag("pre", [.class("hash keep")], text: commands.joined(separator: "\n")))
        return items
    }

    /// Where the report is signed when printed: who made it, and the head for the bloc.
    func signing(_ facts: ReportFacts) -> Node {
        let head = state.head.map(facts.name) ?? ""
        return .tag("div", [.class("signing keep")], [
            .tag("div", [.tag("b", text: "Người lập báo cáo"), .tag("div", [.class("note")], text: "(ký, ghi rõ họ tên)")]),
            .tag("div", [.tag("b", text: "T/M khối thi đua — Khối trưởng"), .tag("div", text: head),
                         .tag("div", [.class("note")], text: "(ký, ghi rõ họ tên, đóng dấu)")]),
        ])
    }

    /// A shell word: as it is when it is plain, else in single quotes.
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            (scalar.value < 128 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) || "-_./:+=,@".unicodeScalars.contains(scalar)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func correctionName(_ kind: RecordSummary.Correction.Kind) -> String {
        switch kind {
        case .resubmitted: "tự chấm lại"
        case .reviewed: "thẩm định"
        case .voided: "hủy phiếu"
        }
    }

    static let eventNames: [String: String] = [
        "bloc.founded": "thành lập khối", "rules.adopted": "thông qua quy định", "year.opened": "mở năm thi đua",
        "member.admitted": "kết nạp đơn vị", "member.withdrawn": "đơn vị rút khỏi khối", "criterion.set": "đặt tiêu chí",
        "criterion.retired": "bãi bỏ tiêu chí", "score.submitted": "tự chấm điểm", "score.reviewed": "thẩm định điểm",
        "scores.finalized": "chốt điểm", "election.opened": "mở bầu cử", "vote.cast": "bỏ phiếu", "vote.voided": "hủy phiếu",
        "ballots.tallied": "kiểm phiếu", "election.closed": "kết thúc bầu cử", "officers.appointed": "cử khối trưởng, khối phó",
        "pact.drafted": "soạn giao ước", "pact.signed": "ký giao ước", "registration.submitted": "đăng ký thi đua",
        "award.proposed": "đề nghị khen thưởng", "award.withdrawn": "rút đề nghị", "award.decided": "quyết định khen thưởng",
        "year.closed": "kết thúc năm", "year.reopened": "mở lại năm", "key.registered": "đăng ký khóa", "key.revoked": "thu hồi khóa",
    ]
}
