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
            var method: [Node] = [.text(election.spec.method.vietnamese)]
            if let tally = election.tally {
                method.append(.tag("div", [.class("self")], text: "kiểm phiếu: \(tally.ballots) phiếu, \(tally.invalid) không hợp lệ"))
            }
            let quorum: String
            if let result = election.result {
                let reached = rules.quorum.isReached(by: result.ballots, of: result.eligible)
                quorum = "\(reached ? "đạt" : "không đạt"): \(result.ballots)/\(result.eligible) đơn vị (yêu cầu \(rules.quorum.reduced))"
            } else {
                quorum = "yêu cầu \(rules.quorum.reduced)"
            }
            return .row([
                .tag("td", [.text(id), .void("br"), .tag("span", [.class("self")], text: office)]),
                .number(String(election.spec.term(in: state.year)), "elections.term", item: id),
                .tag("td", method),
                .number(String(row.seats), "elections.seats", item: id),
                candidates,
                .number(String(row.ballots), "elections.ballots", item: id),
                .td(quorum),
                .td(election.result.map { $0.outcome.vietnamese } ?? "đang bầu"),
                .td(row.elected.map(facts.named).joined(separator: "; ")),
            ])
        }
        return .section("IV. Bầu cử", [
            .table(headers, rows, [.class("sheet")]),
            .p("Quy định đang áp dụng: trúng cử khi được quá \(rules.majority.reduced) số phiếu hợp lệ; túc số \(rules.quorum.reduced) số đơn vị.", [.class("note")]),
        ])
    }
}

extension Fraction {
    /// `1/2` for a rule stored as 5/10; `1` for 1/1.
    var reduced: String {
        var a = numerator.magnitude, b = denominator.magnitude
        while b != 0 { (a, b) = (b, a % b) }
        guard a > 1, a <= UInt64(Int64.max) else { return description }
        return Fraction(numerator / Int64(a), denominator / Int64(a)).description
    }
}
