"""Benchmark: a synthetic national-scale territory before and after the 2025 reform.

Before 2025-07-01: 63 provinces, 700 districts, 10,000 communes, 70,000 villages.
From 2025-07-01: 34 provinces and 3,321 communes (no districts); the villages carry on,
re-parented to the new communes; every old unit has a succession to the new ones.

Reports the time to ``Territory.build``, its peak memory (tracemalloc), and the median cost of
``Territory.ancestors(on=)`` for villages, as a ratio to a plain ``dict`` parent-walk over the
same tree measured in the same run. Targets: build under 2 s; ancestors within 3x of the walk.

Then the packaged national territory (``papi.territory.vietnam_territory``): the time to load
it (decompress, parse, build; target well under 1 s), as a ratio to the baseline of only
decompressing and parsing the same files in the same run, its peak memory, the packaged data
size, and the cost of ``convert`` over every old commune.

Run: ``python benchmarks/bench_territory.py`` (about 20 s).
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import papi.territory as territory_module
from papi.dates import Validity
from papi.territory import Containment, Level, Succession, Territory, Unit, UnitKind

REFORM = date(2025, 7, 1)
OLD = Validity(valid_to=REFORM)
NEW = Validity(valid_from=REFORM)
ALL = Validity()


def records() -> tuple[list[Unit], list[Containment], list[Succession], list[str]]:
    rng = random.Random(2025)
    units: list[Unit] = []
    links: list[Containment] = []
    succ: list[Succession] = []

    def unit(code: str, name: str, kind: UnitKind, v: Validity) -> str:
        uid = code if v.valid_from is None else f"{code}@{REFORM.isoformat()}"
        units.append(Unit(id=uid, code=code, name=name, kind=kind, validity=v))
        return uid

    old_prov = [unit(f"P{i:02}", f"Tỉnh Cũ {i}", UnitKind.PROVINCE, OLD) for i in range(63)]
    new_prov = [unit(f"N{i:02}", f"Tỉnh Mới {i}", UnitKind.PROVINCE, NEW) for i in range(34)]
    districts = []
    for i in range(700):
        d = unit(f"D{i:03}", f"Huyện {i}", UnitKind.RURAL_DISTRICT, OLD)
        links.append(Containment(parent=old_prov[i % 63], child=d, validity=OLD))
        districts.append(d)
    communes = []
    for i in range(10_000):
        c = unit(f"C{i:05}", f"Xã {i}", UnitKind.COMMUNE, OLD)
        links.append(Containment(parent=districts[i % 700], child=c, validity=OLD))
        communes.append(c)
    new_communes = []
    for i in range(3321):
        c = unit(f"M{i:05}", f"Xã Mới {i}", UnitKind.COMMUNE, NEW)
        links.append(Containment(parent=new_prov[i % 34], child=c, validity=NEW))
        new_communes.append(c)
    villages = []
    for i in range(70_000):
        v = unit(f"V{i:05}", f"Thôn {i}", UnitKind.VILLAGE, ALL)
        old_c = communes[i % 10_000]
        links.append(Containment(parent=old_c, child=v, validity=OLD))
        new_c = new_communes[(i % 10_000) * 3321 // 10_000]
        links.append(Containment(parent=new_c, child=v, validity=NEW))
        villages.append(v)
    for i, p in enumerate(old_prov):
        succ.append(
            Succession(
                predecessors=(p,),
                successors=(new_prov[i * 34 // 63],),
                effective=REFORM,
                act="202/2025/QH15",
                kind="merge",
            )
        )
    for i, c in enumerate(communes):
        targets = {new_communes[i * 3321 // 10_000]}
        if rng.random() < 0.3:
            targets.add(new_communes[rng.randrange(3321)])
        succ.append(
            Succession(
                predecessors=(c,),
                successors=tuple(sorted(targets)),
                effective=REFORM,
                act="synthetic",
                kind="split" if len(targets) > 1 else "merge",
            )
        )
    for i, d in enumerate(districts):
        targets = {new_communes[j * 3321 // 10_000] for j in range(i, 10_000, 700)}
        succ.append(
            Succession(
                predecessors=(d,),
                successors=tuple(sorted(targets)),
                effective=REFORM,
                act="72/2025/QH15",
                kind="abolish_tier",
            )
        )
    return units, links, succ, villages


def per_call_ns(fn: Callable[[Any], object], args: list[Any]) -> float:
    start = time.perf_counter_ns()
    for a in args:
        fn(a)
    return (time.perf_counter_ns() - start) / len(args)


def compare(
    base: Callable[[Any], object],
    other: Callable[[Any], object],
    args: list[Any],
    rounds: int,
    other_args: list[Any] | None = None,
) -> tuple[float, float, float]:
    """Median per-call cost of ``base`` and ``other``, and the median of their per-round
    ratios: the two alternate within each round, so load from other processes hits both."""
    b_runs, o_runs, ratios = [], [], []
    gc.disable()
    try:
        for _ in range(rounds):
            b = per_call_ns(base, args)
            o = per_call_ns(other, args if other_args is None else other_args)
            b_runs.append(b)
            o_runs.append(o)
            ratios.append(o / b)
    finally:
        gc.enable()
    return statistics.median(b_runs), statistics.median(o_runs), statistics.median(ratios)


def main() -> None:
    units, links, succ, villages = records()
    print(f"records: {len(units):,} units, {len(links):,} links, {len(succ):,} successions")
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    terr = Territory.build(units, links, succ)
    build_s = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # build time without tracemalloc's overhead: median of 3 builds
    builds = []
    for _ in range(3):
        gc.collect()
        start = time.perf_counter()
        Territory.build(units, links, succ)
        builds.append(time.perf_counter() - start)
    build_plain_s = statistics.median(builds)

    for day in (date(2025, 6, 30), date(2026, 3, 1)):
        parent: dict[str, str] = {}
        for unit in terr:
            p = terr.parent(unit, on=day) if unit.exists_on(day) else None
            if p is not None:
                parent[unit.id] = p.id

        def walk(uid: str, parent: dict[str, str] = parent) -> list[str]:
            out = []
            while uid in parent:
                uid = parent[uid]
                out.append(uid)
            return out

        sample = random.Random(7).sample(villages, 5000)
        by_unit = [terr.get(v) for v in sample]
        for vid in sample[:200]:
            assert [a.id for a in terr.ancestors(vid, on=day)] == walk(vid)

        def anc(u: Unit | str, d: date = day) -> tuple[Unit, ...]:
            return terr.ancestors(u, on=d)

        # baseline: the plain walk over ids; ancestors gets the Unit objects for the same ids
        t_dict, t_obj, r_obj = compare(walk, anc, sample, 21, other_args=by_unit)
        _, t_id, r_id = compare(walk, anc, sample, 21)
        print(
            f"ancestors on {day}: dict walk {t_dict:,.0f} ns; ancestors(Unit) {t_obj:,.0f} ns, "
            f"median ratio {r_obj:.2f}x; ancestors(id) {t_id:,.0f} ns, median ratio {r_id:.2f}x"
        )
    print(
        f"build: median {build_plain_s:.2f} s of 3 (min {min(builds):.2f} s; target < 2 s); "
        f"{build_s:.2f} s under tracemalloc"
    )
    print(f"peak memory during build (tracemalloc): {peak / 2**20:,.0f} MiB")
    start = time.perf_counter()
    n = len(terr.successors("C00001", on=date(2026, 3, 1)))
    print(f"successors of one commune: {n} units in {(time.perf_counter() - start) * 1e6:.0f} µs")
    national()


def national() -> None:
    data = Path(territory_module.__file__).parent.parent / "data" / "vietnam"
    files = ("units.jsonl.gz", "successions.jsonl.gz", "meta.json")
    sizes = {f: (data / f).stat().st_size for f in files}
    print(
        "national data: "
        + ", ".join(f"{f} {n / 1024:,.0f} KiB" for f, n in sizes.items())
        + f"; total {sum(sizes.values()) / 1024:,.0f} KiB"
    )
    load = territory_module._vietnam.__wrapped__  # the uncached loader

    def parse_only() -> None:
        for f in files[:2]:
            territory_module._gz_rows((data / f).read_bytes())

    parse_runs, load_runs, ratios = [], [], []
    for _ in range(5):
        gc.collect()
        start = time.perf_counter()
        parse_only()
        p = time.perf_counter() - start
        gc.collect()
        start = time.perf_counter()
        load()
        t = time.perf_counter() - start
        parse_runs.append(p)
        load_runs.append(t)
        ratios.append(t / p)
    print(
        f"national load: median {statistics.median(load_runs):.3f} s of 5 (target < 1 s); "
        f"parse-only baseline {statistics.median(parse_runs):.3f} s; "
        f"median ratio {statistics.median(ratios):.1f}x"
    )
    snapshot_only()
    gc.collect()
    tracemalloc.start()
    vn = load()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"national load peak memory (tracemalloc): {peak / 2**20:,.0f} MiB; {len(vn):,} units")
    old = vn.units(level=Level.COMMUNE, on=date(2025, 6, 30))
    start = time.perf_counter()
    for u in old:
        vn.convert(u, to=date(2026, 3, 1))
    per = (time.perf_counter() - start) / len(old)
    print(f"convert: {len(old):,} old communes, {per * 1e6:,.1f} µs each")


def snapshot_only() -> None:
    """The cost of the history (issue 14): building the packaged timeline against building
    only its records of 2025-06-30 on (what the snapshot-only data held), same run."""
    rec = territory_module._vietnam_records()[0]
    snap = date(2025, 6, 30)
    keep = {u.id for u in rec.units if u.valid_to is None or u.valid_to > snap}
    few = (
        [u for u in rec.units if u.id in keep],
        [
            c
            for c in rec.links
            if c.child in keep
            and c.parent in keep
            and (c.validity.valid_to is None or c.validity.valid_to > snap)
        ],
        [s for s in rec.successions if s.effective > snap],
    )
    runs: dict[str, list[float]] = {"timeline": [], "snapshot": []}
    for _ in range(5):
        for name, (units, links, succ) in (("timeline", rec), ("snapshot", few)):
            gc.collect()
            start = time.perf_counter()
            with territory_module._gc_paused():
                Territory.build(units, links, succ)
            runs[name].append(time.perf_counter() - start)
    full, part = (statistics.median(runs[k]) for k in ("timeline", "snapshot"))
    print(
        f"build of the national records: timeline {len(rec.units):,} units "
        f"{full:.3f} s; snapshot-only {len(few[0]):,} units {part:.3f} s; ratio {full / part:.2f}x"
    )


if __name__ == "__main__":
    main()
