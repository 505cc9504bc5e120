"""Benchmark: loading a large plan file (the documented limit of issue 12).

Run: ``python benchmarks/bench_io_plan_size.py [N ...]`` (default 1,000, 10,000 and 100,000
assignments).

Each plan has one document, 100 tasks and N assignments, each assignment a real Hanoi
department chosen by id (``{ type = "organization" }``), written as JSON and as TOML. For each
size the script prints the file size, the time and peak memory (``tracemalloc``) of
``papi.io.load_plan`` on top of ``papi.hanoi()``, and, as the baseline doing part of the same
work in the same run, the bare parse of the same text (``json.loads``, ``tomllib.loads``): the
ratio shows what papi's checks and model building add to parsing. The numbers grow linearly
with N when the loader is in bounded time and memory.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import papi
from papi.io import load_plan

ORGS = ("so:noi-vu", "so:tu-phap", "thanh-tra:01", "vp-ubnd:01", "so:tai-chinh")


def plan(n: int) -> dict[str, object]:
    gov = papi.hanoi()
    on = date(2022, 6, 13)
    orgs = [o for o in ORGS if _exists(gov, o, on)] or ["ubnd:01"]
    return {
        "schema": "papi.plan/1",
        "documents": [
            {
                "id": "big",
                "number": "1/KH-UBND",
                "kind": "plan",
                "issuer": "UBND thành phố Hà Nội",
                "date": "2022-06-13",
                "title_vi": "Kế hoạch lớn",
            }
        ],
        "tasks": [
            {"id": f"B{t}", "document": "big", "reference": f"{t}", "title_vi": f"Việc {t}"}
            for t in range(100)
        ],
        "assignments": [
            {
                "id": f"B{i}.a",
                "task": f"B{i % 100}",
                "role": ("lead", "coordinate", "implement")[i % 3],
                "selector": {"type": "organization", "id": orgs[i % len(orgs)]},
                "basis": {"document": "big", "reference": f"{i % 100}"},
                "valid": {"from": "2022-06-13"},
            }
            for i in range(n)
        ],
    }


def _exists(gov: papi.Governance, org: str, on: date) -> bool:
    try:
        gov.organizations.org(org, on=on)
    except papi.PapiError:
        return False
    return True


def to_toml(data: dict[str, object]) -> str:
    def value(v: object) -> str:
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        return json.dumps(v, ensure_ascii=False)

    lines = [f'schema = "{data["schema"]}"']
    for key in ("documents", "tasks", "assignments"):
        for record in data[key]:  # type: ignore[attr-defined]
            lines.append(f"\n[[{key}]]")
            lines.extend(f"{k} = {value(v)}" for k, v in record.items())
    return "\n".join(lines) + "\n"


def measure(fn: Callable[[], object]) -> tuple[float, float]:
    """(seconds, peak MiB) of ``fn``: timed alone, then run again under ``tracemalloc``
    (which slows it several times) for the memory."""
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20


def main(sizes: list[int]) -> None:
    base = papi.hanoi()
    print(f"{'assignments':>11} {'format':>6} {'MiB':>6} {'load s':>8} {'parse s':>8} "
          f"{'ratio':>6} {'peak MiB':>9} {'parse MiB':>9}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            data = plan(n)
            for fmt, text, parse in (
                ("json", json.dumps(data, ensure_ascii=False), json.loads),
                ("toml", to_toml(data), tomllib.loads),
            ):
                path = Path(tmp) / f"plan.{fmt}"
                path.write_text(text, encoding="utf-8")
                parse_s, parse_mib = measure(lambda text=text, parse=parse: parse(text))
                load_s, load_mib = measure(lambda path=path: load_plan(path, base=base))
                size = path.stat().st_size / 2**20
                print(
                    f"{n:>11,} {fmt:>6} {size:>6.1f} {load_s:>8.2f} {parse_s:>8.2f} "
                    f"{load_s / parse_s:>6.1f} {load_mib:>9.0f} {parse_mib:>9.0f}",
                    flush=True,
                )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
