import ThiDuaCore

extension YearReport {
    /// Part 8: đề nghị khen thưởng and the decisions on them (number, date).
    func awards(_ facts: ReportFacts) -> Node {
        let list = state.awards.values
        guard !list.isEmpty else { return .section("VII. Khen thưởng", [.none]) }
        let headers: [Node] = [.th("Đơn vị"), .th("Hình thức khen thưởng"), .th("Ngày đề nghị"), .th("Căn cứ"), .th("Trạng thái"),
                               .th("Quyết định số"), .th("Ngày quyết định")]
        let rows = list.map { award -> Node in
            var basis = award.basis ?? ""
            if let election = award.election { basis += (basis.isEmpty ? "" : "; ") + "bầu tại \(election)" }
            return .row([.td(facts.named(award.member)), .td(awardName(award.kind)),
                         .td(facts.record.proposals[award.member].map(VietnameseFormat.day) ?? ""), .td(basis),
                         .td(award.status.vietnamese), .td(award.decision ?? ""), .td(award.date.map(VietnameseFormat.day) ?? "")])
        }
        return .section("VII. Khen thưởng", [.table(headers, rows)])
    }
}
