import Foundation
import GRDB
import Testing
import ThiDuaCore
@testable import ThiDuaStore

@Suite("Store contract: schema and SQLite-enforced invariants")
struct SchemaContractTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func schemaFileMatchesWhatTheStoreCreates() throws {
        let log = try TemporaryLog()
        let published = try String(contentsOf: Self.packageRoot.appendingPathComponent("EventLog/schema.sql"), encoding: .utf8)
        let created = try log.store.schemaDump()
        let body = published.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("--") }.joined(separator: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(body == created.trimmingCharacters(in: .whitespacesAndNewlines), "EventLog/schema.sql should be:\n\(created)")
    }

    @Test func theJournalIsWALWithFullSync() throws {
        let log = try TemporaryLog()
        let mode = try log.raw { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let sync = try log.store.queue.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(sync == 2)
    }

    @Test("SQLite refuses to change the log", arguments: [
        "UPDATE event SET data = '{\"name\":\"x\"}' WHERE position = 1",
        "DELETE FROM event WHERE position = 2",
        "INSERT INTO event VALUES (9, 'BDTW', 2, '00000000-0000-4000-8000-0000000000ff', 'bloc.founded', 1, 'secretariat', 't', 't', NULL, '{}', zeroblob(32), NULL)",
        "INSERT INTO event VALUES (4, 'BDTW', 2, '00000000-0000-4000-8000-0000000000ff', 'bloc.founded', 1, 'secretariat', 't', 't', NULL, 'not json', zeroblob(32), NULL)",
        "INSERT INTO event VALUES (4, 'BDTW', 3, '00000000-0000-4000-8000-0000000000ff', 'bloc.founded', 1, 'secretariat', 't', 't', NULL, '{}', zeroblob(32), NULL)",
        "INSERT INTO event VALUES (4, 'BDTW', 2, '00000000-0000-4000-8000-000000000001', 'bloc.founded', 1, 'secretariat', 't', 't', NULL, '{}', zeroblob(32), NULL)",
    ])
    func sqliteEnforcesTheInvariants(sql: String) throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        #expect(throws: DatabaseError.self) { try log.raw { try $0.execute(sql: sql) } }
        #expect(try log.all().count == 3)
    }

    @Test func aWellFormedRawInsertPassesTheTriggers() throws {
        let log = try TemporaryLog()
        try log.append(Lines.setup)
        try log.raw { try $0.execute(sql: "INSERT INTO event VALUES (4, 'BDTW', 2, '00000000-0000-4000-8000-0000000000ff', 'rules.adopted', 1, 'secretariat', 't', 't', NULL, '{}', zeroblob(32), NULL)") }
        #expect(try log.all().count == 4)
    }
}
