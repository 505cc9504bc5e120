"""The aggregate model and its queries: who is accountable, here, by when, on what basis.

A :class:`Governance` is an immutable snapshot of everything papi knows: the PAPI framework,
the territory and its organizations, the working-day calendar, the statutory rules, and the
documents, tasks, assignments and progress reports. It is made by a :class:`Builder`, which
validates everything and reports every problem at once, and derives the indexes that make
queries fast. Every query takes the day it is about (``on=``); nothing here reads the clock.

The answers (:class:`Accountability`, :class:`Duties`, :class:`Agenda`, :class:`Overdue`,
:class:`Escalation`, :class:`Gaps`) are plain frozen data: ``to_dict()`` gives JSON-ready
dicts with a versioned ``schema`` key, ``from_dict()`` reads them back unchanged, and
``explain(lang)`` / ``rows()`` render them for people.
"""

from __future__ import annotations

import bisect
import importlib
import re
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import attrs
from cattrs.preconf.json import make_converter

from papi.dates import Validity, parse_date
from papi.duties import (
    Assignment,
    CommitteesOf,
    DepartmentsBySector,
    Document,
    HeadsOf,
    OrgById,
    Role,
    Selector,
    Task,
    Unlisted,
    innermost,
)
from papi.errors import Ambiguous, InvalidData, NotFound, Problem
from papi.progress import Report, Status, status_of
from papi.rules import citation_vi
from papi.text import NameIndex

__all__ = [
    "Accountability",
    "Agenda",
    "AgendaItem",
    "BasisInfo",
    "Builder",
    "DeadlineInfo",
    "Duties",
    "DutyItem",
    "Escalation",
    "EscalationStep",
    "Gap",
    "Gaps",
    "Governance",
    "Holder",
    "Hop",
    "Notice",
    "OrgInfo",
    "Overdue",
    "OverdueItem",
    "PostInfo",
    "Responsible",
    "SubjectInfo",
    "UnitInfo",
    "citation_vi",
]

PRINCIPLE_HEAD = "nguoi_dung_dau"

# --------------------------------------------------------------------------- answer data


@attrs.frozen(kw_only=True, cache_hash=True)
class UnitInfo:
    """An administrative unit as shown in answers."""

    id: str
    code: str
    name: str
    level: str


@attrs.frozen(kw_only=True, cache_hash=True)
class OrgInfo:
    """An organization as shown in answers (``unit`` is the unit it serves)."""

    id: str
    name: str
    name_en: str | None
    kind: str
    unit: str | None


@attrs.frozen(kw_only=True, cache_hash=True)
class PostInfo:
    """A post (chairperson, director...) as shown in answers."""

    id: str
    name: str
    name_en: str | None


@attrs.frozen(kw_only=True, cache_hash=True)
class Holder:
    """Who holds a post on the day: ``status`` is ``"known"`` (``person`` named), ``"vacant"``
    (a source says the post is empty) or ``"unknown"`` (the data does not say)."""

    status: str
    person: str | None = None
    since: date | None = None
    sources: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        """``"Vũ Đại Thắng"``, ``"(trống)"`` / ``"(vacant)"`` or ``"(chưa rõ)"`` / ``"(unknown)"``."""
        if self.status == "known" and self.person:
            return self.person
        if self.status == "vacant":
            return "(trống)" if lang == "vi" else "(vacant)"
        return "(chưa rõ người giữ chức)" if lang == "vi" else "(holder unknown)"


@attrs.frozen(kw_only=True, cache_hash=True)
class BasisInfo:
    """What put an entry in an answer: the assignment, the document and its reference.
    ``principle`` is ``"nguoi_dung_dau"`` when the entry follows from the head-of-organization
    principle rather than from an explicit assignment."""

    assignment: str
    document: str
    citation_vi: str
    citation_en: str
    reference: str
    principle: str | None = None


@attrs.frozen(kw_only=True, cache_hash=True)
class Hop:
    """One succession step taken while resolving: ``abolished`` (names of what ended) passed to
    ``successors`` on ``effective`` by ``act``."""

    kind: str
    effective: date
    act: str
    abolished: tuple[str, ...]
    successors: tuple[str, ...]
    citation: str
    note: str | None = None

    def text(self, lang: str) -> str:
        """One sentence describing the hop."""
        old = ", ".join(self.abolished)
        new = ", ".join(self.successors)
        if self.kind == "abolish_tier":
            if lang == "vi":
                return (
                    f"cấp huyện đã bị bãi bỏ từ {self.effective:%d/%m/%Y} "
                    f"({citation_vi(self.citation)}): "
                    f"{old} chấm dứt; nhiệm vụ chuyển cho {new}"
                )
            return (
                f"the district tier was abolished on {self.effective.isoformat()} "
                f"({self.citation}): {old} ended; its duties pass to {new}"
            )
        if lang == "vi":
            return (
                f"{old} được kế thừa bởi {new} từ {self.effective:%d/%m/%Y} "
                f"({citation_vi(self.citation)})"
            )
        return f"{old} succeeded by {new} on {self.effective.isoformat()} ({self.citation})"


@attrs.frozen(kw_only=True)
class Responsible:
    """One organization (and post, and holder) holding a role for a task, with its basis and the
    succession hops (``via``) that led to it."""

    role: Role
    task: str
    organization: OrgInfo
    post: PostInfo | None
    holder: Holder | None
    basis: BasisInfo
    via: tuple[Hop, ...] = ()


@attrs.frozen(kw_only=True, cache_hash=True)
class EscalationStep:
    """One rung of the escalation ladder: an organization, its head post and holder."""

    organization: OrgInfo
    post: PostInfo | None
    holder: Holder | None


@attrs.frozen(kw_only=True)
class DeadlineInfo:
    """A deadline of a task: the next date on or after the query day when it is computable
    (``due``), else ``None`` with a description (e.g. "30 days after acceptance")."""

    task: str
    due: date | None
    description_vi: str
    description_en: str
    citation: str | None
    statute: str | None
    recurring: bool
    applies_to: str | None


@attrs.frozen(kw_only=True, cache_hash=True)
class Notice:
    """A warning attached to an answer, with a stable ``code`` and text in both languages."""

    code: str
    message_vi: str
    message_en: str

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.message_vi if lang == "vi" else self.message_en


@attrs.frozen(kw_only=True, cache_hash=True)
class SubjectInfo:
    """What was asked about: an indicator (``kind="indicator"``) or a task, and the tasks it
    covers."""

    kind: str
    code: str
    name_vi: str
    name_en: str | None
    tasks: tuple[str, ...]


_ROLE_ORDER = {r: i for i, r in enumerate(Role)}
_CONVERTER = make_converter(forbid_extra_keys=True)
_A = TypeVar("_A")
_K = TypeVar("_K")
_V = TypeVar("_V")


class _Answer:
    """Shared JSON machinery of the answers."""

    SCHEMA: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data, with the versioned ``schema`` key first."""
        data = _CONVERTER.unstructure(self)
        assert isinstance(data, dict)
        return data

    @classmethod
    def from_dict(cls: type[_A], data: Mapping[str, Any]) -> _A:
        """Read an answer back from :meth:`to_dict` output (lossless)."""
        schema = data.get("schema")
        expected = getattr(cls, "SCHEMA", None)
        if schema != expected:
            raise InvalidData(f"expected schema {expected!r}", path="schema", value=schema)
        try:
            return _CONVERTER.structure(dict(data), cls)
        except Exception as err:  # cattrs raises ClassValidationError groups
            raise InvalidData(f"not a valid {cls.__name__} document: {err}", path="") from None


def _schema(name: str) -> Any:
    return attrs.field(default=name, init=True)


@attrs.frozen(kw_only=True)
class Accountability(_Answer):
    """The answer of :meth:`Governance.who`: who holds which role for ``subject`` in ``where``
    on ``on``, on what basis, through which successions; whom to escalate to; what is due next;
    and what the data cannot vouch for (``warnings``)."""

    SCHEMA: ClassVar[str] = "papi.accountability/1"
    schema: str = _schema("papi.accountability/1")
    subject: SubjectInfo
    where: UnitInfo
    on: date
    responsible: tuple[Responsible, ...]
    escalation: tuple[EscalationStep, ...]
    deadlines: tuple[DeadlineInfo, ...]
    hops: tuple[Hop, ...]
    warnings: tuple[Notice, ...]

    def by_role(self, role: Role) -> tuple[Responsible, ...]:
        """The entries holding ``role``."""
        return tuple(r for r in self.responsible if r.role is role)

    def rows(self) -> list[dict[str, str]]:
        """One flat row per entry, for tables."""
        return [
            {
                "role": r.role.value,
                "task": r.task,
                "organization": r.organization.name,
                "post": r.post.name if r.post else "",
                "holder": r.holder.text("en") if r.holder else "",
                "basis": f"{r.basis.citation_en} {r.basis.reference}",
                "via": "; ".join(h.act for h in r.via),
            }
            for r in self.responsible
        ]

    def explain(self, lang: str = "vi") -> str:
        """The reasoning as text a portal can show a citizen, in Vietnamese or English."""
        return _explain_accountability(self, lang)


def task_sort_key(task_id: str) -> tuple[object, ...]:
    """Sort key putting ``T2`` before ``T10``.

    >>> sorted(["T10", "T2", "A"], key=task_sort_key)
    ['A', 'T2', 'T10']
    """
    return tuple(int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", task_id))


def _cite(citation: str, lang: str) -> str:
    """A citation the library holds in English form (``"Law 72/2025/QH15 art. 51(3)"``),
    written in ``lang``: the Vietnamese way for ``"vi"``, unchanged otherwise.

    >>> _cite("Law 72/2025/QH15 art. 51(3)", "vi"), _cite("Law 72/2025/QH15 art. 51(3)", "en")
    ('Luật 72/2025/QH15, khoản 3 Điều 51', 'Law 72/2025/QH15 art. 51(3)')
    """
    return citation_vi(citation) if lang == "vi" else citation


def _cap(text: str) -> str:
    """``text`` with its first letter upper-cased (a citation opening a sentence)."""
    return text[:1].upper() + text[1:]


def _org_en(org: OrgInfo) -> str:
    """An English name for an organization: its own, or a gloss of a People's Committee."""
    if org.name_en:
        return org.name_en
    if org.kind == "peoples_committee" and org.unit:
        return f"the People's Committee of {org.unit}"
    return org.name


def _org_text(org: OrgInfo, lang: str) -> str:
    """``Ủy ban nhân dân phường Hoàn Kiếm`` (vi) or ``The People's Committee of Phường Hoàn
    Kiếm (Ủy ban nhân dân phường Hoàn Kiếm)`` (en: a gloss, then the official name)."""
    if lang == "vi":
        return org.name
    en = _org_en(org)
    return org.name if en == org.name else f"{en[:1].upper()}{en[1:]} ({org.name})"


def _post_text(org: OrgInfo, post: PostInfo, lang: str) -> str:
    """``Chủ tịch Ủy ban nhân dân phường Hoàn Kiếm`` (the official name of the post) in
    Vietnamese; in English a gloss followed by that official name."""
    official = f"{post.name} {org.name}"
    if lang == "vi":
        return official
    en = _org_en(org)
    return f"{post.name_en or post.name} of {en} ({official})"


def _role_heading(role: Role, lang: str) -> str:
    if lang == "vi":
        return role.label("vi").capitalize()
    return f"{role.value.capitalize()} ({role.label('vi')})"


def _refs(tasks: Mapping[str, str]) -> str:
    """``¶4 (T4, T6), ¶5 (T8)``: the tasks grouped by their reference, in task order."""
    by_ref: dict[str, list[str]] = {}
    for task in sorted(tasks, key=task_sort_key):
        by_ref.setdefault(tasks[task], []).append(task)
    return ", ".join(f"{ref} ({', '.join(ts)})" for ref, ts in by_ref.items())


def _explain_entries(entries: Sequence[Responsible], lang: str) -> list[str]:
    """The lines of one (role, organization, post) group: one line per basis document (and
    principle) with every task and its reference, then one line per set of predecessors the
    tasks were (also) inherited from."""
    vi = lang == "vi"
    bases: dict[tuple[str, str | None], dict[str, str]] = {}
    direct: set[str] = set()
    inherited: dict[tuple[str, ...], dict[str, None]] = {}
    acts: dict[tuple[str, ...], dict[str, None]] = {}
    for r in entries:
        cite = r.basis.citation_vi if vi else r.basis.citation_en
        bases.setdefault((cite, r.basis.principle), {})[r.task] = r.basis.reference
        if not r.via:
            direct.add(r.task)
            continue
        olds = tuple(dict.fromkeys(o for h in r.via for o in h.abolished))
        inherited.setdefault(olds, {})[r.task] = None
        acts.setdefault(olds, {}).update(dict.fromkeys(_cite(h.citation, lang) for h in r.via))
    lines = []
    # explicit assignments first, then what the người đứng đầu principle adds
    for (cite, principle), tasks in sorted(bases.items(), key=lambda kv: kv[0][1] is not None):
        text = f"{_cap(cite)}: {_refs(tasks)}"
        if principle == PRINCIPLE_HEAD:
            text += (
                " — theo nguyên tắc người đứng đầu chịu trách nhiệm về nhiệm vụ được giao cho "
                "cơ quan mình"
                if vi
                else " — as head of the organization assigned these tasks (the người đứng đầu "
                "principle)"
            )
        lines.append(text)
    # predecessors with the same tasks and acts on one line
    merged: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for olds, inherited_tasks in inherited.items():
        ordered = tuple(sorted(inherited_tasks, key=task_sort_key))
        merged.setdefault((ordered, tuple(acts[olds])), []).extend(olds)
    for (tasks_t, cits), olds_l in merged.items():
        also = all(t in direct for t in tasks_t)
        names = ", ".join(dict.fromkeys(olds_l))
        ts = ", ".join(tasks_t)
        if vi:
            verb = "đồng thời kế thừa từ" if also else "kế thừa từ"
        else:
            verb = "also inherited from" if also else "inherited from"
        lines.append(f"{ts}: {verb} {names} ({'; '.join(cits)})")
    return [f"      · {line}" for line in lines]


def _explain_accountability(a: Accountability, lang: str) -> str:
    vi = lang == "vi"
    subj = a.subject.name_vi if vi or not a.subject.name_en else a.subject.name_en
    lines: list[str] = []
    if vi:
        lines.append(f"{a.subject.code} ({subj}) tại {a.where.name}, ngày {a.on:%d/%m/%Y}:")
    else:
        lines.append(f"{a.subject.code} ({subj}) in {a.where.name}, on {a.on.isoformat()}:")
    if not a.responsible:
        lines.append(
            "- Không xác định được tổ chức nào từ dữ liệu (xem Lưu ý)."
            if vi
            else "- No organization can be named from the data (see Warnings)."
        )
    for role in Role:
        entries = a.by_role(role)
        if not entries:
            continue
        lines.append(f"- {_role_heading(role, lang)}:")
        grouped: dict[tuple[str, str | None], list[Responsible]] = {}
        for r in entries:
            grouped.setdefault((r.organization.id, r.post.id if r.post else None), []).append(r)
        # the organizations nearest the place first (the escalation ladder's order)
        rank = {step.organization.id: i for i, step in enumerate(a.escalation)}
        ordered = sorted(grouped.values(), key=lambda rs: rank.get(rs[0].organization.id, 99))
        for rs in ordered:
            first = rs[0]
            if first.post is None:
                head = _org_text(first.organization, lang)
            else:
                head = _post_text(first.organization, first.post, lang)
                if first.holder is not None:
                    head = f"{head}: {first.holder.text(lang)}"
            lines.append(f"    {head}")
            lines.extend(_explain_entries(rs, lang))
    if a.hops:
        lines.append("- Thay đổi địa giới, tổ chức:" if vi else "- Successions taken:")
        lines.extend(f"    {h.text(lang)}" for h in a.hops)
    if a.escalation:
        lines.append("- Cấp trên (trình tự kiến nghị):" if vi else "- Escalation:")
        for i, step in enumerate(a.escalation, 1):
            post = ""
            if step.post is not None:
                pname = step.post.name if vi or not step.post.name_en else step.post.name_en
                post = f" — {pname}: {step.holder.text(lang) if step.holder else ''}"
            lines.append(f"    {i}. {_org_text(step.organization, lang)}{post}")
    if a.deadlines:
        lines.append("- Thời hạn tới:" if vi else "- Next deadlines:")
        for d in a.deadlines:
            desc = d.description_vi if vi else d.description_en
            when = (f"{d.due:%d/%m/%Y}" if vi else d.due.isoformat()) if d.due else ""
            cite = ""
            if d.citation:
                cite = f" [{_cite(d.citation, lang)}]"
            lines.append(f"    {d.task}: {when + ' — ' if when else ''}{desc}{cite}")
    if a.warnings:
        lines.append("- Lưu ý:" if vi else "- Warnings:")
        lines.extend(f"    ! {w.text(lang)}" for w in a.warnings)
    return "\n".join(lines)


@attrs.frozen(kw_only=True)
class DutyItem:
    """One duty of an organization: a task, the role, the basis and any succession hops."""

    task: str
    title_vi: str
    title_en: str | None
    role: Role
    organization: OrgInfo
    post: PostInfo | None
    basis: BasisInfo
    via: tuple[Hop, ...] = ()


@attrs.frozen(kw_only=True)
class Duties(_Answer):
    """The answer of :meth:`Governance.duties`."""

    SCHEMA: ClassVar[str] = "papi.duties/1"
    schema: str = _schema("papi.duties/1")
    of: str
    on: date
    items: tuple[DutyItem, ...]
    warnings: tuple[Notice, ...] = ()

    def rows(self) -> list[dict[str, str]]:
        """One row per duty, for tables."""
        return [
            {
                "task": d.task,
                "role": d.role.value,
                "organization": d.organization.name,
                "post": d.post.name if d.post else "",
                "title": d.title_en or d.title_vi,
                "basis": f"{d.basis.citation_en} {d.basis.reference}",
                "via": "; ".join(h.act for h in d.via),
            }
            for d in self.items
        ]

    def explain(self, lang: str = "vi") -> str:
        """The duties as text."""
        vi = lang == "vi"
        head = (
            f"Nhiệm vụ của {self.of} ngày {self.on:%d/%m/%Y}:"
            if vi
            else f"Duties of {self.of} on {self.on.isoformat()}:"
        )
        lines = [head]
        by_task: dict[str, list[DutyItem]] = {}
        for d in self.items:
            by_task.setdefault(d.task, []).append(d)
        for task, items in by_task.items():
            first = items[0]
            title = first.title_vi if vi or not first.title_en else first.title_en
            lines.append(f"- {task}: {title}")
            holders: dict[tuple[Role, str, str | None], list[DutyItem]] = {}
            for d in items:
                key = (d.role, d.organization.id, d.post.id if d.post else None)
                holders.setdefault(key, []).append(d)
            for (role, _, _), ds in holders.items():
                d = ds[0]
                who = (
                    _post_text(d.organization, d.post, lang)
                    if d.post is not None
                    else _org_text(d.organization, lang)
                )
                bases = dict.fromkeys(
                    f"{_cap(x.basis.citation_vi if vi else x.basis.citation_en)}, "
                    f"{x.basis.reference}"
                    for x in ds
                )
                text = f"    {_role_heading(role, lang)}: {who} — {'; '.join(bases)}"
                olds = dict.fromkeys(o for x in ds for h in x.via for o in h.abolished)
                if olds:
                    cits = dict.fromkeys(_cite(h.citation, lang) for x in ds for h in x.via)
                    also = any(not x.via for x in ds)
                    if vi:
                        verb = "đồng thời kế thừa từ" if also else "kế thừa từ"
                    else:
                        verb = "also inherited from" if also else "inherited from"
                    text += f"; {verb} {', '.join(olds)} ({'; '.join(cits)})"
                lines.append(text)
        lines.extend(f"! {w.text(lang)}" for w in self.warnings)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class AgendaItem:
    """One deadline in a window."""

    due: date
    task: str
    title_vi: str
    title_en: str | None
    description_vi: str
    description_en: str
    citation: str | None
    applies_to: str | None
    holders: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Agenda(_Answer):
    """The answer of :meth:`Governance.agenda`: deadlines in ``[start, end]``, recurring ones
    expanded, sorted by date."""

    SCHEMA: ClassVar[str] = "papi.agenda/1"
    schema: str = _schema("papi.agenda/1")
    of: str | None
    start: date
    end: date
    items: tuple[AgendaItem, ...]
    warnings: tuple[Notice, ...] = ()

    def rows(self) -> list[dict[str, str]]:
        """One row per deadline."""
        return [
            {
                "due": i.due.isoformat(),
                "task": i.task,
                "what": i.description_en,
                "applies_to": i.applies_to or "",
                "citation": i.citation or "",
            }
            for i in self.items
        ]

    def explain(self, lang: str = "vi") -> str:
        """The agenda as text."""
        vi = lang == "vi"
        lines = [
            f"Lịch thời hạn {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}:"
            if vi
            else f"Deadlines {self.start.isoformat()}–{self.end.isoformat()}:"
        ]
        for i in self.items:
            desc = i.description_vi if vi else i.description_en
            cite = ""
            if i.citation:
                cite = f" [{_cite(i.citation, lang)}]"
            when = f"{i.due:%d/%m/%Y}" if vi else i.due.isoformat()
            lines.append(f"- {when} {i.task}: {desc}{cite}")
        if self.warnings:
            lines.append("Lưu ý:" if vi else "Warnings:")
            lines.extend(f"! {w.text(lang)}" for w in self.warnings)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class OverdueItem:
    """A (task, organization) pair whose deadline passed without a report."""

    task: str
    organization: OrgInfo
    due: date
    status: Status


@attrs.frozen(kw_only=True)
class Overdue(_Answer):
    """The answer of :meth:`Governance.overdue`."""

    SCHEMA: ClassVar[str] = "papi.overdue/1"
    schema: str = _schema("papi.overdue/1")
    on: date
    items: tuple[OverdueItem, ...]

    def rows(self) -> list[dict[str, str]]:
        """One row per overdue pair."""
        return [
            {"task": i.task, "organization": i.organization.name, "due": i.due.isoformat()}
            for i in self.items
        ]

    def explain(self, lang: str = "vi") -> str:
        """The list as text."""
        vi = lang == "vi"
        lines = [f"Quá hạn ngày {self.on:%d/%m/%Y}:" if vi else f"Overdue on {self.on}:"]
        lines.extend(f"- {i.task} {i.organization.name} ({i.due.isoformat()})" for i in self.items)
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class Escalation(_Answer):
    """The answer of :meth:`Governance.escalation`: from the People's Committee of ``where``
    up to the top, each with its head post and holder."""

    SCHEMA: ClassVar[str] = "papi.escalation/1"
    schema: str = _schema("papi.escalation/1")
    where: UnitInfo
    on: date
    steps: tuple[EscalationStep, ...]
    #: the successions followed when the unit asked about no longer existed on ``on``
    hops: tuple[Hop, ...] = ()
    #: ``where_succeeded`` when ``where`` is a successor of the unit asked about
    warnings: tuple[Notice, ...] = ()

    def rows(self) -> list[dict[str, str]]:
        """One row per rung."""
        return [
            {
                "organization": s.organization.name,
                "post": s.post.name if s.post else "",
                "holder": s.holder.text("en") if s.holder else "",
            }
            for s in self.steps
        ]

    def explain(self, lang: str = "vi") -> str:
        """The ladder as text (after a note on the unit answering, if it is a successor)."""
        lines = [w.text(lang) for w in self.warnings]
        lines.append(self.where.name)
        for i, s in enumerate(self.steps, 1):
            post = ""
            if s.post is not None:
                pname = s.post.name if lang == "vi" or not s.post.name_en else s.post.name_en
                post = f" — {pname}: {s.holder.text(lang) if s.holder else ''}"
            lines.append(f"{i}. {_org_text(s.organization, lang)}{post}")
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class Gap:
    """A hole in a plan: ``kind`` is one of ``no_lead``, ``selector_matches_nobody``,
    ``abolished_without_successor``, ``no_head_post``, ``no_accountable_person``,
    ``content_not_in_data`` (a task whose content is defined in a text the dataset lacks)."""

    kind: str
    subject: str
    message_vi: str
    message_en: str
    basis: str | None = None


@attrs.frozen(kw_only=True)
class Gaps(_Answer):
    """The answer of :meth:`Governance.gaps`."""

    SCHEMA: ClassVar[str] = "papi.gaps/1"
    schema: str = _schema("papi.gaps/1")
    on: date
    items: tuple[Gap, ...]

    def kinds(self) -> frozenset[str]:
        """The kinds of gap present."""
        return frozenset(g.kind for g in self.items)

    def rows(self) -> list[dict[str, str]]:
        """One row per gap."""
        return [
            {"kind": g.kind, "subject": g.subject, "message": g.message_en, "basis": g.basis or ""}
            for g in self.items
        ]

    def explain(self, lang: str = "vi") -> str:
        """The gaps as text."""
        vi = lang == "vi"
        lines = [f"Khoảng trống ngày {self.on:%d/%m/%Y}:" if vi else f"Gaps on {self.on}:"]
        lines.extend(
            f"- [{g.kind}] {g.subject}: {g.message_vi if vi else g.message_en}" for g in self.items
        )
        return "\n".join(lines)


ANSWER_TYPES: Mapping[str, type[_Answer]] = MappingProxyType(
    {c.SCHEMA: c for c in (Accountability, Duties, Agenda, Overdue, Escalation, Gaps)}
)

# ------------------------------------------------------------------------------ resolution


@attrs.frozen
class _Hit:
    org: Any
    post: Any
    via: tuple[Hop, ...]


@attrs.frozen
class _Core:
    """The part of a :meth:`Governance.who` answer that is the same on every day of an era
    (everything but the deadlines and the day-specific notices)."""

    responsible: tuple[Responsible, ...]
    hops: tuple[Hop, ...]
    warnings: tuple[Notice, ...]
    escalation: tuple[EscalationStep, ...]
    levels: frozenset[str | None]


#: What answers need of one hit of a selector: (organization id, its info, post id, info and
#: holder for a HeadsOf hit, head post id, info and holder for the head-principle entry,
#: via, whether via is not empty).
_Row = tuple[
    str,
    OrgInfo,
    str | None,
    PostInfo | None,
    Holder | None,
    str | None,
    PostInfo | None,
    Holder | None,
    tuple[Hop, ...],
    bool,
]
#: An entry before it is made a :class:`Responsible`: (role rank, has succession hops, task
#: sort key, role, organization id, its info, post id, its info, holder, assignment,
#: principle, basis, via); the first three are the order of entries in an answer.
_Spec = tuple[
    int,
    bool,
    tuple[object, ...],
    Role,
    str,
    OrgInfo,
    str | None,
    PostInfo | None,
    Holder | None,
    Assignment,
    str | None,
    BasisInfo,
    tuple[Hop, ...],
]
#: A subject's assignments in force in an era: (assignment, its selector's hits by unit, the
#: rows made of them by unit) triples, the assignments to unlisted holders, and those
#: assignments' documents.
_Active = tuple[
    tuple[
        tuple[
            Assignment,
            Mapping[str | None, tuple[_Hit, ...]],
            dict[str | None, tuple[_Row, ...]],
        ],
        ...,
    ],
    tuple[tuple[Assignment, Unlisted], ...],
    frozenset[str],
]
_ACC = Role.ACCOUNTABLE
_ACC_RANK = _ROLE_ORDER[_ACC]


def _spec_order(spec: _Spec) -> tuple[int, bool, tuple[object, ...]]:
    return spec[0], spec[1], spec[2]


def _span_days(v: Any, days: set[int]) -> None:
    if v.valid_from is not None:
        days.add(v.valid_from.toordinal())
    if v.valid_to is not None:
        days.add(v.valid_to.toordinal())


def _rules() -> Any:
    return importlib.import_module("papi.rules")


class Governance:
    """The immutable aggregate; see the module docs. Build one with :class:`Builder`, or get
    the packaged Hanoi model from :func:`papi.datasets.hanoi`.

    All queries are pure functions of the model and their arguments, so a Governance is safe
    to share between threads. What does not change between two dates on which something in the
    model starts or ends (an *era*: what selectors pick, heads and holders of posts, escalation
    ladders) is derived once per era on first use and kept; answers, the era-invariant part
    of :meth:`who` answers and a day's next deadlines are kept up to :attr:`MAX_ANSWERS`
    each. Lazily derived values are stored under a lock, the first value stored winning.
    """

    def __init__(
        self,
        *,
        framework: Any,
        territory: Any,
        organizations: Any,
        calendar: Any,
        documents: Mapping[str, Document],
        tasks: Mapping[str, Task],
        assignments: Sequence[Assignment],
        reports: Sequence[Report],
        statute: Callable[..., Any] | None,
        notes: Sequence[Notice] = (),
    ) -> None:
        self._framework = framework
        self._territory = territory
        self._orgs = organizations
        self._calendar = calendar
        self._documents = MappingProxyType(dict(documents))
        self._tasks = MappingProxyType(dict(tasks))
        self._assignments = tuple(assignments)
        self._reports = tuple(reports)
        self._statute = statute
        self._notes = tuple(notes)
        by_task: dict[str, list[Assignment]] = {}
        for a in self._assignments:
            by_task.setdefault(a.task, []).append(a)
        self._by_task = MappingProxyType({k: tuple(v) for k, v in by_task.items()})
        self._task_names: NameIndex[str] = NameIndex(
            [(t.title_vi, t.id) for t in self._tasks.values()]
            + [(t.title_en, t.id) for t in self._tasks.values() if t.title_en]
        )
        by_code: dict[str, tuple[str, ...]] = {}
        for el in framework.elements():
            by_code[el.code] = tuple(
                t.id
                for t in self._tasks.values()
                if any(framework.related(el.code, c) for c in t.indicators)
            )
        self._tasks_by_code = MappingProxyType(by_code)
        superseded: set[str] = set()
        for d in self._documents.values():
            superseded.update(d.supersedes)
        self._superseded = frozenset(superseded)
        self._reports_by = MappingProxyType(_group_reports(self._reports))
        self._lock = threading.Lock()
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._answers: dict[tuple[Any, ...], Any] = {}
        # Lazily derived, never invalidated (the model is immutable); reads are lock-free
        # dict lookups, writes take ``_lock`` and keep the first value stored.
        self._bounds: tuple[int, ...] | None = None  # see _era()
        self._era_known = False
        self._org_infos: dict[str, OrgInfo] = {}
        self._post_infos: dict[str, PostInfo] = {}
        self._bases: dict[tuple[str, str | None], BasisInfo] = {}
        self._levels: dict[str, str | None] = {}
        self._heads: dict[tuple[str, int], Any] = {}
        self._holders: dict[tuple[str, int], Holder] = {}
        self._ladders: dict[tuple[str, int], tuple[EscalationStep, ...]] = {}
        self._ranks: dict[str, tuple[int, tuple[object, ...], BasisInfo, BasisInfo]] = {}
        self._rowmaps: dict[tuple[Any, ...], dict[str | None, tuple[_Row, ...]]] = {}
        self._cores: dict[tuple[Any, ...], _Core] = {}
        self._next_deadlines: dict[
            tuple[Any, ...], tuple[tuple[DeadlineInfo, ...], tuple[Notice, ...]]
        ] = {}
        self._actives: dict[tuple[str, str, int], _Active] = {}
        self._unlisted_notices: dict[str, Notice] = {}

    # ------------------------------------------------------------------ properties
    @property
    def framework(self) -> Any:
        """The PAPI framework (:class:`papi.framework.Framework`)."""
        return self._framework

    @property
    def territory(self) -> Any:
        """The territory (:class:`papi.territory.Territory`)."""
        return self._territory

    @property
    def organizations(self) -> Any:
        """The organizations registry (:class:`papi.organizations.Organizations`)."""
        return self._orgs

    @property
    def calendar(self) -> Any:
        """The working-day calendar."""
        return self._calendar

    @property
    def documents(self) -> Mapping[str, Document]:
        """Documents by id."""
        return self._documents

    @property
    def tasks(self) -> Mapping[str, Task]:
        """Tasks by id."""
        return self._tasks

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        """All assignments, in input order."""
        return self._assignments

    @property
    def reports(self) -> tuple[Report, ...]:
        """All progress reports."""
        return self._reports

    def __repr__(self) -> str:
        return (
            f"<Governance: {len(self._documents)} documents, {len(self._tasks)} tasks, "
            f"{len(self._assignments)} assignments, {len(self._reports)} reports>"
        )

    def builder(self) -> Builder:
        """A :class:`Builder` preloaded with this model, to add a plan on top of it."""
        b = Builder(
            framework=self._framework,
            territory=self._territory,
            organizations=self._orgs,
            calendar=self._calendar,
            statute=self._statute,
        )
        for d in self._documents.values():
            b.add_document(d)
        for t in self._tasks.values():
            b.add_task(t)
        for a in self._assignments:
            b.add_assignment(a)
        for r in self._reports:
            b.add_report(r)
        for n in self._notes:
            b.add_note(n)
        return b

    # ------------------------------------------------------------------ memo
    #: Memoised answers kept at most, and as many era-invariant parts of ``who`` answers
    #: (what is derived per era, such as selector indexes, is bounded by the model).
    MAX_ANSWERS: ClassVar[int] = 20_000

    def _memo(self, key: tuple[Any, ...], compute: Callable[[], _A]) -> _A:
        """Memoise a pure computation. Reads are lock-free (dict lookups are atomic in
        CPython); writes take the lock, and the first value stored wins, so every thread sees
        the same object. Answers (``who``, ``gaps`` ...) are bounded by :attr:`MAX_ANSWERS`."""
        cache = self._cache if key[0] in ("resolve", "by_unit", "subject") else self._answers
        hit = cache.get(key, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            if cache is self._answers and len(cache) >= self.MAX_ANSWERS:
                cache.clear()
            return cache.setdefault(key, value)  # type: ignore[no-any-return]

    def _put(self, cache: dict[_K, _V], key: _K, value: _V) -> _V:
        """Store a lazily derived value (first one stored wins)."""
        with self._lock:
            return cache.setdefault(key, value)

    # ------------------------------------------------------------------ eras
    def _era(self, on: date) -> int:
        """The era ``on`` falls in: the stretch of days between two consecutive dates on which
        anything in the model starts or ends (a unit, a containment link, a succession, an
        organization, a post, a holding, an assignment, a document's date or period, the data's
        coverage). What a selector picks, who heads and holds what and the escalation ladder
        are the same on every day of an era, so they are derived once per era, not per day.
        When the boundary dates cannot be read (objects not built by papi), every day is its
        own era."""
        bounds = self._bounds
        if bounds is None:
            bounds = self._read_bounds()
            if bounds is None:
                return on.toordinal()
        return bisect.bisect_right(bounds, on.toordinal())

    def _read_bounds(self) -> tuple[int, ...] | None:
        if self._era_known:
            return self._bounds
        with self._lock:
            if self._era_known:
                return self._bounds
            days: set[int] = set()
            try:
                # the registries' own records (their private indexes hold the containment
                # links, posts and holdings; read-only here)
                spans: set[Validity] = set()
                territories = {id(t): t for t in (self._territory, self._orgs.territory)}
                for terr in territories.values():
                    spans.update(u.validity for u in terr)
                    for links in terr._parents.values():
                        for lo, hi, _ in links:
                            days.update((lo, hi))
                    for s in terr.successions:
                        day = s.effective.toordinal()
                        days.update((day, day + 1))  # as the graphs' one-day succession edges
                    spans.add(terr.coverage)
                spans.update(o.validity for o in self._orgs)
                spans.update(p.validity for p in self._orgs._posts.values())
                for held in self._orgs._holdings.values():
                    spans.update(h.validity for h in held)
                for s in self._orgs.successions:
                    day = s.effective.toordinal()
                    days.update((day, day + 1))
                spans.update(a.validity for a in self._assignments)
                spans.update(d.period for d in self._documents.values())
                for v in spans:
                    _span_days(v, days)
                days.update(self._ref_date(a).toordinal() for a in self._assignments)
                bounds: tuple[int, ...] | None = tuple(sorted(days))
            except (AttributeError, TypeError, ValueError):
                bounds = None  # not papi's registries: every day is its own era
            self._bounds = bounds
            self._era_known = True
            return bounds

    # ------------------------------------------------------------------ info helpers
    def _unit_info(self, u: Any) -> UnitInfo:
        return UnitInfo(id=u.id, code=u.code, name=u.name, level=u.level.value)

    def _org_info(self, o: Any) -> OrgInfo:
        info = self._org_infos.get(o.id)
        if info is None:
            info = self._put(self._org_infos, o.id, self._new_org_info(o))
        return info

    def _new_org_info(self, o: Any) -> OrgInfo:
        unit_name = None
        if o.unit_id is not None:
            try:
                unit_name = self._territory.get(o.unit_id).name
            except NotFound:
                unit_name = o.unit_id
        return OrgInfo(
            id=o.id,
            name=o.name,
            name_en=getattr(o, "name_en", None),
            kind=_enum_value(o.kind),
            unit=unit_name,
        )

    def _post_info(self, p: Any) -> PostInfo:
        info = self._post_infos.get(p.id)
        if info is None:
            new = PostInfo(id=p.id, name=p.name, name_en=getattr(p, "name_en", None))
            info = self._put(self._post_infos, p.id, new)
        return info

    def _head_post(self, org: Any, on: date, era: int) -> Any:
        """``organizations.head_post(org, on=on)``, derived once per era."""
        key = (org.id, era)
        post = self._heads.get(key, _MISSING)
        if post is _MISSING:
            post = self._put(self._heads, key, self._orgs.head_post(org, on=on))
        return post

    def _holder(self, post: Any, on: date, era: int | None = None) -> Holder:
        if era is None:
            era = self._era(on)
        key = (post.id, era)
        found = self._holders.get(key)
        if found is None:
            found = self._put(self._holders, key, self._new_holder(post, on))
        return found

    def _new_holder(self, post: Any, on: date) -> Holder:
        h = self._orgs.holder(post, on=on)
        if h is None:
            return Holder(status="unknown")
        since = h.validity.valid_from if getattr(h, "validity", None) is not None else None
        if h.person is None:
            return Holder(status="vacant", since=since, sources=tuple(h.sources))
        return Holder(status="known", person=h.person, since=since, sources=tuple(h.sources))

    def _basis(self, a: Assignment, principle: str | None = None) -> BasisInfo:
        key = (a.id, principle)  # assignment ids are unique (checked by the Builder)
        found = self._bases.get(key)
        if found is None:
            doc = self._documents[a.basis.document]
            new = BasisInfo(
                assignment=a.id,
                document=doc.id,
                citation_vi=doc.cite("vi"),
                citation_en=doc.cite("en"),
                reference=a.basis.reference,
                principle=principle,
            )
            found = self._put(self._bases, key, new)
        return found

    def _hops(self, chain: Iterable[Any]) -> tuple[Hop, ...]:
        out = []
        for s in chain:
            out.append(
                Hop(
                    kind=s.kind,
                    effective=s.effective,
                    act=s.act,
                    abolished=tuple(self._name_of(i) for i in s.predecessors),
                    successors=tuple(self._name_of(i) for i in s.successors),
                    citation=_hop_citation(s.act, getattr(s, "sources", ())),
                    note=s.note,
                )
            )
        return tuple(out)

    def _name_of(self, ident: str) -> str:
        for lookup in (self._orgs.get, self._territory.get):
            try:
                return str(lookup(ident).name)
            except (NotFound, KeyError):
                continue
        return ident

    # ------------------------------------------------------------------ selectors
    def _ref_date(self, a: Assignment) -> date:
        if a.validity.valid_from is not None:
            return a.validity.valid_from
        doc = self._documents[a.basis.document]
        return doc.date or date(2000, 1, 1)

    def resolve(self, selector: Selector, *, on: date, ref: date | None = None) -> tuple[_Hit, ...]:
        """What ``selector`` picks on ``on``. When it picks nothing on ``on`` (a level or an
        organization that no longer exists), it is resolved on ``ref`` (the day the assignment
        took effect) and followed through the successions, each hop recorded."""
        on = _day(on, "on")
        ref = None if ref is None else _day(ref, "ref")
        key = ("resolve", selector, self._era(on), None if ref is None else self._era(ref))
        return self._memo(key, lambda: self._resolve(selector, on, ref))

    def _by_unit(
        self, selector: Selector, on: date, ref: date | None
    ) -> Mapping[str | None, tuple[_Hit, ...]]:
        """:meth:`resolve` indexed by the unit each organization serves (memoised)."""

        def build() -> Mapping[str | None, tuple[_Hit, ...]]:
            out: dict[str | None, list[_Hit]] = {}
            for hit in self.resolve(selector, on=on, ref=ref):
                out.setdefault(hit.org.unit_id, []).append(hit)
            return MappingProxyType({k: tuple(v) for k, v in out.items()})

        key = ("by_unit", selector, self._era(on), None if ref is None else self._era(ref))
        return self._memo(key, build)

    def _resolve(self, sel: Selector, on: date, ref: date | None) -> tuple[_Hit, ...]:
        if isinstance(sel, HeadsOf):
            out = []
            era = self._era(on)
            for hit in self.resolve(sel.of, on=on, ref=ref):
                post = self._head_post(hit.org, on, era)
                out.append(_Hit(hit.org, post if post is not None else _NO_HEAD, hit.via))
            return tuple(out)
        if isinstance(sel, Unlisted):
            return ()
        direct = self._direct(sel, on)
        if direct or ref is None or ref >= on:
            return tuple(_Hit(o, None, ()) for o in direct)
        cov = getattr(self._territory, "coverage", None)
        if cov is not None and cov.valid_from is not None and ref < cov.valid_from < on:
            ref = cov.valid_from  # the earliest structure the data vouches for
        out2: list[_Hit] = []
        for old in self._direct(sel, ref):
            chain = self._hops(self._orgs.succession_chain(old, on=on))
            out2.extend(_Hit(new, None, chain) for new in self._orgs.successors(old, on=on))
        return tuple(out2)

    def _direct(self, sel: Selector, on: date) -> tuple[Any, ...]:
        if isinstance(sel, OrgById):
            o = self._orgs.get(sel.id)
            return (o,) if o.validity.contains(on) else ()
        if isinstance(sel, CommitteesOf):
            within = None
            if sel.within is not None:
                try:
                    within = self._territory.unit(sel.within, on=on)
                except NotFound:
                    return ()
            level = _territory_level(sel.level)
            units = self._territory.units(level=level, within=within, on=on)
            out = []
            for u in units:
                pc = self._orgs.committee_of(u, on=on)
                if pc is not None:
                    out.append(pc)
            return tuple(out)
        if isinstance(sel, DepartmentsBySector):
            try:
                within = self._territory.unit(sel.within, on=on)
            except NotFound:
                return ()
            return tuple(
                o
                for o in self._orgs.organizations(unit=within, on=on)
                if getattr(o, "sector", None) == sel.sector
            )
        return ()

    # ------------------------------------------------------------------ subjects
    def _subject(self, subject: str) -> SubjectInfo:
        return self._memo(("subject", subject), lambda: self._find_subject(subject))

    def _find_subject(self, subject: str) -> SubjectInfo:
        text = subject.strip()
        if text in self._tasks:
            t = self._tasks[text]
            return SubjectInfo(
                kind="task", code=t.id, name_vi=t.title_vi, name_en=t.title_en, tasks=(t.id,)
            )
        code = text.upper()
        if code in self._tasks_by_code:
            el = self._framework[code]
            return SubjectInfo(
                kind="indicator",
                code=el.code,
                name_vi=el.name_vi,
                name_en=el.name_en,
                tasks=self._tasks_by_code[code],
            )
        elements: tuple[Any, ...] = ()
        try:
            elements = (self._framework.find(text),)
        except NotFound:
            elements = ()
        tasks = self._task_names.find(text)
        if elements and not tasks:
            return self._find_subject(elements[0].code)
        if len(tasks) == 1 and not elements:
            return self._find_subject(tasks[0])
        if elements or tasks:
            raise Ambiguous(
                "subject",
                subject,
                tuple(e.code for e in elements) + tuple(tasks),
            )
        raise NotFound(
            "subject (indicator code, task id or name)",
            subject,
            closest=self._task_names.closest(text),
        )

    # ------------------------------------------------------------------ where
    def _where(self, where: Any, on: date) -> tuple[Any, tuple[Hop, ...]]:
        """The unit answering for ``where`` on ``on`` and the succession hops that led to it.

        ``where`` is a unit, id, code or name (plain or qualified with its parents'
        names); one that no longer exists on ``on`` is followed to its successor when
        there is exactly one, and refused naming them when there are several."""
        try:
            unit = self._territory.unit(where, on=on)
        except NotFound as err:
            return self._where_succeeded(where, on, err)
        if hasattr(unit, "exists_on") and not unit.exists_on(on):  # a Unit object passed in
            return self._where_succeeded(unit, on, None)
        return unit, ()

    def _where_succeeded(
        self, where: Any, on: date, err: NotFound | None
    ) -> tuple[Any, tuple[Hop, ...]]:
        succ = self._territory.successors(where, on=on)
        if len(succ) == 1:
            return succ[0], self._hops(self._territory.succession_chain(where, on=on))
        if len(succ) > 1:
            names = tuple(str(u.name) for u in succ)
            chain = self._territory.succession_chain(where, on=on)
            ended = f"it existed until {chain[0].effective.isoformat()} and " if chain else ""
            raise NotFound(
                "unit",
                getattr(where, "name", where),
                context=f"on {on.isoformat()}: {ended}its territory passed to {len(names)} "
                f"units ({', '.join(names)}); ask about one of them, or use a date when it "
                "existed",
                closest=names,
            ) from err
        if err is not None:
            raise err
        validity = getattr(where, "validity", None)
        raise NotFound(
            "unit",
            getattr(where, "name", where),
            context=f"on {on.isoformat()} (it exists {validity} and no successor is recorded "
            "for that day; ask about a unit existing then)",
        )

    def _where_notice(self, where: Any, unit: Any, hops: tuple[Hop, ...], on: date) -> Notice:
        """``where_succeeded``: which unit answers for ``where`` and why (the successions)."""
        asked = getattr(where, "name", where)
        why_vi = "; ".join(h.text("vi") for h in hops)
        why_en = "; ".join(h.text("en") for h in hops)
        return Notice(
            code="where_succeeded",
            message_vi=f"{asked} không còn tồn tại ngày {on:%d/%m/%Y}; trả lời cho "
            f"đơn vị kế thừa {unit.name} ({why_vi})",
            message_en=f"{asked} no longer exists on {on.isoformat()}; answered for its "
            f"successor {unit.name} ({why_en})",
        )

    # ------------------------------------------------------------------ who
    def who(self, subject: str, *, where: Any, on: date) -> Accountability:
        """Who is accountable for ``subject`` in ``where`` on ``on``.

        ``subject``: an indicator code (``"D3"``; a dimension covers its sub-dimensions and
        indicators and vice versa), a task id (``"T6"``) or a Vietnamese/English name.
        ``where``: a unit, unit id, NSO code or name (``"Phường Hàng Bạc, Quận Hoàn Kiếm"``
        narrows a name by its parents' names), as of ``on``; a unit that no longer exists
        (named, qualified, by id, or by a code no unit bears on ``on``) is answered for its
        successor when there is exactly one (warning ``where_succeeded``, saying which
        succession led there; the hops are in ``hops``), and refused with
        :class:`~papi.errors.NotFound` naming its successors (``closest``) when its territory
        went to several. :meth:`escalation` and :meth:`duties` resolve places the same way.

        The answer lists every (role, task, organization, post) with its basis and succession
        hops (``via``), the escalation ladder, the next deadlines, and ``warnings`` for what
        the data cannot vouch for (codes in ``docs/accountability.md``): among them
        ``deadline_unknown`` when a duty's statutory time limit is not encoded for ``on``,
        so that no deadline disappears silently.
        """
        on = _day(on, "on")
        if not isinstance(subject, str):
            raise InvalidData(
                "must be a string (code, task id or name)", path="subject", value=subject
            )
        if not isinstance(where, str) and not hasattr(where, "id"):
            raise InvalidData(
                "must be a unit, or a unit id, code or name", path="where", value=where
            )
        key = ("who", subject, where if isinstance(where, str) else where.id, on)
        return self._memo(key, lambda: self._who(subject, where, on))

    def _who(self, subject: str, where: Any, on: date) -> Accountability:
        subj = self._subject(subject)
        unit, where_hops = self._where(where, on)
        core = self._core(subj, unit, on)
        warnings: list[Notice] = []
        if where_hops:
            warnings.append(self._where_notice(where, unit, where_hops, on))
        deadlines, deadline_notices = self._deadlines_on(subj, on, core.levels)
        warnings.extend(core.warnings)
        warnings.extend(deadline_notices)
        warnings.extend(self.coverage_notices(on))
        warnings.extend(self._notes)
        hops: dict[Hop, None] = dict.fromkeys(where_hops)
        hops.update(dict.fromkeys(core.hops))
        return Accountability(
            subject=subj,
            where=self._unit_info(unit),
            on=on,
            responsible=core.responsible,
            escalation=core.escalation,
            deadlines=deadlines,
            hops=tuple(hops),
            warnings=tuple(warnings),
        )

    def _core(self, subj: SubjectInfo, unit: Any, on: date) -> _Core:
        """The era-invariant part of ``who(subj, unit, on)``, kept for the era (bounded by
        :attr:`MAX_ANSWERS`)."""
        era = self._era(on)
        key = (subj.kind, subj.code, unit.id, era)
        found = self._cores.get(key)
        if found is not None:
            return found
        core = self._new_core(subj, unit, on, era)
        with self._lock:
            if len(self._cores) >= self.MAX_ANSWERS:
                self._cores.clear()
            return self._cores.setdefault(key, core)

    def _new_core(self, subj: SubjectInfo, unit: Any, on: date, era: int) -> _Core:
        chain_ids = [unit.id, *(u.id for u in self._territory.ancestors(unit, on=on))]
        active, unlisted, unlisted_docs = self._active(subj, on, era)
        specs: list[_Spec] = []
        docs_used = set(unlisted_docs)
        add = specs.append
        for a, index, rows in active:
            for uid in chain_ids:
                found = rows.get(uid)
                if found is None:
                    found = self._put(rows, uid, self._new_rows(index.get(uid, ()), on, era))
                if not found:
                    continue
                docs_used.add(a.basis.document)
                rank, task_key, basis, head_basis = self._parts(a)
                role = a.role
                for org_id, oi, post_id, pi, holder, head_id, hi, hh, via, has_via in found:
                    add((rank, has_via, task_key, role, org_id, oi, post_id, pi, holder, a, None,
                         basis, via))  # fmt: skip
                    # the người đứng đầu principle: the head answers for what the
                    # organization is assigned (rows of HeadsOf hits have no head_id)
                    if head_id is not None and role is not _ACC:
                        add((_ACC_RANK, has_via, task_key, _ACC, org_id, oi, head_id, hi, hh, a,
                             PRINCIPLE_HEAD, head_basis, via))  # fmt: skip
        responsible = tuple(
            Responsible(
                role=role,
                task=a.task,
                organization=oi,
                post=pi,
                holder=holder,
                basis=basis,
                via=via,
            )
            for _, _, _, role, _, oi, _, pi, holder, a, _, basis, via in _dedupe(specs)
        )
        hops: dict[Hop, None] = {}
        last: tuple[Hop, ...] = ()
        orgs: dict[str, OrgInfo] = {}
        for r in responsible:
            orgs[r.organization.id] = r.organization
            if r.via and r.via is not last:  # entries of one hit share their via
                hops.update(dict.fromkeys(r.via))
                last = r.via
        return _Core(
            responsible=responsible,
            hops=tuple(hops),
            warnings=tuple(self._warnings(subj, on, responsible, unlisted, docs_used)),
            escalation=self._escalation(unit, on),
            levels=frozenset(self._unit_level(o) for o in orgs.values()),
        )

    def _new_rows(self, hits: Iterable[_Hit], on: date, era: int) -> tuple[_Row, ...]:
        """What answers need of each hit of a selector in a unit (see :data:`_Row`)."""
        out: list[_Row] = []
        for hit in hits:
            org, post, via = hit.org, hit.post, hit.via
            oi = self._org_info(org)
            if post is not None:  # a HeadsOf hit: the head post, or _NO_HEAD
                if post is _NO_HEAD:
                    out.append((org.id, oi, None, None, None, None, None, None, via, via != ()))
                else:
                    pi, holder = self._post_info(post), self._holder(post, on, era)
                    out.append((org.id, oi, post.id, pi, holder, None, None, None, via, via != ()))
                continue
            head = self._head_post(org, on, era)
            if head is None:
                out.append((org.id, oi, None, None, None, None, None, None, via, via != ()))
            else:
                hi, hh = self._post_info(head), self._holder(head, on, era)
                out.append((org.id, oi, None, None, None, head.id, hi, hh, via, via != ()))
        return tuple(out)

    def _active(self, subj: SubjectInfo, on: date, era: int) -> _Active:
        """The assignments of ``subj``'s tasks in force in ``era``, each with its selector's
        hits by unit and the rows made of them; the unlisted ones apart (derived once per
        era)."""
        key = (subj.kind, subj.code, era)
        found = self._actives.get(key)
        if found is not None:
            return found
        active = []
        unlisted = []
        for tid in subj.tasks:
            for a in self._by_task.get(tid, ()):
                if not a.validity.contains(on):
                    continue
                inner = innermost(a.selector)
                if isinstance(inner, Unlisted):
                    unlisted.append((a, inner))
                    continue
                ref = self._ref_date(a)
                rows_key = (a.selector, era, self._era(ref))
                rows = self._rowmaps.get(rows_key)
                if rows is None:
                    rows = self._put(self._rowmaps, rows_key, {})
                active.append((a, self._by_unit(a.selector, on, ref), rows))
        docs = frozenset(a.basis.document for a, _ in unlisted)
        return self._put(self._actives, key, (tuple(active), tuple(unlisted), docs))

    def _parts(self, a: Assignment) -> tuple[int, tuple[object, ...], BasisInfo, BasisInfo]:
        """The role's rank, the task's sort key, the basis and the head-principle basis of
        ``a``'s entries."""
        found = self._ranks.get(a.id)
        if found is None:
            parts = (
                _ROLE_ORDER[a.role],
                task_sort_key(a.task),
                self._basis(a),
                self._basis(a, PRINCIPLE_HEAD),
            )
            found = self._put(self._ranks, a.id, parts)
        return found

    def _deadlines_on(
        self, subj: SubjectInfo, on: date, levels: frozenset[str | None]
    ) -> tuple[tuple[DeadlineInfo, ...], tuple[Notice, ...]]:
        """:meth:`_deadlines` of ``subj``'s tasks (and the notices on deadlines that cannot be
        shown), kept per day (many places are asked about
        on the same day; bounded by :attr:`MAX_ANSWERS`)."""
        key = (subj.kind, subj.code, levels, on)
        found = self._next_deadlines.get(key)
        if found is not None:
            return found
        value = self._deadlines(subj.tasks, on, levels)
        with self._lock:
            if len(self._next_deadlines) >= self.MAX_ANSWERS:
                self._next_deadlines.clear()
            return self._next_deadlines.setdefault(key, value)

    def _unit_level(self, org: OrgInfo) -> str | None:
        # OrgInfo carries the unit's name only; find its level through the registry.
        found = self._levels.get(org.id, _MISSING)
        if found is _MISSING:
            o = self._orgs.get(org.id)
            level = None if o.unit_id is None else str(self._territory.get(o.unit_id).level.value)
            found = self._put(self._levels, org.id, level)
        return found  # type: ignore[no-any-return]

    def _warnings(
        self,
        subj: SubjectInfo,
        on: date,
        responsible: Sequence[Responsible],
        unlisted: Sequence[tuple[Assignment, Unlisted]],
        docs_used: set[str],
    ) -> list[Notice]:
        out: list[Notice] = []
        out.extend(self._document_notices(docs_used, on))
        for a, u in unlisted:
            notice = self._unlisted_notices.get(a.id)
            if notice is None:
                notice = self._put(self._unlisted_notices, a.id, self._unlisted_notice(a, u))
            out.append(notice)
        for tid in subj.tasks:
            for ref in self._tasks[tid].defined_in:
                doc = self._documents[ref.document]
                out.append(
                    Notice(
                        code="content_not_in_data",
                        message_vi=f"{tid}: nội dung nhiệm vụ nằm ở {ref.reference} "
                        f"{doc.cite('vi')}, không có trong dữ liệu",
                        message_en=f"{tid}: what the task covers is in {ref.reference} of "
                        f"{doc.cite('en')}, which is not in the dataset",
                    )
                )
        if subj.kind == "indicator" and not any(r.role is Role.LEAD for r in responsible):
            out.append(
                Notice(
                    code="lead_unknown",
                    message_vi=f"Chưa xác định được cơ quan chủ trì cho {subj.code} theo dữ liệu "
                    "hiện có",
                    message_en=f"No lead agency for {subj.code} is known from the data",
                )
            )
        if any(r.holder is not None and r.holder.status == "unknown" for r in responsible):
            out.append(
                Notice(
                    code="holder_unknown",
                    message_vi="Dữ liệu không có tên người giữ một số chức vụ nêu trên",
                    message_en="The data does not name the holders of some posts above",
                )
            )
        return out

    def _unlisted_notice(self, a: Assignment, u: Unlisted) -> Notice:
        doc = self._documents.get(u.document, None)
        cite_vi = doc.cite("vi") if doc else u.document
        cite_en = doc.cite("en") if doc else u.document
        basis = self._basis(a)
        return Notice(
            code="unlisted_holders",
            message_vi=f"{a.task}: theo {basis.citation_vi}, {basis.reference}, vai trò "
            f"«{a.role.label('vi')}» được giao cho {u.describe('vi')} ({cite_vi}, "
            f"{u.reference}); văn bản này không có trong dữ liệu nên không xác định được "
            "cơ quan cụ thể",
            message_en=f"{a.task}: under {basis.citation_en}, {basis.reference}, the "
            f"{a.role.value} role is assigned to {u.describe('en')} ({cite_en}, "
            f"{u.reference}); that text is not in the dataset, so the agency cannot be "
            "named",
        )

    def coverage_notices(self, on: date) -> tuple[Notice, ...]:
        """A ``coverage`` notice when ``on`` lies outside the dates the territory data vouches
        for (the answer then uses the nearest structure in the data)."""
        cov = getattr(self._territory, "coverage", None)
        if cov is None or cov.contains(on):
            return ()
        return (
            Notice(
                code="coverage",
                message_vi=f"Dữ liệu địa giới, tổ chức chỉ bảo đảm cho giai đoạn {cov}; ngày "
                f"{on:%d/%m/%Y} nằm ngoài, câu trả lời dựa trên cơ cấu gần nhất có trong dữ liệu",
                message_en=f"The territory and organization data is vouched for {cov} only; "
                f"{on.isoformat()} lies outside, so the answer uses the nearest structure in the "
                "data",
            ),
        )

    def _document_notices(self, docs: Iterable[str], on: date) -> list[Notice]:
        used = set(docs)
        for d in list(used):
            used.update(x for x in self._documents[d].implements if x in self._documents)
        out = []
        over = {
            d
            for d in used
            if self._documents[d].period.valid_to is not None
            and self._documents[d].period.valid_to <= on  # type: ignore[operator]
            and d not in self._superseded
        }
        for d in sorted(used):
            doc = self._documents[d]
            if d in self._superseded:
                out.append(
                    Notice(
                        code="superseded",
                        message_vi=f"{_cap(doc.cite('vi'))} đã được thay thế bởi văn bản khác trong dữ "
                        "liệu",
                        message_en=f"{_cap(doc.cite('en'))} is superseded by another document in the "
                        "data",
                    )
                )
            if d in over and not any(x in over for x in doc.implements):
                end = doc.period.valid_to
                assert end is not None
                last = end - timedelta(days=1)
                out.append(
                    Notice(
                        code="plan_period_over",
                        message_vi=f"{_cap(doc.cite('vi'))} được ban hành cho giai đoạn đến hết "
                        f"{last:%d/%m/%Y}; không văn bản nào trong dữ liệu thay thế nó, nên các "
                        "phân công của nó (và của các văn bản triển khai nó) được coi là vẫn còn "
                        "áp dụng — cần kiểm tra các kế hoạch mới hơn",
                        message_en=f"{_cap(doc.cite('en'))} was issued for the period ending "
                        f"{last.isoformat()}; no later document in the dataset supersedes it, so "
                        "its assignments (and those of the documents implementing it) are shown "
                        "as still standing; check for later plans",
                    )
                )
            if not doc.date_known and d in docs:
                out.append(
                    Notice(
                        code="date_unknown",
                        message_vi=f"Ngày ban hành của {doc.kind.label('vi')} {doc.number} chưa rõ",
                        message_en=f"The date of {doc.kind.label('en')} {doc.number} is not known",
                    )
                )
            if not doc.verified and d in docs:
                why_en = f": {doc.notes}" if doc.notes else ""
                out.append(
                    Notice(
                        code="document_unverified",
                        message_vi=f"{_cap(doc.cite('vi'))} chưa được đối chiếu với nguồn (dữ liệu "
                        "đánh dấu verified = false); không coi là sự thật đã kiểm chứng",
                        message_en=f"{_cap(doc.cite('en'))} is marked as not verified against a "
                        f"source (verified = false); do not treat it as fact{why_en}",
                    )
                )
        return out

    # ------------------------------------------------------------------ escalation
    def _escalation(self, unit: Any, on: date) -> tuple[EscalationStep, ...]:
        era = self._era(on)
        key = (unit.id, era)
        found = self._ladders.get(key)
        if found is not None:
            return found
        org = self._orgs.committee_of(unit, on=on)
        if org is None:
            for anc in self._territory.ancestors(unit, on=on):
                org = self._orgs.committee_of(anc, on=on)
                if org is not None:
                    break
        steps: list[EscalationStep] = []
        seen: set[str] = set()
        while org is not None and org.id not in seen:
            seen.add(org.id)
            head = self._head_post(org, on, era)
            steps.append(
                EscalationStep(
                    organization=self._org_info(org),
                    post=self._post_info(head) if head is not None else None,
                    holder=self._holder(head, on, era) if head is not None else None,
                )
            )
            org = self._orgs.superior(org, on=on)
        return self._put(self._ladders, key, tuple(steps))

    def escalation(self, *, where: Any, on: date) -> Escalation:
        """The escalation ladder from the People's Committee of ``where`` to the top."""
        on = _day(on, "on")
        unit, hops = self._where(where, on)
        return Escalation(
            where=self._unit_info(unit),
            on=on,
            steps=self._escalation(unit, on),
            hops=hops,
            warnings=(self._where_notice(where, unit, hops, on),) if hops else (),
        )

    # ------------------------------------------------------------------ deadlines
    def _rule_of(self, dl: Any, on: date) -> tuple[Any, str | None]:
        rule, citation, _ = self._rule_and_notice(dl, on, "")
        return rule, citation

    def _rule_and_notice(self, dl: Any, on: date, task: str) -> tuple[Any, str | None, Any]:
        """The rule of a deadline on ``on`` and its citation, with a :class:`Notice` when the
        statute has no version encoded for that day (the duty stands, its legal frequency or
        time limit is not known) or the version in force is not verified."""
        if dl.statute is None:
            cit = getattr(dl.rule, "citation", None)
            return dl.rule, str(cit) if cit else None, None
        if self._statute is None:
            return None, None, None
        try:
            st = self._statute(dl.statute, on=on)
        except NotFound:
            return None, None, self._statute_missing(dl.statute, on, task)
        citation: str | None = st.citation.text("en")
        notice = None
        if getattr(st.rule, "kind", None) == "unscheduled":
            notice = self._statute_missing(dl.statute, on, task, unscheduled=st)
        elif getattr(st, "verified", True) is False:
            notice = Notice(
                code="statute_unverified",
                message_vi=f"{task}: thời hạn «{st.title_vi}» "
                f"({st.citation.text('vi')}) "
                "chưa được đối chiếu với văn bản pháp luật",
                message_en=f"{task}: the time limit '{st.title_en}' ({citation}) is not verified "
                "against the text of the law",
            )
        return st.rule, citation, notice

    def _statute_missing(self, key: str, on: date, task: str, *, unscheduled: Any = None) -> Notice:
        """The ``deadline_unknown`` notice: the duty stands on ``on`` but its legal time limit
        or frequency is not encoded (no version of the statute in force that day), or is
        encoded as *unscheduled* (in force, figure not sourced)."""
        if unscheduled is not None:
            rule = unscheduled.rule
            missing_vi = getattr(rule, "missing_vi", None) or getattr(rule, "missing", "")
            missing_en = getattr(rule, "missing", "")
            return Notice(
                code="deadline_unknown",
                message_vi=f"{task}: nhiệm vụ vẫn áp dụng ({unscheduled.title_vi}), nhưng chưa "
                f"xác định được thời hạn: chưa có nguồn về {missing_vi}",
                message_en=f"{task}: the duty applies ({unscheduled.title_en}), but no deadline "
                f"can be computed: {missing_en} is not yet sourced",
            )
        title_vi, title_en, until = key, key, None
        try:
            latest = self._statute(key)  # type: ignore[misc]
            title_vi, title_en = str(latest.title_vi), str(latest.title_en)
            until = latest.validity.valid_to
        except (NotFound, AttributeError):
            pass
        ended_vi = f"; quy định đã mã hóa hết hiệu lực từ {until:%d/%m/%Y}" if until else ""
        ended_en = f"; the encoded rule ended on {until.isoformat()}" if until else ""
        return Notice(
            code="deadline_unknown",
            message_vi=f"{task}: nhiệm vụ vẫn áp dụng, nhưng dữ liệu chưa có quy định về thời hạn, "
            f"tần suất «{title_vi}» áp dụng ngày {on:%d/%m/%Y}{ended_vi}; thời hạn này không "
            "được hiển thị",
            message_en=f"{task}: the duty applies, but no legal rule for '{title_en}' is encoded "
            f"for {on.isoformat()}{ended_en}, so no deadline is shown",
        )

    def _deadlines(
        self, tasks: Iterable[str], on: date, levels: frozenset[str | None]
    ) -> tuple[tuple[DeadlineInfo, ...], tuple[Notice, ...]]:
        out: list[DeadlineInfo] = []
        notices: list[Notice] = []
        for tid in tasks:
            task = self._tasks[tid]
            for dl in task.deadlines:
                if dl.applies_to is not None and dl.applies_to not in levels:
                    continue
                rule, citation, notice = self._rule_and_notice(dl, on, tid)
                if notice is not None:
                    notices.append(notice)
                if rule is None:
                    continue
                due = self._next_due(rule, dl.window, on)
                if due is _PAST:
                    continue
                out.append(
                    DeadlineInfo(
                        task=tid,
                        due=due if isinstance(due, date) else None,
                        description_vi=str(rule.describe("vi")),
                        description_en=str(rule.describe("en")),
                        citation=citation,
                        statute=dl.statute,
                        recurring=bool(getattr(rule, "is_recurring", False)),
                        applies_to=dl.applies_to,
                    )
                )
        uniq = list(dict.fromkeys(out))
        uniq.sort(key=lambda d: (d.due is None, d.due or date.max, d.task))
        return tuple(uniq[:12]), tuple(dict.fromkeys(notices))

    def _next_due(self, rule: Any, window: Validity, on: date) -> object:
        """The next due date on or after ``on``; None when the rule needs an event; _PAST when
        its window is over."""
        if (
            window.valid_to is not None
            and window.valid_to <= on
            and not hasattr(rule, "occurrences")
        ):
            return _PAST
        if hasattr(rule, "occurrences"):
            start = max(on, window.valid_from) if window.valid_from else on
            end = (
                (window.valid_to - timedelta(days=1))
                if window.valid_to
                else start + timedelta(days=400)
            )
            if window.valid_to is not None:
                # a one-off deadline inside a window: the first occurrence in the window
                first = window.valid_from or start
                occ = rule.occurrences(first, end + timedelta(days=120), self._calendar)
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
                occ = rule.occurrences(start, near, self._calendar)
                if occ:
                    return occ[0]
            occ = rule.occurrences(start, end, self._calendar)
            return occ[0] if occ else None
        if getattr(rule, "on", None) is not None and isinstance(rule.on, date):
            return rule.on if rule.on >= on else _PAST
        return None

    # ------------------------------------------------------------------ duties
    def duties(self, *, of: Any, on: date) -> Duties:
        """Every duty held on ``on`` by an organization (object or id) or by the organizations
        serving a unit (object, id, code or name), with basis and succession hops."""
        on = _day(on, "on")
        orgs, label, notices = self._orgs_of(of, on)
        ids = {o.id for o in orgs}
        units = {o.unit_id for o in orgs}
        items: list[DutyItem] = []
        for a in self._assignments:
            if not a.validity.contains(on) or isinstance(innermost(a.selector), Unlisted):
                continue
            task = self._tasks[a.task]
            index = self._by_unit(a.selector, on, self._ref_date(a))
            hits = [h for u in units for h in index.get(u, ()) if h.org.id in ids]
            for hit in hits:
                post = hit.post if hit.post is not None and hit.post is not _NO_HEAD else None
                items.append(
                    DutyItem(
                        task=task.id,
                        title_vi=task.title_vi,
                        title_en=task.title_en,
                        role=a.role,
                        organization=self._org_info(hit.org),
                        post=self._post_info(post) if post is not None else None,
                        basis=self._basis(a),
                        via=hit.via,
                    )
                )
        items = list(dict.fromkeys(items))
        items.sort(key=lambda d: (task_sort_key(d.task), _ROLE_ORDER[d.role], len(d.via) > 0))
        return Duties(of=label, on=on, items=tuple(items), warnings=notices)

    def _orgs_of(self, of: Any, on: date) -> tuple[tuple[Any, ...], str, tuple[Notice, ...]]:
        """The organizations meant by ``of``, a label, and ``where_succeeded`` when ``of`` is
        a unit that no longer exists on ``on`` and its one successor's organizations answer."""
        if not isinstance(of, str) and hasattr(of, "unit_id"):
            return (of,), of.name, ()
        if isinstance(of, str):
            try:
                o = self._orgs.get(of)
                return (o,), o.name, ()
            except NotFound:
                pass
            try:
                o = self._orgs.org(of, on=on)
                return (o,), o.name, ()
            except (NotFound, Ambiguous):
                pass
        unit, hops = self._where(of, on)
        notices = (self._where_notice(of, unit, hops, on),) if hops else ()
        return tuple(self._orgs.organizations(unit=unit, on=on)), unit.name, notices

    # ------------------------------------------------------------------ agenda
    def agenda(self, *, of: Any = None, start: date, end: date) -> Agenda:
        """Deadlines falling in ``[start, end]`` (inclusive), recurring ones expanded; with
        ``of`` (an organization or unit), only the tasks it holds on ``start``."""
        start = _day(start, "start")
        end = _day(end, "end")
        if end < start:
            raise InvalidData("end must not be before start", path="end", value=end.isoformat())
        label: str | None = None
        holders_by_task: dict[str, set[str]] = {}
        levels_by_task: dict[str, set[str | None]] = {}
        if of is not None:
            duties = self.duties(of=of, on=start)
            label = duties.of
            for d in duties.items:
                holders_by_task.setdefault(d.task, set()).add(d.organization.name)
                levels_by_task.setdefault(d.task, set()).add(self._unit_level(d.organization))
        items: list[AgendaItem] = []
        notices: dict[Notice, None] = {}
        for task in self._tasks.values():
            if of is not None and task.id not in holders_by_task:
                continue
            for dl in task.deadlines:
                if (
                    of is not None
                    and dl.applies_to is not None
                    and (dl.applies_to not in levels_by_task[task.id])
                ):
                    continue
                spans = self._rule_spans(dl, start, end, task.id, notices)
                for rule, citation, lo, hi in spans:
                    items.extend(
                        self._agenda_items(task, dl, rule, citation, lo, hi, holders_by_task)
                    )
        items.sort(key=lambda i: (i.due, i.task))
        return Agenda(of=label, start=start, end=end, items=tuple(items), warnings=tuple(notices))

    def _rule_spans(
        self, dl: Any, start: date, end: date, task: str, notices: dict[Notice, None]
    ) -> list[tuple[Any, str | None, date, date]]:
        """The rules of a deadline in force over ``[start, end]``, each with the stretch it
        governs: a statute may change inside the window (a new version, or none encoded).
        Notices on stretches without a computable rule go to ``notices``."""
        out: list[tuple[Any, str | None, date, date]] = []
        day = start
        while day <= end:
            rule, citation, notice = self._rule_and_notice(dl, day, task)
            if notice is not None:
                notices[notice] = None
            nxt = self._next_version(dl, day, found=rule is not None)
            hi = end if nxt is None or nxt > end else nxt - timedelta(days=1)
            if rule is not None:
                out.append((rule, citation, day, hi))
            if nxt is None or nxt > end:
                break
            day = nxt
        return out

    def _next_version(self, dl: Any, day: date, *, found: bool) -> date | None:
        """The day after ``day`` on which the statute of ``dl`` changes, if known."""
        if dl.statute is None or self._statute is None:
            return None
        try:
            if found:
                end = self._statute(dl.statute, on=day).validity.valid_to
                return end if isinstance(end, date) and end > day else None
            latest = self._statute(dl.statute)
            begin = latest.validity.valid_from
            return begin if isinstance(begin, date) and begin > day else None
        except (NotFound, AttributeError):
            return None

    def _agenda_items(
        self,
        task: Task,
        dl: Any,
        rule: Any,
        citation: str | None,
        start: date,
        end: date,
        holders_by_task: Mapping[str, set[str]],
    ) -> list[AgendaItem]:
        items = []
        for due in self._occurrences(rule, dl.window, start, end):
            items.append(
                AgendaItem(
                    due=due,
                    task=task.id,
                    title_vi=task.title_vi,
                    title_en=task.title_en,
                    description_vi=str(rule.describe("vi")),
                    description_en=str(rule.describe("en")),
                    citation=citation,
                    applies_to=dl.applies_to,
                    holders=tuple(sorted(holders_by_task.get(task.id, ()))),
                )
            )
        return items

    def _occurrences(self, rule: Any, window: Validity, start: date, end: date) -> list[date]:
        if hasattr(rule, "occurrences"):
            if window.valid_to is not None:
                first = window.valid_from or start
                occ = rule.occurrences(first, window.valid_to + timedelta(days=120), self._calendar)
                occ = [d for d in occ if d >= first][:1]
                return [d for d in occ if start <= d <= end]
            lo = max(start, window.valid_from) if window.valid_from else start
            return list(rule.occurrences(lo, end, self._calendar)) if lo <= end else []
        day = getattr(rule, "on", None)
        if isinstance(day, date) and start <= day <= end:
            return [day]
        return []

    # ------------------------------------------------------------------ progress
    def _due_for(self, task: Task, level: str | None, on: date) -> date | None:
        for dl in task.deadlines:
            if dl.applies_to is not None and dl.applies_to != level:
                continue
            rule, _ = self._rule_of(dl, on)
            if rule is None:
                continue
            if dl.window.valid_to is not None and hasattr(rule, "occurrences"):
                first = dl.window.valid_from or on
                occ = rule.occurrences(
                    first, dl.window.valid_to + timedelta(days=120), self._calendar
                )
                later: list[date] = [d for d in occ if d >= first]
                if later:
                    return later[0]
            day = getattr(rule, "on", None)
            if isinstance(day, date):
                return day
        return None

    def status(self, task: str, org: Any, *, on: date) -> Status:
        """The progress status of ``task`` for the organization ``org`` (object, id or name)
        on ``on`` (see :func:`papi.progress.status_of`)."""
        on = _day(on, "on")
        if task not in self._tasks:
            raise NotFound("task", task, closest=self._task_names.closest(task))
        t = self._tasks[task]
        found = self._orgs_of(org, on)[0]
        if len(found) != 1:
            raise NotFound("organization", org, context="(give an organization, not a unit)")
        o = found[0]
        level = None if o.unit_id is None else self._territory.get(o.unit_id).level.value
        due = self._due_for(t, level, on)
        return status_of(
            due=due,
            starts=t.period.valid_from,
            reports=self._reports_by.get((task, o.id), ()),
            on=on,
            reporting=any(a.role is Role.REPORT for a in self._by_task.get(task, ())),
        )

    def overdue(self, *, on: date) -> Overdue:
        """(task, organization) pairs whose one-off deadline fell before ``on`` with no report
        *recorded in the model* by then. The holders are those assigned on the due date (a
        2022 duty stays with the 2022 organization, not its successors)."""
        on = _day(on, "on")
        items: list[OverdueItem] = []
        for a in self._assignments:
            if isinstance(innermost(a.selector), Unlisted) or isinstance(a.selector, HeadsOf):
                continue
            task = self._tasks[a.task]
            due = self._due_for(task, None, on)
            if due is None or due >= on or not a.validity.contains(due):
                continue
            for hit in self.resolve(a.selector, on=due, ref=self._ref_date(a)):
                st = self.status(task.id, hit.org.id, on=on)
                if st is Status.OVERDUE:
                    items.append(
                        OverdueItem(
                            task=task.id, organization=self._org_info(hit.org), due=due, status=st
                        )
                    )
        items = list(dict.fromkeys(items))
        items.sort(key=lambda i: (i.due, task_sort_key(i.task), i.organization.id))
        return Overdue(on=on, items=tuple(items))

    # ------------------------------------------------------------------ gaps
    def gaps(self, *, on: date) -> Gaps:
        """The holes in the plans on ``on``: dimensions with no lead, selectors matching nobody,
        assignments to abolished organizations with no successor, organizations without a head
        post, duties with no accountable person."""
        on = _day(on, "on")
        return self._memo(("gaps", on), lambda: self._gaps(on))

    def _gaps(self, on: date) -> Gaps:
        items: list[Gap] = []
        lead_codes: set[str] = set()
        for a in self._assignments:
            if not a.validity.contains(on):
                continue
            task = self._tasks[a.task]
            basis = f"{self._documents[a.basis.document].cite('en')} {a.basis.reference}"
            inner = innermost(a.selector)
            if isinstance(inner, Unlisted):
                items.append(
                    Gap(
                        kind="selector_matches_nobody",
                        subject=a.id,
                        message_vi=f"{a.task} ({a.role.label('vi')}): {inner.describe('vi')} — "
                        "không xác định được cơ quan nào",
                        message_en=f"{a.task} ({a.role.value}): {inner.describe('en')} — matches "
                        "no known organization",
                        basis=basis,
                    )
                )
                continue
            hits = self.resolve(a.selector, on=on, ref=self._ref_date(a))
            if not hits:
                direct_before = self._direct(innermost(a.selector), self._ref_date(a))
                kind = "abolished_without_successor" if direct_before else "selector_matches_nobody"
                items.append(
                    Gap(
                        kind=kind,
                        subject=a.id,
                        message_vi=f"{a.task} ({a.role.label('vi')}): {a.selector.describe('vi')} "
                        f"không khớp tổ chức nào ngày {on:%d/%m/%Y}",
                        message_en=f"{a.task} ({a.role.value}): {a.selector.describe('en')} "
                        f"matches nobody on {on.isoformat()}",
                        basis=basis,
                    )
                )
                continue
            if a.role is Role.LEAD:
                lead_codes.update(task.indicators)
            distinct = {h.org.id: h for h in hits}
            unknown = [h for h in distinct.values() if self._accountable_unknown(h, on)]
            if unknown:
                items.append(
                    Gap(
                        kind="no_accountable_person",
                        subject=a.id,
                        message_vi=f"{a.task}: {len(unknown)}/{len(distinct)} tổ chức không có người "
                        "đứng đầu được biết tên",
                        message_en=f"{a.task}: {len(unknown)} of {len(distinct)} organizations have no "
                        "known person in their head post",
                        basis=basis,
                    )
                )
        for task in sorted(self._tasks.values(), key=lambda t: task_sort_key(t.id)):
            if not task.defined_in:
                continue
            if not any(a.validity.contains(on) for a in self._by_task.get(task.id, ())):
                continue
            for ref in task.defined_in:
                doc = self._documents[ref.document]
                items.append(
                    Gap(
                        kind="content_not_in_data",
                        subject=task.id,
                        message_vi=f"{task.id}: nội dung nhiệm vụ nằm ở {ref.reference} "
                        f"{doc.cite('vi')}, không có trong dữ liệu",
                        message_en=f"{task.id}: what the task covers is in {ref.reference} of "
                        f"{doc.cite('en')}, which is not in the dataset",
                        basis=f"{self._documents[task.document].cite('en')} {task.reference}",
                    )
                )
        for dim in self._framework.dimensions:
            if not any(self._framework.related(dim.code, c) for c in lead_codes):
                items.append(
                    Gap(
                        kind="no_lead",
                        subject=dim.code,
                        message_vi=f"Chưa có cơ quan chủ trì cho {dim.code} ({dim.name_vi})",
                        message_en=f"No lead agency for {dim.code} ({dim.name_en})",
                    )
                )
        for o in self._orgs.organizations(on=on):
            if self._orgs.head_post(o, on=on) is None:
                items.append(
                    Gap(
                        kind="no_head_post",
                        subject=o.id,
                        message_vi=f"{o.name} không có chức vụ người đứng đầu trong dữ liệu",
                        message_en=f"{o.name} has no head post in the data",
                    )
                )
        return Gaps(on=on, items=tuple(items))

    def _accountable_unknown(self, hit: _Hit, on: date) -> bool:
        post = hit.post
        if post is _NO_HEAD:
            return True
        if post is None:
            post = self._orgs.head_post(hit.org, on=on)
            if post is None:
                return True
        h = self._orgs.holder(post, on=on)
        return h is None or h.person is None


class _Missing:
    pass


_MISSING: Any = _Missing()
_PAST: Any = _Missing()
_NO_HEAD: Any = _Missing()


_ARTICLE = re.compile(r"\bart\. ?[0-9]+(?:\([0-9a-zđ]+\))*", re.IGNORECASE)


def _hop_citation(act: str, sources: Iterable[str]) -> str:
    """``"Law 72/2025/QH15 art. 51(3)"`` when a source of the succession cites the article."""
    for src in sources:
        if act in src:
            m = _ARTICLE.search(src, src.index(act))
            if m:
                head = src[: src.index(act)].split(":")[-1].strip()
                return f"{head} {act} {m.group(0)}".strip()
    return act


def _day(value: Any, path: str) -> date:
    """A query date: a :class:`~datetime.date` as is (the fast path), else
    :func:`papi.dates.parse_date` (an ISO string or an aware datetime), raising
    :class:`~papi.errors.InvalidData` naming the argument."""
    if type(value) is date:
        return value
    return parse_date(value, path=path)


def _enum_value(value: Any) -> str:
    return str(getattr(value, "value", value))


def _territory_level(level: str) -> Any:
    from papi.territory import Level

    return Level(level)


def _dedupe(specs: list[_Spec]) -> list[_Spec]:
    """Drop head-principle entries where an assignment names the same organization's head
    explicitly, and repeated entries; sort the rest in answer order (role, inherited last,
    task). Two specs give equal :class:`Responsible` entries exactly when their keys below
    are equal: the infos are functions of the ids and the era, and the role, task and basis
    are functions of the assignment (ids are unique) and the principle."""
    explicit_acc = {
        (spec[4], spec[9].task) for spec in specs if spec[3] is _ACC and spec[10] is None
    }
    seen: dict[tuple[Any, ...], _Spec] = {}
    for spec in specs:
        _, _, _, _, org_id, _, post_id, _, _, a, principle, _, via = spec
        if principle is not None and (org_id, a.task) in explicit_acc:
            continue
        seen.setdefault((a.id, principle, org_id, post_id, via), spec)
    out = list(seen.values())
    out.sort(key=_spec_order)
    return out


def _group_reports(reports: Iterable[Report]) -> dict[tuple[str, str], tuple[Report, ...]]:
    out: dict[tuple[str, str], list[Report]] = {}
    for r in reports:
        out.setdefault((r.task, r.organization), []).append(r)
    return {k: tuple(sorted(v, key=lambda r: r.submitted)) for k, v in out.items()}


# ------------------------------------------------------------------------------ builder


class Builder:
    """Collects documents, tasks, assignments and reports, then :meth:`build` validates them
    all against the framework, territory, organizations and statutes and raises one
    :class:`~papi.errors.InvalidData` listing every problem (each ``add_*`` takes an optional
    ``path`` naming where the record came from, e.g. ``"plan.toml: tasks[2]"``)."""

    def __init__(
        self,
        *,
        framework: Any,
        territory: Any,
        organizations: Any,
        calendar: Any = None,
        statute: Callable[..., Any] | None = None,
    ) -> None:
        self._framework = framework
        self._territory = territory
        self._orgs = organizations
        self._calendar = calendar
        self._statute = statute
        self._documents: list[tuple[Document, str]] = []
        self._tasks: list[tuple[Task, str]] = []
        self._assignments: list[tuple[Assignment, str]] = []
        self._reports: list[tuple[Report, str]] = []
        self._notes: list[Notice] = []
        self._problems: list[Problem] = []
        self._check_selectors: set[str] = set()
        self._codes: frozenset[str] | None = None

    def add_document(self, doc: Document, *, path: str | None = None) -> Builder:
        """Add a document."""
        self._documents.append((doc, path or f"documents[{doc.id}]"))
        return self

    def add_task(self, task: Task, *, path: str | None = None) -> Builder:
        """Add a task."""
        self._tasks.append((task, path or f"tasks[{task.id}]"))
        return self

    def add_assignment(
        self, assignment: Assignment, *, path: str | None = None, must_match: bool = False
    ) -> Builder:
        """Add an assignment. With ``must_match``, :meth:`build` reports a problem when its
        selector matches nobody on the day it takes effect."""
        p = path or f"assignments[{assignment.id}]"
        self._assignments.append((assignment, p))
        if must_match:
            self._check_selectors.add(assignment.id)
        return self

    def add_report(self, report: Report, *, path: str | None = None) -> Builder:
        """Add a progress report."""
        self._reports.append((report, path or f"reports[{report.task}/{report.organization}]"))
        return self

    def add_note(self, note: Notice) -> Builder:
        """A dataset-wide notice shown with every :meth:`Governance.who` answer."""
        self._notes.append(note)
        return self

    def add_problem(self, problem: Problem) -> Builder:
        """Record a problem found while reading input, reported by :meth:`build`."""
        self._problems.append(problem)
        return self

    def build(self) -> Governance:
        """Validate everything and return the immutable :class:`Governance`."""
        problems = list(self._problems)
        docs: dict[str, Document] = {}
        for d, p in self._documents:
            if d.id in docs and docs[d.id] != d:
                problems.append(
                    Problem(path=f"{p}.id", message="duplicate document id", value=d.id)
                )
            docs[d.id] = d
        for d, p in self._documents:
            for i, ref in enumerate(d.implements):
                if ref not in docs:
                    problems.append(
                        Problem(path=f"{p}.implements[{i}]", message="unknown document", value=ref)
                    )
            for i, ref in enumerate(d.supersedes):
                if ref not in docs:
                    problems.append(
                        Problem(path=f"{p}.supersedes[{i}]", message="unknown document", value=ref)
                    )
        tasks: dict[str, Task] = {}
        for t, p in self._tasks:
            if t.id in tasks and tasks[t.id] != t:
                problems.append(Problem(path=f"{p}.id", message="duplicate task id", value=t.id))
            tasks[t.id] = t
            if t.document not in docs:
                problems.append(
                    Problem(path=f"{p}.document", message="unknown document", value=t.document)
                )
            for i, part in enumerate(t.defined_in):
                if part.document not in docs:
                    problems.append(
                        Problem(
                            path=f"{p}.defined_in[{i}].document",
                            message="unknown document",
                            value=part.document,
                        )
                    )
            for i, code in enumerate(t.indicators):
                if code not in self._framework:
                    problems.append(
                        Problem(
                            path=f"{p}.indicators[{i}]", message="unknown indicator", value=code
                        )
                    )
            for i, dl in enumerate(t.deadlines):
                if dl.statute is not None and self._statute is not None:
                    try:
                        self._statute(dl.statute)
                    except NotFound as err:
                        problems.append(
                            Problem(
                                path=f"{p}.deadlines[{i}].statute",
                                message="unknown statute"
                                + ("; closest: " + ", ".join(err.closest) if err.closest else ""),
                                value=dl.statute,
                            )
                        )
                if dl.applies_to is not None and dl.applies_to not in (
                    "province",
                    "district",
                    "commune",
                    "village",
                ):
                    problems.append(
                        Problem(
                            path=f"{p}.deadlines[{i}].applies_to",
                            message="not a level",
                            value=dl.applies_to,
                        )
                    )
        seen_a: set[str] = set()
        checkable: list[tuple[Assignment, str]] = []  # whose selector can be resolved
        for a, p in self._assignments:
            if a.id in seen_a:
                problems.append(
                    Problem(path=f"{p}.id", message="duplicate assignment id", value=a.id)
                )
            seen_a.add(a.id)
            if a.task not in tasks:
                problems.append(Problem(path=f"{p}.task", message="unknown task", value=a.task))
            if a.basis.document not in docs:
                problems.append(
                    Problem(
                        path=f"{p}.basis.document",
                        message="unknown document",
                        value=a.basis.document,
                    )
                )
            selector_problems = self._check_selector(a.selector, f"{p}.selector")
            problems.extend(selector_problems)
            if a.basis.document in docs and not selector_problems:
                checkable.append((a, p))
        for r, p in self._reports:
            if r.task not in tasks:
                problems.append(Problem(path=f"{p}.task", message="unknown task", value=r.task))
            try:
                self._orgs.get(r.organization)
            except NotFound as err:
                problems.append(
                    Problem(
                        path=f"{p}.organization",
                        message=f"unknown organization{_closest(err)}",
                        value=r.organization,
                    )
                )
        if problems:
            # a selector that matches nobody is reported with the other problems: resolve the
            # well-formed assignments against a provisional model of the valid documents
            provisional = Governance(
                framework=self._framework,
                territory=self._territory,
                organizations=self._orgs,
                calendar=self._calendar,
                documents=docs,
                tasks={},
                assignments=[a for a, _ in checkable],
                reports=[],
                statute=self._statute,
            )
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                problems.extend(self._unmatched(provisional, checkable))
            raise InvalidData.collect("the governance model is invalid", problems)
        gov = Governance(
            framework=self._framework,
            territory=self._territory,
            organizations=self._orgs,
            calendar=self._calendar,
            documents=docs,
            tasks=tasks,
            assignments=[a for a, _ in self._assignments],
            reports=[r for r, _ in self._reports],
            statute=self._statute,
            notes=self._notes,
        )
        later: list[Problem] = []
        with warnings.catch_warnings():  # coverage warnings on past dates are expected here
            warnings.simplefilter("ignore")
            later = self._unmatched(gov, self._assignments)
        if later:
            raise InvalidData.collect("the governance model is invalid", later)
        return gov

    def _unmatched(
        self, gov: Governance, assignments: Sequence[tuple[Assignment, str]]
    ) -> list[Problem]:
        later: list[Problem] = []
        for a, p in assignments:
            if a.id in self._check_selectors and not isinstance(innermost(a.selector), Unlisted):
                day = gov._ref_date(a)
                if not gov.resolve(a.selector, on=day):
                    later.append(
                        Problem(
                            path=f"{p}.selector",
                            message=f"matches no organization on {day.isoformat()}",
                            value=a.selector.to_dict(),
                        )
                    )
        return later

    def _check_selector(self, sel: Selector, path: str) -> list[Problem]:
        if isinstance(sel, HeadsOf):
            return self._check_selector(sel.of, f"{path}.of")
        if isinstance(sel, OrgById):
            try:
                self._orgs.get(sel.id)
            except NotFound as err:
                return [
                    Problem(
                        path=f"{path}.id",
                        message=f"unknown organization{_closest(err)}",
                        value=sel.id,
                    )
                ]
            return []
        if (
            isinstance(sel, CommitteesOf | DepartmentsBySector)
            and sel.within is not None
            and not self._unit_known(sel.within)
        ):
            return [Problem(path=f"{path}.within", message="unknown unit", value=sel.within)]
        return []

    def _unit_known(self, ref: str) -> bool:
        try:
            self._territory.get(ref)
            return True
        except NotFound:
            pass
        if self._codes is None:
            self._codes = frozenset(u.code for u in self._territory)
        return ref in self._codes or bool(self._territory.find(ref))


def _closest(err: NotFound) -> str:
    return "; closest: " + ", ".join(err.closest) if err.closest else ""
