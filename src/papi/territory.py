"""The administrative hierarchy through time: units, their containment and their successions.

A :class:`Territory` wraps one networkx ``MultiDiGraph`` (composition, not subclassing) whose
nodes are :class:`Unit` objects keyed by their :attr:`Unit.id` and whose edges carry a
``relation`` (``"contains"`` or ``"succeeded_by"``) and a validity interval. Every query takes
the day it is about (``on=``): the structure of 2022 and the structure of 2026 live in the same
graph. NSO codes are reused over time, so a unit's id is its code plus the day it started
(``"00004@2025-07-01"``, ``"00292@2025-01-01"``); units that existed before the data starts
keep the bare code (``"00004"``).

>>> from datetime import date
>>> hn = hanoi_territory()
>>> len(hn.units(level=Level.COMMUNE, on=date(2026, 3, 1)))
126
>>> ward = hn.unit("Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> ward.id, [u.name for u in hn.ancestors(ward, on=date(2026, 3, 1))]
('00070@2025-07-01', ['Thành phố Hà Nội'])
>>> [u.name for u in hn.successors("Phường Hàng Bạc", on=date(2026, 3, 1))]
['Phường Hoàn Kiếm']
>>> len(hn.units(level=Level.COMMUNE, on=date(2022, 6, 13)))  # 2020-03-01 .. 2024-12-31
579

The whole country is :func:`vietnam_territory`, on any day since 2020-01-01 (63 provinces,
705 district-level units and 10,599 communes on 2022-06-13; 10,035 communes just before
2025-07-01; 34 provinces and 3,321 communes from then; Hanoi's curated history merged in);
:meth:`Territory.convert` turns an old unit into the new one(s), through every rearrangement
in between, the primary one marked. Days are :class:`~datetime.date` objects or ISO ``"YYYY-MM-DD"`` strings.

Build a territory of your own with :meth:`Territory.build`; it validates everything at once
and raises one :class:`~papi.errors.InvalidData` listing every problem.
"""

from __future__ import annotations

import bisect
import contextlib
import enum
import functools
import gc
import gzip
import itertools
import json
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from importlib import resources
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol

import attrs
import networkx as nx

from papi.dates import (
    ALWAYS,
    Validity,
    _warn_outside_coverage,
    parse_date,
    parse_optional_date,
)
from papi.errors import Ambiguous, CoverageWarning, InvalidData, NotFound, Problem
from papi.text import NameIndex

__all__ = [
    "Containment",
    "Conversion",
    "Level",
    "Succession",
    "Territory",
    "Unit",
    "UnitKind",
    "hanoi_territory",
    "load_territory",
    "vietnam_territory",
]


class Level(enum.Enum):
    """The tiers of Vietnamese local government (Law 72/2025/QH15 keeps province and commune;
    the district tier ended on 2025-07-01). ``VILLAGE`` is the self-governing community below
    the commune (thôn, tổ dân phố), not a tier of government."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    VILLAGE = "village"

    @property
    def depth(self) -> int:
        """0 for a province, 1 for a district, 2 for a commune, 3 for a village."""
        return _DEPTH[self]


_DEPTH = {Level.PROVINCE: 0, Level.DISTRICT: 1, Level.COMMUNE: 2, Level.VILLAGE: 3}


class UnitKind(enum.Enum):
    """The kind of an administrative unit; the value is its Vietnamese label.

    >>> UnitKind.WARD.value, UnitKind.WARD.level
    ('phường', <Level.COMMUNE: 'commune'>)
    """

    CENTRAL_CITY = "thành phố trực thuộc trung ương"
    PROVINCE = "tỉnh"
    URBAN_DISTRICT = "quận"
    RURAL_DISTRICT = "huyện"
    DISTRICT_TOWN = "thị xã"
    PROVINCIAL_CITY = "thành phố thuộc tỉnh"
    WARD = "phường"
    COMMUNE = "xã"
    TOWNSHIP = "thị trấn"
    SPECIAL_ZONE = "đặc khu"
    VILLAGE = "thôn"
    RESIDENTIAL_GROUP = "tổ dân phố"

    @property
    def level(self) -> Level:
        """The level units of this kind sit at (a special zone is commune-level since
        2025-07-01, Law 72/2025/QH15)."""
        return _KIND_LEVEL[self]


_KIND_LEVEL = {
    UnitKind.CENTRAL_CITY: Level.PROVINCE,
    UnitKind.PROVINCE: Level.PROVINCE,
    UnitKind.URBAN_DISTRICT: Level.DISTRICT,
    UnitKind.RURAL_DISTRICT: Level.DISTRICT,
    UnitKind.DISTRICT_TOWN: Level.DISTRICT,
    UnitKind.PROVINCIAL_CITY: Level.DISTRICT,
    UnitKind.WARD: Level.COMMUNE,
    UnitKind.COMMUNE: Level.COMMUNE,
    UnitKind.TOWNSHIP: Level.COMMUNE,
    UnitKind.SPECIAL_ZONE: Level.COMMUNE,
    UnitKind.VILLAGE: Level.VILLAGE,
    UnitKind.RESIDENTIAL_GROUP: Level.VILLAGE,
}


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise InvalidData("must not be empty", path=attribute.name, value=value)


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Unit:
    """An administrative unit as it existed during :attr:`validity`.

    ``name`` is the official Vietnamese name with its kind word, NFC (``"Phường Hoàn
    Kiếm"``); ``name_en`` only where an official English name exists (``"Hanoi"``).
    ``end_reason`` explains an end that has no successor units.

    >>> u = Unit(id="00070@2025-07-01", code="00070", name="Phường Hoàn Kiếm",
    ...          kind=UnitKind.WARD, validity=Validity(valid_from=date(2025, 7, 1)))
    >>> u.level, u.valid_from
    (<Level.COMMUNE: 'commune'>, datetime.date(2025, 7, 1))
    """

    id: str = attrs.field(validator=_nonempty)
    code: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    kind: UnitKind = attrs.field(validator=attrs.validators.instance_of(UnitKind))
    validity: Validity = attrs.field(
        default=Validity(), validator=attrs.validators.instance_of(Validity)
    )
    name_en: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    end_reason: str | None = attrs.field(default=None, repr=False)
    note: str | None = attrs.field(default=None, repr=False)

    @property
    def level(self) -> Level:
        """The unit's level, from its kind."""
        return self.kind.level

    @property
    def valid_from(self) -> date | None:
        """First day of the unit (``None``: before the data starts)."""
        return self.validity.valid_from

    @property
    def valid_to(self) -> date | None:
        """First day the unit no longer exists (``None``: still exists)."""
        return self.validity.valid_to

    def exists_on(self, day: date) -> bool:
        """Whether the unit exists on ``day``."""
        return self.validity.contains(day)

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


@attrs.frozen(kw_only=True)
class Containment:
    """``parent`` contains ``child`` during ``validity`` (unit ids). ``source`` names the
    record the link came from, for error messages."""

    parent: str
    child: str
    validity: Validity = ALWAYS
    source: str | None = None


_SUCCESSION_KINDS = frozenset({"merge", "split", "rename", "abolish_tier", "absorb", "reorganise"})


@attrs.frozen(kw_only=True)
class Succession:
    """Old units (or organizations) replaced by new ones on ``effective``, by ``act``.

    ``kind`` is one of ``merge``, ``split`` (one predecessor, several successors), ``rename``,
    ``abolish_tier`` (a district's territory passing to commune-level units when the district
    tier ended, Law 72/2025/QH15 art. 51(3)), ``absorb`` and ``reorganise``. ``primary``
    names the successor that carries the predecessor on where a source marks one (for a
    split: the "default" new unit of vietnamadminunits); it must be one of ``successors``.
    """

    predecessors: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    successors: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    effective: date = attrs.field(validator=attrs.validators.instance_of(date))
    act: str = attrs.field(validator=_nonempty)
    kind: str = attrs.field(validator=attrs.validators.in_(_SUCCESSION_KINDS))
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    verified: bool = True
    primary: str | None = attrs.field(default=None)

    @predecessors.validator
    def _check_pred(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidData("a succession needs at least one predecessor", path="predecessors")

    @successors.validator
    def _check_succ(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidData("a succession needs at least one successor", path="successors")

    @primary.validator
    def _check_primary(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value not in self.successors:
            raise InvalidData(
                "the primary successor must be one of successors", path="primary", value=value
            )


UnitRef = Unit | str


@attrs.frozen(kw_only=True)
class Conversion:
    """What :meth:`Territory.convert` found: the unit asked about (``source``), the units
    existing on ``on`` that it became (``units``, by code), the ``primary`` one (the successor
    that carries it on, followed through every step where the data marks one; ``None`` when a
    step divided it without a mark) and the successions followed (``chain``).

    >>> c = hanoi_territory().convert("Phường Cống Vị, Quận Ba Đình", to="2026-03-01")
    >>> [u.name for u in c.units], c.primary.name if c.primary else None
    (['Phường Ngọc Hà', 'Phường Giảng Võ'], 'Phường Ngọc Hà')
    """

    source: Unit
    units: tuple[Unit, ...]
    primary: Unit | None
    chain: tuple[Succession, ...]
    on: date

    @property
    def split(self) -> bool:
        """Whether the source went into several units."""
        return len(self.units) > 1


_FAR_PAST = date.min.toordinal()
_FAR_FUTURE = date.max.toordinal() + 1
_SENTINELS = frozenset({_FAR_PAST, _FAR_FUTURE})


def _span(v: Validity) -> tuple[int, int]:
    lo = v.valid_from.toordinal() if v.valid_from else _FAR_PAST
    hi = v.valid_to.toordinal() if v.valid_to else _FAR_FUTURE
    return lo, hi


class _AmbiguousPast(Ambiguous):
    """An old name that fits several units that no longer exist; the message says how to
    name one of them (candidates read ``"Name, Parent (code, until date)"``)."""

    def __init__(self, what: str, value: object, candidates: Iterable[str]) -> None:
        super().__init__(what, value, tuple(candidates))
        first = self.candidates[0].rsplit(" (", 1)[0] if self.candidates else "Name, Parent"
        self.args = (
            f"{self.args[0]}; none exists any more: to follow one to what succeeded it, "
            f"write its name with its parent as listed (e.g. '{first}')",
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_AmbiguousPast, (self.what, self.value, self.candidates))


class Territory:
    """An immutable, date-aware administrative hierarchy (see the module docs).

    Build one with :meth:`build`. Every query takes ``on=`` (a date or an ISO string; anything
    else raises :class:`~papi.errors.InvalidData` naming ``on``); a date outside the coverage
    of the unit asked about (:meth:`coverage_of`; :attr:`coverage` for questions about the
    whole territory) still gets the best answer the data has, with a
    :class:`~papi.errors.CoverageWarning`.
    Unit arguments accept a :class:`Unit`, a unit id, an NSO code (resolved on ``on``) or a
    name (matched with :mod:`papi.text` rules; a kind prefix such as "Quận" narrows).
    """

    __slots__ = (
        "_bounds",
        "_by_code",
        "_by_day",
        "_by_id",
        "_children",
        "_cov",
        "_coverage",
        "_days",
        "_epochs",
        "_gap_span",
        "_gaps",
        "_graph",
        "_level_units",
        "_lock",
        "_meta",
        "_names_cache",
        "_parents",
        "_pred_of",
        "_regional",
        "_spans",
        "_succ_of",
        "_successions",
        "_top",
    )

    _bounds: tuple[int, ...]
    _by_code: dict[str, tuple[Unit, ...]]
    _by_day: dict[int, dict[str, Unit]]
    _spans: dict[str, tuple[int, int]]
    _by_id: dict[str, Unit]  # private plain dicts: never handed out, never mutated after build
    _cov: tuple[int, int]
    _epochs: dict[int, dict[str, Unit]]
    _lock: threading.Lock
    _names_cache: NameIndex[str] | None
    _children: Mapping[str, tuple[tuple[int, int, str], ...]]
    _coverage: Validity
    _graph: nx.MultiDiGraph[str]
    _level_units: Mapping[Level, tuple[Unit, ...]]
    _meta: Mapping[str, object]
    _parents: dict[str, tuple[tuple[int, int, str], ...]]
    _pred_of: Mapping[str, tuple[Succession, ...]]
    _succ_of: Mapping[str, tuple[Succession, ...]]
    _successions: tuple[Succession, ...]
    _regional: Mapping[str, Validity]
    _gaps: Mapping[str, tuple[tuple[int, int, str], ...]]
    _gap_span: tuple[int, int]
    _top: dict[str, str | None]
    _days: tuple[date, ...] | None

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise TypeError("use Territory.build(units, links, successions) to make a Territory")

    # ------------------------------------------------------------------ build
    @classmethod
    def build(
        cls,
        units: Iterable[Unit],
        links: Iterable[Containment],
        successions: Iterable[Succession] = (),
        *,
        coverage: Validity = ALWAYS,
        meta: Mapping[str, object] | None = None,
        regional_coverage: Mapping[str, Validity] | None = None,
        unverified: Mapping[str, Iterable[tuple[Validity, str]]] | None = None,
    ) -> Territory:
        """Validate the records and build the territory.

        ``coverage`` is the span of days the data vouches for everywhere;
        ``regional_coverage`` maps the id of a top-level unit (a province) to the span
        vouched for inside it when that differs (e.g. Hanoi's curated history in the national
        territory); queries about a unit warn against its own province's span.
        ``unverified`` maps the id of a top-level unit to stretches of days inside that span
        the data does not vouch for, each with the reason (e.g. the days between two sources
        that disagree about a province with no source dating the change): queries about a
        unit of that province on those days, and about the whole territory, warn too.

        Checks, all at once: unique ids; links and successions naming known units; every
        link inside the validity of both ends; at most one parent per unit per day; no cycle
        of containment; no two units with the same code on the same day; successions that
        go forward in time (predecessors end on or before ``effective``, successors exist on
        it); every ended unit has successors or an ``end_reason``. Problems are collected and
        raised together as one :class:`~papi.errors.InvalidData`.

        >>> city = Unit(id="01", code="01", name="Thành phố Hà Nội", kind=UnitKind.CENTRAL_CITY)
        >>> ward = Unit(id="9", code="9", name="Phường A", kind=UnitKind.WARD,
        ...             validity=Validity(valid_to=date(2025, 7, 1)))
        >>> Territory.build([city, ward], [Containment(parent="01", child="9")])
        Traceback (most recent call last):
        ...
        papi.errors.InvalidData: territory data is invalid (2 problems):
          - link 01->9: validity: the link […, …) is not inside the validity of 9 […, 2025-07-01)
          - unit 9: valid_to: the unit ends without successors or an end_reason (value: '2025-07-01')
        """
        with _gc_paused():
            return cls._build(
                units,
                links,
                successions,
                coverage=coverage,
                meta=meta,
                regional=dict(regional_coverage or {}),
                unverified={k: tuple(v) for k, v in (unverified or {}).items()},
            )

    @classmethod
    def _build(
        cls,
        units: Iterable[Unit],
        links: Iterable[Containment],
        successions: Iterable[Succession],
        *,
        coverage: Validity,
        meta: Mapping[str, object] | None,
        regional: dict[str, Validity],
        unverified: dict[str, tuple[tuple[Validity, str], ...]],
    ) -> Territory:
        unit_list = list(units)
        link_list = list(links)
        succ_list = list(successions)
        problems: list[Problem] = []
        by_id: dict[str, Unit] = {}
        for i, u in enumerate(unit_list):
            if u.id in by_id:
                problems.append(
                    Problem(
                        path="id", message="duplicate unit id", value=u.id, source=f"units[{i}]"
                    )
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
        edges: list[tuple[str, str, str, dict[str, object]]] = []
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
            edges.append(
                (
                    p,
                    c,
                    f"contains@{lo}",
                    {
                        "relation": "contains",
                        "lo": lo,
                        "hi": hi,
                        "valid_from": v.valid_from,
                        "valid_to": v.valid_to,
                    },
                )
            )

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
        for s in checked.accepted:
            day = s.effective.toordinal()
            for p in s.predecessors:
                for n in s.successors:
                    edges.append(
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
                    )

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
            for uid, u in by_id.items()
        )
        _add_edges(graph, edges)
        freeze_attributes(graph)
        self = object.__new__(cls)
        self._graph = nx.freeze(graph)
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
        self._gap_span = (
            (min(g[0] for g in spans_), max(g[1] for g in spans_)) if spans_ else (0, 0)
        )
        self._top = {}
        self._days = None
        return self

    @property
    def _names(self) -> NameIndex[str]:
        """The name index, built on first use (names cost more to fold than to store)."""
        index = self._names_cache
        if index is None:
            with self._lock:
                if self._names_cache is None:
                    pairs: list[tuple[str, str]] = []
                    for u in self._by_id.values():
                        pairs.append((u.name, u.id))
                        if u.name_en:
                            pairs.append((u.name_en, u.id))
                    self._names_cache = NameIndex(pairs)
                index = self._names_cache
        return index

    def _epoch(self, day: int) -> dict[str, Unit]:
        """child id -> parent unit for the stretch of days (between two containment changes)
        that ``day`` falls in; built once per stretch on first use."""
        e = bisect.bisect_right(self._bounds, day)
        found = self._epochs.get(e)
        if found is not None:
            if len(self._by_day) < 4096:
                self._by_day[day] = found
            return found
        with self._lock:
            found = self._epochs.get(e)
            if found is None:
                rep = self._bounds[e - 1] if e else _FAR_PAST
                by_id = self._by_id
                found = {
                    c: by_id[p]
                    for c, ps in self._parents.items()
                    for lo, hi, p in ps
                    if lo <= rep < hi
                }
                self._epochs[e] = found
        return found

    # ------------------------------------------------------------ properties
    @property
    def coverage(self) -> Validity:
        """The days the data vouches for; queries outside get a
        :class:`~papi.errors.CoverageWarning`."""
        return self._coverage

    @property
    def meta(self) -> Mapping[str, object]:
        """Provenance of the data (source package and version, generator, counts)."""
        return self._meta

    @property
    def successions(self) -> tuple[Succession, ...]:
        """Every succession record, in input order."""
        return self._successions

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._by_id.values())

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._by_id

    def __repr__(self) -> str:
        return f"<Territory: {len(self._by_id)} units, coverage {self._coverage}>"

    # --------------------------------------------------------------- lookups
    def _check(self, on: date, unit: Unit | None = None) -> None:
        cov = self._coverage if unit is None or not self._regional else self._cov_of(unit.id)
        _warn_outside_coverage(cov, on, "the territory data", stacklevel=3)
        day = on.toordinal()
        if self._gap_span[0] <= day < self._gap_span[1]:
            tops = self._gaps if unit is None else (self._top_id(unit.id),)
            for top in tops:
                for lo, hi, why in self._gaps.get(top or "", ()):
                    if lo <= day < hi:
                        warnings.warn(
                            f"{on.isoformat()}: the territory data does not vouch for "
                            f"{self._by_id[top or ''].name} on this day ({why}): the answer is "
                            "the best data in reach",
                            CoverageWarning,
                            stacklevel=3,
                        )
                        return

    def _top_id(self, uid: str) -> str | None:
        """The top-level unit above ``uid`` (over its first parent links), or ``uid``."""
        found = self._top.get(uid, "")
        if found != "":
            return found
        cur, seen = uid, set()
        while cur in self._parents and cur not in seen:
            seen.add(cur)
            cur = self._parents[cur][0][2]
        self._top[uid] = cur
        return cur

    def _cov_of(self, uid: str) -> Validity:
        top = self._top_id(uid)
        return self._regional.get(top, self._coverage) if top is not None else self._coverage

    def coverage_of(self, u: UnitRef, *, on: date | str) -> Validity:
        """The days the data vouches for about ``u``: its province's span when the data
        records one (``regional_coverage``), else :attr:`coverage`.

        Inside that span, the days the data marks as unverified for the province (see
        :meth:`build`, ``unverified``) still warn.

        >>> vn = vietnam_territory()
        >>> vn.coverage_of("Thành phố Hà Nội", on="2026-03-01").valid_from
        datetime.date(2020, 1, 1)
        >>> hanoi_territory().coverage_of("Thành phố Hà Nội", on="2026-03-01").valid_from
        datetime.date(2020, 3, 1)
        """
        day = _as_day(on)
        return self._cov_of(self._resolve(u, day).id)

    def change_days(self) -> tuple[date, ...]:
        """Every day on which something in the data starts or ends, sorted: unit and link
        bounds, each succession's effective day and the day after (a succession is a one-day
        edge), and the coverage bounds. Between two consecutive days every answer of the
        territory is the same (the eras a :class:`~papi.governance.Governance` caches by).

        >>> days = hanoi_territory().change_days()
        >>> [d.isoformat() for d in days]
        ['2020-03-01', '2025-01-01', '2025-01-02', '2025-07-01', '2025-07-02']
        """
        days = self._days
        if days is None:
            found: set[int] = set()
            for lo, hi in self._spans.values():
                found.update((lo, hi))
            for links in self._parents.values():
                for lo, hi, _ in links:
                    found.update((lo, hi))
            for succ in self._successions:
                day = succ.effective.toordinal()
                found.update((day, day + 1))
            for v in (self._coverage, *self._regional.values()):
                found.update(_span(v))
            for stretches in self._gaps.values():
                found.update(b for lo, hi, _ in stretches for b in (lo, hi))
            found -= _SENTINELS
            days = tuple(date.fromordinal(d) for d in sorted(found))
            self._days = days
        return days

    def get(self, unit_id: str) -> Unit:
        """The unit with this id (any date); :class:`~papi.errors.NotFound` otherwise."""
        if not isinstance(unit_id, str):
            raise InvalidData("a unit id is a string", path="unit_id", value=unit_id)
        try:
            return self._by_id[unit_id]
        except KeyError:
            raise NotFound("unit id", unit_id, closest=self._close_ids(unit_id)) from None

    def _close_ids(self, unit_id: str) -> tuple[str, ...]:
        code = unit_id.split("@")[0]
        return tuple(u.id for u in self._by_code.get(code, ()))[:5]

    def unit(self, ref: UnitRef, *, on: date | str) -> Unit:
        """Resolve a unit reference on ``on``.

        ``ref`` is a :class:`Unit` (returned as is), a unit id, an NSO code (the unit with
        that code on ``on``) or a name, optionally narrowed by the names of units containing
        it, comma-separated (``"Xã Phú Sơn, Huyện Ba Vì"``). A name that fits several units on that day raises
        :class:`~papi.errors.Ambiguous` listing them with ids and parents; an unknown one
        raises :class:`~papi.errors.NotFound` with the closest names.

        >>> hn = hanoi_territory()
        >>> hn.unit("00070", on=date(2025, 6, 30)).name
        'Phường Hàng Trống'
        >>> hn.unit("00070", on=date(2026, 3, 1)).name
        'Phường Hoàn Kiếm'
        >>> hn.unit("Hoan Kiem", on=date(2026, 3, 1)).id
        '00070@2025-07-01'
        >>> try:
        ...     hn.unit("Quang Trung", on=date(2025, 6, 30))
        ... except Ambiguous as err:
        ...     print(*err.candidates, sep="\\n")
        Phường Quang Trung (code 00214, id 00214, in Quận Đống Đa)
        Phường Quang Trung (code 09538, id 09538@2025-01-01, in Quận Hà Đông)
        Xã Quang Trung (code 10006, id 10006@2025-01-01, in Huyện Thạch Thất)

        ``on`` is a :class:`~datetime.date` or an ISO ``"YYYY-MM-DD"`` string, as everywhere in
        papi; anything else raises :class:`~papi.errors.InvalidData` naming ``on``.
        """
        day = _as_day(on)
        unit = self._resolve(ref, day)
        self._check(day, unit)
        return unit

    def _resolve(self, ref: UnitRef, on: date) -> Unit:
        if isinstance(ref, Unit):
            return ref
        if not isinstance(ref, str):
            raise NotFound("unit", ref)
        text = ref.strip()
        if text in self._by_code:
            hits = [u for u in self._by_code[text] if u.exists_on(on)]
            if hits:
                return hits[0]
        found = self._by_id.get(text)
        if found is not None:
            if found.exists_on(on):
                return found
            raise self._gone(ref, [found], on)
        if text in self._by_code:  # a code no unit bears on ``on``
            raise self._gone(ref, list(self._by_code[text]), on)
        if "," in text:
            return self._resolve_path(ref, text, on)
        ids = self._names.find(text)
        live = [self._by_id[i] for i in ids if self._by_id[i].exists_on(on)]
        if len(live) == 1:
            return live[0]
        if len(live) > 1:
            raise Ambiguous("unit", ref, self._describe_all(live, on))
        if ids:
            raise self._gone(ref, [self._by_id[i] for i in ids], on)
        raise NotFound("unit", ref, closest=self._closest(text, on))

    def _own_day(self, u: Unit) -> int:
        """A day ``u`` exists (as an ordinal): its last day, or its first if it is current."""
        if u.valid_to is not None:
            return u.valid_to.toordinal() - 1
        return u.valid_from.toordinal() if u.valid_from is not None else _FAR_PAST

    def _label(self, u: Unit) -> str:
        """``"Phường Minh Khai, Quận Hai Bà Trưng"``: the name and the parent's name on a day
        the unit existed (its last day), the form :meth:`successors` accepts for it."""
        p = self._parent_id(u.id, self._own_day(u))
        return u.name if p is None else f"{u.name}, {self._by_id[p].name}"

    def _describe_other_day(self, u: Unit) -> str:
        """``"Phường Minh Khai, Quận Hai Bà Trưng (00295, until 2025-07-01)"``."""
        ident = u.code if u.id == u.code else f"{u.code}, id {u.id}"
        if u.valid_to is not None:
            when = f"until {u.valid_to.isoformat()}"
        elif u.valid_from is not None:
            when = f"from {u.valid_from.isoformat()}"
        else:
            when = "always"
        return f"{self._label(u)} ({ident}, {when})"

    def _other_days(self, text: str, on: date) -> list[Unit]:
        """The units ``text`` (an id, a code, a name or ``"Name, Parent, ..."``) denotes that
        do not exist on ``on``; each part after a comma must name one of the unit's ancestors
        on a day it existed (its last day)."""
        found = self._by_id.get(text)
        if found is not None:
            return [] if found.exists_on(on) else [found]
        if text in self._by_code:
            units = self._by_code[text]
            return [] if any(u.exists_on(on) for u in units) else list(units)
        head, *rest = (part.strip() for part in text.split(","))
        cands = [self._by_id[i] for i in self._names.find(head)]
        cands = [c for c in cands if not c.exists_on(on)]
        for part in rest:
            wanted = set(self._names.find(part))
            cands = [
                c
                for c in cands
                if any(a.id in wanted for a in self._ancestors_on(c.id, self._own_day(c)))
            ]
        return cands

    def _gone(self, ref: UnitRef, units: list[Unit], on: date) -> NotFound:
        """The error for a reference to units that exist on other days than ``on``: when
        each ended, what succeeded it, and how to ask instead."""
        day = on.isoformat()
        units = sorted(units, key=lambda u: (u.valid_from or date.min, u.code))
        if len(units) == 1:
            u = units[0]
            label = f"{self._label(u)} ({u.code if u.id == u.code else u.id})"
            if u.valid_to is None or u.valid_to > on:
                start = u.valid_from.isoformat() if u.valid_from else "?"
                return NotFound(
                    "unit",
                    ref,
                    context=f"on {day}: {label} exists only from {start}; "
                    f"use a date on or after {start}",
                )
            until = u.valid_to.isoformat()
            succ, _ = self._follow(u, on)
            names = tuple(s.name for s in succ)
            if len(names) == 1:
                what = f"was succeeded by {names[0]}; ask about {names[0]}"
            elif names:
                what = f"was succeeded by {', '.join(names)}; ask about one of them"
            else:
                why = f" ({u.end_reason})" if u.end_reason else ""
                what = f"ended with no successor recorded{why}; ask about a unit existing on {day}"
            return NotFound(
                "unit",
                ref,
                context=f"on {day}: {label} existed until {until} and {what}, "
                f"or use a date before {until}, when it existed",
                closest=names,
            )
        shown = "; ".join(self._describe_other_day(u) for u in units)
        return NotFound(
            "unit",
            ref,
            context=f"on {day}: no unit by that name exists that day; on other days: {shown}. "
            f"Write the name with its parent as listed (e.g. '{self._label(units[0])}') or "
            "give the code, with a date when the unit existed, or ask about a unit "
            f"existing on {day}",
        )

    def _closest(self, text: str, on: date) -> tuple[str, ...]:
        """The "did you mean" names, those of units existing on ``on`` first."""
        names = self._names.closest(text, n=10)

        def gone(name: str) -> bool:
            return not any(self._by_id[i].exists_on(on) for i in self._names.find(name))

        return tuple(sorted(names, key=gone)[:5])

    def qualified_name(self, u: UnitRef, *, on: date | str) -> str:
        """The shortest name that :meth:`unit` resolves to ``u`` on ``on``: its own name,
        followed by as many containing units' names as it takes to be unambiguous.

        >>> hn = hanoi_territory()
        >>> hn.qualified_name("09658", on=date(2025, 6, 30))
        'Xã Phú Sơn, Huyện Ba Vì'
        >>> hn.qualified_name("Phường Hoàn Kiếm", on=date(2026, 3, 1))
        'Phường Hoàn Kiếm'
        """
        on = _as_day(on)
        unit = self._resolve(u, on)
        self._check(on, unit)
        parts = [unit.name]
        for ancestor in (None, *self._ancestors_on(unit.id, on.toordinal())):
            if ancestor is not None:
                parts.append(ancestor.name)
            text = ", ".join(parts)
            try:
                if self._resolve(text, on).id == unit.id:
                    return text
            except (Ambiguous, NotFound):
                continue
        return unit.id  # names alone cannot tell it apart: its id always can

    def _resolve_path(self, ref: str, text: str, on: date) -> Unit:
        """``"Xã Phú Sơn, Huyện Ba Vì"``: a name narrowed by the names of its ancestors."""
        head, *rest = (part.strip() for part in text.split(","))
        day = on.toordinal()
        cands = [self._by_id[i] for i in self._names.find(head) if self._by_id[i].exists_on(on)]
        for part in rest:
            wanted = set(self._names.find(part))
            cands = [c for c in cands if any(a.id in wanted for a in self._ancestors_on(c.id, day))]
        if len(cands) == 1:
            return cands[0]
        if cands:
            raise Ambiguous("unit", ref, self._describe_all(cands, on))
        others = self._other_days(text, on)
        if others:
            raise self._gone(ref, others, on)
        raise NotFound("unit", ref, context=f"on {on.isoformat()}", closest=self._closest(head, on))

    def _ancestors_on(self, uid: str, day: int) -> Iterator[Unit]:
        up = self._epoch(day)
        parent = up.get(uid)
        while parent is not None:
            yield parent
            parent = up.get(parent.id)

    def _describe(self, u: Unit, on: date, *, province: bool = False) -> str:
        day = on.toordinal()
        p = self._parent_id(u.id, day)
        where = f", in {self._by_id[p].name}" if p else ""
        if province and p is not None:
            top = list(self._ancestors_on(u.id, day))[-1]
            if top.id != p:
                where += f", {top.name}"
        return f"{u.name} (code {u.code}, id {u.id}{where})"

    def _describe_all(self, units: Iterable[Unit], on: date) -> tuple[str, ...]:
        """Candidates for an :class:`~papi.errors.Ambiguous`: each with its parent, and with
        its province too when the candidates lie in several provinces."""
        units = list(units)
        day = on.toordinal()
        tops = {([u, *self._ancestors_on(u.id, day)])[-1].id for u in units}
        return tuple(self._describe(u, on, province=len(tops) > 1) for u in units)

    def find(self, name: str, *, on: date | str | None = None) -> tuple[Unit, ...]:
        """Every unit whose name matches ``name`` (:mod:`papi.text` rules), on ``on`` if
        given, else on any day; never raises.

        >>> [u.id for u in hanoi_territory().find("P. Hoan Kiem")]
        ['00070@2025-07-01']
        """
        if not isinstance(name, str):
            raise InvalidData("a name is a string", path="name", value=name)
        day = None if on is None else _as_day(on)
        units = (self._by_id[i] for i in self._names.find(name))
        return tuple(u for u in units if day is None or u.exists_on(day))

    # ------------------------------------------------------------- hierarchy
    def _parent_id(self, uid: str, day: int) -> str | None:
        parent = self._epoch(day).get(uid)
        return None if parent is None else parent.id

    def parent(self, u: UnitRef, *, on: date | str) -> Unit | None:
        """The unit containing ``u`` on ``on`` (``None`` for a top-level unit)."""
        on = _as_day(on)
        unit = self._resolve(u, on)
        self._check(on, unit)
        p = self._parent_id(unit.id, on.toordinal())
        return None if p is None else self._by_id[p]

    def ancestors(self, u: UnitRef, *, on: date | str) -> tuple[Unit, ...]:
        """The units containing ``u`` on ``on``, nearest first.

        >>> hn = hanoi_territory()
        >>> [a.name for a in hn.ancestors("Phường Hàng Bạc", on=date(2025, 6, 30))]
        ['Quận Hoàn Kiếm', 'Thành phố Hà Nội']
        """
        if type(on) is not date:
            on = _as_day(on)
        day = on.toordinal()
        lo, hi = self._cov
        if not lo <= day < hi or self._gap_span[0] <= day < self._gap_span[1]:
            if not self._regional:
                self._check(on)
            else:
                self._check(on, self._resolve(u, on))
        up = self._by_day.get(day)
        if up is None:
            up = self._epoch(day)
        if isinstance(u, Unit):
            parent = up.get(u.id)
        else:
            # an id with a parent that day exists that day (links lie inside validity);
            # anything else (a code, a name, a top-level unit) goes through _resolve
            parent = up.get(u) if isinstance(u, str) else None
            if parent is None:
                parent = up.get(self._resolve(u, on).id)
        out: list[Unit] = []
        while parent is not None:
            out.append(parent)
            parent = up.get(parent.id)
        return tuple(out)

    def children(self, u: UnitRef, *, on: date | str) -> tuple[Unit, ...]:
        """The units directly inside ``u`` on ``on``, by id."""
        on = _as_day(on)
        unit = self._resolve(u, on)
        self._check(on, unit)
        day = on.toordinal()
        return tuple(
            self._by_id[c] for lo, hi, c in self._children.get(unit.id, ()) if lo <= day < hi
        )

    def _descendants(self, uid: str, day: int) -> Iterator[str]:
        stack = [uid]
        while stack:
            cur = stack.pop()
            for lo, hi, c in self._children.get(cur, ()):
                if lo <= day < hi:
                    yield c
                    stack.append(c)

    def units(
        self,
        *,
        level: Level | str | None = None,
        within: UnitRef | None = None,
        on: date | str,
    ) -> tuple[Unit, ...]:
        """The units existing on ``on``, optionally only those at ``level`` and/or inside
        ``within`` (at any depth), sorted by code.

        >>> hn = hanoi_territory()
        >>> len(hn.units(level=Level.COMMUNE, within="Quận Hoàn Kiếm", on=date(2025, 6, 30)))
        18

        ``level`` is a :class:`Level` or its value (``"commune"``); anything else raises
        :class:`~papi.errors.InvalidData` naming ``level``.
        """
        on = _as_day(on)
        level = _as_level(level)
        if within is not None:
            root = self._resolve(within, on)
            self._check(on, root)
            day = on.toordinal()
            found = (self._by_id[i] for i in self._descendants(root.id, day))
            out = [u for u in found if level is None or u.level is level]
        else:
            self._check(on)
            pool: Iterable[Unit] = (
                self._by_id.values() if level is None else self._level_units[level]
            )
            out = [u for u in pool if u.exists_on(on)]
        return tuple(sorted(out, key=lambda x: (x.level.depth, x.code)))

    # ----------------------------------------------------------- successions
    def successors(self, u: UnitRef, *, on: date | str) -> tuple[Unit, ...]:
        """What ``u`` became by ``on``: follow successions forward until units that exist on
        ``on`` (a unit that still exists is its own answer; a query before a succession
        never goes back). Empty when ``u`` ended without successors or starts after ``on``.

        >>> hn = hanoi_territory()
        >>> [x.name for x in hn.successors("Phường Cửa Đông", on=date(2026, 3, 1))]
        ['Phường Ba Đình', 'Phường Hoàn Kiếm']
        """
        on = _as_day(on)
        unit = self._resolve_any(u, on)
        self._check(on, unit)
        units, _ = self._follow(unit, on)
        return units

    def succession_chain(self, u: UnitRef, *, on: date | str) -> tuple[Succession, ...]:
        """The successions followed by :meth:`successors` (in order of effective date)."""
        on = _as_day(on)
        unit = self._resolve_any(u, on)
        self._check(on, unit)
        _, chain = self._follow(unit, on)
        return chain

    def convert(self, ref: UnitRef, *, to: date | str, on: date | str | None = None) -> Conversion:
        """Old to new, as ``vietnamadminunits.convert_address`` does for addresses: the units
        that ``ref`` became by ``to``, with the primary one marked, following every
        succession in between (a unit that still exists on ``to`` is its own answer).

        ``ref`` is a :class:`Unit`, an id, a code or a name, qualified by its parents as
        needed (``"Phường Cống Vị, Quận Ba Đình, Hà Nội"``). It is read on ``on`` when given;
        otherwise on ``to`` first, then among the units that ended by ``to`` (the latest
        to end). Codes are reused after 2025-07-01, so an old code needs ``on``. A name that
        fits several units raises :class:`~papi.errors.Ambiguous` listing them (with their
        province when they lie in several).

        >>> vn = vietnam_territory()
        >>> c = vn.convert("Tỉnh Quảng Nam", to="2026-03-01")
        >>> c.primary.name, c.chain[0].act
        ('Thành phố Đà Nẵng', '202/2025/QH15')
        >>> c = vn.convert("27691", on="2025-06-30", to="2026-03-01")
        >>> c.source.name, [u.name for u in c.units]
        ('Phường 4', ['Phường Long An'])
        """
        to = _as_day(to, "to")
        unit = self._resolve_any(ref, to) if on is None else self._resolve(ref, _as_day(on))
        self._check(to, unit)
        units, chain = self._follow(unit, to)
        return Conversion(
            source=unit, units=units, primary=self._primary(unit, to, units), chain=chain, on=to
        )

    def _primary(self, unit: Unit, on: date, units: tuple[Unit, ...]) -> Unit | None:
        """Follow the primary successor of each step from ``unit`` to a unit of ``on``."""
        if len(units) == 1:
            return units[0]
        cur, seen = unit, set()
        while not cur.exists_on(on) and cur.id not in seen:
            seen.add(cur.id)
            steps = [s for s in self._succ_of.get(cur.id, ()) if s.effective <= on]
            if not steps:
                return None
            step = min(steps, key=lambda s: s.effective)
            nxt = step.successors[0] if len(step.successors) == 1 else step.primary
            if nxt is None:
                return None
            cur = self._by_id[nxt]
        return cur if cur in units else None

    def _resolve_any(self, ref: UnitRef, on: date) -> Unit:
        """Like _resolve, but a name may denote a unit that no longer exists on ``on``."""
        if isinstance(ref, Unit):
            return ref
        if isinstance(ref, str) and ref in self._by_id and ref not in self._by_code:
            return self._by_id[ref]
        try:
            return self._resolve(ref, on)
        except NotFound:
            if not isinstance(ref, str):
                raise
            cands = self._other_days(ref.strip(), on)
            past = [c for c in cands if c.valid_to is not None and c.valid_to <= on]
            if not past:
                raise
            latest = max(c.valid_to for c in past if c.valid_to is not None)
            past = [c for c in past if c.valid_to == latest]
            if len(past) > 1:
                raise _AmbiguousPast(
                    "unit", ref, tuple(self._describe_other_day(c) for c in past)
                ) from None
            return past[0]

    def _follow(self, unit: Unit, on: date) -> tuple[tuple[Unit, ...], tuple[Succession, ...]]:
        if unit.exists_on(on):
            return (unit,), ()
        if unit.valid_from is not None and on < unit.valid_from:
            return (), ()
        seen: dict[str, None] = {}
        chain: dict[int, Succession] = {}
        frontier = [unit.id]
        visited: set[str] = set()
        while frontier:
            cur = frontier.pop()
            if cur in visited:
                continue
            visited.add(cur)
            cu = self._by_id[cur]
            if cu.exists_on(on):
                seen.setdefault(cur, None)
                continue
            for s in self._succ_of.get(cur, ()):
                if s.effective > on:
                    continue
                chain.setdefault(id(s), s)
                frontier.extend(s.successors)
        units = tuple(sorted((self._by_id[i] for i in seen), key=lambda x: x.code))
        hops = tuple(sorted(chain.values(), key=lambda s: (s.effective, s.predecessors)))
        return units, hops

    def predecessors(self, u: UnitRef, *, on: date | str | None = None) -> tuple[Unit, ...]:
        """The units ``u`` directly replaced (one succession step back), sorted by code.
        ``on`` only serves to resolve a name or code (default: the unit's first day)."""
        if isinstance(u, Unit):
            unit = u
        elif isinstance(u, str) and u in self._by_id and (on is None or u not in self._by_code):
            unit = self._by_id[u]
        else:
            if on is None:
                raise NotFound("unit", u, context="(pass on= to resolve a name or code)")
            day = _as_day(on)
            unit = self._resolve(u, day)
            self._check(day, unit)
        preds = {p for s in self._pred_of.get(unit.id, ()) for p in s.predecessors}
        return tuple(sorted((self._by_id[p] for p in preds), key=lambda x: x.code))

    # ----------------------------------------------------------------- graph
    @property
    def full_graph(self) -> nx.MultiDiGraph[str]:
        """The whole (frozen) graph over all time; nodes carry ``unit``, edges ``relation``
        and ``valid_from``/``valid_to``."""
        return self._graph

    def graph(self, *, on: date | str) -> nx.MultiDiGraph[str]:
        """A read-only view of the structure on ``on``: the units existing that day and the
        ``contains`` links holding that day (``succeeded_by`` edges are not in a day's
        view: a succession joins units of different days).

        >>> g = hanoi_territory().graph(on=date(2026, 3, 1))
        >>> g.number_of_nodes(), g.number_of_edges()
        (127, 126)
        >>> g.add_node("x")
        Traceback (most recent call last):
        ...
        networkx.exception.NetworkXError: Frozen graph can't be modified
        """
        on = _as_day(on)
        self._check(on)
        return day_view(self._graph, on)


def _as_day(value: object, path: str = "on") -> date:
    """A query's day: a date as is, else :func:`~papi.dates.parse_date` (ISO strings, aware
    datetimes; anything else raises :class:`~papi.errors.InvalidData` naming ``path``)."""
    if type(value) is date:
        return value
    try:
        return parse_date(value, path=path)
    except OverflowError:  # an aware datetime at the calendar's end, moved to Vietnam's zone
        raise InvalidData("the day is out of range", path=path, value=value) from None


def _as_level(value: object) -> Level | None:
    if value is None or isinstance(value, Level):
        return value
    if isinstance(value, str):
        try:
            return Level(value.strip().lower())
        except ValueError:
            pass
    raise InvalidData(
        f"not a level (one of {', '.join(lv.value for lv in Level)})", path="level", value=value
    )


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


class _HasValidity(Protocol):
    """A record that exists during ``validity`` (a :class:`Unit` or an organization)."""

    @property
    def validity(self) -> Validity: ...


class _CheckedSuccessions(NamedTuple):
    """What :func:`_check_successions` found: the problems, the successions that passed (in
    input order) and the index of the passed ones by predecessor and by successor id."""

    problems: list[Problem]
    accepted: list[Succession]
    succ_of: dict[str, list[Succession]]
    pred_of: dict[str, list[Succession]]


def _check_successions(
    successions: Iterable[Succession], by_id: Mapping[str, _HasValidity], noun: str
) -> _CheckedSuccessions:
    """Check succession records against the records they name (``noun``: ``"unit"`` or
    ``"organization"``, used in the messages): every id is known, every predecessor ends by
    the effective date and every successor exists on it (a succession points forward in
    time). A succession with a problem is reported and left out of ``accepted`` and of the
    indexes; the problems of one succession are all reported, not only the first."""
    problems: list[Problem] = []
    accepted: list[Succession] = []
    succ_of: dict[str, list[Succession]] = {}
    pred_of: dict[str, list[Succession]] = {}
    for i, s in enumerate(successions):
        src = f"successions[{i}] ({s.act}, {s.effective.isoformat()})"
        ok = True
        for rid in (*s.predecessors, *s.successors):
            if rid not in by_id:
                problems.append(
                    Problem(path=noun, message=f"unknown {noun}", value=rid, source=src)
                )
                ok = False
        if not ok:
            continue
        for p in s.predecessors:
            ends = by_id[p].validity.valid_to
            if ends is None or ends > s.effective:
                problems.append(
                    Problem(
                        path="predecessors",
                        value=p,
                        source=src,
                        message=f"{p} {by_id[p].validity} does not end by the effective date",
                    )
                )
                ok = False
        for n in s.successors:
            if not by_id[n].validity.contains(s.effective):
                problems.append(
                    Problem(
                        path="successors",
                        value=n,
                        source=src,
                        message=f"{n} {by_id[n].validity} does not exist on the effective date "
                        "(a succession must point forward in time)",
                    )
                )
                ok = False
        if not ok:
            continue
        accepted.append(s)
        for p in s.predecessors:
            succ_of.setdefault(p, []).append(s)
        for n in s.successors:
            pred_of.setdefault(n, []).append(s)
    return _CheckedSuccessions(problems, accepted, succ_of, pred_of)


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


# ------------------------------------------------------------------ loading
def _parse_unit(rec: Mapping[str, Any], path: str, src_text: Mapping[str, str]) -> Unit:
    kind_name = rec.get("kind")
    try:
        kind = UnitKind[str(kind_name)]
    except KeyError:
        raise InvalidData("unknown unit kind", path=f"{path}.kind", value=kind_name) from None
    return Unit(
        id=str(rec["id"]),
        code=str(rec["code"]),
        name=str(rec["name"]),
        name_en=rec.get("name_en"),
        kind=kind,
        validity=Validity(
            valid_from=parse_optional_date(rec.get("valid_from"), path=f"{path}.valid_from"),
            valid_to=parse_optional_date(rec.get("valid_to"), path=f"{path}.valid_to"),
        ),
        sources=tuple(src_text.get(s, s) for s in rec.get("sources", ())),
        end_reason=rec.get("end_reason"),
        note=rec.get("note"),
    )


def _read_lines(text: str, name: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidData(f"not JSON: {exc.msg}", path=f"{name}:{n}") from None
        if not isinstance(rec, dict):
            raise InvalidData("each line must be a JSON object", path=f"{name}:{n}")
        out.append(rec)
    return out


class _Records(NamedTuple):
    units: list[Unit]
    links: list[Containment]
    successions: list[Succession]


def load_territory(
    units_jsonl: str, successions_jsonl: str, meta: Mapping[str, Any] | None = None
) -> Territory:
    """Build a :class:`Territory` from the JSON Lines format of papi's packaged data
    (``units.jsonl``: one unit per line with a ``parent`` id; ``successions.jsonl``).
    ``meta`` may hold ``coverage`` and a ``sources`` table expanding short source ids."""
    meta = dict(meta or {})
    units, links, successions = _read_records(units_jsonl, successions_jsonl, meta)
    return Territory.build(units, links, successions, coverage=_meta_coverage(meta), meta=meta)


def _meta_coverage(meta: Mapping[str, Any]) -> Validity:
    cov = meta.get("coverage", {})
    return Validity(
        valid_from=parse_optional_date(cov.get("valid_from"), path="meta.coverage.valid_from"),
        valid_to=parse_optional_date(cov.get("valid_to"), path="meta.coverage.valid_to"),
    )


def _read_records(units_jsonl: str, successions_jsonl: str, meta: Mapping[str, Any]) -> _Records:
    """The records of the JSON Lines format, every problem collected into one error."""
    src_text: Mapping[str, str] = meta.get("sources", {})
    units: list[Unit] = []
    links: list[Containment] = []
    problems: list[Problem] = []
    for i, rec in enumerate(_read_lines(units_jsonl, "units.jsonl")):
        path = f"units.jsonl:{i + 1}"
        try:
            unit = _parse_unit(rec, path, src_text)
        except (InvalidData, KeyError, TypeError) as exc:
            problems.append(Problem(path=path, message=str(exc), value=rec.get("id")))
            continue
        units.append(unit)
        if rec.get("parent"):
            links.append(
                Containment(
                    parent=str(rec["parent"]),
                    child=unit.id,
                    validity=unit.validity,
                    source=f"{path} ({unit.id})",
                )
            )
    successions: list[Succession] = []
    for i, rec in enumerate(_read_lines(successions_jsonl, "successions.jsonl")):
        path = f"successions.jsonl:{i + 1}"
        try:
            successions.append(
                Succession(
                    predecessors=rec["predecessors"],
                    successors=rec["successors"],
                    effective=date.fromisoformat(rec["effective"]),
                    act=rec["act"],
                    kind=rec["kind"],
                    note=rec.get("note"),
                    sources=tuple(src_text.get(s, s) for s in rec.get("sources", ())),
                    verified=bool(rec.get("verified", True)),
                    primary=rec.get("primary"),
                )
            )
        except (InvalidData, KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(path=path, message=str(exc)))
    if problems:
        raise InvalidData.collect("territory data is invalid", problems)
    return _Records(units, links, successions)


_LOCK = threading.Lock()


def _hanoi_files() -> tuple[str, str, dict[str, Any]]:
    base = resources.files("papi") / "data" / "hanoi"
    meta = json.loads((base / "territory.meta.json").read_text(encoding="utf-8"))
    return (
        (base / "units.jsonl").read_text(encoding="utf-8"),
        (base / "successions.jsonl").read_text(encoding="utf-8"),
        meta,
    )


@functools.cache
def _hanoi() -> Territory:
    return load_territory(*_hanoi_files())


def _gz_rows(raw: bytes) -> list[list[Any]]:
    """The rows of a gzip'd JSON Lines file of arrays, parsed in one call."""
    text = gzip.decompress(raw).decode("utf-8")
    rows: list[list[Any]] = json.loads("[" + ",".join(text.splitlines()) + "]")
    return rows


_KIND_BY_NAME = {k.name: k for k in UnitKind}


def _national_records(meta: Mapping[str, Any]) -> _Records:
    """The national rows (see ``tools/build_vietnam_data.py`` for the columns) as records.
    A unit row's ``parent`` is an id or, for a unit that moved, ``[[parent, from, to], ...]``;
    an eighth column is the reason a unit ends without successors. A succession row's ninth
    column names its source in ``meta["sources"]``. The rows are generated and checked by the
    build script; a malformed row still raises :class:`~papi.errors.InvalidData` naming the
    file and row."""
    base = resources.files("papi") / "data" / "vietnam"
    source = meta["source"]
    vau = f"{source['package']} {source['version']} ({source['licence']})"
    table: Mapping[str, str] = meta.get("sources", {})
    gso = table.get("gso")
    snapshot = date(2025, 6, 30)
    validities: dict[tuple[str | None, str | None], tuple[Validity, tuple[str, ...]]] = {}
    units: list[Unit] = []
    links: list[Containment] = []
    path = "vietnam/units.jsonl.gz"
    rows = _gz_rows((base / "units.jsonl.gz").read_bytes())
    i = 0
    try:
        for i, (uid, code, name, kind, parent, vf, vt, *end) in enumerate(rows):
            found = validities.get((vf, vt))
            if found is None:
                v = Validity(
                    valid_from=parse_optional_date(vf, path=f"{path}:{i + 1}"),
                    valid_to=parse_optional_date(vt, path=f"{path}:{i + 1}"),
                )
                # a version that ended before the snapshot day is the statistics office's
                ended = v.valid_to is not None and v.valid_to <= snapshot
                srcs: tuple[str, ...] = (gso,) if gso and ended else (vau,)
                if gso and not ended and (v.valid_from is None or v.valid_from < snapshot):
                    srcs = (gso, vau)
                found = validities[(vf, vt)] = (v, srcs)
            v, srcs = found
            units.append(
                Unit(
                    id=uid,
                    code=code,
                    name=name,
                    kind=_KIND_BY_NAME[kind],
                    validity=v,
                    sources=srcs,
                    end_reason=end[0] if end else None,
                )
            )
            if isinstance(parent, str):
                links.append(Containment(parent=parent, child=uid, validity=v))
            elif parent is not None:
                for pid, start, stop in parent:
                    span = Validity(
                        valid_from=parse_optional_date(start, path=f"{path}:{i + 1}"),
                        valid_to=parse_optional_date(stop, path=f"{path}:{i + 1}"),
                    )
                    links.append(Containment(parent=pid, child=uid, validity=span))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidData(f"malformed row: {exc}", path=f"{path}:{i + 1}") from None
    acts: Mapping[str, str] = meta["acts"]
    notes: Mapping[str, str] = meta["notes"]
    successions: list[Succession] = []
    path = "vietnam/successions.jsonl.gz"
    rows = _gz_rows((base / "successions.jsonl.gz").read_bytes())
    days: dict[str, date] = {}
    cited: dict[tuple[str, str], tuple[str, ...]] = {}
    try:
        for i, (eff, act, kind, preds, succs, primary, verified, note, *src) in enumerate(rows):
            day = days.get(eff)
            if day is None:
                day = days[eff] = parse_date(eff, path=f"{path}:{i + 1}")
            key = (act, src[0] if src else "vau")
            sources = cited.get(key)
            if sources is None:
                named = tuple(acts[a] for a in act.split("; ") if a in acts) or (act,)
                sources = cited[key] = (*named, table.get(key[1], vau))
            successions.append(
                Succession(
                    predecessors=preds,
                    successors=succs,
                    effective=day,
                    act=act,
                    kind=kind,
                    note=notes.get(note, note) if note else None,
                    sources=sources,
                    verified=bool(verified),
                    primary=primary,
                )
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidData(f"malformed row: {exc}", path=f"{path}:{i + 1}") from None
    return _Records(units, links, successions)


def _reconciled(records: _Records, table: Mapping[str, Mapping[str, str]]) -> _Records:
    """The curated Hanoi records with the ids and first days the national history gives them
    (``meta["hanoi_reconcile"]``: the communes renamed on 2020-03-01, where the curated data
    starts; see docs/territory.md)."""
    ids, starts = table.get("ids", {}), table.get("valid_from", {})
    if not ids:
        return records

    def rid(x: str) -> str:
        return ids.get(x, x)

    units = []
    for u in records.units:
        new = rid(u.id)
        if new != u.id:
            day = date.fromisoformat(starts[new])
            u = attrs.evolve(u, id=new, validity=attrs.evolve(u.validity, valid_from=day))
        units.append(u)
    by_id = {u.id: u for u in units}
    links = [
        attrs.evolve(
            c, parent=rid(c.parent), child=rid(c.child), validity=by_id[rid(c.child)].validity
        )
        if rid(c.child) != c.child or rid(c.parent) != c.parent
        else c
        for c in records.links
    ]
    successions = [
        attrs.evolve(
            s,
            predecessors=tuple(map(rid, s.predecessors)),
            successors=tuple(map(rid, s.successors)),
            primary=None if s.primary is None else rid(s.primary),
        )
        for s in records.successions
    ]
    return _Records(units, links, successions)


@functools.cache
def _vietnam() -> Territory:
    with _gc_paused():  # ~40,000 acyclic records: collections would only cost time
        return _load_vietnam()


def _load_vietnam() -> Territory:
    records, meta, regional, unverified = _vietnam_records()
    return Territory.build(
        *records,
        coverage=_meta_coverage(meta),
        meta=meta,
        regional_coverage=regional,
        unverified=unverified,
    )


def _vietnam_records() -> tuple[
    _Records, dict[str, Any], dict[str, Validity], dict[str, list[tuple[Validity, str]]]
]:
    """The national records with Hanoi's curated ones merged in (reconciled), the meta, and
    the coverage per province id (span, unverified stretches)."""
    base = resources.files("papi") / "data" / "vietnam"
    meta: dict[str, Any] = json.loads((base / "meta.json").read_text(encoding="utf-8"))
    national = _national_records(meta)
    hn_units, hn_successions, hn_meta = _hanoi_files()
    hanoi = _reconciled(
        _read_records(hn_units, hn_successions, hn_meta), meta.get("hanoi_reconcile", {})
    )
    # every version of a province (a renamed one has its own id) carries its code's coverage
    province_ids: dict[str, list[str]] = {}
    for u in national.units:
        if len(u.code) == 2:
            province_ids.setdefault(u.code, []).append(u.id)
    regional: dict[str, Validity] = {}
    unverified: dict[str, list[tuple[Validity, str]]] = {}
    for code, cov in meta["coverage_by_province"].items():
        path = f"meta.coverage_by_province.{code}"
        span = Validity(valid_from=parse_optional_date(cov.get("valid_from"), path=path))
        gaps = [
            (
                Validity(
                    valid_from=parse_optional_date(lo, path=path),
                    valid_to=parse_optional_date(hi, path=path),
                ),
                why,
            )
            for lo, hi, why in cov.get("unverified", ())
        ]
        for pid in province_ids.get(code, [code]):
            regional[pid] = span
            if gaps:
                unverified[pid] = gaps
    meta["hanoi"] = {k: hn_meta[k] for k in ("source", "sources", "coverage", "acts", "counts")}
    records = _Records(
        [*national.units, *hanoi.units],
        [*national.links, *hanoi.links],
        [*national.successions, *hanoi.successions],
    )
    return records, meta, regional, unverified


def hanoi_territory() -> Territory:
    """Hanoi's territory from papi's packaged data (cached; thread-safe).

    Generated by ``tools/build_hanoi_data.py`` from ``vietnamadminunits`` 1.0.4 (MIT):
    the city, 30 district-level and 526 commune-level units as of 2025-06-30, the 126
    commune-level units from 2025-07-01 (Resolution 1656/NQ-UBTVQH15) and the successions;
    and, from the sourced table ``tools/hanoi_1286.toml``, the 579 commune-level units of
    2020-03-01..2024-12-31 (Resolution 1286/NQ-UBTVQH15 reversed: 53 units that ended on
    2025-01-01 and the old names of 33 codes kept under a new name). Coverage starts
    2020-03-01 (see :attr:`Territory.coverage`); earlier days warn.

    >>> hn = hanoi_territory()
    >>> hn.meta["source"]["version"], hn.coverage.valid_from
    ('1.0.4', datetime.date(2020, 3, 1))
    >>> len(hn.units(level=Level.COMMUNE, on=date(2022, 6, 13)))
    579
    """
    with _LOCK:
        return _hanoi()


def vietnam_territory() -> Territory:
    """The whole country from papi's packaged data (loaded once, on first call; thread-safe).

    Generated by ``tools/build_vietnam_data.py`` from three sources reconciled into one
    timeline (docs/territory.md, "One timeline since 2020"): the statistics office's dated
    unit lists 2020-01-01..2025-03-01 (``tools/gso/history.json.gz``: every unit version and
    the successions between lists, each citing the acts the lists name), ``vietnamadminunits``
    1.0.4 (MIT) for the units just before 2025-07-01 (63 provinces, 696 district-level units,
    10,035 communes) and from 2025-07-01 (34 provinces, 3,321 communes) with the reform's
    successions (provinces: Resolution 202/2025/QH15; communes with the primary successor of
    every divided commune; the source's homonym defect corrected, ``meta["defects"]``), and
    Hanoi's curated data from 2020-03-01, which wins. Every province is vouched for from
    2020-01-01 (:meth:`Territory.coverage_of`), but for the days the data marks unverified
    (``meta["coverage_by_province"]``).

    >>> vn = vietnam_territory()
    >>> len(vn.units(level="province", on="2025-06-30")), len(vn.units(level="province", on="2026-03-01"))
    (63, 34)
    >>> len(vn.units(level="commune", on="2025-06-30")), len(vn.units(level="commune", on="2026-03-01"))
    (10035, 3321)
    >>> [u.name for u in vn.successors("Tỉnh Quảng Nam", on="2026-03-01")]
    ['Thành phố Đà Nẵng']
    >>> len(vn.units(level="commune", on="2022-06-13"))
    10599
    """
    with _LOCK:
        return _vietnam()
