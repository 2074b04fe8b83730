import Foundation
import GRDB

/// Remembers the `PRAGMA schema_version` at which a log's schema last passed `SchemaCheck`, so a writer that appends
/// again and again (the server) compares `sqlite_master` only when the schema changed. The migrations are still
/// read each time: they are rows, not schema, and change no `schema_version`.
package final class SchemaMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var checked: Int64?

    package init() {}

    func problems(_ db: Database) throws -> [String] {
        let version = try Int64.fetchOne(db, sql: "PRAGMA schema_version")
        if let version, lock.withLock({ checked == version }) {
            let expected = try SchemaCheck.expected.get()
            return try SchemaCheck.migrations(db) == expected.migrations
                ? [] : ["grdb_migrations does not list exactly thidua's migrations (\(expected.migrations.joined(separator: ", ")))"]
        }
        let problems = try SchemaCheck.problems(db)
        lock.withLock { checked = problems.isEmpty ? version : nil }
        return problems
    }
}
