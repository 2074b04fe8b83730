-- The SQLite schema of the thidua event log, exactly as the store creates it (a test compares them).
-- See EventLog/HASHING.md for how each row is chained, and ../README.md for the guarantees.

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
);

CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE refused'); END;

CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END;

CREATE TRIGGER event_gap_free BEFORE INSERT ON event
WHEN NEW.position IS NOT (SELECT IFNULL(MAX(position), 0) + 1 FROM event)
  OR NEW.version IS NOT (SELECT IFNULL(MAX(version), 0) + 1 FROM event WHERE stream = NEW.stream)
BEGIN SELECT RAISE(ABORT, 'position and version must follow the last ones without gaps'); END;
