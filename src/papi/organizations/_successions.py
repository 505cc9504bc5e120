"""Organizations through time: their successions, followed forward from a day, and the days
on which anything in a registry changes.

A registry's succession records are its curated ones (department mergers) plus, when rules
derive the bodies of every unit, the People's Committees following their units through the
territory's successions; those are made from the unit's succession when a query reaches it,
never stored for the whole country.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from papi.dates import Validity
from papi.organizations.model import Organization
from papi.territory import Succession

if TYPE_CHECKING:
    from papi.organizations.registry import Organizations

#: Successions by unit id: (those a unit is a predecessor in, those it is a successor in).
ByUnit = tuple[Mapping[str, tuple[Succession, ...]], Mapping[str, tuple[Succession, ...]]]


def pc_succession(s: Succession) -> Succession:
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


def all_successions(reg: Organizations) -> tuple[Succession, ...]:
    """The curated successions, then every People's Committee succession made from the
    territory's (for :attr:`Organizations.successions`; queries read :func:`by_unit`)."""
    derived = () if reg.rules is None else tuple(map(pc_succession, reg.territory.successions))
    return (*reg._successions, *derived)


def by_unit(reg: Organizations) -> ByUnit:
    """The territory's successions by predecessor and by successor unit id (empty without
    rules: then no People's Committee is derived to follow its unit)."""
    succ_of: dict[str, list[Succession]] = {}
    pred_of: dict[str, list[Succession]] = {}
    if reg.rules is not None:
        for s in reg.territory.successions:
            for p in s.predecessors:
                succ_of.setdefault(p, []).append(s)
            for n in s.successors:
                pred_of.setdefault(n, []).append(s)
    return (
        {k: tuple(v) for k, v in succ_of.items()},
        {k: tuple(v) for k, v in pred_of.items()},
    )


def of_org(
    own: Mapping[str, tuple[Succession, ...]],
    units: Mapping[str, tuple[Succession, ...]],
    oid: str,
) -> tuple[Succession, ...]:
    """The successions of organization ``oid`` from ``own`` (the curated ones, by id) and,
    for a People's Committee, those made from its unit's in ``units``."""
    found = own.get(oid, ())
    if not oid.startswith("ubnd:"):
        return found
    derived = units.get(oid[5:], ())
    return (*found, *map(pc_succession, derived)) if derived else found


def follow(
    reg: Organizations, org: Organization, on: date
) -> tuple[tuple[Organization, ...], tuple[Succession, ...]]:
    """What ``org`` became by ``on`` (sorted by id) and the successions followed to get
    there (by effective day): ``org`` itself while it exists; nothing before it starts."""
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
        o = reg._get(cur) or reg.get(cur)  # get's checks and error only for an unknown id
        if o.validity.contains(on):
            found.setdefault(cur, o)
            continue
        for s in reg._succ(cur):
            if s.effective <= on:
                chain.setdefault(s, s)  # by value: a unit's succession is made anew
                stack.extend(s.successors)
    orgs = tuple(sorted(found.values(), key=lambda x: x.id))
    hops = tuple(sorted(chain.values(), key=lambda s: (s.effective, s.predecessors)))
    return orgs, hops


def change_days(reg: Organizations) -> tuple[date, ...]:
    """The days of :meth:`Organizations.change_days` (computed once per registry there)."""
    days: set[date] = set()

    def span(v: Validity) -> None:
        if v.valid_from is not None:
            days.add(v.valid_from)
        if v.valid_to is not None:
            days.add(v.valid_to)

    for o in reg._by_id.values():
        span(o.validity)
    for p in reg._posts.values():
        span(p.validity)
    for held in reg._holdings.values():
        for h in held:
            span(h.validity)
    successions: list[Succession] = list(reg._successions)
    rules = reg.rules
    if rules is not None:
        successions.extend(reg.territory.successions)
        windows = sorted(rules.window_days())
        levels = rules.levels()
        for u in reg.territory:
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
