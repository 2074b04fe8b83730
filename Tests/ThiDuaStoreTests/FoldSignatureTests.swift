import Foundation
import Testing
import ThiDuaLog
@testable import ThiDuaStore

/// verify's folding thread checks a chunk's signatures on every core before it folds the rows in order: each row must
/// get its own result, the one the fold would have found checking it alone.
@Suite("Store: signatures checked ahead of the fold")
struct FoldSignatureTests {
    static func row(_ position: Int64, key: SigningKey, altered: Bool) throws -> FoldRow {
        let data = #"{"criterion":"1.1","member":"BNCTW","points":\#(position % 20)}"#
        let (id, occurredAt) = ("00000000-0000-4000-8000-\(String(format: "%012lld", position))", "2017-12-01T08:00:00+07:00")
        let message = SigningBytes.bytes(bloc: "BDTW", year: 2017, type: "score.submitted", schema: 1, actor: "BNCTW",
                                         occurredAt: occurredAt, id: id, correlation: nil, data: data)
        var stored = try key.signature(over: message).storedBytes
        if altered { stored[40] ^= 1 }
        return FoldRow(stream: "BDTW/2017", position: position, version: position, type: "score.submitted", schema: 1, actor: "BNCTW",
                       occurredAt: nil, recordedAt: nil, correlation: nil, data: Array(data.utf8),
                       signed: LogFold.Signed(signature: stored, id: id, occurredAt: occurredAt))
    }

    @Test func eachRowGetsTheResultOfCheckingItAlone() throws {
        let key = try SigningKey(holder: "BNCTW", seed: [UInt8](repeating: 7, count: 32))
        let altered: Set<Int64> = [3, 37, 70, 99]
        var rows = try (1...100).map { try Self.row($0, key: key, altered: altered.contains($0)) }
        rows.insert(FoldRow(stream: "BDTW/2017", position: 0, version: 0, type: "score.submitted", schema: 1, actor: "BNCTW",
                            occurredAt: nil, recordedAt: nil, correlation: nil, data: [], signed: nil), at: 50)
        LogFold.checkSignatures(&rows)
        for row in rows {
            guard let signed = row.signed else { continue }
            let checked = try #require(signed.checked, "row \(row.position)")
            switch (checked, row.checkedSignature()) {
            case (.success(let ahead), .success(let alone)): #expect(ahead == alone && !altered.contains(row.position))
            case (.failure(let ahead), .failure(let alone)):
                #expect(ahead.code == alone.code && altered.contains(row.position), "row \(row.position)")
            default: Issue.record("row \(row.position): \(checked) ahead, \(String(describing: row.checkedSignature())) alone")
            }
        }
    }
}
