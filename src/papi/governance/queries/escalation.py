"""``escalation``: the ladder from the People's Committee of a place up to the top, each
rung with its head post and holder; and a place's chain of units (itself and its ancestors),
both kept per (unit, era)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from papi.governance import _resolve
from papi.governance._tables import ABSENT
from papi.governance.answers import Escalation, EscalationStep

if TYPE_CHECKING:
    from papi.governance._context import Context
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
    org = ctx.orgs.committee_of(unit, on=on)
    if org is None:
        for anc in ctx.territory.ancestors(unit, on=on):
            org = ctx.orgs.committee_of(anc, on=on)
            if org is not None:
                break
    steps: list[EscalationStep] = []
    seen: set[str] = set()
    while org is not None and org.id not in seen:
        seen.add(org.id)
        head = _resolve.head_post(ctx, org, on, era)
        steps.append(
            EscalationStep(
                organization=_resolve.org_info(ctx, org),
                post=_resolve.post_info(ctx, head) if head is not None else None,
                holder=_resolve.holder(ctx, head, on, era) if head is not None else None,
            )
        )
        org = ctx.orgs.superior(org, on=on)
    return ctx.tables.ladders.put(key, tuple(steps))


def escalation(ctx: Context, place: _resolve.Place, on: date) -> Escalation:
    """The answer of :meth:`Governance.escalation <papi.governance.Governance.escalation>`."""
    unit, hops = _resolve.where(ctx, place, on)
    where_notices = (_resolve.where_notice(place, unit, hops, on),) if hops else ()
    return Escalation(
        where=_resolve.unit_info(unit),
        on=on,
        steps=ladder(ctx, unit, on, ctx.era(on)),
        hops=hops,
        warnings=where_notices + _resolve.coverage_notices(ctx, on),
    )
