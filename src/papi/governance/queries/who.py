"""``who``: who holds which role for a subject in a place on a day, on what basis.

Compiled, then read. The first question about a subject in an era compiles its
:class:`SubjectTable`: the subject's assignments in force, each with what its selector picks
indexed by unit, and ``reach``, which of them pick something in each unit. A question about a
place then walks the place's chain (the unit and its ancestors), takes from the table the
entries each unit of the chain holds (made and deduplicated once per (subject, era, unit) and
shared by every place below it) and merges them in answer order: its cost does not depend on
the assignments that do not reach the place. That era-invariant part (:class:`Core`) is kept per (subject,
place, era); a question on another day of the era adds only the day's deadlines and notices.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from papi.duties import Assignment, Role, Unlisted, innermost
from papi.governance import _resolve, notices
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    PRINCIPLE_HEAD,
    Accountability,
    BasisInfo,
    EscalationStep,
    Holder,
    Hop,
    LawRoleInfo,
    Notice,
    OrgInfo,
    PostInfo,
    Responsible,
    SubjectInfo,
    task_sort_key,
)
from papi.governance.queries.deadlines import next_deadlines
from papi.governance.queries.escalation import chain_ids, ladder

if TYPE_CHECKING:
    from papi.governance._context import Context
    from papi.governance._resolve import Hit, Row
    from papi.territory import Unit

__all__ = ["Core", "Entry", "SubjectTable", "who"]

_ROLE_ORDER = {r: i for i, r in enumerate(Role)}
_ACC = Role.ACCOUNTABLE
_ACC_RANK = _ROLE_ORDER[_ACC]


class Entry(NamedTuple):
    """A :class:`Responsible` entry of a unit in a subject's table, with its place in an
    answer."""

    #: (role rank, has succession hops, task), then the assignment's position in the subject's
    #: table, as one integer (see :func:`_order`); entries of equal ``k`` keep the order of
    #: the chain (nearest unit first) and, within a unit, of the assignment's rows
    k: int
    responsible: Responsible


#: makes an :class:`Entry` from a tuple of its fields (``Entry(...)`` runs Python code)
_entry = tuple.__new__
_SLOTS = tuple(
    Responsible.__dict__[f].__set__
    for f in ("role", "task", "organization", "post", "holder", "basis", "via")
)
_new = object.__new__


def _responsible(
    role: Role,
    task: str,
    organization: OrgInfo,
    post: PostInfo | None,
    holder: Holder | None,
    basis: BasisInfo,
    via: tuple[Hop, ...],
) -> Responsible:
    """``Responsible(role=..., ...)`` at half the cost: the class has no validators or
    converters, so setting its slots directly makes the same object (the compiled tables
    make one per entry of every unit asked about)."""
    r = _new(Responsible)
    s_role, s_task, s_org, s_post, s_holder, s_basis, s_via = _SLOTS
    s_role(r, role)
    s_task(r, task)
    s_org(r, organization)
    s_post(r, post)
    s_holder(r, holder)
    s_basis(r, basis)
    s_via(r, via)
    return r


_K = attrgetter("k")


class _Active(NamedTuple):
    """An assignment in force in the era, with what its entries share."""

    assignment: Assignment
    by_unit: Mapping[str | None, tuple[Hit, ...]]
    ref_era: int
    #: :func:`_order` of its plain entries without and with succession hops, and of its
    #: head-of-organization entries without and with hops
    k_plain: tuple[int, int]
    k_head: tuple[int, int]
    basis: BasisInfo
    head_basis: BasisInfo


def _order(rank: int, has_via: bool, task_index: int, a_pos: int, n_tasks: int, n_a: int) -> int:
    """(role rank, has hops, task index, assignment position) as one increasing integer."""
    return ((rank * 2 + has_via) * n_tasks + task_index) * n_a + a_pos


class SubjectTable:
    """A subject's assignments in force in one era, compiled (see the module docs)."""

    __slots__ = ("_entries", "_lock", "active", "content", "docs_notices", "groups", "unlisted")

    def __init__(
        self,
        active: tuple[_Active, ...],
        unlisted: tuple[tuple[Assignment, Unlisted], ...],
        content: tuple[Notice, ...],
    ) -> None:
        self.active = active
        self.unlisted = unlisted
        self.content = content
        groups: dict[int, tuple[Mapping[str | None, tuple[Hit, ...]], list[int]]] = {}
        for pos, act in enumerate(active):
            groups.setdefault(id(act.by_unit), (act.by_unit, []))[1].append(pos)
        #: the assignments grouped by the index of what their selector picks (assignments
        #: with equal selectors share one): a unit is looked up once per distinct selector
        self.groups = tuple((index, tuple(positions)) for index, positions in groups.values())
        self._entries: dict[str | None, tuple[Entry, ...]] = {}
        #: document notices per set of documents used (the same for every place of the era)
        self.docs_notices: dict[frozenset[str], tuple[Notice, ...]] = {}
        self._lock = threading.Lock()

    def entries(
        self, ctx: Context, uid: str, on: date, era: int, *, keep: bool = True
    ) -> tuple[Entry, ...]:
        """The entries of the assignments picking something in unit ``uid``, made once and
        kept when ``keep`` (the entries of a unit asked about itself end up in its
        :class:`Core`, so they are kept only when a unit below it needs them too)."""
        found = self._entries.get(uid)
        if found is None:
            made = self._make_entries(ctx, uid, on, era)
            if not keep:
                return made
            with self._lock:
                found = self._entries.setdefault(uid, made)
        return found

    def reach(self, uid: str) -> list[int]:
        """The positions in ``active`` of the assignments picking something in ``uid``."""
        return sorted(pos for index, group in self.groups if uid in index for pos in group)

    def _make_entries(self, ctx: Context, uid: str, on: date, era: int) -> tuple[Entry, ...]:
        """The entries of ``uid``, deduplicated and in answer order. Every entry of an
        organization comes from the unit it serves, so the deduplication of an answer is the
        deduplication of each unit's entries: a head-of-organization entry gives way to an
        assignment naming the same organization's head for the task, and a repeated entry
        (same assignment, principle, organization, post and hops) is kept once, the first."""
        candidates: list[tuple[int, Assignment, str | None, Row, BasisInfo]] = []
        explicit_acc: set[tuple[str, str]] = set()
        for pos in self.reach(uid):
            a, index, ref_era, k_plain, k_head, plain, head_basis = self.active[pos]
            key = (a.selector, era, ref_era, uid)
            rows = ctx.tables.rows.get(key)
            if rows is ABSENT:
                rows = ctx.tables.rows.put(key, _resolve.rows(ctx, index[uid], on, era))
            acc = a.role is _ACC
            for row in rows:
                has_via = row.via != ()
                candidates.append((k_plain[has_via], a, None, row, plain))
                if acc:
                    explicit_acc.add((row.org_id, a.task))
                # the người đứng đầu principle: the head answers for what the organization
                # is assigned (rows of HeadsOf hits have no head_id)
                elif row.head_id is not None:
                    candidates.append((k_head[has_via], a, PRINCIPLE_HEAD, row, head_basis))
        seen: set[tuple[object, ...]] = set()
        out: list[Entry] = []
        for k, a, principle, row, basis in candidates:
            key2: tuple[object, ...]
            if principle is None:
                key2 = (a.id, None, row.org_id, row.post_id, row.via)
            elif (row.org_id, a.task) in explicit_acc:
                continue
            else:
                key2 = (a.id, principle, row.org_id, row.head_id, row.via)
            if key2 in seen:
                continue
            seen.add(key2)
            if principle is None:
                r = _responsible(a.role, a.task, row.org, row.post, row.holder, basis, row.via)
            else:
                r = _responsible(_ACC, a.task, row.org, row.head, row.head_holder, basis, row.via)
            out.append(_entry(Entry, (k, r)))
        out.sort(key=_K)  # stable: equal keys keep the order above
        return tuple(out)


class Core(NamedTuple):
    """The part of a :meth:`~papi.governance.Governance.who` answer that is the same on
    every day of an era (everything but the deadlines and the day-specific notices)."""

    responsible: tuple[Responsible, ...]
    hops: tuple[Hop, ...]
    warnings: tuple[Notice, ...]
    escalation: tuple[EscalationStep, ...]
    levels: frozenset[str | None]


def subject_table(ctx: Context, subj: SubjectInfo, on: date, era: int) -> SubjectTable:
    """The compiled table of ``subj`` in ``era``."""
    key = (subj.kind, subj.code, era)
    found = ctx.tables.subjects.get(key)
    if found is not ABSENT:
        return found
    listed: list[Assignment] = []
    unlisted: list[tuple[Assignment, Unlisted]] = []
    for tid in subj.tasks:
        for a in ctx.by_task.get(tid, ()):
            if not a.validity.contains(on):
                continue
            inner = innermost(a.selector)
            if isinstance(inner, Unlisted):
                unlisted.append((a, inner))
            else:
                listed.append(a)
    task_index = {t: i for i, t in enumerate(sorted(subj.tasks, key=task_sort_key))}
    n_tasks, n_a = max(1, len(task_index)), max(1, len(listed))
    active: list[_Active] = []
    for pos, a in enumerate(listed):
        ref = ctx.ref_date(a)
        ti, rank = task_index[a.task], _ROLE_ORDER[a.role]
        active.append(
            _Active(
                a,
                _resolve.by_unit(ctx, a.selector, on, ref),
                ctx.era(ref),
                (
                    _order(rank, False, ti, pos, n_tasks, n_a),
                    _order(rank, True, ti, pos, n_tasks, n_a),
                ),
                (
                    _order(_ACC_RANK, False, ti, pos, n_tasks, n_a),
                    _order(_ACC_RANK, True, ti, pos, n_tasks, n_a),
                ),
                _resolve.basis(ctx, a),
                _resolve.basis(ctx, a, PRINCIPLE_HEAD),
            )
        )
    content = tuple(
        notices.content_not_in_data(tid, part.reference, ctx.documents[part.document])
        for tid in subj.tasks
        for part in ctx.tasks[tid].defined_in
    )
    table = SubjectTable(tuple(active), tuple(unlisted), content)
    return ctx.tables.subjects.put(key, table)


def who(ctx: Context, subject: str, place: _resolve.Place, on: date) -> Accountability:
    """The answer of :meth:`Governance.who <papi.governance.Governance.who>`."""
    subj = _resolve.subject(ctx, subject)
    unit, where_hops = _resolve.where(ctx, place, on)
    core = _core(ctx, subj, unit, on)
    warnings: list[Notice] = []
    if where_hops:
        warnings.append(_resolve.where_notice(place, unit, where_hops, on))
    deadlines, deadline_notices = next_deadlines(ctx, subj, on, core.levels)
    warnings.extend(core.warnings)
    warnings.extend(deadline_notices)
    warnings.extend(_resolve.coverage_notices(ctx, on))
    warnings.extend(ctx.notes)
    hops = tuple(dict.fromkeys((*where_hops, *core.hops))) if where_hops else core.hops
    responsible = core.responsible
    if subj.kind == "topic":
        responsible = second_instance_above(ctx, responsible, unit, on)
        dropped = {r.task for r in core.responsible} - {r.task for r in responsible}
        if dropped:  # the second instances above others: their deadlines are not the place's
            deadlines = tuple(d for d in deadlines if d.task not in dropped)
    return Accountability(
        subject=subj,
        where=_resolve.unit_info(unit),
        on=on,
        responsible=responsible,
        escalation=core.escalation,
        deadlines=deadlines,
        hops=hops,
        warnings=tuple(warnings),
        law_roles=law_roles(responsible),
    )


def law_roles(responsible: Sequence[Responsible]) -> tuple[LawRoleInfo, ...]:
    """The law's roles (:meth:`papi.law.LawIndex.roles_of`) of the tasks of ``responsible``
    that belong to the law's duties (ids starting ``law.``), in answer order."""
    tasks = dict.fromkeys(r.task for r in responsible if r.task.startswith("law."))
    if not tasks:
        return ()
    from papi.law import law_index

    index = law_index()
    return tuple(
        LawRoleInfo(task=t, key=lr.key, name_vi=lr.name_vi, name_en=lr.name_en)
        for t in tasks
        for lr in index.roles_of(t)
    )


def second_instance_above(
    ctx: Context, responsible: tuple[Responsible, ...], unit: Unit, on: date
) -> tuple[Responsible, ...]:
    """``responsible`` without the second-instance entries that are not above ``unit``'s own
    first-instance resolver (:attr:`papi.law.LawIndex.instances`): asked about a commune,
    the provincial chairperson's second instance above department directors is not the
    second instance of the commune's complaints. Without a first-instance entry of the
    unit itself, nothing is dropped."""
    from papi.law import law_index

    index = law_index()
    seconds = {a for i in index.instances for a in i.second}
    firsts = {i.first for i in index.instances}
    pc = ctx.orgs.committee_of(unit, on=on)
    own = [
        r.basis.assignment
        for r in responsible
        if pc is not None and r.organization.id == pc.id and r.basis.assignment in firsts
    ]
    if not own:
        return responsible
    keep = {a for i in index.instances if i.first in own for a in i.second}
    return tuple(
        r for r in responsible if r.basis.assignment not in seconds or r.basis.assignment in keep
    )


def _core(ctx: Context, subj: SubjectInfo, unit: Unit, on: date) -> Core:
    era = ctx.era(on)
    key = (subj.kind, subj.code, unit.id, era)
    found = ctx.tables.cores.get(key)
    if found is not ABSENT:
        return found
    return ctx.tables.cores.put(key, _new_core(ctx, subj, unit, on, era))


def _new_core(ctx: Context, subj: SubjectInfo, unit: Unit, on: date, era: int) -> Core:
    table = subject_table(ctx, subj, on, era)
    found: list[Entry] = []
    for depth, uid in enumerate(chain_ids(ctx, unit, on, era)):
        # nearest first: the stable sort below keeps that order between equal keys
        found.extend(table.entries(ctx, uid, on, era, keep=depth > 0))
    found.sort(key=_K)
    responsible = tuple(e.responsible for e in found)
    docs_used = {a.basis.document for a, _ in table.unlisted}
    docs_used.update(r.basis.document for r in responsible)
    hops: dict[Hop, None] = {}
    last: tuple[Hop, ...] = ()
    orgs: dict[str, OrgInfo] = {}
    for r in responsible:
        orgs[r.organization.id] = r.organization
        if r.via and r.via is not last:  # entries of one hit share their via
            hops.update(dict.fromkeys(r.via))
            last = r.via
    levels = frozenset(_resolve.unit_level(ctx, o) for o in orgs.values())
    return Core(
        responsible=responsible,
        hops=tuple(hops),
        warnings=_warnings(ctx, subj, on, table, responsible, docs_used),
        escalation=ladder(ctx, unit, on, era),
        levels=levels,
    )


def _warnings(
    ctx: Context,
    subj: SubjectInfo,
    on: date,
    table: SubjectTable,
    responsible: Sequence[Responsible],
    docs_used: set[str],
) -> tuple[Notice, ...]:
    docs = frozenset(docs_used)
    doc_notices = table.docs_notices.get(docs)
    if doc_notices is None:
        doc_notices = table.docs_notices.setdefault(docs, document_notices(ctx, docs, on))
    out: list[Notice] = list(doc_notices)
    for a, u in table.unlisted:
        notice = ctx.tables.unlisted.get(a.id)
        if notice is ABSENT:
            make = (
                notices.competence_unsourced
                if (a.notes or "").startswith("UNSOURCED")
                else notices.unlisted_holders
            )
            new = make(a, u, _resolve.basis(ctx, a), ctx.documents.get(u.document, None))
            notice = ctx.tables.unlisted.put(a.id, new)
        out.append(notice)
    out.extend(table.content)
    if subj.kind == "indicator" and not any(r.role is Role.LEAD for r in responsible):
        out.append(notices.lead_unknown(subj.code))
    if any(r.holder is not None and r.holder.status == "unknown" for r in responsible):
        out.append(notices.holder_unknown())
    return tuple(out)


def document_notices(ctx: Context, docs: frozenset[str], on: date) -> tuple[Notice, ...]:
    """What an answer resting on ``docs`` must say about them on ``on``: superseded, plan
    period over, date unknown, not verified."""
    used = set(docs)
    for d in list(used):
        used.update(x for x in ctx.documents[d].implements if x in ctx.documents)
    over = set()
    for d in used:
        end = ctx.documents[d].period.valid_to
        if end is not None and end <= on and d not in ctx.superseded:
            over.add(d)
    out: list[Notice] = []
    for d in sorted(used):
        doc = ctx.documents[d]
        if d in ctx.superseded:
            out.append(notices.superseded(doc))
        end = doc.period.valid_to
        if d in over and end is not None and not any(x in over for x in doc.implements):
            out.append(notices.plan_period_over(doc, end))
        if not doc.date_known and d in docs:
            out.append(notices.date_unknown(doc))
        if not doc.verified and d in docs:
            out.append(notices.document_unverified(doc))
    return tuple(out)
