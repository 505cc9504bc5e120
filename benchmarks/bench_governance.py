"""Benchmark: a national-scale governance model and the cost of ``who()``.

Territory: the synthetic national model of ``bench_territory.py`` without its villages (63
provinces, 700 districts and 10,000 communes before 2025-07-01; 34 provinces and 3,321 communes
after; every old unit succeeded by new ones, districts by ``abolish_tier``). Organizations: a
People's Committee with a chairperson post for every unit, PC successions mirroring the unit
successions, 6 departments per province. Plan: 100 tasks over the 8 PAPI dimensions, about 350
assignments through selectors (every district PC, every commune PC, their heads, the department
of a sector in every province).

Reports build time (``Builder.build``; the territory and organizations are built first and
timed separately), peak memory (tracemalloc, whole model), and the median and p99 of
``who(dimension, where=commune, on=day)`` in four situations:

* first in an era: the first question on a day of an era (the stretch of days between two
  validity boundary dates) derives that era's selector indexes; one figure per era;
* cold: a (dimension, commune) pair never asked before, each on its own day (distinct
  (subject, commune, day) triples, all in the post-reform era, whose indexes exist): nothing
  about this commune and subject is cached, the answer (about 40 entries) is assembled;
* new day: the same pairs again, each on another day of the same era: the era-invariant part
  of the answer is reused, the deadlines and the day's notices are computed;
* warm: the exact same questions again (the answer memo, what a portal serving repeated
  questions sees);

each as a ratio to a plain ``dict`` parent-walk over the same commune measured in the same run.
A cold answer builds tens of objects, so it cannot be within a small multiple of a three-step
dict walk; the figures say how far it is. The last line repeats the cold measurement after
``gc.freeze()`` (what a long-running portal process can do once its model is loaded: the
collector then stops re-scanning the model, which removes most of the p99).
Targets (issue 5): build < 3 s, < 300 MB, who() median within 20x of the dict walk.

Run: ``python benchmarks/bench_governance.py`` (about 20-40 s).
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_territory import records  # the territory engineer's synthetic national model

from papi.calendar import default_calendar
from papi.dates import Validity
from papi.duties import (
    Assignment,
    Basis,
    CommitteesOf,
    DepartmentsBySector,
    Document,
    DocumentKind,
    HeadsOf,
    Role,
    Task,
)
from papi.framework import framework
from papi.governance import Accountability, Builder, Governance
from papi.organizations import Holding, Organization, Organizations, OrgKind, Post, PostKind
from papi.rules import statute
from papi.territory import Level, Succession, Territory, Unit, UnitKind

ON = date(2026, 3, 1)
SECTORS = ("home_affairs", "justice", "finance", "inspection", "pc_office", "health")


def territory() -> Territory:
    units, links, succ, _villages = records()
    keep = {u.id for u in units if u.kind is not UnitKind.VILLAGE}
    return Territory.build(
        [u for u in units if u.id in keep],
        [c for c in links if c.child in keep and c.parent in keep],
        [s for s in succ if all(p in keep for p in s.predecessors)],
    )


def organizations(terr: Territory) -> Organizations:
    orgs: list[Organization] = []
    posts: list[Post] = []
    holdings: list[Holding] = []
    for u in terr:
        pc = f"ubnd:{u.id}"
        orgs.append(
            Organization(
                id=pc,
                name=f"Ủy ban nhân dân {u.name}",
                kind=OrgKind.PEOPLES_COMMITTEE,
                unit_id=u.id,
                validity=u.validity,
            )
        )
        posts.append(
            Post(
                id=f"{pc}/chu-tich",
                org_id=pc,
                kind=PostKind.CHAIRPERSON,
                name="Chủ tịch",
                is_head=True,
                validity=u.validity,
            )
        )
        if u.level is Level.PROVINCE:
            holdings.append(
                Holding(post_id=f"{pc}/chu-tich", person=f"Chủ tịch {u.code}", validity=u.validity)
            )
            for s in SECTORS:
                oid = f"so:{s}:{u.id}"
                orgs.append(
                    Organization(
                        id=oid,
                        name=f"Sở {s} {u.name}",
                        kind=OrgKind.DEPARTMENT,
                        unit_id=u.id,
                        part_of=pc,
                        sector=s,
                        validity=u.validity,
                    )
                )
                posts.append(
                    Post(
                        id=f"{oid}/giam-doc",
                        org_id=oid,
                        kind=PostKind.DIRECTOR,
                        name="Giám đốc",
                        is_head=True,
                        validity=u.validity,
                    )
                )
    succ = [
        Succession(
            predecessors=tuple(f"ubnd:{p}" for p in s.predecessors),
            successors=tuple(f"ubnd:{n}" for n in s.successors),
            effective=s.effective,
            act=s.act,
            kind=s.kind,
        )
        for s in terr.successions
    ]
    return Organizations.build(terr, orgs, posts, holdings, succ, derive_guides=False)


def builder_territory(builder: Builder) -> Territory:
    return builder._territory  # type: ignore[no-any-return]


def plan(builder: Builder) -> None:
    doc = "national-plan"
    builder.add_document(
        Document(
            id=doc,
            number="1/KH-TEST",
            kind=DocumentKind.PLAN,
            issuer="Chính phủ (synthetic)",
            date=date(2024, 1, 1),
            title_vi="Kế hoạch tổng hợp (synthetic)",
        )
    )
    dims = [f"D{i}" for i in range(1, 9)]
    rng = random.Random(5)
    provinces = sorted(
        u.code for u in builder_territory(builder).units(level=Level.PROVINCE, on=ON)
    )
    n = 0
    for i in range(100):
        tid = f"N{i}"
        deadlines = ()
        builder.add_task(
            Task(
                id=tid,
                document=doc,
                reference=f"¶{i}",
                title_vi=f"Nhiệm vụ {i}",
                indicators=(dims[i % 8],),
                deadlines=deadlines,
            )
        )
        selectors = [
            (CommitteesOf(level="commune"), Role.IMPLEMENT),
            (HeadsOf(of=CommitteesOf(level="commune")), Role.ACCOUNTABLE),
            (DepartmentsBySector(sector=SECTORS[i % 6], within=rng.choice(provinces)), Role.LEAD),
        ]
        if rng.random() < 0.6:
            selectors.append((CommitteesOf(level="district"), Role.IMPLEMENT))
        for sel, role in selectors:
            builder.add_assignment(
                Assignment(
                    id=f"{tid}.{n}",
                    selector=sel,
                    role=role,
                    task=tid,
                    basis=Basis(document=doc, reference=f"¶{i}"),
                    validity=Validity(valid_from=date(2024, 1, 1)),
                )
            )
            n += 1
    print(f"  plan: 100 tasks, {n} assignments")


def model() -> tuple[Territory, Governance, tuple[float, float, float]]:
    t0 = time.perf_counter()
    terr = territory()
    t1 = time.perf_counter()
    orgs = organizations(terr)
    t2 = time.perf_counter()
    builder = Builder(
        framework=framework(2022),
        territory=terr,
        organizations=orgs,
        calendar=default_calendar(),
        statute=statute,
    )
    plan(builder)
    gov = builder.build()
    t3 = time.perf_counter()
    return terr, gov, (t1 - t0, t2 - t1, t3 - t2)


def main() -> None:
    gc.collect()
    tracemalloc.start()
    model()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    terr, gov, (t_terr, t_orgs, t_gov) = model()  # timed without tracemalloc
    print(f"territory build      {t_terr:7.2f} s")
    print(f"organizations build  {t_orgs:7.2f} s")
    print(
        f"governance build     {t_gov:7.2f} s   (target < 3 s; territory + organizations "
        f"+ governance {t_terr + t_orgs + t_gov:.2f} s)"
    )
    print(f"peak memory (all)    {peak / 2**20:7.1f} MB  (target < 300 MB)")

    communes = list(terr.units(level=Level.COMMUNE, on=ON))
    rng = random.Random(7)
    dims = [f"D{i}" for i in range(1, 9)]
    pairs = [(d, u) for u in communes for d in dims]
    rng.shuffle(pairs)
    n = 400
    # each question on its own day, all in the post-reform era (no boundary after 2025-07-02)
    cold_q = [(d, u, ON + timedelta(days=i)) for i, (d, u) in enumerate(pairs[1 : n + 1])]
    new_day_q = [(d, u, day + timedelta(days=n)) for d, u, day in cold_q]
    frozen_q = [(d, u, ON + timedelta(days=i)) for i, (d, u) in enumerate(pairs[n + 1 : 2 * n + 1])]

    # a plain dict parent-walk over the same communes, measured in this run
    parent = {}
    for u in communes:
        p = terr.parent(u, on=ON)
        parent[u.id] = p.id if p is not None else None

    def walk(uid: str) -> int:
        depth = 0
        cur: str | None = uid
        while cur is not None:
            cur = parent.get(cur)
            depth += 1
        return depth

    def timed(fn: Callable[[Any], object], args: Sequence[Any], repeat: int = 1) -> list[float]:
        out = []
        for a in args:
            t = time.perf_counter_ns()
            for _ in range(repeat):
                fn(a)
            out.append((time.perf_counter_ns() - t) / repeat)
        return out

    def ask(q: tuple[str, Unit, date]) -> Accountability:
        return gov.who(q[0], where=q[1], on=q[2])

    def stats(xs: list[float]) -> tuple[float, float]:
        xs = sorted(xs)
        return statistics.median(xs), xs[int(len(xs) * 0.99) - 1]

    base = timed(walk, [u.id for _, u, _ in cold_q], repeat=200)
    b_med, _ = stats(base)
    print(f"dict parent-walk                 median {b_med / 1e3:8.2f} µs")

    t = time.perf_counter()
    first_answer = gov.who(pairs[0][0], where=pairs[0][1], on=ON)
    first = time.perf_counter() - t
    old = rng.choice(list(terr.units(level=Level.COMMUNE, on=date(2024, 6, 1))))
    t = time.perf_counter()
    gov.who(dims[0], where=old, on=date(2024, 6, 1))
    first_old = time.perf_counter() - t
    print(
        f"first who() in an era            {first * 1e3:8.1f} ms (2026 era), "
        f"{first_old * 1e3:.1f} ms (2024 era): builds the era's selector indexes"
    )

    def report(label: str, xs: list[float], note: str = "") -> None:
        med, p99 = stats(xs)
        print(
            f"who() {label:<26} median {med / 1e3:8.2f} µs  p99 {p99 / 1e3:8.2f} µs  "
            f"ratio {med / b_med:8.1f}x{note}"
        )

    cold = timed(ask, cold_q)
    new_day = timed(ask, new_day_q)
    warm = timed(ask, new_day_q, repeat=20)
    entries = statistics.mean(len(ask(q).responsible) for q in cold_q)
    report("cold (new pair, new day)", cold, "  (target 20x)")
    report("new day (pair seen in era)", new_day)
    report("warm (same question)", warm)
    gc.collect()
    gc.freeze()
    report("cold after gc.freeze()", timed(ask, frozen_q))
    gc.unfreeze()
    print(
        f"answers hold {entries:.1f} entries on average; sample: "
        f"{len(first_answer.responsible)} entries, {len(first_answer.hops)} hops, "
        f"{len(first_answer.escalation)} escalation steps"
    )


if __name__ == "__main__":
    main()
