"""The :class:`Territory` registry and its queries."""

from __future__ import annotations

import bisect
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from datetime import date

import networkx as nx

from papi.dates import (
    ALWAYS,
    Validity,
    _warn_outside_coverage,
)
from papi.errors import Ambiguous, CoverageWarning, InvalidData, NotFound
from papi.territory._build import _gc_paused, day_view
from papi.territory._build import build as _build
from papi.territory._misses import (
    _AmbiguousPast,
    _choices,
    _closest,
    _describe_other_day,
    _gone,
    _named_choices,
    _other_days,
    _unknown_on,
)
from papi.territory.model import (
    _FAR_PAST,
    _SENTINELS,
    Containment,
    Conversion,
    Level,
    Succession,
    Unit,
    UnitRef,
    Unverified,
    _as_day,
    _as_level,
    _span,
)
from papi.text import NameIndex


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
        "_graph_links",
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
    _graph: nx.MultiDiGraph[str] | None
    #: the containment links the graph is built from (:func:`~papi.territory._build.
    #: build_graph`, with the successions): parent, child, span and dates, in the order given
    _graph_links: tuple[tuple[str, str, int, int, date | None, date | None], ...]
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

        >>> from papi.territory import UnitKind
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
            return _build(
                cls,
                units,
                links,
                successions,
                coverage=coverage,
                meta=meta,
                regional=dict(regional_coverage or {}),
                unverified={k: tuple(v) for k, v in (unverified or {}).items()},
            )

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

        >>> from papi.territory import hanoi_territory, vietnam_territory
        >>> vn = vietnam_territory()
        >>> vn.coverage_of("Thành phố Hà Nội", on="2026-03-01").valid_from
        datetime.date(2020, 1, 1)
        >>> hanoi_territory().coverage_of("Thành phố Hà Nội", on="2026-03-01").valid_from
        datetime.date(2020, 3, 1)
        """
        day = _as_day(on)
        return self._cov_of(self._resolve(u, day).id)

    def unverified(self, u: UnitRef, *, on: date | str) -> Unverified | None:
        """The stretch of days around ``on`` that the data marks as unverified for ``u``'s
        province (see :meth:`build`, ``unverified``), or ``None``. Such a day lies inside
        :meth:`coverage_of` and still warns.

        >>> from papi.territory import vietnam_territory
        >>> vn = vietnam_territory()
        >>> found = vn.unverified("Tỉnh Bắc Giang", on="2025-04-01")
        >>> found.province.name, str(found.days)
        ('Tỉnh Bắc Giang', '[2025-03-02, 2025-06-30)')
        >>> vn.unverified("Tỉnh Bắc Giang", on="2025-03-01") is None
        True
        """
        day = _as_day(on)
        unit = self._resolve(u, day)
        d = day.toordinal()
        if not self._gap_span[0] <= d < self._gap_span[1]:
            return None
        top = self._top_id(unit.id) or ""
        for lo, hi, why in self._gaps.get(top, ()):
            if lo <= d < hi:
                days = Validity(valid_from=date.fromordinal(lo), valid_to=date.fromordinal(hi))
                return Unverified(self._by_id[top], days, why)
        return None

    def change_days(self) -> tuple[date, ...]:
        """Every day on which something in the data starts or ends, sorted: unit and link
        bounds, each succession's effective day and the day after (a succession is a one-day
        edge), and the coverage bounds. Between two consecutive days every answer of the
        territory is the same (the eras a :class:`~papi.governance.Governance` caches by).

        >>> from papi.territory import hanoi_territory
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

        >>> from papi.territory import hanoi_territory
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
            raise _gone(self, ref, [found], on)
        if text in self._by_code:  # a code no unit bears on ``on``
            raise _gone(self, ref, list(self._by_code[text]), on)
        if "," in text:
            return self._resolve_path(ref, text, on)
        ids = self._names.find(text)
        live = [self._by_id[i] for i in ids if self._by_id[i].exists_on(on)]
        if len(live) == 1:
            return live[0]
        if len(live) > 1:
            raise Ambiguous(
                "unit", ref, self._describe_all(live, on), choices=_choices(self, live, on)
            )
        if ids:
            raise _gone(self, ref, [self._by_id[i] for i in ids], on)
        closest = _closest(self, text, on)
        raise NotFound("unit", ref, closest=closest, choices=_named_choices(self, closest, on))

    def _describe_other_day(self, u: Unit) -> str:
        """``"Phường Minh Khai, Quận Hai Bà Trưng (00295, until 2025-07-01)"``."""
        return _describe_other_day(self, u)

    def qualified_name(self, u: UnitRef, *, on: date | str) -> str:
        """The shortest name that :meth:`unit` resolves to ``u`` on ``on``: its own name,
        followed by as many containing units' names as it takes to be unambiguous.

        >>> from papi.territory import hanoi_territory
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
            raise Ambiguous(
                "unit", ref, self._describe_all(cands, on), choices=_choices(self, cands, on)
            )
        others = _other_days(self, text, on)
        if others:
            raise _gone(self, ref, others, on)
        closest = _closest(self, head, on)
        raise _unknown_on(ref, on, closest, _named_choices(self, closest, on))

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

        >>> from papi.territory import hanoi_territory
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

        >>> from papi.territory import hanoi_territory
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

        >>> from papi.territory import hanoi_territory
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

        >>> from papi.territory import hanoi_territory
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

        >>> from papi.territory import vietnam_territory
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
            cands = _other_days(self, ref.strip(), on)
            past = [c for c in cands if c.valid_to is not None and c.valid_to <= on]
            if not past:
                raise
            latest = max(c.valid_to for c in past if c.valid_to is not None)
            past = [c for c in past if c.valid_to == latest]
            if len(past) > 1:
                raise _AmbiguousPast(
                    "unit",
                    ref,
                    tuple(_describe_other_day(self, c) for c in past),
                    tuple(_describe_other_day(self, c, "vi") for c in past),
                    choices=_choices(self, past, on),
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
                raise NotFound(
                    "unit",
                    u,
                    context="(pass on= to resolve a name or code)",
                    context_vi="(cần ngày on= để tìm theo tên hoặc mã)",
                )
            day = _as_day(on)
            unit = self._resolve(u, day)
            self._check(day, unit)
        preds = {p for s in self._pred_of.get(unit.id, ()) for p in s.predecessors}
        return tuple(sorted((self._by_id[p] for p in preds), key=lambda x: x.code))

    # ----------------------------------------------------------------- graph
    @property
    def full_graph(self) -> nx.MultiDiGraph[str]:
        """The whole (frozen) graph over all time; nodes carry ``unit``, edges ``relation``
        and ``valid_from``/``valid_to``. Built when first asked for: queries do not read it.

        >>> from papi.territory import hanoi_territory
        >>> g = hanoi_territory().full_graph
        >>> g.nodes["01"]["unit"].name
        'Thành phố Hà Nội'
        """
        graph = self._graph
        if graph is None:
            from papi.territory._build import build_graph

            with self._lock:
                graph = self._graph
                if graph is None:
                    graph = self._graph = build_graph(self)
        return graph

    def graph(self, *, on: date | str) -> nx.MultiDiGraph[str]:
        """A read-only view of the structure on ``on``: the units existing that day and the
        ``contains`` links holding that day (``succeeded_by`` edges are not in a day's
        view: a succession joins units of different days).

        >>> from papi.territory import hanoi_territory
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
        return day_view(self.full_graph, on)
