"""The packaged working-day table, the overrides on top of it, and the calendar's one cache.

The table (``papi/data/calendar_vn.json``, written by ``tools/build_calendar.py``) is read once,
on the first query; calendars with local overrides derive their tables from it, kept in a
bounded LRU (:class:`_Store`). Everything handed out is immutable.
"""

from __future__ import annotations

import enum
import json
import threading
from collections import OrderedDict
from datetime import date, datetime
from importlib import resources
from itertools import accumulate, compress
from typing import Final, TypedDict

import attrs

from papi.errors import InvalidData

MIN_YEAR: Final = 1901
"""The first year of the packaged table (the first year ``holidays.VN`` can compute; before it:
:class:`~papi.errors.CoverageError`, always)."""
MAX_YEAR: Final = 2100
"""The last year of the packaged table (the last year ``holidays.VN`` can compute; after it:
:class:`~papi.errors.CoverageError`, always)."""

FIRST_TRUSTED_YEAR: Final = 2024
"""The first year whose schedule is vouched for as official.

The ``holidays`` package cites government sources for its 2024, 2025 and 2026 swaps, but its
release 0.109 lacks the 2026 New Year swap (Công văn 12729/VPCP-KGVX, 25/12/2025: Fri
2026-01-02 off, Sat 2026-01-10 worked); papi adds that swap as a sourced override
(:func:`sourced_overrides`). With it, every day of 2024-2026 matches the official schedules
checked in the legal audit (December 2026); without it, 2026 did not. For 2020-2023 the package
records no swap and cites no source, so earlier years are rule-based estimates that may miss a
swap (see "Coverage" in the deadlines guide); days after the last recorded swap year are
estimates too."""

_EPOCH: Final = date(1970, 1, 1).toordinal()  # numpy's datetime64[D] zero
_DATA: Final = ("data", "calendar_vn.json")


class DayKind(enum.Enum):
    """What an :class:`Override` makes of a day."""

    DAY_OFF = "day_off"
    WORKING_DAY = "working_day"


DAY_OFF: Final = DayKind.DAY_OFF
"""Shorthand for :attr:`DayKind.DAY_OFF`: an :class:`Override` that makes a day a day off."""
WORKING_DAY: Final = DayKind.WORKING_DAY
"""Shorthand for :attr:`DayKind.WORKING_DAY`: an :class:`Override` that makes a day (e.g. a
Saturday worked in exchange for a bridge day) a working day."""


def _nonempty(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise InvalidData("must not be empty", path=f"override.{attribute.name}", value=value)


def _is_plain_date(instance: object, attribute: attrs.Attribute[date], value: date) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidData("must be a datetime.date", path="override.day", value=value)


@attrs.frozen
class Override:
    """A local change to the calendar, from a government notice newer than the package data.

    ``kind`` is :data:`DAY_OFF` (an extra day off) or :data:`WORKING_DAY` (e.g. a make-up
    Saturday); ``notice`` is the number of the notice that decided it. Overrides take
    precedence over everything the packaged table says.

    >>> from papi.calendar import VietnamCalendar
    >>> o = Override(date(2026, 11, 23), kind=DAY_OFF, notice="(hypothetical)", note="bridge")
    >>> VietnamCalendar([o]).is_working_day(date(2026, 11, 23))
    False
    """

    day: date = attrs.field(validator=_is_plain_date)
    kind: DayKind = attrs.field(kw_only=True, validator=attrs.validators.instance_of(DayKind))
    notice: str = attrs.field(
        kw_only=True, validator=[attrs.validators.instance_of(str), _nonempty]
    )
    note: str | None = attrs.field(
        kw_only=True,
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
    )


# ----------------------------------------------------------------------------- the tables
class _Table:
    """Immutable working-day data over the whole packaged range (one calendar's view).

    ``flags[i]`` is 1 when day ``base + i`` (an ordinal) is a working day; ``cum[i]`` is the
    number of working days strictly before it (``len(cum) == size + 1``); ``works`` lists the
    working days in order, so the k-th working day is ``works[k]``. ``arrays`` holds the same
    data as numpy arrays once :meth:`_Store.arrays` made them.
    """

    __slots__ = ("arrays", "base", "cum", "flags", "nworks", "size", "works")

    def __init__(self, base: int, flags: bytes) -> None:
        self.base = base
        self.size = len(flags)
        self.flags = flags
        self.cum: list[int] = list(accumulate(flags, initial=0))
        self.works: tuple[date, ...] = tuple(
            map(date.fromordinal, compress(range(base, base + len(flags)), flags))
        )
        self.nworks = len(self.works)
        self.arrays: _Arrays | None = None


class _Arrays:
    """numpy copies of a :class:`_Table` for the ``*_many`` methods (built on first use)."""

    __slots__ = ("cum", "flags", "works")

    def __init__(self, t: _Table) -> None:
        import numpy as np

        self.flags = np.frombuffer(t.flags, dtype=np.uint8).astype(bool)
        self.cum = np.asarray(t.cum, dtype=np.int64)
        self.works = (np.flatnonzero(self.flags) + (t.base - _EPOCH)).astype("datetime64[D]")


class _RawYear(TypedDict):
    off: dict[str, int]
    work: list[str]


class _Raw(TypedDict):
    """The shape of ``calendar_vn.json`` (written by ``tools/build_calendar.py``)."""

    first_year: int
    last_year: int
    holidays_version: str
    covered: list[str]
    names: list[list[str]]
    overrides: list[dict[str, str]]
    years: dict[str, _RawYear]


class _Packaged:
    """The packaged table as loaded: flags, names of days off, sourced overrides, coverage."""

    __slots__ = ("covered", "first", "flags", "holidays_version", "names", "overrides", "table")

    def __init__(self, raw: _Raw) -> None:
        first, last = raw["first_year"], raw["last_year"]
        assert (first, last) == (MIN_YEAR, MAX_YEAR), "calendar_vn.json: unexpected years"
        base = date(first, 1, 1).toordinal()
        size = date(last + 1, 1, 1).toordinal() - base
        weekday = date(first, 1, 1).weekday()
        week = bytes(1 if (weekday + i) % 7 < 5 else 0 for i in range(7))
        flags = bytearray((week * (size // 7 + 1))[:size])
        pairs = raw["names"]
        names: dict[date, tuple[str, str]] = {}
        for year, entry in raw["years"].items():
            for md, k in entry["off"].items():
                d = date.fromisoformat(f"{year}-{md}")
                flags[d.toordinal() - base] = 0
                names[d] = (pairs[k][0], pairs[k][1])
            for md in entry["work"]:
                flags[date.fromisoformat(f"{year}-{md}").toordinal() - base] = 1
        lo, hi = raw["covered"]
        self.first = first
        self.flags = bytes(flags)
        self.names = names
        self.covered = (date.fromisoformat(lo), date.fromisoformat(hi))
        self.holidays_version = raw["holidays_version"]
        self.overrides = tuple(
            Override(
                date.fromisoformat(o["day"]),
                kind=DayKind(o["kind"]),
                notice=o["notice"],
                note=o.get("note") or None,
            )
            for o in raw["overrides"]
        )
        self.table = _Table(base, self.flags)


class _Store:
    """The calendar's only cache, shared by every :class:`VietnamCalendar` (thread-safe).

    It holds the packaged table (loaded once) and the tables of calendars with overrides,
    derived from it and kept per set of overrides in a bounded LRU. Everything it hands out is
    immutable, so readers need no lock; one lock serialises the builds, so each table is built
    once however many threads ask for it first.
    """

    def __init__(self, maxsize: int) -> None:
        self._lock = threading.Lock()
        self._maxsize = maxsize
        self._packaged: _Packaged | None = None
        self._derived: OrderedDict[tuple[Override, ...], _Table] = OrderedDict()

    def packaged(self) -> _Packaged:
        p = self._packaged
        if p is None:
            with self._lock:
                p = self._packaged
                if p is None:
                    text = resources.files("papi").joinpath(*_DATA).read_text("utf-8")
                    p = self._packaged = _Packaged(json.loads(text))
        return p

    def table(self, overrides: tuple[Override, ...]) -> _Table:
        """The table of a calendar with these (date-ordered) overrides."""
        p = self.packaged()
        if not overrides:
            return p.table
        with self._lock:
            t = self._derived.get(overrides)
            if t is None:
                flags = bytearray(p.flags)
                for o in overrides:
                    flags[o.day.toordinal() - p.table.base] = o.kind is DayKind.WORKING_DAY
                t = _Table(p.table.base, bytes(flags))
                self._derived[overrides] = t
                while len(self._derived) > self._maxsize:
                    self._derived.popitem(last=False)
            else:
                self._derived.move_to_end(overrides)
            return t

    def arrays(self, t: _Table) -> _Arrays:
        """The numpy copies of ``t`` (imports numpy: only called with numpy input)."""
        a = t.arrays
        if a is None:
            with self._lock:
                a = t.arrays
                if a is None:
                    a = t.arrays = _Arrays(t)
        return a


_STORE: Final = _Store(maxsize=32)


def sourced_overrides() -> tuple[Override, ...]:
    """papi's own sourced corrections to the ``holidays`` data, already in every calendar.

    Each names the notice that decided it; the packaged table (``papi/data/calendar_vn.json``)
    also lists the sources a reader can open.

    >>> [(o.day.isoformat(), o.kind.value, o.notice) for o in sourced_overrides()]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('2026-01-02', 'day_off', 'Công văn 12729/VPCP-KGVX (25/12/2025)'),
     ('2026-01-10', 'working_day', 'Công văn 12729/VPCP-KGVX (25/12/2025)')]
    """
    return _STORE.packaged().overrides
