"""The administrative hierarchy through time: units, their containment and their successions.

A :class:`Territory` wraps one networkx ``MultiDiGraph`` (composition, not subclassing) whose
nodes are :class:`Unit` objects keyed by their :attr:`Unit.id` and whose edges carry a
``relation`` (``"contains"`` or ``"succeeded_by"``) and a validity interval. Every query takes
the day it is about (``on=``): the structure of 2022 and the structure of 2026 live in the same
graph. NSO codes are reused over time, so a unit's id is its code plus the day it started
(``"00004@2025-07-01"``, ``"00292@2025-01-01"``); units that existed before the data starts
keep the bare code (``"00004"``).

>>> from datetime import date
>>> hn = hanoi_territory()
>>> len(hn.units(level=Level.COMMUNE, on=date(2026, 3, 1)))
126
>>> ward = hn.unit("Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> ward.id, [u.name for u in hn.ancestors(ward, on=date(2026, 3, 1))]
('00070@2025-07-01', ['Thành phố Hà Nội'])
>>> [u.name for u in hn.successors("Phường Hàng Bạc", on=date(2026, 3, 1))]
['Phường Hoàn Kiếm']
>>> len(hn.units(level=Level.COMMUNE, on=date(2022, 6, 13)))  # 2020-03-01 .. 2024-12-31
579

The whole country is :func:`vietnam_territory`, on any day since 2020-01-01 (63 provinces,
705 district-level units and 10,599 communes on 2022-06-13; 10,035 communes just before
2025-07-01; 34 provinces and 3,321 communes from then; Hanoi's curated history merged in);
:meth:`Territory.convert` turns an old unit into the new one(s), through every rearrangement
in between, the primary one marked. Days are :class:`~datetime.date` objects or ISO ``"YYYY-MM-DD"`` strings.

The package: :mod:`~papi.territory.model` (value objects), :mod:`~papi.territory.registry`
(:class:`Territory` and its queries), :mod:`~papi.territory.successions` (checking successions,
shared with organizations), ``_build`` (validation, indexes, the graph) and ``_load`` (the
JSON-lines format and the packaged data).

Build a territory of your own with :meth:`Territory.build`; it validates everything at once
and raises one :class:`~papi.errors.InvalidData` listing every problem.
"""

from __future__ import annotations

from papi.territory._build import _gc_paused as _gc_paused
from papi.territory._build import day_view as day_view
from papi.territory._build import freeze_attributes as freeze_attributes
from papi.territory._load import (
    _gz_rows as _gz_rows,
)
from papi.territory._load import (
    _hanoi as _hanoi,
)
from papi.territory._load import (
    _parse_unit as _parse_unit,
)
from papi.territory._load import (
    _vietnam as _vietnam,
)
from papi.territory._load import (
    _vietnam_records as _vietnam_records,
)
from papi.territory._load import (
    hanoi_territory,
    load_territory,
    vietnam_territory,
)
from papi.territory.model import (
    Containment,
    Conversion,
    Level,
    Succession,
    Unit,
    UnitKind,
    Unverified,
)
from papi.territory.model import (
    UnitRef as UnitRef,
)
from papi.territory.registry import Territory
from papi.territory.successions import _check_successions as _check_successions

__all__ = [
    "Containment",
    "Conversion",
    "Level",
    "Succession",
    "Territory",
    "Unit",
    "UnitKind",
    "Unverified",
    "hanoi_territory",
    "load_territory",
    "vietnam_territory",
]
