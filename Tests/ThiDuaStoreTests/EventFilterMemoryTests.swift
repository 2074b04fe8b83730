import Foundation
import Testing
import ThiDuaLog
@testable import ThiDuaStore

/// A live follower of the server is sent the rows its writer just committed, filtered in memory (§12 follow): that
/// filter must admit exactly the rows the SQL one does.
@Suite("Store: event filter in memory")
struct EventFilterMemoryTests {
    static let lines = [
        #"{"type":"bloc.founded","bloc":"BD","actor":"secretariat","occurredAt":"2016-12-01T08:00:00+07:00","data":{"name":"Khối ngắn"}}"#,
        #"{"type":"bloc.founded","bloc":"BDTW","actor":"secretariat","occurredAt":"2016-12-01T09:00:00+07:00","data":{"name":"Khối thi đua"}}"#,
        #"{"type":"year.opened","bloc":"BDTW","year":2017,"actor":"secretariat","occurredAt":"2017-01-05T08:00:00+07:00","data":{"members":[{"code":"BNCTW","name":"Ban Nội chính"},{"code":"UBKTTW","name":"Ủy ban Kiểm tra"}],"head":"BNCTW"}}"#,
        #"{"type":"year.opened","bloc":"BD","year":2017,"actor":"secretariat","occurredAt":"2017-01-05T09:00:00+07:00","data":{"members":[{"code":"BNCTW","name":"Ban Nội chính"},{"code":"BKTTW","name":"Ban Kinh tế"}],"head":"BNCTW"}}"#,
        #"{"type":"criterion.set","bloc":"BDTW","year":2017,"actor":"BNCTW","occurredAt":"2017-01-06T08:00:00+07:00","correlation":"BB-01","data":{"code":"1.1","title":"Nhiệm vụ","maxPoints":20}}"#,
        #"{"type":"score.submitted","bloc":"BDTW","year":2017,"actor":"UBKTTW","occurredAt":"2017-12-01T08:00:00+07:00","correlation":"Biên bản 1","data":{"member":"UBKTTW","criterion":"1.1","points":12}}"#,
        #"{"type":"year.opened","bloc":"BDTW","year":2018,"actor":"secretariat","occurredAt":"2018-01-05T08:00:00+07:00","data":{"members":[{"code":"BNCTW","name":"Ban Nội chính"},{"code":"BKTTW","name":"Ban Kinh tế"}],"head":"BNCTW"}}"#,
    ]

    static func filter(_ set: (inout EventFilter) -> Void) -> EventFilter {
        var filter = EventFilter()
        set(&filter)
        return filter
    }

    static let filters: [(String, EventFilter)] = [
        ("everything", EventFilter()),
        ("a bloc whose code begins another's", filter { $0.bloc = "BD" }),
        ("a bloc", filter { $0.bloc = "BDTW" }),
        ("a year of every bloc", filter { $0.year = 2017 }),
        ("a bloc's year", filter { $0.bloc = "BDTW"; $0.year = 2017 }),
        ("types", filter { $0.types = ["year.opened", "score.submitted"] }),
        ("an actor", filter { $0.actor = "BNCTW" }),
        ("a correlation", filter { $0.correlation = "Biên bản 1" }),
        ("positions", filter { $0.fromPosition = 3; $0.toPosition = 5 }),
        ("valid time", filter { $0.occurredFrom = try? Timestamp(parsing: "2017-01-05T08:30:00+07:00")
            $0.occurredTo = try? Timestamp(parsing: "2017-06-01T00:00:00Z") }),
        ("system time", filter { $0.recordedFrom = Timestamp(utcMicroseconds: 1_700_000_000_000_000 + 4_000)
            $0.recordedTo = Timestamp(utcMicroseconds: 1_700_000_000_000_000 + 6_000) }),
    ]

    @Test(arguments: filters)
    func admitsWhatTheSQLFilterReads(_ name: String, _ filter: EventFilter) throws {
        let log = try TemporaryLog()
        for line in Self.lines { try log.append([line]) }
        #expect(filter.isCheckedWithoutSQL)
        let read = try log.store.events(after: 0, filter, limit: 100).events.map(\.event.position)
        let admitted = try log.all().filter { filter.admits($0) }.map(\.position)
        #expect(admitted == read, "\(name)")
        #expect(!read.isEmpty && (read.count < Self.lines.count || name == "everything"), "\(name) selects \(read)")
    }

    @Test func aFilterOnWhatTheDataNamesIsLeftToSQL() {
        #expect(!Self.filter { $0.member = "BNCTW" }.isCheckedWithoutSQL)
        #expect(!Self.filter { $0.criterion = "1.1" }.isCheckedWithoutSQL)
        #expect(!Self.filter { $0.election = "E1" }.isCheckedWithoutSQL)
    }
}
