import ThiDuaCore

extension YearReport {
    /// Part 1: the bloc, the title, the year's status, the moment the facts are taken at.
    func heading(_ facts: ReportFacts) -> Node {
        var items: [(String, Node)] = [
            ("Trạng thái năm thi đua", .text(state.status.vietnamese)),
            ("Số liệu tính đến", .list([.text("ngày \(VietnameseFormat.day(moment.asOf ?? madeAt)), vị trí "),
                                       .tag("span", [.number("position")], text: String(position)),
                                       .text(" của sổ sự kiện" + momentText)])),
            ("Số đơn vị", .tag("span", [.number("members")], text: String(state.activeMembers.count))),
            ("Lập lúc", .text(VietnameseFormat.moment(madeAt) + " (giờ Việt Nam, +07:00)")),
        ]
        if let digest { items.append(("Mã kiểm chứng (digest)", .tag("span", [.class("hash"), Attribute("id", "digest")], text: digest.text))) }
        items.append(("stateHash", .tag("span", [.class("hash"), Attribute("id", "stateHash")], text: stateHash)))
        return .tag("header", [
            .tag("div", [.class("bloc")], text: facts.blocName),
            bloc.organiser.map { .tag("div", [.class("organiser")], text: $0) } ?? .empty,
            .tag("h1", text: "Báo cáo kết quả thi đua năm \(state.year)"),
            .tag("dl", [.class("facts")], items.flatMap { [.tag("dt", text: $0.0), .tag("dd", [$0.1])] }),
        ])
    }

    /// `, sự kiện xảy ra đến 30/03/2018 …` for the bounds given; empty for now.
    var momentText: String {
        var parts: [String] = []
        if let asOf = moment.asOf { parts.append("sự kiện xảy ra đến \(VietnameseFormat.moment(asOf))") }
        if let knownAt = moment.knownAt { parts.append("sổ đã ghi đến \(VietnameseFormat.moment(knownAt))") }
        if let at = moment.at { parts.append("giới hạn ở vị trí \(at)") }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
    }
}
