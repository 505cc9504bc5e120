"""Scorecards, their checks and the four published groups."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from papi.errors import InvalidData, NotFound, Problem
from papi.framework import Framework, framework
from papi.text import fold, nfc

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
