import Foundation
import GRDB
import ThiDuaCore
import ThiDuaLog
@testable import ThiDuaStore

/// A log in a fresh temporary directory, removed when the test ends; clock and ids are deterministic.
final class TemporaryLog {
    let directory: URL
    let path: String
    let store: EventStore
    let mode: AppendMode

    init(clockStart: Int64 = 1_700_000_000_000_000, mode: AppendMode = .inline) throws {
        self.mode = mode
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("log.sqlite").path
        let ticks = Counter(start: clockStart)
        let ids = Counter(start: 0)
        store = try EventStore(path: path, create: true, clock: { ticks.next(step: 1_000) },
                               newID: { String(format: "00000000-0000-4000-8000-%012llx", ids.next(step: 1)) })
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Appends JSON lines as one batch.
    @discardableResult
    func append(_ lines: [String], actor: String? = nil) throws(StoreError) -> AppendReport {
        let items = lines.enumerated().map { offset, line in
            AppendItem(line: offset + 1, event: Result { () throws(ThiDuaError) -> ProposedEvent in
                try Envelope.parse(line: Array(line.utf8), defaultActor: actor)
            })
        }
        return try store.append(items, mode: mode)
    }

    func all() throws -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        try store.forEachEvent { event, _ in events.append(event); return true }
        return events
    }

    /// A raw connection, as someone with the sqlite3 shell would have.
    func raw<T>(_ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: path)
        return try queue.writeWithoutTransaction(body)
    }
}

final class Counter: @unchecked Sendable {
    private var value: Int64
    private let lock = NSLock()
    init(start: Int64) { value = start }
    func next(step: Int64) -> Int64 {
        lock.lock(); defer { lock.unlock() }
        value += step
        return value
    }
}

enum Lines {
    static let founded = #"{"type":"bloc.founded","bloc":"BDTW","actor":"secretariat","occurredAt":"2016-12-01T08:00:00+07:00","data":{"name":"Khối thi đua các ban đảng Trung ương"}}"#
    static func opened(_ year: Int = 2017) -> String {
        #"{"type":"year.opened","bloc":"BDTW","year":\#(year),"actor":"secretariat","occurredAt":"\#(year)-01-05T08:00:00+07:00","data":{"members":[{"code":"BNCTW","name":"Ban Nội chính Trung ương"},{"code":"UBKTTW","name":"Ủy ban Kiểm tra Trung ương"},{"code":"BKTTW","name":"Ban Kinh tế Trung ương"}],"head":"BNCTW","deputies":["UBKTTW"]}}"#
    }
    static func criterion(_ code: String = "1.1", max: String = "20", year: Int = 2017) -> String {
        #"{"type":"criterion.set","bloc":"BDTW","year":\#(year),"actor":"BNCTW","occurredAt":"\#(year)-01-06T08:00:00+07:00","data":{"code":"\#(code)","title":"Tiêu chí \#(code)","maxPoints":\#(max)}}"#
    }
    static func score(_ member: String = "BNCTW", _ points: String, criterion: String = "1.1", year: Int = 2017, id: String? = nil) -> String {
        let idField = id.map { #","id":"\#($0)""# } ?? ""
        return #"{"type":"score.submitted","bloc":"BDTW","year":\#(year),"actor":"\#(member)"\#(idField),"occurredAt":"2018-01-10T08:00:00+07:00","data":{"member":"\#(member)","criterion":"\#(criterion)","points":\#(points)}}"#
    }
    static let setup = [founded, opened(), criterion()]
}
