import ThiDuaCore

extension YearReport {
    /// Part 2: bảng xếp hạng — group subtotals, bonus, penalty, total, rank, complete, award marks.
    func standings(_ facts: ReportFacts) -> Node {
        guard !facts.standings.isEmpty else { return .section("I. Bảng xếp hạng", [.none]) }
        let headers: [Node] = [.th("Hạng", [.class("c")]), .th("Đơn vị")]
            + facts.baseGroups.map { .th($0.label, [.class("num")]) }
            + [.th("Điểm cơ bản", [.class("num")]), .th("Điểm thưởng", [.class("num")]), .th("Điểm trừ", [.class("num")]),
               .th("Tổng điểm", [.class("num")]), .th("Đủ điểm", [.class("c")]), .th("Khen thưởng")]
        let rows = facts.standings.map { row -> Node in
            let groups = (facts.groupBase[row.member] ?? []).enumerated().map { index, points in
                Node.points(points, "standings.group", member: row.member, item: String(index))
            }
            return .row([Node.number(String(row.rank), "standings.rank", member: row.member, class: "num c"),
                         .tag("td", [.tag("span", text: row.name), .tag("span", [.class("self")], text: " (\(row.member))")])]
                        + groups
                        + [.points(row.base, "standings.base", member: row.member), .points(row.bonus, "standings.bonus", member: row.member),
                           .points(row.penalty, "standings.penalty", member: row.member),
                           .number(VietnameseFormat.points(row.total), "standings.total", member: row.member, class: "num strong"),
                           .td(row.complete ? "đủ" : "chưa đủ", [.class("c")]),
                           .td(awardMarks(row.member))],
                        [Attribute("data-row", row.member)])
        }
        return .section("I. Bảng xếp hạng", [
            .table(headers, rows, [.class("standings sheet")]),
            .p("Tổng điểm = điểm cơ bản + điểm thưởng − điểm trừ; xếp hạng theo tổng điểm, bằng điểm thì cùng hạng. "
               + "Cột nhóm là điểm cơ bản của nhóm tiêu chí. “Đủ điểm”: có điểm ở mọi tiêu chí đang áp dụng.", [.class("note")]),
        ])
    }

    /// The member's award proposals and their fate, e.g. `Cờ thi đua của Chính phủ: đề nghị`.
    func awardMarks(_ member: String) -> String {
        guard let award = state.awards[member] else { return "" }
        return "\(awardName(award.kind)): \(award.status.vietnamese)"
    }

    func awardName(_ kind: AwardKind) -> String { bloc.awardName(kind, year: state.year) ?? kind.rawValue }
}
