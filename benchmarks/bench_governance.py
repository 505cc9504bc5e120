"""Benchmark: a national-scale governance model and the cost of ``who()``.

Territory: the synthetic national model of ``bench_territory.py`` without its villages (63
provinces, 700 districts and 10,000 communes before 2025-07-01; 34 provinces and 3,321 communes
after; every old unit succeeded by new ones, districts by ``abolish_tier``). Organizations: a
People's Committee with a chairperson post for every unit, PC successions mirroring the unit
successions, 6 departments per province. Plan: 100 tasks over the 8 PAPI dimensions, about 350
assignments through selectors (every district PC, every commune PC, their heads, the department
of a sector in every province).

Every figure is printed with its ratio to a baseline doing the same work in the same run: a
plain ``dict`` parent-walk over the same commune (what a hand-written lookup of the commune's
chain costs). Reported:

* build times (territory, organizations, governance), peak memory (tracemalloc), and the
  first full garbage collection after the build (paid there, not by the first question);
* first question of a subject in an era: compiles the subject's table for the era (and the
  selector indexes it needs); one figure per subject, target <= 50 ms;
* a (subject, commune) pair never asked before in the era, on a new day: its part of the era
  (the commune's committee, head, holder, ladder, the rows reaching it) is derived on the
  way; most of these ask about a commune for the first time in the era (no target);
* new day: the same pairs on another day of the era, their part of the era compiled (target
  <= 25x the walk);
* compile, then read: ``Governance.compile()`` of the era for every commune and subject on a
  model asked nothing yet (timed; target < 1 s as the first sweep's), then questions never
  asked (neither pair nor day) on it (target <= 25x the walk);
* warm: the exact same questions again (the answer store; target <= 4x);
* the cost of making the entries of an answer, paid when they are first read (answers make
  them lazily): one ``Responsible`` (against a tuple of its fields) times the entries of an
  answer;
* the cold figure again after ``gc.freeze()`` (what a portal can do once its model is loaded),
  on pairs not asked before;
* the whole answer: cold questions and then every entry read, and cold questions and then
  ``to_dict()``, each beside ``who()`` alone on the same questions (so that the laziness of
  the answers hides nothing); ``to_dict()`` of answers in the store;
* cold questions about a commune asked before about another subject (its committee, head,
  holder, chain and ladder derived already);
* sweeps: every commune x 8 dimensions on one day (26,568 answers, target < 1 s) twice, on new
  days, then a sweep of every commune x 8 dimensions x 3 new days (79,704 distinct questions:
  more than the answer store holds) twice: the second sweep must be as fast as the first; a
  sweep reading every answer's entries, twice;
* independence: cold questions on a model with 2,000 more assignments that do not reach the
  places asked about (ratio to the same questions on the base model, target ~1x);
* memory of the compiled tables of one era (tracemalloc over a first sweep; target <= 100 MB),
  and the same once every answer of the sweep was read whole;
* at the end, which targets this run met.

Each timed sample is one call (``perf_counter_ns``), at least 1,000 samples per figure so that
the p99 rests on 10 samples or more.

Run: ``python benchmarks/bench_governance.py`` (about 2-4 minutes).
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
from papi.governance._tables import Lru, Tables
from papi.governance.queries import _subject_table
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


def model(extra: int = 0) -> tuple[Territory, Governance, tuple[float, float, float]]:
    """The model; ``extra`` assignments more that reach only the first province's
    departments (none of the communes the benchmark asks about outside it)."""
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
    if extra:
        first = min(u.code for u in terr.units(level=Level.PROVINCE, on=ON))
        for i in range(extra):
            builder.add_assignment(
                Assignment(
                    id=f"extra.{i}",
                    selector=DepartmentsBySector(sector=SECTORS[i % 6], within=first),
                    role=Role.COORDINATE,
                    task=f"N{i % 100}",
                    basis=Basis(document="national-plan", reference=f"extra {i}"),
                    validity=Validity(valid_from=date(2024, 1, 1)),
                )
            )
    gov = builder.build()
    t3 = time.perf_counter()
    return terr, gov, (t1 - t0, t2 - t1, t3 - t2)


def stats(xs: list[float]) -> tuple[float, float]:
    """Median and p99."""
    xs = sorted(xs)
    return statistics.median(xs), xs[max(0, int(len(xs) * 0.99) - 1)]


def timed(fn: Callable[[Any], object], args: Sequence[Any], repeat: int = 1) -> list[float]:
    """Nanoseconds per call, one sample per argument."""
    out = []
    for a in args:
        t = time.perf_counter_ns()
        for _ in range(repeat):
            fn(a)
        out.append((time.perf_counter_ns() - t) / repeat)
    return out


def walker(terr: Territory, day: date) -> Callable[[str], int]:
    """The baseline: a plain ``dict`` parent-walk from a unit to the top on ``day`` (what a
    hand-written lookup of a commune's chain costs); returns the chain's length."""
    parent: dict[str, str | None] = {}
    for u in terr.units(on=day):
        p = terr.parent(u, on=day)
        parent[u.id] = p.id if p is not None else None

    def walk(uid: str) -> int:
        depth = 0
        cur: str | None = uid
        while cur is not None:
            cur = parent.get(cur)
            depth += 1
        return depth

    return walk


def main() -> None:
    gc.collect()
    tracemalloc.start()
    model()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    terr, gov, (t_terr, t_orgs, t_gov) = model()  # timed without tracemalloc
    # the build leaves some millions of new objects to the garbage collector: its first full
    # collection is a cost of the build, paid here rather than by whichever question comes
    # first (measured and printed)
    t = time.perf_counter()
    gc.collect()
    t_gc = time.perf_counter() - t
    print(f"territory build      {t_terr:7.2f} s")
    print(f"organizations build  {t_orgs:7.2f} s")
    print(
        f"governance build     {t_gov:7.2f} s   (territory + organizations + governance "
        f"{t_terr + t_orgs + t_gov:.2f} s)"
    )
    print(f"peak memory (build)  {peak / 2**20:7.1f} MB")
    print(f"first full collection after the build {t_gc * 1e3:.0f} ms")

    communes = sorted(terr.units(level=Level.COMMUNE, on=ON), key=lambda u: u.id)
    dims = [f"D{i}" for i in range(1, 9)]
    rng = random.Random(7)

    # the baseline: a plain dict parent-walk over the same communes, measured in this run
    walk = walker(terr, ON)

    base = timed(walk, [u.id for u in communes[:2000]], repeat=200)
    b_med, _ = stats(base)
    print(f"dict parent-walk (baseline)      median {b_med / 1e3:8.3f} µs")

    walk_ids = [u.id for u in communes[:1000]]

    def report(label: str, xs: list[float], target: str = "") -> float:
        """Print a figure with its ratio to the walk measured at the start, and to the walk
        measured again right after it (the machine is shared: its load drifts); return the
        larger of the two ratios."""
        med, p99 = stats(xs)
        now = stats(timed(walk, walk_ids, repeat=50))[0]
        print(
            f"who() {label:<28} median {med / 1e3:8.2f} µs  p99 {p99 / 1e3:9.2f} µs  "
            f"ratio {med / b_med:8.1f}x  (walk now {now / 1e3:.3f} µs: "
            f"{med / now:.1f}x)  (n={len(xs)}){target}"
        )
        return max(med / b_med, med / now)

    # first question of each subject in the 2026 era, and in the 2024 era
    first_met: list[tuple[str, float]] = []
    old_communes = sorted(terr.units(level=Level.COMMUNE, on=date(2024, 6, 1)), key=lambda u: u.id)
    for label, day, places in (("2026", ON, communes), ("2024", date(2024, 6, 1), old_communes)):
        firsts = []
        for d in dims:
            t = time.perf_counter()
            gov.who(d, where=rng.choice(places), on=day)
            firsts.append(time.perf_counter() - t)
        print(
            f"first who() of a subject ({label} era) median {statistics.median(firsts) * 1e3:7.1f} ms, "
            f"max {max(firsts) * 1e3:7.1f} ms, first of all {firsts[0] * 1e3:.1f} ms  (target <= 50 ms)"
        )
        first_met.append((f"first who() of a subject ({label} era) <= 50 ms", max(firsts)))

    pairs = [(d, u) for u in communes for d in dims]
    rng.shuffle(pairs)
    n = 1500
    # each question on its own day of the post-reform era (no boundary after 2025-07-02)
    cold_q = [(d, u, ON + timedelta(days=i % 600)) for i, (d, u) in enumerate(pairs[:n])]
    new_day_q = [(d, u, day + timedelta(days=1)) for d, u, day in cold_q]
    frozen_q = [(d, u, ON + timedelta(days=i % 600)) for i, (d, u) in enumerate(pairs[n : 2 * n])]
    # answers make their entries when first read: cold questions whose answers are read whole
    read_q = [(d, u, ON + timedelta(days=i % 600)) for i, (d, u) in enumerate(pairs[2 * n : 3 * n])]
    json_q = [(d, u, ON + timedelta(days=i % 600)) for i, (d, u) in enumerate(pairs[3 * n : 4 * n])]

    def ask(q: tuple[str, Unit, date]) -> Accountability:
        return gov.who(q[0], where=q[1], on=q[2])

    cold = timed(ask, cold_q)
    new_day = timed(ask, new_day_q)
    warm = timed(ask, new_day_q, repeat=20)
    never_x = report("pair never asked in the era", cold, "  (compiles its part; no target)")
    new_day_x = report("new day (pair compiled in era)", new_day, "  target <= 25x")
    warm_x = report("warm (same question)", warm, "  target <= 4x")
    # the who() figures call gov.who through a one-line function taking the question (as
    # timed() calls walk(uid) directly): the walk through the same kind of function
    walk_q = timed(lambda q: walk(q[1].id), new_day_q, repeat=20)
    print(
        f"dict parent-walk through the same one-call harness: median "
        f"{stats(walk_q)[0] / 1e3:.3f} µs; warm who() {stats(warm)[0] / stats(walk_q)[0]:.1f}x it"
    )
    met: list[tuple[str, bool, str]] = [
        (what, worst <= 0.05, f"max {worst * 1e3:.1f} ms") for what, worst in first_met
    ]
    # met only against both walks (the one measured first and the one measured just after)
    met.append(
        ("new (place, day), era compiled <= 25x the walk", new_day_x <= 25, f"{new_day_x:.1f}x")
    )
    met.append(("warm who() <= 4x the walk", warm_x <= 4, f"{warm_x:.1f}x"))

    # the first sweep of a model asked nothing yet, through who(): every pair compiled on the
    # way (the sweep above ran on a model asked many questions already); then the same after
    # gc.freeze() of the built model (what a portal can do once it is loaded)
    def fresh_sweep(freeze: bool) -> float:
        fresh = model()[1]
        gc.collect()
        if freeze:
            gc.freeze()
        t = time.perf_counter()
        for u in communes:
            for d in dims:
                fresh.who(d, where=u, on=ON)
        took = time.perf_counter() - t
        gc.unfreeze()
        return took

    f0, f1 = fresh_sweep(False), fresh_sweep(True)
    print(
        f"first sweep of a model asked nothing yet, through who(): {f0:.2f} s; after "
        f"gc.freeze() of the built model: {f1:.2f} s"
    )
    met.append(("first sweep of a fresh model, who() < 1 s", f0 < 1.0, f"{f0:.2f} s"))

    # compile, then read: Governance.compile() of the era for every commune and subject on a
    # model asked nothing yet, then questions never asked (neither the pair nor the day) on it
    gov_c = model()[1]
    gc.collect()
    t = time.perf_counter()
    n_pairs = gov_c.compile(ON, subjects=dims, where=communes)
    t_compile = time.perf_counter() - t
    print(f"compile() of the 2026 era, {n_pairs:,} (subject, commune) pairs: {t_compile:.2f} s")
    compiled_q = [(d, u, ON + timedelta(days=1 + i % 600)) for i, (d, u) in enumerate(pairs[:n])]
    compiled = timed(lambda q: gov_c.who(q[0], where=q[1], on=q[2]), compiled_q)
    compiled_x = report("cold, era compiled", compiled, "  target <= 25x (never asked)")
    # the era before the reform (10,000 communes), on a model of its own: a portal compiles the
    # era of the days it answers about (with two eras compiled, the questions of one era run
    # over twice the tables, more of them outside the processor's caches: ~1.5x slower)
    gov_o = model()[1]
    gc.collect()
    t = time.perf_counter()
    n_old = gov_o.compile(date(2024, 6, 1), subjects=dims, where=old_communes)
    t_compile_old = time.perf_counter() - t
    old_q = [
        (d, u, date(2024, 6, 2) + timedelta(days=i % 300))
        for i, (d, u) in enumerate(
            random.Random(11).sample([(d, u) for u in old_communes for d in dims], n)
        )
    ]
    old_times = timed(lambda q: gov_o.who(q[0], where=q[1], on=q[2]), old_q)
    report("cold, 2024 era compiled", old_times, "  (against the 2026 walk)")
    # against the walk of the same communes in 2024 (commune, district, province: one more
    # parent than after the reform)
    walk_old = walker(terr, date(2024, 6, 1))

    old_walk = stats(timed(walk_old, [u.id for u in old_communes[:2000]], repeat=200))[0]
    old_x = stats(old_times)[0] / old_walk
    print(
        f"  ... against the walk of the same communes in 2024 ({old_walk / 1e3:.3f} µs): "
        f"{old_x:.1f}x; compile() of the 2024 era, {n_old:,} pairs: {t_compile_old:.2f} s"
    )
    met.append(("cold who() after compile(), 2024 era <= 25x", old_x <= 25, f"{old_x:.1f}x"))
    met.append(
        ("cold who() after compile() <= 25x the walk", compiled_x <= 25, f"{compiled_x:.1f}x")
    )
    met.append(("compile() of one era < 1 s", t_compile < 1.0, f"{t_compile:.2f} s"))
    print(
        f"  (a pair never asked in an era not compiled: {never_x:.0f}x the walk; no target: "
        "its committee, head, holder, ladder and entries are derived on the way)"
    )

    entries = statistics.mean(len(ask(q).responsible) for q in cold_q[:200])
    # the floor of a cold answer while answers carry their entries as attrs objects: one
    # Responsible made per entry (the cheapest way, slots set directly), against a tuple
    sample = ask(cold_q[0]).responsible[0]
    fields = tuple(getattr(sample, f) for f in ("role", "task", "organization", "post"))
    fields += (sample.holder, sample.basis, sample.via)
    one = stats(timed(lambda f: _subject_table._responsible(*f), [fields] * 2000, repeat=20))[0]
    tup = stats(timed(lambda f: tuple(f), [fields] * 2000, repeat=20))[0]
    print(
        f"one Responsible {one:.0f} ns ({one / tup:.1f}x a tuple of its fields); "
        f"{entries:.0f} of them per answer: {entries * one / 1e3:.1f} µs = "
        f"{entries * one / b_med:.0f}x the walk, paid when an answer's entries are first read "
        "(not by who() itself)"
    )
    gc.collect()
    gc.freeze()  # pairs not asked yet: still cold (the sweeps below compile every pair)
    report("cold after gc.freeze()", timed(ask, frozen_q))
    gc.unfreeze()

    # the whole answer read (the entries are made on the first read): who() and then every
    # entry, and who() and then to_dict() (JSON-ready), on pairs not asked before, each
    # against who() alone on the same questions
    def then(
        qs: Sequence[tuple[str, Unit, date]], read: Callable[[Accountability], object]
    ) -> tuple[list[float], list[float]]:
        alone, whole = [], []
        for q in qs:
            t0 = time.perf_counter_ns()
            acc = ask(q)
            t1 = time.perf_counter_ns()
            read(acc)
            t2 = time.perf_counter_ns()
            alone.append(t1 - t0)
            whole.append(t2 - t0)
        return alone, whole

    alone, whole = then(read_q, lambda a: (a.responsible, a.hops, a.law_roles))
    report("cold, who() alone", alone, "  (the questions of the next line)")
    report("cold + every entry read", whole, "  (answers are lazy: the honest cold cost)")
    alone, whole = then(json_q, lambda a: a.to_dict())
    report("cold, who() alone", alone, "  (the questions of the next line)")
    report("cold + to_dict()", whole)
    alone, whole = then(json_q[:1000], lambda a: a.to_dict())
    report("warm + to_dict()", whole)
    # the same cold question about a place asked before about another subject: the place's
    # committee, head, holder, chain and ladder are derived already (shared by every subject)
    asked = {u.id for _, u, _ in cold_q}
    seen_q = [
        (d, u, ON + timedelta(days=i % 600))
        for i, (d, u) in enumerate(pairs[4 * n :])
        if u.id in asked
    ][:n]
    report("cold, place asked before", timed(ask, seen_q), "  (another subject)")

    # sweeps: all communes x 8 dimensions on one day, twice; then on two new days (more
    # distinct questions than the answer store holds), twice; each from a fresh collection (this
    # model holds the entries of the answers read above: a full pass of the collector over it,
    # landing in one sweep or another by luck, costs a few tenths of a second)
    def sweep(days: Sequence[date]) -> float:
        gc.collect()
        t = time.perf_counter()
        for day in days:
            for u in communes:
                for d in dims:
                    gov.who(d, where=u, on=day)
        return time.perf_counter() - t

    walk_all = min(timed(lambda _: [walk(u.id) for u in communes for _d in dims], [0, 1, 2])) / 1e9
    day1 = ON + timedelta(days=700)
    s0 = sweep([day1])  # compiles the entries of every (subject, commune)
    s1 = sweep([day1])  # the answer store
    s2 = sweep([day1 + timedelta(days=1)])  # a new day: the era-invariant parts are kept
    s3 = sweep([day1 + timedelta(days=2)])
    print(
        f"sweep 3,321 communes x 8, one day: first {s0:6.2f} s (compiles every pair), same day "
        f"again {s1:5.2f} s, a new day {s2:5.2f} s, another {s3:5.2f} s  target < 1 s "
        f"(baseline walks {walk_all * 1e3:.1f} ms: new-day sweep {s2 / walk_all:.0f}x)"
    )
    met.append(("first sweep (many pairs asked before) < 1 s", s0 < 1.0, f"{s0:.2f} s"))
    met.append(("new-day sweep < 1 s", s2 < 1.0, f"{s2:.2f} s"))
    big = [day1 + timedelta(days=10), day1 + timedelta(days=11), day1 + timedelta(days=12)]

    # each sweep as a ratio to the walks of the same (commune, dimension) pairs measured just
    # before and just after it (the faster of the two): the machine's speed drifts by up to
    # 2x within a run, and a walk of a few ms can land in a slow moment
    def walks() -> float:
        return min(timed(lambda _: [walk(u.id) for u in communes for _d in dims], range(5)))

    w1 = walks()
    b1 = sweep(big)
    w1 = min(w1, walks())
    again, ratios = [], []
    for _ in range(5):  # every sweep after the first is a second one (each evicts): five
        w = walks()
        again.append(sweep(big))
        w = min(w, walks())
        ratios.append(again[-1] / w / (b1 / w1))
    b2 = statistics.median(ratios)
    store = gov._ctx.tables.answers
    print(
        f"sweep x 3 days ({3 * len(communes) * 8:,} answers > store of {Tables.ANSWERS:,}) "
        f"{b1:6.2f} s, again {', '.join(f'{x:.2f}' for x in again)} s; against the walks "
        f"measured before each, again / first: {', '.join(f'{r:.2f}' for r in ratios)} "
        f"(median {b2:.2f}; store holds {len(store):,})"
    )
    met.append(("second sweep as fast as the first", b2 <= 1.1, f"ratio {b2:.2f}"))

    def sweep_read(day: date) -> float:
        t = time.perf_counter()
        for u in communes:
            for d in dims:
                len(gov.who(d, where=u, on=day).responsible)
        return time.perf_counter() - t

    r1 = sweep_read(day1 + timedelta(days=20))
    r2 = sweep_read(day1 + timedelta(days=21))
    print(
        f"sweep 3,321 communes x 8 on a new day, every answer's entries read: first {r1:6.2f} s "
        f"(makes the entries of every era-invariant part), on another new day {r2:6.2f} s"
    )
    for st_ in gov._ctx.tables.stores():
        if len(st_):
            print(f"    {st_!r}")

    # independence of the assignments that do not reach the place
    _, gov_x, _ = model(extra=2000)
    first_province = min(u.code for u in terr.units(level=Level.PROVINCE, on=ON))
    outside = [q for q in cold_q if terr.ancestors(q[1], on=ON)[-1].code != first_province][:1000]
    for d in dims:  # compile the subjects' tables first in both models
        gov_x.who(d, where=outside[0][1], on=ON)
    fresh = model()[1]
    for d in dims:
        fresh.who(d, where=outside[0][1], on=ON)
    # interleaved, so that a change of the machine's load weighs on both alike
    with_x: list[float] = []
    without: list[float] = []
    for q in outside:
        with_x += timed(lambda q: gov_x.who(q[0], where=q[1], on=q[2]), [q])
        without += timed(lambda q: fresh.who(q[0], where=q[1], on=q[2]), [q])
    ind = stats(with_x)[0] / stats(without)[0]
    print(
        f"cold who() with 2,000 assignments not reaching the place: median "
        f"{stats(with_x)[0] / 1e3:.2f} µs vs {stats(without)[0] / 1e3:.2f} µs without "
        f"(ratio {ind:.2f}, target ~1)"
    )
    met.append(("independent of assignments not reaching the place", ind <= 1.2, f"{ind:.2f}"))

    # memory of the compiled tables of one era: a first sweep of a fresh model, answers not kept
    fresh2 = model()[1]
    fresh2._ctx.tables.answers = Lru("answers", 2)
    gc.collect()
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    for u in communes:
        for d in dims:
            fresh2.who(d, where=u, on=day1)
    after, _ = tracemalloc.get_traced_memory()
    tables_mb = (after - before) / 2**20
    print(
        f"compiled tables, one era (every commune x 8 subjects; answers not kept, entries "
        f"not read): {tables_mb:.1f} MB  (target <= 100 MB)"
    )
    # the same after reading every answer whole: each era-invariant part then keeps its
    # entries (made once, shared by the answers of every day of the era)
    for u in communes:
        for d in dims:
            len(fresh2.who(d, where=u, on=day1).responsible)
    read_all, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    read_mb = (read_all - before) / 2**20
    print(
        f"  ... after every answer of the sweep was read whole: {read_mb:.1f} MB (reported, "
        "not the target's reading: the entries the answers' readers had made, some 45 per "
        "answer, kept with the era-invariant parts so that the answers of the other days read "
        "them for nothing; each a slotted attrs object naming its commune's organization)"
    )
    met.append(("tables of one era <= 100 MB", tables_mb <= 100, f"{tables_mb:.1f} MB"))
    del fresh2

    print(f"answers hold {entries:.1f} entries on average")
    print("\ntargets (ratios and times of this run):")
    for what, ok, value in met:
        print(f"  {'met    ' if ok else 'NOT MET'}  {what}: {value}")


if __name__ == "__main__":
    main()
