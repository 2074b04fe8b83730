import Foundation
import Testing
import ThiDuaCore
import ThiDuaLog

/// A row as a forger with write access writes it: any stream, type, actor, data and schema.
struct ForgedRow: Sendable {
    var type: String
    var stream: String
    var actor: String
    /// The stored data text, byte for byte.
    var data: String
    var schema = 1
    /// When it occurred; nil: a time after everything the demo log holds.
    var occurredAt: String? = nil
    /// Signs the row: given its signing bytes, the stored signature (public key then value), or nil for none.
    var sign: (@Sendable ([UInt8]) -> [UInt8]?)? = nil

    /// The same event as an input line for `thidua append` (for rows a line can express).
    var line: String {
        let parts = stream.split(separator: "/", maxSplits: 1).map(String.init)
        let year = parts.count == 2 ? #","year":\#(parts[1])"# : ""
        let schemaField = schema == 1 ? "" : #","schema":\#(schema)"#
        let occurred = occurredAt.map { #","occurredAt":"\#($0)""# } ?? ""
        return #"{"type":"\#(type)","bloc":"\#(parts[0])"\#(year),"actor":"\#(actor)"\#(schemaField)\#(occurred),"data":\#(data)}"#
    }
}

enum Forgery {
    /// SQL that inserts `rows` after the log's head, each with the next version of its stream and its hash
    /// recomputed as the store would chain it; and the position of the first. Run it with `Thidua.sqlite`.
    static func insert(_ rows: [ForgedRow], into cli: Thidua) throws -> (sql: String, firstPosition: Int) {
        let lines = try cli.run("log", "--format", "json").stdout.split(separator: "\n")
        var versions: [String: Int] = [:]
        var head: [String: Any] = [:]
        for line in lines {
            head = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let stream = try #require(head["stream"] as? String)
            versions[stream] = try #require(head["version"] as? Int)
        }
        let first = try #require(head["position"] as? Int) + 1
        let recordedAt = try #require(head["recordedAt"] as? String)
        let headHash = try #require(head["hash"] as? String)
        var previous = try #require(EventHashing.bytes(hex: headHash))
        var sql = ""
        for (offset, row) in rows.enumerated() {
            let position = first + offset
            let version = versions[row.stream, default: 0] + 1
            versions[row.stream] = version
            let id = String(format: "0badc0de-0000-4000-8000-%012d", offset + 1)
            let occurredAt = row.occurredAt ?? "2018-05-02T08:00:00+07:00"
            let parts = row.stream.split(separator: "/", maxSplits: 1).map(String.init)
            let signature = row.sign?(SigningBytes.bytes(bloc: parts[0], year: parts.count == 2 ? Int(parts[1]) : nil, type: row.type,
                                                         schema: row.schema, actor: row.actor, occurredAt: occurredAt, id: id,
                                                         correlation: nil, data: row.data))
            let canonical = EventHashing.canonicalBytes(position: Int64(position), stream: row.stream, version: Int64(version), id: id,
                                                        type: row.type, schema: row.schema, actor: row.actor, occurredAt: occurredAt,
                                                        recordedAt: recordedAt, correlation: nil, data: row.data, signature: signature)
            previous = EventHashing.chain(previous: previous, canonical: canonical)
            func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
            sql += """
                INSERT INTO event VALUES (\(position), \(quoted(row.stream)), \(version), '\(id)', \(quoted(row.type)), \(row.schema),
                  \(quoted(row.actor)), '\(occurredAt)', '\(recordedAt)', NULL, \(quoted(row.data)), X'\(EventHashing.hex(previous))',
                  \(signature.map { "X'\(EventHashing.hex($0))'" } ?? "NULL"));

                """
        }
        return (sql, first)
    }
}
