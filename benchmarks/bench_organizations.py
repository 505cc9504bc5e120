"""Benchmark: building organization registries, for Hanoi and a national-scale territory.

Before this change every unit's People's Committee, council and chair post were built as
records, validated and put into a networkx graph with a ``guides`` edge from each city
department to each lower-level committee (37,068 edges for Hanoi). Now the bodies are derived
per unit when a query reaches it and ``guides`` is a rule. The baseline below does the old
work in the same run: it materialises every derived record, builds a registry from them
(validation and indexes) and its graph.

Reports, as ratios in the same run:
* Hanoi: ``hanoi_organizations()``'s build (rules, lazily) vs the eager baseline; target
  well under 0.5 s;
* national scale (the synthetic territory of ``bench_territory.py``: 63 + 34 provinces, 700
  districts, 13,321 communes, 70,000 villages): the registry's build vs ``Territory.build``
  of the same territory (target: a small fraction of it), and first-use costs of queries;
* query cost: ``committee_of`` of a commune, warm, vs a plain dict lookup.

Run: ``python benchmarks/bench_organizations.py`` (about 30 s).
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_territory import records

from papi.organizations import STANDARD_RULES, Organizations, OrgKind
from papi.organizations._curated import curated_from_dict
from papi.organizations.hanoi import organizations_from_dict
from papi.territory import Level, Territory, hanoi_territory

AFTER = date(2026, 3, 1)


def timed(fn: Callable[[], object], rounds: int = 5) -> float:
    """Median wall time of ``fn()`` over ``rounds`` (garbage collected before each)."""
    runs = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def eager(terr: Territory, data: dict[str, object]) -> Organizations:
    """The old work: every derived record built, validated, indexed and put in the graph."""
    lazy = organizations_from_dict(terr, data)
    orgs = list(iter(lazy))
    posts = [p for o in orgs for p in lazy._posts_of_org(o)]
    holdings = [h for held in lazy._holdings.values() for h in held]
    built = Organizations.build(terr, orgs, posts, holdings, lazy.successions)
    _ = built.full_graph
    return built


BEFORE_COMMIT = "b027c04"  # the last commit with the eager papi/organizations.py


def before_module() -> Callable[[], object] | None:
    """The build of ``hanoi_organizations()`` as it was at :data:`BEFORE_COMMIT`, read from
    git (``None`` when git or that commit is not at hand, or the old code no longer runs)."""
    root = Path(__file__).resolve().parent.parent
    try:
        src = subprocess.run(
            ["git", "show", f"{BEFORE_COMMIT}:src/papi/organizations.py"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        data = subprocess.run(
            ["git", "show", f"{BEFORE_COMMIT}:src/papi/data/hanoi/organizations.json"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        start = src.index('    text = (resources.files("papi")')
        end = src.index(")", src.index("read_text(", start)) + 1
        src = src[:start] + "    text = _DATA" + src[end:]
        namespace: dict[str, Any] = {"__name__": "papi_organizations_before", "_DATA": data}
        sys.modules["papi_organizations_before"] = types.ModuleType("papi_organizations_before")
        exec(compile(src, "organizations.py@before", "exec"), namespace)
        build = namespace["_hanoi"].__wrapped__
        build()
        return build  # type: ignore[no-any-return]
    except Exception as exc:
        print(f"(the code of {BEFORE_COMMIT} is not available here: {exc!r})")
        return None


def national_data() -> None:
    """The same over the packaged national territory, where this papi has one."""
    try:
        from papi.territory import vietnam_territory  # type: ignore[attr-defined]
    except ImportError:
        print("(no packaged national territory in this papi: skipped)")
        return
    vn = vietnam_territory()
    t_orgs = timed(lambda: Organizations.build(vn, rules=STANDARD_RULES))
    orgs = Organizations.build(vn, rules=STANDARD_RULES)
    start = time.perf_counter()
    n = len(orgs.organizations(on=AFTER))
    t_list = time.perf_counter() - start
    print(
        f"vietnam_territory(): Organizations.build {t_orgs * 1000:.2f} ms; "
        f"organizations(on={AFTER}) first use {t_list:.2f} s ({n:,})"
    )


def main() -> None:
    hn = hanoi_territory()
    text = (resources.files("papi") / "data" / "hanoi" / "organizations.json").read_text("utf-8")
    data = json.loads(text)
    curated_from_dict(data)  # warm imports
    t_lazy = timed(lambda: organizations_from_dict(hn, json.loads(text)))
    t_eager = timed(lambda: eager(hn, json.loads(text)), rounds=3)
    old = before_module()
    if old is not None:
        t_old = timed(old, rounds=3)
        print(
            f"Hanoi: build {t_lazy * 1000:.1f} ms now vs {t_old * 1000:.0f} ms at "
            f"{BEFORE_COMMIT} (same data, same run): ratio {t_lazy / t_old:.3f}"
        )
    lazy = organizations_from_dict(hn, data)
    edges = sum(1 for *_, r in lazy.full_graph.edges(data="relation") if r == "guides")
    print(
        f"Hanoi: build {t_lazy * 1000:.1f} ms (rules, on demand) vs {t_eager * 1000:.0f} ms "
        f"for the same records made eagerly (records + validation + graph with {edges:,} guides edges): "
        f"ratio {t_lazy / t_eager:.3f}"
    )

    units, links, succ, _ = records()
    gc.collect()
    start = time.perf_counter()
    terr = Territory.build(units, links, succ)
    t_terr = time.perf_counter() - start
    t_orgs = timed(lambda: Organizations.build(terr, rules=STANDARD_RULES))
    print(
        f"national scale ({len(units):,} units): Organizations.build {t_orgs * 1000:.2f} ms vs "
        f"Territory.build {t_terr:.2f} s: ratio {t_orgs / t_terr:.5f}"
    )
    orgs = Organizations.build(terr, rules=STANDARD_RULES)
    for label, fn in (
        ("change_days()", orgs.change_days),
        ("successions (first use)", lambda: orgs.successions),
        ("organizations(on=2026-03-01)", lambda: orgs.organizations(on=AFTER)),
        ("Sở Nội vụ in every province", lambda: orgs.find("Sở Nội vụ", on=AFTER)),
    ):
        start = time.perf_counter()
        out = fn()
        n = len(out) if hasattr(out, "__len__") else 0  # type: ignore[arg-type]
        print(f"  first {label}: {(time.perf_counter() - start) * 1000:.0f} ms ({n:,} items)")
    start = time.perf_counter()
    n = sum(1 for _ in orgs)
    print(f"  iterating every organization: {n:,} in {time.perf_counter() - start:.2f} s")

    national_data()

    communes = [u for u in terr if u.level is Level.COMMUNE and u.exists_on(AFTER)]
    sample = random.Random(3).sample(communes, 2000)
    pcs = {u.id: orgs.committee_of(u, on=AFTER) for u in sample}
    ids = [u.id for u in sample]
    ratios, t_q, t_d = [], [], []
    gc.disable()
    try:
        for _ in range(11):
            start = time.perf_counter_ns()
            for u in sample:
                orgs.committee_of(u, on=AFTER)
            q = (time.perf_counter_ns() - start) / len(sample)
            start = time.perf_counter_ns()
            for i in ids:
                pcs.get(i)
            d = (time.perf_counter_ns() - start) / len(sample)
            t_q.append(q)
            t_d.append(d)
            ratios.append(q / d)
    finally:
        gc.enable()
    print(
        f"committee_of(commune), warm: {statistics.median(t_q):,.0f} ns vs dict lookup "
        f"{statistics.median(t_d):,.0f} ns: median ratio {statistics.median(ratios):.0f}x"
    )
    pc = orgs.committee_of(sample[0], on=AFTER)
    assert pc is not None
    assert pc.kind is OrgKind.PEOPLES_COMMITTEE


if __name__ == "__main__":
    main()
