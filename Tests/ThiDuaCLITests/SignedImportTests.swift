import Foundation
import Testing
import ThiDuaLog

/// A large signed import, whose signatures `append` verifies many lines at a time on every core: the events keep the
/// order of their lines, a refusal names its own line, and a batch with one bad signature appends nothing.
@Suite("End to end: a large signed import")
struct SignedImportTests {
    /// Lines spanning several of the reader's look-ahead batches.
    static let count = 3_000

    /// The n-th (0-based) score line of the batch, BNCTW's, signed with its TEST key.
    static func line(_ n: Int) throws -> String {
        let unsigned = SignedLogTests.seedLines[22]
            .replacingOccurrences(of: "b8d390d2-7c0c-529b-9cf7-f0cf391a34cb", with: id(n))
            .replacingOccurrences(of: #""points":14.5"#, with: #""points":\#(n % 10)"#)
        return try SignedLogTests.signed(unsigned)
    }

    static func id(_ n: Int) -> String { "00000000-0000-4000-b000-\(String(format: "%012d", n))" }

    static func lines(badSignatureAt bad: Int? = nil, pointsOverMaximumAt over: Int? = nil) throws -> String {
        try (0..<count).map { n in
            let line = try Self.line(n)
            if n == bad { return line.replacingOccurrences(of: #""points":\#(n % 10)"#, with: #""points":\#(n % 10 + 1)"#) }
            if n == over {
                let unsigned = SignedLogTests.seedLines[22].replacingOccurrences(of: "b8d390d2-7c0c-529b-9cf7-f0cf391a34cb", with: id(n))
                return try SignedLogTests.signed(unsigned.replacingOccurrences(of: #""points":14.5"#, with: #""points":99"#))
            }
            return line
        }.joined(separator: "\n") + "\n"
    }

    @Test func everySignedLineIsAppendedInTheOrderOfTheFile() throws {
        let cli = try SignedLogTests.started()
        defer { cli.remove() }
        let appended = try cli.run("append", try cli.write("signed.jsonl", try Self.lines()))
        #expect(appended.status == 0, "\(appended)")
        let ids = try SignedLogTests.jsonLines(try cli.run("log", "--format", "json").stdout).suffix(Self.count).map { $0["id"] as? String }
        #expect(ids == (0..<Self.count).map(Self.id))
        #expect(try cli.run("verify").status == 0)
    }

    /// The first refusal in the order of the file is the one reported, whichever check finds it.
    @Test(arguments: [(2_000, nil, 2_001), (1_024, nil, 1_025), (2_999, nil, 3_000), (0, nil, 1),
                      (2_000, 9, 10), (1_500, 2_500, 1_501)] as [(Int, Int?, Int)])
    func aBadSignatureInTheMiddleAppendsNothing(badSignature: Int, pointsOverMaximum: Int?, reportedLine: Int) throws {
        let cli = try SignedLogTests.started()
        defer { cli.remove() }
        let head = try cli.run("digest").stdout
        let lines = try Self.lines(badSignatureAt: badSignature, pointsOverMaximumAt: pointsOverMaximum)
        let refused = try cli.run("append", try cli.write("signed.jsonl", lines))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("at line \(reportedLine):"), "\(refused)")
        let expected = reportedLine == badSignature + 1 ? ["(bytes-altered)", "[bad-signature]"] : ["[points-over-maximum]"]
        #expect(expected.allSatisfy { refused.stderr.contains($0) }, "\(refused)")
        #expect(try cli.run("digest").stdout == head)
    }

    /// `thidua bench-signatures`, the bare loop Tools/bench.py sets the import against, verifies exactly the signed lines.
    @Test func theBareLoopVerifiesEverySignedLineAndOnlyThose() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let lines = try (0..<100).map(Self.line) + [SignedLogTests.seedLines[23]]
        let loop = try cli.run("bench-signatures", "--threads", "2", try cli.write("signed.jsonl", lines.joined(separator: "\n")))
        #expect(loop.status == 0, "\(loop)")
        let report = try #require(try SignedLogTests.jsonLines(loop.stdout).first)
        #expect(report["signatures"] as? Int == 100 && report["threads"] as? Int == 2)
        let altered = lines[0].replacingOccurrences(of: #""points":0"#, with: #""points":1"#)
        let refused = try cli.run("bench-signatures", try cli.write("altered.jsonl", ([altered] + lines.dropFirst()).joined(separator: "\n")))
        #expect(refused.status == 1 && refused.stderr.contains("1 of 100 signatures do not verify"), "\(refused)")
    }
}
