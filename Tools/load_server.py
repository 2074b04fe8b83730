#!/usr/bin/env python3
"""Load test of `thidua serve` (§12, §8 wave 2): concurrent clients posting single signed events on loopback.

Usage (after `swift build -c release -Xswiftc -static-stdlib`):
    python3 Tools/load_server.py [--binary .build/release/thidua] [--clients 32] [--events 100]
                                 [--modes group,each] [--max-seconds 60] [--rounds 1] [--json]

For each mode it starts a server on a fresh copy of the signed seed (EventLog/examples/signed: the BDTW bloc, its
open 2018, signatures required, TEST keys only), on a free loopback port:
  group  `thidua serve` as it ships: concurrent requests share one transaction (group commit);
  each   `thidua serve --max-group 1`: the benchmark switch for one transaction per request, the baseline.
`--clients` clients (each one kept-alive connection; all of them on one event loop, or spread over `--processes`
loops) each post `--events` single `score.submitted` events, one request per event, signed beforehand by the
members' TEST keys with `thidua sign`, and the requests built before the clock starts (so the clock measures the
server, not the signing; the loop only sends, waits and notes the time, and reads the answers' JSON after the run).
A follower, in a process of its own, reads `GET /v1/log` as server-sent events from the position before the load.

Reported per mode: throughput (acknowledged events per second, from the first request to the last answer), request
latency p50/p99 (send to the end of the 201), the CPU the server and the clients used per event, the SSE delay p50/p99 (from a request's 201 to its event on the stream,
the same monotonic clock in both processes), and the checks that nothing was lost: every request answered 201; the
201s name as many events as rows were appended; the positions they name are distinct and gap-free and the log's
positions are gap-free; `thidua verify` exits 0; the stream carried every acknowledged position exactly once, in
order, each event's `data:` line byte for byte what `thidua log --format json` prints for its position; the
server stopped on SIGTERM with exit 0. Any failed check is printed and the exit status is 1.

With `--rounds N` the modes run in turn N times, each round on fresh copies of the seed with the same requests, and
the median throughput of each mode and the ratio of group commit to one transaction per request, round by round, are
printed after every run's line: on a shared machine one run of each mode is a noisy comparison. The time this disk
takes to make 4 KiB durable (a write and fdatasync, the median of 200 in the same folder as the logs) is printed too:
it is what group commit shares among the requests of a group.

Bounded: each client stops at its count or after --max-seconds, whichever comes first; every process the tool
starts (servers, signers, the follower) is stopped before it exits.
"""
import argparse
import json
import multiprocessing
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIGNED_SEED = os.path.join(ROOT, "EventLog", "examples", "signed", "bdtw-2017-2018-signed.jsonl")
YEAR = 2018
OCCURRED_AT = "2018-12-01T08:00:00+07:00"
MODES = {"group": [], "each": ["--max-group", "1"]}
# Ways to doctor a run's results before the checks, so a test can see the checks notice a lost or repeated event.
DOCTORS = ("extra-ack", "drop-streamed", "duplicate-streamed", "drop-row", "reorder-streamed", "alter-streamed")


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def seed_lines():
    with open(SIGNED_SEED, encoding="utf-8") as handle:
        return handle.read().splitlines()


def members_and_criteria(lines):
    members, criteria = [], []
    for line in lines:
        event = json.loads(line)
        if event.get("year") != YEAR:
            continue
        if event["type"] == "year.opened":
            members = [m["code"] for m in event["data"]["members"]]
        elif event["type"] == "criterion.set" and event["data"].get("kind") == "base":
            criteria.append(event["data"]["code"])
    if not members or not criteria:
        raise SystemExit("error: the signed seed has no open %d with members and base criteria" % YEAR)
    return members, criteria


def presign(work, binary, clients, events):
    """`events` signed lines per client: client i acts as member i mod 8 (its own scores), criteria in turn, 0 points."""
    members, criteria = members_and_criteria(seed_lines())
    keys = os.path.join(work, "keys")
    subprocess.run([sys.executable, os.path.join(ROOT, "Tools", "signed_example.py"), "--keys", keys], check=True,
                   stdout=subprocess.DEVNULL)
    unsigned = {m: [] for m in members}
    owner = []
    for client in range(clients):
        member = members[client % len(members)]
        for n in range(events):
            number = len(unsigned[member])
            unsigned[member].append(json.dumps({
                "id": "0194%04x-%04x-7000-8000-%012x" % (client, n & 0xffff, number), "type": "score.submitted", "bloc": "BDTW",
                "year": YEAR, "actor": member, "occurredAt": OCCURRED_AT,
                "data": {"member": member, "criterion": criteria[n % len(criteria)], "points": 0}}, separators=(",", ":")))
            owner.append((client, member, number))
    signed = {}
    for member, lines in unsigned.items():
        if not lines:
            continue
        source = os.path.join(work, "%s.jsonl" % member)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        done = subprocess.run([binary, "sign", source, "--key", os.path.join(keys, member.lower() + ".key")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise SystemExit("error: thidua sign for %s: %s" % (member, done.stderr.decode()))
        signed[member] = done.stdout.decode("utf-8").splitlines()
    bodies = [[] for _ in range(clients)]
    for client, member, number in owner:
        bodies[client].append((signed[member][number] + "\n").encode("utf-8"))
    return bodies


class Server:
    """`thidua serve` on a free loopback port; `stop()` sends SIGTERM and waits (SIGKILL after 30 s)."""

    def __init__(self, binary, db, extra):
        self.process = subprocess.Popen([binary, "serve", "--db", db, "--listen", "127.0.0.1:0"] + extra,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.process.stdout.readline().decode()
        match = re.search(r":(\d+)\s*$", line)
        if not match:
            self.stop()
            raise SystemExit("error: serve printed no port: %r %s" % (line, self.process.stderr.read().decode()))
        self.port = int(match.group(1))

    def cpu_seconds(self):
        """User and system CPU the server has used so far (Linux's /proc; None elsewhere)."""
        try:
            with open("/proc/%d/stat" % self.process.pid) as stat:
                fields = stat.read().rpartition(")")[2].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.process.returncode


class Connection:
    """One client: a kept-alive connection that posts its requests one at a time."""

    def __init__(self, port, bodies):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.settimeout(30)
        prefix = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/x-ndjson\r\n" % port
        self.requests = [(prefix + "Content-Length: %d\r\n\r\n" % len(b)).encode() + b for b in bodies]
        self.next = 0
        self.buffer = b""
        self.began = 0.0
        self.out = []

    def send(self, deadline):
        """Sends the next request; False when there is none left (or the time is up)."""
        now = time.monotonic()
        if self.next == len(self.requests) or now > deadline:
            return False
        self.began = now
        self.sock.sendall(self.requests[self.next])
        self.next += 1
        return True

    def response(self):
        """The response once it is complete in the buffer: (status, body), the buffer keeping what follows; else None."""
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return None
        head = self.buffer[:head_end].lower()
        status = int(head.split(b" ", 2)[1])
        at = head.find(b"\r\ncontent-length:")
        if at < 0:
            if b"transfer-encoding: chunked" not in head:
                return status, self.take(head_end + 4, head_end + 4)
            return self.chunked(status, head_end + 4)
        line_end = head.find(b"\r\n", at + 2)
        end = head_end + 4 + int(head[at + 17:line_end if line_end >= 0 else len(head)])
        if len(self.buffer) < end:
            return None
        return status, self.take(head_end + 4, end)

    def chunked(self, status, at):
        body = b""
        while True:
            line_end = self.buffer.find(b"\r\n", at)
            if line_end < 0:
                return None
            size = int(self.buffer[at:line_end].split(b";")[0], 16)
            if len(self.buffer) < line_end + 2 + size + 2:
                return None
            body += self.buffer[line_end + 2:line_end + 2 + size]
            at = line_end + 2 + size + 2
            if size == 0:
                self.take(at, at)
                return status, body

    def take(self, start, end):
        """The buffer's bytes start..<end, dropping everything before `end`."""
        taken = self.buffer[start:end]
        self.buffer = self.buffer[end:]
        return taken


def client_process(port, client_bodies, start_at, deadline, results):
    """Several clients in one process, on one event loop: each sends its next request as soon as its last is answered.

    The loop does as little as it can while the clock runs (the clients share the cores with the server): requests are
    built before the start, and the answers' JSON is read only after the last one."""
    import selectors
    connections = [Connection(port, bodies) for bodies in client_bodies]
    selector = selectors.DefaultSelector()
    time.sleep(max(0.0, start_at - time.monotonic()))
    cpu = time.process_time()
    errors = []
    for connection in connections:
        try:
            if connection.send(deadline):
                selector.register(connection.sock, selectors.EVENT_READ, connection)
        except OSError as error:
            errors.append((time.monotonic(), time.monotonic(), "error: %s" % error, b""))
    while selector.get_map():
        ready = selector.select(timeout=30)
        if not ready:
            errors.append((time.monotonic(), time.monotonic(), "error: no answer in 30 s", b""))
            break
        for key, _ in ready:
            connection = key.data
            try:
                chunk = connection.sock.recv(65536)
                if not chunk:
                    raise ConnectionError("the server closed the connection")
                connection.buffer += chunk
                answered = connection.response()
                if answered is None:
                    continue
                status, body = answered
                connection.out.append((connection.began, time.monotonic(), status, body))
                if connection.send(deadline):
                    continue
            except (OSError, ValueError, IndexError) as error:
                errors.append((time.monotonic(), time.monotonic(), "error: %s" % error, b""))
            selector.unregister(connection.sock)
            connection.sock.close()
    for key in list(selector.get_map().values()):
        key.fileobj.close()
    selector.close()
    cpu = time.process_time() - cpu
    rows = []
    for began, ended, status, body in [row for c in connections for row in c.out] + errors:
        positions = []
        if status == 201:
            try:
                positions = [a["position"] for a in json.loads(body)["appended"]]
            except (ValueError, KeyError, TypeError):
                status = "201 with an unreadable body"
        rows.append((began, ended, status, positions))
    results.put((rows, cpu))


def follower(port, after, ready, stop_at, results):
    """Reads the SSE stream from position `after`; records (position, arrival) and each event's `data:` line until told
    the last position and seen it, or a deadline passes."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.settimeout(0.2)
    sock.sendall(("GET /v1/log HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: text/event-stream\r\nLast-Event-ID: %d\r\n\r\n"
                  % (port, after)).encode())
    seen, data, raw, text, headers_done = [], {}, b"", b"", False
    ready.set()
    give_up = time.monotonic() + 600
    try:
        while time.monotonic() < give_up:
            last = stop_at.value
            if last > 0:
                give_up = min(give_up, time.monotonic() + 10)
                if seen and max(p for p, _ in seen) >= last:
                    break
            try:
                chunk = sock.recv(1 << 20)
            except socket.timeout:
                continue
            arrived = time.monotonic()
            if not chunk:
                break
            raw += chunk
            if not headers_done:
                if b"\r\n\r\n" not in raw:
                    continue
                raw = raw.partition(b"\r\n\r\n")[2]
                headers_done = True
            # The body's chunked framing: size line, data, CRLF.
            while b"\r\n" in raw:
                size_line, _, rest = raw.partition(b"\r\n")
                size = int(size_line.split(b";")[0], 16)
                if len(rest) < size + 2:
                    break
                text += rest[:size]
                raw = rest[size + 2:]
            *lines, text = text.split(b"\n")
            for line in lines:
                if line.startswith(b"id: "):
                    seen.append((int(line[4:]), arrived))
                elif line.startswith(b"data: ") and seen:
                    data[seen[-1][0]] = line[6:]
    finally:
        sock.close()
        results.put((seen, data))


def rows(db):
    connection = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return connection.execute("SELECT COUNT(*), COALESCE(MIN(position), 0), COALESCE(MAX(position), 0) FROM event").fetchone()
    finally:
        connection.close()


def run_mode(mode, binary, bodies, work, args, round_number=1):
    db = os.path.join(work, "%s-%d.sqlite" % (mode, round_number))
    subprocess.run([binary, "--db", db, "append", SIGNED_SEED], check=True, stdout=subprocess.DEVNULL)
    before = rows(db)[0]
    server = Server(binary, db, MODES[mode])
    context = multiprocessing.get_context("fork")
    results, streamed = context.Queue(), context.Queue()
    ready, stop_at = context.Event(), context.Value("q", 0)
    processes = []
    try:
        follow = context.Process(target=follower, args=(server.port, before, ready, stop_at, streamed))
        follow.start()
        processes.append(follow)
        ready.wait(30)
        cpu_before = server.cpu_seconds()
        start_at = time.monotonic() + 0.5
        deadline = start_at + args.max_seconds
        share = max(1, min(args.processes, len(bodies)))
        for p in range(share):
            part = bodies[p::share]
            worker = context.Process(target=client_process, args=(server.port, part, start_at, deadline, results))
            worker.start()
            processes.append(worker)
        requests, client_cpu = [], 0.0
        for _ in range(share):
            rows_of_process, cpu = results.get(timeout=args.max_seconds + 120)
            requests += rows_of_process
            client_cpu += cpu
        acknowledged = [p for r in requests if r[2] == 201 for p in r[3]]
        cpu_after = server.cpu_seconds()
        stop_at.value = max(acknowledged) if acknowledged else before
        seen, streamed_data = streamed.get(timeout=60)
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
                process.join()
        status = server.stop()
    count, low, high = rows(db)
    verify = subprocess.run([binary, "--db", db, "verify"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # What the file holds after the run, as `thidua log` prints it: each streamed event must be that line exactly.
    logged = subprocess.run([binary, "--db", db, "log", "--format", "json", "--from", str(before + 1)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.splitlines()
    ok = [r for r in requests if r[2] == 201]
    started = min(r[0] for r in requests) if requests else 0
    finished = max(r[1] for r in ok) if ok else started
    ack_time = {}
    for r in ok:
        for p in r[3]:
            ack_time[p] = r[1]
    delays = [arrival - ack_time[p] for p, arrival in seen if p in ack_time]
    latencies = [r[1] - r[0] for r in ok]
    return {
        "mode": mode, "clients": len(bodies), "requests": len(requests), "acknowledged": acknowledged,
        "statuses": sorted({str(r[2]) for r in requests}), "non201": sum(1 for r in requests if r[2] != 201),
        "rowsBefore": before, "rowsAfter": count, "minPosition": low, "maxPosition": high,
        "streamed": [p for p, _ in seen if p > before], "verifyStatus": verify.returncode,
        "streamedData": {p: d for p, d in streamed_data.items() if p > before},
        "logged": {before + 1 + index: line for index, line in enumerate(logged)},
        "verifyOutput": (verify.stdout + verify.stderr).decode("utf-8", "replace").strip(), "serverStatus": status,
        "seconds": finished - started, "rate": len(acknowledged) / (finished - started) if finished > started else 0,
        "latencyP50": percentile(latencies, 50), "latencyP99": percentile(latencies, 99),
        "serverCPUPerEvent": (cpu_after - cpu_before) / len(acknowledged) if acknowledged and cpu_before is not None
        and cpu_after is not None else None,
        "clientCPUPerEvent": client_cpu / len(acknowledged) if acknowledged else None,
        "sseP50": percentile(delays, 50), "sseP99": percentile(delays, 99), "sseMax": max(delays) if delays else None,
    }


def doctor(result, how):
    """Alters a run's results as a lost or repeated event would: the checks must then fail."""
    if how == "extra-ack":
        result["acknowledged"] = result["acknowledged"] + [result["maxPosition"] + 1]
    elif how == "drop-streamed":
        result["streamed"] = result["streamed"][1:]
    elif how == "duplicate-streamed":
        result["streamed"] = result["streamed"] + result["streamed"][:1]
    elif how == "reorder-streamed":
        streamed = result["streamed"]
        result["streamed"] = streamed[1:2] + streamed[:1] + streamed[2:]
    elif how == "alter-streamed":
        first = min(result["streamedData"])
        result["streamedData"][first] = result["streamedData"][first].replace(b'"hash":"', b'"hash":"0', 1)
    elif how == "drop-row":
        result["rowsAfter"] -= 1
        result["maxPosition"] -= 1


def problems(r):
    """What the run shows was lost, repeated or refused; empty when nothing was."""
    found = []
    if r["non201"] or not r["requests"]:
        found.append("%d of %d requests were not answered 201 (%s)" % (r["non201"], r["requests"], ", ".join(r["statuses"])))
    acked = r["acknowledged"]
    appended = r["rowsAfter"] - r["rowsBefore"]
    if len(acked) != appended:
        found.append("the 201s acknowledged %d events but %d rows were appended" % (len(acked), appended))
    if len(set(acked)) != len(acked):
        found.append("a position was acknowledged twice")
    if sorted(acked) != list(range(r["rowsBefore"] + 1, r["rowsBefore"] + 1 + len(acked))):
        found.append("the acknowledged positions are not the gap-free run %d…%d" % (r["rowsBefore"] + 1, r["rowsBefore"] + len(acked)))
    if r["maxPosition"] - r["minPosition"] + 1 != r["rowsAfter"] or r["minPosition"] != 1:
        found.append("the log's positions are not gap-free (%d rows, %d…%d)" % (r["rowsAfter"], r["minPosition"], r["maxPosition"]))
    if r["verifyStatus"] != 0:
        found.append("thidua verify exited %d: %s" % (r["verifyStatus"], r["verifyOutput"]))
    streamed = r["streamed"]
    if len(set(streamed)) != len(streamed):
        found.append("the stream carried %d positions more than once" % (len(streamed) - len(set(streamed))))
    missing = set(acked) - set(streamed)
    if missing:
        found.append("the stream never carried %d acknowledged positions (first %d)" % (len(missing), min(missing)))
    extra = set(streamed) - set(acked)
    if extra:
        found.append("the stream carried %d positions no 201 acknowledged (first %d)" % (len(extra), min(extra)))
    backwards = [b for a, b in zip(streamed, streamed[1:]) if b <= a]
    if backwards:
        found.append("the stream went back %d times (first to position %d)" % (len(backwards), backwards[0]))
    logged, sent = r["logged"], r["streamedData"]
    differ = sorted(p for p in sent if logged.get(p) != sent[p])
    if differ:
        found.append("%d streamed events differ from what thidua log prints for their position (first %d)" % (len(differ), differ[0]))
    missing_data = sorted(set(streamed) - set(sent))
    if missing_data:
        found.append("%d streamed events came without their data line (first %d)" % (len(missing_data), missing_data[0]))
    if r["serverStatus"] != 0:
        found.append("the server exited %s on SIGTERM" % r["serverStatus"])
    return found


def summary(r):
    ms = lambda x: "—" if x is None else "%.1f ms" % (x * 1000)
    us = lambda x: "—" if x is None else "%.0f µs" % (x * 1e6)
    return ("%-5s %d clients, %d events in %.2f s: %.0f events/s; latency p50 %s, p99 %s; SSE delay p50 %s, p99 %s; "
            "server CPU %s an event, clients' %s; %d rows appended, verify %d, server exit %s" % (
                r["mode"], r["clients"], r["acknowledged"], r["seconds"], r["rate"], ms(r["latencyP50"]), ms(r["latencyP99"]),
                ms(r["sseP50"]), ms(r["sseP99"]), us(r["serverCPUPerEvent"]), us(r["clientCPUPerEvent"]), r["rowsAfter"] - r["rowsBefore"], r["verifyStatus"], r["serverStatus"]))


def measure(binary, clients=32, events=100, modes=("group", "each"), max_seconds=60, processes=1, doctored=None, rounds=1):
    """Runs the modes side by side, `rounds` times in turn (each round on fresh logs, with the same signed requests);
    returns every run's results (without the position lists), in order, and every problem found."""
    args = argparse.Namespace(max_seconds=max_seconds, processes=processes)
    work = tempfile.mkdtemp(prefix="thidua-load-")
    try:
        bodies = presign(work, binary, clients, events)
        flush = flush_latency(work)
        results, found = [], []
        for round_number in range(1, rounds + 1):
            for mode in modes:
                result = run_mode(mode, binary, bodies, work, args, round_number)
                result["round"] = round_number
                result["flushSeconds"] = flush
                if doctored:
                    doctor(result, doctored)
                found += ["%s (round %d): %s" % (mode, round_number, p) for p in problems(result)]
                result["acknowledged"], result["streamed"] = len(result["acknowledged"]), len(result["streamed"])
                del result["streamedData"], result["logged"]
                results.append(result)
        return results, found
    finally:
        shutil.rmtree(work, ignore_errors=True)


def flush_latency(folder, count=200):
    """The median time of a 4 KiB write and fdatasync in `folder`, in seconds: what a durable commit waits for on this
    disk, beside which one transaction per request is measured."""
    path = os.path.join(folder, "flush-probe")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        times = []
        for index in range(count):
            os.pwrite(fd, b"\0" * 4096, (index % 16) * 4096)
            began = time.perf_counter()
            os.fdatasync(fd)
            times.append(time.perf_counter() - began)
        return statistics.median(times)
    finally:
        os.close(fd)
        os.unlink(path)


def median_run(results, mode):
    """The run of `mode` whose throughput is the median of its rounds (the lower middle one of an even count)."""
    runs = sorted((r for r in results if r["mode"] == mode), key=lambda r: r["rate"])
    return runs[(len(runs) - 1) // 2] if runs else None


def ratios(results):
    """Group commit's throughput over one transaction per request's, round by round."""
    by_round = {}
    for r in results:
        by_round.setdefault(r["round"], {})[r["mode"]] = r["rate"]
    return [m["group"] / m["each"] if m.get("each") else 0.0 for _, m in sorted(by_round.items()) if "group" in m and "each" in m]


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", default=os.path.join(ROOT, ".build/release/thidua"))
    p.add_argument("--clients", type=int, default=32)
    p.add_argument("--events", type=int, default=100, help="events each client posts, one request each")
    p.add_argument("--modes", default="group,each", help="group (group commit), each (--max-group 1), or both")
    p.add_argument("--max-seconds", type=float, default=60, help="each client stops after this long, posted or not")
    p.add_argument("--processes", type=int, default=1, help="client processes (event loops) the clients are spread over")
    p.add_argument("--rounds", type=int, default=1, help="run the modes in turn this many times; the medians are reported")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    p.add_argument("--doctor", choices=DOCTORS, help=argparse.SUPPRESS)
    args = p.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    if not modes or any(m not in MODES for m in modes):
        p.error("--modes: give group, each or group,each")
    if not (1 <= args.clients <= 1024 and 1 <= args.events <= 100_000 and 0 < args.max_seconds <= 3600 and 1 <= args.processes <= 64
            and 1 <= args.rounds <= 50):
        p.error("--clients 1…1024, --events 1…100000, --max-seconds up to 3600, --processes 1…64, --rounds 1…50")
    if not os.path.exists(args.binary):
        raise SystemExit("error: no binary at %s; build it first (swift build -c release -Xswiftc -static-stdlib)" % args.binary)
    results, found = measure(args.binary, args.clients, args.events, modes, args.max_seconds, args.processes, args.doctor,
                             args.rounds)
    if args.json:
        print(json.dumps({"results": results, "problems": found, "ratios": ratios(results)}, indent=1))
    else:
        for r in results:
            print(("round %d: " % r["round"] if args.rounds > 1 else "") + summary(r))
        if results:
            print("this disk's fdatasync of 4 KiB (what a durable commit waits for): median %.0f µs" % (
                results[0]["flushSeconds"] * 1e6))
        if args.rounds > 1:
            medians = {mode: median_run(results, mode) for mode in modes}
            print("median of %d rounds: %s" % (args.rounds, "; ".join(
                "%s %.0f events/s" % (mode, run["rate"]) for mode, run in medians.items())))
            if ratios(results):
                print("group commit / one transaction per request, round by round: %s (median %.1f×)" % (
                    ", ".join("%.1f×" % x for x in ratios(results)), statistics.median(ratios(results))))
        print("\n".join("LOST OR WRONG: " + f for f in found) if found else
              "nothing lost: every request 201, as many rows as acknowledged, positions gap-free, verify 0, "
              "every position streamed once, in order, as thidua log prints it")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
