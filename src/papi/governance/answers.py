"""The answer types and their JSON: plain frozen data a portal can store and read back.

Every answer (:class:`Accountability`, :class:`Duties`, :class:`Agenda`, :class:`Overdue`,
:class:`Escalation`, :class:`Gaps`, :class:`Case`) has ``to_dict()`` (JSON-ready, a versioned
``schema`` key first), ``from_dict()`` (lossless), ``rows(lang)`` (flat rows for tables,
:func:`papi.frames.rows`), ``to_frame(lang)`` (the same as a pandas DataFrame, the optional
``frames`` extra), ``explain(lang)`` (text, in :mod:`papi.governance.explain`), a one-line
``repr`` and ``_repr_html_`` (a compact table, for notebooks).

>>> from datetime import date
>>> import papi
>>> acc = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> acc
<Accountability D3 in Phường Hoàn Kiếm on 2026-03-01: 29 entries, 8 warnings>
>>> acc.rows(lang="en")[0]["role"]
'implement'
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeAlias, TypeVar

import attrs
from cattrs.preconf.json import make_converter

from papi.duties import Role
from papi.errors import InvalidData
from papi.governance.explain import (
    PRINCIPLE_HEAD,
    explain_accountability,
    explain_agenda,
    explain_case,
    explain_duties,
    explain_escalation,
    explain_gaps,
    explain_overdue,
    task_sort_key,
)
from papi.progress import Status
from papi.rules import citation_vi, reference_en

if TYPE_CHECKING:
    import pandas as pd

    from papi.frames import Row

__all__ = [
    "ANSWER_TYPES",
    "PRINCIPLE_HEAD",
    "Accountability",
    "Agenda",
    "AgendaItem",
    "BasisInfo",
    "Case",
    "CaseKind",
    "CaseStep",
    "Channel",
    "DeadlineInfo",
    "Duties",
    "DutyItem",
    "Escalation",
    "EscalationStep",
    "Gap",
    "GapKind",
    "Gaps",
    "Holder",
    "HolderRef",
    "HolderStatus",
    "Hop",
    "LawRoleInfo",
    "LevelName",
    "Notice",
    "OrgInfo",
    "Overdue",
    "OverdueItem",
    "PostInfo",
    "Responsible",
    "SkippedDay",
    "SubjectInfo",
    "SubjectKind",
    "SuccessionKind",
    "TaskHolders",
    "UnitInfo",
    "task_sort_key",
]

# --------------------------------------------------------------------------- vocabularies

LevelName: TypeAlias = Literal["province", "district", "commune", "village"]
"""The level of a unit as answers write it: the values of :class:`papi.territory.Level`."""
HolderStatus: TypeAlias = Literal["known", "acting", "vacant", "unknown"]
"""What the data says of who holds a post on the day (:class:`Holder`)."""
SubjectKind: TypeAlias = Literal["indicator", "task", "topic"]
"""What a question was about (:class:`SubjectInfo`)."""
GapKind: TypeAlias = Literal[
    "no_lead",
    "selector_matches_nobody",
    "abolished_without_successor",
    "no_head_post",
    "no_accountable_person",
    "content_not_in_data",
]
"""The kinds of hole in a plan (:class:`Gap`)."""
CaseKind: TypeAlias = Literal["complaint", "denunciation", "information"]
"""The kinds of case :meth:`Governance.case <papi.governance.Governance.case>` follows."""
Channel: TypeAlias = Literal["office", "online", "post"]
"""How an information request arrived (:class:`Case`)."""
SuccessionKind: TypeAlias = Literal[
    "merge", "split", "rename", "abolish_tier", "absorb", "reorganise"
]
"""The kinds of :class:`papi.territory.Succession` (:class:`Hop`)."""

# --------------------------------------------------------------------------- answer data


def _citation_vi(self: Any) -> Any:
    """The default of a ``citation_vi`` field: the ``citation`` beside it, the Vietnamese way."""
    return None if self.citation is None else citation_vi(self.citation)


@attrs.frozen(kw_only=True, cache_hash=True)
class UnitInfo:
    """An administrative unit as shown in answers."""

    id: str
    code: str
    name: str
    level: LevelName


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
    """Who holds a post on the day: ``status`` is ``"known"`` (``person`` named),
    ``"acting"`` (``person`` runs the post without its title: *phụ trách*, or an acting
    chairperson), ``"vacant"`` (a source says the post is empty) or ``"unknown"`` (the data
    does not say).

    >>> Holder(status="acting", person="Lê Hồng Sơn").text("vi")
    'Lê Hồng Sơn (phụ trách)'
    >>> Holder(status="acting", person="Lê Hồng Sơn").text("en")
    'Lê Hồng Sơn (acting)'
    """

    status: HolderStatus
    person: str | None = None
    since: date | None = None
    sources: tuple[str, ...] = ()

    def text(self, lang: str) -> str:
        """``"Vũ Đại Thắng"``, ``"Lê Hồng Sơn (phụ trách)"`` / ``"Lê Hồng Sơn (acting)"``,
        ``"(trống)"`` / ``"(vacant)"`` or ``"(chưa rõ)"`` / ``"(unknown)"``."""
        if self.status == "known" and self.person:
            return self.person
        if self.status == "acting" and self.person:
            return f"{self.person} (phụ trách)" if lang == "vi" else f"{self.person} (acting)"
        if self.status == "vacant":
            return "(trống)" if lang == "vi" else "(vacant)"
        return "(chưa rõ người giữ chức)" if lang == "vi" else "(holder unknown)"


@attrs.frozen(kw_only=True, cache_hash=True)
class BasisInfo:
    """What put an entry in an answer: the assignment, the document and its reference.
    ``principle`` is ``"nguoi_dung_dau"`` when the entry follows from the head-of-organization
    principle rather than from an explicit assignment. ``reference`` is the article or
    paragraph as the document writes it (Vietnamese), ``reference_en`` the same in English
    (:func:`papi.rules.reference_en`)."""

    assignment: str
    document: str
    citation_vi: str
    citation_en: str
    reference: str
    principle: Literal["nguoi_dung_dau"] | None = None
    reference_en: str = attrs.field(
        default=attrs.Factory(lambda self: reference_en(self.reference), takes_self=True)
    )


@attrs.frozen(kw_only=True, cache_hash=True)
class Hop:
    """One succession step taken while resolving: ``abolished`` (names of what ended) passed to
    ``successors`` on ``effective`` by ``act``."""

    kind: SuccessionKind
    effective: date
    act: str
    abolished: tuple[str, ...]
    successors: tuple[str, ...]
    citation: str
    note: str | None = None
    #: ``citation`` (English) written the Vietnamese way
    citation_vi: str = attrs.field(default=attrs.Factory(_citation_vi, takes_self=True))

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
    applies_to: LevelName | None
    #: ``citation`` (English) written the Vietnamese way
    citation_vi: str | None = attrs.field(default=attrs.Factory(_citation_vi, takes_self=True))
    #: who must meet it, in Vietnamese and English: for a statute, its holder in the law's
    #: index (:func:`papi.law.statute_holder`: a post or organization of a level, e.g.
    #: ``"Chủ tịch Ủy ban nhân dân cấp xã"``), and for a holder defined by the law's tasks
    #: (``"người giải quyết khiếu nại lần đầu"``) or a plan's own deadline, the posts and
    #: organizations holding the task in the answer (at most three named); ``None`` when
    #: the answer names nobody for the task
    holder_vi: str | None = None
    holder_en: str | None = None

    def holder(self, lang: str = "vi") -> str | None:
        """Who must meet the deadline, in ``lang`` (see ``holder_vi``)."""
        return self.holder_vi if lang == "vi" else self.holder_en


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
    """What was asked about: an indicator (``kind="indicator"``), a task, or a topic of the
    law's duties (``kind="topic"``: "khiếu nại", "complaint"; see :mod:`papi.law`), and the
    tasks it covers."""

    kind: SubjectKind
    code: str
    name_vi: str
    name_en: str | None
    tasks: tuple[str, ...]


@attrs.frozen(kw_only=True, cache_hash=True)
class LawRoleInfo:
    """A role of a task of the law's duties in the law's own words (``accept``: *thụ lý*),
    beside the plan role its entries carry (:meth:`papi.law.LawIndex.roles_of`)."""

    task: str
    key: str
    name_vi: str
    name_en: str

    def label(self, lang: str = "vi") -> str:
        """The role's name in Vietnamese or English."""
        return self.name_vi if lang == "vi" else self.name_en


_CONVERTER = make_converter(forbid_extra_keys=True)
_A = TypeVar("_A")


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

    #: how many rows :meth:`_repr_html_` shows at most
    HTML_ROWS: ClassVar[int] = 50

    def _summary(self) -> str:
        """What, where and when, and how many of what: the inside of :meth:`__repr__`."""
        return type(self).__name__

    def __repr__(self) -> str:
        """A one-line summary, e.g. ``<Accountability D3 in Phường Hoàn Kiếm on 2026-03-01: 29
        entries, 8 warnings>``; the whole answer is :meth:`to_dict` or :meth:`explain`."""
        return f"<{self._summary()}>"

    def rows(self, lang: str = "vi") -> list[Row]:
        """Plain table rows, one per entity, with text in ``lang`` (``"vi"`` or ``"en"``):
        :func:`papi.frames.rows` of this answer."""
        from papi.frames import rows

        return rows(self, lang=lang)

    def to_frame(self, lang: str = "vi") -> pd.DataFrame:
        """:meth:`rows` as a :class:`pandas.DataFrame` (needs pandas, the ``frames`` extra):
        :func:`papi.frames.to_frame` of this answer."""
        from papi.frames import to_frame

        return to_frame(self, lang=lang)

    def _repr_html_(self) -> str:
        """A compact HTML table of :meth:`rows` for notebooks: the summary as caption, at most
        :attr:`HTML_ROWS` rows, then the warnings (all text escaped)."""
        data = self.rows()
        columns = list(data[0]) if data else []
        head = "".join(f"<th>{escape(c)}</th>" for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(r[c])}</td>" for c in columns) + "</tr>"
            for r in data[: self.HTML_ROWS]
        )
        more = len(data) - self.HTML_ROWS
        out = [
            f"<table><caption>{escape(self._summary())}</caption>",
            f"<thead><tr>{head}</tr></thead>" if columns else "",
            f"<tbody>{body}</tbody></table>",
        ]
        if more > 0:
            out.append(f"<p>… {more} more rows</p>")
        notices: tuple[Notice, ...] = getattr(self, "warnings", ())
        if notices:
            items = "".join(
                f"<li><code>{escape(n.code)}</code> {escape(n.message_en)}</li>" for n in notices
            )
            out.append(f"<ul>{items}</ul>")
        return "".join(out)


def _cell(value: object) -> str:
    return "" if value is None else escape(str(value))


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _schema(name: str) -> Any:
    return attrs.field(default=name, init=True)


@attrs.frozen(kw_only=True, repr=False)
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
    #: the roles of the law's tasks among ``responsible``, in the law's words (VI/EN)
    law_roles: tuple[LawRoleInfo, ...] = ()

    def by_role(self, role: Role) -> tuple[Responsible, ...]:
        """The entries holding ``role``."""
        return tuple(r for r in self.responsible if r.role is role)

    def role_text(self, entry: Responsible, lang: str = "vi") -> str:
        """The role of ``entry`` as users read it: for a task of the law's duties held under
        an explicit assignment, the law's roles of that task (``"thụ lý, giải quyết lần
        đầu"`` / ``"accept, resolve (first instance)"``, :attr:`law_roles`); otherwise the
        plan role (``"chủ trì"`` / ``"lead"``). An entry following from the head-of-
        organization principle keeps the plan role (``accountable``): the law gives the
        acts to the organization, not to its head."""
        if entry.task.startswith("law.") and entry.basis.principle is None:
            names = [lr.label(lang) for lr in self.law_roles if lr.task == entry.task]
            if names:
                return ", ".join(dict.fromkeys(names))
        return entry.role.label(lang)

    def _summary(self) -> str:
        w = self.where.name
        return (
            f"Accountability {self.subject.code} in {w} on {self.on}: "
            f"{_count(len(self.responsible), 'entry', 'entries')}, "
            f"{_count(len(self.warnings), 'warning')}"
        )

    def explain(self, lang: str = "vi") -> str:
        """The reasoning as text a portal can show a citizen, in Vietnamese or English."""
        return explain_accountability(self, lang)


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


@attrs.frozen(kw_only=True, repr=False)
class Duties(_Answer):
    """The answer of :meth:`Governance.duties`."""

    SCHEMA: ClassVar[str] = "papi.duties/1"
    schema: str = _schema("papi.duties/1")
    of: str
    on: date
    items: tuple[DutyItem, ...]
    warnings: tuple[Notice, ...] = ()

    def _summary(self) -> str:
        return (
            f"Duties of {self.of} on {self.on}: {_count(len(self.items), 'duty', 'duties')}, "
            f"{_count(len(self.warnings), 'warning')}"
        )

    def explain(self, lang: str = "vi") -> str:
        """The duties as text."""
        return explain_duties(self, lang)


@attrs.frozen(kw_only=True)
class AgendaItem:
    """One deadline in a window: who must meet it is in the agenda's ``holders`` under its
    ``task`` (those of level ``applies_to`` when it is set); ``holder_count`` says how many
    they are."""

    due: date
    task: str
    title_vi: str
    title_en: str | None
    description_vi: str
    description_en: str
    citation: str | None
    applies_to: LevelName | None
    holder_count: int
    #: ``citation`` (English) written the Vietnamese way
    citation_vi: str | None = attrs.field(default=attrs.Factory(_citation_vi, takes_self=True))


@attrs.frozen(kw_only=True, cache_hash=True)
class HolderRef:
    """An organization that must meet deadlines, compactly: its ``id`` and ``name``, the unit
    it serves (``unit``, an id) and that unit's ``level``, its ``roles`` for the task, its head
    post (``post``, an id; ``None`` when it has none) and the person holding that post on the
    day where the data names one (``person``; acting holders included)."""

    id: str
    name: str
    unit: str | None
    level: LevelName | None
    roles: tuple[Role, ...]
    post: str | None
    person: str | None


@attrs.frozen(kw_only=True)
class TaskHolders:
    """Who must meet the deadlines of ``task`` in an :class:`Agenda`: the organizations
    holding it, in any role, on the agenda's first day."""

    task: str
    organizations: tuple[HolderRef, ...]


@attrs.frozen(kw_only=True, repr=False)
class Agenda(_Answer):
    """The answer of :meth:`Governance.agenda`: deadlines in ``[start, end]``, recurring ones
    expanded, sorted by date; who must meet them once per task (``holders``: over the whole
    country a task of every commune has 3,321 holders, and a quarter repeats it in every
    item)."""

    SCHEMA: ClassVar[str] = "papi.agenda/1"
    schema: str = _schema("papi.agenda/1")
    of: str | None
    start: date
    end: date
    items: tuple[AgendaItem, ...]
    holders: tuple[TaskHolders, ...] = ()
    warnings: tuple[Notice, ...] = ()

    def holders_of(self, item: AgendaItem) -> tuple[HolderRef, ...]:
        """Who must meet ``item``: the holders of its task (of its level, when it has one)."""
        for group in self.holders:
            if group.task == item.task:
                return tuple(
                    h
                    for h in group.organizations
                    if item.applies_to is None or h.level == item.applies_to
                )
        return ()

    def _summary(self) -> str:
        return (
            f"Agenda of {self.of or 'everyone'} from {self.start} to {self.end}: "
            f"{_count(len(self.items), 'deadline')}, {_count(len(self.warnings), 'warning')}"
        )

    def explain(self, lang: str = "vi") -> str:
        """The agenda as text."""
        return explain_agenda(self, lang)


@attrs.frozen(kw_only=True)
class OverdueItem:
    """A (task, organization) pair whose deadline passed without a report."""

    task: str
    organization: OrgInfo
    due: date
    status: Status


@attrs.frozen(kw_only=True, repr=False)
class Overdue(_Answer):
    """The answer of :meth:`Governance.overdue`."""

    SCHEMA: ClassVar[str] = "papi.overdue/1"
    schema: str = _schema("papi.overdue/1")
    on: date
    items: tuple[OverdueItem, ...]

    def _summary(self) -> str:
        return f"Overdue on {self.on}: {_count(len(self.items), 'item')}"

    def explain(self, lang: str = "vi") -> str:
        """The list as text."""
        return explain_overdue(self, lang)


@attrs.frozen(kw_only=True, repr=False)
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

    def _summary(self) -> str:
        return (
            f"Escalation from {self.where.name} on {self.on}: {_count(len(self.steps), 'step')}, "
            f"{_count(len(self.warnings), 'warning')}"
        )

    def explain(self, lang: str = "vi") -> str:
        """The ladder as text (after a note on the unit answering, if it is a successor)."""
        return explain_escalation(self, lang)


@attrs.frozen(kw_only=True)
class Gap:
    """A hole in a plan: ``kind`` is one of ``no_lead``, ``selector_matches_nobody``,
    ``abolished_without_successor``, ``no_head_post``, ``no_accountable_person``,
    ``content_not_in_data`` (a task whose content is defined in a text the dataset lacks);
    ``basis`` cites the assignment or task at fault (``basis_vi``: in Vietnamese)."""

    kind: GapKind
    subject: str
    message_vi: str
    message_en: str
    basis: str | None = None
    basis_vi: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Gaps(_Answer):
    """The answer of :meth:`Governance.gaps`."""

    SCHEMA: ClassVar[str] = "papi.gaps/1"
    schema: str = _schema("papi.gaps/1")
    on: date
    items: tuple[Gap, ...]

    def kinds(self) -> frozenset[str]:
        """The kinds of gap present."""
        return frozenset(g.kind for g in self.items)

    def _summary(self) -> str:
        return f"Gaps on {self.on}: {_count(len(self.items), 'gap')}"

    def explain(self, lang: str = "vi") -> str:
        """The gaps as text."""
        return explain_gaps(self, lang)


@attrs.frozen(kw_only=True, cache_hash=True)
class SkippedDay:
    """A day a period did not count (working days) or rolled over (Civil Code art. 148):
    a weekend, a public holiday or a government day off, named in both languages."""

    day: date
    name_vi: str
    name_en: str


@attrs.frozen(kw_only=True)
class CaseStep:
    """One step of a :class:`Case`: what must happen (``key``: ``accept``, ``resolve``,
    ``file_second``, ``second_accept``, ``second_resolve``, ``screen``, ``notify``, ``provide``
    ...), in the law's words, by whom (post, organization, holder; the competence's basis), by
    when (``due``, counted from ``start``) under which statute (``statute``, ``citation``,
    ``also``), and the arithmetic: ``n`` ``unit`` (``working_days`` or ``calendar_days``...),
    the days not counted or rolled over (``skipped``) and, for a calendar period whose last
    day was not a working day, the day it would have ended (``nominal_end``). ``due`` is
    ``None`` when no period is in force (a warning of the case says why); ``elapsed`` is true
    when ``due`` lies before the day asked about."""

    key: str
    name_vi: str
    name_en: str
    role: str | None
    role_vi: str | None
    role_en: str | None
    organization: OrgInfo | None
    post: PostInfo | None
    holder: Holder | None
    basis: BasisInfo | None
    verified: bool
    statute: str | None
    citation: str | None
    also: tuple[str, ...]
    start: date
    start_vi: str
    start_en: str
    n: int | None
    unit: str | None
    due: date | None
    nominal_end: date | None
    skipped: tuple[SkippedDay, ...]
    elapsed: bool
    #: ``citation`` and ``also`` (English) written the Vietnamese way
    citation_vi: str | None = attrs.field(default=attrs.Factory(_citation_vi, takes_self=True))
    also_vi: tuple[str, ...] = attrs.field(
        default=attrs.Factory(
            lambda self: tuple(citation_vi(c) for c in self.also), takes_self=True
        )
    )


@attrs.frozen(kw_only=True, repr=False)
class Case(_Answer):
    """The answer of :meth:`Governance.case`: a complaint, denunciation or information
    request received in ``where`` on ``received``, step by step (``steps``), as the law
    stands on each step's day; ``warnings`` for what the data cannot vouch for (an
    unsourced or unverified competence, a period not in force)."""

    SCHEMA: ClassVar[str] = "papi.case/1"
    schema: str = _schema("papi.case/1")
    kind: CaseKind
    where: UnitInfo
    received: date
    on: date
    complex: bool
    remote: bool
    channel: Channel | None
    steps: tuple[CaseStep, ...]
    hops: tuple[Hop, ...]
    warnings: tuple[Notice, ...]
    #: the body the complaint or denunciation is against (``None``: the People's Committee
    #: of ``where``, the default)
    against: OrgInfo | None = None

    def step(self, key: str) -> CaseStep:
        """The step ``key`` (``"accept"``, ``"resolve"`` ...)."""
        for s in self.steps:
            if s.key == key:
                return s
        raise KeyError(key)

    def _summary(self) -> str:
        return (
            f"Case {self.kind} in {self.where.name} received {self.received}, on {self.on}: "
            f"{_count(len(self.steps), 'step')}, {_count(len(self.warnings), 'warning')}"
        )

    def explain(self, lang: str = "vi") -> str:
        """The case as text a portal can show a citizen, in Vietnamese or English."""
        return explain_case(self, lang)


ANSWER_TYPES: Mapping[str, type[_Answer]] = MappingProxyType(
    {c.SCHEMA: c for c in (Accountability, Duties, Agenda, Overdue, Escalation, Gaps, Case)}
)

# ----------------------------------------------------------------------------- laziness
# Made in papi.governance._lazy, which needs the classes above: imported here, last, so that
# the lazy fields are installed on Accountability whichever module is imported first.
from papi.governance._lazy import Lazy as Lazy  # noqa: E402
from papi.governance._lazy import lazy_accountability as lazy_accountability  # noqa: E402
