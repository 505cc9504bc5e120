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

The package: :mod:`~papi.scoring.scorecard` (scorecards, their checks, the groups),
:mod:`~papi.scoring.ranking` (rankings, change, targets) and :mod:`~papi.scoring.tables`
(score tables from files, Hanoi's official results).
"""

from __future__ import annotations

from papi.scoring.ranking import (
    Change,
    Headroom,
    RankedEntry,
    Ranking,
    Target,
    change,
    rank,
    target,
)
from papi.scoring.scorecard import (
    CSV_DIMENSIONS,
    CSV_REQUIRED,
    DIMENSION_RANGE,
    PRECISION,
    SUM_TOLERANCE,
    Group,
    Scorecard,
    group_for_rank,
    group_limits,
)
from papi.scoring.tables import OfficialResult, Table, hanoi_results, load_results, load_table

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
