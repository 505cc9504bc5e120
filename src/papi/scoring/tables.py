"""Score tables from files, and Hanoi's official results as packaged data."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from collections.abc import Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from papi._once import load_once
from papi.errors import InvalidData, NotFound, Problem
from papi.framework import framework
from papi.scoring.ranking import Ranking, _province_index, rank
from papi.scoring.scorecard import (
    CSV_DIMENSIONS,
    CSV_REQUIRED,
    Group,
    Scorecard,
    _problems,
)
from papi.text import decode_utf8, key, nfc


# ---- tables ----------------------------------------------------------------------------------
@attrs.frozen(kw_only=True, eq=False)
class Table:
    """Scorecards loaded from a file, all years together (see :func:`load_table`)."""

    source: str
    scorecards: tuple[Scorecard, ...]

    def __iter__(self) -> Iterator[Scorecard]:
        return iter(self.scorecards)

    def __len__(self) -> int:
        return len(self.scorecards)

    def years(self) -> tuple[int, ...]:
        """The years present, ascending."""
        return tuple(sorted({c.year for c in self.scorecards}))

    def year(self, year: int) -> tuple[Scorecard, ...]:
        """All scorecards of ``year`` (scored or not); :class:`~papi.errors.NotFound` if none."""
        out = tuple(c for c in self.scorecards if c.year == year)
        if not out:
            raise NotFound(
                "year",
                year,
                closest=[str(y) for y in self.years()],
                context=f"in {self.source}",
                context_vi=f"trong {self.source}",
            )
        return out

    def ranking(self, year: int, *, by: str = "total") -> Ranking:
        """:func:`rank` over the scorecards of ``year``."""
        return rank(self.year(year), by=by)

    def unscored(self) -> tuple[Scorecard, ...]:
        """Every scorecard without a total (empty or partial rows)."""
        return tuple(c for c in self.scorecards if not c.is_scored)

    def province(self, name: str) -> tuple[Scorecard, ...]:
        """The scorecards of one province over the years (matched with :mod:`papi.text`)."""
        idx = _province_index(self.scorecards)
        hits = idx.find(name)
        if not hits:
            raise NotFound(
                "province",
                name,
                closest=idx.closest(name),
                context=f"in {self.source}",
                context_vi=f"trong {self.source}",
            )
        return tuple(c for c in self.scorecards if c.province == hits[0])


def _parse_float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def load_table(path: str | os.PathLike[str]) -> Table:
    """Load a CSV of provincial scores shaped like the PAPI dashboard export
    (``papi_provincial_scores_2011_2024.csv``): one row per province and year.

    Required columns: :data:`CSV_REQUIRED` (``province_vi``, ``year``, ``D1``-``D8``; an empty
    cell is a missing score). Optional: ``province_id`` (kept as the province code),
    ``n_dims`` (checked against the scores present), ``total_official`` and ``total_papi``
    (checked against the sum of the dimensions within 0.001). ``rank_year`` and ``tier`` are
    ignored: in that file they are a third party's own recomputation, not official results.

    Empty and partial rows are kept (as scorecards that :func:`rank` reports as unscored),
    never dropped. Every problem in the file is reported at once as
    :class:`~papi.errors.InvalidData` whose problems name the line and the column.
    """
    source = os.fspath(path)
    try:
        with open(source, "rb") as raw:
            data = raw.read()
    except OSError as exc:
        raise InvalidData(f"cannot read the score table: {exc.strerror}", path=source) from None
    except ValueError:  # a NUL byte in the name: no file can have it
        raise InvalidData(
            "cannot read the score table: a NUL byte in its name", path=repr(source)
        ) from None
    text = decode_utf8(data, source=source, advice="save the table as CSV UTF-8")
    problems: list[Problem] = []
    cards: list[Scorecard] = []
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle)
        header = _csv_header(reader, source)
        missing = [c for c in CSV_REQUIRED if c not in header]
        if missing:
            raise InvalidData(
                f"missing column(s) {', '.join(missing)}",
                path=f"{source}: line 1",
                value=header,
            )
        repeated = sorted({c for c in header if header.count(c) > 1})
        if repeated:  # a row would keep only the last cell of each: refuse, never overwrite
            raise InvalidData(
                f"repeated column(s) {', '.join(repeated)}",
                path=f"{source}: line 1",
                value=header,
            )
        seen: dict[tuple[str, int], int] = {}
        for row in _csv_rows(reader, source):
            line = reader.line_num
            where = f"line {line}"

            def fail(field: str, message: str, value: object, where: str = where) -> None:
                problems.append(
                    Problem(path=f"{where}: {field}", message=message, value=value, source=source)
                )

            if None in row or any(v is None for v in row.values()):
                fail(
                    "row",
                    f"expected {len(header)} fields",
                    [v for v in row.values() if v is not None],
                )
                continue
            province = nfc(row["province_vi"])
            if not province:
                fail("province_vi", "empty province name", row["province_vi"])
            year_text = row["year"].strip()
            if not re.fullmatch(r"\d{4}", year_text):
                fail("year", "not a year", row["year"])
                continue
            year = int(year_text)
            dims: dict[str, float] = {}
            for code in CSV_DIMENSIONS:
                text = row[code].strip()
                if not text:
                    continue
                value = _parse_float(text)
                if value is None:
                    fail(code, "not a number", row[code])
                    continue
                dims[code] = value
            before = len(problems)
            for field, message, bad in _problems(province, year, dims, {}):
                fail(field, message, bad)
            if len(problems) > before or not province:
                continue
            total = math.fsum(dims.values())
            for column, needs_full in (("total_official", True), ("total_papi", False)):
                text = (row.get(column) or "").strip()
                if not text:
                    continue
                stated = _parse_float(text)
                if stated is None:
                    fail(column, "not a number", row[column])
                elif (needs_full or len(dims) == len(framework(year).dimensions)) and abs(
                    stated - total
                ) > 0.001:
                    fail(column, f"differs from the sum of the dimensions {total:.4f}", stated)
            n_text = (row.get("n_dims") or "").strip()
            if n_text and n_text != str(len(dims)):
                fail("n_dims", f"{len(dims)} dimension scores present", row["n_dims"])
            dup = seen.get((key(province), year))
            if dup is not None:
                fail("province_vi", f"{province} {year} already given on line {dup}", province)
                continue
            seen[(key(province), year)] = line
            cards.append(
                Scorecard(
                    province=province,
                    year=year,
                    dimensions=dims,
                    province_code=(row.get("province_id") or "").strip() or None,
                    source=f"{source}: {where}",
                )
            )
    if problems:
        raise InvalidData.collect(f"{source}: invalid PAPI score table", problems)
    return Table(source=source, scorecards=tuple(cards))


def _csv_error(err: csv.Error, source: str, line: int) -> InvalidData:
    """The csv module's own error (a stray quote makes a field run on past the size limit, a
    NUL byte...) as :class:`~papi.errors.InvalidData` naming the line its record starts on."""
    return InvalidData(
        f"not a readable CSV record ({err}; a stray quote?)", path=f"{source}: line {line}"
    )


def _csv_header(reader: csv.DictReader[str], source: str) -> list[str]:
    try:
        return list(reader.fieldnames or [])
    except csv.Error as err:
        raise _csv_error(err, source, 1) from None


def _csv_rows(reader: csv.DictReader[str], source: str) -> Iterator[dict[str | Any, str | Any]]:
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise _csv_error(err, source, start) from None
        yield row


# ---- Hanoi's official results -------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class OfficialResult:
    """A published PAPI result of one province and year, with its sources.

    ``rank``/``group`` are the official statements (``None`` when not published in our
    sources); the ``*_verified`` flags are ``False`` where the statement is unconfirmed or
    conflicts with the data (see ``note``). ``dimension_ranks`` and ``dimension_groups`` hold
    per-dimension results where published; ``dimension_ranks_verified`` is ``False`` where the
    printed dimension ranks are not reproduced by ranking the dimension scores (2024).
    """

    province: str
    year: int
    scorecard: Scorecard
    total: float
    rank: int | None
    out_of: int
    group: Group | None
    total_verified: bool
    rank_verified: bool
    group_verified: bool
    dimensions_verified: bool
    dimension_ranks: Mapping[str, int] = attrs.field(hash=False)
    dimension_groups: Mapping[str, Group] = attrs.field(hash=False)
    sources: tuple[str, ...]
    note: str | None
    dimension_ranks_verified: bool = True


@load_once
def _load_hanoi() -> tuple[OfficialResult, ...]:
    name = "papi/data/hanoi_results.json"
    text = resources.files("papi").joinpath("data", "hanoi_results.json").read_text("utf-8")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidData(f"not valid JSON: {exc.msg} at line {exc.lineno}", path=name) from None
    return load_results(raw, source=name)


def load_results(raw: Any, *, source: str = "<data>") -> tuple[OfficialResult, ...]:
    """Official results of one province from their JSON form (the schema of the packaged
    ``papi/data/hanoi_results.json``: ``{"province": ..., "results": [{"year", "dimensions",
    "total", "rank", "out_of", "group", "*_verified", "sources", ...}]}``), oldest first.

    Each total must equal the sum of its dimensions (within 0.0005); a problem raises
    :class:`~papi.errors.InvalidData` naming the record (``$.results[2].total``...).
    """
    if not isinstance(raw, dict) or not isinstance(raw.get("results"), list):
        raise InvalidData("expected an object with a 'results' list", path="$", source=source)
    province = raw.get("province")
    if not isinstance(province, str):
        raise InvalidData("missing province name", path="$.province", source=source)
    out = []
    for i, item in enumerate(raw["results"]):
        path = f"$.results[{i}]"
        try:
            card = Scorecard(
                province=province,
                year=item["year"],
                dimensions=item["dimensions"],
                sub_dimensions=item.get("sub_dimensions", {}),
                source=source,
            )
            group = None if item.get("group") is None else Group.parse(item["group"])
            result = OfficialResult(
                province=card.province,
                year=card.year,
                scorecard=card,
                total=float(item["total"]),
                rank=item.get("rank"),
                out_of=int(item.get("out_of", 63)),
                group=group,
                total_verified=bool(item["total_verified"]),
                rank_verified=bool(item["rank_verified"]),
                group_verified=bool(item["group_verified"]),
                dimensions_verified=bool(item["dimensions_verified"]),
                dimension_ranks=MappingProxyType(dict(item.get("dimension_ranks", {}))),
                dimension_groups=MappingProxyType(
                    {k: Group.parse(v) for k, v in item.get("dimension_groups", {}).items()}
                ),
                sources=tuple(item["sources"]),
                note=item.get("note"),
                dimension_ranks_verified=bool(item.get("dimension_ranks_verified", True)),
            )
        except KeyError as exc:
            raise InvalidData("missing key", path=f"{path}.{exc.args[0]}", source=source) from None
        except (InvalidData, NotFound, TypeError, ValueError) as exc:
            raise InvalidData(f"invalid result: {exc}", path=path, source=source) from None
        if card.total is None or abs(card.total - result.total) > 0.0005:
            raise InvalidData(
                f"total {result.total} is not the sum of the dimensions {card.total}",
                path=f"{path}.total",
                source=source,
            )
        out.append(result)
    return tuple(sorted(out, key=lambda r: r.year))


def hanoi_results() -> tuple[OfficialResult, ...]:
    """Hà Nội's published PAPI results 2018-2024, oldest first, with sources.

    >>> r = {x.year: x for x in hanoi_results()}
    >>> r[2021].rank, r[2021].total, r[2021].group.vi
    (9, 44.4466, 'Cao')
    >>> r[2019].rank_verified
    False
    """
    return _load_hanoi()
