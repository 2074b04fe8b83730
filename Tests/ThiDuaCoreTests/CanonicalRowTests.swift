import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog

@Suite("Canonical row bytes")
struct CanonicalRowTests {
    @Test("whole numbers are netstrings of their decimal text", arguments: [
        (Int64(0), "1:0,"), (7, "1:7,"), (10, "2:10,"), (1_000_977, "7:1000977,"), (-5, "2:-5,"), (-1_234, "5:-1234,"),
        (Int64.max, "19:9223372036854775807,"),
    ])
    func wholeNumbers(value: Int64, bytes: String) {
        var row = CanonicalRow()
        row.append(value)
        #expect(String(decoding: row.bytes, as: UTF8.self) == bytes)
    }

    @Test func eachFieldIsFoundAgainInOrder() {
        let bytes = EventHashing.canonicalBytes(
            position: 12, stream: "BDTW/2017", version: 3, id: "6f1c0a9b-3c1a-4f5e-9a7e-2d6f1c0a9b31", type: "score.submitted",
            schema: 1, actor: "BNCTW", occurredAt: "2018-01-10T08:00:00+07:00", recordedAt: "2018-01-10T01:00:00.000000Z",
            correlation: nil, data: #"{"note":"Tiêu chí 1:2,3"}"#)
        var fields: [String] = []
        bytes.withUnsafeBytes { buffer in
            CanonicalRow.forEachField(of: buffer) { index, field in
                #expect(index == fields.count)
                fields.append(String(decoding: field, as: UTF8.self))
            }
        }
        #expect(fields == ["12", "BDTW/2017", "3", "6f1c0a9b-3c1a-4f5e-9a7e-2d6f1c0a9b31", "score.submitted", "1", "BNCTW",
                           "2018-01-10T08:00:00+07:00", "2018-01-10T01:00:00.000000Z", "", #"{"note":"Tiêu chí 1:2,3"}"#])
    }
}
