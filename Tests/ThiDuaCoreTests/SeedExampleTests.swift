import Foundation
import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog

@Suite("The seed example (EventLog/examples) tells the 30-3-2018 conference's story")
struct SeedExampleTests {
    static func ledger() throws -> Ledger {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("EventLog/examples/bdtw-2017-2018.jsonl"), encoding: .utf8)
        var ledger = Ledger()
        for (index, line) in text.split(separator: "\n").enumerated() {
            do {
                try ledger.record(try Envelope.parse(line: Array(line.utf8)))
            } catch {
                Issue.record("line \(index + 1): \(error)")
                throw error
            }
        }
        return ledger
    }

    @Test func standings2017AgreeWithTheProposals() throws {
        let year = try Self.ledger().year(StreamID(bloc: "BDTW", year: 2017))
        #expect(year.status == .closed)
        #expect(year.members.count == 8)
        #expect((15...25).contains(year.criteria.count))
        #expect(Set(year.criteria.values.map(\.kind)) == [.base, .bonus, .penalty])
        let standings = year.standings
        #expect(standings.first?.member == "BNCTW")
        #expect(standings.first?.rank == 1)
        #expect(Set(standings.prefix(4).map(\.member)) == ["BNCTW", "UBKTTW", "BKTTW", "BTGTW"])
        #expect(standings.allSatisfy { $0.complete })
        #expect(year.awards["BNCTW"]?.kind == .governmentFlag)
        #expect(year.awards.values.filter { $0.kind == .pmCertificate }.map(\.member).sorted() == ["BKTTW", "BTGTW", "UBKTTW"])
        #expect(year.scores.values.contains { $0.values.contains { $0.reviewed != nil } })
    }

    @Test func year2018ElectsTheSeedsOfficersAndSignsThePact() throws {
        let year = try Self.ledger().year(StreamID(bloc: "BDTW", year: 2018))
        #expect(year.head == "BKTTW")
        #expect(Set(year.deputies) == ["UBKTTW", "BDVTW"])
        #expect(year.pact.clauses.count == 6)
        #expect(year.pact.signatures.count == 8)
        #expect(year.pactInForce)
        #expect(year.elections.values.allSatisfy { $0.result?.outcome == .elected })
    }
}
