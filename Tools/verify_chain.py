#!/usr/bin/env python3
"""Independent verifier of a thidua event log (EventLog/HASHING.md), Python standard library only.

Usage: python3 verify_chain.py LOG.sqlite [--digest POS:HEX] [--quick] [--no-rules]
       python3 verify_chain.py EXPORT.jsonl [--digest POS:HEX] [--no-rules]   a verbatim export (verify_export.py)
       python3 verify_chain.py --schema        print the schema it expects (EventLog/schema.sql)

It checks what `thidua verify` checks of the record: the schema is exactly thidua's (the same
tables, indexes and triggers, their SQL text unchanged, no trigger, view, table or index added);
every value has the type the store writes; positions and stream versions follow without gaps;
the SHA-256 chain recomputes; SQLite's integrity check passes (quick_check with --quick); and,
with --digest, the row at POS still has that hash; every signed row's signature is checked again over
its signing bytes (EventLog/SIGNING.md, with ed25519.py beside this script). It also re-decides every event from the
initial state with its own port of thidua's rules (thidua_rules.py, beside this script) and
reports the first that breaks one: `position N: TYPE breaks rule CODE: reason`. From that replay
it compares what thidua keeps beside the log (thidua_projections.py): every projection table's rows
of every year, the list of blocs, and each year's snapshot (its version, its state, and its seal
when it has one), and names what differs: `projections: DIFFER: BLOC/YEAR: standings differ from the
log`. --no-rules skips the rules and the projections (the record checks alone run more than twice as
fast). The file is opened read-only and never changed.
Exit 0 when intact, 2 when altered or when the path holds no thidua log (missing, a directory, another
file), 64 on usage errors.
"""
import hashlib
import os
import sqlite3
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import thidua_projections  # noqa: E402  (beside this script, whatever the working directory)
import thidua_rules  # noqa: E402
import verify_export  # noqa: E402

# The schema thidua creates, exactly as EventLog/schema.sql gives it (a test keeps them equal),
# and the table in which GRDB, the store's SQLite library, records the migrations applied.
SCHEMA = """\
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
"""
MIGRATIONS_TABLE = "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"
MIGRATIONS = [b"v1-event-log", b"v2-year-projections", b"v3-snapshots", b"v4-signatures", b"v5-evidence"]
# Logs written before signatures (migrations v1–v3) are honest logs of an older schema, not altered ones: the
# same tables without event.signature, whose rows (all unsigned) hash exactly as today's unsigned rows.
SIGNATURE_COLUMN = (", signature BLOB CHECK (signature IS NULL OR (typeof(signature) = 'blob' AND length(signature) = 96))")
# Logs written before evidence documents (migrations v1–v4) have no evidence table nor its triggers; every event
# they hold is of schema 1.


def without_evidence(schema):
    return "\n\n".join(statement for statement in schema.split("\n\n")
                       if not statement.startswith(("CREATE TABLE evidence (", "CREATE TRIGGER evidence_")))


OLDER_SCHEMAS = [(MIGRATIONS[:4], without_evidence, "before evidence documents"),
                 (MIGRATIONS[:3], lambda schema: without_evidence(schema).replace(SIGNATURE_COLUMN, ""), "before signatures")]
APPEND_ONLY_TRIGGERS = ["event_append_only_update", "event_append_only_delete", "event_gap_free"]
# SQLite's planner statistics, written by ANALYZE: they never change a result.
STATISTICS = {"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"}

# The type the store gives each column's values; correlation is NULL or non-empty text.
STORED_TYPES = [
    ("position", "integer"), ("stream", "text"), ("version", "integer"), ("id", "text"), ("type", "text"),
    ("schema", "integer"), ("actor", "text"), ("occurredAt", "text"), ("recordedAt", "text"),
    ("data", "text"), ("hash", "blob"),
]
STORED_TYPE_PROBLEM = (
    "CASE "
    + " ".join(
        "WHEN typeof(%s) <> '%s' THEN 'column %s holds a ' || typeof(%s) || ' value where the store writes %s'"
        % (column, kind, column, column, kind)
        for column, kind in STORED_TYPES
    )
    + " WHEN typeof(correlation) NOT IN ('null', 'text')"
    " THEN 'column correlation holds a ' || typeof(correlation) || ' value where the store writes text or NULL'"
    " WHEN correlation = '' THEN 'column correlation holds the empty text where the store writes NULL'"
    " WHEN length(hash) <> 32 THEN 'column hash holds ' || length(hash) || ' bytes where the store writes 32'"
    " WHEN typeof(signature) NOT IN ('null', 'blob')"
    " THEN 'column signature holds a ' || typeof(signature) || ' value where the store writes blob or NULL'"
    " WHEN length(signature) <> 96 THEN 'column signature holds ' || length(signature) || ' bytes where the store writes 96' END"
)


class Usage(Exception):
    pass


class NotALog(Exception):
    pass


def text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return "" if value is None else str(value)


def visible(message):
    """Control characters, line separators and bidi controls as escapes like \\u{1B}: text from a hostile
    log can neither drive the terminal nor fake or reverse a line (as thidua's Visible does)."""
    return "".join("\\u{%X}" % ord(c) if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in _INVISIBLE else c
                   for c in message)


_INVISIBLE = set("\u2028\u2029\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def say(line):
    print(visible(line))


def integer(value):
    """An INTEGER column's value as sqlite3_column_int64 reads it (0 when it is not a number)."""
    if isinstance(value, int):
        return value
    digits = field(value).split(b".")[0].strip()
    return int(digits) if digits.lstrip(b"-").isdigit() and len(digits) < 20 else 0


def field(value):
    """A column's canonical bytes, as SQLite's sqlite3_column_text gives them (NULL is empty)."""
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    if isinstance(value, float):
        return repr(value).encode("ascii")
    return str(value).encode("utf-8")


def netstring(data):
    return str(len(data)).encode("ascii") + b":" + data + b","


def schema_objects(connection):
    rows = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END, name"
    ).fetchall()
    return [row for row in rows if not (row[0] == b"table" and text(row[1]) in STATISTICS)]


def expected_objects(schema=None):
    memory = sqlite3.connect(":memory:")
    memory.text_factory = bytes
    memory.executescript(MIGRATIONS_TABLE + ";\n" + (schema or SCHEMA))
    return schema_objects(memory)


def older_schema(connection):
    """(the migrations, what it came before) of an older thidua whose schema the log has exactly, or None."""
    found = schema_objects(connection)
    for migrations, schema, before in OLDER_SCHEMAS:
        if found == expected_objects(schema(SCHEMA)):
            applied = [row[0] for row in connection.execute("SELECT identifier FROM grdb_migrations ORDER BY 1")]
            if applied == migrations:
                return migrations, before
    return None


def schema_problems(connection):
    expected = expected_objects()
    found = schema_objects(connection)
    problems = []
    by_name = {}
    for row in found:
        if row[1] in by_name:
            problems.append("sqlite_master holds %s twice; the schema was edited by hand" % text(row[1]))
        by_name[row[1]] = row
    for row in expected:
        present = by_name.get(row[1])
        if present is None:
            problems.append("%s %s is missing; someone removed it" % (text(row[0]), text(row[1])))
        elif present != row:
            if present[0] == row[0]:
                problems.append("%s %s is not the one thidua creates; its SQL was changed" % (text(row[0]), text(row[1])))
            else:
                problems.append("%s is a %s, not the %s thidua creates" % (text(row[1]), text(present[0]), text(row[0])))
    known = {row[1] for row in expected}
    for row in found:
        if row[1] not in known:
            on = "" if row[2] in (row[1], b"", None) else " on %s" % text(row[2])
            problems.append("%s %s%s is not one thidua creates; someone added it" % (text(row[0]), text(row[1]), on))
    if not problems:
        applied = [row[0] for row in connection.execute("SELECT identifier FROM grdb_migrations ORDER BY 1")]
        if applied != MIGRATIONS:
            problems.append("grdb_migrations does not list exactly thidua's migrations (%s)"
                            % ", ".join(text(name) for name in MIGRATIONS))
    missing = [name for name in APPEND_ONLY_TRIGGERS
               if not any(row[0] == b"trigger" and text(row[1]) == name for row in found)]
    return problems, missing


def open_read_only(path):
    """Opens the log read-only; nothing is created or changed."""
    if not os.path.exists(path):
        raise NotALog("no event log at %s" % path)
    if os.path.isdir(path):
        raise NotALog("%s is not a thidua log: it is a directory" % path)
    if not os.access(path, os.R_OK):
        raise NotALog("cannot read %s: permission denied" % path)
    absolute = urllib.parse.quote(os.path.abspath(path))
    try:
        connection = sqlite3.connect("file:%s?mode=ro" % absolute, uri=True)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # On read-only media SQLite may be unable to set up WAL shared memory. With no -wal file,
        # no writer can be active there, so the main file alone is the whole log; but a hot rollback
        # journal holds an unfinished write that only a writer can undo: the main file alone is torn.
        if os.path.exists(path + "-wal") or os.path.exists(path + "-journal"):
            raise
        connection = sqlite3.connect("file:%s?mode=ro&immutable=1" % absolute, uri=True)
    connection.text_factory = bytes
    return connection


def check_chain(connection, digest, rules, signatures=True):
    """Reads the log once: stored types, positions, versions, the chain and the digest; each row is also
    given to `rules` (a thidua_rules.Redecider, or None) to be re-decided. Without `signatures`, the log is of
    the schema before signatures: it has no signature column and every row is unsigned."""
    problem = STORED_TYPE_PROBLEM if signatures else STORED_TYPE_PROBLEM[:STORED_TYPE_PROBLEM.index(" WHEN typeof(signature)")] + " END"
    rows = connection.execute(
        "SELECT position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash, "
        + problem + (", signature" if signatures else ", NULL") + " FROM event ORDER BY position"
    )
    previous = bytes(32)
    expected_position = 1
    versions = {}
    first_bad = None
    count = 0
    digest_ok = None
    head = None
    for row in rows:
        count += 1
        position, stream, version, stored, problem, signature = row[0], row[1], row[2], row[11], row[12], row[13]
        stored = field(stored)
        if first_bad is None:
            before = versions.get(stream, 0)
            if position != expected_position:
                first_bad = (expected_position,
                             "the row is missing (the next row is at %s); rows were deleted" % text(position)
                             if isinstance(position, int) and position > expected_position
                             else "positions are out of order")
            elif problem is not None:
                first_bad = (position, text(problem) + "; the store never writes that, the row was altered")
            elif not isinstance(version, int) or version != before + 1:
                first_bad = (position, "version %s of %s does not follow %s" % (text(version), text(stream), before))
            elif hashlib.sha256(previous + b"".join(netstring(field(value)) for value in row[:11])
                                + (b"" if signature is None else netstring(field(signature)))).digest() != stored:
                first_bad = (position, "the row does not match its hash; it was edited, "
                                       "or rows were reordered or removed before it")
        versions[stream] = version if isinstance(version, int) else 0
        if rules is not None and rules.first_break is None:
            correlation = row[9]
            signed = None if signature is None else (field(signature), text(field(row[3])), text(field(row[7])))
            rules.add(position, text(field(stream)), text(field(row[4])), integer(row[5]), text(field(row[6])),
                      field(row[10]), None if correlation is None else text(field(correlation)),
                      text(field(row[7])), text(field(row[8])), signed)
        if digest is not None and digest[0] == position:
            digest_ok = stored == digest[1] and (first_bad is None or first_bad[0] > position)
        previous = stored
        expected_position = position + 1 if isinstance(position, int) else expected_position + 1
        head = (position, stored)
    if digest is not None and digest_ok is None:
        digest_ok = False
        if first_bad is None:
            first_bad = (digest[0], "the log has no row at the digest's position %d; rows were deleted" % digest[0])
    return count, head, first_bad, digest_ok


def evidence_problem(connection, cited):
    """(position, reason) of the first document the events cite that the log does not keep intact, or None
    (EventStore.evidenceProblem): missing, or its content no longer hashing to its name."""
    has_table = any(row[0] == b"table" and row[1] == b"evidence" for row in schema_objects(connection))
    for sha256, (size, position) in cited.items():
        row = connection.execute("SELECT CAST(content AS BLOB) FROM evidence WHERE sha256 = ?", (sha256,)).fetchone() \
            if has_table else None
        if row is None:
            return position, "evidence document %s is missing from the log" % sha256
        content = bytes(row[0] or b"")
        if len(content) != size or hashlib.sha256(content).hexdigest() != sha256:
            return position, "evidence document %s was altered: its content no longer hashes to it" % sha256
    return None


def listed(problems, limit=5):
    shown = "; ".join(problems[:limit])
    return shown + ("; and %d more" % (len(problems) - limit) if len(problems) > limit else "")


def verify(path, digest, quick, rules=True):
    if verify_export.looks_like_export(path):
        return verify_export.verify(path, digest, rules, say)
    try:
        connection = open_read_only(path)
        problems, missing = schema_problems(connection)
        older = older_schema(connection) if problems else None
        if older is not None:
            problems = []
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as error:
        raise NotALog("%s is not a thidua log, or is damaged (%s)" % (path, error))
    if not any(row[0] == b"table" and row[1] == b"event" for row in schema_objects(connection)):
        raise NotALog("%s is not a thidua log: it has no event table" % path)
    pragma = "quick_check" if quick else "integrity_check"
    integrity = [text(row[0]) for row in connection.execute("PRAGMA " + pragma)]
    unreadable = None
    redecider = thidua_projections.Replay() if rules else None
    try:
        signatures = older is None or b"v4-signatures" in older[0]
        count, head, first_bad, digest_ok = check_chain(connection, digest, redecider, signatures=signatures)
    except sqlite3.DatabaseError as error:
        if not problems:
            raise
        unreadable = str(error)
        count, head, first_bad, digest_ok = 0, None, None, (False if digest else None)

    say("rows: %d" % count)
    say("sqlite %s: %s" % (pragma, "; ".join(integrity)))
    say("append-only triggers: " + ("present" if not missing else "MISSING " + ", ".join(missing)))
    say("schema: " + ("DIFFERS: " + listed(problems) if problems
                      else "exactly the tables, indexes and triggers thidua creates" if older is None
                      else "exactly those of an older thidua (%s: %s), not altered; "
                           "`thidua rebuild` or any write upgrades it" % (older[1], ", ".join(text(name) for name in older[0]))))
    if unreadable is not None:
        say("chain: NOT READ: the event table cannot be read as thidua's (%s)" % unreadable)
    elif first_bad is not None:
        say("chain: BROKEN at position %s: %s" % (text(first_bad[0]), first_bad[1]))
    elif head is None:
        say("chain: intact (empty log)")
    else:
        say("chain: intact up to position %s, head %s" % (text(head[0]), head[1].hex()))
    broken = None if redecider is None or unreadable is not None else redecider.first_break
    if redecider is None or unreadable is not None:
        say("rules: not re-decided" + (" (--no-rules)" if redecider is None else ""))
    elif broken is not None:
        say("rules: BROKEN at " + redecider.report())
    else:
        say("rules: every event re-decided from the start follows them")
    evidence = None
    if redecider is None or unreadable is not None:
        say("evidence: not checked" + (" (--no-rules)" if redecider is None else ""))
    else:
        evidence = evidence_problem(connection, redecider.cited)
        say("evidence: " + ("BROKEN at position %s: %s" % evidence if evidence is not None
                            else "%d document(s) cited, each kept and intact" % len(redecider.cited)))
    projections = None
    if redecider is None or unreadable is not None or broken is not None:
        say("projections: not compared" + (" (--no-rules)" if redecider is None else
                                           " (the log cannot be replayed)"))
    else:
        try:
            projections = thidua_projections.problems(connection, redecider)
        except sqlite3.DatabaseError as error:
            projections = ["the projections cannot be read as thidua's (%s)" % error]
        say("projections: " + ("match a replay of the log" if not projections else "DIFFER: " + "; ".join(projections)))
        outdated = thidua_projections.outdated_snapshots(connection, redecider)
        if outdated:
            say("snapshots: %s written by an older thidua (outdated, not altered); the next append to the year or "
                "thidua rebuild replaces them" % ", ".join(outdated))
    if digest is not None:
        say("digest %d: %s" % (digest[0], "matches; the log up to it is unchanged" if digest_ok else "DOES NOT MATCH"))

    if digest_ok is False:
        return "the log no longer holds the digest at position %d; the record up to it was altered" % digest[0]
    if first_bad is not None and (broken is None or first_bad[0] <= broken[0]):
        return "position %s: %s" % (text(first_bad[0]), first_bad[1])
    if broken is not None:
        return redecider.report()
    if evidence is not None:
        return "position %s: %s" % evidence
    if missing:
        return "the append-only trigger %s is missing; someone removed it" % missing[0]
    if problems:
        return "the schema is not the one thidua creates: " + problems[0]
    if integrity != ["ok"]:
        return "SQLite integrity check failed: " + integrity[0]
    if projections:
        return "projections differ from the log: %s; run thidua rebuild" % projections[0]
    print("verified")
    return None


def parse_arguments(argv):
    path, digest, quick, rules = None, None, False, True
    arguments = list(argv)
    while arguments:
        argument = arguments.pop(0)
        if argument == "--digest":
            if not arguments or digest is not None:
                raise Usage("--digest takes POS:HEX, as thidua digest prints it")
            position, _, hex_hash = arguments.pop(0).partition(":")
            try:
                if not position.isascii() or not position.isdigit() or int(position) < 1:
                    raise ValueError(position)
                digest = (int(position), bytes.fromhex(hex_hash))
            except ValueError:
                digest = None
            if digest is None or len(digest[1]) != 32:
                raise Usage("--digest takes POS:HEX, as thidua digest prints it")
        elif argument == "--quick":
            quick = True
        elif argument == "--no-rules":
            rules = False
        elif argument.startswith("-") and argument != "-" and path is None and not os.path.exists(argument):
            raise Usage("unknown option %s" % argument)
        elif path is None:
            path = argument
        else:
            raise Usage("give one log file")
    if path is None:
        raise Usage("give the log file")
    return path, digest, quick, rules


def main(argv):
    if argv == ["--schema"]:
        sys.stdout.write(SCHEMA)
        return 0
    if argv in (["-h"], ["--help"]):
        print(__doc__.strip())
        return 0
    try:
        path, digest, quick, rules = parse_arguments(argv)
    except Usage as usage:
        print(visible("error: %s" % usage), file=sys.stderr)
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    try:
        failure = verify(path, digest, quick, rules)
    except Usage as usage:
        print(visible("error: %s" % usage), file=sys.stderr)
        return 64
    except NotALog as error:
        print(visible("error: %s" % error), file=sys.stderr)
        return 2
    except (sqlite3.Error, OSError) as error:
        print(visible("error: cannot verify %s: %s" % (path, " ".join(str(error).split()))), file=sys.stderr)
        return 2
    if failure is not None:
        print(visible("error: verify: " + failure), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    try:
        status = main(sys.argv[1:])
        sys.stdout.flush()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        status = 0
    except Exception as error:  # never a traceback: one line, and the log is not proven intact
        print(visible("error: cannot verify: %s" % " ".join(str(error).split())), file=sys.stderr)
        status = 2
    sys.exit(status)
