import Foundation
import Testing
import ThiDuaJSON
import ThiDuaLog
import ThiDuaStore

/// Verbatim copies (§13): export --verbatim, restore, verify --export and verify_chain.py on the file.
@Suite("End to end: verbatim export, restore and verify --export (§13)")
struct VerbatimCopyTests {
    /// A log holding `seed`, and its verbatim export written to `verbatim.jsonl`.
    static func exported(_ seed: String = Example.seedPath) throws -> (Thidua, String) {
        let cli = try Thidua()
        let appended = try cli.run("append", seed)
        try #require(appended.status == 0, "\(appended)")
        let export = try cli.run("export", "--verbatim")
        try #require(export.status == 0, "\(export)")
        return (cli, try cli.write("verbatim.jsonl", export.stdout))
    }

    /// What a user compares between two logs: the digest, every row (recordedAt, hashes, signatures) and each year's replay with its stateHash.
    static func observed(_ cli: Thidua, db: String) throws -> [String] {
        var seen: [String] = []
        for arguments in [["digest"], ["log", "--format", "json"], ["replay", "--year", "2017", "--format", "json"],
                          ["replay", "--year", "2018", "--format", "json"], ["standings", "--year", "2017", "--format", "json"],
                          ["replay", "--year", "2018", "--known-at", "2018-06-01T00:00:00Z", "--format", "json"]] {
            let result = try cli.run(["--db", db] + arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            seen.append(result.stdout)
        }
        return seen
    }

    @Test("restore rebuilds the identical log: same digest, rows, recordedAt, stateHashes; the original's digest verifies the copy",
          arguments: [Example.seedPath, SignedSeedTests.path])
    func restoreIsIdentical(seed: String) throws {
        let (cli, file) = try Self.exported(seed)
        defer { cli.remove() }
        let copy = cli.path("copy.sqlite")
        let restored = try cli.run("restore", file, "--db", copy)
        #expect(restored.status == 0, "\(restored)")
        let original = try Self.observed(cli, db: cli.database)
        #expect(try Self.observed(cli, db: copy) == original)
        #expect(original[2].contains("stateHash"))
        let digest = original[0].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(restored.stdout.contains("digest \(digest)"), "\(restored)")
        let verified = try cli.run("--db", copy, "verify", "--digest", digest)
        #expect(verified.status == 0 && verified.stdout.contains("digest \(digest.prefix(while: { $0 != ":" })): matches"), "\(verified)")
        #expect(try cli.run("--db", copy, "export", "--verbatim").stdout == String(contentsOfFile: file, encoding: .utf8))
        #expect(try cli.run("verify", "--export", file, "--digest", digest).status == 0)
        let python = try Thidua.pythonTool("verify_chain.py", [file, "--digest", digest])
        #expect(python.0 == 0, "\(String(decoding: python.1, as: UTF8.self))")
    }

    @Test("text the line must escape (tab, line feed, quotes, backslash, Vietnamese) comes back byte for byte")
    func escapedTextRoundTrips() throws {
        let (cli, _) = try Self.exported()
        defer { cli.remove() }
        let rules = #"{"type":"rules.adopted","bloc":"BDTW","actor":"secretariat","correlation":"Biên bản\tsố 7\n\"họp\" \\ /","data":{"fromYear":2030,"flagLimit":1}}"#
        #expect(try cli.run("append", "-", stdin: rules + "\n").status == 0)
        let export = try cli.run("export", "--verbatim").stdout
        #expect(export.contains(#""correlation":"Biên bản\tsố 7\n\"họp\" \\ /""#))
        let file = try cli.write("escaped.jsonl", export)
        #expect(try cli.run("verify", "--export", file).status == 0)
        #expect(try Thidua.pythonTool("verify_chain.py", [file]).0 == 0)
        #expect(try cli.run("restore", file, "--db", cli.path("copy.sqlite")).status == 0)
        #expect(try cli.run("--db", cli.path("copy.sqlite"), "export", "--verbatim").stdout == export)
    }

    @Test("the signed seed's copy keeps every signature, and both verifiers check them again")
    func signedCopyVerifies() throws {
        let (cli, file) = try Self.exported(SignedSeedTests.path)
        defer { cli.remove() }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.components(separatedBy: "\"signature\":\"").count > 50)
        let copy = cli.path("copy.sqlite")
        #expect(try cli.run("restore", file, "--db", copy).status == 0)
        let verify = try cli.run("--db", copy, "verify")
        #expect(verify.status == 0 && verify.stdout.contains("rules: every event re-decided"), "\(verify)")
        #expect(try Thidua.pythonTool("verify_chain.py", [copy]).0 == 0)
        // One bit of one signature's value flipped, its row's hash and every later one recomputed: only the signature check can tell.
        let forged = try Self.forging(text, where: { $0.signature != nil && $0.position > 200 }) { row in
            row.signature![95] ^= 1
        }
        try Self.expectBothRefuse(cli, forged.text, line: forged.line, code: "bad-signature")
    }

    @Test("a byte changed in a field of a row is reported at its line by both verifiers, and restore refuses the file",
          arguments: ["\"hash\":\"", "\"data\":\"", "\"recordedAt\":\"", "\"signature\":\"", "\"position\":", "\"prevHash\":\"",
                      "\"version\":", "\"id\":\""])
    func changedField(field: String) throws {
        let (cli, file) = try Self.exported(SignedSeedTests.path)
        defer { cli.remove() }
        var bytes = Array(try String(contentsOfFile: file, encoding: .utf8).utf8)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = 200
        let start = lines.prefix(line - 1).reduce(0) { $0 + $1.count + 1 }
        let row = Array(lines[line - 1])
        let offset = start + (try #require(row.firstRange(of: Array(field.utf8))?.upperBound))
        bytes[offset] = bytes[offset] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try Self.expectBothRefuse(cli, String(decoding: bytes, as: UTF8.self), line: line)
    }

    @Test("a byte changed anywhere in the file is reported at its line by both verifiers", arguments: 1..<12)
    func changedByteAnywhere(twelfth: Int) throws {
        let (cli, file) = try Self.exported()
        defer { cli.remove() }
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        let offset = bytes.count * twelfth / 12 + twelfth
        let replacement: UInt8 = [0x0A, 0x20, 0x22, 0x30, 0x39, 0x5C, 0x61, 0x7B, 0x7D, 0xC3, 0x00, 0x2C][twelfth]
        bytes[offset] = replacement == bytes[offset] ? replacement ^ 1 : replacement
        let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
        try Self.expectBothRefuse(cli, bytes: bytes, line: line)
    }

    enum Damage: String, CaseIterable {
        case cutAtLine, cutMidLine, lineRemoved, linesSwapped, lineRepeated, endRemoved, hashNotFollowing, plainExport, empty
        case extraKey, uppercaseHex, escapedLetter, idRepeated
    }

    @Test("a truncated, reordered or re-hashed file is refused at the line where it goes wrong", arguments: Damage.allCases)
    func damaged(damage: Damage) throws {
        let (cli, file) = try Self.exported()
        defer { cli.remove() }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        let expectedLine: Int
        var damaged: String
        switch damage {
        case .cutAtLine:
            damaged = lines.prefix(100).joined(separator: "\n") + "\n"
            expectedLine = 100
        case .cutMidLine:
            damaged = lines.prefix(100).joined(separator: "\n") + "\n" + lines[100].prefix(50)
            expectedLine = 101
        case .lineRemoved:
            lines.remove(at: 50)
            damaged = lines.joined(separator: "\n") + "\n"
            expectedLine = 51
        case .linesSwapped:
            lines.swapAt(60, 61)
            damaged = lines.joined(separator: "\n") + "\n"
            expectedLine = 61
        case .lineRepeated:
            lines.insert(lines[70], at: 71)
            damaged = lines.joined(separator: "\n") + "\n"
            expectedLine = 72
        case .endRemoved:
            damaged = lines.dropLast().joined(separator: "\n") + "\n"
            expectedLine = lines.count - 1
        case .hashNotFollowing:
            // Row 80's id edited and its own hash recomputed: the next row's prevHash no longer follows.
            damaged = try Self.forging(text, where: { $0.position == 80 }, rehashingFollowing: false) { row in
                row.id = String(row.id.dropLast()) + (row.id.hasSuffix("0") ? "1" : "0")
            }.text
            expectedLine = 82
        case .plainExport:
            damaged = try cli.run("export").stdout
            expectedLine = 1
        case .empty:
            damaged = ""
            expectedLine = 1
        case .extraKey:
            lines[40] = String(lines[40].dropLast()) + #","zzz":1}"#
            damaged = lines.joined(separator: "\n") + "\n"
            expectedLine = 41
        case .uppercaseHex:
            lines[41] = lines[41].replacing(/"hash":"([0-9]*)([a-f])/) { "\"hash\":\"\($0.1)\($0.2.uppercased())" }
            damaged = lines.joined(separator: "\n") + "\n"
            expectedLine = 42
        case .idRepeated:
            // Row 90 given row 89's id, and the chain recomputed from it: only the id's uniqueness is broken.
            guard case .object(let earlier) = try JSON.parse(lines[89]), case .string(let id)? = earlier["id"] else {
                Issue.record("no id on line 90")
                return
            }
            damaged = try Self.forging(text, where: { $0.position == 90 }) { $0.id = id }.text
            expectedLine = 91
        case .escapedLetter:
            // The same value, another spelling: \u0042 is "B". Only the bytes tell.
            lines[42] = lines[42].replacing(#""stream":"B"#, with: #""stream":"\u0042"#)
            damaged = lines.joined(separator: "\n") + "\n"
            expectedLine = 43
        }
        try Self.expectBothRefuse(cli, damaged, line: expectedLine)
    }

    @Test("a hand-made row that breaks a rule, with the whole chain recomputed after it, is refused at its line by both")
    func ruleBrokenWithRecomputedChain() throws {
        let (cli, file) = try Self.exported()
        defer { cli.remove() }
        let forged = try Self.forging(try String(contentsOfFile: file, encoding: .utf8),
                                      where: { $0.type == "score.submitted" && $0.position > 100 }) { row in
            row.data = row.data.replacing(/"points":[0-9.]+/, with: "\"points\":999")
        }
        try Self.expectBothRefuse(cli, forged.text, line: forged.line, code: "points-over-maximum")
    }

    @Test("restore writes only into a missing file or an empty log, and leaves nothing behind when it refuses")
    func restoreTargets() throws {
        let (cli, file) = try Self.exported()
        defer { cli.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        let refused = try cli.run("restore", file, "--db", cli.database)
        #expect(refused.status == 1 && refused.stderr.contains("already holds 245 event(s)")
                && refused.stderr.contains("[restore-target-not-empty]"), "\(refused)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)

        let empty = cli.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        #expect(try cli.run("restore", file, "--db", empty).status == 0)
        #expect(try cli.run("--db", empty, "verify").status == 0)

        let zero = cli.path("zero.sqlite")
        #expect(FileManager.default.createFile(atPath: zero, contents: nil))
        let cut = try cli.write("cut.jsonl", String(try String(contentsOfFile: file, encoding: .utf8).dropLast(30)))
        #expect(try cli.run("restore", cut, "--db", zero).status == 2)
        #expect(try FileManager.default.attributesOfItem(atPath: zero)[.size] as? Int == 0)

        let missingInput = try cli.run("restore", cli.path("nowhere.jsonl"), "--db", cli.path("new.sqlite"))
        #expect(missingInput.status == 1, "\(missingInput)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("new.sqlite")))
    }

    @Test("verify --export and verify_chain.py refuse a path that holds no export: missing, a directory, an empty file")
    func noExport() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        for path in [cli.path("missing.jsonl"), cli.directory.path, try cli.write("empty.jsonl", "")] {
            let swift = try cli.run("verify", "--export", path)
            #expect(swift.status == 2 && swift.stderr.hasPrefix("error: "), "\(path): \(swift)")
            #expect(try Thidua.pythonTool("verify_chain.py", [path]).0 == 2, "\(path)")
        }
    }

    // MARK: helpers

    /// Both verifiers exit 2 naming `line` (and `code`), and restore refuses the file, writing nothing.
    static func expectBothRefuse(_ cli: Thidua, _ text: String, line: Int, code: String? = nil,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectBothRefuse(cli, bytes: Array(text.utf8), line: line, code: code, sourceLocation: sourceLocation)
    }

    static func expectBothRefuse(_ cli: Thidua, bytes: [UInt8], line: Int, code: String? = nil,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = cli.path("damaged.jsonl")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let swift = try cli.run("verify", "--export", path)
        #expect(swift.status == 2 && swift.stderr.contains("line \(line)") && swift.stdout.contains("export: BROKEN at line \(line)"),
                "\(swift)", sourceLocation: sourceLocation)
        let (status, output) = try Thidua.pythonTool("verify_chain.py", [path])
        let python = String(decoding: output, as: UTF8.self)
        #expect(status == 2 && python.contains("export: BROKEN at line \(line)"), "python: \(python)", sourceLocation: sourceLocation)
        if let code {
            #expect(swift.stderr.contains("[\(code)]") && python.contains(code), "\(swift)\npython: \(python)", sourceLocation: sourceLocation)
        }
        let target = cli.path("restored.sqlite")
        let restore = try cli.run("restore", path, "--db", target)
        #expect(restore.status == 2 && restore.stderr.contains("line \(line)") && restore.stderr.contains("nothing was written"),
                "\(restore)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: target) && !FileManager.default.fileExists(atPath: target + "-wal"),
                sourceLocation: sourceLocation)
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains("restor") }
        #expect(left.isEmpty, "restore left \(left) behind", sourceLocation: sourceLocation)
    }

    /// The export with the first row matching `chosen` changed by `change`, its hash recomputed and, unless told otherwise,
    /// every later row's prevHash and hash and the end line too: a forgery only the rules (or a signature) can catch.
    static func forging(_ text: String, where chosen: (Verbatim.Row) -> Bool, rehashingFollowing: Bool = true,
                        _ change: (inout Verbatim.Row) -> Void) throws -> (text: String, line: Int) {
        var lines = text.split(separator: "\n").map(String.init)
        var previous: [UInt8]?
        var forgedLine = 0
        var head: (Int64, [UInt8]) = (0, [])
        for index in 1..<(lines.count - 1) {
            guard case .object(let object) = try JSON.parse(lines[index]) else { continue }
            var row = try VerbatimCheck.row(object, line: index + 1)
            if forgedLine == 0, chosen(row) {
                change(&row)
                forgedLine = index + 1
            } else if let previous, forgedLine > 0, rehashingFollowing {
                row.prevHash = previous
            } else {
                head = (row.position, row.hash)
                continue
            }
            let canonical = EventHashing.canonicalBytes(
                position: row.position, stream: row.stream, version: row.version, id: row.id, type: row.type, schema: Int(row.schema),
                actor: row.actor, occurredAt: row.occurredAt, recordedAt: row.recordedAt, correlation: row.correlation, data: row.data,
                signature: row.signature)
            row.hash = EventHashing.chain(previous: row.prevHash, canonical: canonical)
            previous = row.hash
            head = (row.position, row.hash)
            var out: [UInt8] = []
            Verbatim.writeEvent(row, to: &out)
            lines[index] = String(decoding: out.dropLast(), as: UTF8.self)
            if !rehashingFollowing { break }
        }
        try #require(forgedLine > 0)
        if rehashingFollowing { lines[lines.count - 1] = Verbatim.endLine(events: Int64(lines.count - 2), head: head) }
        return (lines.joined(separator: "\n") + "\n", forgedLine)
    }
}
