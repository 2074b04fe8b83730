import Foundation
import Testing

@Suite("End to end: tampering with the sqlite3 shell is found by verify and by the Python verifier (§8)")
struct TamperTests {
    static let dropTriggers = "DROP TRIGGER event_append_only_update; DROP TRIGGER event_append_only_delete; DROP TRIGGER event_gap_free;"

    func seeded() throws -> (Thidua, digest: String) {
        let cli = try Thidua()
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let digest = try cli.run("digest").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (cli, digest)
    }

    @Test("each alteration is reported with the first bad position", arguments: [
        ("edit a score", "UPDATE event SET data = replace(data, '14.5', '15') WHERE position = 23;", 23),
        ("delete a row", "DELETE FROM event WHERE position = 100;", 100),
        ("swap two rows", "UPDATE event SET position = position + 1000 WHERE position IN (50, 60); UPDATE event SET position = 60 WHERE position = 1050; UPDATE event SET position = 50 WHERE position = 1060;", 50),
        ("change an actor", "UPDATE event SET actor = 'secretariat' WHERE position = 184;", 184),
    ])
    func alterationIsFound(name: String, sql: String, position: Int) throws {
        let (cli, digest) = try seeded()
        defer { cli.remove() }
        try cli.sqlite(Self.dropTriggers + sql)
        let result = try cli.run("verify", "--digest", digest)
        #expect(result.status == 2, "\(name): \(result)")
        #expect(result.stderr.hasPrefix("error: verify:"), "\(name)")
        #expect(result.stderr.contains("position \(position)"), "\(name): \(result.stderr)")
        #expect(result.stdout.contains("chain: BROKEN at position \(position)"), "\(name): \(result.stdout)")
        #expect(result.stdout.contains("append-only triggers: MISSING"))
        let python = try cli.pythonVerify()
        #expect(python.status == 2, "\(name): \(python)")
        #expect(python.stdout.contains("BROKEN at position \(position)"), "\(name): \(python.stdout)")
    }

    @Test func anIntactLogVerifiesInBothVerifiers() throws {
        let (cli, digest) = try seeded()
        defer { cli.remove() }
        let result = try cli.run("verify", "--digest", digest)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("verified\n"))
        let python = try cli.pythonVerify(["--digest", digest])
        #expect(python.status == 0, "\(python)")
        let head = digest.split(separator: ":")[1]
        #expect(python.stdout.contains("chain: intact up to position 245, head \(head)"))
        #expect(result.stdout.contains("head \(head)"))
    }

    @Test func aDigestProvesThePrefixBeforeAnEditAndFailsAfterIt() throws {
        let (cli, _) = try seeded()
        defer { cli.remove() }
        let early = try cli.run("log", "--to", "150", "--format", "json").stdout.split(separator: "\n").last.map(String.init) ?? ""
        let hash = try #require(early.range(of: #""hash":""#).map { String(early[$0.upperBound...].prefix(64)) })
        try cli.sqlite(Self.dropTriggers + "UPDATE event SET correlation = 'Hội nghị khác' WHERE position = 200;")
        let proven = try cli.run("verify", "--digest", "150:\(hash)")
        #expect(proven.status == 2)
        #expect(proven.stdout.contains("digest 150: matches"))
        #expect(proven.stdout.contains("BROKEN at position 200"))
        let python = try cli.pythonVerify(["--digest", "150:\(hash)"])
        #expect(python.stdout.contains("digest 150: matches"))

        let (other, _) = try seeded()
        defer { other.remove() }
        try other.sqlite(Self.dropTriggers + "UPDATE event SET data = replace(data, '14.5', '15') WHERE position = 23;")
        let failed = try other.run("verify", "--digest", "150:\(hash)")
        #expect(failed.status == 2)
        #expect(failed.stdout.contains("digest 150: DOES NOT MATCH"))
    }

    @Test func theTriggersRefuseEditsThroughTheShell() throws {
        let (cli, _) = try seeded()
        defer { cli.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE event SET actor='X' WHERE position=1\"); c.commit()", cli.database]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(try cli.run("verify").status == 0)
    }
}
