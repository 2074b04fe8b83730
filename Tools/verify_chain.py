#!/usr/bin/env python3
"""Independent verifier of a thidua event log (EventLog/HASHING.md), standard library only.

Usage: python3 Tools/verify_chain.py LOG.sqlite [--digest POS:HEX]
Exit 0 when the chain recomputes (and the digest matches), 2 when it does not, 64 on usage errors.
"""
import hashlib
import sqlite3
import sys


def netstring(text):
    data = text.encode("utf-8")
    return str(len(data)).encode("ascii") + b":" + data + b","


def as_text(value):
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def canonical(row):
    return b"".join(netstring(as_text(value)) for value in row)


def verify(path, digest=None):
    connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    rows = connection.execute(
        "SELECT position, stream, version, id, type, schema, actor, occurredAt, recordedAt, correlation, data, hash "
        "FROM event ORDER BY position"
    )
    previous = bytes(32)
    expected_position = 1
    versions = {}
    first_bad = None
    count = 0
    digest_ok = None
    for row in rows:
        count += 1
        position, stream, version, stored = row[0], row[1], row[2], row[11]
        stored = stored if isinstance(stored, bytes) else as_text(stored).encode("utf-8")
        if first_bad is None:
            if position != expected_position:
                first_bad = (expected_position, "row missing or out of order (found position %s)" % position)
            elif not isinstance(version, int) or version != versions.get(stream, 0) + 1:
                first_bad = (position, "version %r of %s does not follow %s" % (version, stream, versions.get(stream, 0)))
            elif hashlib.sha256(previous + canonical(row[:11])).digest() != stored:
                first_bad = (position, "row does not match its hash")
        versions[stream] = version
        if digest is not None and digest[0] == position:
            digest_ok = stored == digest[1] and (first_bad is None or first_bad[0] > position)
        previous = stored
        expected_position = position + 1
    if digest is not None and digest_ok is None:
        digest_ok = False
    return count, previous, expected_position - 1, first_bad, digest_ok


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--digest"):
        print(__doc__.strip(), file=sys.stderr)
        return 64
    digest = None
    if len(argv) == 4:
        try:
            position, hex_hash = argv[3].split(":")
            digest = (int(position), bytes.fromhex(hex_hash))
        except ValueError:
            print("error: --digest takes POS:HEX", file=sys.stderr)
            return 64
    count, head, head_position, first_bad, digest_ok = verify(argv[1], digest)
    print("rows: %d" % count)
    if digest is not None:
        print("digest %d: %s" % (digest[0], "matches" if digest_ok else "DOES NOT MATCH"))
    if first_bad is not None:
        print("chain: BROKEN at position %d: %s" % first_bad)
        return 2
    if digest_ok is False:
        return 2
    print("chain: intact up to position %d, head %s" % (head_position, head.hex()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
