"""A verbatim export (thidua export --verbatim, EventLog/EXPORT.md) checked without a database, as
`thidua verify --export FILE` checks it: used by verify_chain.py when the file it is given is one.

Every line must be the canonical JSON text of its record (keys sorted, no spaces, minimal escapes,
lowercase hex), so a byte changed anywhere is found at its line; the header comes first and the end
line last; each row follows the one before (position, its stream's version, prevHash), recomputes to
its hash (EventLog/HASHING.md) and is re-decided with thidua_rules.py. The first problem is reported
with its line: `line 12 (position 11): the row does not match its hash: it was edited [export-chain-broken]`.
"""
import base64
import hashlib
import json

import thidua_projections

HEADER = b'{"format":"thidua.verbatim","kind":"header","version":1}'
KINDS = ("header", "event", "evidence", "end")
SIGNATURE_BYTES = 96


class Refusal(Exception):
    def __init__(self, line, code, reason, position=None):
        super().__init__(reason)
        self.line, self.code, self.reason, self.position = line, code, reason, position

    def __str__(self):
        at = "line %d" % self.line + ("" if self.position is None else " (position %d)" % self.position)
        return "%s: %s [%s]" % (at, self.reason, self.code)


def _refuse_constant(name):
    raise ValueError("%s is not a JSON number" % name)


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def netstring(data):
    return str(len(data)).encode("ascii") + b":" + data + b","


def event_line(row):
    """The canonical line of a row, as thidua writes it: an unknown key, uppercase hex or any other byte differs."""
    record = {key: row[key] for key in ("actor", "data", "id", "occurredAt", "position", "recordedAt", "schema", "stream",
                                        "type", "version")}
    record.update(kind="event", hash=row["hash"].hex(), prevHash=row["prevHash"].hex())
    if row["correlation"] is not None:
        record["correlation"] = row["correlation"]
    if row["signature"] is not None:
        record["signature"] = row["signature"].hex()
    return canonical(record)


def evidence_line(sha256, content, media_type):
    """The canonical line of a kept evidence document, as thidua writes it."""
    record = {"bytes": len(content), "content": base64.b64encode(content).decode("ascii"), "kind": "evidence", "sha256": sha256}
    if media_type is not None:
        record["mediaType"] = media_type
    return canonical(record)


def end_line(events, head, documents=0):
    counted = '{"documents":%d,' % documents if documents else "{"
    return (counted + '"events":%d,"head":"%s","kind":"end","position":%d}' % (events, head[1].hex(), head[0])).encode("ascii")


class Check:
    def __init__(self, rules):
        self.previous = bytes(32)
        self.expected = 1
        self.versions = {}
        self.ids = set()
        self.line = 0
        self.ended = False
        self.events = 0
        self.head = (0, bytes(32))
        self.hashes = {}
        self.rules = rules
        self.documents = 0
        self.last_document = None
        self.kept = {}

    def refuse(self, code, reason, position=None):
        return Refusal(self.line, code, reason, position)

    def take(self, raw, watched=None):
        self.line += 1
        if not raw.endswith(b"\n"):
            raise self.refuse("export-truncated", "the line ends without a line feed: the file was cut short")
        line = raw[:-1]
        if self.ended:
            raise self.refuse("export-malformed", "a line follows the end line")
        if self.line == 1:
            return self.header(line)
        try:
            record = json.loads(line.decode("utf-8"), parse_constant=_refuse_constant)
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            raise self.refuse("export-malformed", "the line is not JSON (%s): a byte was changed, or the line was cut"
                              % " ".join(str(error).split()))
        if not isinstance(record, dict):
            raise self.refuse("export-malformed", "the line is not a JSON object")
        kind = record.get("kind")
        if not isinstance(kind, str):
            raise self.refuse("export-malformed", "the line has no kind")
        if kind == "event":
            return self.event(record, line, watched)
        if kind == "end":
            return self.end(record, line)
        if kind == "evidence":
            return self.evidence(record, line)
        if kind == "header":
            raise self.refuse("export-malformed", "a second header line")
        raise self.refuse("export-unknown-kind", 'a record of kind "%s", which this thidua does not know' % kind[:40])

    def header(self, line):
        if line == HEADER:
            return
        try:
            record = json.loads(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            record = None
        if isinstance(record, dict):
            if "kind" not in record and "hash" in record:
                raise self.refuse("not-verbatim", "this is a plain export (thidua export), not a verbatim one: append it to a "
                                  "new log (thidua append, which re-founds the log with new recordedAt), or export again "
                                  "with thidua export --verbatim")
            if record.get("kind") == "header" and record.get("format") == "thidua.verbatim":
                raise self.refuse("not-verbatim", "the header is not %s: a format this thidua does not read, or a byte was "
                                  "changed" % HEADER.decode())
        raise self.refuse("not-verbatim", "the file does not begin with the header of a verbatim export (%s)" % HEADER.decode())

    def row(self, record):
        def fail(reason):
            return self.refuse("export-malformed", reason)

        def text(key):
            value = record.get(key)
            if not isinstance(value, str):
                raise fail("field %s is missing or not a string" % key)
            return value

        def integer(key):
            value = record.get(key)
            if type(value) is not int or not 1 <= value < 1 << 63:
                raise fail("field %s is missing or not a whole number from 1" % key)
            return value

        def hexbytes(key, count):
            value = text(key)
            try:
                data = bytes.fromhex(value)
            except ValueError:
                data = None
            if data is None or len(data) != count or not value.isascii() or " " in value:
                raise fail("field %s is not %d bytes in hex" % (key, count))
            return data

        correlation = text("correlation") if "correlation" in record else None
        return dict(position=integer("position"), stream=text("stream"), version=integer("version"), id=text("id"),
                    type=text("type"), schema=integer("schema"), actor=text("actor"), occurredAt=text("occurredAt"),
                    recordedAt=text("recordedAt"), correlation=correlation, data=text("data"),
                    prevHash=hexbytes("prevHash", 32), hash=hexbytes("hash", 32),
                    signature=hexbytes("signature", SIGNATURE_BYTES) if "signature" in record else None)

    def evidence(self, record, line):
        def fail(reason, code="export-malformed"):
            return self.refuse(code, reason)

        media_type = record.get("mediaType")
        if "mediaType" in record and not isinstance(media_type, str):
            raise fail("field mediaType is not a string")
        sha256 = record.get("sha256")
        if not isinstance(sha256, str) or len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise fail("field sha256 is not 64 lowercase hex digits")
        try:
            content = base64.b64decode(record.get("content"), validate=True)
        except (ValueError, TypeError):
            raise fail("field content of document %s is not base64: a byte was changed" % sha256)
        if type(record.get("bytes")) is not int or record["bytes"] != len(content):
            raise fail("field bytes of document %s is not the size of its content" % sha256)
        if hashlib.sha256(content).hexdigest() != sha256:
            raise fail("the content of document %s does not hash to it: it was edited" % sha256, "evidence-mismatch")
        try:
            same = evidence_line(sha256, content, media_type) == line
        except UnicodeEncodeError:
            same = False
        if not same:
            raise fail("the line is not the canonical text of document %s (keys in order, no spaces, minimal escapes, "
                       "plain base64): a byte was changed" % sha256)
        if self.last_document is not None and sha256 <= self.last_document:
            raise fail("document %s is out of order or repeated: documents come once each, in ascending sha256 order" % sha256)
        self.last_document = sha256
        self.kept[sha256] = len(content)
        self.documents += 1

    def event(self, record, line, watched):
        row = self.row(record)
        position = row["position"]
        if self.last_document is not None:
            raise self.refuse("export-chain-broken", "an event line after the evidence documents: lines were reordered", position)
        try:
            same = event_line(row) == line
        except UnicodeEncodeError:
            same = False
        if not same:
            raise self.refuse("export-malformed", "the line is not the canonical text of its row (keys in order, no spaces, "
                              "minimal escapes, lowercase hex): a byte was changed", position)
        if position != self.expected:
            raise self.refuse("export-chain-broken", "position %d where %d was expected: %s" % (
                position, self.expected, "rows were removed" if position > self.expected
                else "rows were reordered or repeated"), position)
        if row["prevHash"] != self.previous:
            raise self.refuse("export-chain-broken", "prevHash is not the hash of the row before: rows were edited, "
                              "reordered or removed", position)
        stream = row["stream"]
        before = self.versions.get(stream, 0)
        if row["version"] != before + 1:
            raise self.refuse("export-chain-broken", "version %d of %s does not follow %d" % (row["version"], stream[:40], before),
                              position)
        if row["correlation"] == "":
            raise self.refuse("export-malformed", "correlation is the empty text where the store writes no correlation; "
                              "the store never writes that", position)
        if len(row["id"]) != 36:
            raise self.refuse("export-malformed", "id is not 36 characters; the store never writes that", position)
        if not 1 <= len(stream) <= 40:
            raise self.refuse("export-malformed", "stream is not 1 to 40 characters; the store never writes that", position)
        if row["id"] in self.ids:
            raise self.refuse("export-chain-broken", "the id %s is already the id of an earlier row" % row["id"], position)
        fields = [str(position).encode(), stream.encode(), str(row["version"]).encode(), row["id"].encode(),
                  row["type"].encode(), str(row["schema"]).encode(), row["actor"].encode(), row["occurredAt"].encode(),
                  row["recordedAt"].encode(), (row["correlation"] or "").encode(), row["data"].encode()]
        if row["signature"] is not None:
            fields.append(row["signature"])
        if hashlib.sha256(self.previous + b"".join(netstring(f) for f in fields)).digest() != row["hash"]:
            raise self.refuse("export-chain-broken", "the row does not match its hash: it was edited", position)
        self.ids.add(row["id"])
        self.versions[stream] = row["version"]
        if self.rules is not None:
            signed = None if row["signature"] is None else (row["signature"], row["id"], row["occurredAt"])
            self.rules.add(position, stream, row["type"], row["schema"], row["actor"], row["data"].encode(),
                           row["correlation"], row["occurredAt"], row["recordedAt"], signed)
            if self.rules.first_break is not None:
                _, type_name, rule = self.rules.first_break
                raise self.refuse(rule.code, "the file was altered: %s breaks rule %s: %s" % (type_name[:40], rule.code, rule),
                                  position)
        self.previous = row["hash"]
        self.expected = position + 1
        self.events += 1
        self.head = (position, row["hash"])
        if watched == position:
            self.hashes[position] = row["hash"]

    def end(self, record, line):
        events, position, head = record.get("events"), record.get("position"), record.get("head")
        documents = record.get("documents", 0)
        if type(documents) is not int or documents < 1:
            documents = 0
        if type(events) is not int or type(position) is not int or not isinstance(head, str) \
                or len(record) != (5 if documents else 4):
            raise self.refuse("export-malformed", 'the end line is not {["documents":N,]"events":N,"head":HEX,"kind":"end",'
                              '"position":N}')
        if events != self.events or position != self.head[0] or head != self.head[1].hex():
            raise self.refuse("export-truncated", "the end line says %d event(s) up to position %d, but the file holds %d up "
                              "to position %d with another head: rows were removed or added"
                              % (events, position, self.events, self.head[0]))
        if documents != self.documents:
            raise self.refuse("export-truncated", "the end line says %d evidence document(s), but the file holds %d: documents "
                              "were removed or added" % (documents, self.documents))
        if line != end_line(self.events, self.head, self.documents):
            raise self.refuse("export-malformed", "the end line is not in canonical form: a byte was changed")
        self.ended = True

    def finish(self):
        if self.line == 0:
            raise Refusal(1, "export-truncated", "the file is empty")
        if not self.ended:
            raise Refusal(self.line, "export-truncated", "the file ends without its end line: it was cut short after %d "
                          "event(s)" % self.events)
        for sha256, (size, position) in (self.rules.cited.items() if self.rules is not None else ()):
            if self.kept.get(sha256) != size:
                raise Refusal(self.line, "evidence-missing", "the event at position %d cites evidence document %s (%d bytes), "
                              "which the file does not hold" % (position, sha256, size), position)


def looks_like_export(path):
    """True when the file begins as JSON does (an export), not as an SQLite database; an empty file named .jsonl too."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(16)
    except OSError:
        return False
    return start.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" or (start == b"" and path.endswith(".jsonl"))


def verify(path, digest, rules, say):
    """Checks the file; returns None when intact, else the failure to report (exit 2)."""
    check = Check(thidua_projections.Replay() if rules else None)
    watched = None if digest is None else digest[0]
    try:
        with open(path, "rb") as handle:
            for raw in handle:
                check.take(raw, watched)
        check.finish()
    except Refusal as refusal:
        say("export: BROKEN at %s" % refusal)
        return "%s %s" % (path, refusal)
    say("export: a verbatim export of %d event(s)" % check.events)
    say("chain: intact" + (" up to position %d, head %s" % (check.head[0], check.head[1].hex()) if check.events else
                           " (empty log)"))
    say("rules: " + ("every event re-decided from the start follows them" if rules else "not re-decided (--no-rules)"))
    say("evidence: %d document(s) in the file, each hashing to its name" % check.documents
        + ("; every document cited is among them" if rules else ""))
    if digest is not None:
        matches = check.hashes.get(digest[0]) == digest[1]
        say("digest %d: %s" % (digest[0], "matches; the log up to it is unchanged" if matches else "DOES NOT MATCH"))
        if not matches:
            return "the export does not hold the digest at position %d; the record up to it was altered" % digest[0]
    print("verified")
    return None
