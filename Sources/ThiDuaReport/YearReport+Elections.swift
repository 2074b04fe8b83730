import ThiDuaCore

extension YearReport {
    /// Part 5: each election — term, office, method, candidates with their votes, ballots, quorum, outcome, elected.
    func elections(_ facts: ReportFacts) -> Node {
        let list = state.elections.values
        guard !list.isEmpty else { return .section("IV. Bầu cử", [.none]) }
        let rules = bloc.rules(forYear: state.year)
        let headers: [Node] = [.th("Cuộc bầu"), .th("Nhiệm kỳ", [.class("num")]), .th("Hình thức"), .th("Số ghế", [.class("num")]),
                               .th("Ứng viên và số phiếu"), .th("Phiếu hợp lệ", [.class("num")]), .th("Túc số"), .th("Kết quả"), .th("Trúng cử")]
        let rows = list.map { election -> Node in
            let row = ElectionRow(election)
            let id = row.id
            var office = election.spec.office.vietnamese
            if let award = election.spec.award { office += ": " + awardName(award) }
            let candidates = Node.tag("td", row.candidates.enumerated().map { index, code in
                Node.tag("div", [
                    .text(facts.named(code) + ": "),
                    .tag("span", [.number("elections.tally"), Attribute("data-m", code), Attribute("data-c", id)],
                         text: String(row.tally[code] ?? 0)),
                ])
            })
            var ballots: [Node] = [.tag("span", [.number("elections.ballots"), Attribute("data-c", id)], text: String(row.ballots))]
            if let tally = election.tally {
                ballots += [.tag("div", [.class("self wrap")], text: "(kiểm phiếu: \(tally.ballots) phiếu, \(tally.invalid) không hợp lệ)")]
            }
            let quorum: String
            if let result = election.result {
                let reached = rules.quorum.isReached(by: result.ballots, of: result.eligible)
                quorum = "\(reached ? "đạt" : "không đạt"): \(result.ballots)/\(result.eligible) đơn vị (yêu cầu \(rules.quorum))"
            } else {
                quorum = "yêu cầu \(rules.quorum)"
            }
            return .row([
                .tag("td", [.text(id), .void("br"), .tag("span", [.class("self")], text: office)]),
                .number(String(election.spec.term(in: state.year)), "elections.term", item: id),
                .td(election.spec.method.vietnamese),
                .number(String(row.seats), "elections.seats", item: id),
                candidates,
                .tag("td", [.class("num")], ballots),
                .td(quorum),
                .td(election.result.map { $0.outcome.vietnamese } ?? "đang bầu"),
                .td(row.elected.map(facts.named).joined(separator: "; ")),
            ])
        }
        return .section("IV. Bầu cử", [
            .table(headers, rows, [.class("sheet")]),
            .p("Quy định đang áp dụng: trúng cử khi được quá \(rules.majority) số phiếu hợp lệ; túc số \(rules.quorum) số đơn vị.", [.class("note")]),
        ])
    }
}
