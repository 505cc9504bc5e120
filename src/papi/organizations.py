"""Organizations, posts and the people in them, over a :class:`~papi.territory.Territory`.

An :class:`Organization` (People's Committee, People's Council, city department, inspectorate,
PC Office, service centre, Fatherland Front committee ...) serves one unit during its validity.
A :class:`Post` exists whether or not someone holds it (Popolo); a :class:`Holding` puts a
named person in it for a period, and a holding with ``person=None`` records an explicit
vacancy. :class:`Organizations` is the immutable registry; its graph holds units, organizations
and posts with the relations ``contains``, ``governed_by`` (unit -> its People's Committee),
``has_council`` (unit -> its People's Council), ``part_of`` (department -> city PC),
``headed_by`` (organization -> head post), ``guides`` (city department -> lower-level People's
Committee) and ``succeeded_by``.

>>> from datetime import date
>>> orgs = hanoi_organizations()
>>> d = date(2026, 3, 1)
>>> pc = orgs.committee_of("Phường Hoàn Kiếm", on=d)
>>> pc.name, orgs.superior(pc, on=d).id
('Ủy ban nhân dân phường Hoàn Kiếm', 'ubnd:01')
>>> orgs.holder(orgs.head_post("ubnd:01", on=d), on=d).person
'Vũ Đại Thắng'
>>> [o.name for o in orgs.successors("Sở Kế hoạch và Đầu tư", on=d)]
['Sở Tài chính']
"""

from __future__ import annotations

import enum
import functools
import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs
import networkx as nx

from papi.dates import Validity, _warn_outside_coverage, parse_optional_date
from papi.errors import Ambiguous, InvalidData, NotFound, Problem
from papi.territory import (
    Level,
    Succession,
    Territory,
    Unit,
    UnitKind,
    UnitRef,
    _check_successions,
    day_view,
    freeze_attributes,
    hanoi_territory,
)
from papi.text import NameIndex

__all__ = [
    "Holding",
    "OrgKind",
    "Organization",
    "Organizations",
    "Post",
    "PostKind",
    "hanoi_organizations",
]


class OrgKind(enum.Enum):
    """The kind of an organization."""

    PEOPLES_COMMITTEE = "peoples_committee"
    PEOPLES_COUNCIL = "peoples_council"
    DEPARTMENT = "department"
    INSPECTORATE = "inspectorate"
    PC_OFFICE = "pc_office"
    ONE_STOP_SHOP = "one_stop_shop"
    CITIZEN_RECEPTION = "citizen_reception"
    FATHERLAND_FRONT = "fatherland_front"
    SERVICE_CENTRE = "service_centre"
    OTHER = "other"


class PostKind(enum.Enum):
    """The kind of a post."""

    CHAIRPERSON = "chairperson"
    VICE_CHAIRPERSON = "vice_chairperson"
    DIRECTOR = "director"
    DEPUTY_DIRECTOR = "deputy_director"
    CHIEF_INSPECTOR = "chief_inspector"
    CHIEF_OF_OFFICE = "chief_of_office"
    HEAD = "head"
    OTHER = "other"


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise InvalidData("must not be empty", path=attribute.name, value=value)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


_V = attrs.validators


@attrs.frozen(kw_only=True)
class Organization:
    """A public body serving one unit (``unit_id``) during ``validity``.

    ``part_of`` is the organization it belongs to (a department is part of the city People's
    Committee); ``sector`` a short English key for a department's field (``"finance"``);
    ``verified`` is false where the record rests on unverified facts (see ``note``).
    """

    id: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    kind: OrgKind = attrs.field(validator=_V.instance_of(OrgKind))
    unit_id: str = attrs.field(validator=_nonempty)
    validity: Validity = attrs.field(default=Validity(), validator=_V.instance_of(Validity))
    name_en: str | None = None
    part_of: str | None = None
    sector: str | None = None
    abbreviations: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs, repr=False)
    verified: bool = attrs.field(default=True, repr=False)
    note: str | None = attrs.field(default=None, repr=False)

    @property
    def valid_from(self) -> date | None:
        """First day (``None``: before the data starts)."""
        return self.validity.valid_from

    @property
    def valid_to(self) -> date | None:
        """First day it no longer exists (``None``: still exists)."""
        return self.validity.valid_to

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


@attrs.frozen(kw_only=True)
class Post:
    """A position in an organization; ``is_head`` marks the head (người đứng đầu)."""

    id: str = attrs.field(validator=_nonempty)
    org_id: str = attrs.field(validator=_nonempty)
    kind: PostKind = attrs.field(validator=_V.instance_of(PostKind))
    name: str = attrs.field(validator=_nonempty)
    validity: Validity = attrs.field(default=Validity(), validator=_V.instance_of(Validity))
    name_en: str | None = None
    is_head: bool = False
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs, repr=False)

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


@attrs.frozen(kw_only=True)
class Holding:
    """A person in a post during ``validity``; ``person=None`` is an explicit vacancy."""

    post_id: str = attrs.field(validator=_nonempty)
    person: str | None
    validity: Validity = attrs.field(validator=_V.instance_of(Validity))
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs, repr=False)
    verified: bool = attrs.field(default=True, repr=False)
    note: str | None = attrs.field(default=None, repr=False)

    @property
    def is_vacancy(self) -> bool:
        """Whether this records an explicit vacancy."""
        return self.person is None


OrgRef = Organization | str
PostRef = Post | str
_Span = tuple[int, int, str]
_FAR_PAST = date.min.toordinal()
_FAR_FUTURE = date.max.toordinal() + 1


def _span(v: Validity) -> tuple[int, int]:
    lo = v.valid_from.toordinal() if v.valid_from else _FAR_PAST
    hi = v.valid_to.toordinal() if v.valid_to else _FAR_FUTURE
    return lo, hi


def _intersect(a: Validity, b: Validity) -> Validity | None:
    lo = max((d for d in (a.valid_from, b.valid_from) if d is not None), default=None)
    hi = min((d for d in (a.valid_to, b.valid_to) if d is not None), default=None)
    if lo is not None and hi is not None and hi <= lo:
        return None
    return Validity(valid_from=lo, valid_to=hi)


#: Kinds of city-level organizations that guide the lower-level People's Committees.
GUIDING_KINDS = frozenset({OrgKind.DEPARTMENT, OrgKind.INSPECTORATE, OrgKind.PC_OFFICE})


class Organizations:
    """The immutable registry of organizations, posts and holdings over a territory.

    Build with :meth:`build`. Organization arguments accept an :class:`Organization`, an id,
    or a name / abbreviation (matched with :mod:`papi.text` rules on the query day). Unit
    arguments are resolved through :attr:`territory`. Queries outside the territory's
    coverage warn (:class:`~papi.errors.CoverageWarning`).
    """

    __slots__ = (
        "_by_id",
        "_by_unit",
        "_coverage",
        "_graph",
        "_guides",
        "_heads",
        "_holdings",
        "_names",
        "_posts",
        "_posts_of",
        "_pred_of",
        "_succ_of",
        "_successions",
        "_territory",
    )

    _by_id: Mapping[str, Organization]
    _by_unit: Mapping[str, tuple[Organization, ...]]
    _coverage: Validity
    _graph: nx.MultiDiGraph[str]
    _guides: Mapping[str, tuple[_Span, ...]]
    _heads: Mapping[str, tuple[Post, ...]]
    _holdings: Mapping[str, tuple[Holding, ...]]
    _names: NameIndex[str]
    _posts: Mapping[str, Post]
    _posts_of: Mapping[str, tuple[Post, ...]]
    _pred_of: Mapping[str, tuple[Succession, ...]]
    _succ_of: Mapping[str, tuple[Succession, ...]]
    _successions: tuple[Succession, ...]
    _territory: Territory

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise TypeError("use Organizations.build(territory, organizations, ...)")

    @classmethod
    def build(
        cls,
        territory: Territory,
        organizations: Iterable[Organization],
        posts: Iterable[Post] = (),
        holdings: Iterable[Holding] = (),
        successions: Iterable[Succession] = (),
        *,
        derive_guides: bool = True,
    ) -> Organizations:
        """Validate and build the registry.

        Checks, all at once: unique ids; every organization's unit exists in ``territory``
        and covers its validity; ``part_of`` targets exist and overlap; posts name known
        organizations and lie inside their validity; holdings name known posts, lie inside
        them and do not overlap; successions name known organizations and point forward in
        time. With ``derive_guides``, each city-level department, inspectorate and PC Office
        gets a ``guides`` edge to every People's Committee of a unit below it, for the days
        both exist (the 2022 plan has departments guide district and commune PCs: Plan
        164/KH-UBND, T2).
        """
        problems: list[Problem] = []
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
                problems.append(
                    Problem(
                        path="validity",
                        message=f"{o.validity} is not inside the validity of its unit "
                        f"{territory.get(o.unit_id)} {territory.get(o.unit_id).validity}",
                        source=src,
                    )
                )
            by_id[o.id] = o
        for o in by_id.values():
            if o.part_of is not None:
                parent = by_id.get(o.part_of)
                if parent is None:
                    problems.append(
                        Problem(
                            path="part_of",
                            message="unknown organization",
                            value=o.part_of,
                            source=f"organization {o.id}",
                        )
                    )
                elif not o.validity.within(parent.validity):
                    problems.append(
                        Problem(
                            path="part_of",
                            message=f"{o.validity} is not inside {parent.id} {parent.validity}",
                            value=o.part_of,
                            source=f"organization {o.id}",
                        )
                    )
        post_by_id: dict[str, Post] = {}
        for p in posts:
            src = f"post {p.id}"
            if p.id in post_by_id:
                problems.append(Problem(path="id", message="duplicate post id", value=p.id))
                continue
            org = by_id.get(p.org_id)
            if org is None:
                problems.append(
                    Problem(
                        path="org_id", message="unknown organization", value=p.org_id, source=src
                    )
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
        hold: dict[str, list[Holding]] = {}
        for i, h in enumerate(holdings):
            src = f"holdings[{i}] ({h.person or 'vacancy'})"
            post = post_by_id.get(h.post_id)
            if post is None:
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
                if other.validity.overlaps(h.validity):
                    problems.append(
                        Problem(
                            path="validity",
                            message=f"overlaps the holding of {other.person or 'vacancy'} "
                            f"{other.validity}",
                            value=str(h.validity),
                            source=src,
                        )
                    )
            hold.setdefault(h.post_id, []).append(h)
        succ_list = list(successions)
        checked = _check_successions(succ_list, by_id, "organization")
        problems.extend(checked.problems)
        succ_of, pred_of = checked.succ_of, checked.pred_of
        if problems:
            raise InvalidData.collect("organization data is invalid", problems)

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

        by_unit: dict[str, list[Organization]] = {}
        for o in by_id.values():
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
            by_unit.setdefault(o.unit_id, []).append(o)
            if o.kind is OrgKind.PEOPLES_COMMITTEE:
                edge(o.unit_id, o.id, "governed_by", o.validity)
            elif o.kind is OrgKind.PEOPLES_COUNCIL:
                edge(o.unit_id, o.id, "has_council", o.validity)
            if o.part_of is not None:
                edge(o.id, o.part_of, "part_of", o.validity)
        posts_of: dict[str, list[Post]] = {}
        for p in post_by_id.values():
            lo, hi = _span(p.validity)
            graph.add_node(
                p.id,
                post=p,
                node_type="post",
                lo=lo,
                hi=hi,
                valid_from=p.validity.valid_from,
                valid_to=p.validity.valid_to,
            )
            posts_of.setdefault(p.org_id, []).append(p)
            if p.is_head:
                edge(p.org_id, p.id, "headed_by", p.validity)
        for s in succ_list:
            for a in s.predecessors:
                for b in s.successors:
                    day = s.effective
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
        guides: dict[str, list[_Span]] = {}
        if derive_guides:
            committees = [o for o in by_id.values() if o.kind is OrgKind.PEOPLES_COMMITTEE]
            for o in by_id.values():
                if o.kind not in GUIDING_KINDS:
                    continue
                top = territory.get(o.unit_id)
                for pc in committees:
                    unit = territory.get(pc.unit_id)
                    if unit.level.depth <= top.level.depth:
                        continue
                    v = _intersect(o.validity, pc.validity)
                    if v is None:
                        continue
                    edge(o.id, pc.id, "guides", v)
                    guides.setdefault(o.id, []).append((*_span(v), pc.id))

        freeze_attributes(graph)
        self = object.__new__(cls)
        self._territory = territory
        self._coverage = territory.coverage
        self._graph = nx.freeze(graph)
        self._by_id = MappingProxyType(by_id)
        self._by_unit = MappingProxyType({k: tuple(v) for k, v in by_unit.items()})
        self._posts = MappingProxyType(post_by_id)
        self._posts_of = MappingProxyType({k: tuple(v) for k, v in posts_of.items()})
        self._heads = MappingProxyType(
            {k: tuple(p for p in v if p.is_head) for k, v in posts_of.items()}
        )
        self._holdings = MappingProxyType({k: tuple(v) for k, v in hold.items()})
        self._succ_of = MappingProxyType({k: tuple(v) for k, v in succ_of.items()})
        self._pred_of = MappingProxyType({k: tuple(v) for k, v in pred_of.items()})
        self._guides = MappingProxyType({k: tuple(v) for k, v in guides.items()})
        self._successions = tuple(succ_list)
        pairs: list[tuple[str, str]] = []
        for o in by_id.values():
            pairs.append((o.name, o.id))
            if o.name_en:
                pairs.append((o.name_en, o.id))
            pairs.extend((a, o.id) for a in o.abbreviations)
        self._names = NameIndex(pairs)
        return self

    # ---------------------------------------------------------------- basics
    @property
    def territory(self) -> Territory:
        """The territory the organizations serve."""
        return self._territory

    @property
    def coverage(self) -> Validity:
        """The days the data vouches for (the territory's); queries outside warn with a
        :class:`~papi.errors.CoverageWarning`. Records that are less certain inside it say
        so themselves (``verified=False`` with a ``note``).

        >>> hanoi_organizations().coverage.valid_from
        datetime.date(2020, 3, 1)
        """
        return self._coverage

    @property
    def successions(self) -> tuple[Succession, ...]:
        """Every organization succession record (department mergers, PCs following units)."""
        return self._successions

    def __iter__(self) -> Iterator[Organization]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __repr__(self) -> str:
        return f"<Organizations: {len(self._by_id)} organizations, {len(self._posts)} posts>"

    def _check(self, on: date) -> None:
        _warn_outside_coverage(self._coverage, on, "the data", stacklevel=3)

    def get(self, org_id: str) -> Organization:
        """The organization with this id (any date); NotFound otherwise."""
        try:
            return self._by_id[org_id]
        except KeyError:
            raise NotFound("organization id", org_id) from None

    def post(self, post_id: str) -> Post:
        """The post with this id; NotFound otherwise."""
        try:
            return self._posts[post_id]
        except KeyError:
            raise NotFound("post id", post_id) from None

    def org(self, ref: OrgRef, *, on: date) -> Organization:
        """Resolve an organization reference (object, id, name or abbreviation) on ``on``.

        >>> orgs = hanoi_organizations()
        >>> orgs.org("SNV", on=date(2025, 2, 28)).id
        'so:noi-vu'
        >>> orgs.org("STNMT", on=date(2025, 1, 2)).name
        'Sở Tài nguyên và Môi trường'
        >>> orgs.org("Sở Nội vụ", on=date(2025, 3, 1)).id
        'so:noi-vu@2025-03-01'
        """
        self._check(on)
        return self._resolve(ref, on)

    def _resolve(self, ref: OrgRef, on: date) -> Organization:
        if isinstance(ref, Organization):
            return ref
        if not isinstance(ref, str):
            raise NotFound("organization", ref)
        found = self._by_id.get(ref)
        if found is not None:
            if found.validity.contains(on):
                return found
            raise self._gone(ref, [found], on)
        ids = self._names.find(ref)
        live = [self._by_id[i] for i in ids if self._by_id[i].validity.contains(on)]
        if len(live) == 1:
            return live[0]
        if len(live) > 1:
            raise Ambiguous(
                "organization",
                ref,
                tuple(f"{o.name} (id {o.id}, unit {o.unit_id})" for o in live),
            )
        if ids:
            raise self._gone(ref, [self._by_id[i] for i in ids], on)
        raise NotFound("organization", ref, closest=self._names.closest(ref))

    def _gone(self, ref: str, orgs: list[Organization], on: date) -> NotFound:
        """The error for a reference to organizations that exist on other days than ``on``:
        when each ended and what succeeded it, or when it starts, and how to ask instead."""
        day = on.isoformat()
        orgs = sorted(orgs, key=lambda o: (o.valid_from or date.min, o.id))
        if len(orgs) > 1:
            shown = "; ".join(self._other_day(o, on)[0] for o in orgs)
            return NotFound(
                "organization",
                ref,
                context=f"on {day}: none of the organizations so named exists that day "
                f"({shown}); ask by id, or use a date when one of them existed",
            )
        text, names = self._other_day(orgs[0], on)
        return NotFound("organization", ref, context=f"on {day}: {text}", closest=names)

    def _other_day(self, o: Organization, on: date) -> tuple[str, tuple[str, ...]]:
        """What became of ``o`` by ``on`` (a day it does not exist), how to ask instead, and
        the names of its successors that day."""
        if o.valid_to is None or o.valid_to > on:
            start = o.valid_from.isoformat() if o.valid_from else "?"
            return f"{o} exists only from {start}; use a date on or after {start}", ()
        until = o.valid_to.isoformat()
        succ = self._follow(o, on)[0]
        names = tuple(s.name for s in succ)
        if len(succ) == 1:
            what = f"was succeeded by {succ[0]}; ask about {names[0]}"
        elif succ:
            what = f"was succeeded by {', '.join(map(str, succ))}; ask about one of them"
        else:
            what = "ended with no successor recorded"
        return f"{o} existed until {until} and {what}, or use a date before {until}", names

    def _resolve_any(self, ref: OrgRef, on: date) -> Organization:
        if isinstance(ref, str) and ref in self._by_id:
            return self._by_id[ref]
        try:
            return self._resolve(ref, on)
        except NotFound:
            if not isinstance(ref, str):
                raise
            past = [
                self._by_id[i]
                for i in self._names.find(ref)
                if (end := self._by_id[i].valid_to) is not None and end <= on
            ]
            if not past:
                raise
            latest = max(o.valid_to for o in past if o.valid_to is not None)
            past = [o for o in past if o.valid_to == latest]
            if len(past) > 1:
                raise Ambiguous("organization", ref, tuple(str(o) for o in past)) from None
            return past[0]

    def _unit(self, unit: UnitRef, on: date) -> Unit:
        return self._territory._resolve(unit, on)

    # --------------------------------------------------------------- queries
    def _of_unit(self, unit_id: str, kind: OrgKind, on: date) -> Organization | None:
        for o in self._by_unit.get(unit_id, ()):
            if o.kind is kind and o.validity.contains(on):
                return o
        return None

    def committee_of(self, unit: UnitRef, *, on: date) -> Organization | None:
        """The People's Committee (UBND) of ``unit`` on ``on``; ``None`` if it had none.

        >>> orgs = hanoi_organizations()
        >>> orgs.committee_of("Quận Hoàn Kiếm", on=date(2025, 6, 30)).id
        'ubnd:002'
        """
        self._check(on)
        return self._of_unit(self._unit(unit, on).id, OrgKind.PEOPLES_COMMITTEE, on)

    def council_of(self, unit: UnitRef, *, on: date) -> Organization | None:
        """The People's Council (HĐND) of ``unit`` on ``on``; ``None`` when the unit had none
        that day (Hanoi's wards had none from 2021-07-01 to 2025-06-30).

        >>> orgs = hanoi_organizations()
        >>> orgs.council_of("Phường Hàng Trống", on=date(2025, 6, 30)) is None
        True
        >>> orgs.council_of("Phường Hoàn Kiếm", on=date(2026, 3, 1)).name
        'Hội đồng nhân dân phường Hoàn Kiếm'
        """
        self._check(on)
        return self._of_unit(self._unit(unit, on).id, OrgKind.PEOPLES_COUNCIL, on)

    def organizations(
        self, *, kind: OrgKind | None = None, unit: UnitRef | None = None, on: date
    ) -> tuple[Organization, ...]:
        """The organizations existing on ``on`` (of ``kind``, serving ``unit``), by id.

        >>> orgs = hanoi_organizations()
        >>> len(orgs.organizations(kind=OrgKind.DEPARTMENT, on=date(2025, 2, 28)))
        19
        >>> len(orgs.organizations(kind=OrgKind.DEPARTMENT, on=date(2025, 3, 1)))
        13
        """
        self._check(on)
        if unit is not None:
            pool: Iterable[Organization] = self._by_unit.get(self._unit(unit, on).id, ())
        else:
            pool = self._by_id.values()
        out = [o for o in pool if o.validity.contains(on) and (kind is None or o.kind is kind)]
        return tuple(sorted(out, key=lambda o: o.id))

    def posts(self, org: OrgRef, *, on: date) -> tuple[Post, ...]:
        """The posts of ``org`` existing on ``on``."""
        self._check(on)
        o = self._resolve(org, on)
        return tuple(p for p in self._posts_of.get(o.id, ()) if p.validity.contains(on))

    def head_post(self, org: OrgRef, *, on: date) -> Post | None:
        """The head post of ``org`` on ``on`` (chairperson, director ...), or ``None``."""
        self._check(on)
        o = self._resolve(org, on)
        for p in self._heads.get(o.id, ()):
            if p.validity.contains(on):
                return p
        return None

    def holder(self, post: PostRef, *, on: date) -> Holding | None:
        """Who held ``post`` on ``on``: a :class:`Holding`; ``None`` when unknown. A holding
        whose ``person`` is ``None`` is an explicit vacancy.

        >>> orgs = hanoi_organizations()
        >>> orgs.holder("ubnd:01/chu-tich", on=date(2022, 7, 1)).is_vacancy
        True
        >>> orgs.holder("ubnd:01/chu-tich", on=date(2022, 9, 30)).person
        'Trần Sỹ Thanh'
        """
        self._check(on)
        pid = post.id if isinstance(post, Post) else post
        if pid not in self._posts:
            raise NotFound("post id", pid)
        for h in self._holdings.get(pid, ()):
            if h.validity.contains(on):
                return h
        return None

    def superior(self, org: OrgRef, *, on: date) -> Organization | None:
        """The organization ``org`` answers to on ``on``: for a People's Committee (or
        Council) that of the parent unit; for a body that is part of another, that body
        (a department's superior is the city People's Committee); else ``None``."""
        self._check(on)
        o = self._resolve(org, on)
        if o.kind in (OrgKind.PEOPLES_COMMITTEE, OrgKind.PEOPLES_COUNCIL):
            unit = self._territory.get(o.unit_id)
            parent = self._territory._parent_id(unit.id, on.toordinal())
            if parent is None:
                return None
            return self._of_unit(parent, o.kind, on)
        if o.part_of is not None:
            return self._by_id[o.part_of]
        return None

    def guides(self, org: OrgRef, *, on: date) -> tuple[Organization, ...]:
        """The lower-level People's Committees ``org`` guides on ``on`` (by id)."""
        self._check(on)
        o = self._resolve(org, on)
        day = on.toordinal()
        return tuple(
            sorted(
                (self._by_id[t] for lo, hi, t in self._guides.get(o.id, ()) if lo <= day < hi),
                key=lambda x: x.id,
            )
        )

    def successors(self, org: OrgRef, *, on: date) -> tuple[Organization, ...]:
        """What ``org`` became by ``on``, following ``succeeded_by`` forward (itself if it
        still exists; empty if it ended without successors or starts after ``on``)."""
        self._check(on)
        return self._follow(self._resolve_any(org, on), on)[0]

    def succession_chain(self, org: OrgRef, *, on: date) -> tuple[Succession, ...]:
        """The successions followed by :meth:`successors`."""
        self._check(on)
        return self._follow(self._resolve_any(org, on), on)[1]

    def predecessors(self, org: OrgRef, *, on: date) -> tuple[Organization, ...]:
        """The organizations ``org`` directly replaced, by id."""
        self._check(on)
        o = self._resolve_any(org, on)
        ids = {p for s in self._pred_of.get(o.id, ()) for p in s.predecessors}
        return tuple(sorted((self._by_id[i] for i in ids), key=lambda x: x.id))

    def _follow(
        self, org: Organization, on: date
    ) -> tuple[tuple[Organization, ...], tuple[Succession, ...]]:
        if org.validity.contains(on):
            return (org,), ()
        if org.valid_from is not None and on < org.valid_from:
            return (), ()
        found: dict[str, None] = {}
        chain: dict[int, Succession] = {}
        stack, seen = [org.id], set()
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            if self._by_id[cur].validity.contains(on):
                found.setdefault(cur, None)
                continue
            for s in self._succ_of.get(cur, ()):
                if s.effective <= on:
                    chain.setdefault(id(s), s)
                    stack.extend(s.successors)
        orgs = tuple(sorted((self._by_id[i] for i in found), key=lambda x: x.id))
        hops = tuple(sorted(chain.values(), key=lambda s: (s.effective, s.predecessors)))
        return orgs, hops

    def graph(self, *, on: date) -> nx.MultiDiGraph[str]:
        """A read-only view of units, organizations and posts on ``on`` with the relations
        holding that day (``succeeded_by`` edges excluded)."""
        self._check(on)
        return day_view(self._graph, on)

    @property
    def full_graph(self) -> nx.MultiDiGraph[str]:
        """The whole frozen graph over all time."""
        return self._graph

    def change_days(self) -> tuple[date, ...]:
        """The days on which anything in the registry starts or ends, sorted: organization,
        post and holding validity bounds, and for each succession its effective day and the
        day after (its territory has its own :meth:`~papi.territory.Territory.change_days`).

        >>> from papi.organizations import hanoi_organizations
        >>> date(2025, 7, 1) in hanoi_organizations().change_days()
        True
        """
        spans = [o.validity for o in self._by_id.values()]
        spans.extend(p.validity for p in self._posts.values())
        spans.extend(h.validity for held in self._holdings.values() for h in held)
        days: set[date] = set()
        for v in spans:
            days.update(d for d in (v.valid_from, v.valid_to) if d is not None)
        for s in self._successions:
            days.update((s.effective, date.fromordinal(s.effective.toordinal() + 1)))
        return tuple(sorted(days))


# ----------------------------------------------------------------- Hanoi data
_PC_SOURCE = (
    "Law on Organisation of Local Government (77/2015/QH13; 72/2025/QH15): every "
    "administrative unit has a People's Committee"
)
_WARD_COUNCIL_SOURCE = (
    "Resolution 97/2019/QH14 (urban-government pilot in Hanoi): no People's Council in Hanoi "
    "wards from 2021-07-01 (S21; the resolution's number and date are unverified)"
)
_NEW_COUNCIL_SOURCE = (
    "Law 72/2025/QH15: every commune-level unit has a People's Council from 2025-07-01 "
    "(S17; transitional councils appointed, S25)"
)
_DISTRICT_END = "Law 72/2025/QH15 art. 51(3): district-level bodies end on 2025-07-01 (S17)"
_INSPECTION = "Law on Inspection 84/2025/QH15: no district inspectorates from 2025-07-01 (S15)"
_CENTRE = (
    "Decree 118/2025/NĐ-CP (2025-06-09, in force 2025-07-01): each commune PC sets up a Public "
    "Administration Service Centre (S19)"
)
_PILOT_START = date(2021, 7, 1)
_REFORM = date(2025, 7, 1)


def _lower_kind(name: str) -> str:
    return name[:1].lower() + name[1:]


def _unit_bodies(
    territory: Territory,
) -> tuple[list[Organization], list[Post], list[Succession]]:
    """People's Committees, councils, district inspectorates and commune service centres of
    every unit below the city, by the rules documented in docs/territory.md."""
    orgs: list[Organization] = []
    posts: list[Post] = []
    for u in territory:
        if u.level is Level.PROVINCE:
            continue
        lname = _lower_kind(u.name)
        pc = f"ubnd:{u.id}"
        orgs.append(
            Organization(
                id=pc,
                name=f"Ủy ban nhân dân {lname}",
                kind=OrgKind.PEOPLES_COMMITTEE,
                unit_id=u.id,
                validity=u.validity,
                abbreviations=(f"UBND {lname}",),
                sources=(_PC_SOURCE, *((_DISTRICT_END,) if u.level is Level.DISTRICT else ())),
            )
        )
        posts.append(
            _head_post(
                pc, PostKind.CHAIRPERSON, "Chủ tịch", "Chairperson", u.validity, (_PC_SOURCE,)
            )
        )
        council: Validity | None = u.validity
        csrc: tuple[str, ...] = (_PC_SOURCE,)
        verified, note = True, None
        if u.kind is UnitKind.WARD and u.valid_to is not None and u.valid_to <= _REFORM:
            # Hanoi wards of the pilot: a council only up to 2021-07-01 (none for a ward
            # formed later, e.g. on 2025-01-01 by Resolution 1286/NQ-UBTVQH15)
            council = _intersect(u.validity, Validity(valid_to=_PILOT_START))
            csrc = (_WARD_COUNCIL_SOURCE,)
            verified = False
            note = (
                "ward councils ended 2021-07-01; the unit's start date is not in the sources, "
                "so whether this council existed on a given day before then is not vouched for"
            )
        elif u.valid_from == _REFORM:
            csrc = (_NEW_COUNCIL_SOURCE,)
        elif u.kind is UnitKind.URBAN_DISTRICT:
            verified = False
            note = (
                "the sources only say the 2019 pilot removed ward councils; urban district "
                "councils are assumed to have continued to 2025-07-01 (unverified)"
            )
        if council is not None:
            hd = f"hdnd:{u.id}"
            orgs.append(
                Organization(
                    id=hd,
                    name=f"Hội đồng nhân dân {lname}",
                    kind=OrgKind.PEOPLES_COUNCIL,
                    unit_id=u.id,
                    validity=council,
                    abbreviations=(f"HĐND {lname}",),
                    sources=csrc,
                    verified=verified,
                    note=note,
                )
            )
            posts.append(
                _head_post(hd, PostKind.CHAIRPERSON, "Chủ tịch", "Chairperson", council, csrc)
            )
        if u.level is Level.DISTRICT:
            tt = f"thanh-tra:{u.id}"
            orgs.append(
                Organization(
                    id=tt,
                    name=f"Thanh tra {lname}",
                    kind=OrgKind.INSPECTORATE,
                    unit_id=u.id,
                    part_of=pc,
                    sector="inspection",
                    validity=u.validity,
                    sources=(_INSPECTION, _DISTRICT_END),
                )
            )
            posts.append(
                _head_post(
                    tt,
                    PostKind.CHIEF_INSPECTOR,
                    "Chánh Thanh tra",
                    "Chief Inspector",
                    u.validity,
                    (_INSPECTION,),
                )
            )
        if u.level is Level.COMMUNE and u.valid_from == _REFORM:
            sc = f"pvhcc:{u.id}"
            orgs.append(
                Organization(
                    id=sc,
                    name=f"Trung tâm Phục vụ hành chính công {lname}",
                    kind=OrgKind.SERVICE_CENTRE,
                    unit_id=u.id,
                    part_of=pc,
                    sector="one_stop",
                    validity=u.validity,
                    sources=(_CENTRE,),
                )
            )
            posts.append(
                _head_post(sc, PostKind.DIRECTOR, "Giám đốc", "Director", u.validity, (_CENTRE,))
            )
    successions = [
        Succession(
            predecessors=tuple(f"ubnd:{p}" for p in s.predecessors),
            successors=tuple(f"ubnd:{n}" for n in s.successors),
            effective=s.effective,
            act=s.act,
            kind=s.kind,
            note="the People's Committees follow their units",
            sources=s.sources,
            verified=s.verified,
        )
        for s in territory.successions
    ]
    return orgs, posts, successions


_POST_SLUG = {
    PostKind.CHAIRPERSON: "chu-tich",
    PostKind.DIRECTOR: "giam-doc",
    PostKind.CHIEF_INSPECTOR: "chanh-thanh-tra",
    PostKind.CHIEF_OF_OFFICE: "chanh-van-phong",
    PostKind.HEAD: "truong-ban",
}


def _head_post(
    org_id: str,
    kind: PostKind,
    name: str,
    name_en: str | None,
    validity: Validity,
    sources: tuple[str, ...],
) -> Post:
    """The head post of ``org_id``, with the id ``<org_id>/<slug of kind>`` (``head`` for a
    kind without a slug)."""
    return Post(
        id=f"{org_id}/{_POST_SLUG.get(kind, 'head')}",
        org_id=org_id,
        kind=kind,
        name=name,
        name_en=name_en,
        is_head=True,
        validity=validity,
        sources=sources,
    )


def _curated(
    data: Mapping[str, Any],
) -> tuple[list[Organization], list[Post], list[Holding], list[Succession]]:
    src_text: Mapping[str, str] = data.get("sources", {})
    problems: list[Problem] = []

    def srcs(rec: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(src_text.get(s, s) for s in rec.get("sources", ()))

    def validity(rec: Mapping[str, Any], path: str) -> Validity:
        return Validity(
            valid_from=parse_optional_date(rec.get("valid_from"), path=f"{path}.valid_from"),
            valid_to=parse_optional_date(rec.get("valid_to"), path=f"{path}.valid_to"),
        )

    orgs: list[Organization] = []
    posts: list[Post] = []
    for i, rec in enumerate(data.get("organizations", ())):
        path = f"organizations.json: organizations[{i}]"
        try:
            o = Organization(
                id=rec["id"],
                name=rec["name"],
                name_en=rec.get("name_en"),
                kind=OrgKind[rec["kind"]],
                unit_id=rec["unit_id"],
                part_of=rec.get("part_of"),
                sector=rec.get("sector"),
                abbreviations=rec.get("abbreviations", ()),
                validity=validity(rec, path),
                sources=srcs(rec),
                verified=bool(rec.get("verified", True)),
                note=rec.get("note"),
            )
            orgs.append(o)
            head = rec.get("head")
            if head:
                kind = PostKind[head["kind"]]
                posts.append(
                    _head_post(o.id, kind, head["name"], head.get("name_en"), o.validity, o.sources)
                )
        except (InvalidData, KeyError, TypeError) as exc:
            problems.append(Problem(path=path, message=f"{type(exc).__name__}: {exc}"))
    holdings: list[Holding] = []
    for i, rec in enumerate(data.get("holdings", ())):
        path = f"organizations.json: holdings[{i}]"
        try:
            holdings.append(
                Holding(
                    post_id=rec["post_id"],
                    person=rec.get("person"),
                    validity=validity(rec, path),
                    sources=srcs(rec),
                    verified=bool(rec.get("verified", True)),
                    note=rec.get("note"),
                )
            )
        except (InvalidData, KeyError, TypeError) as exc:
            problems.append(Problem(path=path, message=f"{type(exc).__name__}: {exc}"))
    successions: list[Succession] = []
    for i, rec in enumerate(data.get("successions", ())):
        path = f"organizations.json: successions[{i}]"
        try:
            successions.append(
                Succession(
                    predecessors=rec["predecessors"],
                    successors=rec["successors"],
                    effective=date.fromisoformat(rec["effective"]),
                    act=rec["act"],
                    kind=rec["kind"],
                    note=rec.get("note"),
                    sources=srcs(rec),
                    verified=bool(rec.get("verified", True)),
                )
            )
        except (InvalidData, KeyError, TypeError, ValueError) as exc:
            problems.append(Problem(path=path, message=f"{type(exc).__name__}: {exc}"))
    if problems:
        raise InvalidData.collect("organizations.json is invalid", problems)
    return orgs, posts, holdings, successions


_LOCK = threading.Lock()


@functools.cache
def _hanoi() -> Organizations:
    territory = hanoi_territory()
    text = (resources.files("papi") / "data" / "hanoi" / "organizations.json").read_text(
        encoding="utf-8"
    )
    orgs, posts, holdings, succ = _curated(json.loads(text))
    u_orgs, u_posts, u_succ = _unit_bodies(territory)
    return Organizations.build(
        territory, [*orgs, *u_orgs], [*posts, *u_posts], holdings, [*succ, *u_succ]
    )


def hanoi_organizations() -> Organizations:
    """Hanoi's organizations from papi's packaged data (cached; thread-safe): the city
    People's Committee, Council, PC Office, Inspectorate, Fatherland Front committee, Public
    Administration Service Centre, the 21 agencies before 2025-03-01 and the 15 after with
    their successions, the chairs of the city PC 2020-2026, and for every district and
    commune its People's Committee with a chair post, its council where one existed, district
    inspectorates (to 2025-07-01) and commune service centres (from 2025-07-01)."""
    with _LOCK:
        return _hanoi()
