"""Benchmark: the packaged model of the whole country (``papi.vietnam()``), against baselines
measured in the same run.

Every build is timed in a fresh interpreter (a subprocess), so that nothing is cached:

* ``papi.vietnam()`` and ``papi.hanoi()``: build time (after ``import papi``) and memory
  (peak resident size less the interpreter's before the build, and the tracemalloc peak in a
  separate run), against a baseline in the same subprocess: decompressing and parsing the
  packaged national unit and succession files with ``json`` (what any loader must do).
  Targets: vietnam() < 1.5 s and < 250 MB; hanoi() < 0.5 s.
* the name index (``Territory._names``: every unit name folded for lookups, built on the first
  question by name): the first ``who(..., where="Phường Hải Châu")`` after ``papi.vietnam()``
  (which builds it) in a fresh interpreter, and the index rebuilt from the same names, against
  a baseline in the same subprocess: a plain ``dict`` of ``unicodedata.normalize("NFC",
  name).casefold()`` over the same names.
* ``papi who D3 --where <commune> --on 2026-03-01`` from the command line, wall time of the
  whole command for communes drawn across the country, against ``python -c pass``. Target:
  < 1.5 s.
* a national sweep: ``who()`` for every commune of 2026-03-01 (3,321) x 8 PAPI dimensions on
  one day, answers per second, first (compiling each subject's table for the era) and again
  (the answer store), against a plain ``dict`` walk from each commune to its province.
* the global agenda (``papi agenda --from ... --to ...`` on the national default: every
  deadline with its ``holders``) for a quarter before the 2025 reform (2025 Q1, 10,816 units)
  and after it (2026 Q1, 3,355 units), first call in a fresh interpreter, against a baseline
  in the same subprocess: listing the quarter's communes (``Territory.units``); and the same
  query with the registry's former cache of derived bodies (8,192 units, smaller than a
  national sweep before the reform) for comparison.

Run: ``python benchmarks/bench_vietnam.py [--samples 3] [--only names]`` (about 1-2
minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
ON = date(2026, 3, 1)
DIMENSIONS = tuple(f"D{i}" for i in range(1, 9))

_BUILD = """
import gzip, json, resource, sys, time, warnings
from importlib import resources
warnings.simplefilter("ignore")
import papi
base = resources.files("papi") / "data" / "vietnam"
t = time.perf_counter()
for name in ("units.jsonl.gz", "successions.jsonl.gz"):
    text = gzip.decompress((base / name).read_bytes()).decode("utf-8")
    rows = json.loads("[" + ",".join(text.splitlines()) + "]")
baseline = time.perf_counter() - t
del rows, text
import papi.datasets, papi.governance, papi.organizations, papi.territory, papi.law, papi.io
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
gov = papi.{model}()
took = time.perf_counter() - t
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"took": took, "baseline": baseline, "rss_mb": (rss1 - rss0) / 1024}}))
"""

_TRACE = """
import tracemalloc, warnings
warnings.simplefilter("ignore")
import papi, papi.datasets, papi.governance, papi.organizations, papi.territory, papi.law
tracemalloc.start()
gov = papi.{model}()
print(tracemalloc.get_traced_memory()[1] / 2**20)
"""


_AGENDA = """
import json, time, warnings
from datetime import date
warnings.simplefilter("ignore")
import papi
import papi.organizations._build as build
build.DERIVED_CACHE = {cache} or build.DERIVED_CACHE
from papi.territory import Level
gov = papi.vietnam()
start, end = date.fromisoformat("{start}"), date.fromisoformat("{end}")
t = time.perf_counter()
gov.territory.units(level=Level.COMMUNE, on=start)
baseline = time.perf_counter() - t
t = time.perf_counter()
agenda = gov.agenda(start=start, end=end)
took = time.perf_counter() - t
t = time.perf_counter()
gov.agenda(start=start, end=end)
again = time.perf_counter() - t
print(json.dumps({{"took": took, "again": again, "baseline": baseline,
                  "holders": sum(len(h.organizations) for h in agenda.holders)}}))
"""

_COMPILE = """
import json, time, warnings
from datetime import date, timedelta
warnings.simplefilter("ignore")
import papi
from papi.territory import Level
gov = papi.vietnam()
on = date.fromisoformat("{on}")
communes = gov.territory.units(level=Level.COMMUNE, on=on)
dims = [d.code for d in gov.framework.dimensions]
t = time.perf_counter()
pairs = gov.compile(on, subjects=dims, where=communes)
took = time.perf_counter() - t
t = time.perf_counter()
for d in dims:
    for u in communes:
        gov.who(d, where=u, on=on + timedelta(days=1))
after = time.perf_counter() - t
print(json.dumps({{"took": took, "pairs": pairs, "after": after}}))
"""

_NAMES = """
import json, time, unicodedata, warnings
from datetime import date
warnings.simplefilter("ignore")
import papi
from papi.text import NameIndex
gov = papi.vietnam()
t = time.perf_counter()
gov.who("D3", where="Phường Hải Châu", on=date(2026, 3, 1))
first_who = time.perf_counter() - t
pairs = []  # the names Territory._names indexes, in its order
for u in gov.territory._by_id.values():
    pairs.append((u.name, u.id))
    if u.name_en:
        pairs.append((u.name_en, u.id))
builds, baselines = [], []
for _ in range(5):
    t = time.perf_counter()
    NameIndex(pairs)
    builds.append(time.perf_counter() - t)
    t = time.perf_counter()
    {unicodedata.normalize("NFC", name).casefold(): item for name, item in pairs}
    baselines.append(time.perf_counter() - t)
print(json.dumps({"first_who": first_who, "build": min(builds), "baseline": min(baselines),
                  "names": len(pairs), "distinct": len(set(n for n, _ in pairs))}))
"""


def _python(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def _medians(code: str, samples: int, *fields: str) -> list[float]:
    """The median of each of ``fields`` over ``samples`` runs of ``code`` (a script printing
    one JSON object) in fresh interpreters."""
    runs = [json.loads(_python(code)) for _ in range(samples)]
    return [statistics.median(r[field] for r in runs) for field in fields]


def _wall(argv: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    t = time.perf_counter()
    subprocess.run(argv, capture_output=True, env=env, check=True)
    return time.perf_counter() - t


def builds(samples: int) -> None:
    print("builds (fresh interpreter each; median of samples)")
    for model, target in (("vietnam", 1.5), ("hanoi", 0.5)):
        code = _BUILD.format(model=model)
        took, base, rss = _medians(code, samples, "took", "baseline", "rss_mb")
        peak = float(_python(_TRACE.format(model=model)))
        print(
            f"  papi.{model}(): {took * 1000:7.0f} ms = {took / base:5.1f}x the json parse of "
            f"the national files ({base * 1000:.0f} ms); target < {target} s; "
            f"+{rss:.0f} MB resident, tracemalloc peak {peak:.0f} MB"
        )


def names(samples: int) -> None:
    print("the name index of papi.vietnam() (fresh interpreter each; median of samples)")
    fields = ("build", "baseline", "first_who", "names", "distinct")
    build, base, first, count, distinct = _medians(_NAMES, samples, *fields)
    print(
        f"  NameIndex over {count:,.0f} names ({distinct:,.0f} distinct): "
        f"{build * 1000:.1f} ms = {build / base:.1f}x a dict of NFC case-folded names "
        f"({base * 1000:.1f} ms)"
    )
    print(
        f"  first who(..., where='Phường Hải Châu') after papi.vietnam(), index included: "
        f"{first * 1000:.0f} ms = {first / base:.0f}x that dict"
    )


def cli(samples: int) -> None:
    from papi.territory import Level, vietnam_territory

    communes = vietnam_territory().units(level=Level.COMMUNE, on=ON)
    rng = random.Random(10)
    picked = [
        "Phường Hải Châu",
        *(vietnam_territory().qualified_name(u, on=ON) for u in rng.sample(communes, samples)),
    ]
    base = statistics.median(_wall([sys.executable, "-c", "pass"]) for _ in range(samples))
    print("papi who from the command line (wall time of the whole command)")
    times = []
    for where in picked:
        argv = [sys.executable, "-m", "papi", "who", "D3", "--where", where, "--on", ON.isoformat()]
        took = _wall(argv)
        times.append(took)
        print(f"  {where}: {took * 1000:.0f} ms")
    med = statistics.median(times)
    print(
        f"  median {med * 1000:.0f} ms = {med / base:.1f}x `python -c pass` "
        f"({base * 1000:.0f} ms); max {max(times) * 1000:.0f} ms; target < 1.5 s"
    )


def sweep() -> None:
    import warnings

    warnings.simplefilter("ignore")
    import papi
    from papi.territory import Level

    gov = papi.vietnam()
    terr = gov.territory
    communes = terr.units(level=Level.COMMUNE, on=ON)
    parent = {u.id: terr.parent(u, on=ON) for u in communes}
    parent_of = {k: (v.id if v is not None else None) for k, v in parent.items()}
    t = time.perf_counter()
    for _ in DIMENSIONS:
        for u in communes:
            cur: str | None = u.id
            while cur is not None:
                cur = parent_of.get(cur)
    walk = (time.perf_counter() - t) / (len(communes) * len(DIMENSIONS))
    n = len(communes) * len(DIMENSIONS)
    print(f"national sweep: {len(communes)} communes x {len(DIMENSIONS)} dimensions on {ON}")
    for label in ("first (compiles each subject's era table)", "again (answer store)"):
        t = time.perf_counter()
        for d in DIMENSIONS:
            for u in communes:
                gov.who(d, where=u, on=ON)
        took = time.perf_counter() - t
        print(
            f"  {label}: {took:.2f} s, {n / took:,.0f} answers/s, "
            f"{took / n * 1e6:.0f} us/answer = {took / n / walk:,.0f}x the dict walk "
            f"({walk * 1e9:.0f} ns)"
        )


def compiled(samples: int) -> None:
    print("compile, then read: papi.vietnam().compile() of the era (fresh interpreter each)")
    took, pairs, after = _medians(
        _COMPILE.format(on=ON.isoformat()), samples, "took", "pairs", "after"
    )
    print(
        f"  compile() of {pairs:,.0f} (dimension, commune) pairs on {ON}: {took:.2f} s; then a "
        f"sweep of them on the next day through who(): {after:.2f} s "
        f"({after / pairs * 1e6:.1f} us/answer)"
    )


def agenda(samples: int) -> None:
    print("the global agenda on the national default, first call (fresh interpreter)")
    for start, end in (("2025-01-01", "2025-03-31"), ("2026-01-01", "2026-03-31")):
        for cache, label in ((0, "now"), (8192, "former 8,192-unit cache")):
            code = _AGENDA.format(cache=cache, start=start, end=end)
            took, base, again, holders = _medians(
                code, samples, "took", "baseline", "again", "holders"
            )
            print(
                f"  {start}..{end} ({label}): {took:.2f} s = {took / base:.0f}x listing the "
                f"communes ({base * 1000:.0f} ms); again {again * 1000:.0f} ms; "
                f"{holders:.0f} holder rows"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--only", choices=("builds", "names", "cli", "sweep", "compile", "agenda"))
    args = ap.parse_args()
    sys.path.insert(0, str(SRC))
    if args.only in (None, "builds"):
        builds(args.samples)
    if args.only in (None, "names"):
        names(args.samples)
    if args.only in (None, "cli"):
        cli(args.samples)
    if args.only in (None, "sweep"):
        sweep()
    if args.only in (None, "compile"):
        compiled(args.samples)
    if args.only in (None, "agenda"):
        agenda(args.samples)


if __name__ == "__main__":
    main()
