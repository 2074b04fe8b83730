import Foundation
import Testing
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

@Suite("End to end: verify and rebuild re-decide every event; a forged row or an edited snapshot cannot pass (§14)")
struct RedecideTests {
    func started() throws -> Thidua {
        let cli = try Thidua()
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "Khối thi đua", "--occurred-at", "2000-01-01").status == 0)
        #expect(try cli.run("append", "-", stdin: Example.year + Example.score("BNCTW", "5") + "\n").status == 0)
        return cli
    }

    /// The last row's position and hash, as `log --format json` shows them.
    func head(_ cli: Thidua) throws -> (position: Int64, hash: [UInt8]) {
        let last = try #require(try cli.run("log", "--format", "json").stdout.split(separator: "\n").last)
        guard case .object(let row) = try JSON.parse(String(last)),
              let position = row["position"]?.numberValue?.intValue, let hash = row["hash"]?.stringValue.flatMap(EventHashing.bytes(hex:))
        else { throw CancellationError() }
        return (Int64(position), hash)
    }

    /// Inserts a score over the maximum with the next position and version and a correct chain hash,
    /// as anyone with the sqlite3 shell and EventLog/HASHING.md can; the gap-free trigger lets it in.
    func forge(_ cli: Thidua) throws -> Int64 {
        let (previous, hash) = try head(cli)
        let event = RecordedEvent(position: previous + 1, stream: "BDTW/2017", version: previous, id: "00000000-0000-4000-9000-000000000001",
                                  type: "score.submitted", schema: 1, actor: "BNCTW", occurredAt: "2018-01-11T08:00:00+07:00",
                                  recordedAt: "2030-01-01T00:00:00.000000Z", correlation: nil,
                                  data: #"{"criterion":"1.1","member":"BNCTW","points":100001}"#, hash: [])
        let chained = EventHashing.chain(previous: hash, canonical: event.canonicalBytes)
        try cli.sqlite("""
            INSERT INTO event VALUES (\(event.position), '\(event.stream)', \(event.version), '\(event.id)', '\(event.type)', 1,
              '\(event.actor)', '\(event.occurredAt)', '\(event.recordedAt)', NULL, '\(event.data)', X'\(EventHashing.hex(chained))', NULL);
            """)
        return event.position
    }

    @Test func aForgedRowWithARecomputedChainFailsVerifyAndRebuild() throws {
        let cli = try started()
        defer { cli.remove() }
        let position = try forge(cli)
        #expect(try head(cli).position == position, "the forged row is in the log")
        let verify = try cli.run("verify")
        #expect(verify.status == 2, "\(verify)")
        #expect(verify.stdout.contains("chain: intact"), "\(verify)")
        #expect(verify.stdout.contains("rules: BROKEN at position \(position): score.submitted rejected: field data.points: points 100001 exceed the maximum 100000 of criterion 1.1 [points-over-maximum]"), "\(verify)")
        #expect(verify.stderr.hasPrefix("error: verify: position \(position) breaks a rule"), "\(verify)")
        let rebuild = try cli.run("rebuild")
        #expect(rebuild.status == 2, "\(rebuild)")
        #expect(rebuild.stdout.isEmpty)
        #expect(rebuild.stderr.contains("position \(position)") && rebuild.stderr.contains("[points-over-maximum]")
                && rebuild.stderr.contains("run thidua verify"), "\(rebuild)")
        #expect(try cli.run("verify").status == 2, "still caught after the refused rebuild")
    }

    @Test func anIntactLogSaysEveryEventFollowsTheRules() throws {
        let cli = try started()
        defer { cli.remove() }
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("rules: every event re-decided from the start follows them"))
        #expect(try cli.run("rebuild").status == 0)
    }

    /// The issue's case: a snapshot edited with the sqlite3 shell no longer matches its seal, so the
    /// typed command folds the year from the log and refuses the score; verify reports the snapshot.
    @Test func aScoreOverTheMaximumIsRefusedDespiteAnEditedSnapshot() throws {
        let cli = try started()
        defer { cli.remove() }
        try cli.sqlite(#"UPDATE year_snapshot SET state = replace(state, '"Nhiệm vụ",100000,', '"Nhiệm vụ",200000,') WHERE stream = 'BDTW/2017';"#)
        let verify = try cli.run("verify")
        #expect(verify.status == 2)
        #expect(verify.stdout.contains("the year's snapshot differs from the log"), "\(verify)")
        let submit = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2017", "--criterion", "1.1", "--points", "150000")
        #expect(submit.status == 1, "\(submit)")
        #expect(submit.stderr.contains("points 150000 exceed the maximum 100000 of criterion 1.1 [points-over-maximum]"), "\(submit)")
    }
}
