#!/usr/bin/env python3
"""Print EventLog/schema.sql from a thidua database, in the order the store's test compares.

Usage: python3 Tools/schema_sql.py LOG.sqlite > EventLog/schema.sql
(create a fresh log first, e.g. with `thidua --db "$(mktemp -d)/x.sqlite" init --bloc X --name x`).
Then put the same statements in SCHEMA of Tools/verify_chain.py (a test compares the two).
"""
import sqlite3
import sys

HEADER = """-- The SQLite schema of the thidua event log and its projections, exactly as the store creates it
-- (a test compares them). See EventLog/HASHING.md for how each event row is chained.
-- An import (`thidua append`) drops event_gap_free inside its own BEGIN IMMEDIATE transaction,
-- checks the whole batch once, and recreates the trigger before COMMIT: no other connection ever
-- sees the log without it.
-- The signature column was added to event by a later migration (ALTER TABLE), which is why SQLite
-- writes it on the line of hash: NULL for an unsigned event, else the signer's public key (32 bytes)
-- then the signature (64 bytes), EventLog/SIGNING.md.
-- evidence holds the documents events cite (minh chứng), named by the SHA-256 of their content; it is outside
-- the chain (the sha256 in an event is chained) and kept as added (EventLog/EVENTS.md).

"""

if len(sys.argv) != 2:
    print(__doc__.strip(), file=sys.stderr)
    sys.exit(64)
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' "
    "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name"
).fetchall()
sys.stdout.write(HEADER + "\n".join(row[0] + ";\n" for row in rows))
