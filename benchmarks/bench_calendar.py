"""Benchmark: papi's working-day calendar against an exact numpy calendar, in one run.

Run: ``python benchmarks/bench_calendar.py`` (needs numpy, a dev-only dependency).

The baseline does the same work with the best numpy has: ``numpy.busday_offset`` and
``numpy.busday_count`` on a ``busdaycalendar`` with a **7-day weekmask** (``"1111111"``) and
**every day off listed as a holiday** (weekends included, make-up Saturdays left out). That
calendar is exact: it agrees with papi on every query, which the script checks. Its days off
come from ``holidays.VN`` day by day plus papi's sourced overrides (the 2026 New Year swap), not
from papi's table, and only over the years the queries touch (fewer holidays: faster numpy).

Printed, all from the same run on the same random queries:

* ``add_working_days`` and ``working_days_between``: papi per query vs numpy per query, and
  papi's ``*_many`` arrays vs numpy vectorised; mean per query, p50 and p99 of single calls,
  the ratios (the targets: papi per query >= 4x faster than numpy per query; papi arrays
  within 1.5x of numpy vectorised);
* a naive day-by-day loop over ``holidays`` (a few queries), as a floor for "no table";
* the first calendar query in a fresh interpreter (import + table load + one answer) against
  the same first answer with holidays + numpy; the table's build time and memory.
"""

from __future__ import annotations

import gc
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

import holidays
import numpy as np

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))

from papi import calendar as papi_calendar  # noqa: E402
from papi.calendar import VietnamCalendar, sourced_overrides  # noqa: E402

N_QUERIES = 20_000  # per measurement: 200 samples per percent for the p99
N_NAIVE = 1_000
N_FRESH = 7  # fresh interpreters for the first-query cost
SEED = 20260101
FIRST, LAST = date(2024, 1, 1), date(2026, 12, 31)  # starts in the covered years


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The best wall time (seconds) of ``repeat`` runs of ``fn``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def single_calls(fn: Callable[..., object], args: Sequence[tuple[object, ...]]) -> list[float]:
    """Wall time (ns) of each single call, minus the timer's own cost."""
    clock = time.perf_counter_ns
    empty = []
    for _ in range(2_000):
        t0 = clock()
        empty.append(clock() - t0)
    overhead = statistics.median(empty)
    out = []
    gc.disable()
    try:
        for a in args:
            t0 = clock()
            fn(*a)
            out.append(max(0.0, clock() - t0 - overhead))
    finally:
        gc.enable()
    return out


def pct(samples: list[float], q: float) -> float:
    s = sorted(samples)
    return s[min(len(s) - 1, int(q * len(s)))]


def exact_numpy_calendar(first_year: int, last_year: int) -> np.busdaycalendar:
    """A 7-day weekmask with every day off (weekends included) listed as a holiday."""
    vn = holidays.country_holidays("VN", years=range(first_year - 1, last_year + 2))
    sourced = {o.day: o.kind.value == "working_day" for o in sourced_overrides()}
    off = []
    day = date(first_year, 1, 1)
    while day.year <= last_year:
        if not sourced.get(day, vn.is_working_day(day)):
            off.append(day)
        day += timedelta(days=1)
    return np.busdaycalendar(weekmask="1111111", holidays=np.array(off, dtype="datetime64[D]"))


def fresh(code: str) -> tuple[float, float]:
    """Median wall times (ms) of the two phases ``code`` prints, over fresh interpreters."""
    imports, answers = [], []
    for _ in range(N_FRESH):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        )
        a, b = out.stdout.split()
        imports.append(float(a))
        answers.append(float(b))
    return statistics.median(imports) * 1e3, statistics.median(answers) * 1e3


# phase 1: the imports; phase 2: the first answer (papi: load the packaged table)
FIRST_PAPI = (
    "import time; t = time.perf_counter()\n"
    "from datetime import date\n"
    "from papi.calendar import default_calendar\n"
    "u = time.perf_counter()\n"
    "default_calendar().add_working_days(date(2026, 1, 1), 5)\n"
    "print(u - t, time.perf_counter() - u)"
)
FIRST_BASELINE = (
    "import time; t = time.perf_counter()\n"
    "import holidays, numpy as np\n"
    "from datetime import date, timedelta\n"
    "u = time.perf_counter()\n"
    "vn = holidays.country_holidays('VN', years=range(2025, 2028))\n"
    "off = [date(2026, 1, 1) + timedelta(i) for i in range(365)]\n"
    "off = [d for d in off if not vn.is_working_day(d)]\n"
    "cal = np.busdaycalendar(weekmask='1111111', holidays=off)\n"
    "np.busday_offset('2026-01-01', 5, roll='backward', busdaycal=cal)\n"
    "print(u - t, time.perf_counter() - u)"
)


def main() -> None:
    rng = random.Random(SEED)
    lo, hi = FIRST.toordinal(), LAST.toordinal()
    starts = [date.fromordinal(rng.randint(lo, hi)) for _ in range(N_QUERIES)]
    counts = [rng.randint(1, 60) for _ in range(N_QUERIES)]
    ends = [d + timedelta(days=rng.randint(0, 90)) for d in starts]

    # -- build costs (in process) --------------------------------------------------------
    builds = []
    for _ in range(5):
        t0 = time.perf_counter()
        store = papi_calendar._table._Store(maxsize=4)
        packaged = store.packaged()
        builds.append(time.perf_counter() - t0)
    t_table = min(builds)
    tracemalloc.start()
    kept = papi_calendar._table._Store(maxsize=4).packaged()  # kept alive while measured
    table_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    override = [papi_calendar.Override(date(2026, 11, 23), kind=papi_calendar.DAY_OFF, notice="X")]
    t0 = time.perf_counter()
    store.table(tuple(override))
    t_derived = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.arrays(packaged.table)
    t_arrays = time.perf_counter() - t0
    t0 = time.perf_counter()
    bdc = exact_numpy_calendar(2023, 2027)
    t_np_build = time.perf_counter() - t0

    cal = VietnamCalendar()
    cal.add_working_days(starts[0], 1)  # load the shared table outside the timings
    np_starts = np.array(starts, dtype="datetime64[D]")
    np_ends = np.array(ends, dtype="datetime64[D]")
    np_counts = np.array(counts, dtype=np.int64)
    one = np.timedelta64(1, "D")
    np_scalar_starts = list(np_starts)  # numpy scalars: conversion not charged to numpy
    np_scalar_ends = list(np_ends)
    cal.add_working_days_many(np_starts[:10], 1)  # build the numpy copies outside the timings

    add = cal.add_working_days
    between = cal.working_days_between
    offset, count = np.busday_offset, np.busday_count
    add_pairs = list(zip(starts, counts, strict=True))
    between_pairs = list(zip(starts, ends, strict=True))
    np_add_pairs = list(zip(np_scalar_starts, counts, strict=True))
    np_between_pairs = [
        (a + one, b + one) for a, b in zip(np_scalar_starts, np_scalar_ends, strict=True)
    ]

    def papi_add() -> list[date]:
        return [add(d, n) for d, n in add_pairs]

    def numpy_add() -> list[np.datetime64]:
        return [offset(d, n, roll="backward", busdaycal=bdc) for d, n in np_add_pairs]

    def papi_add_many() -> np.ndarray:
        return cal.add_working_days_many(np_starts, np_counts)

    def numpy_add_vector() -> np.ndarray:
        return offset(np_starts, np_counts, roll="backward", busdaycal=bdc)

    def papi_between() -> list[int]:
        return [between(a, b) for a, b in between_pairs]

    def numpy_between() -> list[int]:
        return [count(a, b, busdaycal=bdc) for a, b in np_between_pairs]

    def papi_between_many() -> np.ndarray:
        return cal.working_days_between_many(np_starts, np_ends)

    def numpy_between_vector() -> np.ndarray:
        # papi counts (a, b]; numpy counts [a, b): shift both ends by one day
        return count(np_starts + one, np_ends + one, busdaycal=bdc)

    # -- agreement (the baseline is exact) ------------------------------------------------
    ours = papi_add()
    assert [d.astype(object) for d in numpy_add()] == ours, "numpy per query differs"
    assert papi_add_many().astype(object).tolist() == ours, "papi arrays differ"
    assert numpy_add_vector().astype(object).tolist() == ours, "numpy vectorised differs"
    ours_b = papi_between()
    assert [int(x) for x in numpy_between()] == ours_b, "numpy busday_count differs"
    assert papi_between_many().tolist() == ours_b
    assert numpy_between_vector().tolist() == ours_b
    vn = holidays.country_holidays("VN", years=range(2023, 2028))
    sourced = {o.day: o.kind.value == "working_day" for o in sourced_overrides()}

    def naive(d: date, n: int) -> date:
        day = d
        while n:
            day += timedelta(days=1)
            n -= sourced.get(day, vn.is_working_day(day))
        return day

    def run_naive() -> list[date]:
        return [naive(d, n) for d, n in add_pairs[:N_NAIVE]]

    assert run_naive() == ours[:N_NAIVE], "papi and the naive holidays loop disagree"
    saturdays = (date(2024, 5, 4), date(2025, 4, 26), date(2026, 1, 10), date(2026, 8, 22))
    crossing = sum(
        1 for d, o in zip(starts, ours, strict=True) if any(d < s <= o for s in saturdays)
    )

    # -- timings --------------------------------------------------------------------------
    rows: list[tuple[str, float, list[float] | None]] = []

    def measure(name: str, fn: Callable[[], object], repeat: int, per: int) -> float:
        t = best_of(repeat, fn) / per
        rows.append((name, t, None))
        return t

    t_add = measure("papi add_working_days, per query", papi_add, 7, N_QUERIES)
    t_np_add = measure("numpy busday_offset, per query (exact cal)", numpy_add, 5, N_QUERIES)
    t_add_many = measure("papi add_working_days_many (numpy arrays)", papi_add_many, 15, N_QUERIES)
    t_np_add_v = measure("numpy busday_offset vectorised", numpy_add_vector, 15, N_QUERIES)
    t_bw = measure("papi working_days_between, per query", papi_between, 7, N_QUERIES)
    t_np_bw = measure("numpy busday_count, per query (exact cal)", numpy_between, 5, N_QUERIES)
    t_bw_many = measure("papi working_days_between_many", papi_between_many, 15, N_QUERIES)
    t_np_bw_v = measure("numpy busday_count vectorised", numpy_between_vector, 15, N_QUERIES)
    t_naive = measure(f"naive holidays day loop ({N_NAIVE:,} q)", run_naive, 2, N_NAIVE)

    lat = {
        "papi add_working_days": single_calls(add, add_pairs),
        "numpy busday_offset": single_calls(
            lambda d, n: offset(d, n, roll="backward", busdaycal=bdc), np_add_pairs
        ),
        "papi working_days_between": single_calls(between, between_pairs),
        "numpy busday_count": single_calls(
            lambda a, b: count(a, b, busdaycal=bdc), np_between_pairs
        ),
    }

    first_papi = fresh(FIRST_PAPI)
    first_base = fresh(FIRST_BASELINE)

    # -- report ---------------------------------------------------------------------------
    print(
        f"{N_QUERIES:,} random queries: start {FIRST}..{LAST}, 1-60 working days / 0-90 days "
        f"apart; {crossing:,} cross a make-up Saturday"
    )
    print(f"{'method':48} {'µs/query':>9}")
    for name, t, _ in rows:
        print(f"{name:48} {t * 1e6:9.3f}")
    print()
    print(f"{'single calls (ns)':48} {'p50':>7} {'p99':>7}")
    for name, samples in lat.items():
        print(f"{name:48} {pct(samples, 0.5):7.0f} {pct(samples, 0.99):7.0f}")
    print()
    print("ratios (same run; > 1 means papi is faster):")
    ratio_rows = [
        ("add_working_days vs busday_offset per query (target >= 4)", t_np_add / t_add),
        ("working_days_between vs busday_count per query (target >= 4)", t_np_bw / t_bw),
        (
            "add_working_days_many vs busday_offset vectorised (target >= 0.67)",
            t_np_add_v / t_add_many,
        ),
        (
            "working_days_between_many vs busday_count vectorised (target >= 0.67)",
            t_np_bw_v / t_bw_many,
        ),
        ("add_working_days vs naive holidays loop", t_naive / t_add),
    ]
    for name, r in ratio_rows:
        print(f"  {name:72} {r:7.1f}x")
    print()
    print("agreement: papi == exact numpy calendar on every query (offsets, counts, arrays);")
    print(f"           papi == naive holidays loop on {N_NAIVE:,} queries")
    print()
    print(f"first query in a fresh interpreter (median of {N_FRESH}; imports, then first answer):")
    print(
        f"  papi:            import papi.calendar {first_papi[0]:6.1f} ms (papi/__init__ imports the"
        f" whole package), first answer {first_papi[1]:5.1f} ms (loads the table; no holidays)"
    )
    print(
        f"  holidays+numpy:  import {first_base[0]:6.1f} ms, first answer {first_base[1]:5.1f} ms "
        "(holidays.VN for 3 years + an exact busdaycalendar for one)"
    )
    print(
        f"  first answer after the imports: papi / baseline = {first_papi[1] / first_base[1]:.2f}x; "
        f"imports + answer: {sum(first_papi) / sum(first_base):.2f}x"
    )
    print(
        f"table 1901-2100: load + build {t_table * 1e3:.1f} ms (best of 5), "
        f"{table_bytes / 2**20:.1f} MiB (tracemalloc); a calendar with overrides derives its own "
        f"in {t_derived * 1e3:.1f} ms; numpy copies {t_arrays * 1e3:.1f} ms; the exact numpy "
        f"calendar for 2023-2027 (from holidays.VN) {t_np_build * 1e3:.1f} ms"
    )


if __name__ == "__main__":
    main()
