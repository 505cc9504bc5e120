"""``who``: who holds which role for a subject in a place on a day, on what basis.

Compiled, then read. The first question about a subject in an era compiles its
:class:`SubjectTable`: the subject's assignments in force, grouped by what their selector
picks (indexed by unit), and which groups pick something in each unit. A question about a
place then walks the place's chain (the unit and its ancestors) and takes from the table what
each unit of the chain contributes (:class:`UnitEntries`: the rows of the groups reaching it
and what an answer derives from them, once per (subject, era, unit) and shared by every place
below it): its cost does not depend on the assignments that do not reach the place. That
era-invariant part (:class:`Core`) is kept per (subject, place, era); a question on another
day of the era adds only the day's deadlines and notices. The entries themselves
(``Responsible`` objects, deduplicated and merged in answer order) are made when an answer's
entries are first read (:class:`~papi.governance.answers.Lazy`), once per unit and per
``Core``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from operator import itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from papi.duties import Assignment, Role, Unlisted, innermost
from papi.governance import _orgs, _resolve, notices
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    PRINCIPLE_HEAD,
    Accountability,
    BasisInfo,
    DeadlineInfo,
    EscalationStep,
    Holder,
    Hop,
    LawRoleInfo,
    Lazy,
    Notice,
    OrgInfo,
    PostInfo,
    Responsible,
    SubjectInfo,
    lazy_accountability,
    task_sort_key,
)
from papi.governance.queries.deadlines import next_deadlines, with_holders
from papi.governance.queries.escalation import chain_ids, ladder

if TYPE_CHECKING:
    from papi.governance._context import Context
    from papi.governance._resolve import Hit, Row
    from papi.territory import Unit

__all__ = ["Core", "Entry", "SubjectTable", "who"]

_ROLE_ORDER = {r: i for i, r in enumerate(Role)}
_ACC = Role.ACCOUNTABLE
_ACC_RANK = _ROLE_ORDER[_ACC]
_F = TypeVar("_F", frozenset[str], frozenset[str | None])


class Entry(NamedTuple):
    """A :class:`Responsible` entry of a unit in a subject's table, with its place in an
    answer."""

    #: (role rank, has succession hops, task), then the assignment's position in the subject's
    #: table, as one integer (see :func:`_order`); entries of equal ``k`` keep the order of
    #: the chain (nearest unit first) and, within a unit, of the assignment's rows
    k: int
    responsible: Responsible


class UnitRows(NamedTuple):
    """What a selector picks in a unit, ready to make entries: kept per (index of the
    selector's hits by unit, unit), shared by every subject whose assignments use the
    selector."""

    #: the index the rows were made from (a key whose index was dropped is never mistaken)
    source: Mapping[str | None, tuple[Hit, ...]]
    #: the rows for plain entries, and those for head-of-organization entries
    rows: tuple[Row, ...]
    heads: tuple[Row, ...]
    #: the levels of the units the rows' organizations serve
    levels: frozenset[str | None]
    #: a row has succession hops / a plain row's holder is of unknown status
    has_via: bool
    unknown: bool
    #: the organizations of the head rows whose head's holder is of unknown status
    unknown_heads: tuple[str, ...]


class UnitEntries(NamedTuple):
    """What a unit contributes to the answers of the places in it (itself and below): its
    entries in answer order, made when an answer's entries are read (``entries``), and what
    the answer derives from them, computed from the rows without making them."""

    #: the rows and the members of each group of the subject table picking something here
    #: (flat, one tuple fewer kept per pair: see :func:`_pairs`)
    found: _Found
    entries: Lazy[tuple[Entry, ...]]
    #: the documents of the entries' bases
    docs: frozenset[str]
    #: the levels of the units the entries' organizations serve
    levels: frozenset[str | None]
    #: an entry has succession hops / the role ``lead`` / a holder of unknown status
    has_via: bool
    has_lead: bool
    has_unknown: bool
    #: the tasks of the entries (the answer's deadlines are theirs)
    tasks: frozenset[str] = frozenset()
    #: who holds each task here (:func:`_holders_of`), for the deadlines' holders
    holders: Lazy[_Held] | None = None


_NOTHING = UnitEntries((), Lazy.made(()), frozenset(), frozenset(), False, False, False)

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
    """``Responsible(role=..., ...)`` at a fraction of the cost: the class has no validators
    or converters, so setting its slots directly makes the same object (the compiled tables
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


_K = itemgetter(0)
_LEAD = Role.LEAD


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

    __slots__ = (
        "_entries",
        "_lazy_groups",
        "_lock",
        "_reach",
        "active",
        "content",
        "dated",
        "docs_notices",
        "groups",
        "has_law",
        "unlisted",
        "warnings",
    )

    def __init__(
        self,
        ctx: Context,
        active: tuple[_Active, ...],
        unlisted: tuple[tuple[Assignment, Unlisted], ...],
        content: tuple[Notice, ...],
        has_law: bool,
        dated: bool,
    ) -> None:
        #: a task of the subject belongs to the law's duties (its entries have law roles)
        self.has_law = has_law
        #: a task of the subject has deadlines
        self.dated = dated
        self.active = active
        self.unlisted = unlisted
        self.content = content
        groups: dict[int, tuple[Mapping[str | None, tuple[Hit, ...]], list[int]]] = {}
        for pos, act in enumerate(active):
            groups.setdefault(id(act.by_unit), (act.by_unit, []))[1].append(pos)
        #: the assignments grouped by the index of what their selector picks (assignments
        #: with equal selectors share one): a unit is looked up, and its rows made, once per
        #: distinct selector; each group as (index, members, the documents of the members'
        #: bases, a member has the role ``lead``, the members' tasks), each member as (assignment, is
        #: accountable, its two plain orders, its two head orders, basis, head basis)
        self.groups = tuple(
            (
                index,
                tuple(
                    (
                        active[p].assignment,
                        active[p].assignment.role is _ACC,
                        *active[p].k_plain,
                        *active[p].k_head,
                        active[p].basis,
                        active[p].head_basis,
                    )
                    for p in positions
                ),
                _intern(ctx, frozenset(active[p].basis.document for p in positions)),
                any(active[p].assignment.role is _LEAD for p in positions),
                _intern(ctx, frozenset(active[p].assignment.task for p in positions)),
            )
            for index, positions in groups.values()
        )
        # which groups pick something in each unit: those whose index is a plain mapping,
        # read from its keys; those evaluated per unit (a selector of People's Committees,
        # :func:`papi.governance._resolve.by_unit`) are looked at for every unit
        reach: dict[str | None, list[int]] = {}
        lazy: list[int] = []
        for pos, (index, *_) in enumerate(self.groups):
            if isinstance(index, MappingProxyType):
                for uid in index:
                    reach.setdefault(uid, []).append(pos)
            else:
                lazy.append(pos)
        self._lazy_groups = tuple(lazy)
        self._reach = {uid: tuple(positions) for uid, positions in reach.items()}
        self._entries: dict[str | None, UnitEntries] = {}
        #: document notices per set of documents used (the same for every place of the era)
        self.docs_notices: dict[frozenset[str], tuple[Notice, ...]] = {}
        #: the warnings of a core per (documents, lead found, holder unknown): shared tuples
        self.warnings: dict[
            tuple[frozenset[str], bool, bool, tuple[str, ...]], tuple[Notice, ...]
        ] = {}
        self._lock = threading.Lock()

    def entries(
        self, ctx: Context, uid: str, on: date, era: int, *, keep: bool = True
    ) -> UnitEntries:
        """The entries of the assignments picking something in unit ``uid``, kept when
        ``keep`` (the entries of a unit asked about itself end up in its :class:`Core`, so
        they are kept only when a unit below it needs them too)."""
        found = self._entries.get(uid)
        if found is None:
            made = self._make_entries(ctx, uid, on, era)
            if not keep:
                return made
            with self._lock:
                found = self._entries.setdefault(uid, made)
        return found

    def reach(self, uid: str) -> list[str]:
        """The ids of the assignments picking something in ``uid``, in table order."""
        return [g[0].id for index, group, *_ in self.groups if uid in index for g in group]

    def _make_entries(self, ctx: Context, uid: str, on: date, era: int) -> UnitEntries:
        """What ``uid`` contributes: the rows of each group picking something there, and what
        an answer derives from its entries (documents, levels, flags), read from the rows
        and the groups; the entries themselves are made when first read
        (:func:`_unit_entries`)."""
        found: list[UnitRows | tuple[_Member, ...]] = []
        docs: list[frozenset[str]] = []
        levels: list[frozenset[str | None]] = []
        tasks: list[frozenset[str]] = []
        has_via = has_lead = has_unknown = heads_unknown = False
        rows_store = ctx.tables.rows
        hot = rows_store.hot
        groups = self.groups
        positions = self._reach.get(uid)
        if positions is None:
            positions = self._lazy_groups
        elif self._lazy_groups:
            positions = tuple(sorted((*positions, *self._lazy_groups)))
        for pos in positions:
            index, members, g_docs, g_lead, g_tasks = groups[pos]
            key = (id(index), uid)
            stored = hot.get(key, ABSENT)
            if stored is ABSENT:
                stored = rows_store.get(key)
            if stored is ABSENT or stored.source is not index:
                hits = index.get(uid)
                if hits is None:
                    continue
                stored = rows_store.put(key, _unit_rows(ctx, index, hits, on, era))
                if stored.source is not index:  # a stale entry of an index no longer kept
                    stored = _unit_rows(ctx, index, hits, on, era)
            if not stored.rows:
                continue
            found += (stored, members)
            docs.append(g_docs)
            levels.append(stored.levels)
            tasks.append(g_tasks)
            has_via = has_via or stored.has_via
            has_lead = has_lead or g_lead
            has_unknown = has_unknown or stored.unknown
            heads_unknown = heads_unknown or bool(stored.unknown_heads)
        if not found:
            return _NOTHING
        kept = tuple(found)
        if heads_unknown and not has_unknown:
            has_unknown = _head_unknown(kept)
        return UnitEntries(
            found=kept,
            entries=Lazy.of(_unit_entries, kept),
            docs=docs[0] if len(docs) == 1 else _union(ctx, docs),
            levels=levels[0] if len(levels) == 1 else _union(ctx, levels),
            has_via=has_via,
            has_lead=has_lead,
            has_unknown=has_unknown,
            tasks=tasks[0] if len(tasks) == 1 else _intern(ctx, frozenset().union(*tasks)),
            holders=Lazy.of(_holders_of, kept) if self.dated else None,
        )


def _pairs(found: _Found) -> Iterator[tuple[UnitRows, tuple[_Member, ...]]]:
    """The (rows, members of the group) pairs of a flat :attr:`UnitEntries.found` (kept flat:
    a unit's entries are made for every (subject, place) asked about, and each tuple kept is
    one more object for the garbage collector to scan)."""
    return zip(found[0::2], found[1::2], strict=True)  # type: ignore[arg-type]


def _explicit_acc(found: _Found) -> set[tuple[str, str]]:
    """The (organization, task) pairs an accountable assignment names in a unit: no head-of-
    organization entry is made for them."""
    return {
        (row.org_id, m[0].task)
        for stored, members in _pairs(found)
        for m in members
        if m[1]
        for row in stored.rows
    }


def _head_unknown(found: _Found) -> bool:
    """Whether a head-of-organization entry of a unit has a holder of unknown status."""
    explicit = _explicit_acc(found)
    return any(
        (org_id, m[0].task) not in explicit
        for stored, members in _pairs(found)
        if stored.unknown_heads
        for m in members
        if not m[1]
        for org_id in stored.unknown_heads
    )


def _unit_entries(found: _Found) -> tuple[Entry, ...]:
    """The entries of a unit, without repeats and in answer order. Every entry of an
    assignment is made from the rows of its selector's hits in the unit (rows without
    repeats: an assignment's entries never repeat each other)."""
    explicit_acc = _explicit_acc(found)
    make, entry = _responsible, _entry
    out: list[Entry] = []
    append = out.append
    # equal keys only within one assignment's plain (or head) entries, in row order
    for stored, members in _pairs(found):
        rows, heads = stored.rows, stored.heads
        for a, acc, kp0, kp1, kh0, kh1, plain, head_basis in members:
            role, task = a.role, a.task
            for row in rows:
                r = make(role, task, row.org, row.post, row.holder, plain, row.via)
                append(entry(Entry, (kp1 if row.via else kp0, r)))
            if acc:
                continue
            # the người đứng đầu principle: the head answers for what the organization
            # is assigned, unless an assignment names that head for the task
            for row in heads:
                if (row.org_id, task) in explicit_acc:
                    continue
                r = make(_ACC, task, row.org, row.head, row.head_holder, head_basis, row.via)
                append(entry(Entry, (kh1 if row.via else kh0, r)))
    out.sort(key=_K)  # stable: equal keys keep the order above
    return tuple(out)


def _unit_rows(
    ctx: Context,
    index: Mapping[str | None, tuple[Hit, ...]],
    hits: Sequence[Hit],
    on: date,
    era: int,
) -> UnitRows:
    """The rows of a selector's hits in a unit for plain entries, and those for head-of-
    organization entries (rows with a head post; rows of HeadsOf hits have none), each
    without repeats (same organization, post and hops: the first is kept), so that an
    assignment's entries repeat none."""
    rows = _resolve.rows(ctx, hits, on, era)
    plain: tuple[Row, ...] = rows
    heads: tuple[Row, ...] = ()
    if len(rows) == 1:
        heads = rows if rows[0].head_id is not None else ()
    else:
        kept: list[Row] = []
        seen: set[tuple[str, str | None, tuple[Hop, ...]]] = set()
        for r in rows:
            key = (r.org_id, r.post_id, r.via)
            if key not in seen:
                seen.add(key)
                kept.append(r)
        # the head post is the organization's, so a row repeating another's organization
        # and hops repeats its head entry too
        plain = tuple(kept)
        heads = tuple(r for r in plain if r.head_id is not None)
    return UnitRows(
        source=index,
        rows=plain,
        heads=heads,
        levels=_intern(ctx, frozenset(_orgs.unit_level(ctx, r.org) for r in plain)),
        has_via=any(r.via for r in plain),
        unknown=any(r.holder is not None and r.holder.status == "unknown" for r in plain),
        unknown_heads=tuple(
            r.org_id
            for r in heads
            if r.head_holder is not None and r.head_holder.status == "unknown"
        ),
    )


#: one assignment of a group of :attr:`SubjectTable.groups`
_Member = tuple[Assignment, bool, int, int, int, int, BasisInfo, BasisInfo]
#: a unit's rows and the members of their group, flat: rows, members, rows, members ...
_Found = tuple["UnitRows | tuple[_Member, ...]", ...]


def _intern(ctx: Context, value: _F) -> _F:
    """One shared object per distinct frozen set (most units' sets are equal)."""
    frozen = ctx.tables.frozen
    found = frozen.hot.get(value, ABSENT)
    if found is ABSENT:
        found = frozen.get(value)
        if found is ABSENT:
            found = frozen.put(value, value)
    return found  # type: ignore[return-value]


def _union(ctx: Context, sets: Sequence[_F]) -> _F:
    """The union of interned frozen sets, interned; kept per tuple of the sets (the same few
    combinations recur in every unit)."""
    key = tuple(sets)
    unions = ctx.tables.unions
    found = unions.hot.get(key, ABSENT)
    if found is ABSENT:
        found = unions.get(key)
        if found is ABSENT:
            found = unions.put(key, _intern(ctx, frozenset().union(*sets)))
    return found  # type: ignore[return-value]


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
    #: holders of the answer's deadlines (:func:`_holders_of`), made when first needed
    holders: Lazy[Mapping[str, tuple[tuple[str, str], ...]]] | None = None


_NONE: Lazy[tuple[Responsible, ...]] = Lazy.made(())
_NO_HOPS: Lazy[tuple[Hop, ...]] = Lazy.made(())
_NO_LAW_ROLES: Lazy[tuple[LawRoleInfo, ...]] = Lazy.made(())


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
    table = SubjectTable(
        ctx,
        tuple(active),
        tuple(unlisted),
        content,
        any(t.startswith("law.") for t in subj.tasks),
        any(ctx.tasks[t].deadlines for t in subj.tasks),
    )
    return ctx.tables.subjects.put(key, table)


def who(ctx: Context, subject: str, place: _resolve.Place, on: date) -> Accountability:
    """The answer of :meth:`Governance.who <papi.governance.Governance.who>`: its entries,
    hops and law roles are made when first read (:func:`~papi.governance.answers.
    lazy_accountability`)."""
    subj = _resolve.subject(ctx, subject)
    unit, where_hops = _resolve.where(ctx, place, on)
    core = _core(ctx, subj, unit, on)
    warnings: list[Notice] = []
    if where_hops:
        warnings.append(_resolve.where_notice(place, unit, where_hops, on))
    deadlines: tuple[DeadlineInfo, ...] = ()
    deadline_notices: tuple[Notice, ...] = ()
    if core.dated:
        deadlines, deadline_notices = next_deadlines(ctx, subj, on, core.levels, core.tasks)
    if core.holders is not None and any(d.holder_vi is None for d in deadlines):
        deadlines = with_holders(deadlines, core.holders.get())
    coverage = _resolve.unit_coverage_notices(ctx, on, unit)
    if warnings or deadline_notices or coverage or core.notes:
        warnings.extend(core.warnings)
        warnings.extend(deadline_notices)
        warnings.extend(coverage)
        warnings.extend(core.notes)
        all_warnings = tuple(warnings)
    else:  # the core's own (shared) tuple
        all_warnings = core.warnings
    hops = core.hops
    if where_hops:
        hops = Lazy.made(tuple(dict.fromkeys((*where_hops, *core.hops.get()))))
    responsible, roles = core.responsible, core.law_roles
    if subj.kind == "topic":
        every = core.responsible.get()
        kept = second_instance_above(ctx, every, unit, on)
        dropped = {r.task for r in every} - {r.task for r in kept}
        if dropped:  # the second instances above others: their deadlines are not the place's
            deadlines = tuple(d for d in deadlines if d.task not in dropped)
        responsible, roles = Lazy.made(kept), Lazy.made(law_roles(kept))
    return lazy_accountability(
        subj,
        _resolve.unit_info_of(ctx, unit),
        on,
        responsible,
        core.escalation,
        deadlines,
        hops,
        all_warnings,
        roles,
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


def _core(ctx: Context, subj: SubjectInfo, unit: Unit, on: date) -> Core:
    era = ctx.era(on)
    key = (subj.kind, subj.code, unit.id, era)
    found = ctx.tables.cores.get(key)
    if found is not ABSENT:
        return found
    return ctx.tables.cores.put(key, _new_core(ctx, subj, unit, on, era))


def _new_core(ctx: Context, subj: SubjectInfo, unit: Unit, on: date, era: int) -> Core:
    table = subject_table(ctx, subj, on, era)
    chain = chain_ids(ctx, unit, on, era)
    parts = [
        part
        for depth, uid in enumerate(chain)
        if (part := table.entries(ctx, uid, on, era, keep=depth > 0)).found
    ]
    # the unlisted holders of assignments whose selector reaches this place (a plan's notices
    # stay where its selectors reach)
    unlisted = tuple((a, u) for a, u in table.unlisted if _resolve.reaches(ctx, a, chain, on))
    responsible, hops, roles = _NONE, _NO_HOPS, _NO_LAW_ROLES
    docs: frozenset[str] = frozenset()
    levels: frozenset[str | None] = frozenset()
    has_lead = has_unknown = False
    if not parts:
        levels = _intern(ctx, levels)
    else:
        if len(parts) == 1:
            p = parts[0]
            docs, levels, has_lead, has_unknown = p.docs, p.levels, p.has_lead, p.has_unknown
        else:
            docs = _union(ctx, [p.docs for p in parts])
            levels = _union(ctx, [p.levels for p in parts])
            has_lead = any(p.has_lead for p in parts)
            has_unknown = any(p.has_unknown for p in parts)
        responsible = Lazy.of(_merge, tuple([p.entries for p in parts]))
        if any(p.has_via for p in parts):
            hops = Lazy.of(_hops_of, responsible)
        if table.has_law:
            roles = Lazy.of(_law_roles_of, responsible)
    return Core(
        responsible=responsible,
        hops=hops,
        law_roles=roles,
        warnings=_warnings(ctx, subj, on, table, docs, has_lead, has_unknown, unlisted),
        escalation=ladder(ctx, unit, on, era),
        levels=levels,
        dated=table.dated,
        notes=ctx.notes_on(docs.union(a.basis.document for a, _ in unlisted), chain, on),
        tasks=_intern(
            ctx, frozenset().union(*(p.tasks for p in parts), (a.task for a, _ in unlisted))
        ),
        holders=Lazy.of(_merge_holders, tuple([p.holders for p in parts if p.holders]))
        if parts and table.dated
        else None,
    )


#: the plan roles whose holders must meet a task's deadlines (the others advise, coordinate,
#: guide, or answer for them as heads); when a task has none here, every holder counts
_MEETING = frozenset({Role.LEAD, Role.IMPLEMENT, Role.REPORT})


#: task -> (names of the holders in a meeting role, names of every holder), each name as
#: (Vietnamese, English)
_Held = Mapping[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]]


def _holders_of(found: _Found) -> _Held:
    """Who holds each task in a unit, read from the rows without making entries (once per
    unit: a province's part is shared by every place in it)."""
    every: dict[str, dict[tuple[str, str], None]] = {}
    meeting: dict[str, dict[tuple[str, str], None]] = {}
    for stored, members in _pairs(found):
        names = dict.fromkeys(_row_names(row.org, row.post) for row in stored.rows)
        for m in members:
            a = m[0]
            every.setdefault(a.task, {}).update(names)
            if a.role in _MEETING:
                meeting.setdefault(a.task, {}).update(names)
    return {t: (tuple(meeting.get(t, ())), tuple(held)) for t, held in every.items()}


def _merge_holders(parts: Sequence[Lazy[_Held]]) -> Mapping[str, tuple[tuple[str, str], ...]]:
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


def _row_names(org: OrgInfo, post: PostInfo | None) -> tuple[str, str]:
    """``("Chủ tịch Ủy ban nhân dân phường Hải Châu", "Chairperson of Ủy ban nhân dân
    phường Hải Châu")``: a post with its organization, or the organization."""
    org_en = org.name_en or org.name
    if post is None:
        return org.name, org_en
    return f"{post.name} {org.name}", f"{post.name_en or post.name} of {org_en}"


def _merge(parts: Sequence[Lazy[tuple[Entry, ...]]]) -> tuple[Responsible, ...]:
    """The entries of the units of a chain (nearest first), in answer order."""
    if len(parts) == 1:  # already in answer order
        return tuple([e[1] for e in parts[0].get()])
    found: list[Entry] = []
    for p in parts:  # nearest first: the stable sort keeps that order between equal keys
        found.extend(p.get())
    found.sort(key=_K)
    return tuple([e[1] for e in found])


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
    key = (entry_docs, has_lead, has_unknown, tuple(a.id for a, _ in unlisted))
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
