import ThiDuaCore

extension YearReport {
    /// Part 7: giao ước thi đua — the clauses, and who signed for each member: signatory, title, date, key fingerprint.
    func pact(_ facts: ReportFacts) -> Node {
        let pact = state.pact
        guard !pact.clauses.isEmpty || !pact.signatures.isEmpty else { return .section("VI. Giao ước thi đua", [.none]) }
        let clauses = Node.tag("ol", [.class("clauses")], pact.clauses.map { .tag("li", text: $0) })
        let headers: [Node] = [.th("Đơn vị"), .th("Người ký"), .th("Chức vụ"), .th("Ngày ký"), .th("Khóa ký (dấu vân tay)")]
        let rows = pact.signatures.values.map { signature -> Node in
            let signing = facts.record.pactSignings[signature.member]
            return .row([.td(facts.named(signature.member)), .td(signature.signatory), .td(signature.title ?? ""),
                         .td(signing.map { VietnameseFormat.day($0.occurredAt) } ?? ""),
                         .td(signing?.fingerprint ?? "không ký số", [.class(signing?.fingerprint == nil ? "note" : "hash")])])
        }
        let unsigned = state.activeMembers.filter { pact.signatures[$0.code] == nil }.map { facts.named($0.code) }
        return .section("VI. Giao ước thi đua", [
            .p(state.pactInForce ? "Giao ước có hiệu lực: mọi đơn vị đã ký." : "Giao ước chưa có hiệu lực: chưa đủ chữ ký của mọi đơn vị."),
            .tag("h3", text: "Nội dung giao ước"),
            pact.clauses.isEmpty ? .none : clauses,
            .tag("h3", text: "Chữ ký"),
            rows.isEmpty ? .none : .table(headers, rows),
            unsigned.isEmpty ? .empty : .p("Chưa ký: " + unsigned.joined(separator: "; ") + ".", [.class("note")]),
        ])
    }
}
