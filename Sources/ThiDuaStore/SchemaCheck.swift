import GRDB

/// One row of `sqlite_master`.
struct SchemaObject: Hashable, Sendable {
    let type: String
    let name: String
    let table: String
    let sql: String?
}

/// A log's schema must be exactly what the migrator creates: the same tables, indexes and triggers
/// with the same SQL text, and nothing else (no other trigger, view, table or index). SQLite's
/// planner statistics (`sqlite_stat1`…`4`, written by ANALYZE) are tolerated: they never change a result.
enum SchemaCheck {
    struct Expected: Sendable {
        let objects: [SchemaObject]
        let migrations: [String]
    }

    /// What the migrator creates, read once per process from a log migrated in memory.
    static let expected: Result<Expected, StoreError> = Result { () throws(StoreError) in
        try EventStore.translating {
            let queue = try DatabaseQueue()
            try Schema.migrator.migrate(queue)
            return try queue.read { db in Expected(objects: try objects(db), migrations: try migrations(db)) }
        }
    }

    static let statistics: Set<String> = ["sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"]

    static func objects(_ db: Database) throws -> [SchemaObject] {
        try Row.fetchAll(db, sql: """
            SELECT IFNULL(CAST(type AS TEXT), ''), IFNULL(CAST(name AS TEXT), ''), IFNULL(CAST(tbl_name AS TEXT), ''), CAST(sql AS TEXT)
            FROM sqlite_master ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END, name
            """).map { SchemaObject(type: $0[0], name: $0[1], table: $0[2], sql: $0[3]) }
            .filter { !($0.type == "table" && statistics.contains($0.name)) }
    }

    static func migrations(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT IFNULL(CAST(identifier AS TEXT), '') FROM grdb_migrations ORDER BY 1")
    }

    /// Every difference between the log's schema and thidua's, each naming the object; empty when exact.
    static func problems(_ db: Database) throws -> [String] {
        let expected = try Self.expected.get()
        let found = try objects(db)
        var problems: [String] = []
        var byName: [String: SchemaObject] = [:]
        for object in found {
            if byName.updateValue(object, forKey: object.name) != nil {
                problems.append("sqlite_master holds \(object.name) twice; the schema was edited by hand")
            }
        }
        for object in expected.objects {
            guard let present = byName[object.name] else {
                problems.append("\(object.type) \(object.name) is missing; someone removed it")
                continue
            }
            if present != object {
                problems.append(present.type == object.type
                    ? "\(object.type) \(object.name) is not the one thidua creates; its SQL was changed"
                    : "\(object.name) is a \(present.type), not the \(object.type) thidua creates")
            }
        }
        let known = Set(expected.objects.map(\.name))
        for object in found where !known.contains(object.name) {
            let on = object.table == object.name || object.table.isEmpty ? "" : " on \(object.table)"
            problems.append("\(object.type) \(object.name)\(on) is not one thidua creates; someone added it")
        }
        if problems.isEmpty, try migrations(db) != expected.migrations {
            problems.append("grdb_migrations does not list exactly thidua's migrations (\(expected.migrations.joined(separator: ", ")))")
        }
        return problems
    }

    /// The append-only triggers that are absent from the log.
    static func missingTriggers(_ db: Database) throws -> [String] {
        let present = Set(try objects(db).filter { $0.type == "trigger" }.map(\.name))
        return Schema.triggerNames.filter { !present.contains($0) }
    }
}
