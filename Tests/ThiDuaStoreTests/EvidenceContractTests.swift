import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

/// The log's `evidence` table (§13): content-addressed, kept as added, its form checked by SQLite itself.
@Suite("Store contract: evidence documents")
struct EvidenceContractTests {
    static let document = EvidenceDocument(content: Array("Báo cáo số 12".utf8), mediaType: "text/plain")

    @Test func aDocumentIsKeptOnceAndReadBackExactly() throws {
        let log = try TemporaryLog()
        let first = try log.store.addEvidence(Self.document)
        #expect(!first.alreadyKept && first.sha256 == Self.document.sha256 && first.bytes == Int64(Self.document.content.count))
        #expect(try log.store.addEvidence(EvidenceDocument(content: Self.document.content, mediaType: "application/pdf")).alreadyKept)
        #expect(try log.store.evidence(sha256: Self.document.sha256) == Self.document.content)
        #expect(try log.raw { try String.fetchOne($0, sql: "SELECT mediaType FROM evidence") } == "text/plain", "the first media type stays")
        let empty = EvidenceDocument(content: [])
        #expect(try log.store.addEvidence(empty).bytes == 0)
        #expect(try log.store.evidence(sha256: empty.sha256) == [])
        #expect(try log.raw { try String.fetchOne($0, sql: "SELECT typeof(content) FROM evidence WHERE bytes = 0") } == "blob")
    }

    @Test("SQLite refuses a row thidua would never write, and any change", arguments: [
        "INSERT INTO evidence VALUES ('\(String(repeating: "A", count: 64))', 1, NULL, X'00')",
        "INSERT INTO evidence VALUES ('\(String(repeating: "a", count: 63))', 1, NULL, X'00')",
        "INSERT INTO evidence VALUES ('\(String(repeating: "a", count: 64))', 2, NULL, X'00')",
        "INSERT INTO evidence VALUES ('\(String(repeating: "a", count: 64))', 1, NULL, 'x')",
        "INSERT INTO evidence VALUES ('\(String(repeating: "a", count: 64))', 1, 'x', X'00')",
        "INSERT INTO evidence VALUES ('\(String(repeating: "a", count: 64))', 1.5, NULL, X'00')",
        "UPDATE evidence SET content = X'00'",
        "DELETE FROM evidence",
    ])
    func sqliteRefuses(_ sql: String) throws {
        let log = try TemporaryLog()
        _ = try log.store.addEvidence(Self.document)
        #expect(throws: DatabaseError.self) { try log.raw { try $0.execute(sql: sql) } }
        #expect(try log.store.evidence(sha256: Self.document.sha256) == Self.document.content)
    }

    @Test func verifyFindsEachCitedDocumentMissingOrAltered() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        _ = try log.store.addEvidence(Self.document)
        let sha = Self.document.sha256
        let line = #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"BNCTW","schema":2,"occurredAt":"2018-01-10T08:00:00+07:00","data":{"member":"BNCTW","criterion":"1.1","points":3,"evidence":[{"title":"Báo cáo","sha256":"\#(sha)","bytes":\#(Self.document.content.count)}]}}"#
        try log.append([line])
        let position = try #require(try log.all().last?.position)
        #expect(try log.store.verify().isIntact)
        try log.raw { try $0.execute(sql: "DROP TRIGGER evidence_append_only_update; UPDATE evidence SET content = CAST('Báo cáo số 13' AS BLOB)") }
        let report = try log.store.verify()
        #expect(report.evidenceBreak?.position == position && report.evidenceBreak?.reason.contains(sha) == true)
        #expect(!report.isIntact)
        #expect(throws: StoreError.self) { try log.store.evidence(sha256: sha) }
    }
}
