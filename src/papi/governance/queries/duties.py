"""``duties``: every duty an organization, or the organizations serving a unit, hold on a
day, with basis and succession hops."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from papi.duties import Role, Unlisted, innermost
from papi.errors import Ambiguous, NotFound
from papi.governance import _resolve
from papi.governance.answers import Duties, DutyItem, Notice, task_sort_key
from papi.organizations import Organization

if TYPE_CHECKING:
    from papi.governance._context import Context

__all__ = ["duties", "orgs_of"]

_ROLE_ORDER = {r: i for i, r in enumerate(Role)}


def duties(ctx: Context, of: object, on: date) -> Duties:
    """The answer of :meth:`Governance.duties <papi.governance.Governance.duties>`."""

    orgs, label, found_notices = orgs_of(ctx, of, on)
    ids = {o.id for o in orgs}
    units = {o.unit_id for o in orgs}
    items: list[DutyItem] = []
    for a in ctx.assignments:
        if not a.validity.contains(on) or isinstance(innermost(a.selector), Unlisted):
            continue
        task = ctx.tasks[a.task]
        index = _resolve.by_unit(ctx, a.selector, on, ctx.ref_date(a))
        hits = [h for u in units for h in index.get(u, ()) if h.org.id in ids]
        for hit in hits:
            post = hit.post if hit.post is not None and hit.post is not _resolve.NO_HEAD else None
            items.append(
                DutyItem(
                    task=task.id,
                    title_vi=task.title_vi,
                    title_en=task.title_en,
                    role=a.role,
                    organization=_resolve.org_info(ctx, hit.org),
                    post=_resolve.post_info(ctx, post) if post is not None else None,
                    basis=_resolve.basis(ctx, a),
                    via=hit.via,
                )
            )
    items = list(dict.fromkeys(items))
    items.sort(key=lambda d: (task_sort_key(d.task), _ROLE_ORDER[d.role], len(d.via) > 0))
    warnings = found_notices + _resolve.coverage_notices(ctx, on)
    return Duties(of=label, on=on, items=tuple(items), warnings=warnings)


def orgs_of(
    ctx: Context, of: object, on: date
) -> tuple[tuple[Organization, ...], str, tuple[Notice, ...]]:
    """The organizations meant by ``of``, a label, and ``where_succeeded`` when ``of`` is
    a unit that no longer exists on ``on`` and its one successor's organizations answer."""
    if isinstance(of, Organization):
        return (of,), of.name, ()
    if isinstance(of, str):
        try:
            o = ctx.orgs.get(of)
            return (o,), o.name, ()
        except NotFound:
            pass
        try:
            o = ctx.orgs.org(of, on=on)
            return (o,), o.name, ()
        except (NotFound, Ambiguous):
            pass
    _resolve.check_place(of, "of")
    unit, hops = _resolve.where(ctx, of, on)  # type: ignore[arg-type]
    found = (_resolve.where_notice(of, unit, hops, on),) if hops else ()  # type: ignore[arg-type]
    return tuple(ctx.orgs.organizations(unit=unit, on=on)), unit.name, found
