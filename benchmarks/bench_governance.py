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
``who(dimension, where=commune, on=2026-03-01)``:

* cold: the first question for each (dimension, commune) pair (answer assembled from the
  memoised selector indexes);
* warm: the same questions again (memoised answers, what a portal serving repeated questions
  sees);

each as a ratio to a plain ``dict`` parent-walk over the same commune measured in the same run.
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
from datetime import date
from pathlib import Path

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
from papi.governance import Builder, Governance
from papi.organizations import Holding, Organization, Organizations, OrgKind, Post, PostKind
from papi.rules import statute
from papi.territory import Level, Succession, Territory, UnitKind

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
    sample = rng.sample(communes, 300)
    dims = [f"D{i}" for i in range(1, 9)]
    queries = [(rng.choice(dims), u) for u in sample]

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

    def timed(fn: object, args: list[object], repeat: int = 1) -> list[float]:
        out = []
        for a in args:
            t = time.perf_counter_ns()
            for _ in range(repeat):
                fn(a)  # type: ignore[operator]
            out.append((time.perf_counter_ns() - t) / repeat)
        return out

    base = timed(walk, [u.id for _, u in queries], repeat=200)
    t = time.perf_counter()
    gov.who(dims[0], where=sample[0], on=ON)  # first ever: builds the selector indexes
    first = time.perf_counter() - t
    cold = timed(lambda q: gov.who(q[0], where=q[1], on=ON), queries[1:])
    warm = timed(lambda q: gov.who(q[0], where=q[1], on=ON), queries[1:], repeat=20)

    def stats(xs: list[float]) -> tuple[float, float]:
        xs = sorted(xs)
        return statistics.median(xs), xs[int(len(xs) * 0.99) - 1]

    b_med, _ = stats(base)
    c_med, c_p99 = stats(cold)
    w_med, w_p99 = stats(warm)
    print(f"first who() (indexes) {first * 1e3:7.1f} ms")
    print(f"dict parent-walk     median {b_med / 1e3:8.2f} µs")
    print(
        f"who() cold           median {c_med / 1e3:8.2f} µs  p99 {c_p99 / 1e3:8.2f} µs  "
        f"ratio {c_med / b_med:8.1f}x"
    )
    print(
        f"who() warm (memo)    median {w_med / 1e3:8.2f} µs  p99 {w_p99 / 1e3:8.2f} µs  "
        f"ratio {w_med / b_med:8.1f}x  (target 20x)"
    )
    acc = gov.who(queries[0][0], where=queries[0][1], on=ON)
    print(
        f"sample answer: {len(acc.responsible)} entries, {len(acc.hops)} hops, "
        f"{len(acc.escalation)} escalation steps"
    )


if __name__ == "__main__":
    main()
