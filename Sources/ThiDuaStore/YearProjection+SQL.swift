import GRDB
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

extension YearProjection {
    /// Replaces the stored rows of this year with these.
    func write(_ db: Database) throws {
        let stream = stream.description
        try YearProjection.delete(stream: stream, db)
        try db.cachedStatement(sql: """
            INSERT INTO year_summary (stream, bloc, year, position, version, status, head, deputies, pact_in_force)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [stream, bloc, year, position, version, status, head, Self.text(deputies), pactInForce])
        let member = try db.cachedStatement(sql: "INSERT INTO year_member VALUES (?, ?, ?, ?, ?)")
        for (ord, m) in members.enumerated() { try member.execute(arguments: [stream, ord, m.code, m.name, m.active]) }
        let standing = try db.cachedStatement(sql: "INSERT INTO year_standing VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (ord, r) in standings.enumerated() {
            try standing.execute(arguments: [stream, ord, r.rank, r.member, r.name, r.base.hundredths, r.bonus.hundredths,
                                             r.penalty.hundredths, r.total.hundredths, r.complete])
        }
        let election = try db.cachedStatement(sql: "INSERT INTO year_election VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (ord, e) in elections.enumerated() {
            try election.execute(arguments: [stream, ord, e.id, e.office, e.seats, e.method, e.award, Self.text(e.candidates),
                                             e.ballots, JSON.object(e.tally.mapValues { JSON($0) }).canonicalText, e.status,
                                             e.outcome, Self.text(e.elected)])
        }
        let clause = try db.cachedStatement(sql: "INSERT INTO year_pact_clause VALUES (?, ?, ?)")
        for (index, text) in clauses.enumerated() { try clause.execute(arguments: [stream, index + 1, text]) }
        let signature = try db.cachedStatement(sql: "INSERT INTO year_pact_signature VALUES (?, ?, ?, ?, ?)")
        for (ord, s) in signatures.enumerated() { try signature.execute(arguments: [stream, ord, s.member, s.signatory, s.title]) }
        let award = try db.cachedStatement(sql: "INSERT INTO year_award VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        for (ord, a) in awards.enumerated() {
            try award.execute(arguments: [stream, ord, a.member, a.kind.rawValue, a.status.rawValue, a.basis, a.election,
                                          a.decision, a.date])
        }
    }

    static func delete(stream: String, _ db: Database) throws {
        for table in ProjectionSchema.names {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE stream = ?").execute(arguments: [stream])
        }
    }

    /// The stored rows of one year; nil when the year has none.
    static func load(stream: StreamID, _ db: Database) throws -> YearProjection? {
        let key = stream.description
        guard let summary = try Row.fetchOne(db, sql: """
            SELECT \(columns["year_summary"]!) FROM year_summary WHERE stream = ?
            """, arguments: [key]) else { return nil }
        func rows(_ table: String, order: String = "ord") throws -> [Row] {
            try Row.fetchAll(db, sql: "SELECT \(columns[table]!) FROM \(table) WHERE stream = ? ORDER BY \(order)", arguments: [key])
        }
        let members = try rows("year_member").map { Member(code: $0["code"], name: $0["name"], active: $0["active"]) }
        let standings = try rows("year_standing").map { r in
            StandingRow(rank: r["rank"], member: r["member"], name: r["name"], base: Points(hundredths: r["base"]),
                        bonus: Points(hundredths: r["bonus"]), penalty: Points(hundredths: r["penalty"]),
                        total: Points(hundredths: r["total"]), complete: r["complete"])
        }
        let elections = try rows("year_election").map { r in
            ElectionRow(id: r["id"], office: r["office"], seats: r["seats"], method: r["method"], award: r["award"],
                        candidates: codes(r["candidates"]), ballots: r["ballots"], tally: counts(r["tally"]),
                        status: r["status"], outcome: r["outcome"], elected: codes(r["elected"]))
        }
        let clauses = try rows("year_pact_clause", order: "number").map { $0["text"] as String }
        let signatures = try rows("year_pact_signature").map { Signature(member: $0["member"], signatory: $0["signatory"], title: $0["title"]) }
        let awards = try rows("year_award").compactMap { r -> AwardState? in
            guard let kind = AwardKind(rawValue: r["kind"]), let status = AwardState.Status(rawValue: r["status"]) else { return nil }
            return AwardState(member: r["member"], kind: kind, status: status, basis: r["basis"], election: r["election"],
                              decision: r["decision"], date: r["date"])
        }
        return YearProjection(bloc: summary["bloc"], year: summary["year"], position: summary["position"],
                              version: summary["version"], status: summary["status"], members: members, head: summary["head"],
                              deputies: codes(summary["deputies"]), standings: standings, elections: elections,
                              clauses: clauses, signatures: signatures, pactInForce: summary["pact_in_force"], awards: awards)
    }

    /// Each table's columns, cast to the type the reader expects, so an edited value reads instead of trapping.
    static let columns: [String: String] = {
        func cast(_ spec: String) -> String {
            spec.split(separator: " ").map { item in
                let parts = item.split(separator: ":")
                let name = String(parts[0])
                switch parts.count > 1 ? String(parts[1]) : "t" {
                case "i": return "IFNULL(CAST(\(name) AS INTEGER), 0) AS \(name)"
                case "o": return "CAST(\(name) AS TEXT) AS \(name)"
                default: return "IFNULL(CAST(\(name) AS TEXT), '') AS \(name)"
                }
            }.joined(separator: ", ")
        }
        return [
            "year_summary": cast("bloc year:i position:i version:i status head:o deputies pact_in_force:i"),
            "year_member": cast("code name active:i"),
            "year_standing": cast("rank:i member name base:i bonus:i penalty:i total:i complete:i"),
            "year_election": cast("id office seats:i method award:o candidates ballots:i tally status outcome elected"),
            "year_pact_clause": cast("number:i text"),
            "year_pact_signature": cast("member signatory title:o"),
            "year_award": cast("member kind status basis:o election:o decision:o date:o"),
        ]
    }()

    static func text(_ codes: [String]) -> String { JSON.array(codes.map(JSON.string)).canonicalText }

    static func codes(_ text: String) -> [String] {
        (try? JSON.parse(text))?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    static func counts(_ text: String) -> [String: Int] {
        ((try? JSON.parse(text))?.objectValue ?? [:]).compactMapValues { $0.numberValue?.intValue }
    }
}
