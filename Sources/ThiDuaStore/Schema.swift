import GRDB

/// The SQLite schema of the log (EventLog/schema.sql and Tools/verify_chain.py hold the same text; tests compare them).
/// `verify` and every append require a log's schema to be exactly this (`SchemaCheck`).
enum Schema {
    static let events = """
        CREATE TABLE event (
          position INTEGER PRIMARY KEY CHECK (position >= 1),
          stream TEXT NOT NULL CHECK (length(stream) BETWEEN 1 AND 40),
          version INTEGER NOT NULL CHECK (version >= 1),
          id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
          type TEXT NOT NULL,
          schema INTEGER NOT NULL DEFAULT 1 CHECK (schema >= 1),
          actor TEXT NOT NULL,
          occurredAt TEXT NOT NULL,
          recordedAt TEXT NOT NULL,
          correlation TEXT,
          data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
          hash BLOB NOT NULL CHECK (length(hash) = 32),
          UNIQUE (stream, version)
        )
        """

    static let triggers = [
        """
        CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END
        """,
        """
        CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE refused'); END
        """,
        """
        CREATE TRIGGER event_gap_free BEFORE INSERT ON event
        WHEN NEW.position IS NOT (SELECT IFNULL(MAX(position), 0) + 1 FROM event)
          OR NEW.version IS NOT (SELECT IFNULL(MAX(version), 0) + 1 FROM event WHERE stream = NEW.stream)
        BEGIN SELECT RAISE(ABORT, 'position and version must follow the last ones without gaps'); END
        """,
    ]

    /// The signer's public key (32 bytes) then the signature (64 bytes), or NULL when the event is unsigned
    /// (EventLog/SIGNING.md). Added by a migration, so that a log made before signatures keeps its rows as they were.
    static let signatureColumn = """
        ALTER TABLE event ADD COLUMN signature BLOB CHECK (signature IS NULL OR (typeof(signature) = 'blob' AND length(signature) = 96))
        """

    static let triggerNames = ["event_append_only_update", "event_append_only_delete", "event_gap_free"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-event-log") { db in
            try db.execute(sql: events)
            for trigger in triggers { try db.execute(sql: trigger) }
        }
        migrator.registerMigration("v2-year-projections") { db in
            for table in ProjectionSchema.tables { try db.execute(sql: table) }
        }
        migrator.registerMigration("v3-snapshots") { db in
            for table in ProjectionSchema.resumeTables { try db.execute(sql: table) }
            try db.execute(sql: "INSERT INTO bloc_summary SELECT stream, json_extract(data, '$.name'), position FROM event WHERE type = 'bloc.founded'")
        }
        migrator.registerMigration("v4-signatures") { db in
            try db.execute(sql: signatureColumn)
        }
        migrator.registerMigration("v5-evidence") { db in
            try db.execute(sql: EvidenceSchema.table)
            for trigger in EvidenceSchema.triggers { try db.execute(sql: trigger) }
        }
        return migrator
    }

    /// The schema as SQLite reports it, in a stable order; what EventLog/schema.sql must equal.
    static func dump(_ db: Database) throws -> String {
        let statements = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
            ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name
            """)
        return statements.map { $0 + ";\n" }.joined(separator: "\n")
    }
}
