"""The :class:`Organizations` registry: curated organizations plus those derived by rule.

Curated records (a province's departments, its chairs) are validated and indexed when the
registry is built; the bodies every unit has by law (:mod:`papi.organizations.rules`) are
derived for a unit when a query reaches it, so a registry over the whole country builds in
the time it takes to check its curated records. A curated organization replaces the derived
ones of its kind for its unit ("Hanoi's curated departments win").

>>> from datetime import date
>>> from papi.organizations import hanoi_organizations
>>> orgs = hanoi_organizations()
>>> office = orgs.get("vp-hdnd-ubnd:00070@2025-07-01")  # derived when asked for
>>> office.name, office.part_of, office.valid_from
('Văn phòng HĐND và UBND', 'ubnd:00070@2025-07-01', datetime.date(2025, 7, 1))
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, TypeVar

import attrs
import networkx as nx

from papi.dates import Validity, _warn_outside_coverage, parse_day
from papi.errors import Ambiguous, Candidate, InvalidData, NotFound
from papi.organizations.model import (
    GUIDING_KINDS,
    Holding,
    Organization,
    OrgKind,
    OrgRef,
    Post,
    PostRef,
)
from papi.organizations.rules import kind_word
from papi.territory import Level, Succession, Territory, Unit, UnitRef, day_view
from papi.text import NameIndex, fold

if TYPE_CHECKING:
    from papi.organizations.rules import Rulebook

__all__ = ["Organizations"]

_T = TypeVar("_T")
_KIND_WORDS = frozenset(
    {"tinh", "thanh pho", "quan", "huyen", "thi xa", "phuong", "xa", "thi tran", "dac khu"}
)


class Organizations:
    """The immutable registry of organizations, posts and holdings over a territory.

    Build with :meth:`build`. Organization arguments accept an :class:`Organization`, an id,
    or a name / abbreviation as documents write it ("Sở Nội vụ", "Thanh tra thành phố",
    "UBND phường Hoàn Kiếm"), matched with :mod:`papi.text` rules on the query day and
    narrowed by a unit (``within=``, or ``"Sở Nội vụ, Đà Nẵng"``). Unit arguments are resolved
    through :attr:`territory`. Queries outside the territory's coverage warn
    (:class:`~papi.errors.CoverageWarning`).
    """

    __slots__ = (
        "_by_id",
        "_by_unit",
        "_coverage",
        "_curated_kinds",
        "_derive_guides",
        "_derived_of",
        "_heads",
        "_holdings",
        "_lazy",
        "_lock",
        "_names",
        "_posts",
        "_posts_of",
        "_pred_of",
        "_rules",
        "_succ_of",
        "_successions",
        "_territory",
    )

    _by_id: Mapping[str, Organization]
    _by_unit: Mapping[str, tuple[Organization, ...]]
    _coverage: Validity
    _curated_kinds: frozenset[tuple[str, OrgKind]]
    _derive_guides: bool
    _derived_of: Callable[[str], tuple[tuple[Organization, ...], tuple[Post, ...]]]
    _heads: Mapping[str, tuple[Post, ...]]
    _holdings: Mapping[str, tuple[Holding, ...]]
    _lazy: dict[str, object]
    _lock: threading.RLock
    _names: NameIndex[str]
    _posts: Mapping[str, Post]
    _posts_of: Mapping[str, tuple[Post, ...]]
    _pred_of: Mapping[str, tuple[Succession, ...]]
    _rules: Rulebook | None
    _succ_of: Mapping[str, tuple[Succession, ...]]
    _successions: tuple[Succession, ...]
    _territory: Territory

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise TypeError("use Organizations.build(territory, organizations, ...)")

    @classmethod
    def build(
        cls,
        territory: Territory,
        organizations: Iterable[Organization] = (),
        posts: Iterable[Post] = (),
        holdings: Iterable[Holding] = (),
        successions: Iterable[Succession] = (),
        *,
        derive_guides: bool = True,
        rules: Rulebook | None = None,
    ) -> Organizations:
        """Validate the curated records and build the registry.

        Checks, all at once: unique ids; every organization's unit exists in ``territory``
        and covers its validity; ``part_of`` targets exist and overlap; posts name known
        organizations and lie inside their validity; holdings name known posts (curated or
        derived), lie inside them and do not overlap (an acting holding may overlap a title
        holding, not another acting one); successions name known organizations and point
        forward in time.

        With ``rules`` (e.g. :data:`~papi.organizations.rules.STANDARD_RULES`), every unit
        also has the bodies the rules derive, on demand, and their People's Committees follow
        the territory's successions. With ``derive_guides``, each department, inspectorate
        and PC Office guides the People's Committees of the units below its own (the 2022
        plan has departments guide district and commune PCs: Plan 164/KH-UBND, T2), a rule
        evaluated by :meth:`guides`.
        """
        from papi.organizations._build import build_registry

        return build_registry(
            cls,
            territory,
            organizations,
            posts,
            holdings,
            successions,
            derive_guides=derive_guides,
            rules=rules,
        )

    def with_holdings(self, holdings: Iterable[Holding]) -> Organizations:
        """A registry like this one with ``holdings`` added (validated as in :meth:`build`),
        e.g. the holders of a province read with :func:`~papi.organizations.read_holdings`.

        >>> from papi.dates import Validity
        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> post = "ubnd:00070@2025-07-01/chu-tich"
        >>> more = orgs.with_holdings([Holding(post_id=post, person="A", sources=("doc",),
        ...                                    validity=Validity(valid_from=date(2025, 7, 1)))])
        >>> more.holder(post, on=date(2026, 3, 1)).person, orgs.holder(post, on=date(2026, 3, 1))
        ('A', None)
        """
        from papi.organizations._build import add_holdings

        return add_holdings(self, holdings)

    # ---------------------------------------------------------------- basics
    @property
    def territory(self) -> Territory:
        """The territory the organizations serve."""
        return self._territory

    @property
    def rules(self) -> Rulebook | None:
        """The rules deriving the bodies of every unit (``None``: curated records only)."""
        return self._rules

    @property
    def coverage(self) -> Validity:
        """The days the data vouches for (the territory's); queries outside warn with a
        :class:`~papi.errors.CoverageWarning`. Records that are less certain inside it say
        so themselves (``verified=False`` with a ``note``).

        >>> from papi.organizations import hanoi_organizations
        >>> hanoi_organizations().coverage.valid_from
        datetime.date(2020, 3, 1)
        """
        return self._coverage

    def _once(self, name: str, make: Callable[[], _T]) -> _T:
        """``make()`` computed once per registry (thread-safe), for what only some queries
        need (the graph, the derived successions, the count)."""
        found = self._lazy.get(name)
        if found is None:
            with self._lock:
                found = self._lazy.get(name)
                if found is None:
                    found = make()
                    self._lazy[name] = found
        return found  # type: ignore[return-value]

    @property
    def successions(self) -> tuple[Succession, ...]:
        """Every organization succession record: the curated ones (department mergers), then
        the People's Committees following their units when rules apply."""
        return self._once("successions", self._all_successions)

    def _all_successions(self) -> tuple[Succession, ...]:
        return (*self._successions, *self._derived_successions())

    def _derived_successions(self) -> tuple[Succession, ...]:
        """Every People's Committee succession, made from the territory's (for
        :attr:`successions`; queries read :meth:`_unit_successions` instead)."""

        def make() -> tuple[Succession, ...]:
            if self._rules is None:
                return ()
            return tuple(_pc_succession(s) for s in self._territory.successions)

        return self._once("derived_successions", make)

    def _unit_successions(
        self,
    ) -> tuple[Mapping[str, tuple[Succession, ...]], Mapping[str, tuple[Succession, ...]]]:
        """The territory's successions by predecessor and by successor unit id, grouped once
        (a People's Committee's succession is made from its unit's when asked for)."""

        def make() -> tuple[
            Mapping[str, tuple[Succession, ...]], Mapping[str, tuple[Succession, ...]]
        ]:
            succ_of: dict[str, list[Succession]] = {}
            pred_of: dict[str, list[Succession]] = {}
            if self._rules is not None:
                for s in self._territory.successions:
                    for p in s.predecessors:
                        succ_of.setdefault(p, []).append(s)
                    for n in s.successors:
                        pred_of.setdefault(n, []).append(s)
            return (
                {k: tuple(v) for k, v in succ_of.items()},
                {k: tuple(v) for k, v in pred_of.items()},
            )

        return self._once("unit_successions", make)

    def _succ(self, oid: str) -> tuple[Succession, ...]:
        own = self._succ_of.get(oid, ())
        if not oid.startswith("ubnd:"):
            return own
        derived = self._unit_successions()[0].get(oid[5:], ())
        return (*own, *map(_pc_succession, derived)) if derived else own

    def _pred(self, oid: str) -> tuple[Succession, ...]:
        own = self._pred_of.get(oid, ())
        if not oid.startswith("ubnd:"):
            return own
        derived = self._unit_successions()[1].get(oid[5:], ())
        return (*own, *map(_pc_succession, derived)) if derived else own

    def __iter__(self) -> Iterator[Organization]:
        """Every organization, curated first, then those derived for each unit in territory
        order (lazily: a national registry is never held whole)."""
        yield from self._by_id.values()
        if self._rules is not None:
            levels = self._rules.levels()
            for u in self._territory:
                if u.level in levels:
                    yield from self._derived_of(u.id)[0]

    def __len__(self) -> int:
        return self._once("len", lambda: sum(1 for _ in self))

    def __repr__(self) -> str:
        rules = (
            ""
            if self._rules is None
            else f", bodies derived by rule for {len(self._territory)} units"
        )
        return f"<Organizations: {len(self._by_id)} curated organizations{rules}>"

    def _check(self, on: object, unit: UnitRef | None = None) -> date:
        """The query day read with :func:`~papi.dates.parse_day` (an ISO string, a date or an
        aware datetime; anything else :class:`~papi.errors.InvalidData` naming ``on``), with a
        warning when it lies outside the days the data vouches for: about ``unit`` (its
        province's span, :meth:`Territory.coverage_of`) when known, else the territory's."""
        day = parse_day(on, arg="on")
        cov = self._coverage
        if unit is not None:
            with contextlib.suppress(NotFound, Ambiguous, InvalidData):
                cov = self._territory.coverage_of(unit, on=day)
        _warn_outside_coverage(cov, day, "the data", stacklevel=3)
        return day

    def _unit_of(self, ref: OrgRef | PostRef) -> str | None:
        """The unit an organization or post reference serves, when found without resolving
        a name (for :meth:`_check`)."""
        if isinstance(ref, Organization):
            return ref.unit_id
        if isinstance(ref, Post):
            ref = ref.org_id
        if not isinstance(ref, str):
            return None
        found = self._get(ref) or self._get(ref.rsplit("/", 1)[0])
        return None if found is None else found.unit_id

    # ---------------------------------------------------------- derived bodies
    def _derive(self, uid: str) -> tuple[tuple[Organization, ...], tuple[Post, ...]]:
        """The bodies the rules give unit ``uid``, less those a curated record replaces."""
        assert self._rules is not None
        orgs, posts = self._rules.derive(self._territory, self._territory.get(uid))
        curated = self._by_id
        kinds = self._curated_kinds
        keep = [o for o in orgs if o.id not in curated and (o.unit_id, o.kind) not in kinds]
        if len(keep) != len(orgs):
            ids = {o.id for o in keep}
            dropped = {o.id: o for o in orgs if o.id not in ids}
            fixed = []
            for o in keep:
                if o.part_of in dropped:
                    o = _evolve_part_of(o, self._replacement(dropped[o.part_of]))
                fixed.append(o)
            keep = fixed
            posts = tuple(p for p in posts if p.org_id in ids)
        return tuple(keep), posts

    def _replacement(self, derived: Organization) -> str:
        """The curated organization replacing a derived one (same unit and kind)."""
        for o in self._by_unit.get(derived.unit_id, ()):
            if o.kind is derived.kind and o.validity.overlaps(derived.validity):
                return o.id
        return f"ubnd:{derived.unit_id}"

    def _derived_get(self, oid: str) -> Organization | None:
        if self._rules is None:
            return None
        key, _, rest = oid.partition(":")
        if not rest or key not in self._rules.prefixes():
            return None
        for uid in (rest, rest.rsplit("@", 1)[0]):
            if uid in self._territory:
                for o in self._derived_of(uid)[0]:
                    if o.id == oid:
                        return o
        return None

    def _get(self, oid: str) -> Organization | None:
        if not isinstance(oid, str):
            raise InvalidData("not an organization id (a string)", path="org_id", value=oid)
        found = self._by_id.get(oid)
        return found if found is not None else self._derived_get(oid)

    def get(self, org_id: str) -> Organization:
        """The organization with this id (any date), curated or derived; NotFound otherwise.

        >>> from papi.organizations import hanoi_organizations
        >>> hanoi_organizations().get("ubnd:00070@2025-07-01").name
        'Ủy ban nhân dân phường Hoàn Kiếm'
        """
        found = self._get(_id(org_id, "org_id", "an organization id"))
        if found is None:
            raise NotFound("organization id", org_id)
        return found

    def _posts_of_org(self, o: Organization) -> tuple[Post, ...]:
        if o.id in self._by_id:
            return self._posts_of.get(o.id, ())
        return tuple(p for p in self._derived_of(o.unit_id)[1] if p.org_id == o.id)

    def post(self, post_id: str) -> Post:
        """The post with this id, curated or derived; NotFound otherwise."""
        found = self._posts.get(_id(post_id, "post_id", "a post id"))
        if found is not None:
            return found
        org_id = post_id.rsplit("/", 1)[0]
        o = self._derived_get(org_id)
        if o is not None:
            for p in self._posts_of_org(o):
                if p.id == post_id:
                    return p
        raise NotFound("post id", post_id)

    # ------------------------------------------------------------- resolution
    def org(self, ref: OrgRef, *, on: date, within: UnitRef | None = None) -> Organization:
        """Resolve an organization reference on ``on``: an object, an id, or a name as
        documents write it, narrowed to the organizations of ``within`` (a unit: its own,
        those of the units containing it and of the units inside it). A name may also be
        qualified after a comma: ``"Sở Nội vụ, Đà Nẵng"``. Several matches raise
        :class:`~papi.errors.Ambiguous` listing each with its unit and province.

        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> orgs.org("SNV", on=date(2025, 2, 28)).id
        'so:noi-vu'
        >>> orgs.org("STNMT", on=date(2025, 1, 2)).name
        'Sở Tài nguyên và Môi trường'
        >>> orgs.org("Sở Nội vụ", on=date(2025, 3, 1)).id
        'so:noi-vu@2025-03-01'
        >>> orgs.org("Thanh tra thành phố", on=date(2022, 9, 1)).id
        'thanh-tra:01'
        >>> orgs.org("Văn phòng HĐND và UBND", within="Phường Hoàn Kiếm", on=date(2026, 3, 1)).id
        'vp-hdnd-ubnd:00070@2025-07-01'
        """
        on = parse_day(on, arg="on")
        found = self._resolve(ref, on, within)
        self._check(on, found.unit_id)
        return found

    def find(
        self, name: str, *, on: date | None = None, within: UnitRef | None = None
    ) -> tuple[Organization, ...]:
        """Every organization ``name`` denotes (on ``on`` if given, else on any day; inside
        ``within`` if given, which needs ``on``), sorted by id; never raises for a name that
        matches nothing.

        >>> from papi.organizations import hanoi_organizations
        >>> [o.id for o in hanoi_organizations().find("ubnd phuong hoan kiem")]
        ['ubnd:00070@2025-07-01']
        """
        if not isinstance(name, str):
            raise InvalidData("must be a name (a string)", path="name", value=name)
        on = None if on is None else parse_day(on, arg="on")
        ctx = None
        if within is not None:
            if on is None:
                raise InvalidData("within= needs on= (a unit is resolved on a day)", path="on")
            ctx = self._context(self._territory._resolve(within, on), on)
        found = self._named(name, ctx, on)
        if on is not None:
            found = [o for o in found if o.validity.contains(on)]
        return tuple(sorted(found, key=lambda o: o.id))

    def _context(self, unit: Unit, on: date) -> frozenset[str]:
        """The ids of ``unit``, the units containing it and the units inside it on ``on``."""
        day = on.toordinal()
        terr = self._territory
        ids = {unit.id, *(a.id for a in terr._ancestors_on(unit.id, day))}
        ids.update(terr._descendants(unit.id, day))
        return frozenset(ids)

    def _units_at(self, levels: frozenset[Level]) -> Iterator[Unit]:
        by_level: Mapping[Level, tuple[Unit, ...]] = self._once("units_by_level", self._group_units)
        for level in levels:
            yield from by_level.get(level, ())

    def _group_units(self) -> Mapping[Level, tuple[Unit, ...]]:
        out: dict[Level, list[Unit]] = {}
        for u in self._territory:
            out.setdefault(u.level, []).append(u)
        return {k: tuple(v) for k, v in out.items()}

    def _named(self, ref: str, ctx: frozenset[str] | None, on: date | None) -> list[Organization]:
        """Organizations (any day) whose name or a derived name template matches ``ref``."""
        found: dict[str, Organization] = {}
        for i in self._names.find(ref):
            o = self._by_id[i]
            if ctx is None or o.unit_id in ctx:
                found[o.id] = o
        if self._rules is None:
            return list(found.values())
        folded = fold(ref)
        terr = self._territory
        for rule, rest, slot in self._rules.matches(folded):
            units: Iterable[Unit]
            if rest and slot == "unit" and rest not in _KIND_WORDS:
                units = (u for u in terr.find(rest) if ctx is None or u.id in ctx)
            elif ctx is not None:
                units = (terr.get(i) for i in ctx)
            elif not slot or slot == "kind":
                # "Sở Nội vụ", "Thanh tra tỉnh": every unit; a bare "Thanh tra" or
                # "UBND phường" says which unit only with a context
                units = self._units_at(rule.levels)
            else:
                continue
            if rest in _KIND_WORDS:
                units = (u for u in units if fold(kind_word(u)) == rest)
            elif slot == "kind" and rest:
                continue
            for u in units:
                if not rule.applies(u):
                    continue
                if on is not None and not u.exists_on(on):
                    continue
                for o in self._derived_of(u.id)[0]:
                    if o.kind is rule.kind and o.id.startswith(rule.key + ":"):
                        found.setdefault(o.id, o)
        return list(found.values())

    def _resolve(self, ref: OrgRef, on: date, within: UnitRef | None = None) -> Organization:
        if isinstance(ref, Organization):
            return ref
        if not isinstance(ref, str):
            raise InvalidData(
                "must be an Organization, or an organization id or name (a string)",
                path="org",
                value=ref,
            )
        found = self._get(ref)
        if found is not None:
            if found.validity.contains(on):
                return found
            raise self._gone(ref, [found], on)
        ctx = None if within is None else self._context(self._territory._resolve(within, on), on)
        named = self._named(ref, ctx, on=None)
        if not named and "," in ref and within is None:
            return self._resolve_qualified(ref, on)
        live = [o for o in named if o.validity.contains(on)]
        if len(live) == 1:
            return live[0]
        if len(live) > 1:
            live.sort(key=lambda o: o.id)
            raise Ambiguous(
                "organization",
                ref,
                tuple(self._candidate(o, on) for o in live),
                choices=tuple(self._choice(o, on) for o in live),
            )
        if named:
            raise self._gone(ref, named, on)
        raise NotFound("organization", ref, closest=self._names.closest(ref))

    def _resolve_qualified(self, ref: str, on: date) -> Organization:
        """``"Sở Nội vụ, Đà Nẵng"``: the first split at a comma whose left part names
        organizations and whose right part names a unit (names may hold commas: "Sở Văn hóa,
        Thể thao và Du lịch, Đà Nẵng")."""
        parts = ref.split(",")
        error: NotFound | Ambiguous | None = None
        for i in range(1, len(parts)):
            head, rest = ",".join(parts[:i]).strip(), ",".join(parts[i:]).strip()
            if not self._named(head, None, None):
                continue
            try:
                return self._resolve(head, on, self._territory._resolve(rest, on))
            except (NotFound, Ambiguous) as exc:
                error = error or exc
        if error is not None:
            raise error
        raise NotFound("organization", ref, closest=self._names.closest(parts[0]))

    def _candidate(self, o: Organization, on: date) -> str:
        """``"Sở Nội vụ (id so-noi-vu:48, unit 48, Thành phố Đà Nẵng)"``: with the unit's
        province when the unit is not one."""
        terr = self._territory
        unit = terr.get(o.unit_id)
        top = list(terr._ancestors_on(unit.id, on.toordinal()))
        where = unit.name if not top else f"{unit.name}, {top[-1].name}"
        return f"{o.name} (id {o.id}, unit {o.unit_id}: {where})"

    def _choice(self, o: Organization, on: date) -> Candidate:
        """``o`` as a :class:`~papi.errors.Candidate`: its parent is the unit it serves."""
        unit = self._territory.get(o.unit_id) if o.unit_id in self._territory else None
        return Candidate(
            id=o.id,
            name=o.name,
            parent=unit.name if unit is not None else None,
            parent_id=o.unit_id,
            level=unit.level.value if unit is not None else None,
            valid_from=o.valid_from,
            valid_to=o.valid_to,
        )

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
        if isinstance(ref, str):
            found = self._get(ref)
            if found is not None:
                return found
        try:
            return self._resolve(ref, on)
        except NotFound:
            if not isinstance(ref, str):
                raise
            past = [o for o in self._named(ref, None, None) if (o.valid_to or date.max) <= on]
            if not past:
                raise
            latest = max(o.valid_to for o in past if o.valid_to is not None)
            past = [o for o in past if o.valid_to == latest]
            if len(past) > 1:
                raise Ambiguous(
                    "organization",
                    ref,
                    tuple(str(o) for o in past),
                    choices=tuple(self._choice(o, on) for o in past),
                ) from None
            return past[0]

    def _unit(self, unit: UnitRef, on: date) -> Unit:
        return self._territory._resolve(unit, on)

    # --------------------------------------------------------------- queries
    def _orgs_of_unit(self, uid: str) -> Iterator[Organization]:
        yield from self._by_unit.get(uid, ())
        if self._rules is not None and uid in self._territory:
            yield from self._derived_of(uid)[0]

    def _of_unit(self, unit_id: str, kind: OrgKind, on: date) -> Organization | None:
        for o in self._orgs_of_unit(unit_id):
            if o.kind is kind and o.validity.contains(on):
                return o
        return None

    def committee_of(self, unit: UnitRef, *, on: date) -> Organization | None:
        """The People's Committee (UBND) of ``unit`` on ``on``; ``None`` if it had none.

        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> orgs.committee_of("Quận Hoàn Kiếm", on=date(2025, 6, 30)).id
        'ubnd:002'
        """
        on = self._check(on, unit)
        return self._of_unit(self._unit(unit, on).id, OrgKind.PEOPLES_COMMITTEE, on)

    def council_of(self, unit: UnitRef, *, on: date) -> Organization | None:
        """The People's Council (HĐND) of ``unit`` on ``on``; ``None`` when the unit had none
        that day (Hanoi's wards had none from 2021-07-01 to 2025-06-30).

        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> orgs.council_of("Phường Hàng Trống", on=date(2025, 6, 30)) is None
        True
        >>> orgs.council_of("Phường Hoàn Kiếm", on=date(2026, 3, 1)).name
        'Hội đồng nhân dân phường Hoàn Kiếm'
        """
        on = self._check(on, unit)
        return self._of_unit(self._unit(unit, on).id, OrgKind.PEOPLES_COUNCIL, on)

    def organizations(
        self, *, kind: OrgKind | None = None, unit: UnitRef | None = None, on: date
    ) -> tuple[Organization, ...]:
        """The organizations existing on ``on`` (of ``kind``, serving ``unit``), by id.

        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> len(orgs.organizations(kind=OrgKind.DEPARTMENT, on=date(2025, 2, 28)))
        19
        >>> len(orgs.organizations(kind=OrgKind.DEPARTMENT, on=date(2025, 3, 1)))
        13
        """
        on = self._check(on, unit)
        if kind is not None and not isinstance(kind, OrgKind):
            try:
                kind = OrgKind(kind)
            except ValueError:
                raise InvalidData(
                    f"must be an OrgKind or one of {', '.join(k.value for k in OrgKind)}",
                    path="kind",
                    value=kind,
                ) from None
        pool: Iterable[Organization]
        if unit is not None:
            pool = self._orgs_of_unit(self._unit(unit, on).id)
        else:
            pool = self._by_id.values()
            if self._rules is not None:
                units = (u for u in self._units_at(self._rules.levels()) if u.exists_on(on))
                pool = (*pool, *(o for u in units for o in self._derived_of(u.id)[0]))
        out = [o for o in pool if o.validity.contains(on) and (kind is None or o.kind is kind)]
        return tuple(sorted(out, key=lambda o: o.id))

    def posts(self, org: OrgRef, *, on: date) -> tuple[Post, ...]:
        """The posts of ``org`` existing on ``on``."""
        on = self._check(on, self._unit_of(org))
        o = self._resolve(org, on)
        return tuple(p for p in self._posts_of_org(o) if p.validity.contains(on))

    def head_post(self, org: OrgRef, *, on: date) -> Post | None:
        """The head post of ``org`` on ``on`` (chairperson, director ...), or ``None``."""
        on = self._check(on, self._unit_of(org))
        o = self._resolve(org, on)
        for p in self._posts_of_org(o):
            if p.is_head and p.validity.contains(on):
                return p
        return None

    def holder(self, post: PostRef, *, on: date) -> Holding | None:
        """Who ran ``post`` on ``on``: the acting holder if there was one that day, else the
        title holder; ``None`` when unknown. A holding whose ``person`` is ``None`` is an
        explicit vacancy.

        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> h = orgs.holder("ubnd:01/chu-tich", on=date(2022, 7, 1))
        >>> h.person, h.acting
        ('Lê Hồng Sơn', True)
        >>> orgs.holder("ubnd:01/chu-tich", on=date(2022, 9, 30)).person
        'Trần Sỹ Thanh'
        """
        on = self._check(on, self._unit_of(post))
        held = self._holders(post, on)
        for h in held:
            if h.acting:
                return h
        return held[0] if held else None

    def holders(self, post: PostRef, *, on: date) -> tuple[Holding, ...]:
        """Every holding of ``post`` on ``on``: the title holder (or the vacancy) first, then
        an acting holder.

        >>> from papi.organizations import hanoi_organizations
        >>> orgs = hanoi_organizations()
        >>> [(h.person, h.acting) for h in orgs.holders("ubnd:01/chu-tich", on=date(2020, 9, 1))]
        [('Nguyễn Đức Chung', False), ('Nguyễn Văn Sửu', True)]
        """
        on = self._check(on, self._unit_of(post))
        return self._holders(post, on)

    def _holders(self, post: PostRef, on: date) -> tuple[Holding, ...]:
        pid = post.id if isinstance(post, Post) else _id(post, "post", "a Post or a post id")
        if pid not in self._posts:
            self.post(pid)  # NotFound for an unknown post
        held = [h for h in self._holdings.get(pid, ()) if h.validity.contains(on)]
        return tuple(sorted(held, key=lambda h: h.acting))

    def superior(self, org: OrgRef, *, on: date) -> Organization | None:
        """The organization ``org`` answers to on ``on``: for a People's Committee (or
        Council) that of the parent unit; for a body that is part of another, that body
        (a department's superior is the city People's Committee); else ``None``."""
        on = self._check(on, self._unit_of(org))
        o = self._resolve(org, on)
        if o.kind in (OrgKind.PEOPLES_COMMITTEE, OrgKind.PEOPLES_COUNCIL):
            parent = self._territory._parent_id(o.unit_id, on.toordinal())
            if parent is None:
                return None
            return self._of_unit(parent, o.kind, on)
        if o.part_of is not None:
            return self._get(o.part_of)
        return None

    def guides(self, org: OrgRef, *, on: date) -> tuple[Organization, ...]:
        """The People's Committees ``org`` guides on ``on``, by id: for a department,
        inspectorate or PC Office, those of every unit below its own that day (a rule
        evaluated here, not stored)."""
        on = self._check(on, self._unit_of(org))
        o = self._resolve(org, on)
        if not self._derive_guides or o.kind not in GUIDING_KINDS:
            return ()
        out = []
        for uid in self._territory._descendants(o.unit_id, on.toordinal()):
            pc = self._of_unit(uid, OrgKind.PEOPLES_COMMITTEE, on)
            if pc is not None:
                out.append(pc)
        return tuple(sorted(out, key=lambda x: x.id))

    def successors(self, org: OrgRef, *, on: date) -> tuple[Organization, ...]:
        """What ``org`` became by ``on``, following ``succeeded_by`` forward (itself if it
        still exists; empty if it ended without successors or starts after ``on``)."""
        on = self._check(on, self._unit_of(org))
        return self._follow(self._resolve_any(org, on), on)[0]

    def succession_chain(self, org: OrgRef, *, on: date) -> tuple[Succession, ...]:
        """The successions followed by :meth:`successors`."""
        on = self._check(on, self._unit_of(org))
        return self._follow(self._resolve_any(org, on), on)[1]

    def predecessors(self, org: OrgRef, *, on: date) -> tuple[Organization, ...]:
        """The organizations ``org`` directly replaced, by id."""
        on = self._check(on, self._unit_of(org))
        o = self._resolve_any(org, on)
        ids = {p for s in self._pred(o.id) for p in s.predecessors}
        return tuple(sorted((self.get(i) for i in ids), key=lambda x: x.id))

    def _follow(
        self, org: Organization, on: date
    ) -> tuple[tuple[Organization, ...], tuple[Succession, ...]]:
        if org.validity.contains(on):
            return (org,), ()
        if org.valid_from is not None and on < org.valid_from:
            return (), ()
        found: dict[str, Organization] = {}
        chain: dict[Succession, Succession] = {}
        stack, seen = [org.id], set()
        while stack:
            cur = stack.pop()
            if cur in seen:
                continue
            seen.add(cur)
            o = self.get(cur)
            if o.validity.contains(on):
                found.setdefault(cur, o)
                continue
            for s in self._succ(cur):
                if s.effective <= on:
                    chain.setdefault(s, s)  # by value: a unit's succession is made anew
                    stack.extend(s.successors)
        orgs = tuple(sorted(found.values(), key=lambda x: x.id))
        hops = tuple(sorted(chain.values(), key=lambda s: (s.effective, s.predecessors)))
        return orgs, hops

    # ------------------------------------------------------------------ eras
    def change_days(self) -> tuple[date, ...]:
        """The days on which any organization, post or holding starts or ends, and each
        succession's effective day and the day after (sorted, unique): between two of them
        nothing in the registry changes. Derived bodies are counted from their units'
        days and the rules' own boundaries (where a unit straddles one).

        >>> from papi.organizations import hanoi_organizations
        >>> days = hanoi_organizations().change_days()
        >>> date(2025, 3, 1) in days, date(2022, 6, 7) in days, date(2025, 7, 2) in days
        (True, True, True)
        """
        return self._once("change_days", self._change_days)

    def _change_days(self) -> tuple[date, ...]:
        days: set[date] = set()

        def span(v: Validity) -> None:
            if v.valid_from is not None:
                days.add(v.valid_from)
            if v.valid_to is not None:
                days.add(v.valid_to)

        for o in self._by_id.values():
            span(o.validity)
        for p in self._posts.values():
            span(p.validity)
        for held in self._holdings.values():
            for h in held:
                span(h.validity)
        successions: list[Succession] = list(self._successions)
        if self._rules is not None:
            successions.extend(self._territory.successions)
            windows = sorted(self._rules.window_days())
            levels = self._rules.levels()
            for u in self._territory:
                if u.level not in levels:
                    continue
                span(u.validity)
                for d in windows:
                    if u.validity.contains(d) and u.valid_from != d:
                        days.add(d)
        for s in successions:
            days.add(s.effective)
            days.add(date.fromordinal(s.effective.toordinal() + 1))
        return tuple(sorted(days))

    # ----------------------------------------------------------------- graph
    def graph(self, *, on: date) -> nx.MultiDiGraph[str]:
        """A read-only view of units, organizations and posts on ``on`` with the relations
        holding that day (``succeeded_by`` edges excluded). The graph is built on first
        use (queries do not need it)."""
        on = self._check(on)
        return day_view(self.full_graph, on)

    @property
    def full_graph(self) -> nx.MultiDiGraph[str]:
        """The whole frozen graph over all time, built on first use: the territory's, plus
        organizations and posts with ``governed_by``, ``has_council``, ``part_of``,
        ``headed_by``, ``guides`` and ``succeeded_by`` edges. Over the whole country this
        materialises every derived body: prefer the queries."""
        from papi.organizations._build import build_graph

        return self._once("graph", lambda: build_graph(self))


def _pc_succession(s: Succession) -> Succession:
    """The succession of the People's Committees of a unit succession's units."""
    return Succession(
        predecessors=tuple(f"ubnd:{p}" for p in s.predecessors),
        successors=tuple(f"ubnd:{n}" for n in s.successors),
        effective=s.effective,
        act=s.act,
        kind=s.kind,
        note="the People's Committees follow their units",
        sources=s.sources,
        verified=s.verified,
    )


def _id(value: object, arg: str, what: str) -> str:
    """``value`` if it is a string, else :class:`~papi.errors.InvalidData` naming ``arg``."""
    if not isinstance(value, str):
        raise InvalidData(f"must be {what} (a string)", path=arg, value=value)
    return value


def _evolve_part_of(o: Organization, part_of: str) -> Organization:
    return attrs.evolve(o, part_of=part_of)
