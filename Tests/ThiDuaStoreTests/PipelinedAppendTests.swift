import Foundation
import GRDB
import Testing
import ThiDuaCore
@testable import ThiDuaStore

/// The pipelined append decides on a second thread and writes on the caller's: it must leave the same
/// log as the inline one, keep the gap-free trigger, and stop cleanly whichever side fails.
@Suite("Store contract: pipelined append")
struct PipelinedAppendTests {
    /// More rows than the pipe holds at once, so both threads wait on each other.
    static let many = Lines.setup + (1...(AppendPipe.chunk * AppendPipe.capacity * 2)).map { n in
        Lines.score(n % 2 == 0 ? "BNCTW" : "UBKTTW", "\(n % 21)")
    }

    @Test func bothModesLeaveTheSameLog() throws {
        let inline = try TemporaryLog(), pipelined = try TemporaryLog(mode: .pipelined)
        let a = try inline.append(Self.many), b = try pipelined.append(Self.many)
        #expect(a.appended == Self.many.count && b.appended == Self.many.count)
        #expect(a.head?.hash == b.head?.hash)
        #expect(try inline.all() == pipelined.all())
        #expect(try pipelined.store.verify().isIntact)
        #expect(a.years == b.years)
    }

    @Test func theGapTriggerIsBackAfterABatchAndAfterARefusal() throws {
        let log = try TemporaryLog(mode: .pipelined)
        try log.append(Self.many)
        #expect(throws: StoreError.self) { try log.append(Self.many.dropFirst(3) + [Lines.score("BNCTW", "21")]) }
        let triggers = try log.raw { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event' ORDER BY name") }
        #expect(triggers == ["event_append_only_delete", "event_append_only_update", "event_gap_free"])
        #expect(throws: DatabaseError.self) {
            try log.raw { try $0.execute(sql: "INSERT INTO event VALUES (99999, 'BDTW', 2, '00000000-0000-4000-8000-0000000000ff', 'rules.adopted', 1, 'secretariat', 't', 't', NULL, '{}', zeroblob(32), NULL)") }
        }
        #expect(try log.all().count == Self.many.count)
        #expect(try log.store.schemaDump() == TemporaryLog().store.schemaDump())
    }

    @Test func aRefusalLateInALongBatchAppendsNothing() throws {
        let log = try TemporaryLog(mode: .pipelined)
        var lines = Self.many
        lines.append(Lines.score("BNCTW", "99"))
        #expect {
            try log.append(lines)
        } throws: { error in
            (error as? StoreError)?.description.contains("rejected at line \(lines.count)") == true
        }
        #expect(try log.all().isEmpty)
    }

    @Test func aWriterFailureStopsTheDeciderAndRollsBack() throws {
        let log = try TemporaryLog(mode: .pipelined)
        // On the writer's own connection: a trigger in the file would be refused before the batch starts.
        try log.store.queue.inDatabase {
            try $0.execute(sql: "CREATE TEMP TRIGGER boom BEFORE INSERT ON main.event WHEN NEW.position = 700 BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        #expect {
            try log.append(Self.many)
        } throws: { error in
            (error as? StoreError)?.description.contains("boom") == true
        }
        #expect(try log.all().isEmpty)
    }

    @Test func anIdRepeatedFarApartInOneBatchIsOneEvent() throws {
        let log = try TemporaryLog(mode: .pipelined)
        let id = "6f1c0a9b-3c1a-4f5e-9a7e-2d6f1c0a9b31"
        let lines = Self.many.prefix(3) + [Lines.score("BNCTW", "18", id: id)] + Self.many.dropFirst(3) + [Lines.score("BNCTW", "18", id: id)]
        let report = try log.append(Array(lines))
        #expect(report.alreadyRecorded == 1)
        #expect(report.appended == lines.count - 1)
        #expect(try log.all().filter { $0.id == id }.map(\.position) == [4])
        #expect {
            try log.append([Lines.score("BNCTW", "18", id: "6f1c0a9b-3c1a-4f5e-9a7e-0000000000aa"),
                            Lines.score("BNCTW", "17", id: "6f1c0a9b-3c1a-4f5e-9a7e-0000000000aa")])
        } throws: { error in
            (error as? StoreError)?.description.contains("already recorded at position \(lines.count) with other content") == true
        }
    }
}
