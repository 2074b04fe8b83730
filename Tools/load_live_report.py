#!/usr/bin/env python3
"""What many open live pages cost `thidua serve` on a big year: VIEWERS clients fetch the year report at the same head
at once, as every open page does after each new event, once at the head (the shared report: one build per head) and
once without the live page's `Thidua-Live` header (the same document, made for each request). Prints wall time and the server's CPU for each.

    python3 Tools/load_live_report.py --binary .build-release/release/thidua --db big.sqlite --year 2017 --viewers 8
"""
import argparse
import concurrent.futures
import http.client
import os
import re
import subprocess
import time


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(port, path, live=False):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request("GET", path, headers={"Accept": "text/html", **({"Thidua-Live": "1"} if live else {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise SystemExit("GET %s: HTTP %d %s" % (path, response.status, body[:200]))
    return body


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--viewers", type=int, default=8)
    a = p.parse_args()
    server = subprocess.Popen([a.binary, "serve", "--db", a.db, "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
    try:
        port = int(re.search(r":(\d+)\s*$", server.stdout.readline()).group(1))
        for name, path, live in [("live pages (shared at the head)", "/v1/years/%d/report" % a.year, True),
                                 ("made per request", "/v1/years/%d/report" % a.year, False)]:
            # One round: the first request at a head makes the shared report, the others wait for it.
            cpu0, wall0 = cpu_seconds(server.pid), time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(a.viewers) as pool:
                list(pool.map(lambda _: fetch(port, path, live), range(a.viewers)))
            wall, cpu = time.perf_counter() - wall0, cpu_seconds(server.pid) - cpu0
            print("%-32s %d viewers: wall %.2f s, server CPU %.2f s" % (name, a.viewers, wall, cpu))
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
