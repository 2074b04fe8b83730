import Foundation
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

/// The server's group commit (§12): several batches in one transaction, a savepoint each.
@Suite("Store contract: group append")
struct GroupAppendContractTests {
    static func items(_ lines: [String]) -> [AppendItem] {
        lines.enumerated().map { offset, line in
            AppendItem(line: offset + 1, event: Result { () throws(ThiDuaError) -> ProposedEvent in try Envelope.parse(line: Array(line.utf8)) })
        }
    }

    @Test func aRefusedBatchLeavesTheOthersAndEachLaterOneSeesTheEarlierOnes() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        let before = try log.all().count
        let results = try log.store.appendGroup([
            Self.items([Lines.score("BNCTW", "10"), Lines.score("UBKTTW", "11")]),
            Self.items([Lines.score("BNCTW", "12"), Lines.score("BNCTW", "21")]),
            Self.items(["{not json"]),
            Self.items([Lines.score("UBKTTW", "13")]),
        ])
        #expect(results.count == 4)
        let first = try results[0].get(), last = try results[3].get()
        #expect(first.outcomes.map(\.position) == [Int64(before + 1), Int64(before + 2)])
        #expect(last.outcomes.map(\.position) == [Int64(before + 3)], "the refused batches left no gap")
        guard case .failure(.rejected(let rule)) = results[1], case .failure(.rejected(let malformed)) = results[2] else {
            Issue.record("the second and third batches were not refused: \(results)")
            return
        }
        #expect(rule.code == .pointsOverMaximum && rule.line == 2)
        #expect(malformed.code == .malformedJson && malformed.line == 1)
        #expect(try log.all().map(\.position) == Array(1...Int64(before + 3)))
        #expect(try log.store.verify().isIntact)
    }

    @Test func aGroupKeepsEveryOutcomeBeyondWhatTheCLIPrints() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        let lines = (0..<(AppendReport.keptOutcomes + 5)).map { Lines.score("BNCTW", "\($0 % 20)") }
        let report = try #require(try log.store.appendGroup([Self.items(lines)]).first).get()
        #expect(report.outcomes.count == lines.count)
    }
}
