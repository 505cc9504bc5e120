"""``status`` and ``overdue``: progress reports measured against one-off deadlines."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from papi.duties import HeadsOf, Role, Unlisted, innermost
from papi.errors import NotFound
from papi.governance import _orgs, _resolve
from papi.governance.answers import Overdue, OverdueItem, task_sort_key
from papi.governance.queries.deadlines import due_for
from papi.governance.queries.duties import orgs_of
from papi.progress import Status, status_of

if TYPE_CHECKING:
    from papi.governance._context import Context

__all__ = ["overdue", "status"]


def status(ctx: Context, task: str, org: object, on: date, within: object = None) -> Status:
    """The answer of :meth:`Governance.status <papi.governance.Governance.status>`."""
    if task not in ctx.tasks:
        raise NotFound("task", task, closest=ctx.task_names.closest(task))
    t = ctx.tasks[task]
    found = orgs_of(ctx, org, on, within)[0]
    if len(found) != 1:
        raise NotFound(
            "organization",
            org,
            context="(give an organization, not a unit)",
            context_vi="(hãy nêu một cơ quan, tổ chức, không phải một đơn vị hành chính)",
        )
    o = found[0]
    level = None if o.unit_id is None else ctx.territory.get(o.unit_id).level.value
    return status_of(
        due=due_for(ctx, t, level, on),
        starts=t.period.valid_from,
        reports=ctx.reports_by.get((task, o.id), ()),
        on=on,
        reporting=any(a.role is Role.REPORT for a in ctx.by_task.get(task, ())),
    )


def overdue(ctx: Context, on: date) -> Overdue:
    """The answer of :meth:`Governance.overdue <papi.governance.Governance.overdue>`."""
    items: list[OverdueItem] = []
    for a in ctx.assignments:
        if isinstance(innermost(a.selector), Unlisted) or isinstance(a.selector, HeadsOf):
            continue
        task = ctx.tasks[a.task]
        due = due_for(ctx, task, None, on)
        if due is None or due >= on or not a.validity.contains(due):
            continue
        for hit in _resolve.resolve(ctx, a.selector, due, ctx.ref_date(a)):
            st = status(ctx, task.id, hit.org.id, on)
            if st is Status.OVERDUE:
                items.append(
                    OverdueItem(
                        task=task.id,
                        organization=_orgs.org_info(ctx, hit.org),
                        due=due,
                        status=st,
                    )
                )
    items = list(dict.fromkeys(items))
    items.sort(key=lambda i: (i.due, task_sort_key(i.task), i.organization.id))
    return Overdue(on=on, items=tuple(items))
