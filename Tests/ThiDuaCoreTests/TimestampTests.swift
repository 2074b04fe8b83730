import Testing
@testable import ThiDuaCore
@testable import ThiDuaLog

@Suite("Timestamps")
struct TimestampTests {
    @Test("instants with an offset", arguments: [
        ("2018-01-10T08:00:00+07:00", Int64(1_515_546_000_000_000)),
        ("2018-01-10T01:00:00Z", Int64(1_515_546_000_000_000)),
        ("2018-01-10T01:00:00.5Z", Int64(1_515_546_000_500_000)),
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2024-02-29T23:59:59-05:30", Int64(1_709_270_999_000_000)),
    ])
    func parses(text: String, micros: Int64) throws {
        #expect(try Timestamp(parsing: text).microseconds == micros)
    }

    @Test("refused", arguments: [
        "2018-01-10T08:00:00", "2018-01-10", "2018-02-30T08:00:00Z", "2018-01-10 08:00:00+07:00",
        "2018-01-10T25:00:00Z", "2018-01-10T08:00:00+0700", "yesterday", "2018-01-10T08:00:00.Z",
    ])
    func refused(text: String) {
        #expect(throws: Timestamp.FormatError.self) { try Timestamp(parsing: text) }
    }

    @Test func missingOffsetSaysHowToFixIt() {
        do {
            _ = try Timestamp(parsing: "2018-01-10T08:00:00")
        } catch {
            #expect(error.reason.contains("has no UTC offset"))
            #expect(error.reason.contains("+07:00"))
        }
    }

    @Test func utcRoundTrip() throws {
        let stamp = Timestamp(utcMicroseconds: 1_515_546_000_123_456)
        #expect(stamp.text == "2018-01-10T01:00:00.123456Z")
        #expect(try Timestamp(parsing: stamp.text).microseconds == stamp.microseconds)
    }

    @Test func aDateAloneMeansTheEndOfThatDayInVietnam() throws {
        let bound = try Timestamp(bound: "2018-03-30")
        #expect(bound.microseconds == (try Timestamp(parsing: "2018-03-31T00:00:00+07:00")).microseconds - 1)
    }

    @Test("one instant written with two offsets is one timestamp, whatever the text")
    func equalityFollowsTheOrder() throws {
        let vietnam = try Timestamp(parsing: "2018-01-10T08:00:00+07:00")
        let utc = try Timestamp(parsing: "2018-01-10T01:00:00.000Z")
        #expect(!(vietnam < utc) && !(utc < vietnam))
        #expect(vietnam == utc)
        #expect(Set([vietnam, utc]).count == 1)
        #expect(vietnam.text == "2018-01-10T08:00:00+07:00")
        #expect(try Timestamp(parsing: "2018-01-10T08:00:01+07:00") != vietnam)
    }

    @Test func proposedEventsStayDistinctByTheTextTheyStore() throws {
        let a = ProposedEvent(type: .yearClosed, bloc: "BDTW", year: 2017, actor: "secretariat",
                              occurredAt: try Timestamp(parsing: "2018-01-10T08:00:00+07:00"))
        var b = a
        b.occurredAt = try Timestamp(parsing: "2018-01-10T01:00:00Z")
        #expect(a != b)
    }
}
