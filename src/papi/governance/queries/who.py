"""``who``: who holds which role for a subject in a place on a day, on what basis.

Compiled, then read. The first question about a subject in an era compiles its subject table
(:mod:`papi.governance.queries._subject_table`: the subject's assignments in force, grouped by
what their selector picks, and what each unit contributes to the answers of the places in
it, once per (subject, era, unit) and shared by every place below it). A question about a
place then walks the place's chain (the unit and its ancestors) and merges what each unit of
the chain contributes: its cost does not depend on the assignments that do not reach the
place. That era-invariant part (:class:`Core`: entries, hops, law roles, warnings,
escalation, the deadlines' holders) is kept per (subject, place, era). What an answer shares
with the other days of the era (:class:`Ready`: the subject and place resolved, the ``Core``,
for a topic the entries without the second instances that are not above the place's own first
instance, :func:`second_instance_above`) is kept per (subject as asked, place as asked, era)
when no notice depends on the day; a question on another day of the era then adds only the
day's deadlines (their holders named once per list of deadlines), or, when the subject has
none, only makes its answer object. :func:`compile_era` (:meth:`Governance.compile
<papi.governance.Governance.compile>`) makes the ``Ready`` parts up front. The entries
themselves are made when an answer's entries are first read
(:class:`~papi.governance.answers.Lazy`), once per unit and per ``Core``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from papi.duties import Assignment, Unlisted
from papi.governance import _resolve, notices
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    Accountability,
    DeadlineInfo,
    EscalationStep,
    Hop,
    LawRoleInfo,
    Lazy,
    Notice,
    Responsible,
    SubjectInfo,
    UnitInfo,
    lazy_accountability,
)
from papi.governance.queries._subject_table import (
    ENTRY_ORDER,
    Entry,
    Found,
    Held,
    SubjectTable,
    intern_set,
    subject_table,
    union_sets,
    unit_entries,
)
from papi.governance.queries.deadlines import next_deadlines, with_holders
from papi.governance.queries.escalation import chain_ids, ladder
from papi.territory import Unit

if TYPE_CHECKING:
    from papi.governance._context import Context

__all__ = [
    "Core",
    "Ready",
    "compile_era",
    "document_notices",
    "law_roles",
    "second_instance_above",
    "who",
]


class Core(NamedTuple):
    """The part of a :meth:`~papi.governance.Governance.who` answer that is the same on
    every day of an era (everything but the deadlines and the day-specific notices)."""

    #: made when an answer's entries are read (and then kept here for every day of the era)
    responsible: Lazy[tuple[Responsible, ...]]
    hops: Lazy[tuple[Hop, ...]]
    law_roles: Lazy[tuple[LawRoleInfo, ...]]
    warnings: tuple[Notice, ...]
    escalation: tuple[EscalationStep, ...]
    levels: frozenset[str | None]
    #: a task of the subject has deadlines
    dated: bool
    #: the model's notes about the documents the answer rests on
    notes: tuple[Notice, ...] = ()
    #: the tasks of the entries and of the unlisted holders reaching the place: the answer's
    #: deadlines are theirs
    tasks: frozenset[str] = frozenset()
    #: task -> who holds it here (names in Vietnamese and English, nearest first): the
    #: holders of the answer's deadlines
    #: (:func:`~papi.governance.queries._subject_table.holders_of`), made when first needed
    holders: Lazy[Mapping[str, tuple[tuple[str, str], ...]]] | None = None


_NONE: Lazy[tuple[Responsible, ...]] = Lazy.made(())
_NO_TASKS: frozenset[str] = frozenset()  # (frozenset() makes a new object each time)
_NO_LEVELS: frozenset[str | None] = frozenset()
_NO_HOPS: Lazy[tuple[Hop, ...]] = Lazy.made(())
_NO_LAW_ROLES: Lazy[tuple[LawRoleInfo, ...]] = Lazy.made(())


class Ready(NamedTuple):
    """Everything a :meth:`~papi.governance.Governance.who` answer about (subject, place) shares
    with the other days of an era: the subject and the unit resolved, what the answer reads of
    the :class:`Core` (its fields, not the core: one object fewer kept per pair), the entries
    kept for a topic (:func:`second_instance_above`), and the notices of the place as asked on
    the day it was made. ``quiet`` when the place needed no succession and the data vouches
    for it (no notice depends on the day but the deadlines'): then it is kept per (subject as
    asked, place as asked, era) and a question on another day of the era only adds the day's
    deadlines."""

    # (the fields of an answer first, in the order a plain answer unpacks them)
    subj: SubjectInfo
    where: UnitInfo
    responsible: Lazy[tuple[Responsible, ...]]
    #: the core's escalation ladder and warnings (here: a plain answer reads nothing else)
    escalation: tuple[EscalationStep, ...]
    hops: Lazy[tuple[Hop, ...]]
    warnings: tuple[Notice, ...]
    law_roles: Lazy[tuple[LawRoleInfo, ...]]
    #: ``quiet``, and the answer adds nothing to the core's on any day (no deadline, no note):
    #: a question on another day of the era only makes its answer object
    plain: bool
    #: a topic's tasks whose second instances are not above the place (their deadlines go)
    dropped: frozenset[str]
    #: the day's notices: where the place was followed to, and the data's coverage
    where_notices: tuple[Notice, ...]
    coverage: tuple[Notice, ...]
    quiet: bool
    #: the core's levels, ``dated``, notes, tasks and holders (see :class:`Core`)
    levels: frozenset[str | None]
    dated: bool
    notes: tuple[Notice, ...]
    tasks: frozenset[str]
    holders: Lazy[Mapping[str, tuple[tuple[str, str], ...]]] | None


def who(ctx: Context, subject: str, place: _resolve.Place, on: date) -> Accountability:
    """The answer of :meth:`Governance.who <papi.governance.Governance.who>`: its entries,
    hops and law roles are made when first read (:func:`~papi.governance.answers.
    lazy_accountability`). What the answer shares with the other days of the era
    (:class:`Ready`) is kept when it is ``quiet``."""
    bounds = ctx.tables.bounds  # (set when the model is built: ctx.era's lookup, inline)
    era = ctx.era(on) if bounds is None else bisect_right(bounds, on.toordinal())
    ready = _kept_ready(ctx, subject, place, on, era)
    if ready[7]:  # plain: the answer object only
        return lazy_accountability(
            ready[0], ready[1], on, ready[2], ready[3], (), ready[4], ready[5], ready[6]
        )
    return _assemble(ctx, ready, on)


def compile_era(
    ctx: Context, subjects: Sequence[str], places: Sequence[_resolve.Place], on: date
) -> int:
    """:meth:`Governance.compile <papi.governance.Governance.compile>`: the :class:`Ready`
    part of the answer about every (subject, place) in the era of ``on``; the number of
    pairs."""
    era = ctx.era(on)
    for subject in subjects:
        for place in places:
            ready = _kept_ready(ctx, subject, place, on, era)
            if ready.dated:  # the deadlines of ``on`` as the place shows them (holders named)
                deadlines = next_deadlines(ctx, ready.subj, on, ready.levels, ready.tasks)[0]
                if deadlines:
                    _placed(ctx, ready, deadlines)
    return len(subjects) * len(places)


def _kept_ready(ctx: Context, subject: str, place: _resolve.Place, on: date, era: int) -> Ready:
    """The :class:`Ready` part of the answer about (subject, place) in ``era``: the one kept,
    else made (and kept when it is ``quiet``)."""
    key = _ready_key(subject, place, era)
    if key is not None:
        store = ctx.tables.ready
        found = store.hot.get(key, ABSENT)  # the recent half, without a call
        if found is ABSENT:
            found = store.get_cold(key)
        if found is not ABSENT:
            return found
    ready = _ready(ctx, subject, place, on, era)
    if key is not None and ready.quiet:
        return ctx.tables.ready.put(key, ready)
    return ready


def _ready_key(subject: str, place: _resolve.Place, era: int) -> tuple[object, ...] | None:
    """The key of a :class:`Ready` (a unit keyed apart from a string equal to its id: the
    answers differ, the notices name the place as asked); ``None`` for other places."""
    if type(place) is Unit:
        return (subject, "unit", place.id, era)
    if type(place) is str:
        return (subject, place, era)
    return None


def _ready(ctx: Context, subject: str, place: _resolve.Place, on: date, era: int) -> Ready:
    subj = _resolve.subject(ctx, subject)
    where_hops: tuple[Hop, ...] = ()
    if type(place) is Unit and place.exists_on(on):  # a unit of the day: nothing to follow
        unit = place
        coverage = _resolve.unit_coverage_notices(ctx, on, unit)
        if coverage:  # the data does not vouch for it: resolved as a name is, which warns
            _resolve.where(ctx, place, on)
    else:
        unit, where_hops = _resolve.where(ctx, place, on)
        coverage = _resolve.unit_coverage_notices(ctx, on, unit)
    key = (subj.kind, subj.code, unit.id, era)
    cores = ctx.tables.cores
    core = cores.get(key)
    made = core is ABSENT
    if core is ABSENT:
        core = _new_core(ctx, subj, unit, on, era)
    where_notices: tuple[Notice, ...] = ()
    hops = core.hops
    if where_hops:
        where_notices = (_resolve.where_notice(place, unit, where_hops, on),)
        hops = Lazy.made(tuple(dict.fromkeys((*where_hops, *core.hops.get()))))
    responsible, roles = core.responsible, core.law_roles
    dropped = _NO_TASKS
    if subj.kind == "topic":
        every = core.responsible.get()
        kept = second_instance_above(ctx, every, unit, on)
        # the second instances above others: their deadlines are not the place's
        dropped = frozenset({r.task for r in every} - {r.task for r in kept})
        responsible, roles = Lazy.made(kept), Lazy.made(law_roles(kept))
    quiet = not where_notices and not coverage
    if made and not quiet:
        # kept for the other days, whose Ready is not kept (a quiet Ready is kept, and holds
        # what it reads of the core: the core is not kept apart)
        cores.put(key, core)
    return Ready(
        subj,
        _resolve.unit_info_of(ctx, unit),
        responsible,
        core.escalation,
        hops,
        core.warnings,
        roles,
        quiet and not core.dated and not core.notes,
        dropped,
        where_notices,
        coverage,
        quiet,
        core.levels,
        core.dated,
        core.notes,
        core.tasks,
        core.holders,
    )


def _assemble(ctx: Context, ready: Ready, on: date) -> Accountability:
    """The answer on ``on``: ``ready`` and the day's deadlines."""
    deadlines: tuple[DeadlineInfo, ...] = ()
    deadline_notices: tuple[Notice, ...] = ()
    if ready.dated:
        deadlines, deadline_notices = next_deadlines(ctx, ready.subj, on, ready.levels, ready.tasks)
        if deadlines:
            deadlines = _placed(ctx, ready, deadlines)
    warnings = ready.warnings  # the core's own (shared) tuple, when nothing is added
    if ready.where_notices or deadline_notices or ready.coverage or ready.notes:
        warnings = (
            *ready.where_notices,
            *ready.warnings,
            *deadline_notices,
            *ready.coverage,
            *ready.notes,
        )
    return lazy_accountability(
        ready.subj,
        ready.where,
        on,
        ready.responsible,
        ready.escalation,
        deadlines,
        ready.hops,
        warnings,
        ready.law_roles,
    )


def _placed(
    ctx: Context, ready: Ready, deadlines: tuple[DeadlineInfo, ...]
) -> tuple[DeadlineInfo, ...]:
    """``deadlines`` as the place's answer shows them: with the holders of the place's tasks
    (:func:`~papi.governance.queries.deadlines.with_holders`), without a topic's second
    instances that are not above the place. Kept per (holders of the core, list of deadlines,
    dropped tasks), of which the list is a function: the next deadlines are one shared tuple
    per distinct list (:func:`~papi.governance.queries.deadlines.next_deadlines`) and change on
    few days, and a core's holders are one object shared by every :class:`Ready` made from
    it, so the answers of most days of an era reuse the same tuple. (Keyed by identity: an
    entry holds its objects, so no live object can reuse their ids.)"""
    holders, dropped = ready.holders, ready.dropped
    key = (id(holders), id(deadlines), id(dropped))
    memo = ctx.tables.placed_deadlines
    found = memo.get(key)
    if found is not ABSENT and found[0] is holders and found[1] is deadlines:
        return found[3]
    out = deadlines
    if holders is not None and any(d.holder_vi is None for d in out):
        out = with_holders(out, holders.get())
    if dropped:
        out = tuple(d for d in out if d.task not in dropped)
    return memo.put(key, (holders, deadlines, dropped, out))[3]


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
    # and the other assignments of their tasks (department directors above the heads of
    # agencies under their departments, whose first instance the model does not hold)
    second_tasks = frozenset(a.task for a in ctx.assignments if a.id in seconds)
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
        r
        for r in responsible
        if (r.basis.assignment not in seconds and r.task not in second_tasks)
        or r.basis.assignment in keep
    )


def _new_core(ctx: Context, subj: SubjectInfo, unit: Unit, on: date, era: int) -> Core:
    table = subject_table(ctx, subj, on, era)
    chain = chain_ids(ctx, unit, on, era)
    # the place's own entries (kept only when a unit below it needed them too), then its
    # ancestors' (kept: shared by the places below them)
    own = table.entries(ctx, chain[0], on, era, keep=False, level=unit.level, chain=chain)
    parts = [own] if own.found else []
    kept = table.kept
    for i in range(1, len(chain)):
        part = kept.get(chain[i])
        if part is None:
            uid = chain[i]
            level = ctx.territory.get(uid).level
            part = table.entries(ctx, uid, on, era, level=level, chain=chain[i:])
        if part.found:
            parts.append(part)
    # the unlisted holders of assignments whose selector reaches this place (a plan's notices
    # stay where its selectors reach)
    unlisted: tuple[tuple[Assignment, Unlisted], ...] = ()
    if table.unlisted:
        unlisted = tuple(
            [(a, u) for a, u in table.unlisted if _resolve.reaches(ctx, a, chain, on, era)]
        )
    responsible, hops, roles = _NONE, _NO_HOPS, _NO_LAW_ROLES
    docs: frozenset[str] = _NO_TASKS
    levels: frozenset[str | None] = _NO_LEVELS
    has_lead = has_unknown = False
    if not parts:
        levels = intern_set(ctx, levels)
    else:
        if len(parts) == 1:
            p = parts[0]
            docs, levels, has_lead, has_unknown = p.docs, p.levels, p.has_lead, p.has_unknown
            has_via = p.has_via
            responsible = Lazy.of(_responsible_of, p.entries)  # (no tuple of one part kept)
        else:
            docs = union_sets(ctx, [p.docs for p in parts])
            levels = union_sets(ctx, [p.levels for p in parts])
            has_lead = any(p.has_lead for p in parts)
            has_unknown = any(p.has_unknown for p in parts)
            has_via = any(p.has_via for p in parts)
            responsible = Lazy.of(_merge, tuple([p.entries for p in parts]))
        if has_via:
            hops = Lazy.of(_hops_of, responsible)
        if table.has_law:
            roles = Lazy.of(_law_roles_of, responsible)
    notes: tuple[Notice, ...] = ()
    if ctx.notes:
        notes = ctx.notes_on(docs.union(a.basis.document for a, _ in unlisted), chain, on)
    if unlisted:
        tasks = intern_set(
            ctx, frozenset().union(*(p.tasks for p in parts), (a.task for a, _ in unlisted))
        )
    elif len(parts) == 1:
        tasks = parts[0].tasks
    else:
        tasks = union_sets(ctx, [p.tasks for p in parts]) if parts else _NO_TASKS
    return Core(
        responsible,
        hops,
        roles,
        _warnings(ctx, subj, on, table, docs, has_lead, has_unknown, unlisted),
        ladder(ctx, unit, on, era),
        levels,
        table.dated,
        notes,
        tasks,
        Lazy.of(_merge_holders, tuple([p.holders for p in parts if p.holders]))
        if parts and table.dated
        else None,
    )


def _merge_holders(parts: Sequence[Lazy[Held]]) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """task -> the posts and organizations holding it in the units of a chain (nearest
    first), as (Vietnamese, English) names: those in a meeting role, else every holder."""
    if len(parts) == 1:
        return {t: m or e for t, (m, e) in parts[0].get().items()}
    every: dict[str, dict[tuple[str, str], None]] = {}
    meeting: dict[str, dict[tuple[str, str], None]] = {}
    for part in parts:
        for t, (m, e) in part.get().items():
            every.setdefault(t, {}).update(dict.fromkeys(e))
            if m:
                meeting.setdefault(t, {}).update(dict.fromkeys(m))
    return {t: tuple(meeting.get(t) or held) for t, held in every.items()}


def _responsible_of(part: Lazy[tuple[Entry, ...]] | Found) -> tuple[Responsible, ...]:
    """The entries of the one unit of a chain with entries (already in answer order)."""
    return tuple([e[1] for e in _entries_of(part)])


def _merge(parts: Sequence[Lazy[tuple[Entry, ...]] | Found]) -> tuple[Responsible, ...]:
    """The entries of the units of a chain (nearest first), in answer order (a unit's
    entries not kept come as its rows and members: :meth:`SubjectTable.entries`)."""
    found: list[Entry] = []
    for p in parts:  # nearest first: the stable sort keeps that order between equal keys
        found.extend(_entries_of(p))
    found.sort(key=ENTRY_ORDER)
    return tuple([e[1] for e in found])


def _entries_of(part: Lazy[tuple[Entry, ...]] | Found) -> tuple[Entry, ...]:
    return part.get() if isinstance(part, Lazy) else unit_entries(part)


def _hops_of(responsible: Lazy[tuple[Responsible, ...]]) -> tuple[Hop, ...]:
    return _hops(responsible.get())


def _law_roles_of(responsible: Lazy[tuple[Responsible, ...]]) -> tuple[LawRoleInfo, ...]:
    return law_roles(responsible.get())


def _hops(responsible: Sequence[Responsible]) -> tuple[Hop, ...]:
    """The succession hops of the entries, each once, in answer order."""
    hops: dict[Hop, None] = {}
    last: tuple[Hop, ...] = ()
    for r in responsible:
        if r.via and r.via is not last:  # entries of one hit share their via
            hops.update(dict.fromkeys(r.via))
            last = r.via
    return tuple(hops)


def _warnings(
    ctx: Context,
    subj: SubjectInfo,
    on: date,
    table: SubjectTable,
    entry_docs: frozenset[str],
    has_lead: bool,
    has_unknown: bool,
    unlisted: Sequence[tuple[Assignment, Unlisted]],
) -> tuple[Notice, ...]:
    """The era-invariant warnings of an answer, one shared tuple per distinct case."""
    key = (
        entry_docs,
        has_lead,
        has_unknown,
        tuple([a.id for a, _ in unlisted]) if unlisted else (),
    )
    found = table.warnings.get(key)
    if found is not None:
        return found
    docs = frozenset(entry_docs.union(a.basis.document for a, _ in unlisted))
    doc_notices = table.docs_notices.get(docs)
    if doc_notices is None:
        doc_notices = table.docs_notices.setdefault(docs, document_notices(ctx, docs, on))
    out: list[Notice] = list(doc_notices)
    for a, u in unlisted:
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
    if subj.kind == "indicator" and not has_lead:
        out.append(notices.lead_unknown(subj.code))
    if has_unknown:
        out.append(notices.holder_unknown())
    return table.warnings.setdefault(key, tuple(out))


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
