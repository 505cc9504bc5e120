"""What a selector picks in an era, indexed by the unit each organization serves
(:func:`by_unit`): the compiled tables look a unit up in it.

Three kinds of index, one per cost: a plain mapping (a selector picking a few organizations:
departments of a sector in a province); a People's Committee selector evaluated per unit when
asked (:class:`CommitteeIndex`: over the whole country a question about one commune looks at
its own committee, not at the 10,000 others); and a People's Committee selector that picks
nobody on its day (a level abolished, as districts on 2025-07-01), resolved on the
assignment's reference day and followed through the successions, whose succession hops are
made per unit when asked (:class:`FollowedIndex`: the 700 districts' committees of the
country are followed once, but their hops are made only for the units asked about).
Every index reads the same as :func:`~papi.governance._resolve.resolve` grouped by unit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

from papi.duties import CommitteesOf, HeadsOf, Selector
from papi.governance import _orgs
from papi.governance._resolve import (
    NO_HEAD,
    NO_SCOPE,
    Hit,
    _hit,
    _scope_coverage,
    any_committee,
    committee_scope,
    direct,
    hops,
    resolve,
)
from papi.governance._tables import ABSENT
from papi.organizations import _successions

if TYPE_CHECKING:
    from papi.governance._context import Context
    from papi.governance.answers import Hop
    from papi.organizations import Organization
    from papi.territory import Level, Succession

__all__ = ["CommitteeIndex", "FollowedIndex", "by_unit"]


def by_unit(
    ctx: Context, sel: Selector, on: date, ref: date | None
) -> Mapping[str | None, tuple[Hit, ...]]:
    """:func:`~papi.governance._resolve.resolve` indexed by the unit each organization
    serves (in the order of ``resolve`` within a unit), kept per (selector, era, era of
    ``ref``)."""
    key = (sel, ctx.era(on), None if ref is None else ctx.era(ref))
    found = ctx.tables.by_unit.get(key)
    if found is not ABSENT:
        return found
    lazy: Mapping[str | None, tuple[Hit, ...]] | None = CommitteeIndex.of(ctx, sel, on)
    if lazy is None:  # (not ``or``: a mapping's truth is its length, a whole resolve)
        lazy = FollowedIndex.of(ctx, sel, on, ref)
    if lazy is not None:
        return ctx.tables.by_unit.put(key, lazy)
    out: dict[str | None, list[Hit]] = {}
    for hit in resolve(ctx, sel, on, ref):
        out.setdefault(hit.org.unit_id, []).append(hit)
    index = MappingProxyType({k: tuple(v) for k, v in out.items()})
    return ctx.tables.by_unit.put(key, index)


class CommitteeIndex(Mapping[str | None, tuple[Hit, ...]]):
    """:func:`by_unit` of a selector of People's Committees (or of their heads) that picks
    somebody on its day, evaluated per unit when asked. Iterating it resolves the whole
    selector (:func:`~papi.governance._resolve.resolve`). Which units it reaches is not known
    without asking each (the compiled tables ask it for every unit they look at)."""

    __slots__ = ("_ctx", "_era", "_heads", "_level", "_on", "_sel", "_within")

    def __init__(
        self, ctx: Context, sel: Selector, on: date, level: Level, within: str | None, heads: bool
    ) -> None:
        self._ctx, self._sel, self._on = ctx, sel, on
        self._level, self._within, self._heads = level, within, heads
        self._era = ctx.era(on)

    @property
    def level(self) -> Level:
        """The level of the units whose committees it picks."""
        return self._level

    @property
    def within(self) -> str | None:
        """The id of the unit those units lie in (``None``: anywhere)."""
        return self._within

    @classmethod
    def of(cls, ctx: Context, sel: Selector, on: date) -> CommitteeIndex | None:
        """The index of ``sel`` when it is such a selector and picks somebody on ``on``
        (else ``None``: successions must be followed)."""
        scope = committee_scope(ctx, sel, on)
        if scope is None or scope is NO_SCOPE or not any_committee(ctx, *scope, on):
            return None
        return cls(ctx, sel, on, *scope, isinstance(sel, HeadsOf))

    def _hits(self, uid: str | None) -> tuple[Hit, ...]:
        ctx, on = self._ctx, self._on
        if uid is None or uid not in ctx.territory:
            return ()
        unit = ctx.territory.get(uid)
        if unit.level is not self._level or not unit.exists_on(on):
            return ()
        if self._within is not None and self._within not in {
            a.id for a in ctx.territory.ancestors(unit, on=on)
        }:
            return ()
        era = self._era
        pc = _orgs.committee_of(ctx, unit, on, era)
        if pc is None:
            return ()
        if not self._heads:
            return (_hit(Hit, (pc, None, ())),)
        post = _orgs.head_post(ctx, pc, on, era)
        return (_hit(Hit, (pc, post if post is not None else NO_HEAD, ())),)

    def get(  # type: ignore[override]
        self, uid: str | None, default: tuple[Hit, ...] | None = None
    ) -> tuple[Hit, ...] | None:
        return self._hits(uid) or default

    def __getitem__(self, uid: str | None) -> tuple[Hit, ...]:
        found = self._hits(uid)
        if not found:
            raise KeyError(uid)
        return found

    def __contains__(self, uid: object) -> bool:
        return (uid is None or isinstance(uid, str)) and bool(self._hits(uid))

    def _all(self) -> Mapping[str | None, tuple[Hit, ...]]:
        out: dict[str | None, list[Hit]] = {}
        for hit in resolve(self._ctx, self._sel, self._on, None):
            out.setdefault(hit.org.unit_id, []).append(hit)
        return {k: tuple(v) for k, v in out.items()}

    def __iter__(self) -> Iterator[str | None]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


#: what a followed committee became, before its hops are made: (the organization, the
#: position of the old committee it came from, the successions followed from that one)
_Pending = tuple["Organization", int, tuple["Succession", ...]]


class FollowedIndex(Mapping[str | None, tuple[Hit, ...]]):
    """:func:`by_unit` of a selector of People's Committees (or of their heads) that picks
    nobody on its day: the committees it picked on the reference day, followed through the
    successions (as :func:`~papi.governance._resolve.resolve` does), grouped by the unit of
    what each became. The hits of a unit, with their succession hops (and, for
    :class:`~papi.duties.HeadsOf`, the head posts), are made when the unit is asked about
    (each time: the compiled tables keep the rows made from them, and a question about a
    commune keeps no hit of its own); the hops of an old committee are made once and shared
    by every unit it reaches, as in ``resolve``. Its units are known (:meth:`__iter__` reads
    no hit)."""

    __slots__ = ("_ctx", "_era", "_heads", "_hops", "_lock", "_on", "_pending")

    def __init__(
        self,
        ctx: Context,
        on: date,
        pending: dict[str | None, tuple[_Pending, ...]],
        heads: bool,
    ) -> None:
        self._ctx, self._on, self._heads = ctx, on, heads
        self._pending = pending
        self._hops: dict[int, tuple[Hop, ...]] = {}
        self._era = ctx.era(on)
        self._lock = threading.Lock()

    @classmethod
    def of(cls, ctx: Context, sel: Selector, on: date, ref: date | None) -> FollowedIndex | None:
        """The index of ``sel`` when it is a People's Committee selector (or one of their
        heads) that picks nobody on ``on`` and is followed from ``ref`` (else ``None``)."""
        heads = isinstance(sel, HeadsOf)
        inner = sel.of if isinstance(sel, HeadsOf) else sel
        if not isinstance(inner, CommitteesOf) or ref is None or ref >= on:
            return None
        if direct(ctx, inner, on):
            return None
        # as resolve(): from the earliest structure the data vouches for
        cov = _scope_coverage(ctx, inner, ref)
        if cov.valid_from is not None and ref < cov.valid_from < on:
            ref = cov.valid_from
        pending: dict[str | None, list[_Pending]] = {}
        for pos, old in enumerate(direct(ctx, inner, ref)):
            successors, successions = _successions.follow(ctx.orgs, old, on)
            for new in successors:
                pending.setdefault(new.unit_id, []).append((new, pos, successions))
        return cls(ctx, on, {k: tuple(v) for k, v in pending.items()}, heads)

    def get(  # type: ignore[override]
        self, uid: str | None, default: tuple[Hit, ...] | None = None
    ) -> tuple[Hit, ...] | None:
        pending = self._pending.get(uid)
        if pending is None:
            return default
        return self._make(uid, pending)

    def _make(self, uid: str | None, pending: tuple[_Pending, ...]) -> tuple[Hit, ...]:
        ctx, on, era = self._ctx, self._on, self._era
        out: list[Hit] = []
        for new, pos, successions in pending:
            via = self._hops.get(pos)
            if via is None:
                with self._lock:
                    via = self._hops.setdefault(pos, hops(ctx, successions))
            post: object = None
            if self._heads:
                head = _orgs.head_post(ctx, new, on, era)
                post = head if head is not None else NO_HEAD
            out.append(_hit(Hit, (new, post, via)))
        return tuple(out)

    def __getitem__(self, uid: str | None) -> tuple[Hit, ...]:
        found = self.get(uid)
        if found is None:
            raise KeyError(uid)
        return found

    def __contains__(self, uid: object) -> bool:
        return uid in self._pending

    def __iter__(self) -> Iterator[str | None]:
        return iter(self._pending)

    def __len__(self) -> int:
        return len(self._pending)
