#!/usr/bin/env python3
"""The §8 benchmarks, side by side in one run: thidua, the raw SQLite ceiling, Python eventsourcing.

Usage (after `swift build -c release -Xswiftc -static-stdlib`, which links the Swift runtime statically
and halves process start-up):
    python3 Tools/bench.py [--sizes 100000,1000000] [--runs 30] [--binary .build/release/thidua]
                           [--only-signed] [--only-evidence] [--only-server] [--write BENCHMARKS.md]

For each size it generates a history (Tools/generate_history.py: years of ~100k events, 20 members ×
50 criteria × 100 resubmissions, plus a small year in a second bloc), then measures import, one
`score submit` end to end on the 100k-event open year, `standings`, replay of the small and of the
100k-event year, the year report of the seed's 2017 and of the 100k-event year, rebuild, verify, bytes per event
and peak memory. In the same run it inserts the
same rows with prepared statements into an identical schema (the raw SQLite ceiling) and runs the same
history through the `eventsourcing` package on SQLite in 1000-event transactions (pip install eventsourcing).

For the largest size it also signs the history (TEST keys, one per member and the secretariat, derived from
fixed seeds; never real keys): the keys registered and `signatures: required` adopted at the start, every
later event signed by its actor with `thidua sign`. It then measures the signed import beside the bare
Ed25519 loop (`thidua bench-signatures`: swift-crypto alone verifying the same signatures over the same
signing bytes on every core), and `score submit --key` on the signed log. `--only-signed` runs that part alone.

Evidence documents (§13): `evidence add` of a 10 MiB document (new content each run) into a small log, with its peak
memory, and `evidence get --out` of it. `--only-evidence` runs that part alone.

The server (§12): Tools/load_server.py, 32 clients each posting single signed events on loopback, against group
commit and against one transaction per request (`serve --max-group 1`) in the same run, the two modes in turn for
`--server-rounds` rounds (5): the median run of each mode, the ratio round by round, request latency, the SSE
follower's delay and the checks that nothing was lost in any run. `--only-server` runs that part alone.
"""
import argparse
import base64
import datetime
import hashlib
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS_PER_YEAR = 100_000
sys.path.insert(0, os.path.join(ROOT, "Tools"))
import ed25519  # noqa: E402


TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(argv, stdout=subprocess.DEVNULL, stdin=None, measure_memory=False):
    """Runs a command; returns (seconds, peak RSS in KiB or 0, stdout bytes or None).

    Peak memory comes from /usr/bin/time: a child forked from this (large) Python process would
    report this process's resident size as its own peak."""
    rss_file = None
    if measure_memory and TIME:
        rss_file = tempfile.NamedTemporaryFile(delete=False)
        argv = [TIME, "-f", "%M", "-o", rss_file.name] + argv
    start = time.perf_counter()
    process = subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE, stdin=stdin)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(argv), process.stderr.decode()))
    rss = 0
    if rss_file:
        with open(rss_file.name) as f:
            rss = int(f.read().strip().splitlines()[-1])
        os.unlink(rss_file.name)
    return elapsed, rss, process.stdout if stdout == subprocess.PIPE else None


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def generate(path, args):
    with open(path, "w") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "Tools/generate_history.py")] + args, stdout=out,
                       stderr=subprocess.DEVNULL, check=True)


def raw_ceiling(rows, schema, path, page_size):
    """The same rows, same table and indexes, same page size, synchronous=FULL, one prepared statement
    per row, no domain work."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA page_size=%d" % page_size)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA cache_size=-65536")
    db.executescript(schema)
    start = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO event VALUES (%s)" % ",".join("?" * len(rows[0])), rows)
    db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def eventsourcing_recorder(rows, path):
    """The same rows as eventsourcing StoredEvents straight into its SQLite recorder: its storage
    layer alone, no domain objects (an upper bound for that package)."""
    from eventsourcing.persistence import StoredEvent
    from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore
    recorder = SQLiteApplicationRecorder(SQLiteDatastore(path))
    recorder.create_table()
    ids = {}
    events = [StoredEvent(originator_id=ids.setdefault(r[1], uuid.uuid5(uuid.NAMESPACE_URL, r[1])), originator_version=r[2],
                          topic=r[4], state=r[10].encode()) for r in rows]
    start = time.perf_counter()
    for i in range(0, len(events), 1000):
        recorder.insert_events(events[i:i + 1000])
    return time.perf_counter() - start


_STREAM = None


def stream_aggregate():
    """The eventsourcing aggregate of one thidua stream (defined once: the package registers its topic)."""
    global _STREAM
    if _STREAM is None:
        from eventsourcing.domain import Aggregate, event

        class Stream(Aggregate):
            @event("Opened")
            def __init__(self, name):
                self.name = name
                self.maximum = {}
                self.scores = {}

            @event("Recorded")
            def record(self, kind, data):
                if kind == "criterion.set":
                    self.maximum[data["code"]] = data["maxPoints"]
                elif kind in ("score.submitted", "score.reviewed"):
                    if not 0 <= data["points"] <= self.maximum.get(data["criterion"], 0):
                        raise ValueError("points over the maximum")
                    self.scores[data["member"] + " " + data["criterion"]] = data["points"]

        _STREAM = Stream
    return _STREAM


def eventsourcing_workload(history, path):
    """The same history through the eventsourcing package: one aggregate per stream whose events are
    checked (points within the criterion's maximum) and folded, saved in 1000-event transactions to
    SQLite; then one 100k-event year is read back and folded. Returns (insert s, events, fold s, folded)."""
    from eventsourcing.application import Application
    Stream = stream_aggregate()
    os.environ["PERSISTENCE_MODULE"] = "eventsourcing.sqlite"
    os.environ["SQLITE_DBNAME"] = path
    app = Application()
    streams = {}
    pending = {}
    count = 0
    start = time.perf_counter()
    with open(history) as lines:
        for line in lines:
            e = json.loads(line)
            name = e["bloc"] + ("/%d" % e["year"] if "year" in e else "")
            aggregate = streams.get(name)
            if aggregate is None:
                aggregate = streams[name] = Stream(name)
            aggregate.record(e["type"], e["data"])
            pending[name] = aggregate
            count += 1
            if count % 1000 == 0:
                app.save(*pending.values())
                pending.clear()
    if pending:
        app.save(*pending.values())
    insert = time.perf_counter() - start
    largest = max(streams.values(), key=lambda a: a.version)
    start = time.perf_counter()
    folded = app.repository.get(largest.id)
    fold = time.perf_counter() - start
    return insert, count, fold, folded.version


def histories(size, work):
    """The big history of `size` events and the small second bloc; returns (big, small, first year, years)."""
    years = max(1, size // EVENTS_PER_YEAR)
    big = os.path.join(work, "history.jsonl")
    small = os.path.join(work, "small.jsonl")
    # Every generated year is over by today: the log refuses events to come.
    first_year = min(2017, datetime.date.today().year - years)
    generate(big, ["--years", str(years), "--members", "20", "--criteria", "50", "--resubmissions", "100",
                   "--reviews", "0", "--elections", "1", "--first-year", str(first_year)])
    generate(small, ["--first-bloc", "2", "--members", "8", "--criteria", "10", "--resubmissions", "1", "--reviews", "0.2"])
    return big, small, first_year, years


def bench(size, args, binary, signed):
    work = tempfile.mkdtemp(prefix="thidua-bench-")
    big, small, first_year, years = histories(size, work)
    db = os.path.join(work, "thidua.sqlite")
    t = ["--db", db]
    result = {"size": size}
    imports = []
    for attempt in range(args.import_runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        imports.append(run([binary] + t + ["append", big], measure_memory=True))
    elapsed = statistics.median(i[0] for i in imports)
    rss = max(i[1] for i in imports)
    count = sqlite3.connect(db).execute("SELECT COUNT(*) FROM event").fetchone()[0]
    result.update(events=count, import_s=elapsed, import_rate=count / elapsed, import_rss=rss)
    run([binary] + t + ["append", small])
    open_year = first_year + years - 1

    connection = sqlite3.connect(db)
    rows = connection.execute("SELECT * FROM event WHERE position <= ? ORDER BY position", (count,)).fetchall()
    schema = "\n".join(r[0] + ";" for r in connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'event' OR (type = 'index' AND tbl_name = 'event' AND sql IS NOT NULL)"))
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    raw = raw_ceiling(rows, schema, os.path.join(work, "raw.sqlite"), page_size)
    result.update(raw_rate=count / raw)
    try:
        result.update(es_recorder_rate=count / eventsourcing_recorder(rows, os.path.join(work, "es-recorder.sqlite")))
    except ImportError:
        result.update(es_recorder_rate=None)
    del rows
    try:
        es_insert, es_count, es_fold, es_folded = eventsourcing_workload(big, os.path.join(work, "es.sqlite"))
        result.update(es_rate=es_count / es_insert, es_fold_rate=es_folded / es_fold)
    except ImportError:
        result.update(es_rate=None, es_fold_rate=None)

    # Let the kernel write back the hundreds of MB the imports above left dirty, so that it does not
    # compete with the latency measurements below.
    os.sync()
    time.sleep(2)
    submits = []
    for i in range(args.runs):
        elapsed, _, _ = run([binary] + t + ["--bloc", "K001", "--as", "M001", "score", "submit", "--year", str(open_year),
                                            "--criterion", "1.1", "--points", str(i % 5)])
        submits.append(elapsed)
    result.update(submit_p50=percentile(submits, 50), submit_p99=percentile(submits, 99))
    standings = [run([binary] + t + ["--bloc", "K001", "standings", "--year", str(open_year)])[0] for _ in range(args.runs)]
    result.update(standings_p50=percentile(standings, 50), standings_p99=percentile(standings, 99))
    for read in ("scores", "criteria"):
        runs = [run([binary] + t + ["--bloc", "K001", read, "--year", str(open_year)])[0] for _ in range(args.runs)]
        result.update({read + "_p50": percentile(runs, 50), read + "_p99": percentile(runs, 99)})
    small_replays = [run([binary] + t + ["--bloc", "K002", "replay", "--year", "2017", "--format", "json"])[0] for _ in range(10)]
    result.update(replay_small=statistics.median(small_replays))
    big_replays = [run([binary] + t + ["--bloc", "K001", "replay", "--year", str(open_year), "--format", "json"], measure_memory=True)
                   for _ in range(3)]
    result.update(replay_big=statistics.median(r[0] for r in big_replays), replay_rss=max(r[1] for r in big_replays))
    result.update(report_benchmarks(binary, t, open_year, work))
    elapsed, rss, _ = run([binary] + t + ["rebuild"], measure_memory=True)
    result.update(rebuild_s=elapsed, rebuild_rss=rss)
    elapsed, rss, _ = run([binary] + t + ["verify"], measure_memory=True)
    result.update(verify_s=elapsed, verify_rss=rss)
    result.update(verify_quick_s=run([binary] + t + ["verify", "--quick"])[0])

    checkpoint = sqlite3.connect(db)
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    export = os.path.join(work, "export.jsonl")
    with open(export, "wb") as out:
        run([binary] + t + ["export"], stdout=out)
    total = count + sum(1 for _ in open(small)) + args.runs
    result.update(db_bytes_per_event=os.path.getsize(db) / total, export_bytes_per_event=os.path.getsize(export) / total)
    result.update(copies(binary, db, export, work))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    if signed:
        result.update(signed_bench(big, first_year + years - 1, work, args, binary))
    shutil.rmtree(work)
    return result


def copies(binary, db, export, work):
    """Verbatim copies and backups (§13): restore of the verbatim export beside append of the plain one, each into a
    new log; verify --export of the verbatim export; backup of the log (verified, digest printed)."""
    verbatim = os.path.join(work, "verbatim.jsonl")
    with open(verbatim, "wb") as out:
        run([binary, "--db", db, "export", "--verbatim"], stdout=out)
    timings = {"restore_s": [], "append_plain_s": [], "backup_s": []}
    for attempt in range(3):
        for key, argv in (("append_plain_s", ["append", export]), ("restore_s", ["restore", verbatim])):
            target = os.path.join(work, "copy.sqlite")
            timings[key].append(run([binary, "--db", target] + argv)[0])
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(target + suffix):
                    os.unlink(target + suffix)
        backup = os.path.join(work, "backup.sqlite")
        timings["backup_s"].append(run([binary, "--db", db, "backup", backup])[0])
        os.unlink(backup)
    result = {key: statistics.median(values) for key, values in timings.items()}
    result["verify_export_s"] = statistics.median(run([binary, "verify", "--export", verbatim])[0] for _ in range(3))
    os.unlink(verbatim)
    return result


def test_seed(holder):
    """A fixed TEST seed per holder, so every run signs alike: never a real key."""
    return hashlib.sha256(b"thidua bench TEST key " + holder.encode()).digest()


def write_key(path, holder):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write("thidua-ed25519-private-key v1 %s %s\n" % (holder, base64.b64encode(test_seed(holder)).decode()))


def sign_history(history, work, binary):
    """A signed copy of `history`: after bloc.founded, the secretariat registers its own key (unsigned: no key
    is registered before it), then every member's and adopts `signatures: required` from the first year; every
    line after the first two gets a time-ordered id and is signed by its actor's TEST key with `thidua sign`,
    one process per actor, two at a time. Returns (path, key files by holder, events)."""
    lines = open(history, encoding="utf-8").read().splitlines()
    founded = json.loads(lines[0])
    bloc, first_year = founded["bloc"], json.loads(lines[1])["year"]
    actors = []
    for line in lines[1:]:
        start = line.index('"actor":"') + 9
        actors.append(line[start:line.index('"', start)])
    holders = sorted(set(actors) | {"secretariat"})
    keys = {}
    for holder in holders:
        keys[holder] = os.path.join(work, "%s.key" % holder)
        write_key(keys[holder], holder)
    public = {h: base64.b64encode(ed25519.public_key(test_seed(h))).decode() for h in holders}
    at = founded["occurredAt"]

    def bloc_line(kind, data):
        return json.dumps({"type": kind, "bloc": bloc, "actor": "secretariat", "occurredAt": at, "data": data},
                          ensure_ascii=False, separators=(",", ":"))

    unsigned = [lines[0], bloc_line("key.registered", {"holder": "secretariat", "publicKey": public["secretariat"],
                                                          "label": "TEST key"})]
    setup = [bloc_line("key.registered", {"holder": h, "publicKey": public[h], "label": "TEST key"})
             for h in holders if h != "secretariat"]
    setup.append(bloc_line("rules.adopted", {"fromYear": first_year, "signatures": "required"}))
    to_sign = setup + lines[1:]
    actors = ["secretariat"] * len(setup) + actors
    del lines
    # Time-ordered ids, as thidua generates for lines without one, so UNIQUE(id) grows at its end.
    base = 0x018c0000_0000
    by_actor = {h: [] for h in holders}
    for n, (line, actor) in enumerate(zip(to_sign, actors)):
        by_actor[actor].append('{"id":"%08x-%04x-7000-8000-%012x",' % (base >> 16, base & 0xffff, n) + line[1:])
    del to_sign
    outputs = {}
    pending = list(holders)
    running = []
    while pending or running:
        while pending and len(running) < 2:
            holder = pending.pop()
            source = os.path.join(work, "%s.unsigned.jsonl" % holder)
            with open(source, "w", encoding="utf-8") as f:
                f.write("\n".join(by_actor[holder]) + "\n")
            outputs[holder] = os.path.join(work, "%s.signed.jsonl" % holder)
            running.append((holder, source, subprocess.Popen([binary, "sign", source, "--key", keys[holder]],
                                                             stdout=open(outputs[holder], "wb"), stderr=subprocess.PIPE)))
        holder, source, process = running.pop(0)
        if process.wait() != 0:
            raise SystemExit("thidua sign failed for %s: %s" % (holder, process.stderr.read().decode()))
        os.unlink(source)
    del by_actor
    readers = {h: open(outputs[h], encoding="utf-8") for h in holders}
    path = os.path.join(work, "signed.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for line in unsigned:
            out.write(line + "\n")
        for actor in actors:
            out.write(readers[actor].readline())
    for h in holders:
        readers[h].close()
        os.unlink(outputs[h])
    return path, keys, len(unsigned) + len(actors)


def signed_bench(history, open_year, work, args, binary):
    """The signed import beside the bare Ed25519 loop over the same signatures, alternated in one sitting;
    then `score submit --key` on the signed log."""
    start = time.perf_counter()
    signed, keys, events = sign_history(history, work, binary)
    result = {"signed_events": events, "signing_s": time.perf_counter() - start}
    db = os.path.join(work, "signed.sqlite")
    imports, loops = [], []
    for attempt in range(args.import_runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        imports.append(run([binary, "--db", db, "append", signed], measure_memory=True))
        loops.append(json.loads(run([binary, "bench-signatures", signed], stdout=subprocess.PIPE)[2]))
    count = sqlite3.connect(db).execute("SELECT COUNT(*), COUNT(signature) FROM event").fetchone()
    elapsed = statistics.median(i[0] for i in imports)
    loop_rate = statistics.median(float(l["perSecond"]) for l in loops)
    if loops[0]["signatures"] != count[1]:
        raise SystemExit("the loop verified %d signatures, the import stored %d" % (loops[0]["signatures"], count[1]))
    result.update(signed_count=count[0], signatures=count[1], signed_import_s=elapsed, signed_import_rate=count[1] / elapsed,
                  signed_import_rss=max(i[1] for i in imports), loop_rate=loop_rate, loop_threads=loops[0]["threads"])
    os.sync()
    time.sleep(2)
    submits = []
    for i in range(args.runs):
        elapsed, _, _ = run([binary, "--db", db, "--bloc", "K001", "--as", "M001", "score", "submit", "--year", str(open_year),
                             "--criterion", "1.1", "--points", str(i % 5), "--key", keys["M001"]])
        submits.append(elapsed)
    result.update(key_submit_p50=percentile(submits, 50), key_submit_p99=percentile(submits, 99))
    result.update(remote_bench(db, open_year, args, binary, keys["M001"]))
    return result


def remote_bench(db, open_year, args, binary, key):
    """`score submit --key` and `standings` from a separate CLI process acting on `thidua serve` over the same signed
    log (--server, loopback): what a member in its own office waits for."""
    server = subprocess.Popen([binary, "serve", "--db", db, "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        url = "http://127.0.0.1:" + server.stdout.readline().strip().rsplit(":", 1)[-1]
        remote = [binary, "--server", url, "--bloc", "K001"]
        submits = [run(remote + ["--as", "M001", "score", "submit", "--year", str(open_year), "--criterion", "1.1",
                                 "--points", str(i % 5), "--key", key])[0] for i in range(args.runs)]
        standings = [run(remote + ["standings", "--year", str(open_year)])[0] for _ in range(args.runs)]
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"remote_submit_p50": percentile(submits, 50), "remote_submit_p99": percentile(submits, 99),
            "remote_standings_p50": percentile(standings, 50), "remote_standings_p99": percentile(standings, 99)}


EVIDENCE_BYTES = 10 * 1024 * 1024


def evidence_bench(work, args, binary):
    """`evidence add` of a 10 MiB document, new content each run, into a small log; then `evidence get` of one."""
    db = os.path.join(work, "evidence.sqlite")
    run([binary, "--db", db, "init", "--bloc", "EVID", "--name", "Minh chứng"])
    document = os.path.join(work, "document.bin")
    block = os.urandom(EVIDENCE_BYTES)
    adds, peaks, last = [], [], None
    for i in range(min(args.runs, 10)):
        with open(document, "wb") as out:
            out.write(i.to_bytes(8, "big") + block[8:])
        elapsed, rss, printed = run([binary, "--db", db, "evidence", "add", document], stdout=subprocess.PIPE, measure_memory=True)
        adds.append(elapsed)
        peaks.append(rss)
        last = printed.decode().strip()
    copy = os.path.join(work, "copy.bin")
    get_s, get_rss, _ = run([binary, "--db", db, "evidence", "get", last, "--out", copy], measure_memory=True)
    if hashlib.sha256(open(copy, "rb").read()).hexdigest() != last:
        raise SystemExit("evidence get did not give the document back")
    return {"evidence_add_p50": percentile(adds, 50), "evidence_add_rss": max(peaks), "evidence_get_s": get_s,
            "evidence_get_rss": get_rss}


def evidence_table(r):
    return "\n".join([
        "| evidence documents (10 MiB, a new one each run) | |",
        "|---|---|",
        "| evidence add (read in 1 MiB chunks, hashed as read, kept in the log), p50 | %.0f ms |" % (r["evidence_add_p50"] * 1000),
        "| peak memory of evidence add / evidence get --out | %d / %d MiB |" % (r["evidence_add_rss"] // 1024, r["evidence_get_rss"] // 1024),
        "| evidence get --out | %.0f ms |" % (r["evidence_get_s"] * 1000),
    ])


def evidence_checks(r):
    return [("an evidence document of 10 MB added in ≤ 0.5 s", r["evidence_add_p50"] <= 0.5, "%.0f ms" % (r["evidence_add_p50"] * 1000)),
            ("memory bounded by the document (evidence add peak ≤ 3× its size + 40 MiB)",
             r["evidence_add_rss"] <= 3 * EVIDENCE_BYTES // 1024 + 40 * 1024, "%d MiB" % (r["evidence_add_rss"] // 1024))]


SERVER_CLIENTS = 32


def server_bench(args, binary):
    """Tools/load_server.py: group commit and one transaction per request, side by side."""
    import load_server
    results, found = load_server.measure(binary, clients=SERVER_CLIENTS, events=args.server_events, rounds=args.server_rounds)
    return {"server_group": load_server.median_run(results, "group"), "server_each": load_server.median_run(results, "each"),
            "server_ratios": load_server.ratios(results), "server_runs": len(results), "server_problems": found}


def server_table(r):
    group, each = r["server_group"], r["server_each"]

    def ms(x):
        return "—" if x is None else "%.1f ms" % (x * 1000)

    def us(x):
        return "—" if x is None else "%.0f µs" % (x * 1e6)

    lines = ["| server (thidua serve, loopback): %d clients × %d single signed events; the median run of %d rounds, the modes in turn "
             "| group commit | one transaction per request |"
             % (group["clients"], group["acknowledged"] // max(1, group["clients"]), len(r["server_ratios"])),
             "|---|---|---|"]
    for name, f in [("throughput (events acknowledged 201 per second)", lambda m: "%.0f/s" % m["rate"]),
                    ("request latency p50 / p99 (send to 201)", lambda m: "%s / %s" % (ms(m["latencyP50"]), ms(m["latencyP99"]))),
                    ("SSE delay p50 / p99 (201 to the event on GET /v1/log's stream)",
                     lambda m: "%s / %s" % (ms(m["sseP50"]), ms(m["sseP99"]))),
                    ("server CPU per event (user + system)", lambda m: us(m["serverCPUPerEvent"])),
                    ("this disk's fdatasync of 4 KiB, median (what each durable commit waits for)", lambda m: us(m["flushSeconds"])),
                    ("load generator CPU per event (on the same cores)", lambda m: us(m.get("clientCPUPerEvent"))),
                    ("201s / rows appended / streamed once; verify", lambda m: "%d / %d / %d; exit %d" % (
                        m["acknowledged"], m["rowsAfter"] - m["rowsBefore"], m["streamed"], m["verifyStatus"]))]:
        lines.append("| %s | %s | %s |" % (name, f(group), f(each)))
    return "\n".join(lines)


def server_checks(r):
    group, each = r["server_group"], r["server_each"]
    ratios = r["server_ratios"]
    ratio = statistics.median(ratios) if ratios else 0
    return [
        ("server: group commit ≥ 10× the throughput of one transaction per request (32 clients, single signed events)",
         ratio >= 10, "%.1f×, the median of %d rounds (%s); median runs %.0f/s vs %.0f/s" % (
             ratio, len(ratios), ", ".join("%.1f×" % x for x in ratios), group["rate"], each["rate"])),
        ("server: request p99 ≤ 25 ms (group commit)", group["latencyP99"] is not None and group["latencyP99"] <= 0.025,
         "—" if group["latencyP99"] is None else "%.1f ms" % (group["latencyP99"] * 1000)),
        ("server: nothing lost (201s = rows appended, gap-free, verify, each position streamed once)", not r["server_problems"],
         "; ".join(r["server_problems"]) or "%d runs of %d events each" % (r["server_runs"], group["acknowledged"])),
        ("server: an SSE follower sees every event within 100 ms (p99)", group["sseP99"] is not None and group["sseP99"] <= 0.1,
         "—" if group["sseP99"] is None else "%.0f ms" % (group["sseP99"] * 1000)),
    ]


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return "%s, %d cores, %s, SQLite %s, Python %s" % (cpu, os.cpu_count(), platform.platform(), sqlite3.sqlite_version,
                                                       platform.python_version())


def report_benchmarks(binary, t, open_year, work):
    """The year report (§11) end to end, HTML to standard output: the seed's 2017 in a log of its own, and the
    100k-event year of the big log."""
    seed_db = ["--db", os.path.join(work, "seed.sqlite")]
    run([binary] + seed_db + ["append", os.path.join(ROOT, "EventLog/examples/bdtw-2017-2018.jsonl")])
    seed = [run([binary] + seed_db + ["report", "--year", "2017"])[0] for _ in range(10)]
    big = [run([binary] + t + ["--bloc", "K001", "report", "--year", str(open_year)], measure_memory=True) for _ in range(3)]
    return dict(report_seed=statistics.median(seed), report_big=statistics.median(r[0] for r in big), report_rss=max(r[1] for r in big))


def table(results):
    def ms(x):
        return "%.1f ms" % (x * 1000)

    def rate(x):
        return "—" if x is None else "%.1fk/s" % (x / 1000)

    lines = ["| measure | " + " | ".join("%s events" % format(r["events"], ",") for r in results) + " |",
             "|---|" + "---|" * len(results)]

    def row(name, f):
        lines.append("| %s | %s |" % (name, " | ".join(f(r) for r in results)))

    row("import (thidua append, validated, hashed, projected)", lambda r: "%s (%.1f s)" % (rate(r["import_rate"]), r["import_s"]))
    row("raw SQLite ceiling (same rows, indexes and page size, synchronous=FULL, one statement a row)", lambda r: rate(r["raw_rate"]))
    row("thidua / raw ceiling", lambda r: "%.0f%%" % (100 * r["import_rate"] / r["raw_rate"]))
    row("Python eventsourcing: same history, checked and folded per stream, 1000-event transactions", lambda r: rate(r["es_rate"]))
    row("Python eventsourcing: its SQLite recorder alone, same rows, no domain objects", lambda r: rate(r["es_recorder_rate"]))
    row("thidua / eventsourcing (same history)", lambda r: "—" if r["es_rate"] is None else "%.2f×" % (r["import_rate"] / r["es_rate"]))
    row("score submit end to end, p50 / p99 (100k-event year)", lambda r: "%s / %s" % (ms(r["submit_p50"]), ms(r["submit_p99"])))
    row("standings end to end, p50 / p99", lambda r: "%s / %s" % (ms(r["standings_p50"]), ms(r["standings_p99"])))
    row("scores (the year's sheet) end to end, p50 / p99", lambda r: "%s / %s" % (ms(r["scores_p50"]), ms(r["scores_p99"])))
    row("criteria end to end, p50 / p99", lambda r: "%s / %s" % (ms(r["criteria_p50"]), ms(r["criteria_p99"])))
    row("replay of a small year (≈100 events)", lambda r: ms(r["replay_small"]))
    row("replay of the 100k-event year", lambda r: ms(r["replay_big"]))
    row("year report (thidua report, HTML): the seed's 2017 / the 100k-event year",
        lambda r: "%s / %s (%d MiB)" % (ms(r["report_seed"]), ms(r["report_big"]), r["report_rss"] // 1024))
    row("eventsourcing: read back and fold the largest stream", lambda r: rate(r["es_fold_rate"]))
    row("rebuild", lambda r: "%.2f s" % r["rebuild_s"])
    row("verify (chain, every event re-decided, integrity_check, triggers, projections)", lambda r: "%.2f s" % r["verify_s"])
    row("verify --quick (quick_check instead of integrity_check)", lambda r: "%.2f s" % r["verify_quick_s"])
    row("restore of the verbatim export / append of the plain export, each into a new log", lambda r: "%.2f s / %.2f s" % (
        r["restore_s"], r["append_plain_s"]))
    row("verify --export of the verbatim export (chain, every event re-decided)", lambda r: "%.2f s" % r["verify_export_s"])
    row("backup (online copy, then verify of the copy)", lambda r: "%.2f s" % r["backup_s"])
    row("database bytes per event / export bytes per event", lambda r: "%.0f / %.0f (%.2f×)" % (
        r["db_bytes_per_event"], r["export_bytes_per_event"], r["db_bytes_per_event"] / r["export_bytes_per_event"]))
    row("peak memory: import / replay / rebuild / verify", lambda r: "%d / %d / %d / %d MiB" % (
        r["import_rss"] // 1024, r["replay_rss"] // 1024, r["rebuild_rss"] // 1024, r["verify_rss"] // 1024))
    return "\n".join(lines)


def signed_table(r):
    def rate(x):
        return "%.1fk/s" % (x / 1000)

    lines = ["| signed history: %s events, %s of them signed | |" % (format(r["signed_count"], ","), format(r["signatures"], ",")),
             "|---|---|",
             "| signed import (thidua append: every signature verified, on every core, keys and holders checked, hashed, projected) | "
             "%s (%.1f s) |" % (rate(r["signed_import_rate"]), r["signed_import_s"]),
             "| bare Ed25519 loop over the same signatures and signing bytes (swift-crypto, %d threads; thidua bench-signatures) | %s |"
             % (r["loop_threads"], rate(r["loop_rate"])),
             "| signed import / bare loop | %.0f%% |" % (100 * r["signed_import_rate"] / r["loop_rate"]),
             "| score submit --key end to end on the signed log (100k-event year, signatures required), p50 / p99 | %.1f ms / %.1f ms |"
             % (r["key_submit_p50"] * 1000, r["key_submit_p99"] * 1000),
             "| score submit --key through thidua serve (--server, loopback, a CLI process each), p50 / p99 | %.1f ms / %.1f ms |"
             % (r["remote_submit_p50"] * 1000, r["remote_submit_p99"] * 1000),
             "| standings through thidua serve (--server, loopback, a CLI process each), p50 / p99 | %.1f ms / %.1f ms |"
             % (r["remote_standings_p50"] * 1000, r["remote_standings_p99"] * 1000),
             "| peak memory of the signed import | %d MiB |" % (r["signed_import_rss"] // 1024),
             "| signing the history (thidua sign, one process per actor, two at a time) | %.0f s |" % r["signing_s"]]
    return "\n".join(lines)


def signed_checks(r):
    return [
        ("signed import ≥ 70% of a bare Ed25519 loop over the same signatures on both cores",
         r["signed_import_rate"] >= 0.7 * r["loop_rate"], "%.0f%% (%s vs %s)" % (
             100 * r["signed_import_rate"] / r["loop_rate"], rate_text(r["signed_import_rate"]), rate_text(r["loop_rate"]))),
        ("score submit --key ≤ 20 ms median on the signed 1M log", r["key_submit_p50"] <= 0.020, "%.1f ms" % (r["key_submit_p50"] * 1000)),
    ]


def checks_table(checks):
    lines = ["| §8 target | measured | met |", "|---|---|---|"]
    lines += ["| %s | %s | %s |" % (name, value, "yes" if ok else "**no**") for name, ok, value in checks]
    return "\n".join(lines)


def targets(results):
    big = results[-1]
    first = results[0]
    checks = [
        ("import ≥ 150k events/s", big["import_rate"] >= 150_000, rate_text(big["import_rate"])),
        ("import ≥ 50% of the raw SQLite ceiling", big["import_rate"] >= 0.5 * big["raw_rate"],
         "%.0f%%" % (100 * big["import_rate"] / big["raw_rate"])),
        ("import ≥ 3× Python eventsourcing", big["es_rate"] is not None and big["import_rate"] >= 3 * big["es_rate"],
         "—" if big["es_rate"] is None else "%.2f×" % (big["import_rate"] / big["es_rate"])),
        ("score submit ≤ 20 ms median on a 1M log, 100k-event year", big["submit_p50"] <= 0.020, "%.1f ms" % (big["submit_p50"] * 1000)),
        ("standings ≤ 15 ms", big["standings_p50"] <= 0.015, "%.1f ms" % (big["standings_p50"] * 1000)),
        ("scores (the sheet) ≤ 15 ms", big["scores_p50"] <= 0.015, "%.1f ms" % (big["scores_p50"] * 1000)),
        ("criteria ≤ 15 ms", big["criteria_p50"] <= 0.015, "%.1f ms" % (big["criteria_p50"] * 1000)),
        ("replay of a 100k-event year ≤ 0.2 s", big["replay_big"] <= 0.2, "%.2f s" % big["replay_big"]),
        ("year report of the seed's 2017 ≤ 100 ms", big["report_seed"] <= 0.1, "%.0f ms" % (big["report_seed"] * 1000)),
        ("year report of a 100k-event year ≤ 1 s", big["report_big"] <= 1, "%.2f s" % big["report_big"]),
        ("rebuild of 1M events ≤ 5 s", big["rebuild_s"] <= 5, "%.2f s" % big["rebuild_s"]),
        ("verify of 1M events ≤ 3 s (with integrity_check)", big["verify_s"] <= 3, "%.2f s" % big["verify_s"]),
        ("verify of 1M events ≤ 3 s (verify --quick)", big["verify_quick_s"] <= 3, "%.2f s" % big["verify_quick_s"]),
        ("verify of 1M events, re-deciding every event, ≤ 4 s (§14)", big["verify_s"] <= 4, "%.2f s" % big["verify_s"]),
        ("restore of 1M events at least as fast as append of its plain export", big["restore_s"] <= big["append_plain_s"],
         "%.2f s vs %.2f s" % (big["restore_s"], big["append_plain_s"])),
        ("backup of 1M events ≤ 5 s", big["backup_s"] <= 5, "%.2f s" % big["backup_s"]),
        ("verify --export of 1M events ≤ 4 s", big["verify_export_s"] <= 4, "%.2f s" % big["verify_export_s"]),
        ("database ≤ 2× the JSON Lines export", big["db_bytes_per_event"] <= 2 * big["export_bytes_per_event"],
         "%.2f×" % (big["db_bytes_per_event"] / big["export_bytes_per_event"])),
        ("one append, standings, small replay flat from %s to %s events" % (format(first["events"], ","), format(big["events"], ",")),
         big["submit_p50"] <= 1.5 * first["submit_p50"] and big["standings_p50"] <= 1.5 * first["standings_p50"]
         and big["replay_small"] <= 1.5 * first["replay_small"],
         "%.1f→%.1f, %.1f→%.1f, %.1f→%.1f ms" % (first["submit_p50"] * 1000, big["submit_p50"] * 1000, first["standings_p50"] * 1000,
                                              big["standings_p50"] * 1000, first["replay_small"] * 1000, big["replay_small"] * 1000)),
    ]
    if "loop_rate" in big:
        checks += signed_checks(big)
    if "evidence_add_p50" in big:
        checks += evidence_checks(big)
    if "server_group" in big:
        checks += server_checks(big)
    return checks_table(checks)


def rate_text(x):
    return "%.1fk/s" % (x / 1000)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="100000,1000000")
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--import-runs", type=int, default=3, help="imports into a fresh log per size; the median is reported")
    p.add_argument("--binary", default=os.path.join(ROOT, ".build/release/thidua"))
    p.add_argument("--only-signed", action="store_true",
                   help="only the signed import, the bare Ed25519 loop and score submit --key, on the largest size")
    p.add_argument("--only-evidence", action="store_true", help="only evidence add and get of a 10 MiB document")
    p.add_argument("--only-server", action="store_true",
                   help="only the server load test (Tools/load_server.py): group commit against a transaction per request")
    p.add_argument("--server-events", type=int, default=200, help="events each of the server load test's 32 clients posts")
    p.add_argument("--server-rounds", type=int, default=5, help="rounds of the server load test, the two modes in turn")
    p.add_argument("--write", help="write the report to this Markdown file")
    args = p.parse_args()
    if not os.path.exists(args.binary):
        raise SystemExit("no release binary at %s; run swift build -c release -Xswiftc -static-stdlib first" % args.binary)
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.only_server:
        result = server_bench(args, args.binary)
        print(server_table(result) + "\n\n" + checks_table(server_checks(result)))
        return
    if args.only_evidence:
        work = tempfile.mkdtemp(prefix="thidua-bench-")
        result = evidence_bench(work, args, args.binary)
        shutil.rmtree(work)
        print(evidence_table(result) + "\n\n" + checks_table(evidence_checks(result)))
        return
    if args.only_signed:
        if args.write:
            raise SystemExit("--only-signed prints its rows; --write needs the whole run")
        work = tempfile.mkdtemp(prefix="thidua-bench-")
        big, _, first_year, years = histories(sizes[-1], work)
        print("benchmarking the signed %s-event history…" % format(sizes[-1], ","), file=sys.stderr)
        result = signed_bench(big, first_year + years - 1, work, args, args.binary)
        shutil.rmtree(work)
        print(signed_table(result) + "\n\n" + checks_table(signed_checks(result)))
        return
    results = []
    for size in sizes:
        print("benchmarking %s events…" % format(size, ","), file=sys.stderr)
        results.append(bench(size, args, args.binary, signed=size == sizes[-1]))
    work = tempfile.mkdtemp(prefix="thidua-bench-")
    results[-1].update(evidence_bench(work, args, args.binary))
    shutil.rmtree(work)
    print("benchmarking the server…", file=sys.stderr)
    results[-1].update(server_bench(args, args.binary))
    report = "\n\n".join([
        "# Benchmarks",
        "Measured by `python3 Tools/bench.py` on %s; %s. Release build; WAL, synchronous=FULL; "
        "every row of a table measured in the same run, since absolute times drift on shared machines." % (
            datetime.date.today().isoformat(), machine()),
        table(results),
        signed_table(results[-1]),
        evidence_table(results[-1]),
        server_table(results[-1]),
        targets(results),
    ])
    print(report)
    if args.write:
        kept = ""
        if os.path.exists(args.write):
            previous = open(args.write).read()
            marker = previous.find("\n## History")
            kept = previous[marker:] if marker >= 0 else ""
        with open(args.write, "w") as out:
            out.write(report + "\n" + kept)


if __name__ == "__main__":
    main()
