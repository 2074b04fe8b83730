import Foundation
import Testing
import ThiDuaStore

/// A verbatim copy carries the log's evidence documents (§13): restored byte for byte, checked by both verifiers,
/// and a document changed, removed or moved in the file is refused at its line.
@Suite("End to end: evidence documents in verbatim copies (§13)")
struct VerbatimEvidenceTests {
    /// The signed seed with two documents cited by a signed self-score and one kept but cited by nothing; its export.
    static func exportedWithDocuments() throws -> (cli: Thidua, file: String, cited: [Data]) {
        let cli = try EvidenceTests.signedSeed()
        let (first, firstData) = try EvidenceTests.document(cli, "bao-cao-12.pdf")
        let (second, secondData) = try EvidenceTests.document(cli, "bien-ban-7.png", bytes: 70_000)
        let (spare, _) = try EvidenceTests.document(cli, "du-phong.txt", bytes: 10)
        let submitted = try cli.run("--as", "BNCTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "14",
                                    "--evidence-file", first, "--evidence-file", second, "--key", cli.path("keys/bnctw.key"))
        try #require(submitted.status == 0, "\(submitted)")
        try #require(try cli.run("evidence", "add", spare).status == 0)
        let export = try cli.run("export", "--verbatim")
        try #require(export.status == 0, "\(export)")
        return (cli, try cli.write("verbatim.jsonl", export.stdout), [firstData, secondData])
    }

    static func lines(_ file: String) throws -> [String] {
        try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func theCopyKeepsEveryDocumentAndVerifies() throws {
        let (cli, file, cited) = try Self.exportedWithDocuments()
        defer { cli.remove() }
        let lines = try Self.lines(file)
        let documents = lines.filter { $0.contains(#""kind":"evidence""#) }
        #expect(documents.count == 3)
        #expect(lines.last?.hasPrefix(#"{"documents":3,"events":"#) == true, "\(lines.last ?? "")")
        let copy = cli.path("copy.sqlite")
        let restored = try cli.run("restore", file, "--db", copy)
        #expect(restored.status == 0, "\(restored)")
        let digest = try cli.run("digest").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let verified = try cli.run("--db", copy, "verify", "--digest", digest)
        #expect(verified.status == 0 && verified.stdout.contains("evidence: 2 document(s) cited"), "\(verified)")
        #expect(try Thidua.pythonTool("verify_chain.py", [copy]).0 == 0)
        for data in cited {
            let sha256 = EvidenceTests.sha256(of: data)
            let out = cli.path("back-\(sha256.prefix(8))")
            #expect(try cli.run("--db", copy, "evidence", "get", sha256, "--out", out).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == data)
        }
        #expect(try cli.run("--db", copy, "export", "--verbatim").stdout == String(contentsOfFile: file, encoding: .utf8))
        let swift = try cli.run("verify", "--export", file, "--digest", digest)
        #expect(swift.status == 0 && swift.stdout.contains("evidence: 3 document(s) in the file"), "\(swift)")
        let (status, output) = try Thidua.pythonTool("verify_chain.py", [file, "--digest", digest])
        #expect(status == 0 && String(decoding: output, as: UTF8.self).contains("evidence: 3 document(s) in the file"))
    }

    @Test func aDocumentChangedRemovedOrMovedIsRefusedAtItsLine() throws {
        let (cli, file, cited) = try Self.exportedWithDocuments()
        defer { cli.remove() }
        let lines = try Self.lines(file)
        let first = try #require(lines.firstIndex { $0.contains(#""kind":"evidence""#) })
        let cut = { (lines: [String]) in lines.joined(separator: "\n") + "\n" }

        // One base64 digit of the content changed: the document no longer hashes to its name.
        var changed = lines
        let content = try #require(changed[first].range(of: #""content":""#))
        var characters = Array(changed[first])
        let at = changed[first].distance(from: changed[first].startIndex, to: content.upperBound) + 4
        characters[at] = characters[at] == "A" ? "B" : "A"
        changed[first] = String(characters)
        try VerbatimCopyTests.expectBothRefuse(cli, cut(changed), line: first + 1, code: "evidence-mismatch")

        // A cited document removed, the end line's count mended: the event citing it is named.
        let citedSHA = Set(cited.map(EvidenceTests.sha256(of:)))
        var removed = lines
        let index = try #require(removed.firstIndex { line in citedSHA.contains { line.contains($0) } && line.contains(#""kind":"evidence""#) })
        removed.remove(at: index)
        removed[removed.count - 1] = removed[removed.count - 1].replacingOccurrences(of: #"{"documents":3,"#, with: #"{"documents":2,"#)
        try VerbatimCopyTests.expectBothRefuse(cli, cut(removed), line: removed.count, code: "evidence-missing")

        // A document removed and the end line left: the count no longer matches.
        var uncounted = lines
        uncounted.remove(at: first)
        try VerbatimCopyTests.expectBothRefuse(cli, cut(uncounted), line: uncounted.count, code: "export-truncated")

        // Documents swapped: out of order.
        var swapped = lines
        swapped.swapAt(first, first + 1)
        try VerbatimCopyTests.expectBothRefuse(cli, cut(swapped), line: first + 2, code: "export-malformed")

        // A document moved before the last event: an event after the documents.
        var moved = lines
        let document = moved.remove(at: first)
        moved.insert(document, at: first - 1)
        try VerbatimCopyTests.expectBothRefuse(cli, cut(moved), line: first + 1, code: "export-chain-broken")
    }
}
