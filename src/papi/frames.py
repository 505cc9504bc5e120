"""Answers, unit listings, duties, agendas, scorecards and rankings as table rows.

:func:`rows` turns one of papi's objects into plain Python rows (``dict`` of ``str``,
``int``, ``float``, ``bool``, :class:`~datetime.date` or ``None``): one row per entity
(per responsible entry, per duty, per deadline, per unit, per scorecard...), never an object in a
cell. :func:`to_frame` gives the same rows as a :class:`pandas.DataFrame` (pandas is the
optional ``frames`` extra, imported only there), dates as ``datetime64`` columns.

>>> from datetime import date
>>> import papi
>>> from papi.frames import rows
>>> acc = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> first = rows(acc, lang="en")[0]
>>> first["role"], first["task"], first["organization"]
('implement', 'T4', 'Ủy ban nhân dân phường Hoàn Kiếm')
>>> rows(papi.hanoi_results())[0]["year"]
2018

Text columns follow ``lang`` (``"vi"``, the default, or ``"en"``); identifiers, codes and
official Vietnamese names stay as they are in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from papi.errors import InvalidData
from papi.framework import Framework
from papi.governance import (
    Accountability,
    Agenda,
    BasisInfo,
    Case,
    Duties,
    Escalation,
    Gaps,
    Holder,
    Hop,
    OrgInfo,
    Overdue,
    PostInfo,
)
from papi.scoring import Group, OfficialResult, Ranking, Scorecard, Table
from papi.server.documents import Conversion, Successors, UnitEntry, Units

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Cell", "Row", "rows", "to_frame"]

Cell = str | int | float | bool | date | None
"""What a cell holds: a plain value, never an object."""

Row = dict[str, Cell]
"""One row: column name -> cell."""

_LANGS = ("vi", "en")


def rows(obj: object, *, lang: str = "vi") -> list[Row]:
    """Plain rows for ``obj``, one per entity.

    ``obj`` is an answer (:class:`~papi.governance.Accountability`,
    :class:`~papi.governance.Duties`, :class:`~papi.governance.Agenda`,
    :class:`~papi.governance.Overdue`, :class:`~papi.governance.Escalation`,
    :class:`~papi.governance.Gaps`, :class:`~papi.governance.Case`), a unit listing
    (:class:`~papi.server.documents.Units`
    from :func:`~papi.server.documents.units_document`, or
    :class:`~papi.server.documents.Successors`, :class:`~papi.server.documents.Conversion`),
    a :class:`~papi.framework.Framework`, a
    :class:`~papi.scoring.Scorecard`, a :class:`~papi.scoring.Ranking`, a
    :class:`~papi.scoring.Table`, or a sequence of scorecards or of official results
    (:func:`papi.hanoi_results`). Anything else raises :class:`~papi.errors.InvalidData`.

    >>> import papi
    >>> from datetime import date
    >>> ranking = papi.rank([
    ...     papi.Scorecard(province="Hà Nội", year=2023, dimensions=dict.fromkeys(
    ...         ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8"], 5.0)),
    ... ])
    >>> row = rows(ranking, lang="en")[0]
    >>> row["rank"], row["province"], row["score"], row["group"], row["group_name"]
    (1, 'Hà Nội', 40.0, 1, 'high')
    """
    if lang not in _LANGS:
        raise InvalidData("must be 'vi' or 'en'", path="lang", value=lang)
    for kind, make in _MAKERS:
        if isinstance(obj, kind):
            return make(obj, lang)
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes, dict)):
        items = tuple(obj)
        if all(isinstance(i, OfficialResult) for i in items):
            return [_result_row(r, lang) for r in items]
        if all(isinstance(i, Scorecard) for i in items):
            return [_scorecard_row(s) for s in items]
        if all(isinstance(i, UnitEntry) for i in items):
            return [_unit_row(u) for u in items]
    raise InvalidData("cannot make rows of this object", path="obj", value=type(obj).__name__)


def to_frame(obj: object, *, lang: str = "vi") -> pd.DataFrame:
    """:func:`rows` as a :class:`pandas.DataFrame` (needs pandas: the ``frames`` extra).

    Columns are those of :func:`rows`, in the same order even when there are no rows; columns
    of dates become ``datetime64`` (missing dates ``NaT``).

    >>> import papi
    >>> frame = to_frame(papi.hanoi_results())
    >>> frame.loc[frame.year == 2023, "rank"].item()
    15
    """
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "papi.frames.to_frame needs pandas: pip install 'papi-vn[frames]'"
        ) from None
    data = rows(obj, lang=lang)
    columns = list(data[0]) if data else _empty_columns(obj)
    frame = pd.DataFrame.from_records(data, columns=columns)
    for name in columns:
        values = [r[name] for r in data if r[name] is not None]
        if values and all(isinstance(v, date) for v in values):
            frame[name] = pd.to_datetime(frame[name])
    return frame


def _empty_columns(obj: object) -> list[str]:
    for kind, columns in _EMPTY:
        if isinstance(obj, kind):
            return list(columns)
    return []


# ----------------------------------------------------------------------------- pieces


def _pick(vi: str | None, en: str | None, lang: str) -> str | None:
    if lang == "en" and en:
        return en
    return vi if vi is not None else en


def _org(org: OrgInfo, lang: str, prefix: str = "organization") -> Row:
    return {
        f"{prefix}_id": org.id,
        prefix: _pick(org.name, org.name_en, lang),
        f"{prefix}_kind": org.kind,
        f"{prefix}_unit": org.unit,
    }


def _post(post: PostInfo | None, lang: str) -> Row:
    if post is None:
        return {"post_id": None, "post": None}
    return {"post_id": post.id, "post": _pick(post.name, post.name_en, lang)}


def _holder(holder: Holder | None, lang: str) -> Row:
    if holder is None:
        return {"holder_status": None, "holder": None, "holder_since": None}
    return {
        "holder_status": holder.status,
        "holder": holder.person if holder.status in ("known", "acting") else holder.text(lang),
        "holder_since": holder.since,
    }


def _basis(basis: BasisInfo, via: Sequence[Hop], lang: str) -> Row:
    return {
        "document": basis.document,
        "citation": basis.citation_vi if lang == "vi" else basis.citation_en,
        "reference": basis.reference,
        "principle": basis.principle,
        "via": "; ".join(h.act for h in via) or None,
        "hops": len(via),
    }


def _acc_rows(a: Accountability, lang: str) -> list[Row]:
    out: list[Row] = []
    for r in a.responsible:
        row: Row = {
            "on": a.on,
            "subject": a.subject.code,
            "where_id": a.where.id,
            "where": a.where.name,
            "role": r.role.value,
            "role_label": a.role_text(r, lang),
            "task": r.task,
        }
        row.update(_org(r.organization, lang))
        row.update(_post(r.post, lang))
        row.update(_holder(r.holder, lang))
        row.update(_basis(r.basis, r.via, lang))
        out.append(row)
    return out


def _duty_rows(d: Duties, lang: str) -> list[Row]:
    out: list[Row] = []
    for item in d.items:
        row: Row = {
            "on": d.on,
            "of": d.of,
            "task": item.task,
            "title": _pick(item.title_vi, item.title_en, lang),
            "role": item.role.value,
        }
        row.update(_org(item.organization, lang))
        row.update(_post(item.post, lang))
        row.update(_basis(item.basis, item.via, lang))
        out.append(row)
    return out


def _agenda_rows(a: Agenda, lang: str) -> list[Row]:
    return [
        {
            "due": i.due,
            "task": i.task,
            "title": _pick(i.title_vi, i.title_en, lang),
            "description": i.description_vi if lang == "vi" else i.description_en,
            "citation": i.citation,
            "applies_to": i.applies_to,
            "holder_count": i.holder_count,
        }
        for i in a.items
    ]


def _overdue_rows(o: Overdue, lang: str) -> list[Row]:
    return [
        {
            "on": o.on,
            "task": i.task,
            **_org(i.organization, lang),
            "due": i.due,
            "status": i.status.value,
        }
        for i in o.items
    ]


def _escalation_rows(e: Escalation, lang: str) -> list[Row]:
    out: list[Row] = []
    for n, s in enumerate(e.steps, 1):
        row: Row = {"on": e.on, "where_id": e.where.id, "where": e.where.name, "step": n}
        row.update(_org(s.organization, lang))
        row.update(_post(s.post, lang))
        row.update(_holder(s.holder, lang))
        out.append(row)
    return out


def _gap_rows(g: Gaps, lang: str) -> list[Row]:
    return [
        {
            "on": g.on,
            "kind": i.kind,
            "subject": i.subject,
            "message": i.message_vi if lang == "vi" else i.message_en,
            "basis": i.basis,
        }
        for i in g.items
    ]


def _case_rows(c: Case, lang: str) -> list[Row]:
    out: list[Row] = []
    for s in c.steps:
        row: Row = {
            "on": c.on,
            "kind": c.kind,
            "where_id": c.where.id,
            "where": c.where.name,
            "received": c.received,
            "step": s.key,
            "name": s.name_vi if lang == "vi" else s.name_en,
            "role": s.role,
            "organization_id": s.organization.id if s.organization else None,
            "organization": _pick(s.organization.name, s.organization.name_en, lang)
            if s.organization
            else None,
        }
        row.update(_post(s.post, lang))
        row.update(_holder(s.holder, lang))
        row.update(
            {
                "start": s.start,
                "n": s.n,
                "unit": s.unit,
                "due": s.due,
                "elapsed": s.elapsed,
                "statute": s.statute,
                "citation": s.citation,
                "verified": s.verified,
            }
        )
        out.append(row)
    return out


def _unit_row(u: UnitEntry) -> Row:
    return {
        "id": u.id,
        "code": u.code,
        "name": u.name,
        "name_en": u.name_en,
        "level": u.level,
        "kind": u.kind,
        "parent": u.parent,
        "parent_name": u.parent_name,
        "valid_from": u.valid_from,
        "valid_to": u.valid_to,
    }


def _units_rows(u: Units, lang: str) -> list[Row]:
    return [_unit_row(x) for x in u.units]


def _successor_rows(s: Successors, lang: str) -> list[Row]:
    return [{"asked_id": s.unit.id, "asked": s.unit.name, **_unit_row(x)} for x in s.successors]


def _conversion_rows(c: Conversion, lang: str) -> list[Row]:
    primary = c.primary.id if c.primary else None
    return [
        {
            "source_id": c.source.id,
            "source": c.source.name,
            "to": c.to,
            **_unit_row(x),
            "primary": x.id == primary,
        }
        for x in c.units
    ]


def _framework_rows(fw: Framework, lang: str) -> list[Row]:
    return [
        {
            "framework": fw.id,
            "code": e.code,
            "level": e.level.value,
            "name": e.name(lang),
            "parent": e.parent,
            "dimension": e.dimension,
            "first_year": e.first_year,
            "last_year": e.last_year,
            "verified": e.verified,
        }
        for e in fw.elements()
    ]


_DIMENSIONS = tuple(f"D{i}" for i in range(1, 9))


def _scorecard_row(s: Scorecard) -> Row:
    row: Row = {"province": s.province, "province_code": s.province_code, "year": s.year}
    row.update({code: s.dimensions.get(code) for code in _DIMENSIONS})
    row.update({"total": s.total, "source": s.source})
    return row


def _group_cols(group: Group | None, lang: str, prefix: str = "group") -> Row:
    if group is None:
        return {prefix: None, f"{prefix}_name": None}
    return {prefix: group.number, f"{prefix}_name": group.vi if lang == "vi" else group.en}


def _ranking_rows(r: Ranking, lang: str) -> list[Row]:
    return [
        {
            "rank": e.rank,
            "province": e.province,
            "province_code": e.scorecard.province_code,
            "year": r.year,
            "by": r.by,
            "score": e.score,
            **_group_cols(e.group, lang),
        }
        for e in r
    ]


def _table_rows(t: Table, lang: str) -> list[Row]:
    return [_scorecard_row(s) for s in t]


def _result_row(r: OfficialResult, lang: str) -> Row:
    row: Row = {
        "province": r.province,
        "year": r.year,
        "total": r.total,
        "rank": r.rank,
        "out_of": r.out_of,
        **_group_cols(r.group, lang),
    }
    row.update({code: r.scorecard.dimensions.get(code) for code in _DIMENSIONS})
    row.update(
        {
            "total_verified": r.total_verified,
            "rank_verified": r.rank_verified,
            "group_verified": r.group_verified,
            "dimensions_verified": r.dimensions_verified,
            "note": r.note,
        }
    )
    return row


def _one_scorecard(s: Scorecard, lang: str) -> list[Row]:
    return [_scorecard_row(s)]


_MAKERS: Sequence[tuple[type[Any], Callable[[Any, str], list[Row]]]] = (
    (Accountability, _acc_rows),
    (Duties, _duty_rows),
    (Agenda, _agenda_rows),
    (Overdue, _overdue_rows),
    (Escalation, _escalation_rows),
    (Gaps, _gap_rows),
    (Case, _case_rows),
    (Units, _units_rows),
    (Successors, _successor_rows),
    (Conversion, _conversion_rows),
    (Framework, _framework_rows),
    (Scorecard, _one_scorecard),
    (Ranking, _ranking_rows),
    (Table, _table_rows),
)


_UNIT_COLUMNS = (
    "id",
    "code",
    "name",
    "name_en",
    "level",
    "kind",
    "parent",
    "parent_name",
    "valid_from",
    "valid_to",
)
"""The columns of a unit listing."""

_EMPTY: Sequence[tuple[type[Any], tuple[str, ...]]] = (
    (
        Overdue,
        (
            "on",
            "task",
            "organization_id",
            "organization",
            "organization_kind",
            "organization_unit",
            "due",
            "status",
        ),
    ),
    (Gaps, ("on", "kind", "subject", "message", "basis")),
    (Agenda, ("due", "task", "title", "description", "citation", "applies_to", "holder_count")),
    (Units, _UNIT_COLUMNS),
    (Successors, ("asked_id", "asked", *_UNIT_COLUMNS)),
    (
        Duties,
        (
            "on",
            "of",
            "task",
            "title",
            "role",
            "organization_id",
            "organization",
            "organization_kind",
            "organization_unit",
            "post_id",
            "post",
            "document",
            "citation",
            "reference",
            "via",
            "hops",
        ),
    ),
)
