import Foundation
import Testing

/// §11 part 9: the record names the corrections (scores re-submitted or reviewed, votes voided) and backdated events.
@Suite("End to end: the year report's record of corrections and backdated events")
struct ReportRecordTests {
    static let history = [
        #"{"type":"bloc.founded","bloc":"RB","actor":"secretariat","occurredAt":"2017-01-01T08:00:00+07:00","data":{"name":"Khối thử"}}"#,
        #"{"type":"year.opened","bloc":"RB","year":2017,"actor":"secretariat","occurredAt":"2017-01-10T08:00:00+07:00","data":{"members":[{"code":"A","name":"Đơn vị A"},{"code":"B","name":"Đơn vị B"}],"head":"A"}}"#,
        #"{"type":"criterion.set","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-02-01T08:00:00+07:00","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":10}}"#,
        #"{"type":"score.submitted","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-03-01T08:00:00+07:00","data":{"member":"A","criterion":"1.1","points":5}}"#,
        #"{"type":"score.submitted","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-03-05T08:00:00+07:00","data":{"member":"A","criterion":"1.1","points":6.5}}"#,
        #"{"type":"score.submitted","bloc":"RB","year":2017,"actor":"B","occurredAt":"2017-03-10T08:00:00+07:00","data":{"member":"B","criterion":"1.1","points":7}}"#,
        #"{"type":"score.submitted","bloc":"RB","year":2017,"actor":"B","occurredAt":"2017-03-02T08:00:00+07:00","data":{"member":"B","criterion":"1.1","points":8}}"#,
        #"{"type":"score.reviewed","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-03-20T08:00:00+07:00","data":{"member":"B","criterion":"1.1","points":7.5,"reason":"Thẩm định lại"}}"#,
        #"{"type":"election.opened","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-04-01T08:00:00+07:00","data":{"election":"E1","office":"head","seats":1,"candidates":["A","B"]}}"#,
        #"{"type":"vote.cast","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-04-01T09:00:00+07:00","data":{"election":"E1","voter":"A","choices":["A"]}}"#,
        #"{"type":"vote.voided","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-04-01T09:30:00+07:00","data":{"election":"E1","voter":"A","reason":"Ghi nhầm"}}"#,
        #"{"type":"vote.cast","bloc":"RB","year":2017,"actor":"A","occurredAt":"2017-04-01T10:00:00+07:00","data":{"election":"E1","voter":"A","choices":["B"]}}"#,
    ].joined(separator: "\n") + "\n"

    @Test func correctionsAndBackdatedEventsAreListed() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let appended = try cli.run("append", try cli.write("history.jsonl", Self.history))
        #expect(appended.status == 0, "\(appended)")
        let html = try cli.run("report", "--year", "2017").stdout
        #expect(html.contains("Năm 2017 có 11 sự kiện trong sổ (vị trí 2 đến 12); 0 sự kiện có chữ ký số (0 khóa), 11 sự kiện không có chữ ký số."))
        #expect(html.contains("2 điểm tự chấm lại, 1 điểm thẩm định, 1 phiếu bầu bị hủy."))
        #expect(html.contains("A, tiêu chí 1.1: tự chấm 5 → 6,5"))
        #expect(html.contains("B, tiêu chí 1.1: tự chấm 7 → 8"))
        #expect(html.contains("B, tiêu chí 1.1: 8 → 7,5</td><td>Thẩm định lại"))
        #expect(html.contains("phiếu của A, bầu cử E1</td><td>Ghi nhầm"))
        #expect(html.contains("1 sự kiện xảy ra trước một sự kiện đã được ghi vào sổ trước nó"))
        #expect(html.contains("<td>02/03/2017 08:00:00</td>"))
        // At a moment before the corrections, there are none.
        let early = try cli.run("report", "--year", "2017", "--at", "4").stdout
        #expect(early.contains("0 điểm tự chấm lại, 0 điểm thẩm định, 0 phiếu bầu bị hủy."))
        #expect(early.contains("Không có: mỗi sự kiện xảy ra không sớm hơn các sự kiện đã ghi trước nó."))
    }
}
