"""``escalation``: the ladder from the People's Committee of a place up to the top, each
rung with its head post and holder; and a place's chain of units (itself and its ancestors),
both kept per (unit, era)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from papi.governance import _orgs, _resolve
from papi.governance._tables import ABSENT
from papi.governance.answers import Escalation, EscalationStep

if TYPE_CHECKING:
    from papi.governance._context import Context
    from papi.organizations import Organization
    from papi.territory import Unit

__all__ = ["chain_ids", "escalation", "ladder"]


def chain_ids(ctx: Context, unit: Unit, on: date, era: int) -> tuple[str, ...]:
    """``unit``'s id and its ancestors' ids on ``on``, nearest first."""
    key = (unit.id, era)
    found = ctx.tables.chains.get(key)
    if found is not ABSENT:
        return found
    chain = (unit.id, *(u.id for u in ctx.territory.ancestors(unit, on=on)))
    return ctx.tables.chains.put(key, chain)


def ladder(ctx: Context, unit: Unit, on: date, era: int) -> tuple[EscalationStep, ...]:
    """The escalation steps from the People's Committee of ``unit`` (or of its nearest
    ancestor having one) up through each committee's superior."""
    key = (unit.id, era)
    found = ctx.tables.ladders.get(key)
    if found is not ABSENT:
        return found
    org = _orgs.committee_of(ctx, unit, on, era)
    if org is None:
        for anc in ctx.territory.ancestors(unit, on=on):
            org = _orgs.committee_of(ctx, anc, on, era)
            if org is not None:
                break
    return ctx.tables.ladders.put(key, _ladder_from(ctx, org, on, era))


def _ladder_from(
    ctx: Context, org: Organization | None, on: date, era: int
) -> tuple[EscalationStep, ...]:
    """The steps from ``org`` up through each superior, until none or one seen before; the
    ladder of an organization is kept per era and ends the ladders of those below it."""
    if org is None:
        return ()
    key = (org.id, era)
    found = ctx.tables.org_ladders.get(key)
    if found is not ABSENT:
        return found
    steps: list[EscalationStep] = []
    ids: list[str] = []
    seen: set[str] = set()
    rest: tuple[EscalationStep, ...] = ()
    cur: Organization | None = org
    while cur is not None and cur.id not in seen:
        if steps:  # the ladder of a superior, when kept and not looping back
            above = ctx.tables.org_ladders.get((cur.id, era))
            if above is not ABSENT and not seen.intersection(s.organization.id for s in above):
                rest, cur = above, None
                break
        seen.add(cur.id)
        ids.append(cur.id)
        info, _head, head_info, head_holder = _orgs.org_parts(ctx, cur, on, era)
        steps.append(EscalationStep(organization=info, post=head_info, holder=head_holder))
        cur = _orgs.superior(ctx, cur, on)
    if cur is None:  # not looping back: the ladder of each superior is the rest of this one
        for i in range(len(ids) - 1, 0, -1):
            ctx.tables.org_ladders.put((ids[i], era), (*steps[i:], *rest))
    return ctx.tables.org_ladders.put(key, (*steps, *rest))


def escalation(ctx: Context, place: _resolve.Place, on: date) -> Escalation:
    """The answer of :meth:`Governance.escalation <papi.governance.Governance.escalation>`."""
    unit, hops = _resolve.where(ctx, place, on)
    where_notices = (_resolve.where_notice(place, unit, hops, on),) if hops else ()
    return Escalation(
        where=_resolve.unit_info_of(ctx, unit),
        on=on,
        steps=ladder(ctx, unit, on, ctx.era(on)),
        hops=hops,
        warnings=where_notices + _resolve.coverage_notices(ctx, on, (unit,)),
    )
