import Foundation
import ThiDuaJSON
import ThiDuaLog

/// The verbatim export (EventLog/EXPORT.md): every stored row as it is, one JSON line each, between a header
/// line and an end line, each line the canonical JSON text of its object, so that one byte form only is accepted.
package enum Verbatim {
    /// The first line of every verbatim export.
    package static let headerLine = #"{"format":"thidua.verbatim","kind":"header","version":1}"#

    /// The kinds of line. `evidence` lines carry the documents of the `evidence` table (minh chứng), which are kept
    /// outside the chain: after the last event line, one per document in ascending sha256 order.
    package enum Kind: String {
        case header, event, evidence, end
    }

    /// One row of the `event` table as stored.
    package struct Row: Sendable {
        package var position: Int64
        package var stream: String
        package var version: Int64
        package var id: String
        package var type: String
        package var schema: Int64
        package var actor: String
        package var occurredAt: String
        package var recordedAt: String
        package var correlation: String?
        /// The stored JSON text, byte for byte; the file holds it as a JSON string.
        package var data: String
        package var prevHash: [UInt8]
        package var hash: [UInt8]
        /// The 96 stored bytes (public key, then signature value); nil when unsigned.
        package var signature: [UInt8]?
        /// The signature checked over the row where the line was parsed, as the fold checks it; nil when not checked.
        var signatureCheck: Result<EventSignature, ThiDuaError>? = nil

        /// The row's canonical bytes (EventLog/HASHING.md), a signed row's with its signature as the twelfth field.
        func appendCanonical(to row: inout CanonicalRow) {
            row.appendRow(position: position, stream: stream, version: version, id: id, type: type, schema: Int(schema),
                          actor: actor, occurredAt: occurredAt, recordedAt: recordedAt, correlation: correlation, data: data)
            if let signature { signature.withUnsafeBytes { row.append($0) } }
        }
    }

    /// The event line of `row`, keys in canonical (byte) order, followed by a line feed.
    package static func writeEvent(_ row: Row, to out: inout [UInt8]) {
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        func text(_ value: String) { JSON.writeString(value, to: &out) }
        func hex(_ bytes: [UInt8]) {
            out.append(UInt8(ascii: "\""))
            for byte in bytes {
                out.append(Self.hexDigits[Int(byte >> 4)])
                out.append(Self.hexDigits[Int(byte & 0xF)])
            }
            out.append(UInt8(ascii: "\""))
        }
        func number(_ value: Int64) { out.append(contentsOf: String(value).utf8) }
        out.append(UInt8(ascii: "{"))
        key("actor", first: true); text(row.actor)
        if let correlation = row.correlation { key("correlation"); text(correlation) }
        key("data"); text(row.data)
        key("hash"); hex(row.hash)
        key("id"); text(row.id)
        key("kind"); out.append(contentsOf: #""event""#.utf8)
        key("occurredAt"); text(row.occurredAt)
        key("position"); number(row.position)
        key("prevHash"); hex(row.prevHash)
        key("recordedAt"); text(row.recordedAt)
        key("schema"); number(row.schema)
        if let signature = row.signature { key("signature"); hex(signature) }
        key("stream"); text(row.stream)
        key("type"); text(row.type)
        key("version"); number(row.version)
        out.append(contentsOf: "}\n".utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A lowercase hex digit's value; nil for anything else (the export writes lowercase only).
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The evidence line of a kept document: its size, its content in base64, its media type when kept with one and
    /// its sha256, followed by a line feed.
    package static func writeEvidence(_ document: EvidenceDocument, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"bytes":\#(document.bytes),"content":""#.utf8)
        out.append(contentsOf: Data(document.content).base64EncodedString().utf8)
        out.append(contentsOf: #"","kind":"evidence","#.utf8)
        if let mediaType = document.mediaType {
            out.append(contentsOf: #""mediaType":"#.utf8)
            JSON.writeString(mediaType, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: #""sha256":"\#(document.sha256)"}"#.utf8)
        out.append(UInt8(ascii: "\n"))
    }

    /// The last line: how many documents (only when there are some) and events the file holds and the head of their
    /// chain (`thidua digest`'s POS:HEX).
    package static func endLine(documents: Int64 = 0, events: Int64, head: (position: Int64, hash: [UInt8])) -> String {
        (documents > 0 ? #"{"documents":\#(documents),"# : "{")
            + #""events":\#(events),"head":"\#(EventHashing.hex(head.hash))","kind":"end","position":\#(head.position)}"#
    }
}
