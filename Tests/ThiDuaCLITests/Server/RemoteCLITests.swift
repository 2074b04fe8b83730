import Foundation
import Testing

/// `thidua --server URL …` (§12): three member agencies, each from its own CLI processes with its own key, run a year
/// through one `thidua serve`; what they read from the server is byte for byte what the file says once it is stopped.
@Suite("End to end: the CLI acting on a server (§12)", .serialized)
struct RemoteCLITests {
    static let year = "2026"
    static let members = ["BNCTW", "UBKTTW", "VPTW"]

    /// A member agency's office: its own key file, its own processes.
    struct Office {
        let code: String
        let key: String
        let server: String

        func arguments(_ command: [String]) -> [String] { ["--server", server, "--as", code] + command + ["--key", key] }
    }

    /// The bloc founded and the secretariat's key registered on the file (the bootstrap a server cannot do: its first
    /// signed write needs a key already registered), then keys generated for three members.
    static func founded() throws -> (Thidua, secretariat: String, keys: [String: (file: String, publicKey: String)]) {
        let cli = try Thidua()
        try expectDone(cli.run("init", "--bloc", "BDTW", "--name", "Khối thi đua thử", "--occurred-at", "2026-01-05"))
        var keys: [String: (file: String, publicKey: String)] = [:]
        for holder in ["secretariat"] + members {
            let file = cli.path(holder.lowercased() + ".key")
            let made = try cli.run("key", "generate", "--holder", holder, "--out", file, "--format", "json")
            try expectDone(made)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(made.stdout.utf8)) as? [String: Any], "\(made)")
            keys[holder] = (file, try #require(json["publicKey"] as? String, "\(made)"))
        }
        let secretariat = try #require(keys["secretariat"])
        // A date: an unsigned event's "now" is finer than a signed one's (to the second), and would come after it.
        try expectDone(cli.run("--as", "secretariat", "key", "register", "--holder", "secretariat", "--public-key", secretariat.publicKey,
                               "--occurred-at", "2026-01-05"))
        return (cli, secretariat.file, keys)
    }

    static func expectDone(_ result: Thidua.Result, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    }

    /// Runs the commands at once, each in its own process, and answers their results in order.
    static func concurrently(_ cli: Thidua, _ commands: [[String]]) throws -> [Thidua.Result] {
        let started = try commands.map { try cli.start($0) }
        return started.map { process, out, err in
            let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Thidua.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                 stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    /// Every query the CLI has, in every format it prints.
    static let queries: [[String]] = {
        var queries: [[String]] = []
        for query in ["standings", "officers", "pact", "elections", "awards", "criteria", "scores", "registrations"] {
            for format in ["json", "csv", "table"] { queries.append([query, "--year", year, "--format", format]) }
        }
        for format in ["json", "csv", "table"] {
            queries += [["rules", "--format", format], ["keys", "--format", format], ["log", "--format", format],
                        ["log", "--member", "UBKTTW", "--format", format], ["digest", "--format", format], ["digest", "--at", "5", "--format", format]]
        }
        queries += [["scores", "--year", year, "--member", "VPTW"], ["elections", "--year", year, "--election", "HEAD-2026"],
                    ["standings", "--lang", "en"], ["export"], ["export", "--year", year], ["replay", "--year", year, "--format", "json"],
                    ["replay", "--year", year], ["replay", "--year", year, "--at", "12", "--lang", "en"],
                    ["replay", "--year", year, "--at", "12", "--format", "json"], ["replay", "--year", year, "--as-of", "2026-01-06"],
                    ["verify"], ["verify", "--format", "json"], ["verify", "--quick"], ["--format", "json", "verify", "--quick"]]
        for format in ["json", "csv", "table"] {
            queries += [["diff", "--year", year, "--from", "12", "--format", format], ["diff", "--year", year, "--from", "2026-01-06", "--to", "20", "--format", format]]
        }
        queries += [["diff", "--year", "2030", "--from", "1"]]
        return queries
    }()

    @Test func threeMembersRunAYearThroughOneServerAndReadWhatTheFileSays() throws {
        let (cli, secretariatKey, keys) = try Self.founded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let secretariat = Office(code: "secretariat", key: secretariatKey, server: server.base)
        let offices = try Self.members.map { code in Office(code: code, key: try #require(keys[code]).file, server: server.base) }
        let (head, deputy) = (offices[0], offices[1])

        // The secretariat registers the members' keys and opens the year, through the server, signed.
        for office in offices {
            let registered = try cli.run(secretariat.arguments(["key", "register", "--holder", office.code,
                                                                "--public-key", try #require(keys[office.code]).publicKey]))
            try Self.expectDone(registered)
            #expect(registered.stdout.contains("key.registered"), "\(registered)")
        }
        try Self.expectDone(cli.run(secretariat.arguments([
            "year", "open", Self.year, "--member", "BNCTW=Ban Nội chính Trung ương", "--member", "UBKTTW=Ủy ban Kiểm tra Trung ương",
            "--member", "VPTW=Văn phòng Trung ương Đảng", "--head", "BNCTW", "--deputy", "UBKTTW"])))

        // The head sets the criteria; the members register, then score themselves, all at once from their own offices.
        for (code, max, kind) in [("1.1", "20", "base"), ("1.2", "30", "base"), ("B.1", "5", "bonus")] {
            try Self.expectDone(cli.run(head.arguments(["criterion", "set", "--year", Self.year, "--code", code, "--title", "Tiêu chí \(code)",
                                                        "--max", max, "--kind", kind, "--group", kind == "base" ? "I" : "II"])))
        }
        for result in try Self.concurrently(cli, offices.map {
            $0.arguments(["registration", "submit", "--year", Self.year, "--target", "Hoàn thành xuất sắc nhiệm vụ", "--seek", "government-flag"])
        }) { try Self.expectDone(result) }
        let points = ["BNCTW": ["18.5", "27", "4"], "UBKTTW": ["19", "25.5", "3"], "VPTW": ["17", "28", "5"]]
        let submissions = offices.flatMap { office in
            zip(["1.1", "1.2", "B.1"], points[office.code] ?? []).map { criterion, value in
                office.arguments(["score", "submit", "--year", Self.year, "--criterion", criterion, "--points", value, "--evidence", "Báo cáo \(criterion)"])
            }
        }
        for result in try Self.concurrently(cli, submissions) {
            try Self.expectDone(result)
            #expect(result.stdout.contains("score.submitted"), "\(result)")
        }
        // A document kept in the log and cited, by the head on the file itself while the server runs (a server takes
        // events, not documents): verify counts it the same from the file and through the server.
        let document = try cli.write("bao-cao-11.txt", "Báo cáo tiêu chí 1.1 của BNCTW")
        try Self.expectDone(cli.run("--db", cli.database, "--as", "BNCTW", "score", "submit", "--year", Self.year, "--criterion", "1.1",
                                    "--points", "18.5", "--evidence-file", document, "--key", head.key))
        try Self.expectDone(cli.run(deputy.arguments(["score", "review", "--year", Self.year, "--member", "VPTW", "--criterion", "1.2",
                                                      "--points", "26", "--reason", "Thiếu minh chứng"])))

        // An election: opened by the head, the three votes cast at once, closed.
        try Self.expectDone(cli.run(head.arguments(["election", "open", "--year", Self.year, "--id", "HEAD-2026", "--office", "head",
                                                    "--candidates", "BNCTW,UBKTTW"])))
        for result in try Self.concurrently(cli, zip(offices, ["BNCTW", "BNCTW", "UBKTTW"]).map { office, choice in
            office.arguments(["vote", "--year", Self.year, "--election", "HEAD-2026", "--for", choice])
        }) { try Self.expectDone(result) }
        try Self.expectDone(cli.run(head.arguments(["election", "close", "--year", Self.year, "--id", "HEAD-2026"])))

        // The pact: drafted by the head, signed by each member at once.
        try Self.expectDone(cli.run(head.arguments(["pact", "draft", "--year", Self.year, "--clause", "Thi đua hoàn thành xuất sắc nhiệm vụ",
                                                    "--clause", "Giữ vững đoàn kết"])))
        for result in try Self.concurrently(cli, offices.map { $0.arguments(["pact", "sign", "--year", Self.year, "--signatory", "Đại diện \($0.code)"]) }) {
            try Self.expectDone(result)
        }
        // $THIDUA_SERVER and $THIDUA_KEY serve as --server and --key.
        var fromEnvironment = cli
        fromEnvironment.environment = ["THIDUA_SERVER": server.base, "THIDUA_KEY": offices[2].key]
        let viaEnvironment = try fromEnvironment.run("--as", "VPTW", "score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "17.5")
        try Self.expectDone(viaEnvironment)
        let standingsJSON = try fromEnvironment.run("standings", "--year", Self.year, "--format", "json")
        #expect(standingsJSON.stdout.contains("\"VPTW\""), "\(standingsJSON)")

        // The scores made final and a proposal, by the head.
        try Self.expectDone(cli.run(head.arguments(["scores", "finalize", "--year", Self.year])))
        try Self.expectDone(cli.run(head.arguments(["award", "propose", "--year", Self.year, "--member", "BNCTW", "--kind", "government-flag"])))

        let verifiedRemotely = try cli.run("--server", server.base, "verify")
        #expect(verifiedRemotely.status == 0 && verifiedRemotely.stdout.hasSuffix("verified\n"), "\(verifiedRemotely)")
        #expect(verifiedRemotely.stdout.contains("\nevidence: 1 document(s) cited, each kept and intact\n"), "\(verifiedRemotely)")

        var remote: [[String]: Thidua.Result] = [:]
        for query in Self.queries { remote[query] = try cli.run(["--server", server.base] + query) }
        // A digest written down earlier, and one the log never held (exit 2 both ways, the same lines and error).
        let digest = try cli.run("--server", server.base, "digest").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let position = try #require(digest.split(separator: ":").first)
        let proofs = [["verify", "--digest", digest], ["verify", "--digest", "\(position):" + String(repeating: "0", count: 64)],
                      ["verify", "--digest", "\(position):" + String(repeating: "0", count: 64), "--format", "json"]]
        for query in proofs { remote[query] = try cli.run(["--server", server.base] + query) }
        let stopped = server.stop()
        #expect(stopped.status == 0, "\(stopped)")

        for query in proofs {
            let local = try cli.run(["--db", cli.database] + query)
            let read = try #require(remote[query])
            #expect(local.status == (query == proofs[0] ? 0 : 2), "\(query): \(local)")
            #expect(read.status == local.status && read.stdout == local.stdout && read.stderr == local.stderr,
                    "\(query.joined(separator: " ")) differs:\n--- server\n\(read)\n--- file\n\(local)")
        }
        for query in Self.queries {
            let local = try cli.run(["--db", cli.database] + query)
            let read = try #require(remote[query])
            #expect(local.status == 0 && !local.stdout.isEmpty, "\(query): \(local)")
            #expect(read.status == local.status && read.stdout == local.stdout && read.stderr == local.stderr,
                    "\(query.joined(separator: " ")) differs:\n--- server\n\(read)\n--- file\n\(local)")
        }
        let standings = try cli.run("standings", "--year", Self.year, "--format", "csv")
        #expect(standings.stdout.contains("BNCTW") && standings.stdout.contains("VPTW"), "\(standings)")
        let officers = try cli.run("officers", "--year", Self.year, "--format", "csv")
        #expect(officers.stdout.contains("head,BNCTW"), "\(officers)")
        let pact = try cli.run("pact", "--year", Self.year, "--format", "json")
        #expect(pact.stdout.contains("\"inForce\":true"), "\(pact)")
        try Self.expectDone(cli.run("verify"))
        #expect(try cli.pythonVerify().status == 0)
    }

    @Test func refusalsReadAsLocallyWithTheirExitCodes() throws {
        let (cli, secretariatKey, keys) = try Self.founded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let secretariat = Office(code: "secretariat", key: secretariatKey, server: server.base)
        try Self.expectDone(cli.run(secretariat.arguments(["key", "register", "--holder", "BNCTW", "--public-key", try #require(keys["BNCTW"]).publicKey])))
        try Self.expectDone(cli.run(secretariat.arguments(["year", "open", Self.year, "--member", "BNCTW=Ban Nội chính", "--member", "VPTW=Văn phòng",
                                                           "--head", "BNCTW"])))
        let head = Office(code: "BNCTW", key: try #require(keys["BNCTW"]).file, server: server.base)
        try Self.expectDone(cli.run(head.arguments(["criterion", "set", "--year", Self.year, "--code", "1.1", "--title", "Tham mưu", "--max", "20", "--kind", "base"])))

        let before = try cli.run("log", "--format", "csv").stdout
        // Unsigned: the server's 401, shown as a refusal.
        let unsigned = try cli.run("--server", server.base, "--as", "BNCTW", "score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "3")
        #expect(unsigned.status == 1 && unsigned.stderr.hasPrefix("error: ") && unsigned.stderr.contains("[signature-required]"), "\(unsigned)")
        // A rule refusal (422): exit 1 with the rule's code, as locally.
        let over = try cli.run(head.arguments(["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "21"]))
        #expect(over.status == 1 && over.stderr.contains("score.submitted rejected") && over.stderr.contains("[points-over-maximum]"), "\(over)")
        #expect(!over.stderr.contains("\n") || over.stderr.split(separator: "\n").count == 1, "\(over)")
        // A key held by another: refused before anything is sent, as locally.
        let wrongHolder = try cli.run(["--server", server.base, "--as", "VPTW", "score", "submit", "--year", Self.year, "--criterion", "1.1",
                                       "--points", "3", "--key", head.key])
        #expect(wrongHolder.status == 1 && wrongHolder.stderr.contains("wrong-holder"), "\(wrongHolder)")
        // An unopened year and an unknown bloc: the local messages.
        let unopened = try cli.run("--server", server.base, "standings", "--year", "2030")
        #expect(unopened.status == 1 && unopened.stderr == "error: year 2030 of BDTW has not been opened\n", "\(unopened)")
        let noBloc = try cli.run("--server", server.base, "--bloc", "XYZ", "standings")
        #expect(noBloc.status == 1 && noBloc.stderr.contains("bloc XYZ is not in this log"), "\(noBloc)")
        // A log filter naming what the bloc never had: the server refuses it as the file does, the same line and exit code.
        for filter in [["--member", "NOPE"], ["--member", "vptw", "--criterion", "9.9"], ["--year", "2030"], ["--election", "head-2099"],
                       ["--year", "2030", "--format", "json"], ["--bloc", "bdtw", "--member", "nope", "--format", "csv"]] {
            let remote = try cli.run(["--server", server.base, "log"] + filter)
            let local = try cli.run(["--db", cli.database, "log"] + filter)
            #expect(local.status == 1 && local.stderr.hasPrefix("error: --") && local.stderr.contains("known "), "\(filter): \(local)")
            #expect(remote.status == local.status && remote.stdout == local.stdout && remote.stderr == local.stderr,
                    "log \(filter.joined(separator: " ")) differs:\n--- server\n\(remote)\n--- file\n\(local)")
        }
        // Two mistakes at once: the one a local read finds first is named, whichever of the server and the CLI finds it.
        for filter in [["--member", "nope", "--since", "garbage"], ["--bloc", "nope", "--type", "nope"], ["--type", "nope", "--member", "nope"],
                       ["--year", "2030", "--from=-1"]] {
            let remote = try cli.run(["--server", server.base, "log"] + filter)
            let local = try cli.run(["--db", cli.database, "log"] + filter)
            #expect(local.status != 0 && remote.status == local.status && remote.stdout == local.stdout && remote.stderr == local.stderr,
                    "log \(filter.joined(separator: " ")) differs:\n--- server\n\(remote)\n--- file\n\(local)")
        }
        for (command, what) in [(["standings", "--year", "2030"], "year"), (["--bloc", "XYZ", "standings"], "bloc"),
                                (["digest", "--at", "99"], "position"), (["digest", "--at=-1"], "position"), (["report", "--year", "2030"], "year"),
                                (["export", "--year", "2030"], "year")] {
            let remote = try cli.run(["--server", server.base] + command)
            let local = try cli.run(["--db", cli.database] + command)
            #expect(remote.status == 1 && remote.stderr == local.stderr, "an unknown \(what):\n--- server\n\(remote)\n--- file\n\(local)")
        }
        // Commands that work on a file only say so (usage, 64).
        for command in [["demo"], ["rebuild"], ["serve"], ["key", "generate", "--holder", "BNCTW", "--out", cli.path("x.key")],
                        ["sign", "-", "--key", head.key]] {
            let refused = try cli.run(["--server", server.base] + command)
            #expect(refused.status == 64 && refused.stderr.contains("cannot act on a server"), "\(command): \(refused)")
        }
        // The report comes from the server, the same document the file gives at the same moment (but for when it was made).
        for moment in [["--at", "5"], ["--as-of", "2026-12-31"], ["--known-at", "31/12/2026", "--at", "6"]] {
            let remoteReport = try cli.run(["--server", server.base, "report", "--year", Self.year] + moment)
            let localReport = try cli.run(["--db", cli.database, "report", "--year", Self.year] + moment)
            #expect(remoteReport.status == 0 && localReport.status == 0, "\(remoteReport)")
            #expect(WebPageTests.comparable(remoteReport.stdout) == WebPageTests.comparable(WebPageTests.withoutLogFile(localReport.stdout, cli.database)),
                    "report \(moment)")
            #expect(localReport.stdout.contains(cli.database) && !remoteReport.stdout.contains(cli.directory.path), "the server's path is not shown")
        }
        let reportFile = cli.path("bao-cao.html")
        let written = try cli.run("--server", server.base, "report", "--year", Self.year, "--out", reportFile)
        let writtenLocally = try cli.run("--db", cli.database, "report", "--year", Self.year, "--out", cli.path("bao-cao-tep.html"))
        #expect(written.status == 0 && written.stdout == writtenLocally.stdout.replacingOccurrences(of: "bao-cao-tep.html", with: "bao-cao.html"),
                "the line names the position and stateHash as on a file:\n\(written)\n\(writtenLocally)")
        #expect(try cli.run("--server", server.base, "report", "--year", "2030").status == 1)
        let both = try cli.run("--server", server.base, "--db", cli.database, "standings")
        #expect(both.status == 64 && both.stderr.contains("name two logs"), "\(both)")
        var withEnvironment = cli
        withEnvironment.environment = ["THIDUA_SERVER": "http://127.0.0.1:1"]
        let fileWins = try withEnvironment.run("--db", cli.database, "standings", "--format", "json")
        #expect(fileWins.status == 0, "--db names the file over $THIDUA_SERVER: \(fileWins)")
        let badURL = try cli.run("--server", "ftp://x", "standings")
        #expect(badURL.status == 64 && badURL.stderr.contains("--server ftp://x"), "\(badURL)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("x.key")))
        server.stop()

        // A server that cannot be reached: a clear error naming it, exit 1, for a write and for a read.
        for command in [head.arguments(["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "3"]),
                        ["--server", server.base, "standings"], ["--server", server.base, "log"]] {
            let unreachable = try cli.run(command)
            #expect(unreachable.status == 1 && unreachable.stderr.hasPrefix("error: cannot reach the server at \(server.base)"), "\(unreachable)")
        }
        // Nothing was appended by any refusal.
        #expect(try cli.run("log", "--format", "csv").stdout == before)
    }

    /// The same writes on two logs alike, one through a server and one on its file, print the same lines; `append` and
    /// `scores import` post their lines, and a refused cell of a sheet is named by its row and column as locally.
    @Test func writesPrintAsOnAFileAndAppendAndImportPost() throws {
        let (served, servedSecretariat, servedKeys) = try Self.founded()
        defer { served.remove() }
        let (local, localSecretariat, localKeys) = try Self.founded()
        defer { local.remove() }
        let server = try ServerProcess(served)
        defer { server.stop() }
        let servedHead = Office(code: "BNCTW", key: try #require(servedKeys["BNCTW"]).file, server: server.base)
        let servedSecretariatOffice = Office(code: "secretariat", key: servedSecretariat, server: server.base)
        let writes: [(Office) -> [String]] = [
            { _ in ["year", "open", Self.year, "--member", "BNCTW=Ban Nội chính", "--member", "VPTW=Văn phòng", "--head", "BNCTW",
                    "--occurred-at", "2026-02-01"] },
            { _ in ["criterion", "set", "--year", Self.year, "--code", "1.1", "--title", "Tham mưu", "--max", "20", "--kind", "base",
                    "--occurred-at", "2026-03-01"] },
            { _ in ["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "18,5", "--occurred-at", "2026-04-01"] },
            { _ in ["pact", "draft", "--year", Self.year, "--clause", "Đoàn kết", "--occurred-at", "2026-04-02"] },
            // The same event id twice: the second names the position the event already holds, as on a file.
            { _ in ["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "17", "--occurred-at", "2026-04-03",
                    "--event-id", "5f0c6a4e-0000-4000-a000-0000000000aa"] },
            { _ in ["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "17", "--occurred-at", "2026-04-03",
                    "--event-id", "5f0c6a4e-0000-4000-a000-0000000000aa", "--lang", "en"] },
        ]
        // Refused writes: the same error line and exit code as on the file (a typed write has no input line to name).
        let refusals: [[String]] = [
            ["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "21"],
            ["score", "submit", "--year", Self.year, "--criterion", "9.9", "--points", "1"],
            ["score", "submit", "--year", "2030", "--criterion", "1.1", "--points", "1"],
            ["--bloc", "nope", "score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "1"],
            ["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "16", "--event-id", "5f0c6a4e-0000-4000-a000-0000000000aa"],
        ]
        for holder in ["BNCTW", "VPTW"] {
            try Self.expectDone(served.run(servedSecretariatOffice.arguments(["key", "register", "--holder", holder,
                                                                              "--public-key", try #require(servedKeys[holder]).publicKey])))
            try Self.expectDone(local.run("--as", "secretariat", "key", "register", "--holder", holder, "--public-key",
                                          try #require(localKeys[holder]).publicKey, "--key", localSecretariat))
        }
        for (index, write) in writes.enumerated() {
            let office = index == 0 ? servedSecretariatOffice : servedHead
            let remote = try served.run(office.arguments(write(office)))
            let onFile = try local.run(["--as", office.code] + write(office) + ["--key", try #require(index == 0 ? localSecretariat : localKeys["BNCTW"]?.file)])
            try Self.expectDone(remote)
            #expect(remote.stdout == onFile.stdout && !remote.stdout.isEmpty, "\(write(office)):\n--- server\n\(remote)\n--- file\n\(onFile)")
            if index == writes.count - 1 {
                #expect(remote.stdout.hasPrefix("already recorded at position ") && remote.stdout.hasSuffix(" score.submitted\n"), "\(remote)")
            }
        }
        for refused in refusals {
            let remote = try served.run(servedHead.arguments(refused))
            let onFile = try local.run(["--as", "BNCTW"] + refused + ["--key", try #require(localKeys["BNCTW"]?.file)])
            #expect(remote.status == 1 && remote.status == onFile.status && remote.stdout == onFile.stdout && remote.stderr == onFile.stderr
                    && !remote.stderr.contains("line"), "\(refused):\n--- server\n\(remote)\n--- file\n\(onFile)")
        }
        // append and scores import: the lines decided in order, so a refused line before an unreadable one is the one
        // named, as on a file; the unreadable line is named when the lines before it are accepted.
        let vptw = { (points: String) in
            #"{"type":"score.submitted","bloc":"BDTW","year":2026,"actor":"VPTW","occurredAt":"2026-04-05T09:00:00+07:00","data":{"member":"VPTW","criterion":"1.1","points":\#(points)}}"#
        }
        for (name, lines) in [("ordered.jsonl", [vptw("3"), vptw("25")]), ("unreadable.jsonl", [vptw("3")])] {
            var results: [Thidua.Result] = []
            for (cli, key, target) in [(served, try #require(servedKeys["VPTW"]).file, ["--server", server.base]),
                                       (local, try #require(localKeys["VPTW"]).file, ["--db", local.database])] {
                let signed = try cli.run("sign", try cli.write(name, lines.joined(separator: "\n") + "\n"), "--key", key)
                try Self.expectDone(signed)
                results.append(try cli.run(target + ["append", try cli.write("signed-" + name, signed.stdout + "{not json\n")]))
            }
            let expected = lines.count == 2 ? "at line 2: field data.points" : "at line 2: malformed JSON"
            #expect(results[0].status == 1 && results[0].stderr == results[1].stderr && results[0].stderr.contains(expected),
                    "\(name):\n--- server\n\(results[0])\n--- file\n\(results[1])")
        }
        for (sheet, expected) in [("Đơn vị,1.1\nBNCTW,25\nVPTW,x\n", "row 2, column B"), ("Đơn vị,1.1\nBNCTW,19\nVPTW,x\n", "row 3, column B")] {
            let remote = try served.run(servedHead.arguments(["scores", "import", try served.write("order.csv", sheet), "--year", Self.year]))
            let onFile = try local.run("--as", "BNCTW", "scores", "import", try local.write("order.csv", sheet), "--year", Self.year,
                                       "--key", try #require(localKeys["BNCTW"]?.file))
            #expect(remote.status == 1 && remote.stderr == onFile.stderr && remote.stderr.contains(expected), "\(sheet):\n--- server\n\(remote)\n--- file\n\(onFile)")
        }

        // append: lines signed on the member's machine, posted in one request.
        let unsignedLine = #"{"type":"pact.signed","bloc":"BDTW","year":2026,"actor":"VPTW","occurredAt":"2026-04-03T09:00:00+07:00","data":{"member":"VPTW","signatory":"Đại diện VPTW"}}"#
        let signed = try served.run(["sign", try served.write("pact.jsonl", "\n" + unsignedLine + "\n"), "--key", try #require(servedKeys["VPTW"]).file])
        try Self.expectDone(signed)
        let appended = try served.run("--server", server.base, "append", try served.write("pact.signed.jsonl", signed.stdout), "--lang", "en")
        try Self.expectDone(appended)
        #expect(appended.stdout.contains("pact.signed") && appended.stdout.contains("\nlog head: position "), "\(appended)")
        let position = try #require(appended.stdout.split(separator: " ").dropFirst(2).first.map { $0.dropLast() }, "\(appended)")
        let again = try served.run("--server", server.base, "append", try served.write("pact.signed.jsonl", signed.stdout), "--lang", "en")
        try Self.expectDone(again)
        #expect(again.stdout.hasPrefix("already recorded at position \(position): BDTW/2026 ") && again.stdout.contains("pact.signed\nlog head: position \(position), hash "),
                "\(again)")
        let malformed = try served.run("--server", server.base, "append", try served.write("bad.jsonl", signed.stdout + "{not json\n"))
        #expect(malformed.status == 1 && malformed.stderr.contains("line 2"), "\(malformed)")

        // scores import: the head's own row, signed with its key; a cell over the maximum is named by row and column.
        let sheet = try served.write("diem.csv", "Đơn vị,1.1\nBNCTW,19\n")
        let imported = try served.run(servedHead.arguments(["scores", "import", sheet, "--year", Self.year]))
        try Self.expectDone(imported)
        #expect(imported.stdout.contains("score.submitted"), "\(imported)")
        let over = try served.run(servedHead.arguments(["scores", "import", try served.write("over.csv", "Đơn vị,1.1\nBNCTW,25\n"), "--year", Self.year]))
        #expect(over.status == 1 && over.stderr.contains("row 2, column B") && over.stderr.contains("[points-over-maximum]"), "\(over)")
        let scores = try served.run("--server", server.base, "scores", "--year", Self.year, "--format", "csv")
        #expect(scores.stdout.contains("BNCTW,Ban Nội chính,19"), "\(scores)")
    }

    /// A bloc founded through a server that takes unsigned writes (a loopback trial), and `log --follow` on the server
    /// printing an event another process posts, until a signal stops it.
    @Test func initAndFollowThroughAServer() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let server = try ServerProcess(cli, ["--allow-unsigned"])
        defer { server.stop() }
        let founded = try cli.run("--server", server.base, "init", "--bloc", "BDTW", "--name", "Khối thử", "--occurred-at", "2026-01-05", "--lang", "en")
        try Self.expectDone(founded)
        #expect(founded.stdout == "appended position 1: BDTW v1 bloc.founded\nbloc BDTW founded in \(server.base)\n", "\(founded)")

        let (follower, out, _) = try cli.start(["--server", server.base, "log", "--follow", "--format", "json"])
        defer { Thidua.stop(follower, with: SIGKILL) }
        let first = out.fileHandleForReading.availableData
        #expect(String(decoding: first, as: UTF8.self).contains("bloc.founded"))
        try Self.expectDone(cli.run("--server", server.base, "--as", "secretariat", "year", "open", Self.year, "--member", "BNCTW=Ban Nội chính",
                                    "--member", "VPTW=Văn phòng", "--occurred-at", "2026-02-01"))
        var followed = ""
        let deadline = Date().addingTimeInterval(10)
        while !followed.contains("year.opened"), Date() < deadline, follower.isRunning {
            followed += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(followed.contains("\"position\":2") && followed.contains("year.opened"), "\(followed)")
        #expect(Thidua.stop(follower, with: SIGTERM), "log --follow still running after SIGTERM")
        #expect(follower.terminationReason == .uncaughtSignal && follower.terminationStatus == SIGTERM)
    }
}
