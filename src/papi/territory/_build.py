"""Building a :class:`~papi.territory.Territory`: validation and indexes; the networkx graph
(written through its fast paths) when first asked for (:func:`build_graph`)."""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import networkx as nx

from papi.dates import (
    Validity,
)
from papi.errors import InvalidData, Problem
from papi.territory.model import (
    _KIND_LEVEL,
    _SENTINELS,
    Containment,
    Level,
    Succession,
    Unit,
    _span,
)
from papi.territory.successions import _check_successions

if TYPE_CHECKING:
    from papi.territory.registry import Territory


def build(
    cls: type[Territory],
    units: Iterable[Unit],
    links: Iterable[Containment],
    successions: Iterable[Succession],
    *,
    coverage: Validity,
    meta: Mapping[str, object] | None,
    regional: dict[str, Validity],
    unverified: dict[str, tuple[tuple[Validity, str], ...]],
) -> Territory:
    """The body of :meth:`Territory.build <papi.territory.Territory.build>` (called with the
    garbage collector paused): check every record, collect every problem, then fill the slots
    of a new ``cls`` instance (indexes by id, code, level and day; the frozen graph)."""
    unit_list = list(units)
    link_list = list(links)
    succ_list = list(successions)
    problems: list[Problem] = []
    by_id: dict[str, Unit] = {}
    for i, u in enumerate(unit_list):
        if u.id in by_id:
            problems.append(
                Problem(path="id", message="duplicate unit id", value=u.id, source=f"units[{i}]")
            )
            continue
        by_id[u.id] = u

    # same code, overlapping validity
    by_code: dict[str, list[Unit]] = {}
    for u in by_id.values():
        by_code.setdefault(u.code, []).append(u)
    for code, group in by_code.items():
        if len(group) == 1:
            continue
        group.sort(key=lambda x: _span(x.validity))
        for a, b in itertools.pairwise(group):
            if a.validity.overlaps(b.validity):
                problems.append(
                    Problem(
                        path="validity",
                        message=f"code {code} is used by {a.id} {a.validity} and "
                        f"{b.id} {b.validity} on the same days",
                        value=code,
                        source=f"unit {b.id}",
                    )
                )

    spans = {uid: _span(u.validity) for uid, u in by_id.items()}
    parents: dict[str, list[tuple[int, int, str]]] = {}
    children: dict[str, list[tuple[int, int, str]]] = {}
    # the containment links as the graph's edges need them (link order), built on demand
    contains: list[tuple[str, str, int, int, date | None, date | None]] = []
    for link in link_list:
        p, c = link.parent, link.child
        ps, cs = spans.get(p), spans.get(c)
        if ps is None or cs is None:
            for end, role in ((p, "parent"), (c, "child")):
                if end not in spans:
                    problems.append(
                        Problem(
                            path=role,
                            message="unknown unit",
                            value=end,
                            source=link.source or f"link {p}->{c}",
                        )
                    )
            continue
        lo, hi = _span(link.validity)
        if lo < ps[0] or hi > ps[1] or lo < cs[0] or hi > cs[1]:
            for end, (elo, ehi) in ((p, ps), (c, cs)):
                if lo < elo or hi > ehi:
                    problems.append(
                        Problem(
                            path="validity",
                            message=f"the link {link.validity} is not inside the validity"
                            f" of {end} {by_id[end].validity}",
                            source=link.source or f"link {p}->{c}",
                        )
                    )
            continue
        plist = parents.get(c)
        if plist is None:
            parents[c] = [(lo, hi, p)]
        else:
            clash = [o for plo, phi, o in plist if plo < hi and lo < phi]
            if clash:
                problems.append(
                    Problem(
                        path="parent",
                        message=f"{c} has two parents on the same days: {clash[0]} and {p}",
                        value=p,
                        source=link.source or f"link {p}->{c}",
                    )
                )
                continue
            plist.append((lo, hi, p))
        kids = children.get(p)
        if kids is None:
            children[p] = [(lo, hi, c)]
        else:
            kids.append((lo, hi, c))
        v = link.validity
        contains.append((p, c, lo, hi, v.valid_from, v.valid_to))

    # containment cycles (over all time: a cycle on any day is a cycle here)
    for cycle in _cycles(children):
        problems.append(
            Problem(
                path="parent",
                message="containment cycle: " + " -> ".join([*cycle, cycle[0]]),
                value=cycle[0],
                source=f"unit {cycle[0]}",
            )
        )

    checked = _check_successions(succ_list, by_id, "unit")
    problems.extend(checked.problems)
    succ_of, pred_of = checked.succ_of, checked.pred_of

    for u in by_id.values():
        if u.valid_to is not None and u.id not in succ_of and not u.end_reason:
            problems.append(
                Problem(
                    path="valid_to",
                    value=u.valid_to.isoformat(),
                    source=f"unit {u.id}",
                    message="the unit ends without successors or an end_reason",
                )
            )
    for top, v in regional.items():
        if top not in by_id or top in parents:
            problems.append(
                Problem(
                    path="regional_coverage",
                    message="not the id of a top-level unit",
                    value=top,
                )
            )
        elif not isinstance(v, Validity):
            problems.append(
                Problem(path=f"regional_coverage.{top}", message="not a Validity", value=v)
            )
    gaps: dict[str, tuple[tuple[int, int, str], ...]] = {}
    for top, stretches in unverified.items():
        if top not in by_id or top in parents:
            problems.append(
                Problem(path="unverified", message="not the id of a top-level unit", value=top)
            )
            continue
        gaps[top] = tuple((*_span(v), str(why)) for v, why in stretches)
    if problems:
        raise InvalidData.collect("territory data is invalid", problems)

    self = object.__new__(cls)
    self._graph = None  # built on demand (build_graph): queries do not read it
    self._graph_links = tuple(contains)  # (every succession was accepted: _successions)
    self._by_id = by_id
    self._by_code = {c: tuple(g) for c, g in by_code.items()}  # groups sorted above
    self._parents = {k: tuple(v) for k, v in parents.items()}
    self._children = MappingProxyType(
        {k: tuple(sorted(v, key=lambda t: t[2])) for k, v in children.items()}
    )
    self._succ_of = MappingProxyType({k: tuple(v) for k, v in succ_of.items()})
    self._pred_of = MappingProxyType({k: tuple(v) for k, v in pred_of.items()})
    self._successions = tuple(succ_list)
    grouped: dict[Level, list[Unit]] = {lvl: [] for lvl in Level}
    for u in by_id.values():
        grouped[_KIND_LEVEL[u.kind]].append(u)
    self._level_units = MappingProxyType({k: tuple(v) for k, v in grouped.items()})
    self._names_cache = None
    self._coverage = coverage
    self._cov = _span(coverage)
    self._bounds = tuple(
        sorted({b for ps in parents.values() for t in ps for b in t[:2]} - _SENTINELS)
    )
    self._epochs = {}
    self._by_day = {}
    self._spans = spans
    self._lock = threading.Lock()
    self._meta = _frozen(dict(meta or {}))
    self._regional = MappingProxyType(regional)
    self._gaps = MappingProxyType(gaps)
    spans_ = [g[:2] for gs in gaps.values() for g in gs]
    self._gap_span = (min(g[0] for g in spans_), max(g[1] for g in spans_)) if spans_ else (0, 0)
    self._top = {}
    self._days = None
    return self


def _frozen(value: Any) -> Any:
    """A read-only deep copy of JSON-like data: mappings become MappingProxyType, lists
    tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a build allocates its (acyclic) indexes:
    at national scale, collections triggered by the allocations cost half the build time.
    The previous state is restored on exit, even on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_graph(territory: Territory) -> nx.MultiDiGraph[str]:
    """The frozen graph of :attr:`Territory.full_graph <papi.territory.Territory.full_graph>`,
    built from the territory's own indexes when first asked for (queries do not read it; on
    the national synthetic model it held 44% of a built model's objects, and took a quarter
    of its build): the units as nodes, then the ``contains`` links in the order given and the
    ``succeeded_by`` edges of each succession (its predecessors x its successors)."""
    with _gc_paused():
        contains, successions = territory._graph_links, territory._successions
        spans = territory._spans
        graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
        graph.add_nodes_from(
            (
                uid,
                {
                    "unit": u,
                    "node_type": "unit",
                    "lo": spans[uid][0],
                    "hi": spans[uid][1],
                    "valid_from": u.valid_from,
                    "valid_to": u.valid_to,
                },
            )
            for uid, u in territory._by_id.items()
        )
        edges: list[tuple[str, str, str, dict[str, object]]] = [
            (
                p,
                c,
                f"contains@{lo}",
                {
                    "relation": "contains",
                    "lo": lo,
                    "hi": hi,
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                },
            )
            for p, c, lo, hi, valid_from, valid_to in contains
        ]
        for s in successions:
            day = s.effective.toordinal()
            edges.extend(
                (
                    p,
                    n,
                    f"succeeded_by@{s.act}",
                    {
                        "relation": "succeeded_by",
                        "act": s.act,
                        "kind": s.kind,
                        "lo": day,
                        "hi": day + 1,
                        "valid_from": s.effective,
                        "valid_to": None,
                        "succession": s,
                    },
                )
                for p in s.predecessors
                for n in s.successors
            )
        _add_edges(graph, edges)
        freeze_attributes(graph)
        return nx.freeze(graph)


def freeze_attributes(graph: nx.MultiDiGraph[str]) -> None:
    """Make every node and edge attribute mapping of ``graph`` read-only (in place), so that
    views handed to users cannot change the data through ``g.nodes[n][...] = ...``;
    ``nx.freeze`` alone only blocks structural changes."""
    nodes = graph._node
    for n, data in nodes.items():
        nodes[n] = MappingProxyType(data)
    for targets in graph._succ.values():
        for keydict in targets.values():
            for k, data in keydict.items():
                keydict[k] = MappingProxyType(data)
    graph.graph = MappingProxyType(graph.graph)


def _add_edges(
    graph: nx.MultiDiGraph[str], edges: Iterable[tuple[str, str, str, dict[str, object]]]
) -> None:
    """``graph.add_edges_from(edges)`` for a fresh graph whose nodes all exist, writing the
    adjacency dicts the way ``MultiDiGraph.add_edge`` does but without its per-edge view
    lookups (a third of the build time at national scale)."""
    succ, pred = graph._succ, graph._pred
    factory = graph.edge_key_dict_factory
    for u, v, k, data in edges:
        out = succ[u]
        keydict = out.get(v)
        if keydict is None:
            keydict = factory()
            out[v] = keydict
            pred[v][u] = keydict
        keydict[k] = data
    graph.__networkx_cache__.clear()


def _cycles(children: Mapping[str, Iterable[tuple[int, int, str]]]) -> list[list[str]]:
    """Cycles in the union (over all days) of the containment links: Kahn's algorithm finds
    whether any node is left on a cycle; only then networkx lists the cycles."""
    succ: dict[str, set[str]] = {p: {c for _, _, c in kids} for p, kids in children.items()}
    indeg: dict[str, int] = {}
    for kids in succ.values():
        for c in kids:
            indeg[c] = indeg.get(c, 0) + 1
    queue = [n for n in succ if indeg.get(n, 0) == 0]
    while queue:
        n = queue.pop()
        for c in succ.get(n, ()):
            indeg[c] -= 1
            if indeg[c] == 0:
                queue.append(c)
    stuck = {n for n, d in indeg.items() if d > 0}
    if not stuck:
        return []
    sub = nx.DiGraph(sorted((p, c) for p in stuck for c in succ.get(p, ()) if c in stuck))
    out = []
    for cycle in nx.simple_cycles(sub):
        i = cycle.index(min(cycle))  # start at the smallest id: stable messages
        out.append(cycle[i:] + cycle[:i])
    return sorted(out)


def day_view(graph: nx.MultiDiGraph[str], on: date) -> nx.MultiDiGraph[str]:
    """A frozen ``subgraph_view`` of ``graph`` with the nodes and edges whose ``lo``/``hi``
    ordinal span contains ``on``, without ``succeeded_by`` edges."""
    day = on.toordinal()
    nodes = graph.nodes

    def node_ok(n: str) -> bool:
        data = nodes[n]
        return bool(data["lo"] <= day < data["hi"])

    def edge_ok(a: str, b: str, k: int) -> bool:
        data = graph.edges[a, b, k]
        return bool(data["relation"] != "succeeded_by" and data["lo"] <= day < data["hi"])

    view = nx.subgraph_view(graph, filter_node=node_ok, filter_edge=edge_ok)
    return nx.freeze(view)
