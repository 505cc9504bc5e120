"""Building an :class:`~papi.organizations.Organizations` registry: validation of the curated
records, the indexes, added holdings, and the networkx graph (built only when asked for)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

import networkx as nx

from papi.dates import Validity
from papi.errors import InvalidData, NotFound, Problem
from papi.organizations.model import (
    GUIDING_KINDS,
    Holding,
    Organization,
    OrgKind,
    Post,
)
from papi.territory import Succession, Territory, _check_successions, freeze_attributes
from papi.text import NameIndex

#: Units whose derived bodies a registry keeps: every unit of the whole country's territory
#: (15,659 units with derived bodies, about 40 MB when all are derived), so that a national
#: sweep over one era (up to 11,413 units before the 2025 reform) done twice in one query
#: (the global agenda's holders: their committees, then their heads and holders) finds the
#: bodies of the first pass instead of evicting them in order (an LRU smaller than a sweep
#: misses every time).
DERIVED_CACHE = 16384

if TYPE_CHECKING:
    from papi.organizations.registry import Organizations
    from papi.organizations.rules import Rulebook


_FAR_PAST = date.min.toordinal()
_FAR_FUTURE = date.max.toordinal() + 1


def _span(v: Validity) -> tuple[int, int]:
    lo = v.valid_from.toordinal() if v.valid_from else _FAR_PAST
    hi = v.valid_to.toordinal() if v.valid_to else _FAR_FUTURE
    return lo, hi


class _Lookup(Mapping[str, Organization]):
    """Curated organizations, falling back on the derived ones of a registry (for checking
    successions and holdings that name derived records)."""

    def __init__(self, by_id: Mapping[str, Organization], registry: Organizations) -> None:
        self._by_id = by_id
        self._registry = registry

    def __getitem__(self, key: str) -> Organization:
        found = self._by_id.get(key)
        if found is None:
            found = self._registry._derived_get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (
            key in self._by_id or self._registry._derived_get(key) is not None
        )

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def build_registry(
    cls: type[Organizations],
    territory: Territory,
    organizations: Iterable[Organization],
    posts: Iterable[Post],
    holdings: Iterable[Holding],
    successions: Iterable[Succession],
    *,
    derive_guides: bool,
    rules: Rulebook | None,
) -> Organizations:
    """Check the curated records all at once (see :meth:`Organizations.build`) and index
    them; nothing derived by ``rules`` is made here."""
    problems: list[Problem] = []
    by_id = _check_organizations(territory, organizations, problems)
    post_by_id = _check_posts(by_id, posts, problems)
    self = object.__new__(cls)
    self._territory = territory
    self._coverage = territory.coverage
    self._rules = rules
    self._derive_guides = derive_guides
    self._by_id = MappingProxyType(by_id)
    self._lock = threading.RLock()
    self._lazy = {}
    self._derived_of = functools.lru_cache(maxsize=DERIVED_CACHE)(self._derive)
    by_unit: dict[str, list[Organization]] = {}
    for o in by_id.values():
        by_unit.setdefault(o.unit_id, []).append(o)
    self._by_unit = MappingProxyType({k: tuple(v) for k, v in by_unit.items()})
    self._curated_kinds = frozenset((o.unit_id, o.kind) for o in by_id.values())
    posts_of: dict[str, list[Post]] = {}
    for p in post_by_id.values():
        posts_of.setdefault(p.org_id, []).append(p)
    self._posts = MappingProxyType(post_by_id)
    self._posts_of = MappingProxyType({k: tuple(v) for k, v in posts_of.items()})
    self._heads = MappingProxyType(
        {k: tuple(p for p in v if p.is_head) for k, v in posts_of.items()}
    )
    self._holdings = MappingProxyType({})
    succ_list = list(successions)
    checked = _check_successions(succ_list, _Lookup(by_id, self), "organization")
    problems.extend(checked.problems)
    hold = _check_holdings(self, {}, holdings, problems)
    if problems:
        raise InvalidData.collect("organization data is invalid", problems)
    self._holdings = MappingProxyType(hold)
    self._succ_of = MappingProxyType({k: tuple(v) for k, v in checked.succ_of.items()})
    self._pred_of = MappingProxyType({k: tuple(v) for k, v in checked.pred_of.items()})
    self._successions = tuple(succ_list)
    pairs: list[tuple[str, str]] = []
    for o in by_id.values():
        pairs.append((o.name, o.id))
        if o.name_en:
            pairs.append((o.name_en, o.id))
        pairs.extend((a, o.id) for a in o.abbreviations)
    self._names = NameIndex(pairs)
    return self


def add_holdings(registry: Organizations, holdings: Iterable[Holding]) -> Organizations:
    """A copy of ``registry`` with ``holdings`` added (validated against its posts and its
    holdings)."""
    problems: list[Problem] = []
    old = {k: list(v) for k, v in registry._holdings.items()}
    hold = _check_holdings(registry, old, holdings, problems)
    if problems:
        raise InvalidData.collect("holdings are invalid", problems)
    new = object.__new__(type(registry))
    for slot in type(registry).__slots__:
        setattr(new, slot, getattr(registry, slot))
    new._holdings = MappingProxyType(hold)
    new._lock = registry._lock.__class__()
    new._lazy = {k: v for k, v in registry._lazy.items() if k not in ("change_days", "graph")}
    return new


def _check_organizations(
    territory: Territory, organizations: Iterable[Organization], problems: list[Problem]
) -> dict[str, Organization]:
    by_id: dict[str, Organization] = {}
    for o in organizations:
        src = f"organization {o.id}"
        if o.id in by_id:
            problems.append(Problem(path="id", message="duplicate id", value=o.id))
            continue
        if o.unit_id not in territory:
            problems.append(
                Problem(path="unit_id", message="unknown unit", value=o.unit_id, source=src)
            )
        elif not o.validity.within(territory.get(o.unit_id).validity):
            unit = territory.get(o.unit_id)
            problems.append(
                Problem(
                    path="validity",
                    message=f"{o.validity} is not inside the validity of its unit "
                    f"{unit} {unit.validity}",
                    source=src,
                )
            )
        by_id[o.id] = o
    for o in by_id.values():
        if o.part_of is None:
            continue
        parent = by_id.get(o.part_of)
        src = f"organization {o.id}"
        if parent is None:
            problems.append(
                Problem(path="part_of", message="unknown organization", value=o.part_of, source=src)
            )
        elif not o.validity.within(parent.validity):
            problems.append(
                Problem(
                    path="part_of",
                    message=f"{o.validity} is not inside {parent.id} {parent.validity}",
                    value=o.part_of,
                    source=src,
                )
            )
    return by_id


def _check_posts(
    by_id: Mapping[str, Organization], posts: Iterable[Post], problems: list[Problem]
) -> dict[str, Post]:
    post_by_id: dict[str, Post] = {}
    for p in posts:
        src = f"post {p.id}"
        if p.id in post_by_id:
            problems.append(Problem(path="id", message="duplicate post id", value=p.id))
            continue
        org = by_id.get(p.org_id)
        if org is None:
            problems.append(
                Problem(path="org_id", message="unknown organization", value=p.org_id, source=src)
            )
            continue
        if not p.validity.within(org.validity):
            problems.append(
                Problem(
                    path="validity",
                    message=f"{p.validity} is not inside {org} {org.validity}",
                    source=src,
                )
            )
        post_by_id[p.id] = p
    return post_by_id


def _check_holdings(
    registry: Organizations,
    hold: dict[str, list[Holding]],
    holdings: Iterable[Holding],
    problems: list[Problem],
) -> dict[str, tuple[Holding, ...]]:
    """Holdings name known posts (curated or derived), lie inside them and do not overlap
    another of the same post (acting ones only other acting ones)."""
    for i, h in enumerate(holdings):
        src = f"holdings[{i}] ({h.person or 'vacancy'})"
        try:
            post = registry.post(h.post_id)
        except NotFound:
            problems.append(
                Problem(path="post_id", message="unknown post", value=h.post_id, source=src)
            )
            continue
        if not h.validity.within(post.validity):
            problems.append(
                Problem(
                    path="validity",
                    message=f"{h.validity} is not inside the post {post.validity}",
                    source=src,
                )
            )
        for other in hold.get(h.post_id, ()):
            if other.acting is h.acting and other.validity.overlaps(h.validity):
                problems.append(
                    Problem(
                        path="validity",
                        message=f"overlaps the {'acting ' if h.acting else ''}holding of "
                        f"{other.person or 'vacancy'} {other.validity}",
                        value=str(h.validity),
                        source=src,
                    )
                )
        hold.setdefault(h.post_id, []).append(h)
    return {k: tuple(sorted(v, key=_start)) for k, v in hold.items()}


def _start(h: Holding) -> tuple[int, bool]:
    return (_span(h.validity)[0], h.acting)


def build_graph(registry: Organizations) -> nx.MultiDiGraph[str]:
    """The frozen graph of units, organizations and posts over all time (see
    :attr:`Organizations.full_graph`)."""
    territory = registry.territory
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(territory.full_graph)

    def edge(a: str, b: str, relation: str, v: Validity, **extra: object) -> None:
        lo, hi = _span(v)
        graph.add_edge(
            a,
            b,
            relation=relation,
            lo=lo,
            hi=hi,
            valid_from=v.valid_from,
            valid_to=v.valid_to,
            **extra,
        )

    orgs = list(iter(registry))  # list(registry) would count it first (len)
    committees: list[Organization] = []
    for o in orgs:
        lo, hi = _span(o.validity)
        graph.add_node(
            o.id,
            organization=o,
            node_type="organization",
            lo=lo,
            hi=hi,
            valid_from=o.valid_from,
            valid_to=o.valid_to,
        )
        if o.kind is OrgKind.PEOPLES_COMMITTEE:
            edge(o.unit_id, o.id, "governed_by", o.validity)
            committees.append(o)
        elif o.kind is OrgKind.PEOPLES_COUNCIL:
            edge(o.unit_id, o.id, "has_council", o.validity)
        if o.part_of is not None:
            edge(o.id, o.part_of, "part_of", o.validity)
        for p in registry._posts_of_org(o):
            plo, phi = _span(p.validity)
            graph.add_node(
                p.id,
                post=p,
                node_type="post",
                lo=plo,
                hi=phi,
                valid_from=p.validity.valid_from,
                valid_to=p.validity.valid_to,
            )
            if p.is_head:
                edge(o.id, p.id, "headed_by", p.validity)
    for s in registry.successions:
        day = s.effective
        for a in s.predecessors:
            for b in s.successors:
                graph.add_edge(
                    a,
                    b,
                    relation="succeeded_by",
                    act=s.act,
                    kind=s.kind,
                    lo=day.toordinal(),
                    hi=day.toordinal() + 1,
                    valid_from=day,
                    valid_to=None,
                    succession=s,
                )
    if registry._derive_guides:
        # each committee is guided by the agencies of the units above it (on the first day
        # both exist): walk up from the committees, not across all pairs
        guiding: dict[str, list[Organization]] = {}
        for o in orgs:
            if o.kind in GUIDING_KINDS:
                guiding.setdefault(o.unit_id, []).append(o)
        for pc in committees:
            above: dict[int, set[str]] = {}  # first day -> the units above pc's that day
            plo, phi = _span(pc.validity)
            for o_unit in _units_above(territory, pc):
                for o in guiding.get(o_unit, ()):
                    olo, ohi = _span(o.validity)
                    lo, hi = max(olo, plo), min(ohi, phi)
                    if lo >= hi:
                        continue
                    first = max(lo, 1)
                    if first not in above:
                        above[first] = {a.id for a in territory._ancestors_on(pc.unit_id, first)}
                    if o_unit in above[first]:
                        graph.add_edge(
                            o.id,
                            pc.id,
                            relation="guides",
                            lo=lo,
                            hi=hi,
                            valid_from=None if lo == _FAR_PAST else date.fromordinal(lo),
                            valid_to=None if hi == _FAR_FUTURE else date.fromordinal(hi),
                        )
    freeze_attributes(graph)
    return nx.freeze(graph)


def _units_above(territory: Territory, pc: Organization) -> set[str]:
    """The units above ``pc``'s unit on any day of its life (its first and last days and
    every containment change between: a superset, checked per pair by :func:`_above_on`)."""
    lo, hi = _span(pc.validity)
    days = {max(lo, 1), hi - 1 if hi < _FAR_FUTURE else max(lo, 1)}
    days.update(b for b in territory._bounds if lo <= b < hi)
    return {a.id for d in days for a in territory._ancestors_on(pc.unit_id, d)}
