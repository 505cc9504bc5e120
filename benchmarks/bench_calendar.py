"""Benchmark: papi's add_working_days against numpy.busday_offset and a naive holidays loop.

Run: ``python benchmarks/bench_calendar.py`` (needs numpy, a dev-only dependency).

All timings come from the same run on the same random queries (a start day in 2024-2026 and
1-60 working days). Baselines:

* ``numpy.busday_offset`` with a Mon-Fri weekmask and the same public holidays, called once
  per query (``holidays=`` array, and a prebuilt ``busdaycalendar``), and once vectorised;
* a naive loop stepping one day at a time and asking ``holidays.VN.is_working_day``.

numpy's weekmask cannot express a Saturday that is a working day (the government's make-up
Saturdays, e.g. 2025-04-26 and 2026-08-22), so its answers differ wherever a period crosses
one; the script counts and shows those differences. papi and the naive loop must agree.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import holidays
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from papi.calendar import VietnamCalendar

N_QUERIES = 20_000
N_NAIVE = 2_000
SEED = 20260101


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The best wall time (seconds) of ``repeat`` runs of ``fn``."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    rng = random.Random(SEED)
    lo = date(2024, 1, 1).toordinal()
    hi = date(2026, 12, 31).toordinal()
    starts = [date.fromordinal(rng.randint(lo, hi)) for _ in range(N_QUERIES)]
    counts = [rng.randint(1, 60) for _ in range(N_QUERIES)]

    cal = VietnamCalendar()
    vn = holidays.country_holidays("VN", years=range(2023, 2029))
    hol = np.array(sorted(vn), dtype="datetime64[D]")
    bdc = np.busdaycalendar(weekmask="1111100", holidays=hol)
    np_starts = np.array(starts, dtype="datetime64[D]")
    np_counts = np.array(counts)
    cal.add_working_days(starts[0], 1)  # build the tables once, outside the timings

    add = cal.add_working_days
    pairs = list(zip(starts, counts, strict=True))

    def run_papi() -> list[date]:
        return [add(d, n) for d, n in pairs]

    def run_np_scalar_holidays() -> None:
        for d, n in zip(np_starts, counts, strict=True):
            np.busday_offset(d, n, roll="backward", weekmask="1111100", holidays=hol)

    def run_np_scalar_cal() -> None:
        for d, n in zip(np_starts, counts, strict=True):
            np.busday_offset(d, n, roll="backward", busdaycal=bdc)

    def run_np_vector() -> np.ndarray:
        return np.busday_offset(np_starts, np_counts, roll="backward", busdaycal=bdc)

    def naive(d: date, n: int) -> date:
        day = d
        while n:
            day += timedelta(days=1)
            if vn.is_working_day(day):
                n -= 1
        return day

    def run_naive() -> list[date]:
        return [naive(d, n) for d, n in pairs[:N_NAIVE]]

    t_papi = best_of(5, run_papi) / N_QUERIES
    t_np_h = best_of(3, run_np_scalar_holidays) / N_QUERIES
    t_np_c = best_of(3, run_np_scalar_cal) / N_QUERIES
    t_np_v = best_of(5, run_np_vector) / N_QUERIES
    t_naive = best_of(2, run_naive) / N_NAIVE

    ours = run_papi()
    theirs = run_np_vector().astype(object)
    naive_answers = run_naive()
    assert naive_answers == ours[:N_NAIVE], "papi and the naive holidays loop disagree"
    diffs = [(d, n, o, t) for (d, n), o, t in zip(pairs, ours, theirs, strict=True) if o != t]

    us = 1e6
    print(f"add_working_days over {N_QUERIES:,} random queries (start 2024-2026, 1-60 wd)")
    print(f"{'method':48} {'µs/query':>10} {'papi faster by':>15}")
    rows = [
        ("papi VietnamCalendar.add_working_days", t_papi),
        ("numpy.busday_offset scalar, holidays= array", t_np_h),
        ("numpy.busday_offset scalar, busdaycalendar", t_np_c),
        ("numpy.busday_offset vectorised (per element)", t_np_v),
        (f"naive day-by-day holidays loop ({N_NAIVE:,} queries)", t_naive),
    ]
    for name, t in rows:
        print(f"{name:48} {t * us:10.3f} {t / t_papi:14.1f}x")
    print()
    print("papi == naive holidays loop on all compared queries: yes")
    print(
        f"numpy differs on {len(diffs):,} of {N_QUERIES:,} queries "
        f"({100 * len(diffs) / N_QUERIES:.1f}%): its Mon-Fri weekmask cannot add make-up "
        "Saturdays"
    )
    saturdays = sorted(d for d in vn.weekend_workdays if 2024 <= d.year <= 2026)
    print("make-up Saturdays in range:", ", ".join(d.isoformat() for d in saturdays))

    def crossed(d: date, o: date) -> list[date]:
        return [s for s in saturdays if d < s <= o]

    unexplained = [x for x in diffs if not crossed(x[0], x[2])]
    by_saturday = {s: sum(1 for d, _, o, _ in diffs if s in crossed(d, o)) for s in saturdays}
    print(
        "numpy's differences by make-up Saturday worked inside (start, papi answer]: "
        + ", ".join(f"{s.isoformat()}: {k:,}" for s, k in by_saturday.items())
    )
    print(f"differences not explained by a make-up Saturday: {len(unexplained)}")
    print("examples (numpy's answer is one or more working days too late):")
    for d, n, o, t in diffs[:5]:
        why = ", ".join(s.isoformat() for s in crossed(d, o))
        print(
            f"  {d.isoformat()} + {n:2d} wd: papi {o.isoformat()}  numpy {t.isoformat()}"
            f"  (crosses make-up Saturday {why})"
        )
    assert not unexplained, f"numpy differs without a make-up Saturday: {unexplained[:3]}"


if __name__ == "__main__":
    main()
