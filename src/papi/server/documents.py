"""The JSON documents of the HTTP service that are not answers of :class:`~papi.Governance`.

The six answers (``papi.accountability/1``, ``papi.duties/1``, ``papi.agenda/1``,
``papi.overdue/1``, ``papi.escalation/1``, ``papi.gaps/1``) come from
:mod:`papi.governance`. The service also lists units, follows successions, converts old units
to new ones, computes statutory deadlines, shows the PAPI framework and Hanoi's scores, and
reports its health and its errors: each of those is one frozen attrs class here, with a
versioned ``schema`` key and ``to_dict()``, and its JSON Schema is generated from the class like
the answers' (``tools/make_schemas.py``).

This module needs no web framework: ``import papi.server.documents`` works without the
``server`` extra.

>>> from datetime import date
>>> import papi
>>> doc = units_document(papi.hanoi_territory(), on=date(2026, 3, 1), level=papi.Level.PROVINCE)
>>> doc.to_dict()["units"][0]["name"], doc.schema
('Thành phố Hà Nội', 'papi.units/1')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar, Literal, TypeAlias, cast

import attrs
from cattrs.preconf.json import make_converter

from papi.errors import Ambiguous, Candidate, InvalidData, NotFound, PapiError, messages
from papi.framework import Framework
from papi.governance.answers import LevelName, SuccessionKind
from papi.rules import Statute, reference_en
from papi.scoring import Group, OfficialResult
from papi.territory import Level, Succession, Territory, Unit

__all__ = [
    "DOCUMENT_TYPES",
    "Candidate",
    "Conversion",
    "Deadline",
    "DimensionResult",
    "Document",
    "ElementInfo",
    "ElementLevel",
    "Error",
    "ErrorCode",
    "ErrorInfo",
    "FrameworkDocument",
    "GroupInfo",
    "Health",
    "ResultInfo",
    "Scores",
    "StatuteHolder",
    "StatuteInfo",
    "Statutes",
    "SuccessionInfo",
    "Successors",
    "UnitEntry",
    "UnitKindName",
    "Units",
    "conversion_document",
    "deadline_document",
    "error_info",
    "framework_document",
    "library_error_info",
    "scores_document",
    "statute_holders",
    "statute_info",
    "successors_document",
    "unit_entry",
    "units_document",
]

_CONVERTER = make_converter(forbid_extra_keys=True)


class Document:
    """Shared JSON machinery: ``to_dict()`` gives JSON-ready data with ``schema`` first."""

    SCHEMA: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready plain data (dates as ISO strings), with the ``schema`` key first."""
        data = _CONVERTER.unstructure(self)
        assert isinstance(data, dict)
        return data


def _schema(name: str) -> Any:
    return attrs.field(default=name)


# ------------------------------------------------------------------------------ units

UnitKindName: TypeAlias = Literal[
    "thành phố trực thuộc trung ương",
    "tỉnh",
    "quận",
    "huyện",
    "thị xã",
    "thành phố thuộc tỉnh",
    "phường",
    "xã",
    "thị trấn",
    "đặc khu",
    "thôn",
    "tổ dân phố",
]
"""A unit's kind word: the values of :class:`papi.territory.UnitKind`."""
ElementLevel: TypeAlias = Literal["dimension", "sub_dimension", "indicator"]
"""The level of an element of the PAPI framework: the values of :class:`papi.framework.Level`."""
ErrorCode: TypeAlias = Literal[
    "not_found",
    "ambiguous",
    "missing_parameter",
    "invalid_parameter",
    "invalid_request",
    "no_such_endpoint",
    "method_not_allowed",
    "internal_error",
]
"""The stable codes of :class:`ErrorInfo`."""


@attrs.frozen(kw_only=True)
class UnitEntry:
    """A unit in a listing: ``level`` (province, district, commune, village), ``kind`` (its
    Vietnamese kind word, e.g. ``phường``), its ``parent`` on the day asked (id and name,
    ``None`` at the top), and its validity: ``valid_from`` is its first day, ``valid_to`` the
    first day it no longer exists (``None``: open)."""

    id: str
    code: str
    name: str
    name_en: str | None
    level: LevelName
    kind: UnitKindName
    parent: str | None
    parent_name: str | None
    valid_from: date | None
    valid_to: date | None


def unit_entry(territory: Territory, unit: Unit, *, on: date) -> UnitEntry:
    """The listing entry of ``unit``, with its parent on ``on`` (or on its last day when it
    does not exist on ``on``)."""
    day = on
    if not unit.exists_on(on) and unit.valid_to is not None:
        day = date.fromordinal(unit.valid_to.toordinal() - 1)
    elif not unit.exists_on(on) and unit.valid_from is not None:
        day = unit.valid_from
    parent = territory.parent(unit.id, on=day) if unit.exists_on(day) else None
    return UnitEntry(
        id=unit.id,
        code=unit.code,
        name=unit.name,
        name_en=unit.name_en,
        level=unit.level.value,
        kind=unit.kind.value,
        parent=parent.id if parent else None,
        parent_name=parent.name if parent else None,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
    )


@attrs.frozen(kw_only=True)
class Units(Document):
    """The units existing on ``on``, optionally only at ``level`` and inside ``within`` (a
    unit id), sorted by level then code."""

    SCHEMA: ClassVar[str] = "papi.units/1"
    schema: str = _schema("papi.units/1")
    on: date
    level: LevelName | None
    within: str | None
    units: tuple[UnitEntry, ...]


def units_document(
    territory: Territory,
    *,
    on: date,
    level: Level | None = None,
    within: str | None = None,
) -> Units:
    """The :class:`Units` document of ``territory.units(level=, within=, on=)``."""
    root = territory.unit(within, on=on) if within else None
    units = territory.units(level=level, within=root, on=on)
    return Units(
        on=on,
        level=level.value if level else None,
        within=root.id if root else None,
        units=tuple(unit_entry(territory, u, on=on) for u in units),
    )


@attrs.frozen(kw_only=True)
class SuccessionInfo:
    """One succession followed: ``predecessors`` (unit ids) replaced by ``successors`` on
    ``effective`` by ``act``; ``kind`` is merge, split, rename, abolish_tier, absorb or
    reorganise; ``primary`` is the successor that carries a divided unit on, where the data
    marks one."""

    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    effective: date
    act: str
    kind: SuccessionKind
    primary: str | None
    note: str | None
    verified: bool


@attrs.frozen(kw_only=True)
class Successors(Document):
    """What ``unit`` became by ``on``: the units existing that day that succeeded it (itself
    when it still exists; empty when it ended without successors), and the ``chain`` of
    successions followed, in order of effective date."""

    SCHEMA: ClassVar[str] = "papi.successors/1"
    schema: str = _schema("papi.successors/1")
    unit: UnitEntry
    on: date
    successors: tuple[UnitEntry, ...]
    chain: tuple[SuccessionInfo, ...]


def _succession(s: Succession) -> SuccessionInfo:
    return SuccessionInfo(
        predecessors=s.predecessors,
        successors=s.successors,
        effective=s.effective,
        act=s.act,
        kind=cast("SuccessionKind", s.kind),
        primary=s.primary,
        note=s.note,
        verified=s.verified,
    )


def successors_document(territory: Territory, unit: str, *, on: date) -> Successors:
    """The :class:`Successors` document of ``territory.successors(unit, on=)``; ``unit`` may
    name a unit that no longer exists on ``on``.

    >>> from datetime import date
    >>> import papi
    >>> doc = successors_document(papi.hanoi_territory(), "Phường Cửa Đông", on=date(2026, 3, 1))
    >>> [u.name for u in doc.successors]
    ['Phường Ba Đình', 'Phường Hoàn Kiếm']
    """
    found = territory.convert(unit, to=on)
    return Successors(
        unit=unit_entry(territory, found.source, on=on),
        on=on,
        successors=tuple(unit_entry(territory, u, on=on) for u in found.units),
        chain=tuple(_succession(s) for s in found.chain),
    )


@attrs.frozen(kw_only=True)
class Conversion(Document):
    """Old to new (as ``vietnamadminunits.convert_address`` does for addresses): the unit
    asked about (``source``, read on ``on`` when given), the units existing on ``to`` that it
    became, the ``primary`` one (the successor that carries it on where the data marks one;
    ``None`` when a step divided it without a mark), whether it was ``split``, and the
    successions followed (``chain``)."""

    SCHEMA: ClassVar[str] = "papi.conversion/1"
    schema: str = _schema("papi.conversion/1")
    source: UnitEntry
    on: date | None
    to: date
    units: tuple[UnitEntry, ...]
    primary: UnitEntry | None
    split: bool
    chain: tuple[SuccessionInfo, ...]


def conversion_document(
    territory: Territory, unit: str, *, to: date, on: date | None = None
) -> Conversion:
    """The :class:`Conversion` document of ``territory.convert(unit, to=, on=)``.

    >>> from datetime import date
    >>> import papi
    >>> doc = conversion_document(
    ...     papi.hanoi_territory(), "Phường Cống Vị, Quận Ba Đình", to=date(2026, 3, 1))
    >>> [u.name for u in doc.units], doc.primary.name if doc.primary else None
    (['Phường Ngọc Hà', 'Phường Giảng Võ'], 'Phường Ngọc Hà')
    """
    found = territory.convert(unit, to=to, on=on)
    primary = found.primary
    return Conversion(
        source=unit_entry(territory, found.source, on=on or to),
        on=on,
        to=to,
        units=tuple(unit_entry(territory, u, on=to) for u in found.units),
        primary=unit_entry(territory, primary, on=to) if primary is not None else None,
        split=found.split,
        chain=tuple(_succession(s) for s in found.chain),
    )


# --------------------------------------------------------------------------- statutes


@attrs.frozen(kw_only=True)
class StatuteInfo:
    """A statutory deadline rule as shown by the service: the rule described in both
    languages, its legal basis (``citation_vi``/``citation_en``, further bases in ``also``),
    who acts (``holder``: the catalogue's own words, in English; ``holder_key`` and
    ``holder_name_vi``/``holder_name_en``: the holder of the law's index,
    :func:`papi.law.statute_holder`), the validity of this version and whether it is verified
    against the law."""

    key: str
    title_vi: str
    title_en: str
    rule_vi: str
    rule_en: str
    recurring: bool
    citation_vi: str
    citation_en: str
    also_vi: tuple[str, ...]
    also_en: tuple[str, ...]
    holder: str
    holder_key: str
    holder_name_vi: str
    holder_name_en: str
    valid_from: date | None
    valid_to: date | None
    verified: bool
    notes: str | None


def statute_info(st: Statute) -> StatuteInfo:
    """The :class:`StatuteInfo` of a catalogue entry."""
    from papi.law import statute_holder

    holder = statute_holder(st.key)
    return StatuteInfo(
        key=st.key,
        title_vi=st.title_vi,
        title_en=st.title_en,
        rule_vi=st.rule.describe("vi"),
        rule_en=st.rule.describe("en"),
        recurring=st.rule.is_recurring,
        citation_vi=st.citation.text("vi"),
        citation_en=st.citation.text("en"),
        also_vi=tuple(c.text("vi") for c in st.also),
        also_en=tuple(c.text("en") for c in st.also),
        holder=st.holder,
        holder_key=holder.key,
        holder_name_vi=holder.name_vi,
        holder_name_en=holder.name_en,
        valid_from=st.validity.valid_from,
        valid_to=st.validity.valid_to,
        verified=st.verified,
        notes=st.notes or None,
    )


@attrs.frozen(kw_only=True)
class Statutes(Document):
    """The statutory deadline rules in force on ``on``."""

    SCHEMA: ClassVar[str] = "papi.statutes/1"
    schema: str = _schema("papi.statutes/1")
    on: date
    statutes: tuple[StatuteInfo, ...]


@attrs.frozen(kw_only=True)
class StatuteHolder:
    """Who must meet a statutory deadline on the day, as a post or organization of the model
    (:func:`papi.law.statute_posts`): its names in both languages, the assignment of the law's
    duties that says so (``None`` when the statute names the holder itself), that
    assignment's document and article in both languages (``reference_vi``/``reference_en``,
    empty when none), and ``sourced`` (false: no act found, or a text not verified)."""

    name_vi: str
    name_en: str
    assignment: str | None
    document: str | None
    reference_vi: str
    reference_en: str
    sourced: bool


def statute_holders(key: str, on: date) -> tuple[StatuteHolder, ...]:
    """The :class:`StatuteHolder` entries of the statutory deadline ``key`` on ``on``."""
    from papi.law import statute_posts

    return tuple(
        StatuteHolder(
            name_vi=p.name_vi,
            name_en=p.name_en,
            assignment=p.assignment,
            document=p.document,
            reference_vi=p.reference,
            reference_en=reference_en(p.reference),
            sourced=p.sourced,
        )
        for p in statute_posts(key, on)
    )


@attrs.frozen(kw_only=True)
class Deadline(Document):
    """The due date of the statutory rule ``statute`` counted from ``start`` (Vietnamese
    working days and holidays; Civil Code rules for periods). ``due`` is ``None`` when the law's
    period is not sourced yet, with the reason in ``due_reason_vi``/``due_reason_en``;
    ``estimated`` is true when the official holiday notice of that year is not in the data.
    With ``end``, ``occurrences`` lists every deadline of a recurring rule up to ``end``.
    ``holders`` says who must meet the deadline on ``start``, as posts or organizations of
    the model, each with its basis (:class:`StatuteHolder`)."""

    SCHEMA: ClassVar[str] = "papi.deadline/1"
    schema: str = _schema("papi.deadline/1")
    statute: StatuteInfo
    start: date
    due: date | None
    due_reason_vi: str | None
    due_reason_en: str | None
    estimated: bool | None
    end: date | None
    occurrences: tuple[date, ...]
    holders: tuple[StatuteHolder, ...]


def deadline_document(key: str, *, start: date, end: date | None = None) -> Deadline:
    """The :class:`Deadline` of ``papi.statute(key, on=start)`` counted from ``start``.

    >>> from datetime import date
    >>> deadline_document("complaint.first_instance.accept", start=date(2026, 7, 1)).due
    datetime.date(2026, 7, 10)
    """
    from papi.calendar import default_calendar
    from papi.errors import InvalidData
    from papi.rules import Unscheduled, statute

    st = statute(key, on=start)
    info = statute_info(st)
    if end is not None and end < start:
        raise InvalidData("must not be before start", path="end", value=end.isoformat())
    if isinstance(st.rule, Unscheduled):
        rule = st.rule
        return Deadline(
            statute=info,
            start=start,
            due=None,
            due_reason_vi=f"chưa có nguồn về {rule.missing_vi or rule.missing}",
            due_reason_en=f"{rule.missing} is not yet sourced",
            estimated=None,
            end=end,
            occurrences=(),
            holders=statute_holders(st.key, start),
        )
    cal = default_calendar()
    due = st.due(start, cal)
    series: tuple[date, ...] = ()
    if end is not None:
        occurrences = getattr(st.rule, "occurrences", None)
        if not st.rule.is_recurring or occurrences is None:
            raise InvalidData(
                f"needs a recurring rule; {st.key} is a single deadline",
                path="end",
                value=end.isoformat(),
            )
        series = tuple(occurrences(start, end, cal))
    return Deadline(
        statute=info,
        start=start,
        due=due,
        due_reason_vi=None,
        due_reason_en=None,
        estimated=cal.is_estimated(due),
        end=end,
        occurrences=series,
        holders=statute_holders(st.key, start),
    )


# -------------------------------------------------------------------------- framework


@attrs.frozen(kw_only=True)
class ElementInfo:
    """A dimension, sub-dimension or indicator of the PAPI framework; ``parent`` is the
    parent's code, ``first_year``/``last_year`` the PAPI years it is in force."""

    code: str
    level: ElementLevel
    name_vi: str
    name_en: str
    parent: str | None
    first_year: int
    last_year: int | None
    verified: bool
    note: str | None
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class FrameworkDocument(Document):
    """A PAPI framework (the indicator catalogue of one period) and its elements in order;
    ``complete`` is false when the catalogue lists fewer elements than PAPI states."""

    SCHEMA: ClassVar[str] = "papi.framework/1"
    schema: str = _schema("papi.framework/1")
    id: str
    name_vi: str
    name_en: str
    year: int | None
    first_year: int
    last_year: int | None
    complete: bool
    elements: tuple[ElementInfo, ...]


def framework_document(fw: Framework) -> FrameworkDocument:
    """The :class:`FrameworkDocument` of ``fw``.

    >>> import papi
    >>> framework_document(papi.framework(2024)).elements[1].code
    'D1.1'
    """
    return FrameworkDocument(
        id=fw.id,
        name_vi=fw.name_vi,
        name_en=fw.name_en,
        year=fw.year,
        first_year=fw.first_year,
        last_year=fw.last_year,
        complete=fw.complete,
        elements=tuple(
            ElementInfo(
                code=e.code,
                level=e.level.value,
                name_vi=e.name_vi,
                name_en=e.name_en,
                parent=e.parent,
                first_year=e.first_year,
                last_year=e.last_year,
                verified=e.verified,
                note=e.note,
                sources=e.sources,
            )
            for e in fw.elements()
        ),
    )


# ----------------------------------------------------------------------------- scores


@attrs.frozen(kw_only=True)
class GroupInfo:
    """A PAPI performance group: ``number`` 1 (best quartile) to 4, with its names."""

    number: int
    vi: str
    en: str


def _group(group: Group | None) -> GroupInfo | None:
    return None if group is None else GroupInfo(number=group.number, vi=group.vi, en=group.en)


@attrs.frozen(kw_only=True)
class DimensionResult:
    """A dimension's score (1-10), rank and group where published."""

    code: str
    score: float | None
    rank: int | None
    group: GroupInfo | None


@attrs.frozen(kw_only=True)
class ResultInfo:
    """A published PAPI result of a province in a year; the ``*_verified`` flags are false
    where a statement is unconfirmed or conflicts with the data (``note`` says why)."""

    province: str
    year: int
    total: float
    rank: int | None
    out_of: int
    group: GroupInfo | None
    dimensions: tuple[DimensionResult, ...]
    total_verified: bool
    rank_verified: bool
    group_verified: bool
    dimensions_verified: bool
    dimension_ranks_verified: bool
    sources: tuple[str, ...]
    note: str | None


@attrs.frozen(kw_only=True)
class Scores(Document):
    """Published PAPI results, by year (only ``year`` when it was asked for)."""

    SCHEMA: ClassVar[str] = "papi.scores/1"
    schema: str = _schema("papi.scores/1")
    year: int | None
    results: tuple[ResultInfo, ...]


def _result(r: OfficialResult) -> ResultInfo:
    return ResultInfo(
        province=r.province,
        year=r.year,
        total=r.total,
        rank=r.rank,
        out_of=r.out_of,
        group=_group(r.group),
        dimensions=tuple(
            DimensionResult(
                code=code,
                score=r.scorecard.score(code),
                rank=r.dimension_ranks.get(code),
                group=_group(r.dimension_groups.get(code)),
            )
            for code in r.scorecard.dimension_codes
        ),
        total_verified=r.total_verified,
        rank_verified=r.rank_verified,
        group_verified=r.group_verified,
        dimensions_verified=r.dimensions_verified,
        dimension_ranks_verified=r.dimension_ranks_verified,
        sources=r.sources,
        note=r.note,
    )


def scores_document(results: Iterable[OfficialResult], *, year: int | None = None) -> Scores:
    """The :class:`Scores` document of ``results`` (e.g. ``papi.hanoi_results()``).

    >>> import papi
    >>> scores_document(papi.hanoi_results(), year=2023).results[0].year
    2023
    """
    chosen = tuple(r for r in results if year is None or r.year == year)
    return Scores(year=year, results=tuple(_result(r) for r in chosen))


# ----------------------------------------------------------------------- health, errors


@attrs.frozen(kw_only=True)
class Health(Document):
    """The service is up: papi's version and the dates the loaded model's territory covers."""

    SCHEMA: ClassVar[str] = "papi.health/1"
    schema: str = _schema("papi.health/1")
    status: Literal["ok"]
    version: str
    coverage_from: date | None
    coverage_to: date | None


@attrs.frozen(kw_only=True)
class ErrorInfo:
    """What went wrong. ``code`` is stable (``not_found``, ``ambiguous``,
    ``missing_parameter``, ``invalid_parameter``, ``invalid_request``, ``no_such_endpoint``,
    ``method_not_allowed``, ``internal_error``); ``message`` is in the language asked
    (``lang``), also given in both languages; ``parameter`` names the query parameter at fault
    and ``value`` its value; ``candidates`` lists what an ambiguous or unknown name may have
    meant, as records (:class:`papi.errors.Candidate`: id, name, code, parent, level,
    validity)."""

    code: ErrorCode
    status: int
    lang: str
    message: str
    message_vi: str
    message_en: str
    parameter: str | None
    value: str | None
    candidates: tuple[Candidate, ...]


def error_info(
    code: ErrorCode,
    status: int,
    lang: str,
    *,
    vi: str,
    en: str,
    parameter: str | None = None,
    value: str | None = None,
    candidates: tuple[Candidate, ...] = (),
) -> ErrorInfo:
    """The :class:`ErrorInfo` of an error said in both languages, ``message`` in ``lang``
    (the service's and ``papi --json``'s errors alike)."""
    return ErrorInfo(
        code=code,
        status=status,
        lang=lang,
        message=vi if lang == "vi" else en,
        message_vi=vi,
        message_en=en,
        parameter=parameter,
        value=value,
        candidates=candidates,
    )


def library_error_info(
    exc: PapiError, lang: str, *, parameter: str | None = None, invalid_parameter: bool = False
) -> ErrorInfo:
    """The :class:`ErrorInfo` of an error of the library (the service's and ``papi --json``'s
    alike): ``not_found`` (404) and ``ambiguous`` (409) with their candidates,
    ``invalid_parameter`` (400) for bad data (or when the caller says so), ``invalid_request``
    (400) otherwise; messages from :func:`papi.errors.messages`. ``parameter`` names the
    parameter when the caller knows it.

    >>> from papi.errors import NotFound
    >>> info = library_error_info(NotFound("unit", "Phường X"), "en")
    >>> info.code, info.status, info.value
    ('not_found', 404, 'Phường X')
    """
    en, vi = messages(exc)
    code: ErrorCode = "invalid_request"
    status, value = 400, None
    candidates: tuple[Candidate, ...] = ()
    if isinstance(exc, NotFound | Ambiguous):
        code, status = ("not_found", 404) if isinstance(exc, NotFound) else ("ambiguous", 409)
        value, candidates = str(exc.value), exc.choices
    elif isinstance(exc, InvalidData):
        code, parameter = "invalid_parameter", parameter or exc.path or None
        value = None if exc.value is None else str(exc.value)
    elif invalid_parameter:
        code = "invalid_parameter"
    return error_info(
        code,
        status,
        lang,
        vi=vi,
        en=en,
        parameter=parameter,
        value=value,
        candidates=candidates,
    )


@attrs.frozen(kw_only=True)
class Error(Document):
    """An error answer of the service."""

    SCHEMA: ClassVar[str] = "papi.error/1"
    schema: str = _schema("papi.error/1")
    error: ErrorInfo


DOCUMENT_TYPES: tuple[type[Document], ...] = (
    Units,
    Successors,
    Conversion,
    Statutes,
    Deadline,
    FrameworkDocument,
    Scores,
    Health,
    Error,
)
"""Every document class of this module, in the order of the service's endpoints."""
