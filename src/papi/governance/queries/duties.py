"""``duties``: every duty an organization, or the organizations serving a unit, hold on a
day, with basis and succession hops."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from papi.duties import Role, Unlisted, innermost
from papi.errors import Ambiguous, NotFound
from papi.governance import _indexes, _orgs, _resolve
from papi.governance.answers import Duties, DutyItem, Notice, task_sort_key
from papi.organizations import Organization

if TYPE_CHECKING:
    from papi.governance._context import Context

__all__ = ["duties", "orgs_of"]

_ROLE_ORDER = {r: i for i, r in enumerate(Role)}


def duties(ctx: Context, of: object, on: date, within: object = None) -> Duties:
    """The answer of :meth:`Governance.duties <papi.governance.Governance.duties>`."""

    orgs, label, found_notices = orgs_of(ctx, of, on, within)
    ids = {o.id for o in orgs}
    units = {o.unit_id for o in orgs}
    items: list[DutyItem] = []
    for a in ctx.assignments:
        if not a.validity.contains(on) or isinstance(innermost(a.selector), Unlisted):
            continue
        task = ctx.tasks[a.task]
        index = _indexes.by_unit(ctx, a.selector, on, ctx.ref_date(a))
        hits = [h for u in units for h in index.get(u, ()) if h.org.id in ids]
        for hit in hits:
            post = hit.post if hit.post is not None and hit.post is not _resolve.NO_HEAD else None
            items.append(
                DutyItem(
                    task=task.id,
                    title_vi=task.title_vi,
                    title_en=task.title_en,
                    role=a.role,
                    organization=_orgs.org_info(ctx, hit.org),
                    post=_orgs.post_info(ctx, post) if post is not None else None,
                    basis=_resolve.basis(ctx, a),
                    via=hit.via,
                )
            )
    items = list(dict.fromkeys(items))
    items.sort(key=lambda d: (task_sort_key(d.task), _ROLE_ORDER[d.role], len(d.via) > 0))
    places = [ctx.territory.get(u) for u in sorted(units) if u in ctx.territory]
    warnings = found_notices + _resolve.coverage_notices(ctx, on, places)
    return Duties(of=label, on=on, items=tuple(items), warnings=warnings)


def orgs_of(
    ctx: Context, of: object, on: date, within: object = None
) -> tuple[tuple[Organization, ...], str, tuple[Notice, ...]]:
    """The organizations meant by ``of``, a label, and ``where_succeeded`` when ``of`` is
    a unit that no longer exists on ``on`` and its one successor's organizations answer.

    A name is resolved as documents write it, inside ``within`` (a unit) when given: over
    the whole country "Thanh tra thành phố" or "Sở Nội vụ" names one body per province, so
    such a name needs a context (``within=``, or qualified: ``"Sở Nội vụ, Đà Nẵng"``); one
    that is neither an organization nor a unit raises the :class:`~papi.errors.Ambiguous`
    listing the candidates with their provinces."""
    if isinstance(of, Organization):
        return (of,), of.name, ()
    scope = None
    if within is not None:
        _resolve.check_place(within, "within")
        scope = _resolve.where(ctx, within, on)[0]  # type: ignore[arg-type]
    ambiguous: Ambiguous | None = None
    if isinstance(of, str):
        try:
            o = ctx.orgs.get(of)
            return (o,), o.name, ()
        except NotFound:
            pass
        try:
            o = ctx.orgs.org(of, on=on, within=scope)
            return (o,), o.name, ()
        except NotFound:
            pass
        except Ambiguous as exc:
            ambiguous = exc
    _resolve.check_place(of, "of")
    try:
        unit, hops = _resolve.where(ctx, of, on)  # type: ignore[arg-type]
    except NotFound:
        if ambiguous is not None:
            raise ambiguous from None
        raise
    found = (_resolve.where_notice(of, unit, hops, on),) if hops else ()  # type: ignore[arg-type]
    return tuple(ctx.orgs.organizations(unit=unit, on=on)), unit.name, found
