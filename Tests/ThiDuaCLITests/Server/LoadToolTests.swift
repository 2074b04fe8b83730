import Foundation
import Testing

/// Tools/load_server.py (the §12 load test) in a tiny configuration on the built binary: on a real run its checks find
/// nothing lost in either mode, and when its results are doctored as a lost or repeated event would leave them, it
/// says so and exits 1.
@Suite("End to end: the server load test and its checks")
struct LoadToolTests {
    static func load(_ extra: [String]) throws -> (result: Thidua.Result, json: [String: Any]) {
        let result = try Thidua.capture("/usr/bin/env", [
            "python3", Thidua.packageRoot.appendingPathComponent("Tools/load_server.py").path, "--binary", Thidua.binary.path,
            "--clients", "4", "--events", "20", "--processes", "2", "--max-seconds", "20", "--json",
        ] + extra)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
        return (result, json)
    }

    @Test(.timeLimit(.minutes(2)))
    func bothModesLoseNothingRoundAfterRound() throws {
        let (result, json) = try Self.load(["--rounds", "2"])
        #expect(result.status == 0, "\(result)")
        #expect((json["problems"] as? [String]) == [], "\(result)")
        let runs = try #require(json["results"] as? [[String: Any]])
        #expect(runs.compactMap { $0["mode"] as? String } == ["group", "each", "group", "each"])
        #expect(runs.compactMap { $0["round"] as? Int } == [1, 1, 2, 2])
        #expect((json["ratios"] as? [Double])?.count == 2, "\(json)")
        for run in runs {
            #expect(run["acknowledged"] as? Int == 80, "\(run)")
            #expect(run["streamed"] as? Int == 80, "\(run)")
            #expect(run["non201"] as? Int == 0, "\(run)")
            #expect((run["rowsAfter"] as? Int ?? 0) - (run["rowsBefore"] as? Int ?? 0) == 80, "\(run)")
            #expect(run["verifyStatus"] as? Int == 0, "\(run)")
            #expect(run["serverStatus"] as? Int == 0, "\(run)")
            #expect((run["rate"] as? Double ?? 0) > 0, "\(run)")
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: [
        ("extra-ack", "the 201s acknowledged 81 events but 80 rows were appended"),
        ("drop-row", "the 201s acknowledged 80 events but 79 rows were appended"),
        ("drop-streamed", "the stream never carried 1 acknowledged positions"),
        ("duplicate-streamed", "the stream carried 1 positions more than once"),
        ("reorder-streamed", "the stream went back 1 times"),
        ("alter-streamed", "1 streamed events differ from what thidua log prints"),
    ])
    func aLostOrRepeatedEventIsNoticed(doctor: String, problem: String) throws {
        let (result, json) = try Self.load(["--modes", "group", "--doctor", doctor])
        #expect(result.status == 1, "\(result)")
        let problems = try #require(json["problems"] as? [String])
        #expect(problems.contains { $0.contains(problem) }, "\(problems)")
    }
}
