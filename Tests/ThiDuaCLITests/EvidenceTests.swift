import Foundation
import Testing
import ThiDuaStore

/// Evidence documents (minh chứng, §13): kept by SHA-256 outside the chain, cited by schema-2 self-scores, written
/// back byte for byte, and checked by both verifiers; schema-1 text evidence is read upcast and never rewritten.
@Suite("End to end: evidence documents (§13)")
struct EvidenceTests {
    static func sha256(of data: Data) -> String { EvidenceDocument(content: [UInt8](data)).sha256 }

    /// The signed seed (2018 requires signatures) and the TEST keys of Tools/signed_example.py in keys/.
    static func signedSeed() throws -> Thidua {
        let cli = try Thidua()
        let seed = Thidua.packageRoot.appendingPathComponent("EventLog/examples/signed/bdtw-2017-2018-signed.jsonl").path
        let appended = try cli.run("append", seed)
        #expect(appended.status == 0, "\(appended)")
        let keys = try Thidua.capture("/usr/bin/env", ["python3", Thidua.packageRoot.appendingPathComponent("Tools/signed_example.py").path,
                                                        "--keys", cli.path("keys")])
        #expect(keys.status == 0, "\(keys)")
        return cli
    }

    static func document(_ cli: Thidua, _ name: String, bytes: Int = 3000) throws -> (path: String, data: Data) {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try data.write(to: URL(fileURLWithPath: cli.path(name)))
        return (cli.path(name), data)
    }

    static func rows(_ cli: Thidua) throws -> (events: String, documents: String) {
        let count = { (table: String) throws -> String in
            try Thidua.capture("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM \(table)').fetchone()[0])",
                                               cli.database]).stdout
        }
        return (try count("event"), try count("evidence"))
    }

    static func scores(_ cli: Thidua, year: String = "2018") throws -> [[String: Any]] {
        let replay = try cli.run("replay", "--year", year, "--format", "json")
        let object = try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any]
        return object?["scores"] as? [[String: Any]] ?? []
    }

    @Test func aSignedSelfScoreCitesAKeptDocumentThatComesBackByteForByte() throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        let (file, data) = try Self.document(cli, "bao-cao-12.pdf")
        let submitted = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14",
                                    "--evidence-file", file, "--evidence-title", "Báo cáo số 12", "--key", cli.path("keys/bnctw.key"))
        #expect(submitted.status == 0, "\(submitted)")
        let sha256 = Self.sha256(of: data)
        let score = try #require(try Self.scores(cli).first { $0["member"] as? String == "BNCTW" && $0["criterion"] as? String == "1.1" })
        let evidence = try #require(score["evidence"] as? [[String: Any]])
        #expect(evidence.count == 1)
        #expect(evidence.first?["sha256"] as? String == sha256)
        #expect(evidence.first?["bytes"] as? Int == data.count)
        #expect(evidence.first?["mediaType"] as? String == "application/pdf")
        #expect(evidence.first?["title"] as? String == "Báo cáo số 12")
        let sheet = try cli.run("scores", "--year", "2018", "--member", "BNCTW", "--format", "json").stdout
        #expect(sheet.contains(#""evidence":[{"bytes":\#(data.count),"mediaType":"application/pdf","sha256":"\#(sha256)","title":"Báo cáo số 12"}]"#),
                "\(sheet)")
        let exported = try cli.run("export", "--year", "2018").stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(exported.contains(#""schema":2"#) && exported.contains(#""signature":"#), "\(exported)")
        #expect(try cli.run("evidence", "get", sha256, "--out", cli.path("copy.pdf")).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("copy.pdf"))) == data)
        #expect(try cli.run("evidence", "get", sha256, "--out", cli.path("copy.pdf")).status == 1, "an existing file is never overwritten")
        try SignedLogTests.verifiedByBoth(cli)
        // Exported and appended to a new log (the document added first), the signed schema-2 line is accepted as it is.
        let copy = try Thidua()
        defer { copy.remove() }
        #expect(try copy.run("append", try copy.write("all.jsonl", try cli.run("export").stdout)).status == 1,
                "without its document the copy refuses the score")
        #expect(try copy.run("evidence", "add", file).stdout == sha256 + "\n")
        #expect(try copy.run("append", try copy.write("all.jsonl", try cli.run("export").stdout)).status == 0)
        try SignedLogTests.verifiedByBoth(copy)
    }

    @Test func evidenceAddPrintsTheSHA256AndKeepsTheSameContentOnce() throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        let (file, data) = try Self.document(cli, "quyet-dinh.bin", bytes: 0)
        let first = try cli.run("evidence", "add", file)
        #expect(first.status == 0 && first.stdout == Self.sha256(of: data) + "\n", "\(first)")
        let again = try cli.run("evidence", "add", file, "--media-type", "Application/PDF", "--title", "Quyết định", "--format", "json")
        let item = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(item?["alreadyKept"] as? Bool == true && item?["bytes"] as? Int == 0 && item?["title"] as? String == "Quyết định", "\(again)")
        #expect(try Self.rows(cli).documents == "1\n")
        #expect(try cli.run("evidence", "get", Self.sha256(of: data)).stdout.isEmpty)
    }

    @Test func aDocumentOfTenMegabytesIsKeptAndWrittenBack() throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        let (file, data) = try Self.document(cli, "scan.pdf", bytes: 10 * 1024 * 1024)
        let added = try cli.run("evidence", "add", file)
        #expect(added.status == 0 && added.stdout == Self.sha256(of: data) + "\n", "\(added)")
        #expect(try cli.run("evidence", "get", Self.sha256(of: data), "--out", cli.path("back.pdf")).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("back.pdf"))) == data)
    }

    @Test("a bad document file is refused, naming it, and nothing is written", arguments: [
        (["--evidence-file", "missing.pdf"], "unreadable-evidence"),
        (["--evidence-file", "."], "unreadable-evidence"),
        (["--evidence-file", "doc.pdf", "--evidence-title", "Hai\ndòng"], "multi-line-text"),
        (["--evidence-file", "doc.pdf", "--evidence-media-type", "pdf"], "bad-media-type"),
        (["--evidence-file", "doc.pdf", "--evidence-media-type", "a"], "bad-media-type"),
    ])
    func aBadDocumentFileIsRefused(_ options: [String], _ code: String) throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        _ = try Self.document(cli, "doc.pdf")
        let before = try Self.rows(cli)
        let arguments = ["--as", "BNCTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14",
                         "--key", cli.path("keys/bnctw.key")] + options.map { $0.hasSuffix(".pdf") || $0 == "." ? cli.path($0) : $0 }
        let result = try cli.run(arguments)
        #expect(result.status == 1 && result.stderr.contains("[\(code)]"), "\(result)")
        #expect(try Self.rows(cli) == before)
    }

    @Test("evidence add refuses a file it cannot keep, naming it, and keeps nothing", arguments: [
        (["missing.pdf"], "unreadable-evidence"), (["."], "unreadable-evidence"), (["/dev/null"], "unreadable-evidence"),
        (["doc.pdf", "--media-type", "PDF"], "bad-media-type"), (["doc.pdf", "--title", "Hai\ndòng"], "multi-line-text"),
    ])
    func evidenceAddRefuses(_ arguments: [String], _ code: String) throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        _ = try Self.document(cli, "doc.pdf")
        let named = arguments.map { $0.hasSuffix(".pdf") || $0 == "." ? cli.path($0) : $0 }
        let result = try cli.run(["evidence", "add"] + named)
        #expect(result.status == 1 && result.stderr.contains("[\(code)]") && result.stdout.isEmpty, "\(result)")
        if code == "unreadable-evidence" { #expect(result.stderr.contains(named[0]), "\(result)") }
        #expect(try Self.rows(cli).documents == "0\n")
    }

    @Test func aLineCitingADocumentTheLogDoesNotKeepIsRefusedNamingItsSHA256AndLine() throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        _ = try cli.run("--as", "secretariat", "rules", "adopt", "--from-year", "2019")
        #expect(try cli.run("--as", "secretariat", "year", "open", "2019", "--from", "2018").status == 0)
        #expect(try cli.run("--as", "secretariat", "criterion", "set", "--year", "2019", "--code", "1.1", "--title", "T", "--max", "20").status == 0)
        let (file, data) = try Self.document(cli, "kept.pdf")
        let kept = Self.sha256(of: data)
        #expect(try cli.run("evidence", "add", file).status == 0)
        let absent = String(repeating: "0", count: 64)
        let line = { (sha256: String, bytes: Int) in
            #"{"type":"score.submitted","bloc":"BDTW","year":2019,"actor":"BNCTW","schema":2,"data":{"member":"BNCTW","criterion":"1.1","points":3,"evidence":[{"title":"Báo cáo","sha256":"\#(sha256)","bytes":\#(bytes)}]}}"#
        }
        let before = try Self.rows(cli)
        let missing = try cli.run("append", try cli.write("missing.jsonl", line(kept, data.count) + "\n" + line(absent, 5) + "\n"))
        #expect(missing.status == 1 && missing.stderr.contains("line 2") && missing.stderr.contains(absent)
                && missing.stderr.contains("[evidence-missing]"), "\(missing)")
        let mismatch = try cli.run("append", try cli.write("mismatch.jsonl", line(kept, data.count + 1) + "\n"))
        #expect(mismatch.status == 1 && mismatch.stderr.contains(kept) && mismatch.stderr.contains("[evidence-mismatch]"), "\(mismatch)")
        let unknownSchema = try cli.run("append", try cli.write("s3.jsonl", line(kept, data.count).replacingOccurrences(of: #""schema":2"#, with: #""schema":3"#) + "\n"))
        #expect(unknownSchema.status == 1 && unknownSchema.stderr.contains("[unknown-schema]"), "\(unknownSchema)")
        #expect(try Self.rows(cli) == before, "nothing written")
        let accepted = try cli.run("append", try cli.write("ok.jsonl", line(kept, data.count) + "\n"))
        #expect(accepted.status == 0, "\(accepted)")
        try SignedLogTests.verifiedByBoth(cli)
    }

    @Test("a hostile sha256 for evidence get is refused, exit 1", arguments: [
        "", "abc", String(repeating: "g", count: 64), String(repeating: "a", count: 65), "' OR 1=1 --", "../../etc/passwd",
        String(repeating: "0", count: 64),
    ])
    func aHostileSHA256IsRefused(_ sha256: String) throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        let result = try cli.run("evidence", "get", sha256)
        #expect(result.status == 1 && result.stderr.contains("[no-such-evidence]") && result.stdout.isEmpty, "\(result)")
    }

    @Test("a cited document missing or altered: both verifiers answer 2, naming its sha256 and the event", arguments: [
        "DROP TRIGGER evidence_append_only_delete; DELETE FROM evidence;",
        "DROP TRIGGER evidence_append_only_update; UPDATE evidence SET content = zeroblob(bytes);",
        "DROP TRIGGER evidence_append_only_update; UPDATE evidence SET content = CAST('x' AS BLOB), bytes = 1;",
    ])
    func aMissingOrAlteredDocumentIsFound(_ sql: String) throws {
        let cli = try Self.signedSeed()
        defer { cli.remove() }
        let (file, data) = try Self.document(cli, "doc.pdf")
        let submitted = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14",
                                    "--evidence-file", file, "--key", cli.path("keys/bnctw.key"))
        #expect(submitted.status == 0, "\(submitted)")
        let position = try cli.run("digest").stdout.split(separator: ":").first.map(String.init) ?? ""
        let sha256 = Self.sha256(of: data)
        let triggers = sql.hasPrefix("DROP TRIGGER evidence_append_only_delete")
            ? "CREATE TRIGGER evidence_append_only_delete BEFORE DELETE ON evidence\nBEGIN SELECT RAISE(ABORT, 'evidence documents are kept as added: DELETE refused'); END;"
            : "CREATE TRIGGER evidence_append_only_update BEFORE UPDATE ON evidence\nBEGIN SELECT RAISE(ABORT, 'evidence documents are kept as added: UPDATE refused'); END;"
        try cli.sqlite(sql + "\n" + triggers)
        let thidua = try cli.run("verify")
        #expect(thidua.status == 2 && thidua.stderr.contains("position \(position)") && thidua.stderr.contains(sha256), "\(thidua)")
        #expect(thidua.stdout.contains("evidence: BROKEN at position \(position)"), "\(thidua)")
        let python = try cli.pythonVerify()
        #expect(python.status == 2 && python.stdout.contains("evidence: BROKEN at position \(position)") && python.stdout.contains(sha256),
                "\(python)")
        let get = try cli.run("evidence", "get", sha256)
        #expect(get.status != 0 && get.stdout.isEmpty, "\(get)")
    }
}
