"""Deadlines: the next due date of each deadline of a subject's tasks (in ``who`` answers),
the deadlines falling in a window (``agenda``), and the due date progress is measured
against. A deadline names a statute (its version in force on the day is used, and a notice
says when none is encoded or the figure is not sourced) or carries its own rule."""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

import attrs

from papi.duties import Role, Unlisted, innermost
from papi.errors import InvalidData, NotFound
from papi.governance import _orgs, _resolve, notices
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    Agenda,
    AgendaItem,
    DeadlineInfo,
    HolderRef,
    Notice,
    SubjectInfo,
    TaskHolders,
    task_sort_key,
)
from papi.governance.queries.duties import duties
from papi.rules import Fixed, Recurring, ReportingPeriod, Rule, Unscheduled

if TYPE_CHECKING:
    from papi.dates import Validity
    from papi.duties import Deadline, Task
    from papi.governance._context import Context
    from papi.governance.answers import LevelName
    from papi.organizations import Organization
    from papi.rules import Statute

__all__ = ["agenda", "due_for", "next_deadlines", "with_holders"]

_PAST: Literal["past"] = "past"


class _Ruled(NamedTuple):
    """The rule of a deadline on a day, its citation, and the notice it calls for."""

    rule: Rule | None
    citation: str | None
    notice: Notice | None


def rule_on(ctx: Context, dl: Deadline, on: date, task: str) -> _Ruled:
    """The rule of ``dl`` on ``on`` and its citation, with a :class:`Notice` when the statute
    has no version encoded for that day (the duty stands, its legal frequency or time limit is
    not known) or the version in force is not verified."""
    if dl.statute is None:
        rule: Rule | None = dl.rule
        if rule is None or not rule.validity.contains(on):
            return _Ruled(None, None, None)  # a plan's own rule only counts while in force
        cit = rule.citation
        own = None
        if isinstance(rule, Unscheduled):
            t = ctx.tasks.get(task)
            title_vi = t.title_vi if t is not None else task
            title_en = (t.title_en or t.title_vi) if t is not None else task
            own = notices.deadline_unknown_unscheduled(
                task, title_vi, title_en, rule.missing_vi or rule.missing, rule.missing
            )
        return _Ruled(rule, str(cit) if cit else None, own)
    if ctx.statute is None:
        return _Ruled(None, None, None)
    try:
        st = ctx.statute(dl.statute, on=on)
    except NotFound:
        return _Ruled(None, None, _statute_missing(ctx, dl.statute, on, task))
    citation = st.citation.text("en")
    notice = None
    if isinstance(st.rule, Unscheduled):
        rule_u = st.rule
        notice = notices.deadline_unknown_unscheduled(
            task, st.title_vi, st.title_en, rule_u.missing_vi or rule_u.missing, rule_u.missing
        )
    elif st.verified is False:
        notice = notices.statute_unverified(task, st, citation)
    return _Ruled(st.rule, citation, notice)


def _statute_missing(ctx: Context, key: str, on: date, task: str) -> Notice:
    """The ``deadline_unknown`` notice: the duty stands on ``on`` but no version of its
    statute is in force that day."""
    title_vi, title_en, until = key, key, None
    try:
        assert ctx.statute is not None
        latest: Statute = ctx.statute(key)
        title_vi, title_en = str(latest.title_vi), str(latest.title_en)
        until = latest.validity.valid_to
    except NotFound:
        pass
    return notices.deadline_unknown(task, title_vi, title_en, on, until)


def next_deadlines(
    ctx: Context,
    subj: SubjectInfo,
    on: date,
    levels: frozenset[str | None],
    held: frozenset[str] | None = None,
) -> tuple[tuple[DeadlineInfo, ...], tuple[Notice, ...]]:
    """The next deadlines of ``subj``'s tasks for organizations of ``levels`` (at most 12)
    and the notices on deadlines that cannot be shown, kept per day. With ``held``, only
    the tasks in it: those an answer's entries (or unlisted holders) carry, so that a plan
    whose assignments do not reach the place lends it no deadline."""
    key = (subj.kind, subj.code, levels, on, held)
    found = ctx.tables.days.get(key)
    if found is not ABSENT:
        return found
    tasks = subj.tasks if held is None else [t for t in subj.tasks if t in held]
    deadlines, found_notices = _next_deadlines(ctx, tasks, on, levels)
    if deadlines:  # one shared tuple per distinct list (the answers of many days share it)
        lists = ctx.tables.deadline_lists
        same = lists.get(deadlines)
        deadlines = lists.put(deadlines, deadlines) if same is ABSENT else same
    return ctx.tables.days.put(key, (deadlines, found_notices))


def _next_deadlines(
    ctx: Context, tasks: Iterable[str], on: date, levels: frozenset[str | None]
) -> tuple[tuple[DeadlineInfo, ...], tuple[Notice, ...]]:
    out: list[DeadlineInfo] = []
    found_notices: list[Notice] = []
    for tid in tasks:
        for dl in ctx.tasks[tid].deadlines:
            if dl.applies_to is not None and dl.applies_to not in levels:
                continue
            rule, citation, notice = rule_on(ctx, dl, on, tid)
            if notice is not None:
                found_notices.append(notice)
            if rule is None:
                continue
            due = _next_due(ctx, rule, dl.window, on)
            if due == _PAST:
                continue
            holder = _statute_holder(dl.statute)
            out.append(
                DeadlineInfo(
                    task=tid,
                    due=due if isinstance(due, date) else None,
                    description_vi=str(rule.describe("vi")),
                    description_en=str(rule.describe("en")),
                    citation=citation,
                    statute=dl.statute,
                    recurring=bool(rule.is_recurring),
                    applies_to=_level(dl),
                    holder_vi=holder[0] if holder else None,
                    holder_en=holder[1] if holder else None,
                )
            )
    uniq = list(dict.fromkeys(out))
    uniq.sort(key=lambda d: (d.due is None, d.due or date.max, d.task))
    return tuple(uniq[:12]), tuple(dict.fromkeys(found_notices))


def _statute_holder(key: str | None) -> tuple[str, str] | None:
    """The holder of statute ``key`` when the law's index names it as a post or organization
    of a level (or a private party): its names in Vietnamese and English. ``None`` for a
    holder defined by tasks (the answer's own holders of the task name it) or a statute the
    index does not hold."""
    found = _holder_names(key)
    return None if found is None or found[2] else found[:2]


#: at most this many holders are named in a deadline's ``holder_vi`` / ``holder_en``
_NAMED = 3


def with_holders(
    deadlines: tuple[DeadlineInfo, ...], held: Mapping[str, Sequence[tuple[str, str]]]
) -> tuple[DeadlineInfo, ...]:
    """``deadlines``, each without a holder given the holders of its task in ``held`` (task ->
    (Vietnamese, English) names, nearest first): a statute whose holder the law defines by
    tasks (``"người giải quyết khiếu nại lần đầu"``) prefixes them with that holder's name."""
    out: list[DeadlineInfo] = []
    texts: dict[str, tuple[str, str]] = {}
    for d in deadlines:
        names = held.get(d.task)
        if d.holder_vi is not None or not names:
            out.append(d)
            continue
        text = texts.get(d.task)
        if text is None:
            text = texts[d.task] = _holder_text(names)
        vi, en = text
        role = _holder_names(d.statute)
        if role is not None:  # a holder the law defines by tasks, named first
            vi, en = f"{role[0]}: {vi}", f"{role[1]}: {en}"
        out.append(_with_holder(d, vi, en))
    return tuple(out)


#: the fields of :class:`DeadlineInfo` but its holder's, read at once, and their slots' setters:
#: a copy with a holder is made without running ``__init__`` (``attrs.evolve`` cost as much
#: as the rest of a ward's answer)
_KEPT = tuple(
    f.name for f in attrs.fields(DeadlineInfo) if f.name not in ("holder_vi", "holder_en")
)
_READ = operator.attrgetter(*_KEPT)
_PUT = tuple(DeadlineInfo.__dict__[n].__set__ for n in _KEPT)
_PUT_VI = DeadlineInfo.__dict__["holder_vi"].__set__
_PUT_EN = DeadlineInfo.__dict__["holder_en"].__set__


def _with_holder(d: DeadlineInfo, vi: str, en: str) -> DeadlineInfo:
    """``attrs.evolve(d, holder_vi=vi, holder_en=en)``, made by setting its slots (the class
    has no validators or converters; its one computed default, ``citation_vi``, is copied)."""
    new = object.__new__(DeadlineInfo)
    for put, value in zip(_PUT, _READ(d), strict=True):
        put(new, value)
    _PUT_VI(new, vi)
    _PUT_EN(new, en)
    return new


def _holder_text(names: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The holders of a task as texts (Vietnamese, English): at most :data:`_NAMED` names,
    then how many more."""
    vi = ", ".join(n[0] for n in names[:_NAMED])
    en = ", ".join(n[1] for n in names[:_NAMED])
    if len(names) > _NAMED:
        more = len(names) - _NAMED
        vi += f" và {more} cơ quan, chức danh khác"
        en += f" and {more} more"
    return vi, en


@functools.cache
def _holder_names(key: str | None) -> tuple[str, str, bool] | None:
    """The names (Vietnamese, English) of the holder of statute ``key`` in the law's index,
    and whether the law defines it by tasks; ``None`` for a statute the index lacks (kept:
    the index is packaged data, read once)."""
    if key is None:
        return None
    from papi.law import HolderKind, statute_holder

    try:
        holder = statute_holder(key)
    except NotFound:
        return None
    return holder.name_vi, holder.name_en, holder.kind is HolderKind.TASK


def _next_due(
    ctx: Context, rule: Rule, window: Validity, on: date
) -> date | Literal["past"] | None:
    """The next due date on or after ``on``; None when the rule needs an event; ``"past"``
    when its window is over."""
    series = isinstance(rule, Recurring | ReportingPeriod)
    if window.valid_to is not None and window.valid_to <= on and not series:
        return _PAST
    if isinstance(rule, Recurring | ReportingPeriod):
        start = max(on, window.valid_from) if window.valid_from else on
        end = (
            (window.valid_to - timedelta(days=1))
            if window.valid_to
            else start + timedelta(days=400)
        )
        if window.valid_to is not None:
            # a one-off deadline inside a window: the first occurrence in the window
            first = window.valid_from or start
            occ = rule.occurrences(first, end + timedelta(days=120), ctx.calendar)
            occ = tuple(d for d in occ if d >= first)
            if not occ:
                return None
            return occ[0] if occ[0] >= on else _PAST
        if end < start:
            return _PAST
        # only the first occurrence is needed: look a few weeks ahead first (weekly and
        # monthly series), then the whole window
        near = start + timedelta(days=45)
        if near < end:
            occ = rule.occurrences(start, near, ctx.calendar)
            if occ:
                return occ[0]
        occ = rule.occurrences(start, end, ctx.calendar)
        return occ[0] if occ else None
    if isinstance(rule, Fixed):
        return rule.on if rule.on >= on else _PAST
    return None


# -------------------------------------------------------------------------------- agenda


def agenda(ctx: Context, of: object, start: date, end: date, within: object = None) -> Agenda:
    """The answer of :meth:`Governance.agenda <papi.governance.Governance.agenda>`."""
    if end < start:
        raise InvalidData("end must not be before start", path="end", value=end.isoformat())
    label: str | None = None
    held: dict[str, dict[str, tuple[Organization, set[Role]]]] | None = None
    levels_by_task: dict[str, set[str | None]] = {}
    if of is not None:
        answer = duties(ctx, of, start, within)
        label = answer.of
        held = {}
        for d in answer.items:
            orgs = held.setdefault(d.task, {})
            if d.organization.id not in orgs:
                orgs[d.organization.id] = (ctx.orgs.get(d.organization.id), set())
            orgs[d.organization.id][1].add(d.role)
            levels_by_task.setdefault(d.task, set()).add(_orgs.unit_level(ctx, d.organization))
    spans: list[tuple[Task, Deadline, Rule, str | None, date, date]] = []
    found_notices: dict[Notice, None] = {}
    for task in ctx.tasks.values():
        if held is not None and task.id not in held:
            continue
        for dl in task.deadlines:
            if (
                held is not None
                and dl.applies_to is not None
                and (dl.applies_to not in levels_by_task[task.id])
            ):
                continue
            for rule, citation, lo, hi in _rule_spans(ctx, dl, start, end, task.id, found_notices):
                spans.append((task, dl, rule, citation, lo, hi))
    dues = [(span, _occurrences(ctx, span[2], span[1].window, span[4], span[5])) for span in spans]
    tasks = {span[0].id for span, days in dues if days}
    if held is None:
        held = _holders(ctx, tasks, start)
    groups = {t: _holder_refs(ctx, held.get(t, {}), start) for t in tasks}
    items = [
        _agenda_item(task, dl, rule, citation, due, groups[task.id])
        for (task, dl, rule, citation, _, _), days in dues
        for due in days
    ]
    items.sort(key=lambda i: (i.due, i.task))
    return Agenda(
        of=label,
        start=start,
        end=end,
        items=tuple(items),
        holders=tuple(
            TaskHolders(task=t, organizations=groups[t]) for t in sorted(tasks, key=task_sort_key)
        ),
        warnings=tuple(found_notices),
    )


def _holders(
    ctx: Context, tasks: Iterable[str], on: date
) -> dict[str, dict[str, tuple[Organization, set[Role]]]]:
    """task -> organization id -> the organization and its roles: who holds each of
    ``tasks`` on ``on`` (placeholders of organizations named only in a text the data lacks
    left out)."""
    wanted = set(tasks)
    out: dict[str, dict[str, tuple[Organization, set[Role]]]] = {}
    for a in ctx.assignments:
        if a.task not in wanted or not a.validity.contains(on):
            continue
        if isinstance(innermost(a.selector), Unlisted):
            continue
        orgs = out.setdefault(a.task, {})
        for hit in _resolve.resolve(ctx, a.selector, on, ctx.ref_date(a)):
            orgs.setdefault(hit.org.id, (hit.org, set()))[1].add(a.role)
    return out


_ROLE_ORDER = {r: i for i, r in enumerate(Role)}


def _holder_refs(
    ctx: Context, orgs: Mapping[str, tuple[Organization, set[Role]]], on: date
) -> tuple[HolderRef, ...]:
    era = ctx.era(on)
    out: list[HolderRef] = []
    for oid in sorted(orgs):
        org, roles = orgs[oid]
        unit = ctx.territory.get(org.unit_id) if org.unit_id in ctx.territory else None
        post = _orgs.head_post(ctx, org, on, era)
        person = _orgs.holder(ctx, post, on, era).person if post is not None else None
        out.append(
            HolderRef(
                id=oid,
                name=org.name,
                unit=org.unit_id,
                level=unit.level.value if unit is not None else None,
                roles=tuple(sorted(roles, key=_ROLE_ORDER.__getitem__)),
                post=post.id if post is not None else None,
                person=person,
            )
        )
    return tuple(out)


def _rule_spans(
    ctx: Context, dl: Deadline, start: date, end: date, task: str, found: dict[Notice, None]
) -> list[tuple[Rule, str | None, date, date]]:
    """The rules of a deadline in force over ``[start, end]``, each with the stretch it
    governs: a statute may change inside the window (a new version, or none encoded).
    Notices on stretches without a computable rule go to ``found``."""
    out: list[tuple[Rule, str | None, date, date]] = []
    day = start
    while day <= end:
        rule, citation, notice = rule_on(ctx, dl, day, task)
        if notice is not None:
            found[notice] = None
        nxt = _next_version(ctx, dl, day, found=rule is not None)
        hi = end if nxt is None or nxt > end else nxt - timedelta(days=1)
        if rule is not None:
            out.append((rule, citation, day, hi))
        if nxt is None or nxt > end:
            break
        day = nxt
    return out


def _next_version(ctx: Context, dl: Deadline, day: date, *, found: bool) -> date | None:
    """The day after ``day`` on which the statute of ``dl`` changes, if known."""
    if dl.statute is None or ctx.statute is None:
        return None
    try:
        if found:
            end = ctx.statute(dl.statute, on=day).validity.valid_to
            return end if isinstance(end, date) and end > day else None
        begin = ctx.statute(dl.statute).validity.valid_from
        return begin if isinstance(begin, date) and begin > day else None
    except NotFound:
        return None


def _agenda_item(
    task: Task,
    dl: Deadline,
    rule: Rule,
    citation: str | None,
    due: date,
    holders: tuple[HolderRef, ...],
) -> AgendaItem:
    level = _level(dl)
    return AgendaItem(
        due=due,
        task=task.id,
        title_vi=task.title_vi,
        title_en=task.title_en,
        description_vi=str(rule.describe("vi")),
        description_en=str(rule.describe("en")),
        citation=citation,
        applies_to=level,
        holder_count=sum(1 for h in holders if level is None or h.level == level),
    )


def _level(dl: Deadline) -> LevelName | None:
    """The level a deadline applies to (the Builder checked it is one)."""
    return cast("LevelName | None", dl.applies_to)


def _occurrences(ctx: Context, rule: Rule, window: Validity, start: date, end: date) -> list[date]:
    if isinstance(rule, Recurring | ReportingPeriod):
        if window.valid_to is not None:
            first = window.valid_from or start
            occ = rule.occurrences(first, window.valid_to + timedelta(days=120), ctx.calendar)
            firsts = [d for d in occ if d >= first][:1]
            return [d for d in firsts if start <= d <= end]
        lo = max(start, window.valid_from) if window.valid_from else start
        return list(rule.occurrences(lo, end, ctx.calendar)) if lo <= end else []
    if isinstance(rule, Fixed) and start <= rule.on <= end:
        return [rule.on]
    return []


def due_for(ctx: Context, task: Task, level: str | None, on: date) -> date | None:
    """The one-off due date of ``task`` for an organization of ``level``, if it has one."""
    for dl in task.deadlines:
        if dl.applies_to is not None and dl.applies_to != level:
            continue
        rule = rule_on(ctx, dl, on, "").rule
        if rule is None:
            continue
        if dl.window.valid_to is not None and isinstance(rule, Recurring | ReportingPeriod):
            first = dl.window.valid_from or on
            occ = rule.occurrences(first, dl.window.valid_to + timedelta(days=120), ctx.calendar)
            later = [d for d in occ if d >= first]
            if later:
                return later[0]
        if isinstance(rule, Fixed):
            return rule.on
    return None
