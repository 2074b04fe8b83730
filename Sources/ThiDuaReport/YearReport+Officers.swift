import ThiDuaCore

extension YearReport {
    /// Part 6: the year's head and deputies, and those elected in this year for the next.
    func officers(_ facts: ReportFacts) -> Node {
        var items: [Node] = [
            .tag("h3", text: "Năm \(state.year)"),
            officerTable(head: state.head, deputies: state.deputies, facts),
        ]
        let next = state.nextTerm
        if !next.isEmpty {
            let elections = [next.headElection, next.deputyElection].compactMap { $0 }
            items += [
                .tag("h3", text: "Bầu cho năm \(state.year.addingReportingOverflow(1).partialValue)"),
                officerTable(head: next.head, deputies: next.deputies, facts),
                .p(elections.isEmpty ? "" : "Bầu tại: " + elections.joined(separator: ", ") + ".", [.class("note")]),
            ]
        }
        return .section("V. Khối trưởng, khối phó", items)
    }

    private func officerTable(head: String?, deputies: [String], _ facts: ReportFacts) -> Node {
        let rows = [("Khối trưởng", head.map(facts.named) ?? "chưa có")]
            + (deputies.isEmpty ? [("Khối phó", "chưa có")] : deputies.map { ("Khối phó", facts.named($0)) })
        return .table([.th("Chức danh"), .th("Đơn vị")], rows.map { .row([.td($0.0), .td($0.1)]) })
    }
}
