"""The JSON documents only the ``papi`` command prints (private): ``papi check``'s report,
``papi scores --table``'s ranking and ``papi framework CODE``'s element. Like the documents of
:mod:`papi.server.documents`, each is a frozen attrs class with a versioned ``schema`` key and
``to_dict()``, so its JSON Schema is generated from the class (``schema_of`` of
``tools/make_schemas.py``; the tests validate the command's output against it)."""

from __future__ import annotations

from typing import ClassVar

import attrs

from papi.server.documents import Document, ElementInfo, GroupInfo

__all__ = [
    "CLI_DOCUMENT_TYPES",
    "AddedCounts",
    "CheckReport",
    "ElementDocument",
    "ProblemInfo",
    "Ranking",
    "RankingEntry",
    "Unscored",
]


@attrs.frozen(kw_only=True)
class ProblemInfo:
    """One problem of a plan file: where (``path``), what, the value found (as text)."""

    path: str
    message: str
    value: str | None
    source: str | None


@attrs.frozen(kw_only=True)
class AddedCounts:
    """How many records a valid plan file adds to the packaged data."""

    documents: int
    tasks: int
    assignments: int
    reports: int


@attrs.frozen(kw_only=True)
class CheckReport(Document):
    """``papi check --json``: whether the plan file is valid, and every problem."""

    SCHEMA: ClassVar[str] = "papi.check/1"
    schema: str = attrs.field(default="papi.check/1")
    file: str
    valid: bool
    problems: tuple[ProblemInfo, ...]
    added: AddedCounts | None


@attrs.frozen(kw_only=True)
class RankingEntry:
    """One ranked province of a score table."""

    rank: int
    province: str
    province_code: str | None
    score: float
    group: GroupInfo | None


@attrs.frozen(kw_only=True)
class Unscored:
    """A province of the table left unranked, and the scores it lacks."""

    province: str
    missing: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Ranking(Document):
    """``papi scores --table CSV --json``: every province of the table ranked by its total."""

    SCHEMA: ClassVar[str] = "papi.ranking/1"
    schema: str = attrs.field(default="papi.ranking/1")
    year: int
    by: str
    frame_size: int | None
    mean: float | None
    entries: tuple[RankingEntry, ...]
    unscored: tuple[Unscored, ...]


@attrs.frozen(kw_only=True)
class ElementDocument(Document):
    """``papi framework CODE --json``: one element of a framework, its ancestors (root
    first) and its children."""

    SCHEMA: ClassVar[str] = "papi.framework-element/1"
    schema: str = attrs.field(default="papi.framework-element/1")
    framework: str
    element: ElementInfo
    ancestors: tuple[ElementInfo, ...]
    children: tuple[ElementInfo, ...]


CLI_DOCUMENT_TYPES: tuple[type[Document], ...] = (CheckReport, Ranking, ElementDocument)
"""The documents of this module (for ``tools/make_schemas.py``)."""
