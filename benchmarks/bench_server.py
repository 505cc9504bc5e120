"""Benchmark: the HTTP service (``python -m papi.server``) under load, against the same queries
called directly in this process.

The service runs in a subprocess on a free port of 127.0.0.1 (the packaged Hanoi model). A
pool of client threads, each with its own keep-alive connection, sends ``/who`` questions
(every PAPI dimension in every commune-level unit on 2026-03-01, plus ``/duties`` and
``/escalation`` of each unit) in two passes:

* cold: each question for the first time (the service asks the library and renders the JSON);
* warm: the same questions again (the service's LRU of rendered answers; what a portal serving
  repeated questions sees), and again with ``If-None-Match`` (``304``, no body);
* warm, one client: the same, one request at a time: the latency of one request without
  queueing behind the others (with 8 clients, p50 is mostly waiting for the other 7).

For each pass: requests per second, p50 and p99 latency, and the ratio to the baseline: the
same questions answered in this process by a freshly built model (``gov.who(...)``,
``to_dict()``, ``json.dumps``), cold then warm. Memory: the service's resident set size after
start-up and after the load, beside this process's growth when it built the same model.

Run: ``python benchmarks/bench_server.py [--clients 8] [--limit 400]`` (about 30-60 s; needs
the ``server`` extra). The numbers depend on the machine and its load; compare the ratios.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
sys.path.insert(0, str(SRC))

import papi  # noqa: E402
from papi.territory import Level  # noqa: E402

ON = date(2026, 3, 1)
START_TIMEOUT = 120.0


def rss_kb(pid: int | str = "self") -> int:
    """Resident set size in kB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def questions(limit: int) -> list[tuple[str, dict[str, str]]]:
    units = papi.hanoi_territory().units(level=Level.COMMUNE, on=ON)
    out: list[tuple[str, dict[str, str]]] = []
    for u in units:
        for d in range(1, 9):
            out.append(("/who", {"subject": f"D{d}", "where": u.id, "on": ON.isoformat()}))
        out.append(("/duties", {"of": u.id, "on": ON.isoformat()}))
        out.append(("/escalation", {"where": u.id, "on": ON.isoformat()}))
    return out[:limit]


def direct(gov: papi.Governance) -> Callable[[str, dict[str, str]], bytes]:
    def ask(path: str, q: dict[str, str]) -> bytes:
        if path == "/who":
            answer: object = gov.who(q["subject"], where=q["where"], on=ON)
        elif path == "/duties":
            answer = gov.duties(of=q["of"], on=ON)
        else:
            answer = gov.escalation(where=q["where"], on=ON)
        data = answer.to_dict()  # type: ignore[attr-defined]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    return ask


def timed_direct(
    ask: Callable[[str, dict[str, str]], bytes], qs: Sequence[tuple[str, dict[str, str]]]
) -> tuple[float, list[float]]:
    lat: list[float] = []
    t0 = time.perf_counter()
    for path, q in qs:
        t = time.perf_counter()
        ask(path, q)
        lat.append(time.perf_counter() - t)
    return time.perf_counter() - t0, lat


def timed_http(
    port: int,
    qs: Sequence[tuple[str, dict[str, str]]],
    clients: int,
    etags: dict[int, str] | None = None,
) -> tuple[float, list[float], dict[int, str], int]:
    local = threading.local()
    seen: dict[int, str] = {}
    statuses: dict[int, int] = {}

    def one(i: int) -> float:
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        path, q = qs[i]
        headers = {"If-None-Match": etags[i]} if etags else {}
        t = time.perf_counter()
        conn.request("GET", f"{path}?{urllib.parse.urlencode(q)}", headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = time.perf_counter() - t
        seen[i] = response.getheader("ETag") or ""
        statuses[response.status] = statuses.get(response.status, 0) + 1
        return elapsed

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        lat = list(pool.map(one, range(len(qs))))
    wall = time.perf_counter() - t0
    ok = statuses.get(200, 0) + statuses.get(304, 0)
    return wall, lat, seen, len(qs) - ok


def pct(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def line(name: str, n: int, wall: float, lat: Sequence[float], base: Sequence[float] | None) -> str:
    p50, p99 = statistics.median(lat), pct(lat, 0.99)
    text = f"{name:<28} {n / wall:8.0f} req/s   p50 {p50 * 1e3:7.2f} ms   p99 {p99 * 1e3:7.2f} ms"
    if base is not None:
        b50 = statistics.median(base)
        text += f"   p50 = {p50 / b50:6.1f}x direct"
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--limit", type=int, default=400, help="questions per pass")
    args = parser.parse_args(argv)
    qs = questions(args.limit)

    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "papi.server", "--port", str(port), "--log-level", "warning"]
    server = subprocess.Popen(cmd, env=env)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the service did not start")
            time.sleep(0.2)
        rss_start = rss_kb(server.pid)

        before = rss_kb()
        t = time.perf_counter()
        gov = papi.hanoi()
        build = time.perf_counter() - t
        model_kb = rss_kb() - before
        ask = direct(gov)
        _, base_cold = timed_direct(ask, qs)
        _, base_warm = timed_direct(ask, qs)

        wall_c, lat_c, etags, bad_c = timed_http(port, qs, args.clients)
        wall_w, lat_w, _, bad_w = timed_http(port, qs, args.clients)
        wall_n, lat_n, _, bad_n = timed_http(port, qs, args.clients, etags=etags)
        wall_s, lat_s, _, bad_s = timed_http(port, qs, 1)
        rss_end = rss_kb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()

    print(
        f"{len(qs)} questions per pass, {args.clients} client threads, model built in {build:.2f} s"
    )
    print(line("direct, cold (baseline)", len(qs), sum(base_cold), base_cold, None))
    print(line("direct, warm (baseline)", len(qs), sum(base_warm), base_warm, None))
    print(line("HTTP, cold", len(qs), wall_c, lat_c, base_cold))
    print(line("HTTP, warm (rendered LRU)", len(qs), wall_w, lat_w, base_warm))
    print(line("HTTP, If-None-Match (304)", len(qs), wall_n, lat_n, base_warm))
    print(line("HTTP, warm, one client", len(qs), wall_s, lat_s, base_warm))
    print(
        f"memory: service RSS {rss_start / 1024:.0f} MB after start, {rss_end / 1024:.0f} MB "
        f"after the load; this process grew {model_kb / 1024:.0f} MB building the same model"
    )
    errors = bad_c + bad_w + bad_n + bad_s
    if errors:
        print(f"{errors} requests failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
