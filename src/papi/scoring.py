"""PAPI scorecards, rankings, the four published groups, year-on-year change and targets.

A :class:`Scorecard` is one province in one PAPI year: dimension scores on the 1-10 scale
(thitruonghanghoa.com, PAPI 2020) and optionally sub-dimension scores, which must add up to
their dimension (2023 PAPI report, Table 3.6). The aggregate is the unweighted sum of the
dimension scores (hanoicapital.chinhphu.vn 2020: "calculated by adding up each province's scores
in the eight PAPI dimensions"), so it runs 8-80 since 2018 and 6-60 in 2011-2017.

>>> hn = Scorecard(province="Hà Nội", year=2023, dimensions={
...     "D1": 5.4275, "D2": 5.6707, "D3": 4.2760, "D4": 6.7348,
...     "D5": 7.1611, "D6": 7.8486, "D7": 2.8688, "D8": 3.9728})
>>> hn.total
43.9603

:func:`rank` orders a year's scorecards by total (or by one dimension), gives tied scores the
same rank ("1224" competition ranking on scores rounded to the published 4 decimals), reports
unscored provinces separately and places every scored province in one of the four published
groups (see :func:`group_for_rank` for the rule and docs/scoring.md for the evidence).
:func:`target` answers "what total would have moved this province up N places?".
"""

from __future__ import annotations

import csv
import enum
import io
import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from papi._once import load_once
from papi.errors import InvalidData, NotFound, Problem
from papi.framework import Framework, framework
from papi.text import NameIndex, decode_utf8, fold, key, nfc

__all__ = [
    "CSV_DIMENSIONS",
    "CSV_REQUIRED",
    "DIMENSION_RANGE",
    "PRECISION",
    "SUM_TOLERANCE",
    "Change",
    "Group",
    "Headroom",
    "OfficialResult",
    "RankedEntry",
    "Ranking",
    "Scorecard",
    "Table",
    "Target",
    "change",
    "group_for_rank",
    "group_limits",
    "hanoi_results",
    "load_results",
    "load_table",
    "rank",
    "target",
]

PRECISION = 4
"""Decimals PAPI publishes scores with (e.g. 43.9603; kinhtedothi.vn, nvsk.vnanet.vn). Totals are
rounded to this precision, and rankings compare the rounded totals.
"""

DIMENSION_RANGE = (1.0, 10.0)
"""A dimension is scored on 1-10 ("trên thang đo từ 1 đến 10 điểm", PAPI 2020)."""

SUM_TOLERANCE = 0.025
"""How far the sum of a dimension's sub-dimension scores may be from the dimension score. PAPI
publishes sub-dimensions to 4 decimals in its reports but news and profiles quote them to 2 (Hà
Nội 2019 D1: 0.74 + 1.49 + 1.58 + 1.23 = 5.04 for 5.0387). Four parts rounded to 2 decimals can
be off by 4 x 0.005, plus 0.005 for the dimension: 0.025 accepts every correctly rounded
quotation while still catching a wrong or missing part.
"""

CSV_DIMENSIONS = tuple(f"D{i}" for i in range(1, 9))
"""The dimension columns of a score table, ``D1``-``D8``."""
CSV_REQUIRED = ("province_vi", "year", *CSV_DIMENSIONS)
"""The columns :func:`load_table` requires: ``province_vi``, ``year`` and ``D1``-``D8``."""

_SUB_CODE = re.compile(r"^D([1-9])\.([1-9][0-9]?)$")
_STEP = 10**-PRECISION


def _round(value: float) -> float:
    return round(value, PRECISION)


# ---- groups ---------------------------------------------------------------------------------
class Group(enum.Enum):
    """The four performance groups PAPI publishes, best first (nhóm 1 to nhóm 4)."""

    HIGH = 1
    ABOVE_AVERAGE = 2
    BELOW_AVERAGE = 3
    LOW = 4

    @property
    def number(self) -> int:
        """1 (best) to 4, as in "nhóm 1"."""
        return self.value

    @property
    def vi(self) -> str:
        """Vietnamese label: Cao, Trung bình cao, Trung bình thấp, Thấp."""
        return ("Cao", "Trung bình cao", "Trung bình thấp", "Thấp")[self.value - 1]

    @property
    def en(self) -> str:
        """English label: high, above average, below average, low."""
        return ("high", "above average", "below average", "low")[self.value - 1]

    @classmethod
    def parse(cls, text: str | int) -> Group:
        """A group from its number, its enum name, or its Vietnamese or English label.

        >>> Group.parse("Trung binh cao"), Group.parse(4), Group.parse("high")
        (<Group.ABOVE_AVERAGE: 2>, <Group.LOW: 4>, <Group.HIGH: 1>)
        """
        if isinstance(text, int) and not isinstance(text, bool) and 1 <= text <= 4:
            return cls(text)
        if isinstance(text, str):
            wanted = fold(text).replace("_", " ")
            for g in cls:
                if wanted in (fold(g.vi), fold(g.en), fold(g.name).replace("_", " ")):
                    return g
            if wanted.isdigit() and 1 <= int(wanted) <= 4:
                return cls(int(wanted))
        raise NotFound("PAPI group", text, closest=[g.vi for g in cls])


def group_limits(frame_size: int) -> tuple[int, int, int]:
    """The last rank of groups 1, 2 and 3 when ``frame_size`` provinces are in the survey.

    The cut points are the 75th, 50th and 25th percentiles by linear interpolation (numpy's
    default, Excel's ``PERCENTILE.INC``) over all ``frame_size`` provinces, the unscored ones
    counting as the lowest; a province at or above a cut point belongs to the higher group.
    With 63 provinces that is ranks 1-16, 17-32, 33-47 and 48-63.

    >>> group_limits(63)
    (16, 32, 47)
    """
    if frame_size < 1:
        raise InvalidData("the survey frame must hold at least one province", value=frame_size)
    n1 = frame_size - 1

    def at_or_above(quarters: int) -> int:  # number of values >= the percentile
        return frame_size - (-(-quarters * n1 // 4))

    return at_or_above(3), at_or_above(2), at_or_above(1)


def group_for_rank(rank: int, frame_size: int = 63) -> Group:
    """The published group of a province with competition ``rank`` among ``frame_size``
    provinces (63 in every PAPI year 2011-2024, including the unscored ones).

    This rule reproduces the published 2020 group sizes (16/16/15/16), the 2022 sizes and
    cut-offs (16/16/15/14 of 61 scored) and every published group of Hà Nội; see
    docs/scoring.md for the evidence and the one published fact it does not reproduce.

    >>> [group_for_rank(r).vi for r in (1, 16, 17, 32, 33, 47, 48, 63)]
    ['Cao', 'Cao', 'Trung bình cao', 'Trung bình cao', 'Trung bình thấp', 'Trung bình thấp', 'Thấp', 'Thấp']
    """
    if rank < 1 or rank > frame_size:
        raise InvalidData(f"rank must be between 1 and {frame_size}", path="rank", value=rank)
    hi, mid, lo = group_limits(frame_size)
    if rank <= hi:
        return Group.HIGH
    if rank <= mid:
        return Group.ABOVE_AVERAGE
    if rank <= lo:
        return Group.BELOW_AVERAGE
    return Group.LOW


# ---- scorecards -----------------------------------------------------------------------------
def _scores(value: Mapping[str, object] | None) -> Mapping[str, object]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise InvalidData("scores must be a mapping from codes to numbers", value=value)
    out: dict[str, object] = {}
    for k, v in value.items():
        code = k.strip().upper() if isinstance(k, str) else k
        is_number = isinstance(v, int | float) and not isinstance(v, bool)
        out[str(code)] = float(v) if is_number else v  # type: ignore[arg-type]
    return MappingProxyType(dict(sorted(out.items(), key=lambda kv: _code_order(kv[0]))))


def _code_order(code: str) -> tuple[int, ...]:
    parts = re.findall(r"\d+", code)
    return tuple(int(p) for p in parts) or (99,)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _problems(
    province: str,
    year: object,
    dims: Mapping[str, object],
    subs: Mapping[str, object],
) -> list[tuple[str, str, object]]:
    """Every problem of a scorecard as (field, message, value)."""
    out: list[tuple[str, str, object]] = []
    if not province.strip():
        out.append(("province", "must not be empty", province))
    if not isinstance(year, int) or isinstance(year, bool):
        out.append(("year", "must be an integer year", year))
        return out
    try:
        fw = framework(year)
    except NotFound:
        out.append(("year", "no PAPI framework for this year (PAPI covers 2011 onwards)", year))
        return out
    dim_codes = [d.code for d in fw.dimensions]
    lo, hi = DIMENSION_RANGE
    for code, value in dims.items():
        if code not in dim_codes:
            out.append(
                (code, f"not a dimension of PAPI {year} ({dim_codes[0]}-{dim_codes[-1]})", value)
            )
            continue
        number = _number(value)
        if number is None:
            out.append((code, "not a finite number", value))
        elif not lo <= number <= hi:
            out.append((code, f"dimension score must be between {lo:g} and {hi:g}", value))
    by_dim: dict[str, list[str]] = {}
    for code, value in subs.items():
        match = _SUB_CODE.match(code)
        parent = f"D{match.group(1)}" if match else None
        if parent is None or parent not in dim_codes:
            out.append((code, f"not a sub-dimension code of PAPI {year}", value))
            continue
        known = fw.children(parent)
        if known and code not in known:
            out.append((code, f"not a sub-dimension of {parent} in PAPI {year}", value))
            continue
        if _number(value) is None:
            out.append((code, "not a finite number", value))
            continue
        by_dim.setdefault(parent, []).append(code)
    for parent, codes in by_dim.items():
        known = fw.children(parent)
        parts = len(known) or len(codes)
        if known and len(codes) != len(known):
            missing = [c for c in known if c not in codes]
            out.append(
                (parent, f"sub-dimension scores incomplete: missing {', '.join(missing)}", None)
            )
            continue
        share_lo, share_hi = lo / parts, hi / parts
        for code in codes:
            v = _number(subs[code])
            assert v is not None
            if not share_lo - SUM_TOLERANCE <= v <= share_hi + SUM_TOLERANCE:
                out.append(
                    (
                        code,
                        f"sub-dimension score must be between {share_lo:.4g} and {share_hi:.4g}",
                        v,
                    )
                )
        dim_value = _number(dims.get(parent))
        if dim_value is None:
            if parent not in dims:
                out.append((parent, "sub-dimension scores given without the dimension score", None))
            continue
        total = math.fsum(_number(subs[c]) or 0.0 for c in codes)
        if abs(total - dim_value) > SUM_TOLERANCE:
            out.append(
                (
                    parent,
                    f"sub-dimensions {', '.join(codes)} sum to {total:.4f}, not to the "
                    f"dimension score (tolerance {SUM_TOLERANCE})",
                    dims.get(parent),
                )
            )
    return out


def _province_name(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidData("the province name must be text", path="province", value=value)
    return nfc(value)


@attrs.frozen(kw_only=True)
class Scorecard:
    """One province's PAPI scores in one year.

    ``dimensions`` maps ``"D1"``... to scores on 1-10; a dimension that is absent was not
    scored (a partial or empty scorecard is allowed and is reported as unscored by
    :func:`rank`). ``sub_dimensions`` optionally maps ``"D6.1"``... to scores; when given for a
    dimension they must be complete and sum to the dimension score within
    :data:`SUM_TOLERANCE`. Invalid input raises :class:`~papi.errors.InvalidData` naming the
    province, year, field and value:

    >>> Scorecard(province="Hà Nội", year=2023, dimensions={"D1": 11.2})
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: Hà Nội 2023: D1: dimension score must be between 1 and 10 (value: 11.2)
    """

    province: str = attrs.field(converter=_province_name)
    year: int
    # mappings are compared but left out of the hash (a mappingproxy is unhashable)
    dimensions: Mapping[str, float] = attrs.field(factory=dict, converter=_scores, hash=False)
    sub_dimensions: Mapping[str, float] = attrs.field(factory=dict, converter=_scores, hash=False)
    province_code: str | None = None
    source: str | None = None

    def __attrs_post_init__(self) -> None:
        found = _problems(self.province, self.year, self.dimensions, self.sub_dimensions)
        if found:
            where = f"{self.province} {self.year}"
            probs = [Problem(path=f"{where}: {f}", message=m, value=v) for f, m, v in found]
            if len(probs) == 1:
                p = probs[0]
                raise InvalidData(p.message, path=p.path, value=p.value, source=self.source)
            raise InvalidData.collect(f"invalid scorecard {where}", probs)

    @property
    def framework(self) -> Framework:
        """The PAPI framework of this scorecard's year."""
        return framework(self.year)

    @property
    def dimension_codes(self) -> tuple[str, ...]:
        """The dimension codes of this year's framework (D1-D6 before 2018, D1-D8 since)."""
        return tuple(d.code for d in self.framework.dimensions)

    @property
    def missing(self) -> tuple[str, ...]:
        """Dimensions without a score."""
        return tuple(c for c in self.dimension_codes if c not in self.dimensions)

    @property
    def is_scored(self) -> bool:
        """Whether every dimension has a score (only then is there a total)."""
        return not self.missing

    @property
    def total(self) -> float | None:
        """The sum of the dimension scores rounded to :data:`PRECISION` decimals, or ``None``
        when a dimension is missing."""
        if not self.is_scored:
            return None
        return _round(math.fsum(self.dimensions.values()))

    @property
    def partial_total(self) -> float:
        """The sum of the dimensions that are present (0 for an empty scorecard); not a PAPI
        total unless :attr:`is_scored`."""
        return _round(math.fsum(self.dimensions.values()))

    @property
    def total_range(self) -> tuple[float, float]:
        """The possible range of the total this year: (8, 80) since 2018, (6, 60) before."""
        n = len(self.dimension_codes)
        return (DIMENSION_RANGE[0] * n, DIMENSION_RANGE[1] * n)

    def score(self, code: str) -> float | None:
        """The score of ``"total"``, a dimension or a sub-dimension (``None`` if absent).

        >>> Scorecard(province="Huế", year=2023, dimensions={"D6": 8.3041}).score("D6")
        8.3041
        """
        if code == "total":
            return self.total
        code = code.strip().upper()
        if code in self.dimensions:
            return self.dimensions[code]
        return self.sub_dimensions.get(code)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary."""
        return {
            "province": self.province,
            "province_code": self.province_code,
            "year": self.year,
            "dimensions": dict(self.dimensions),
            "sub_dimensions": dict(self.sub_dimensions),
            "total": self.total,
            "source": self.source,
        }


# ---- ranking ---------------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class RankedEntry:
    """A scored province in a :class:`Ranking`."""

    scorecard: Scorecard
    score: float
    rank: int
    group: Group

    @property
    def province(self) -> str:
        """The province name."""
        return self.scorecard.province


def _province_index(cards: Iterable[Scorecard]) -> NameIndex[str]:
    return NameIndex((c.province, c.province) for c in cards)


@attrs.frozen(kw_only=True, eq=False)
class Ranking:
    """A year's provinces ordered by ``by`` (``"total"`` or a dimension code).

    ``entries`` are the scored provinces, best first (ties in name order); ``unscored`` the
    provinces without a score for ``by``; ``frame_size`` the number of provinces the groups
    are computed over (all provinces passed to :func:`rank`, by default).
    """

    year: int
    by: str
    entries: tuple[RankedEntry, ...]
    unscored: tuple[Scorecard, ...]
    frame_size: int
    _names: NameIndex[str] = attrs.field(init=False, repr=False)
    _by_name: Mapping[str, RankedEntry] = attrs.field(init=False, repr=False)

    @_names.default
    def _make_names(self) -> NameIndex[str]:
        return _province_index([e.scorecard for e in self.entries] + list(self.unscored))

    @_by_name.default
    def _make_by_name(self) -> Mapping[str, RankedEntry]:
        return MappingProxyType({e.province: e for e in self.entries})

    def __iter__(self) -> Iterator[RankedEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def entry(self, province: str) -> RankedEntry:
        """The entry of ``province`` (matched with :mod:`papi.text` rules).

        Raises :class:`~papi.errors.NotFound` for an unknown or unscored province.
        """
        hits = self._names.find(province)
        if not hits:
            raise NotFound(
                "province",
                province,
                closest=self._names.closest(province),
                context=f"in PAPI {self.year}",
            )
        name = hits[0]
        if name not in self._by_name:
            raise NotFound(
                "scored province",
                province,
                context=f"(not scored by {self.by} in PAPI {self.year})",
            )
        return self._by_name[name]

    def rank_of(self, province: str) -> int:
        """The competition rank of ``province``."""
        return self.entry(province).rank

    def group_of(self, province: str) -> Group:
        """The published group of ``province``."""
        return self.entry(province).group

    def score_of(self, province: str) -> float:
        """The score of ``province`` (rounded to :data:`PRECISION`)."""
        return self.entry(province).score

    def groups(self) -> Mapping[Group, tuple[RankedEntry, ...]]:
        """The entries of each group, best first (every group present, possibly empty)."""
        return MappingProxyType({g: tuple(e for e in self.entries if e.group is g) for g in Group})

    def group_sizes(self) -> Mapping[Group, int]:
        """How many scored provinces each group holds."""
        return MappingProxyType({g: len(es) for g, es in self.groups().items()})

    def cutoffs(self) -> Mapping[Group, tuple[float, float] | None]:
        """The (lowest, highest) score in each group, as the reports print them."""
        return MappingProxyType(
            {g: ((es[-1].score, es[0].score) if es else None) for g, es in self.groups().items()}
        )

    def mean(self) -> float:
        """The mean score of the scored provinces (the "national mean" of the reports)."""
        return _round(math.fsum(e.score for e in self.entries) / len(self.entries))

    def median(self) -> float:
        """The median score of the scored provinces (some news items call it the mean:
        the "national mean" 42.3265 quoted for 2023 is the median)."""
        values = sorted(e.score for e in self.entries)
        mid = len(values) // 2
        if len(values) % 2:
            return values[mid]
        return _round((values[mid - 1] + values[mid]) / 2)

    def top(self, n: int) -> tuple[RankedEntry, ...]:
        """The entries with rank ``<= n``."""
        return tuple(e for e in self.entries if e.rank <= n)


def _check_by(by: str, year: int) -> str:
    code = by.strip()
    if code.lower() == "total":
        return "total"
    code = code.upper()
    dims = [d.code for d in framework(year).dimensions]
    if code not in dims:
        raise NotFound("ranking measure", by, closest=["total", *dims], context=f"for PAPI {year}")
    return code


def rank(
    scorecards: Iterable[Scorecard], *, by: str = "total", frame_size: int | None = None
) -> Ranking:
    """Rank one year's scorecards by their total (or by one dimension with ``by="D3"``).

    Scores are compared at the published precision (4 decimals), highest first; tied scores
    share the best rank of the tie and the next rank skips ("1224" competition ranking, as
    "X/63" ranks are quoted). Provinces without a score are left out of the ranking and listed
    in :attr:`Ranking.unscored`. Groups follow :func:`group_for_rank` over ``frame_size``
    provinces (default: every scorecard passed, scored or not).

    >>> cards = [Scorecard(province=p, year=2015, dimensions=dict.fromkeys(
    ...     ["D1", "D2", "D3", "D4", "D5", "D6"], s)) for p, s in
    ...     [("A", 6.0), ("B", 7.0), ("C", 6.0), ("D", 5.0)]]
    >>> r = rank(cards + [Scorecard(province="E", year=2015)])
    >>> [(e.province, e.rank) for e in r]
    [('B', 1), ('A', 2), ('C', 2), ('D', 4)]
    >>> [c.province for c in r.unscored]
    ['E']

    Raises :class:`~papi.errors.InvalidData` when the scorecards mix years or repeat a
    province, and :class:`~papi.errors.NotFound` for an unknown ``by``.
    """
    cards = tuple(scorecards)
    if not cards:
        raise InvalidData("nothing to rank: no scorecards", path="scorecards")
    years = sorted({c.year for c in cards})
    if len(years) != 1:
        raise InvalidData(
            "scorecards of several years cannot be ranked together", path="year", value=years
        )
    year = years[0]
    measure = _check_by(by, year)
    seen: dict[str, str] = {}
    dups = []
    for c in cards:
        k = key(c.province)
        if k in seen:
            dups.append(Problem(path=f"{c.province} {year}", message=f"repeats {seen[k]!r}"))
        seen.setdefault(k, c.province)
    if dups:
        raise InvalidData.collect(f"a province appears twice in PAPI {year}", dups)
    scored: list[tuple[float, Scorecard]] = []
    unscored: list[Scorecard] = []
    for c in cards:
        s = c.score(measure)
        if s is None:
            unscored.append(c)
        else:
            scored.append((_round(s), c))
    size = len(cards) if frame_size is None else frame_size
    if size < len(scored):
        raise InvalidData(
            f"frame_size is smaller than the {len(scored)} scored provinces",
            path="frame_size",
            value=size,
        )
    scored.sort(key=lambda sc: (-sc[0], fold(sc[1].province), sc[1].province))
    entries = []
    current_rank = 0
    previous: float | None = None
    for position, (score, card) in enumerate(scored, start=1):
        if score != previous:
            current_rank, previous = position, score
        entries.append(
            RankedEntry(
                scorecard=card,
                score=score,
                rank=current_rank,
                group=group_for_rank(current_rank, size),
            )
        )
    unscored.sort(key=lambda c: (fold(c.province), c.province))
    return Ranking(
        year=year, by=measure, entries=tuple(entries), unscored=tuple(unscored), frame_size=size
    )


# ---- change and targets ------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class Change:
    """How a province moved between two rankings.

    ``places`` is positive when the province rose (rank 15 -> 9 is +6); ``delta`` is the
    change in score. ``comparable`` is ``False`` across the 2017/2018 framework change, which
    PAPI warns against comparing (papi.org.vn/eng/by-province, 2018 profile note).
    ``dimension_deltas`` holds the change of each dimension present in both years, computed on
    the scores at the published precision (as the news reports them).
    """

    province: str
    by: str
    year_before: int
    year_after: int
    score_before: float
    score_after: float
    rank_before: int
    rank_after: int
    group_before: Group
    group_after: Group
    comparable: bool
    dimension_deltas: Mapping[str, float] = attrs.field(hash=False)

    @property
    def delta(self) -> float:
        """Score after minus score before, rounded to :data:`PRECISION`."""
        return _round(self.score_after - self.score_before)

    @property
    def places(self) -> int:
        """Places gained (positive) or lost (negative)."""
        return self.rank_before - self.rank_after


def change(before: Ranking, after: Ranking, province: str) -> Change:
    """The change of ``province`` from ranking ``before`` to ranking ``after``.

    Raises :class:`~papi.errors.NotFound` if the province is not scored in either ranking,
    and :class:`~papi.errors.InvalidData` if the rankings measure different things.
    """
    if before.by != after.by:
        raise InvalidData("rankings by different measures", path="by", value=(before.by, after.by))
    a, b = before.entry(province), after.entry(province)
    fw_a, fw_b = framework(before.year), framework(after.year)
    deltas = {
        code: _round(_round(b.scorecard.dimensions[code]) - _round(a.scorecard.dimensions[code]))
        for code in a.scorecard.dimensions
        if code in b.scorecard.dimensions
    }
    return Change(
        province=b.province,
        by=after.by,
        year_before=before.year,
        year_after=after.year,
        score_before=a.score,
        score_after=b.score,
        rank_before=a.rank,
        rank_after=b.rank,
        group_before=a.group,
        group_after=b.group,
        comparable=fw_a.id == fw_b.id,
        dimension_deltas=MappingProxyType(deltas),
    )


@attrs.frozen(kw_only=True)
class Headroom:
    """Room for improvement in one dimension, relative to the leaders of that dimension.

    ``gap_to_best`` is the distance to the best score of the year in the dimension;
    ``gap_to_high_group`` the distance to the mean of the provinces in the high group of that
    dimension (negative: already above it).
    """

    code: str
    name_en: str
    score: float
    best: float
    best_provinces: tuple[str, ...]
    gap_to_best: float
    high_group_mean: float
    gap_to_high_group: float


@attrs.frozen(kw_only=True)
class Target:
    """What it would have taken to rise ``places`` places in a ranking.

    ``needed`` is the smallest score, at the published precision, that beats the province now
    at ``target_rank`` (one unit of the 4th decimal above its score), and ``gap`` the points
    missing. ``tie`` is the score that would only equal it (sharing the rank). ``rival`` is
    the province to beat. ``headroom`` (for a ranking by total) lists each dimension's gap to
    the leaders, most headroom first. When the province already leads, ``target_rank`` is 1,
    ``rival`` is ``None`` and ``gap`` is 0.
    """

    province: str
    year: int
    by: str
    rank: int
    score: float
    places: int
    target_rank: int
    rival: str | None
    tie: float
    needed: float
    headroom: tuple[Headroom, ...]

    @property
    def gap(self) -> float:
        """Points missing to reach :attr:`needed` (0 when already there)."""
        return max(0.0, _round(self.needed - self.score))

    @property
    def attainable(self) -> bool:
        """Whether :attr:`needed` is within the scale (80 or 60 for a total, 10 for a
        dimension)."""
        n = len(framework(self.year).dimensions) if self.by == "total" else 1
        return self.needed <= DIMENSION_RANGE[1] * n

    @property
    def places_possible(self) -> int:
        """The places that can actually be gained (fewer than asked near the top)."""
        return self.rank - self.target_rank


def _headroom(ranking: Ranking, card: Scorecard) -> tuple[Headroom, ...]:
    cards = [e.scorecard for e in ranking.entries] + list(ranking.unscored)
    out = []
    for dim in framework(ranking.year).dimensions:
        own = card.dimensions.get(dim.code)
        if own is None:
            continue
        by_dim = rank(cards, by=dim.code, frame_size=ranking.frame_size)
        best = by_dim.entries[0].score
        high = by_dim.groups()[Group.HIGH] or by_dim.top(1)
        high_mean = _round(math.fsum(e.score for e in high) / len(high))
        own_r = _round(own)
        out.append(
            Headroom(
                code=dim.code,
                name_en=dim.name_en,
                score=own_r,
                best=best,
                best_provinces=tuple(e.province for e in by_dim.top(1)),
                gap_to_best=_round(best - own_r),
                high_group_mean=high_mean,
                gap_to_high_group=_round(high_mean - own_r),
            )
        )
    return tuple(sorted(out, key=lambda h: (-h.gap_to_best, _code_order(h.code))))


def target(ranking: Ranking, province: str, places: int = 5) -> Target:
    """The smallest score that would have moved ``province`` up ``places`` places.

    To rise from rank ``r`` to ``r - places`` the province must beat the province now at that
    rank; ``needed`` beats it by one unit of the published precision (0.0001). Near the top
    the target is capped at rank 1.

    >>> cards = [Scorecard(province=p, year=2015, dimensions=dict.fromkeys(
    ...     ["D1", "D2", "D3", "D4", "D5", "D6"], s)) for p, s in
    ...     [("A", 6.0), ("B", 7.0), ("C", 6.5), ("D", 5.0)]]
    >>> t = target(rank(cards), "D", places=2)
    >>> t.rival, t.needed, t.gap
    ('C', 39.0001, 9.0001)
    """
    if not isinstance(places, int) or isinstance(places, bool) or places < 1:
        raise InvalidData("places must be a positive integer", path="places", value=places)
    me = ranking.entry(province)
    others = [e for e in ranking.entries if e.scorecard is not me.scorecard]
    target_rank = max(1, me.rank - places)
    headroom = _headroom(ranking, me.scorecard) if ranking.by == "total" else ()
    if me.rank == 1 or not others:
        return Target(
            province=me.province,
            year=ranking.year,
            by=ranking.by,
            rank=me.rank,
            score=me.score,
            places=places,
            target_rank=1,
            rival=None,
            tie=me.score,
            needed=me.score,
            headroom=headroom,
        )
    rival = others[target_rank - 1]
    return Target(
        province=me.province,
        year=ranking.year,
        by=ranking.by,
        rank=me.rank,
        score=me.score,
        places=places,
        target_rank=target_rank,
        rival=rival.province,
        tie=rival.score,
        needed=_round(rival.score + _STEP),
        headroom=headroom,
    )


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
                "year", year, closest=[str(y) for y in self.years()], context=f"in {self.source}"
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
            raise NotFound("province", name, closest=idx.closest(name), context=f"in {self.source}")
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
