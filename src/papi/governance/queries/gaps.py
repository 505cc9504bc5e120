"""``gaps``: the holes in the plans on a day."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from papi.duties import Role, Unlisted, innermost
from papi.governance import _resolve, notices
from papi.governance.answers import Gap, GapKind, Gaps, task_sort_key
from papi.rules import reference_en

if TYPE_CHECKING:
    from papi.governance._context import Context
    from papi.governance._resolve import Hit

__all__ = ["gaps"]


def gaps(ctx: Context, on: date) -> Gaps:
    """The answer of :meth:`Governance.gaps <papi.governance.Governance.gaps>`."""
    items: list[Gap] = []
    lead_codes: set[str] = set()
    for a in ctx.assignments:
        if not a.validity.contains(on):
            continue
        task = ctx.tasks[a.task]
        doc = ctx.documents[a.basis.document]
        basis = f"{doc.cite('en')} {reference_en(a.basis.reference)}"
        basis_vi = f"{doc.cite('vi')} {a.basis.reference}"
        inner = innermost(a.selector)
        if isinstance(inner, Unlisted):
            items.append(notices.unlisted_gap(a, inner, basis, basis_vi))
            continue
        hits = _resolve.resolve(ctx, a.selector, on, ctx.ref_date(a))
        if not hits:
            direct_before = _resolve.direct(ctx, inner, ctx.ref_date(a))
            kind: GapKind = (
                "abolished_without_successor" if direct_before else "selector_matches_nobody"
            )
            items.append(notices.abolished_or_unmatched(kind, a, a.selector, on, basis, basis_vi))
            continue
        if a.role is Role.LEAD:
            lead_codes.update(task.indicators)
        distinct = {h.org.id: h for h in hits}
        unknown = [h for h in distinct.values() if _accountable_unknown(ctx, h, on)]
        if unknown:
            items.append(
                notices.no_accountable_person(a, len(unknown), len(distinct), basis, basis_vi)
            )
    for task in sorted(ctx.tasks.values(), key=lambda t: task_sort_key(t.id)):
        if not task.defined_in:
            continue
        if not any(a.validity.contains(on) for a in ctx.by_task.get(task.id, ())):
            continue
        for ref in task.defined_in:
            items.append(
                notices.content_not_in_data_gap(
                    task.id,
                    ref.reference,
                    ctx.documents[ref.document],
                    f"{ctx.documents[task.document].cite('en')} {reference_en(task.reference)}",
                    f"{ctx.documents[task.document].cite('vi')} {task.reference}",
                )
            )
    fw = ctx.framework
    for dim in fw.dimensions:
        if not any(fw.related(dim.code, c) for c in lead_codes):
            items.append(notices.no_lead(dim.code, dim.name_vi, dim.name_en))
    for o in ctx.orgs.organizations(on=on):
        if ctx.orgs.head_post(o, on=on) is None:
            items.append(notices.no_head_post(o.id, o.name))
    return Gaps(on=on, items=tuple(items))


def _accountable_unknown(ctx: Context, hit: Hit, on: date) -> bool:
    post = hit.post
    if post is _resolve.NO_HEAD:
        return True
    if post is None:
        post = ctx.orgs.head_post(hit.org, on=on)
        if post is None:
            return True
    h = ctx.orgs.holder(post, on=on)
    return h is None or h.person is None
