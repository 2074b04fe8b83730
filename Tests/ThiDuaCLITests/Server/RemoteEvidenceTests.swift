import Foundation
import Testing

/// Documents (minh chứng) through a server (§12, §13): a member scoring from its own office keeps the documents its
/// self-score cites with `--evidence-file`, signed by its key; `evidence get` brings them back checked against their
/// SHA-256; the server keeps no document that is unsigned, signed by another's key, or not what its name says.
@Suite("End to end: documents through a server (§12, §13)", .serialized)
struct RemoteEvidenceTests {
    static let year = RemoteCLITests.year

    @Test func aMemberCitesADocumentFromItsOwnOfficeAndAnyoneGetsItBack() throws {
        let (cli, secretariatKey, keys) = try RemoteCLITests.founded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let secretariat = RemoteCLITests.Office(code: "secretariat", key: secretariatKey, server: server.base)
        let member = RemoteCLITests.Office(code: "BNCTW", key: try #require(keys["BNCTW"]).file, server: server.base)
        for code in ["BNCTW", "UBKTTW"] {
            try RemoteCLITests.expectDone(cli.run(secretariat.arguments(["key", "register", "--holder", code,
                                                                          "--public-key", try #require(keys[code]).publicKey])))
        }
        try RemoteCLITests.expectDone(cli.run(secretariat.arguments([
            "year", "open", Self.year, "--member", "BNCTW=Ban Nội chính Trung ương", "--member", "UBKTTW=Ủy ban Kiểm tra Trung ương",
            "--head", "BNCTW"])))
        try RemoteCLITests.expectDone(cli.run(member.arguments(["criterion", "set", "--year", Self.year, "--code", "1.1",
                                                                "--title", "Tiêu chí 1.1", "--max", "20"])))
        var report = Data("%PDF-1.4 báo cáo số 12/BC-BNCTW\n".utf8)
        report.append(contentsOf: (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let reportFile = cli.path("bao-cao-12.pdf")
        try report.write(to: URL(fileURLWithPath: reportFile))
        let sha256 = try Self.sha256(reportFile, cli)

        let submitted = try cli.run(member.arguments(["score", "submit", "--year", Self.year, "--criterion", "1.1", "--points", "18.5",
                                                      "--evidence-file", reportFile, "--evidence-title", "Báo cáo số 12/BC-BNCTW", "--lang", "en"]))
        try RemoteCLITests.expectDone(submitted)
        let scores = try cli.run("--server", server.base, "scores", "--year", Self.year, "--format", "json")
        #expect(scores.stdout.contains(sha256) && scores.stdout.contains("application/pdf"), "\(scores)")

        let fetched = try cli.run("--server", server.base, "evidence", "get", sha256, "--out", cli.path("copy.pdf"))
        try RemoteCLITests.expectDone(fetched)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("copy.pdf"))) == report)
        let again = try cli.run(member.arguments(["evidence", "add", reportFile, "--format", "json"]))
        #expect(again.status == 0 && again.stdout.contains("\"alreadyKept\":true"), "\(again)")

        // What the server keeps is what the file says: a local get and verify on the same file agree.
        server.stop()
        let local = try cli.run("evidence", "get", sha256, "--out", cli.path("local.pdf"))
        try RemoteCLITests.expectDone(local)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("local.pdf"))) == report)
        let verified = try cli.run("verify", "--lang", "en")
        #expect(verified.status == 0 && verified.stdout.contains("evidence"), "\(verified)")
    }

    @Test func aDocumentNotSignedByItsActorOrNotWhatItsNameSaysIsNotKept() throws {
        let (cli, secretariatKey, keys) = try RemoteCLITests.founded()
        defer { cli.remove() }
        let server = try ServerProcess(cli)
        defer { server.stop() }
        let secretariat = RemoteCLITests.Office(code: "secretariat", key: secretariatKey, server: server.base)
        try RemoteCLITests.expectDone(cli.run(secretariat.arguments(["key", "register", "--holder", "BNCTW",
                                                                      "--public-key", try #require(keys["BNCTW"]).publicKey])))
        let file = try cli.write("minh-chung.txt", "Biên bản họp số 3\n")
        let sha256 = try Self.sha256(file, cli)

        let unsigned = try cli.run("--server", server.base, "--as", "BNCTW", "evidence", "add", file)
        #expect(unsigned.status == 1 && unsigned.stderr.contains("[signature-required]") && unsigned.stderr.contains("document \(sha256) refused"),
                "\(unsigned)")
        let othersKey = try cli.run("--server", server.base, "--as", "UBKTTW", "evidence", "add", file, "--key", try #require(keys["BNCTW"]).file)
        #expect(othersKey.status == 1 && othersKey.stderr.contains("is BNCTW's, but the actor is UBKTTW"), "\(othersKey)")
        let unregistered = try cli.run("--server", server.base, "--as", "VPTW", "evidence", "add", file, "--key", try #require(keys["VPTW"]).file)
        #expect(unregistered.status == 1 && unregistered.stderr.contains("not registered in BDTW"), "\(unregistered)")

        let unsignedWrongBody = try server.request("PUT", "/v1/evidence/\(sha256)", body: "something else", contentType: "text/plain")
        #expect(unsignedWrongBody.status == 401 && unsignedWrongBody.body.contains("signature-required"), "\(unsignedWrongBody)")
        let trial = try ServerProcess(cli, ["--allow-unsigned"])
        defer { trial.stop() }
        let wrongBody = try trial.request("PUT", "/v1/evidence/\(sha256)", body: "something else", contentType: "text/plain")
        #expect(wrongBody.status == 422 && wrongBody.body.contains("evidence-mismatch"), "\(wrongBody)")
        let badName = try trial.request("PUT", "/v1/evidence/XYZ", body: "x", contentType: "text/plain")
        #expect(badName.status == 400, "\(badName)")
        let badType = try trial.request("PUT", "/v1/evidence/\(sha256)", body: "Biên bản họp số 3\n", contentType: "not a type")
        #expect(badType.status == 400 && badType.body.contains("bad-media-type"), "\(badType)")
        trial.stop()
        let forged = try server.request("PUT", "/v1/evidence/\(sha256)", body: "Biên bản họp số 3\n", contentType: "text/plain",
                                        headers: ["Thidua-Signature: BNCTW \(try #require(keys["BNCTW"]).publicKey) \(String(repeating: "A", count: 86))=="])
        #expect(forged.status == 401 && forged.body.contains("bad-signature"), "\(forged)")
        let large = cli.path("ban-chup.tif")
        try Data(count: (16 << 20) + 1).write(to: URL(fileURLWithPath: large))
        let tooLarge = try cli.run("--server", server.base, "--as", "BNCTW", "evidence", "add", large, "--key", try #require(keys["BNCTW"]).file)
        #expect(tooLarge.status == 1 && tooLarge.stderr.contains("more than a server takes in one request")
                && tooLarge.stderr.contains("thidua evidence add FILE"), "\(tooLarge)")
        let missing = try cli.run("--server", server.base, "evidence", "get", sha256)
        #expect(missing.status == 1 && missing.stderr.contains("no-such-evidence"), "\(missing)")
        #expect(try server.request("GET", "/v1/evidence/\(sha256)").status == 404)

        let kept = try cli.run("--server", server.base, "--as", "BNCTW", "evidence", "add", file, "--key", try #require(keys["BNCTW"]).file)
        try RemoteCLITests.expectDone(kept)
        #expect(kept.stdout == sha256 + "\n", "\(kept)")
        let served = try server.request("GET", "/v1/evidence/\(sha256)")
        #expect(served.status == 200 && served.contentType.hasPrefix("text/plain") && served.body == "Biên bản họp số 3\n", "\(served)")
        server.stop()
        #expect(try cli.run("verify").status == 0)
    }

    static func sha256(_ file: String, _ cli: Thidua) throws -> String {
        let result = try Thidua.capture("/usr/bin/env", ["sha256sum", file])
        return String(try #require(result.stdout.split(separator: " ").first, "\(result)"))
    }
}
