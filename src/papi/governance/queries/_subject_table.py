"""The compiled per-subject tables behind ``who``: what each unit contributes to an answer.

The first question about a subject in an era compiles its :class:`SubjectTable`
(:func:`subject_table`): the subject's assignments in force, grouped by what their selector
picks (indexed by unit), and which groups pick something in each unit. What a unit
contributes to the answers of the places in it (:class:`UnitEntries`) is read from the
table once per (subject, era, unit): the rows of the groups reaching it (:class:`UnitRows`,
shared by every subject whose assignments use the selector) and what an answer derives from
them (documents, levels, flags, who holds each task: :func:`holders_of`), without making
entries. The entries themselves (:class:`Entry`: a ``Responsible`` with one integer ordering
it in an answer) are made when an answer's entries are first read
(:class:`~papi.governance.answers.Lazy`), once per unit. Assembling an answer from the units
of a place's chain is :mod:`papi.governance.queries.who`'s.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from papi.duties import Assignment, Role, Unlisted, innermost
from papi.governance import _indexes, _orgs, _resolve, notices
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    PRINCIPLE_HEAD,
    BasisInfo,
    Holder,
    Hop,
    Lazy,
    Notice,
    OrgInfo,
    PostInfo,
    Responsible,
    SubjectInfo,
    task_sort_key,
)

if TYPE_CHECKING:
    from papi.governance._context import Context
    from papi.governance._resolve import Hit, Row
    from papi.territory import Level

__all__ = [
    "ENTRY_ORDER",
    "Entry",
    "Found",
    "Held",
    "SubjectTable",
    "UnitEntries",
    "UnitRows",
    "holders_of",
    "intern_set",
    "subject_table",
    "union_sets",
    "unit_entries",
]

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
    #: the organizations of the head rows whose head's holder is of unknown status
    unknown_heads: tuple[str, ...]
    #: as bits: a row has succession hops (:data:`_VIA`), a plain row's holder is of unknown
    #: status (:data:`_UNKNOWN`), ``unknown_heads`` is not empty (:data:`_UNKNOWN_HEADS`); a
    #: unit's entries read one number per group
    flags: int


_VIA, _UNKNOWN, _UNKNOWN_HEADS = 1, 2, 4


class UnitEntries(NamedTuple):
    """What a unit contributes to the answers of the places in it (itself and below): its
    entries in answer order, made when an answer's entries are read (``entries``), and what
    the answer derives from them, computed from the rows without making them."""

    #: the rows and the members of each group of the subject table picking something here
    #: (flat, one tuple fewer kept per pair: see :func:`_pairs`)
    found: Found
    #: (or, in the entries of a unit not kept, ``found`` itself: see :meth:`SubjectTable.
    #: entries`)
    entries: Lazy[tuple[Entry, ...]] | Found
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
    #: who holds each task here (:func:`holders_of`), for the deadlines' holders
    holders: Lazy[Held] | None = None


_NOTHING = UnitEntries((), Lazy.made(()), frozenset(), frozenset(), False, False, False)
#: makes a NamedTuple (an :class:`Entry`, a :class:`UnitEntries`) from a tuple of all its
#: fields (calling the class runs Python code)
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


#: the sort key of entries in answer order (their ``k``)
ENTRY_ORDER = itemgetter(0)
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
        "_derived",
        "_lazy_groups",
        "_lock",
        "_reach",
        "_scopes",
        "active",
        "content",
        "dated",
        "docs_notices",
        "groups",
        "has_law",
        "kept",
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
                intern_set(ctx, frozenset(active[p].basis.document for p in positions)),
                any(active[p].assignment.role is _LEAD for p in positions),
                intern_set(ctx, frozenset(active[p].assignment.task for p in positions)),
            )
            for index, positions in groups.values()
        )
        # which groups pick something in each unit: read from the keys of an index whose
        # units are known; those evaluated per unit (a selector of People's Committees,
        # :class:`papi.governance._indexes.CommitteeIndex`) are looked at for every unit
        reach: dict[str | None, list[int]] = {}
        lazy: list[int] = []
        scopes: list[tuple[Level, str | None] | None] = []
        for pos, (index, *_) in enumerate(self.groups):
            if isinstance(index, _indexes.CommitteeIndex):
                lazy.append(pos)
                scopes.append((index.level, index.within))
            else:
                scopes.append(None)
                for uid in index:
                    reach.setdefault(uid, []).append(pos)
        self._lazy_groups = tuple(lazy)
        # per group looked at for every unit: the level of the units it picks in, and the unit
        # they lie in (a unit of another level, or outside it, is not looked up)
        self._scopes = tuple(scopes)
        # (with the groups looked at for every unit, in table order)
        self._reach = {uid: tuple(sorted((*positions, *lazy))) for uid, positions in reach.items()}
        #: the entries of the units kept (read-only outside this class: a hit here is a hit of
        #: :meth:`entries`)
        self.kept: dict[str | None, UnitEntries] = {}
        #: per set of groups present in a unit: their documents, tasks, and lead role
        self._derived: dict[tuple[int, ...], tuple[frozenset[str], frozenset[str], bool]] = {}
        #: document notices per set of documents used (the same for every place of the era)
        self.docs_notices: dict[frozenset[str], tuple[Notice, ...]] = {}
        #: the warnings of a core per (documents, lead found, holder unknown): shared tuples
        self.warnings: dict[
            tuple[frozenset[str], bool, bool, tuple[str, ...]], tuple[Notice, ...]
        ] = {}
        self._lock = threading.Lock()

    def entries(
        self,
        ctx: Context,
        uid: str,
        on: date,
        era: int,
        *,
        keep: bool = True,
        level: Level | None = None,
        chain: tuple[str, ...] = (),
    ) -> UnitEntries:
        """The entries of the assignments picking something in unit ``uid``, kept when
        ``keep`` (the entries of a unit asked about itself end up in its
        :class:`~papi.governance.queries.who.Core`, so they are kept only when a unit below
        it needs them too). The entries of a unit not kept hold its flat rows and
        members (``found``) in ``entries``, made into entries by the core that reads them: one
        object fewer per (subject, place). ``level`` and ``chain`` (the unit's level, and its id
        and its ancestors' on ``on``), when given, spare looking the unit up in the groups of
        People's Committees of other levels or places."""
        found = self.kept.get(uid)
        if found is None:
            made = self._make_entries(ctx, uid, on, era, keep, level, chain)
            if not keep:
                return made
            with self._lock:
                found = self.kept.setdefault(uid, made)
        return found

    def reach(self, uid: str) -> list[str]:
        """The ids of the assignments picking something in ``uid``, in table order."""
        return [g[0].id for index, group, *_ in self.groups if uid in index for g in group]

    def _make_entries(
        self,
        ctx: Context,
        uid: str,
        on: date,
        era: int,
        keep: bool,
        level: Level | None,
        chain: tuple[str, ...],
    ) -> UnitEntries:
        """What ``uid`` contributes: the rows of each group picking something there, and what
        an answer derives from its entries (documents, levels, flags), read from the rows
        and the groups; the entries themselves are made when first read
        (:func:`unit_entries`)."""
        found: list[UnitRows | tuple[_Member, ...]] = []
        present: list[int] = []
        levels: frozenset[str | None] | None = None
        other_levels: list[frozenset[str | None]] | None = None
        flags = 0
        rows_store = ctx.tables.rows
        hot = rows_store.hot
        groups = self.groups
        scopes = self._scopes if level is not None else ()
        for pos in self._reach.get(uid, self._lazy_groups):
            if scopes:
                scope = scopes[pos]
                if scope is not None and (
                    scope[0] is not level or (scope[1] is not None and scope[1] not in chain)
                ):
                    continue  # (a committee of another level, or elsewhere: no hit here)
            group = groups[pos]
            index = group[0]
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
            found += (stored, group[1])
            present.append(pos)
            flags |= stored.flags
            lv = stored.levels  # (interned: most units' rows share one set)
            if levels is None:
                levels = lv
            elif lv is not levels:
                if other_levels is None:
                    other_levels = [levels]
                other_levels.append(lv)
        if levels is None:
            return _NOTHING
        if other_levels is not None:
            levels = union_sets(ctx, other_levels)
        kept = tuple(found)
        # the groups' documents, tasks and lead role, per set of groups present
        key_present = tuple(present)
        derived = self._derived.get(key_present)
        if derived is None:
            derived = self._derived.setdefault(key_present, self._derive(ctx, key_present))
        docs, tasks, has_lead = derived
        has_unknown = bool(flags & _UNKNOWN)
        if flags & _UNKNOWN_HEADS and not has_unknown:
            has_unknown = _head_unknown(kept)
        return _entry(
            UnitEntries,
            (
                kept,
                Lazy.of(unit_entries, kept) if keep else kept,
                docs,
                levels,
                bool(flags & _VIA),
                has_lead,
                has_unknown,
                tasks,
                Lazy.of(holders_of, kept) if self.dated else None,
            ),
        )

    def _derive(
        self, ctx: Context, present: tuple[int, ...]
    ) -> tuple[frozenset[str], frozenset[str], bool]:
        """The documents, tasks and lead role of the groups at ``present``."""
        picked = [self.groups[p] for p in present]
        if len(picked) == 1:
            return picked[0][2], picked[0][4], picked[0][3]
        return (
            union_sets(ctx, [g[2] for g in picked]),
            union_sets(ctx, [g[4] for g in picked]),
            any(g[3] for g in picked),
        )


def _pairs(found: Found) -> Iterator[tuple[UnitRows, tuple[_Member, ...]]]:
    """The (rows, members of the group) pairs of a flat :attr:`UnitEntries.found` (kept flat:
    a unit's entries are made for every (subject, place) asked about, and each tuple kept is
    one more object for the garbage collector to scan)."""
    return zip(found[0::2], found[1::2], strict=True)  # type: ignore[arg-type]


def _explicit_acc(found: Found) -> set[tuple[str, str]]:
    """The (organization, task) pairs an accountable assignment names in a unit: no head-of-
    organization entry is made for them."""
    return {
        (row.org_id, m[0].task)
        for stored, members in _pairs(found)
        for m in members
        if m[1]
        for row in stored.rows
    }


def _head_unknown(found: Found) -> bool:
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


def unit_entries(found: Found) -> tuple[Entry, ...]:
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
    out.sort(key=ENTRY_ORDER)  # stable: equal keys keep the order above
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
        heads = tuple([r for r in plain if r.head_id is not None])
        if len(heads) == len(plain):  # (one tuple fewer kept)
            heads = plain
    flags = 0
    levels: set[str | None] = set()
    for r in plain:
        levels.add(_orgs.unit_level(ctx, r.org))
        if r.via:
            flags |= _VIA
        if r.holder is not None and r.holder.status == "unknown":
            flags |= _UNKNOWN
    unknown_heads = tuple(
        [r.org_id for r in heads if r.head_holder is not None and r.head_holder.status == "unknown"]
    )
    if unknown_heads:
        flags |= _UNKNOWN_HEADS
    return _entry(
        UnitRows,
        (
            index,
            plain,
            heads,
            intern_set(ctx, frozenset(levels)),
            unknown_heads,
            flags,
        ),
    )


#: one assignment of a group of :attr:`SubjectTable.groups`
_Member = tuple[Assignment, bool, int, int, int, int, BasisInfo, BasisInfo]
#: a unit's rows and the members of their group, flat: rows, members, rows, members ...
Found = tuple["UnitRows | tuple[_Member, ...]", ...]


def intern_set(ctx: Context, value: _F) -> _F:
    """One shared object per distinct frozen set (most units' sets are equal)."""
    frozen = ctx.tables.frozen
    found = frozen.hot.get(value, ABSENT)
    if found is ABSENT:
        found = frozen.get(value)
        if found is ABSENT:
            found = frozen.put(value, value)
    return found  # type: ignore[return-value]


def union_sets(ctx: Context, sets: Sequence[_F]) -> _F:
    """The union of interned frozen sets, interned; kept per tuple of the sets (the same few
    combinations recur in every unit)."""
    key = tuple(sets)
    unions = ctx.tables.unions
    found = unions.hot.get(key, ABSENT)
    if found is ABSENT:
        found = unions.get(key)
        if found is ABSENT:
            found = unions.put(key, intern_set(ctx, frozenset().union(*sets)))
    return found  # type: ignore[return-value]


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
                _indexes.by_unit(ctx, a.selector, on, ref),
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


#: the plan roles whose holders must meet a task's deadlines (the others advise, coordinate,
#: guide, or answer for them as heads); when a task has none here, every holder counts
_MEETING = frozenset({Role.LEAD, Role.IMPLEMENT, Role.REPORT})


#: task -> (names of the holders in a meeting role, names of every holder), each name as
#: (Vietnamese, English)
Held = Mapping[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]]


def holders_of(found: Found) -> Held:
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


def _row_names(org: OrgInfo, post: PostInfo | None) -> tuple[str, str]:
    """``("Chủ tịch Ủy ban nhân dân phường Hải Châu", "Chairperson of Ủy ban nhân dân
    phường Hải Châu")``: a post with its organization, or the organization."""
    org_en = org.name_en or org.name
    if post is None:
        return org.name, org_en
    return f"{post.name} {org.name}", f"{post.name_en or post.name} of {org_en}"
