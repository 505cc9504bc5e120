"""Duties as data: legal documents, the tasks they set, roles, selectors and assignments.

A :class:`Document` is a legal basis (a law, a decree, a city plan, a dispatch). A :class:`Task`
is one duty in it, with its paragraph or appendix reference, the PAPI indicator codes it
touches and its deadlines. An :class:`Assignment` says that whatever a :class:`Selector` picks
holds a :class:`Role` for a task, on a basis (document + reference), during a validity interval.

Selectors name organizations *without enumerating them*, so one assignment covers 579, 526 or
126 communes as the day requires (they are resolved by :mod:`papi.governance` against the
snapshot of the query date):

>>> sel = HeadsOf(of=CommitteesOf(level="commune", within="01"))
>>> sel.describe("en")
"the head of the People's Committee of every commune-level unit within 01"
>>> selector_from_dict(sel.to_dict(), path="s") == sel
True
>>> Role.parse("chủ trì") is Role.LEAD, Role.ACCOUNTABLE.label("vi")
(True, 'chịu trách nhiệm toàn diện')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

import attrs

from papi.dates import ALWAYS, Validity
from papi.errors import InvalidData, Problem
from papi.text import fold, nfc

__all__ = [
    "Assignment",
    "Basis",
    "CommitteesOf",
    "Deadline",
    "DepartmentsBySector",
    "Document",
    "DocumentKind",
    "HeadsOf",
    "OrgById",
    "Role",
    "Selector",
    "Task",
    "Unlisted",
    "notes_in",
    "selector_from_dict",
]


def _nfc_tuple(value: Any) -> tuple[str, ...]:
    return tuple(nfc(str(v)) for v in value)


def _str_tuple(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


class DocumentKind(enum.Enum):
    """The kind of a legal document (its Vietnamese name in :meth:`label`)."""

    LAW = "law"
    DECREE = "decree"
    RESOLUTION = "resolution"
    DECISION = "decision"
    PLAN = "plan"
    DISPATCH = "dispatch"
    CIRCULAR = "circular"
    NOTICE = "notice"

    def label(self, lang: str = "vi") -> str:
        """``"kế hoạch"`` / ``"plan"`` ..."""
        return _DOC_KIND_VI[self] if lang == "vi" else self.value


def notes_in(notes: str | None, notes_vi: str | None, lang: str = "vi") -> str | None:
    """A record's notes in ``lang``: ``notes`` is written in English (plan files kept it so
    before ``notes_vi`` existed), ``notes_vi`` is its Vietnamese counterpart. Under ``"vi"``
    the Vietnamese one when given, else the English one (callers that must say which
    language they show compare with ``notes_vi``); under ``"en"`` the English one, else the
    Vietnamese one.

    >>> notes_in("In force 2014-07-01.", "Có hiệu lực từ 01/7/2014.", "vi")
    'Có hiệu lực từ 01/7/2014.'
    >>> notes_in("In force 2014-07-01.", None, "vi"), notes_in(None, "Có hiệu lực.", "en")
    ('In force 2014-07-01.', 'Có hiệu lực.')
    """
    if lang == "vi":
        return notes_vi if notes_vi is not None else notes
    return notes if notes is not None else notes_vi


_DOC_KIND_VI = {
    DocumentKind.LAW: "luật",
    DocumentKind.DECREE: "nghị định",
    DocumentKind.RESOLUTION: "nghị quyết",
    DocumentKind.DECISION: "quyết định",
    DocumentKind.PLAN: "kế hoạch",
    DocumentKind.DISPATCH: "công văn",
    DocumentKind.CIRCULAR: "thông tư",
    DocumentKind.NOTICE: "thông báo",
}


class Role(enum.Enum):
    """What an organization or post does for a task (the vocabulary of Vietnamese plans)."""

    LEAD = "lead"  # chủ trì
    ADVISE = "advise"  # tham mưu
    COORDINATE = "coordinate"  # phối hợp
    GUIDE = "guide"  # hướng dẫn
    IMPLEMENT = "implement"  # thực hiện
    REPORT = "report"  # báo cáo
    ACCOUNTABLE = "accountable"  # chịu trách nhiệm toàn diện

    def label(self, lang: str = "vi") -> str:
        """The role's name in Vietnamese (``"chủ trì"``) or English (``"lead"``)."""
        return _ROLE_VI[self] if lang == "vi" else self.value

    @classmethod
    def parse(cls, text: str) -> Role:
        """A role from its English value or Vietnamese label (diacritics optional).

        >>> Role.parse("phoi hop")
        <Role.COORDINATE: 'coordinate'>
        >>> Role.parse("boss")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        papi.errors.InvalidData: role: not a role; use one of lead, advise, ... (value: 'boss')
        """
        role = _ROLES_BY_NAME.get(text) if isinstance(text, str) else None
        if role is not None:  # the usual spelling: no folding needed
            return role
        folded = fold(str(text))
        for role in cls:
            if folded in (role.value, fold(_ROLE_VI[role])):
                return role
        raise InvalidData(
            "not a role; use one of "
            + ", ".join(r.value for r in cls)
            + " (or "
            + ", ".join(_ROLE_VI[r] for r in cls)
            + ")",
            path="role",
            value=text,
        )


_ROLE_VI = {
    Role.LEAD: "chủ trì",
    Role.ADVISE: "tham mưu",
    Role.COORDINATE: "phối hợp",
    Role.GUIDE: "hướng dẫn",
    Role.IMPLEMENT: "thực hiện",
    Role.REPORT: "báo cáo",
    Role.ACCOUNTABLE: "chịu trách nhiệm toàn diện",
}
_ROLES_BY_NAME = {r.value: r for r in Role}


@attrs.frozen(kw_only=True)
class Document:
    """A legal basis: a law, decree, resolution, decision, plan, dispatch, circular or notice.

    ``period`` is the period the document was issued for (the year 2022 for an annual plan);
    ``supersedes`` lists the documents it replaces.

    ``date`` is ``None`` only with ``date_known=False``: an unknown date is stated, never
    guessed (Dispatch 3010/UBND-SNV's own date is not in our source).

    >>> Document(id="x", number="1/KH", kind=DocumentKind.PLAN, issuer="UBND", title_vi="t",
    ...          date=None)
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: documents.x.date: a document without a date needs date_known=False
    """

    id: str
    number: str = attrs.field(converter=nfc)
    kind: DocumentKind = attrs.field(validator=attrs.validators.instance_of(DocumentKind))
    issuer: str = attrs.field(converter=nfc)
    date: date | None = None
    date_known: bool = True
    title_vi: str = attrs.field(converter=nfc)
    title_en: str | None = None
    implements: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    supersedes: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    period: Validity = ALWAYS
    sources: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    verified: bool = True
    notes: str | None = None
    notes_vi: str | None = attrs.field(default=None, converter=attrs.converters.optional(nfc))

    def __attrs_post_init__(self) -> None:
        if self.date is None and self.date_known:
            raise InvalidData(
                "a document without a date needs date_known=False",
                path=f"documents.{self.id}.date",
            )
        if self.date is not None and not self.date_known:
            raise InvalidData(
                "date_known=False but a date is given",
                path=f"documents.{self.id}.date",
                value=self.date.isoformat(),
            )

    def cite(self, lang: str = "vi") -> str:
        """How the document is cited in answers.

        >>> d = Document(id="plan-164", number="164/KH-UBND", kind=DocumentKind.PLAN,
        ...              issuer="UBND thành phố Hà Nội", date=date(2022, 6, 13), title_vi="t")
        >>> d.cite("en"), d.cite("vi")
        ('plan 164/KH-UBND of 2022-06-13', 'kế hoạch 164/KH-UBND ngày 13/06/2022')
        """
        if lang == "vi":
            when = f" ngày {self.date:%d/%m/%Y}" if self.date else " (chưa rõ ngày ban hành)"
        else:
            when = f" of {self.date.isoformat()}" if self.date else " (date unknown)"
        return f"{self.kind.label(lang)} {self.number}{when}"

    def note(self, lang: str = "vi") -> str | None:
        """The notes in ``lang``: ``notes_vi`` under ``"vi"`` when the data gives it, else
        ``notes`` (see :func:`notes_in`)."""
        return notes_in(self.notes, self.notes_vi, lang)


@attrs.frozen(kw_only=True)
class Deadline:
    """One deadline of a task: a statutory rule (``statute`` key of :func:`papi.rules.statute`)
    or an explicit rule object from :mod:`papi.rules` (``rule``), exactly one of the two.

    ``applies_to`` restricts it to holders at one level ("commune", "district", "province"):
    the citizen-reception frequency differs by level. ``window``: for a one-off deadline
    taken from a recurring rule (the Q3/2022 report), only occurrences inside the window count.
    """

    statute: str | None = None
    rule: Any = None
    applies_to: str | None = None
    window: Validity = ALWAYS
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.statute is None) == (self.rule is None):
            raise InvalidData(
                "a deadline needs exactly one of 'statute' or 'rule'",
                path="deadline",
                value=self.statute,
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as in plan files."""
        out: dict[str, Any] = {}
        if self.statute is not None:
            out["statute"] = self.statute
        else:
            out["rule"] = self.rule.to_dict()
        if self.applies_to is not None:
            out["applies_to"] = self.applies_to
        if self.window != ALWAYS:
            out["window"] = _validity_dict(self.window)
        if self.note is not None:
            out["note"] = self.note
        return out


def _validity_dict(v: Validity) -> dict[str, str]:
    out = {}
    if v.valid_from is not None:
        out["from"] = v.valid_from.isoformat()
    if v.valid_to is not None:
        out["to"] = v.valid_to.isoformat()
    return out


def _deadlines(value: Any) -> tuple[Deadline, ...]:
    return tuple(value)


def _bases(value: Any) -> tuple[Basis, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Task:
    """A duty set by a document, at a paragraph or appendix ``reference`` (e.g. ``"¶4"``).

    ``indicators`` are PAPI codes (``"D3"``, ``"D3.1"``...), validated against the framework when
    the :class:`~papi.governance.Governance` is built. ``period`` is when the document says the
    task runs (e.g. "through 2022"); whether assignments keep applying after it is a property of
    the assignments' validity, not of the task. ``defined_in`` names the parts of documents
    *not in the dataset* that say what the task covers (T3 reports on "the tasks assigned in
    Appendix 1 of Plan 164/KH-UBND"); :meth:`~papi.governance.Governance.gaps` reports each.
    """

    id: str
    document: str
    reference: str = attrs.field(converter=nfc)
    title_vi: str = attrs.field(converter=nfc)
    title_en: str | None = None
    indicators: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    deadlines: tuple[Deadline, ...] = attrs.field(default=(), converter=_deadlines)
    recurring: bool = False
    period: Validity = ALWAYS
    notes: str | None = None
    defined_in: tuple[Basis, ...] = attrs.field(default=(), converter=_bases)
    notes_vi: str | None = attrs.field(default=None, converter=attrs.converters.optional(nfc))

    def title(self, lang: str = "vi") -> str:
        """The title in ``lang``, falling back to Vietnamese."""
        return self.title_en if lang == "en" and self.title_en else self.title_vi

    def note(self, lang: str = "vi") -> str | None:
        """The notes in ``lang`` (see :func:`notes_in`)."""
        return notes_in(self.notes, self.notes_vi, lang)


@attrs.frozen(kw_only=True)
class Basis:
    """Where an assignment comes from: a document id and the paragraph or appendix reference."""

    document: str
    reference: str = attrs.field(converter=nfc)


# --- selectors ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Selector:
    """Base of the selectors: data naming organizations (or their head posts) without listing
    them. Subclasses are resolved by :class:`~papi.governance.Governance` against the snapshot
    of the query date."""

    kind: ClassVar[str] = "selector"

    def to_dict(self) -> dict[str, Any]:
        """Plain data with a ``type`` tag (see :func:`selector_from_dict`)."""
        raise NotImplementedError

    def describe(self, lang: str = "vi") -> str:
        """A short human description."""
        raise NotImplementedError


@attrs.frozen(kw_only=True)
class OrgById(Selector):
    """One organization, by id (e.g. ``"ubnd:01"``).

    >>> OrgById(id="ubnd:01").to_dict()
    {'type': 'organization', 'id': 'ubnd:01'}
    """

    kind: ClassVar[str] = "organization"
    id: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.kind, "id": self.id}

    def describe(self, lang: str = "vi") -> str:
        return f"tổ chức {self.id}" if lang == "vi" else f"organization {self.id}"


_LEVEL_VI = {
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "village": "thôn, tổ dân phố",
}
LEVELS = tuple(_LEVEL_VI)


def _level_validator(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in _LEVEL_VI:
        raise InvalidData(
            f"not a level; use one of {', '.join(LEVELS)}", path=attribute.name, value=value
        )


@attrs.frozen(kw_only=True)
class CommitteesOf(Selector):
    """The People's Committee of every unit of ``level`` within the unit ``within`` (an id,
    NSO code or name; ``None``: everywhere in the territory), as the territory stands on the
    query date.

    >>> CommitteesOf(level="district", within="01").describe("vi")
    'UBND mọi đơn vị cấp huyện thuộc 01'
    >>> CommitteesOf(level="commune").describe("en")
    "the People's Committee of every commune-level unit"
    """

    kind: ClassVar[str] = "committees"
    level: str = attrs.field(validator=_level_validator)
    within: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.kind, "level": self.level}
        if self.within is not None:
            out["within"] = self.within
        return out

    def describe(self, lang: str = "vi") -> str:
        if lang == "vi":
            where = f" thuộc {self.within}" if self.within is not None else ""
            return f"UBND mọi đơn vị {_LEVEL_VI[self.level]}{where}"
        where = f" within {self.within}" if self.within is not None else ""
        return f"the People's Committee of every {self.level}-level unit{where}"


@attrs.frozen(kw_only=True)
class HeadsOf(Selector):
    """The head post (chairperson, director...) of whatever organizations ``of`` picks."""

    kind: ClassVar[str] = "heads"
    of: Selector = attrs.field(validator=attrs.validators.instance_of(Selector))

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.kind, "of": self.of.to_dict()}

    def describe(self, lang: str = "vi") -> str:
        if lang == "vi":
            return f"người đứng đầu của {self.of.describe('vi')}"
        return f"the head of {self.of.describe('en')}"


@attrs.frozen(kw_only=True)
class DepartmentsBySector(Selector):
    """The specialised agencies (departments, inspectorate, PC office) of ``sector`` serving
    the unit ``within`` (e.g. ``sector="home_affairs", within="01"``: Hanoi's Sở Nội vụ,
    whichever agency carries the sector on the day).

    >>> DepartmentsBySector(sector="justice", within="01").describe("en")
    'the justice agency of 01'
    """

    kind: ClassVar[str] = "sector"
    sector: str
    within: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.kind, "sector": self.sector, "within": self.within}

    def describe(self, lang: str = "vi") -> str:
        if lang == "vi":
            return f"cơ quan chuyên môn ngành {self.sector} của {self.within}"
        return f"the {self.sector} agency of {self.within}"


@attrs.frozen(kw_only=True)
class Unlisted(Selector):
    """Organizations a document names only by reference to a text we do not have (e.g. "the
    departments assigned in Appendix 1 of Plan 164/KH-UBND"). It matches nobody, always, so
    :meth:`~papi.governance.Governance.gaps` reports it instead of inventing an answer."""

    kind: ClassVar[str] = "unlisted"
    document: str
    reference: str = attrs.field(converter=nfc)
    description_vi: str = attrs.field(converter=nfc)
    description_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.kind,
            "document": self.document,
            "reference": self.reference,
            "description_vi": self.description_vi,
        }
        if self.description_en is not None:
            out["description_en"] = self.description_en
        return out

    def describe(self, lang: str = "vi") -> str:
        if lang == "en" and self.description_en:
            return self.description_en
        return self.description_vi


_SELECTOR_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # type: (required keys, optional keys)
    "organization": (("id",), ()),
    "committees": (("level",), ("within",)),
    "heads": (("of",), ()),
    "sector": (("sector", "within"), ()),
    "unlisted": (("document", "reference", "description_vi"), ("description_en",)),
}


def selector_from_dict(
    data: object, *, path: str, problems: list[Problem] | None = None
) -> Selector:
    """A selector from plain data (``{"type": "committees", "level": "commune", "within":
    "01"}``). Unknown types and keys are rejected. With ``problems``, problems are appended
    there (and a placeholder :class:`Unlisted` returned) instead of raised, so a loader can
    report every problem at once.

    >>> selector_from_dict({"type": "committees", "level": "hamlet", "within": "01", "x": 1},
    ...                    path="a[0].selector")
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: a[0].selector is invalid (2 problems):
      - a[0].selector.x: unknown key (value: 'x')
      - a[0].selector.level: not a level; use one of province, district, commune, village (value: 'hamlet')
    """
    own: list[Problem] = []
    result = _selector(data, path, own)
    if problems is not None:
        problems.extend(own)
        return result
    if own:
        raise InvalidData.collect(f"{path} is invalid", own)
    return result


_PLACEHOLDER = Unlisted(document="?", reference="?", description_vi="(invalid selector)")


# How deep ``heads`` selectors may nest (``heads`` of ``heads`` of ...): deeper data is
# reported as a problem, never recursed into (docs/errors-and-limits.md).
_MAX_HEADS_NESTING = 8


def _selector(data: object, path: str, problems: list[Problem], depth: int = 0) -> Selector:
    if not isinstance(data, Mapping):
        problems.append(Problem(path=path, message="a selector must be a table", value=data))
        return _PLACEHOLDER
    if depth > _MAX_HEADS_NESTING:
        problems.append(
            Problem(
                path=path,
                message=f"heads selectors nested deeper than {_MAX_HEADS_NESTING} levels",
            )
        )
        return _PLACEHOLDER
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in _SELECTOR_FIELDS:
        problems.append(
            Problem(
                path=f"{path}.type",
                message="unknown selector type; use one of " + ", ".join(_SELECTOR_FIELDS),
                value=kind,
            )
        )
        return _PLACEHOLDER
    required, optional = _SELECTOR_FIELDS[str(kind)]
    for k in data:
        if k != "type" and k not in required and k not in optional:
            problems.append(Problem(path=f"{path}.{k}", message="unknown key", value=k))
    fatal = False
    for k in required:
        if k not in data:
            problems.append(Problem(path=f"{path}.{k}", message="missing key"))
            fatal = True
        elif k != "of" and not isinstance(data[k], str):
            problems.append(Problem(path=f"{path}.{k}", message="must be a string", value=data[k]))
            fatal = True
    for k in optional:
        if k in data and not isinstance(data[k], str):
            problems.append(Problem(path=f"{path}.{k}", message="must be a string", value=data[k]))
            fatal = True
    if fatal:
        if kind == "heads" and "of" in data:
            _selector(data["of"], f"{path}.of", problems, depth + 1)
        return _PLACEHOLDER
    try:
        if kind == "organization":
            return OrgById(id=data["id"])
        if kind == "committees":
            return CommitteesOf(level=data["level"], within=data.get("within"))
        if kind == "heads":
            inner = _selector(data["of"], f"{path}.of", problems, depth + 1)
            return HeadsOf(of=inner)
        if kind == "sector":
            return DepartmentsBySector(sector=data["sector"], within=data["within"])
        return Unlisted(
            document=data["document"],
            reference=data["reference"],
            description_vi=data["description_vi"],
            description_en=data.get("description_en"),
        )
    except InvalidData as err:
        for p in err.problems:
            problems.append(Problem(path=f"{path}.{p.path}", message=p.message, value=p.value))
        return _PLACEHOLDER


def innermost(selector: Selector) -> Selector:
    """The selector under any :class:`HeadsOf` wrappers."""
    while isinstance(selector, HeadsOf):
        selector = selector.of
    return selector


@attrs.frozen(kw_only=True)
class Assignment:
    """Whatever ``selector`` picks holds ``role`` for ``task`` while ``validity`` contains the
    query date, on ``basis`` (document + reference)."""

    id: str
    selector: Selector = attrs.field(validator=attrs.validators.instance_of(Selector))
    role: Role = attrs.field(validator=attrs.validators.instance_of(Role))
    task: str
    validity: Validity = ALWAYS
    basis: Basis
    notes: str | None = None
    notes_vi: str | None = attrs.field(default=None, converter=attrs.converters.optional(nfc))

    def note(self, lang: str = "vi") -> str | None:
        """The notes in ``lang`` (see :func:`notes_in`)."""
        return notes_in(self.notes, self.notes_vi, lang)
