import ThiDuaCore

extension YearReport {
    /// Part 4: bảng tổng hợp điểm — criteria down, members across; a reviewed cell shows the points that count,
    /// marked *, with the member's self-score beneath. Wide blocs get a landscape page.
    func scoreSheet(_ facts: ReportFacts) -> Node {
        let sheet = facts.sheet
        guard !sheet.rows.isEmpty, !sheet.groups.isEmpty else { return .section("III. Bảng tổng hợp điểm", [.none]) }
        let headers: [Node] = [.th("Mã"), .th("Tiêu chí"), .th("Tối đa", [.class("num")])]
            + sheet.rows.map { .th($0.member.code, [.class("num"), Attribute("title", $0.member.name)]) }
        var rows: [Node] = []
        var index = 0
        for (g, group) in sheet.groups.enumerated() {
            for criterion in group.criteria {
                let cells = sheet.rows.map { row in cell(row.scores[index], member: row.member.code, criterion: criterion.code) }
                rows.append(.row([.td(criterion.code), .td(criterion.title + (criterion.kind == .base ? "" : " (\(criterion.kind.vietnamese))"), [.class("title")]),
                                  .points(criterion.maxPoints, "criterion.max", item: criterion.code)] + cells))
                index += 1
            }
            rows.append(.row([.td(""), .td("Cộng \(group.label.lowercasedFirst)"), .points(group.maxPoints, "group.max", item: String(g))]
                             + sheet.rows.map { .points($0.groupPoints[g], "sheet.group", member: $0.member.code, item: String(g)) },
                             [.class("sub")]))
        }
        let totals: [(String, String, (ScoreSheet.Row) -> Node)] = [
            ("Điểm cơ bản", "sheet.base", { .points($0.base, "sheet.base", member: $0.member.code) }),
            ("Điểm thưởng", "sheet.bonus", { .points($0.bonus, "sheet.bonus", member: $0.member.code) }),
            ("Điểm trừ", "sheet.penalty", { .points($0.penalty, "sheet.penalty", member: $0.member.code) }),
            ("Tổng điểm", "sheet.total", { .points($0.total, "sheet.total", member: $0.member.code) }),
            ("Xếp hạng", "sheet.rank", { row in row.rank.map { .number(String($0), "sheet.rank", member: row.member.code) } ?? .td("—") }),
        ]
        for (label, _, value) in totals {
            rows.append(.row([.td(""), .td(label), .td("")] + sheet.rows.map(value), [.class("total")]))
        }
        let wide = sheet.rows.count > 10
        let reviewed = sheet.rows.contains { $0.scores.contains { $0?.reviewed != nil } }
        return .tag("section", wide ? [.class("wide")] : [], [
            .tag("h2", text: "III. Bảng tổng hợp điểm"),
            .table(headers, rows, [.class("sheet")]),
            .p("Mỗi ô là điểm được tính: điểm thẩm định nếu có, đánh dấu *, kèm điểm tự chấm trong ngoặc; còn lại là điểm tự chấm; "
               + "— là chưa có điểm. Tiêu chí đã bãi bỏ không tính và không có trong bảng."
               + (reviewed ? "" : " Năm này không có điểm thẩm định."), [.class("note")]),
            .p("Mã đơn vị: " + sheet.rows.map { "\($0.member.code) — \($0.member.name)" }.joined(separator: "; ") + ".", [.class("note")]),
        ])
    }

    /// `17,5`; `8,5*` over `(9)` where a review overrides a self-score; `—` where there is no score.
    private func cell(_ entry: ScoreEntry?, member: String, criterion: String) -> Node {
        guard let entry, let effective = entry.effective else { return .td("—", [.class("num")]) }
        let main = Node.tag("span", [.number("sheet.score"), Attribute("data-m", member), Attribute("data-c", criterion)],
                            text: VietnameseFormat.points(effective))
        guard entry.reviewed != nil else { return .tag("td", [.class("num")], [main]) }
        var parts = [main, .text("*")]
        if let submitted = entry.submitted {
            parts += [.void("br"), .tag("span", [.class("self"), .number("sheet.self"), Attribute("data-m", member), Attribute("data-c", criterion)],
                                        text: "(\(VietnameseFormat.points(submitted)))")]
        }
        return .tag("td", [.class("num")], parts)
    }
}

extension String {
    /// `Nhóm I` as `nhóm I`, for a label inside a sentence.
    var lowercasedFirst: String { first.map { $0.lowercased() + dropFirst() } ?? self }
}
