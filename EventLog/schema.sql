-- The SQLite schema of the thidua event log and its projections, exactly as the store creates it
-- (a test compares them). See EventLog/HASHING.md for how each event row is chained.
-- An import (`thidua append`) drops event_gap_free inside its own BEGIN IMMEDIATE transaction,
-- checks the whole batch once, and recreates the trigger before COMMIT: no other connection ever
-- sees the log without it.
-- The signature column was added to event by a later migration (ALTER TABLE), which is why SQLite
-- writes it on the line of hash: NULL for an unsigned event, else the signer's public key (32 bytes)
-- then the signature (64 bytes), EventLog/SIGNING.md.
-- evidence holds the documents events cite (minh chứng), named by the SHA-256 of their content; it is outside
-- the chain (the sha256 in an event is chained) and kept as added (EventLog/EVENTS.md).

CREATE TABLE bloc_summary (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL -- where it was founded
);

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
  hash BLOB NOT NULL CHECK (length(hash) = 32), signature BLOB CHECK (signature IS NULL OR (typeof(signature) = 'blob' AND length(signature) = 96)),
  UNIQUE (stream, version)
);

CREATE TABLE evidence (
  sha256 TEXT NOT NULL PRIMARY KEY CHECK (typeof(sha256) = 'text' AND length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  bytes INTEGER NOT NULL CHECK (typeof(bytes) = 'integer' AND bytes >= 0),
  mediaType TEXT CHECK (mediaType IS NULL OR (typeof(mediaType) = 'text' AND length(mediaType) BETWEEN 3 AND 255)),
  content BLOB NOT NULL CHECK (typeof(content) = 'blob' AND length(content) = bytes)
);

CREATE TABLE year_award (
  stream TEXT NOT NULL, ord INTEGER NOT NULL, member TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL,
  basis TEXT, election TEXT, decision TEXT, date TEXT,
  PRIMARY KEY (stream, member)
);

CREATE TABLE year_election (
  stream TEXT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, office TEXT NOT NULL, seats INTEGER NOT NULL,
  method TEXT NOT NULL, award TEXT, candidates TEXT NOT NULL, ballots INTEGER NOT NULL, tally TEXT NOT NULL,
  status TEXT NOT NULL, outcome TEXT NOT NULL, elected TEXT NOT NULL,
  PRIMARY KEY (stream, id)
);

CREATE TABLE year_member (
  stream TEXT NOT NULL, ord INTEGER NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY (stream, code)
);

CREATE TABLE year_pact_clause (
  stream TEXT NOT NULL, number INTEGER NOT NULL, text TEXT NOT NULL,
  PRIMARY KEY (stream, number)
);

CREATE TABLE year_pact_signature (
  stream TEXT NOT NULL, ord INTEGER NOT NULL, member TEXT NOT NULL, signatory TEXT NOT NULL, title TEXT,
  PRIMARY KEY (stream, member)
);

CREATE TABLE year_snapshot (
  stream TEXT PRIMARY KEY,
  version INTEGER NOT NULL, -- the stream version the state includes
  state TEXT NOT NULL CHECK (json_valid(state))
);

CREATE TABLE year_standing (
  stream TEXT NOT NULL, ord INTEGER NOT NULL, rank INTEGER NOT NULL, member TEXT NOT NULL, name TEXT NOT NULL,
  base INTEGER NOT NULL, bonus INTEGER NOT NULL, penalty INTEGER NOT NULL, total INTEGER NOT NULL, -- hundredths of a point
  complete INTEGER NOT NULL,
  PRIMARY KEY (stream, member)
);

CREATE TABLE year_summary (
  stream TEXT PRIMARY KEY,
  bloc TEXT NOT NULL,
  year INTEGER NOT NULL,
  position INTEGER NOT NULL, -- the year's latest event
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('unopened', 'open', 'finalized', 'closed')),
  head TEXT,
  deputies TEXT NOT NULL CHECK (json_valid(deputies)),
  pact_in_force INTEGER NOT NULL
);

CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: DELETE refused'); END;

CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event
BEGIN SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused'); END;

CREATE TRIGGER event_gap_free BEFORE INSERT ON event
WHEN NEW.position IS NOT (SELECT IFNULL(MAX(position), 0) + 1 FROM event)
  OR NEW.version IS NOT (SELECT IFNULL(MAX(version), 0) + 1 FROM event WHERE stream = NEW.stream)
BEGIN SELECT RAISE(ABORT, 'position and version must follow the last ones without gaps'); END;

CREATE TRIGGER evidence_append_only_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence documents are kept as added: DELETE refused'); END;

CREATE TRIGGER evidence_append_only_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence documents are kept as added: UPDATE refused'); END;
