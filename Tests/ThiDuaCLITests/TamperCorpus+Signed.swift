import Foundation
import Testing
import ThiDuaLog

/// A signed log altered by someone who can recompute the chain: only checking each signature again finds it.
extension TamperCorpus {
    /// The demo history up to its first scores, both test keys registered (positions 23 and 24), and eight of BNCTW's
    /// scores signed with its test key (positions 25 to 32); as file bytes.
    static let signedClean: Result<Data, SetupFailure> = Result { () throws(SetupFailure) in
        do {
            let cli = try SignedLogTests.started()
            defer { cli.remove() }
            let lines = try SignedLogTests.seedLines[22..<30].map { try SignedLogTests.signed($0) }
            let appended = try cli.run("append", try cli.write("signed.jsonl", lines.joined(separator: "\n") + "\n"))
            guard appended.status == 0 else { throw SetupFailure(description: "append of signed lines: \(appended)") }
            return try Data(contentsOf: URL(fileURLWithPath: cli.database))
        } catch let failure as SetupFailure {
            throw failure
        } catch {
            throw SetupFailure(description: "\(error)")
        }
    }

    static var secretariatPublicKeyHex: String { EventHashing.hex(SignedLogTests.secretariatKey.publicKey) }

    static let signed: [Tamper] = [
        Tamper(name: "a signature byte flipped, the chain recomputed",
               edit: .signed(python: "s = bytearray(sig(26)); s[40] ^= 1; put(26, bytes(s))", rechained: true),
               mentions: "(bytes-altered)", behindTriggers: false),
        Tamper(name: "a signature's public key swapped for another registered key, the chain recomputed",
               edit: .signed(python: "put(27, bytes.fromhex('\(secretariatPublicKeyHex)') + sig(27)[32:])", rechained: true),
               mentions: "(bytes-altered)", behindTriggers: false),
        Tamper(name: "a signature moved to another row, the chain recomputed",
               edit: .signed(python: "put(29, sig(28))", rechained: true),
               mentions: "(bytes-altered)", behindTriggers: false),
        Tamper(name: "the points of a signed score raised, the chain recomputed",
               edit: .signed(python: #"db.execute("UPDATE event SET data = replace(data, '\"points\":', '\"points\":1') WHERE position = 31")"#,
                             rechained: true),
               mentions: "(bytes-altered)", behindTriggers: false),
        Tamper(name: "a signature's value replaced, the chain left as it was",
               edit: .signed(python: "put(30, sig(30)[:32] + bytes(64))", rechained: false),
               mentions: "position 30", behindTriggers: false),
    ]

    static func alterSigned(_ database: String, python: String, rechained: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import hashlib, sqlite3, sys
            path, script, rechained, drop, restore = sys.argv[1:]
            db = sqlite3.connect(path)
            db.executescript(drop)
            def sig(position):
                return bytes(db.execute("SELECT signature FROM event WHERE position = ?", (position,)).fetchone()[0])
            def put(position, signature):
                db.execute("UPDATE event SET signature = ? WHERE position = ?", (signature, position))
            exec(script)
            def netstring(value):
                raw = b"" if value is None else value if isinstance(value, bytes) else str(value).encode()
                return str(len(raw)).encode() + b":" + raw + b","
            previous = bytes(32)
            rows = db.execute("SELECT position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, "
                              "signature FROM event ORDER BY position").fetchall()
            for row in rows if rechained == "1" else []:
                canonical = b"".join(netstring(value) for value in row[:11]) + (b"" if row[11] is None else netstring(bytes(row[11])))
                previous = hashlib.sha256(previous + canonical).digest()
                db.execute("UPDATE event SET hash = ? WHERE position = ?", (previous, row[0]))
            db.commit()
            db.executescript(restore)
            db.commit()
            """, database, python, rechained ? "1" : "0", dropTriggers, restoreTriggers]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "altering the signed log failed")
    }
}
