"""Rankings of a year's scorecards, year-on-year change and targets."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs

from papi.errors import InvalidData, NotFound, Problem
from papi.framework import framework
from papi.scoring.scorecard import (
    _STEP,
    DIMENSION_RANGE,
    Group,
    Scorecard,
    _code_order,
    _round,
    group_for_rank,
)
from papi.text import NameIndex, fold, key


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
                context_vi=f"trong PAPI {self.year}",
            )
        name = hits[0]
        if name not in self._by_name:
            raise NotFound(
                "scored province",
                province,
                context=f"(not scored by {self.by} in PAPI {self.year})",
                context_vi=f"(không có điểm theo {self.by} trong PAPI {self.year})",
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
        raise NotFound(
            "ranking measure",
            by,
            closest=["total", *dims],
            context=f"for PAPI {year}",
            context_vi=f"của PAPI {year}",
        )
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
    top = me.rank == 1 or not others
    rival = None if top else others[target_rank - 1]
    return Target(
        province=me.province,
        year=ranking.year,
        by=ranking.by,
        rank=me.rank,
        score=me.score,
        places=places,
        target_rank=1 if top else target_rank,
        rival=None if rival is None else rival.province,
        tie=me.score if rival is None else rival.score,
        needed=me.score if rival is None else _round(rival.score + _STEP),
        headroom=headroom,
    )
