import Foundation
import Testing
import ThiDuaJSON
import ThiDuaLog

/// `thidua serve` end to end (§12): a real server on a loopback port, real HTTP clients (curl), the log checked after.
@Suite("End to end: thidua serve (§12)", .serialized)
struct ServerTests {
    static var memberKey: SigningKey { SignedLogTests.memberKey }

    /// The seed up to its first scores with both TEST keys registered, appended by the CLI.
    static func started() throws -> Thidua { try SignedLogTests.started() }

    /// A score of BNCTW for criterion 1.1, signed with its TEST key.
    static func score(_ points: String, id: String = UUID().uuidString.lowercased(), criterion: String = "1.1") throws -> String {
        try SignedLogTests.signed(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"\#(id)","occurredAt":"2017-12-12T08:00:00+07:00","data":{"member":"BNCTW","criterion":"\#(criterion)","points":\#(points)}}"#)
    }

    static func positions(_ cli: Thidua) throws -> [Int64] {
        try SignedLogTests.jsonLines(try cli.run("log", "--format", "json").stdout).map { try #require($0["position"] as? Int).asInt64 }
    }

    @Test func allowUnsignedIsAUsageErrorOffLoopbackAndAMalformedListenToo() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let open = try cli.run("serve", "--listen", "0.0.0.0:0", "--allow-unsigned", "--db", cli.database)
        #expect(open.status == 64 && open.stderr.contains("--allow-unsigned"), "\(open)")
        for listen in ["localhost", "127.0.0.1:99999", "127.0.0.1:x"] {
            let bad = try cli.run("serve", "--listen", listen, "--db", cli.database)
            #expect(bad.status == 64 && bad.stderr.contains("--listen"), "\(bad)")
        }
    }

    @Test func aSignedPostIsAppendedAndEachRefusalIsAProblemDocument() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let before = try Self.positions(cli)

        let line = try Self.score("12.5", id: "5f0c6a4e-0000-4000-a000-000000000001")
        let created = try server.request("POST", "/v1/events", body: line + "\n")
        #expect(created.status == 201, "\(created)")
        let appended = try #require(try created.json()["appended"] as? [[String: Any]])
        #expect(appended.count == 1 && appended[0]["position"] as? Int == before.count + 1, "\(created)")
        #expect(appended[0]["id"] as? String == "5f0c6a4e-0000-4000-a000-000000000001" && appended[0]["stream"] as? String == "BDTW/2017")
        let again = try server.request("POST", "/v1/events", body: line, contentType: "application/json")
        #expect(try again.status == 200 && again.json()["alreadyRecorded"] as? Int == 1, "\(again)")
        // Each event with the position it holds, already recorded or not: what the CLI prints of it.
        let events = try #require(try again.json()["events"] as? [[String: Any]], "\(again)")
        #expect(events.count == 1 && events[0]["position"] as? Int == before.count + 1 && events[0]["alreadyRecorded"] as? Bool == true
                && events[0]["type"] as? String == "score.submitted" && events[0]["version"] as? Int == appended[0]["version"] as? Int, "\(again)")
        let fresh = try #require(try created.json()["events"] as? [[String: Any]], "\(created)")
        #expect(fresh.count == 1 && fresh[0]["alreadyRecorded"] as? Bool == false && fresh[0]["position"] as? Int == before.count + 1, "\(created)")

        let unsigned = #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2017-12-12T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":3}}"#
        let cases: [(String, Int, String, Int?)] = [
            (unsigned, 401, "signature-required", 1),
            (try Self.score("12.5").replacingOccurrences(of: "12.5", with: "13"), 401, "bad-signature", 1),
            (try Self.score("1") + "\n{not json", 400, "malformed-json", 2),
            (try Self.score("999"), 422, "points-over-maximum", 1),
            (try SignedLogTests.signed(#"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","id":"5f0c6a4e-0000-4000-a000-000000000002","expectedVersion":1,"occurredAt":"2017-12-12T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":3}}"#),
             409, "conflict", 1),
        ]
        for (body, status, code, line) in cases {
            let refused = try server.request("POST", "/v1/events", body: body)
            #expect(refused.status == status && refused.contentType.hasPrefix("application/problem+json"), "\(refused)")
            let problem = try refused.json()
            #expect(problem["code"] as? String == code && problem["status"] as? Int == status, "\(refused)")
            #expect(problem["type"] as? String == "urn:thidua:problem:\(code)" && problem["title"] is String && problem["detail"] is String)
            #expect(problem["line"] as? Int == line, "\(refused)")
        }
        let wrongType = try server.request("POST", "/v1/events", body: "x", contentType: "text/csv")
        #expect(try wrongType.status == 415 && wrongType.json()["code"] as? String == "unsupported-media-type", "\(wrongType)")
        let huge = String(repeating: " ", count: 16 << 20) + "\n" + line
        let tooLarge = try server.request("POST", "/v1/events", body: huge)
        #expect(try tooLarge.status == 413 && tooLarge.json()["code"] as? String == "too-large", "\(tooLarge)")
        let missing = try server.request("GET", "/v1/nothing")
        #expect(missing.status == 404 && missing.contentType.hasPrefix("application/problem+json"), "\(missing)")
        let badYear = try server.request("GET", "/v1/years/abc/standings")
        #expect(badYear.status == 400, "\(badYear)")
        let noYear = try server.request("GET", "/v1/years/1999/standings")
        #expect(noYear.status == 404, "\(noYear)")

        #expect(try Self.positions(cli) == Array(1...Int64(before.count + 1)), "exactly one event was appended")
        let stopped = server.stop()
        #expect(stopped.status == 0, "\(stopped)")
        try SignedLogTests.verifiedByBoth(cli)
    }

    @Test func everyReadIsByteForByteTheCLIsJSON() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let queries: [(path: String, arguments: [String])] = [
            ("/v1/years/2017/standings", ["standings", "--year", "2017"]),
            ("/v1/years/2018/officers", ["officers", "--year", "2018"]),
            ("/v1/years/2018/pact", ["pact", "--year", "2018"]),
            ("/v1/years/2018/elections", ["elections", "--year", "2018"]),
            ("/v1/years/2017/awards", ["awards", "--year", "2017"]),
            ("/v1/years/2017/criteria", ["criteria", "--year", "2017"]),
            ("/v1/years/2017/scores", ["scores", "--year", "2017"]),
            ("/v1/years/2017/scores?member=bnctw", ["scores", "--year", "2017", "--member", "bnctw"]),
            ("/v1/years/2018/registrations", ["registrations", "--year", "2018"]),
            ("/v1/years/2017/replay", ["replay", "--year", "2017"]),
            ("/v1/years/2017/replay?asOf=2017-06-30&at=40", ["replay", "--year", "2017", "--as-of", "2017-06-30", "--at", "40"]),
            ("/v1/years/2017/standings?bloc=bdtw", ["standings", "--year", "2017", "--bloc", "bdtw"]),
            ("/v1/log", ["log"]),
            ("/v1/log?year=2017&member=BNCTW&since=2017-12-01", ["log", "--year", "2017", "--member", "BNCTW", "--since", "2017-12-01"]),
            ("/v1/log?type=vote.cast&type=ballots.tallied&from=10&to=200", ["log", "--type", "vote.cast", "--type", "ballots.tallied", "--from", "10", "--to", "200"]),
            ("/v1/digest", ["digest"]),
            ("/v1/verify", ["verify"]),
            ("/v1/verify?quick=true", ["verify", "--quick"]),
        ]
        for (path, arguments) in queries {
            let answer = try server.request("GET", path)
            let local = try cli.run(arguments + ["--format", "json"])
            #expect(local.status == 0, "\(local)")
            #expect(answer.status == 200, "\(path): \(answer)")
            #expect(answer.body == local.stdout, "\(path) differs from thidua \(arguments.joined(separator: " "))")
        }
        let verify = try server.request("GET", "/v1/verify")
        #expect(try verify.status == 200 && verify.json()["intact"] as? Bool == true && verify.json()["citedDocuments"] as? Int == 0, "\(verify)")
        // A filter naming what the bloc never had is refused as thidua log refuses it, naming the known ones.
        for (path, field, hint) in [("/v1/log?member=nope", "member", "known members: "), ("/v1/log?year=1999", "year", "known years: 2017, 2018"),
                                    ("/v1/log?bloc=bdtw&criterion=9.9", "criterion", "known criteria: "),
                                    ("/v1/log?election=X", "election", "known elections: ")] {
            let refused = try server.request("GET", path)
            let problem = try refused.json()
            #expect(refused.status == 404 && problem["code"] as? String == "not-found" && problem["field"] as? String == field, "\(path): \(refused)")
            #expect((problem["detail"] as? String)?.hasPrefix("--\(field) ") == true && (problem["hint"] as? String)?.hasPrefix(hint) == true, "\(refused)")
        }
        #expect(server.stop().status == 0)
    }

    @Test func concurrentClientsAreGroupCommittedAndNothingIsLost() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let before = try Self.positions(cli).count
        // 24 clients at once: every third refused (over the maximum), the rest appended.
        let bodies = try (0..<24).map { index in try Self.score(index % 3 == 2 ? "500" : "\(index % 10).5") }
        let answers = Locked([ServerProcess.Answer?](repeating: nil, count: bodies.count))
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            let answer = try? server.request("POST", "/v1/events", body: bodies[index])
            answers.update { $0[index] = answer }
        }
        var accepted: [Int64] = []
        for (index, answer) in answers.value.enumerated() {
            let answer = try #require(answer)
            if index % 3 == 2 {
                #expect(answer.status == 422, "\(answer)")
            } else {
                #expect(answer.status == 201, "\(answer)")
                let appended = try #require(try answer.json()["appended"] as? [[String: Any]])
                accepted.append(try #require(appended.first?["position"] as? Int).asInt64)
            }
        }
        #expect(server.stop().status == 0)
        #expect(accepted.count == 16)
        #expect(accepted.sorted() == Array(Int64(before + 1)...Int64(before + 16)), "positions \(accepted.sorted())")
        #expect(try Self.positions(cli) == Array(1...Int64(before + 16)))
        try SignedLogTests.verifiedByBoth(cli)
    }

    /// The server's clients post 15 scores while a CLI appends 10 to the same file, at once; wait on the group.
    static func writeFromBoth(_ server: ServerProcess, _ cli: Thidua) -> DispatchGroup {
        let writers = DispatchGroup()
        DispatchQueue.global().async(group: writers) {
            for index in 0..<15 { _ = try? server.request("POST", "/v1/events", body: try Self.score("\(index % 10).25")) }
        }
        DispatchQueue.global().async(group: writers) {
            for index in 0..<10 {
                let line = (try? Self.score("\(index % 10).75", criterion: "1.2")) ?? ""
                _ = try? cli.run("append", (try? cli.write("cli-\(index).jsonl", line + "\n")) ?? "")
            }
        }
        return writers
    }

    @Test func aFollowerResumesWithLastEventIDWithNoGapAndNoDuplicateWhileTwoProcessesWrite() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let start = try Self.positions(cli).count
        let writers = Self.writeFromBoth(server, cli)
        let total = start + 25
        var seen: [Int64] = []
        var hashes: [String] = []
        var last: Int64? = nil
        // Disconnect after every few events and resume from the last id received.
        while seen.count < total {
            let events = try ServerProcess.events(server.base + "/v1/log", lastEventID: last, count: min(3, total - seen.count), seconds: 20)
            #expect(!events.isEmpty, "the stream ended with \(seen.count) of \(total) events")
            if events.isEmpty { break }
            seen += events.map(\.id)
            last = events.last?.id
            for event in events {
                let data = try #require(try JSONSerialization.jsonObject(with: Data(event.data.utf8)) as? [String: Any])
                #expect(data["position"] as? Int == Int(event.id))
                hashes.append(data["hash"] as? String ?? "")
            }
        }
        writers.wait()
        #expect(seen == Array(1...Int64(total)), "every position once, in order")
        #expect(server.stop().status == 0)
        // The CLI, reading the file after the server stopped, sees the very events the stream sent: one log, not two.
        let logged = try SignedLogTests.jsonLines(try cli.run("log", "--format", "json").stdout)
        #expect(logged.count == total)
        #expect(logged.suffix(hashes.count).map { $0["hash"] as? String ?? "" } == hashes)
        try SignedLogTests.verifiedByBoth(cli)
    }

    /// A live follower is sent the server's own commits from memory and reads the file for the CLI's: either way, with
    /// a filter and an end, it gets the very lines `thidua log` prints for the same filter, in order, once each.
    @Test func aFilteredLiveFollowerGetsWhatTheLogPrintsWhileTheServerAndACLIWrite() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let start = Int64(try Self.positions(cli).count)
        let writers = Self.writeFromBoth(server, cli)
        let end = start + 20
        let events = try ServerProcess.events(server.base + "/v1/log?bloc=bdtw&type=score.submitted&to=\(end)", lastEventID: start,
                                              count: 21, seconds: 30)
        writers.wait()
        #expect(server.stop().status == 0)
        #expect(events.map(\.id) == Array((start + 1)...end), "every position once, in order, and none past the end")
        let logged = try cli.run("log", "--type", "score.submitted", "--from", String(start + 1), "--to", String(end), "--format", "json")
        #expect(events.map(\.data) == logged.stdout.split(separator: "\n").map(String.init))
    }

    @Test func aLastEventIDAtTheEndOfTheNumbersWaitsForNothingAndLeavesTheServerRunning() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        #expect(try server.request("POST", "/v1/events", body: try Self.score("7")).status == 201)
        #expect(try ServerProcess.events(server.base + "/v1/log", lastEventID: .max, count: 1, seconds: 2).isEmpty)
        #expect(try server.request("POST", "/v1/events", body: try Self.score("8")).status == 201)
        #expect(server.stop().status == 0)
    }

    @Test func sigtermWhileClientsPostAnswersThemCommitsAndExitsZero() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        let before = try Self.positions(cli).count
        let clients = DispatchGroup()
        let created = Locked(0)
        for index in 0..<8 {
            DispatchQueue.global().async(group: clients) {
                guard let answer = try? server.request("POST", "/v1/events", body: try Self.score("\(index).5")) else { return }
                if answer.status == 201 { created.update { $0 += 1 } }
            }
        }
        Thread.sleep(forTimeInterval: 0.05)
        let stopped = server.stop()
        clients.wait()
        #expect(stopped.status == 0, "\(stopped)")
        #expect(try Self.positions(cli).count == before + created.value, "every acknowledged event is in the log")
        try SignedLogTests.verifiedByBoth(cli)
    }

    @Test func aBodyTooSlowToArriveIsRefusedAtTheTimeLimitButAQuietStreamLivesOn() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli, ["--request-timeout", "1"])
        defer { server.stop() }
        let before = try Self.positions(cli).count
        let follower = DispatchGroup()
        let streamed = Locked<[Int64]>([])
        DispatchQueue.global().async(group: follower) {
            let events = (try? ServerProcess.events(server.base + "/v1/log", lastEventID: Int64(before), count: 1, seconds: 20)) ?? []
            streamed.update { $0 = events.map(\.id) }
        }
        // 300 bytes at 100 bytes a second: three times the limit.
        let slow = try ServerProcess.curl("POST", server.base + "/v1/events", body: try Self.score("2.5") + String(repeating: " ", count: 300),
                                          headers: ["Expect:"], rate: "100")
        // The server answers 503 `timeout` and closes the connection; a client still sending may see only the reset.
        #expect((slow.status == 503 && (try? slow.json()["code"] as? String) == "timeout") || slow.status == 0, "\(slow)")
        // The stream has been quiet for longer than the limit; an event still reaches it.
        Thread.sleep(forTimeInterval: 1.5)
        let posted = try server.request("POST", "/v1/events", body: try Self.score("3.5"))
        #expect(posted.status == 201, "\(posted)")
        follower.wait()
        #expect(streamed.value == [Int64(before + 1)], "the slow request appended nothing; the next one is streamed")
        #expect(server.stop().status == 0)
    }

    /// Every read the server makes (verify's integrity check among them) goes through SQLite alone: a descriptor of the
    /// file opened and closed beside it would drop the server's locks, and a CLI closing the log would then delete the
    /// WAL under the server, whose next writes no other process would ever see.
    @Test func aCLIWritingBesideTheServerAfterEveryReadSeesTheServersWrites() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let before = try Self.positions(cli).count
        for (index, path) in ["/v1/verify", "/v1/years/2017/standings", "/v1/log?year=2017", "/v1/digest", "/v1/years/2017/replay"].enumerated() {
            #expect(try server.request("GET", path).status == 200)
            let local = try cli.run("append", try cli.write("cli-\(index).jsonl", try Self.score("4.5") + "\n"))
            #expect(local.status == 0, "\(local)")
            let posted = try server.request("POST", "/v1/events", body: try Self.score("5.5"))
            #expect(posted.status == 201, "\(posted)")
        }
        #expect(server.stop().status == 0)
        #expect(try Self.positions(cli) == Array(1...Int64(before + 10)))
        try SignedLogTests.verifiedByBoth(cli)
    }

    @Test func aFollowerDoesNotKeepTheServerFromStopping() throws {
        let cli = try Self.started()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        let follower = DispatchGroup()
        DispatchQueue.global().async(group: follower) {
            _ = try? ServerProcess.events(server.base + "/v1/log", count: 1_000, seconds: 30)
        }
        Thread.sleep(forTimeInterval: 0.5)
        let began = Date()
        let stopped = server.stop()
        #expect(stopped.status == 0, "\(stopped)")
        #expect(Date().timeIntervalSince(began) < 10)
        follower.wait()
    }
}

/// A value several threads of a test update.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

extension Int {
    var asInt64: Int64 { Int64(self) }
}
