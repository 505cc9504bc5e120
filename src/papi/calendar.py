"""The Vietnamese working-day calendar of the public service.

A day is a **working day** when it is Monday to Friday and not a day off, or when it is a
Saturday or Sunday that the government turned into a working day to pay for a bridging day off
(a *make-up Saturday*). Days off are the public holidays of Labour Code 45/2019/QH14 art. 112
(including Tết on the Vietnamese, UTC+7, lunar calendar and, from 2026, 24 November), the
compensatory days of art. 111(3), and the yearly swaps fixed by government notices.

The data comes from the `holidays` package (``holidays.VN``). On top of it you can pass local
:class:`Override` records, e.g. a swap published in a notice newer than the installed package.

**Precedence** (first match wins): overrides > the package's make-up working days
(``weekend_workdays``) > the package's days off (rule-based holidays, compensatory days and the
days off of government swaps) > the weekly days off (Saturday, Sunday). Without overrides the
answer is exactly ``holidays.VN.is_working_day``.

**Interval convention.** Every count is over the half-open interval ``(a, b]``: the start day is
never counted, the end day is. This is the Civil Code 91/2015/QH13 art. 147 rule ("the first day
is not counted").

>>> cal = default_calendar()
>>> cal.is_working_day(date(2025, 4, 26))   # Saturday, worked to pay for Fri 2025-05-02
True
>>> cal.is_working_day(date(2025, 5, 2))
False
>>> cal.add_working_days(date(2026, 2, 12), 10)   # across Tết 2026
datetime.date(2026, 3, 5)
>>> cal.working_days_between(date(2026, 2, 12), date(2026, 3, 5))
10
"""

from __future__ import annotations

import enum
import functools
import threading
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Final

import attrs
import holidays

from papi.dates import VN_TZ, parse_date
from papi.errors import CoverageError, InvalidData

__all__ = [
    "DAY_OFF",
    "FIRST_TRUSTED_YEAR",
    "MAX_YEAR",
    "MIN_YEAR",
    "WORKING_DAY",
    "DayKind",
    "Override",
    "VietnamCalendar",
    "default_calendar",
    "received_on",
]

MIN_YEAR: Final = 1901
"""The first year the underlying ``holidays.VN`` data can compute at all (before it:
:class:`~papi.errors.CoverageError`, always)."""
MAX_YEAR: Final = 2100
"""The last year the underlying ``holidays.VN`` data can compute at all (after it:
:class:`~papi.errors.CoverageError`, always)."""

FIRST_TRUSTED_YEAR: Final = 2024
"""The first year whose schedule is trusted as official: the ``holidays`` package cites
government sources for its 2024, 2025 and 2026 swaps, and the reference checks
(deadline-rules.md §A2, §A4) confirm those schedules. For 2020-2023 the package records no swap
and cites no source, so earlier years are rule-based estimates that may miss a swap (see
"Coverage" in the deadlines guide); days after the last recorded swap year are estimates too."""


def _last_swap_year() -> int:
    """The last year for which the package records a government swap (2026 in holidays 0.109)."""
    from holidays.countries.vietnam import VietnamStaticHolidays

    return max(VietnamStaticHolidays.special_public_holidays)


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
    precedence over everything the package says.

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


@attrs.frozen
class _Table:
    """An immutable snapshot of working-day data over whole years ``[first_year, last_year]``.

    ``cum[i]`` is the number of working days strictly before day ``base + i``; ``works`` lists
    the working days in order (as dates), so the k-th working day is ``works[k]``.
    """

    first_year: int
    last_year: int
    base: int
    size: int
    flags: bytes
    cum: tuple[int, ...]
    works: tuple[date, ...]


@attrs.frozen
class _Year:
    flags: bytes
    names: MappingProxyType[date, str]


class VietnamCalendar:
    """Working days of the Vietnamese public service (immutable, thread-safe).

    Args:
        overrides: local :class:`Override` records (at most one per day); they win over the
            package data.
        strict: when true, any query whose input or answer lies outside the covered range
            (:meth:`is_estimated`) raises :class:`~papi.errors.CoverageError`.

    All counts use the half-open interval ``(a, b]``: the start day is not counted.
    Dates may be given as :class:`~datetime.date`, aware datetimes (converted to Vietnamese
    local time) or ISO strings; anything else raises :class:`~papi.errors.InvalidData`
    naming the argument. Years outside 1901-2100 raise :class:`~papi.errors.CoverageError`.

    Answers come from per-year tables of cumulative working-day counts built lazily (under a
    lock) and then shared: :meth:`add_working_days` is two list lookups.
    """

    __slots__ = ("_build_lock", "_covered", "_overrides", "_strict", "_table", "_years")

    _build_lock: threading.RLock
    _covered: tuple[date, date]
    _overrides: MappingProxyType[date, Override]
    _strict: bool
    _table: _Table | None
    _years: dict[int, _Year]

    def __init__(self, overrides: Sequence[Override] = (), *, strict: bool = False) -> None:
        seen: dict[date, Override] = {}
        for i, o in enumerate(overrides):
            if not isinstance(o, Override):
                raise InvalidData("must be an Override", path=f"overrides[{i}]", value=o)
            if o.day in seen:
                raise InvalidData(
                    "two overrides for the same day", path=f"overrides[{i}].day", value=o.day
                )
            if not MIN_YEAR <= o.day.year <= MAX_YEAR:
                raise InvalidData(
                    f"must lie in {MIN_YEAR}-{MAX_YEAR}", path=f"overrides[{i}].day", value=o.day
                )
            seen[o.day] = o
        object.__setattr__(self, "_overrides", MappingProxyType(dict(sorted(seen.items()))))
        object.__setattr__(self, "_strict", bool(strict))
        object.__setattr__(
            self, "_covered", (date(FIRST_TRUSTED_YEAR, 1, 1), date(_last_swap_year(), 12, 31))
        )
        object.__setattr__(self, "_years", {})
        object.__setattr__(self, "_table", None)
        object.__setattr__(self, "_build_lock", threading.RLock())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"VietnamCalendar is immutable (cannot set {name!r})")

    def __repr__(self) -> str:
        return f"VietnamCalendar(overrides={len(self._overrides)}, strict={self._strict})"

    def __eq__(self, other: object) -> bool:
        """Calendars with the same overrides and strictness give the same answers."""
        if not isinstance(other, VietnamCalendar):
            return NotImplemented
        return self._strict == other._strict and dict(self._overrides) == dict(other._overrides)

    def __hash__(self) -> int:
        return hash((self._strict, tuple(self._overrides.values())))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as the constructor call (caches are rebuilt lazily on the other side)."""
        return (_rebuild_calendar, (tuple(self._overrides.values()), self._strict))

    # -- public properties -------------------------------------------------------------
    @property
    def overrides(self) -> tuple[Override, ...]:
        """The overrides, in date order."""
        return tuple(self._overrides.values())

    @property
    def strict(self) -> bool:
        """Whether queries outside :attr:`covered` raise :class:`~papi.errors.CoverageError`."""
        return self._strict

    @property
    def covered(self) -> tuple[date, date]:
        """The inclusive range ``(first, last)`` of days the data vouches for.

        It runs from 1 January of :data:`FIRST_TRUSTED_YEAR` to 31 December of the last year
        for which the installed ``holidays`` package records a government swap.

        >>> default_calendar().covered
        (datetime.date(2024, 1, 1), datetime.date(2026, 12, 31))
        """
        lo, hi = self._covered
        return (lo, hi)

    def is_estimated(self, d: date | str) -> bool:
        """Whether the answer for day ``d`` is an estimate (outside :attr:`covered`).

        Overridden days are never estimated: a notice decided them.

        >>> cal = default_calendar()
        >>> cal.is_estimated(date(2026, 11, 24)), cal.is_estimated(date(2027, 2, 9))
        (False, True)
        """
        day = self._date(d, "d")
        if day in self._overrides:
            return False
        lo, hi = self._covered
        return not lo <= day <= hi

    # -- queries -----------------------------------------------------------------------
    def is_working_day(self, d: date | str) -> bool:
        """Whether ``d`` is a working day (a single day: no interval involved).

        >>> cal = default_calendar()
        >>> cal.is_working_day(date(2026, 8, 22)), cal.is_working_day(date(2026, 8, 31))
        (True, False)
        """
        day = self._date(d, "d")
        self._check(day, "d")
        t = self._table_for(day.year, day.year)
        return t.flags[day.toordinal() - t.base] == 1

    def holiday_name(self, d: date | str, lang: str = "vi") -> str | None:
        """The name of the public holiday or day off on ``d``, or ``None``.

        Ordinary weekends and working days give ``None``; so does a holiday that an
        override turned into a working day. ``lang`` is ``"vi"`` or ``"en"``.

        >>> default_calendar().holiday_name(date(2026, 11, 24), lang="en")
        'Vietnam Cultural Day'
        >>> default_calendar().holiday_name(date(2026, 11, 24))
        'Ngày Văn hóa Việt Nam'
        """
        day = self._date(d, "d")
        if lang not in ("vi", "en"):
            raise InvalidData("must be 'vi' or 'en'", path="lang", value=lang)
        self._check(day, "d")
        o = self._overrides.get(day)
        if o is not None:
            if o.kind is DayKind.WORKING_DAY:
                return None
            label = o.note or ("Ngày nghỉ" if lang == "vi" else "Day off")
            return f"{label} ({o.notice})"
        if self.is_working_day(day):  # e.g. a make-up Saturday
            return None
        if lang == "vi":
            return self._year(day.year).names.get(day)
        return _english_names(day.year).get(day)

    def add_working_days(self, d: date | str, n: int) -> date:
        """The ``n``-th working day after ``d`` (``d`` itself not counted: interval ``(d, ·]``).

        ``n = 0`` gives ``d`` if it is a working day, else the next working day
        (:meth:`roll_forward`). ``n`` must be a non-negative int; use
        :meth:`subtract_working_days` to go back. For ``n >= 1`` (or a working ``d``),
        ``working_days_between(d, add_working_days(d, n)) == n``.

        >>> cal = default_calendar()
        >>> cal.add_working_days(date(2025, 4, 25), 1)    # Friday -> make-up Saturday
        datetime.date(2025, 4, 26)
        >>> cal.add_working_days(date(2026, 2, 14), 0)    # Saturday in Tết -> Monday 23/2
        datetime.date(2026, 2, 23)
        """
        if type(d) is date and type(n) is int and n > 0 and not self._strict:
            t = self._table
            if t is not None:
                i = d.toordinal() - t.base
                if 0 <= i < t.size:
                    k = t.cum[i + 1] + n - 1
                    if k < len(t.works):
                        return t.works[k]
        return self._add(d, n)

    def subtract_working_days(self, d: date | str, n: int) -> date:
        """The ``n``-th working day before ``d`` (``d`` itself not counted).

        ``n = 0`` gives ``d`` if it is a working day, else the previous working day. For a
        working day ``w``: ``subtract_working_days(add_working_days(w, n), n) == w``.

        >>> default_calendar().subtract_working_days(date(2026, 3, 5), 10)
        datetime.date(2026, 2, 12)
        """
        day = self._date(d, "d")
        n = _count(n, "n")
        self._check(day, "d")
        t = self._table_for(day.year, day.year)
        while True:
            i = day.toordinal() - t.base
            if n == 0 and t.flags[i]:
                return day
            k = t.cum[i] - max(n, 1)
            if k >= 0:
                break
            t = self._table_for(t.first_year - 1 - (-k) // 240, t.last_year)
        result = t.works[k]
        self._check(result, "result")
        return result

    def working_days_between(self, a: date | str, b: date | str) -> int:
        """The number of working days in the half-open interval ``(a, b]``.

        ``a`` is not counted, ``b`` is. If ``b < a`` the answer is minus the count over
        ``(b, a]``, so ``working_days_between(a, b) == -working_days_between(b, a)`` and the
        counts add up: ``between(a, b) + between(b, c) == between(a, c)``.

        >>> cal = default_calendar()
        >>> cal.working_days_between(date(2026, 2, 13), date(2026, 2, 23))   # Fri -> Mon after Tết
        1
        >>> cal.working_days_between(date(2026, 2, 23), date(2026, 2, 13))
        -1
        """
        x = self._date(a, "a")
        y = self._date(b, "b")
        self._check(x, "a")
        self._check(y, "b")
        t = self._table_for(min(x.year, y.year), max(x.year, y.year))
        return t.cum[y.toordinal() - t.base + 1] - t.cum[x.toordinal() - t.base + 1]

    def next_working_day(self, d: date | str) -> date:
        """The first working day strictly after ``d`` (interval ``(d, ·]``): ``add_working_days(d, 1)``.

        >>> default_calendar().next_working_day(date(2026, 8, 28))   # Fri -> Thu 3/9
        datetime.date(2026, 9, 3)
        """
        return self._add(d, 1)

    def roll_forward(self, d: date | str) -> date:
        """``d`` if it is a working day, else the next working day (Civil Code art. 148).

        >>> default_calendar().roll_forward(date(2026, 4, 26))   # Sunday, Hùng Kings -> Tue
        datetime.date(2026, 4, 28)
        """
        return self._add(d, 0)

    def roll_backward(self, d: date | str) -> date:
        """``d`` if it is a working day, else the previous working day.

        >>> default_calendar().roll_backward(date(2026, 2, 22))
        datetime.date(2026, 2, 13)
        """
        return self.subtract_working_days(d, 0)

    def working_days(self, a: date | str, b: date | str) -> tuple[date, ...]:
        """The working days in the half-open interval ``(a, b]``, in order (empty if b <= a).

        >>> default_calendar().working_days(date(2025, 4, 24), date(2025, 4, 28))
        (datetime.date(2025, 4, 25), datetime.date(2025, 4, 26), datetime.date(2025, 4, 28))
        """
        x = self._date(a, "a")
        y = self._date(b, "b")
        if y <= x:
            return ()
        self._check(x, "a")
        self._check(y, "b")
        t = self._table_for(x.year, y.year)
        return t.works[t.cum[x.toordinal() - t.base + 1] : t.cum[y.toordinal() - t.base + 1]]

    # -- internals ---------------------------------------------------------------------
    def _add(self, d: date | str, n: int) -> date:
        day = self._date(d, "d")
        n = _count(n, "n")
        self._check(day, "d")
        t = self._table_for(day.year, day.year)
        i = day.toordinal() - t.base
        k = t.cum[i + 1] + n - 1 if n > 0 else t.cum[i]
        while k >= len(t.works):
            t = self._table_for(t.first_year, t.last_year + 1 + (k - len(t.works)) // 240)
            i = day.toordinal() - t.base
            k = t.cum[i + 1] + n - 1 if n > 0 else t.cum[i]
        result = t.works[k]
        self._check(result, "result")
        return result

    @staticmethod
    def _date(value: object, name: str) -> date:
        if type(value) is date:
            return value
        return parse_date(value, path=name)

    def _check(self, day: date, name: str) -> None:
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise CoverageError(
                f"{name}={day.isoformat()} is outside the years the calendar can compute "
                f"({MIN_YEAR}-{MAX_YEAR})"
            )
        if self._strict and day not in self._overrides:
            lo, hi = self._covered
            if not lo <= day <= hi:
                raise CoverageError(
                    f"{name}={day.isoformat()} is outside the covered range "
                    f"{lo.isoformat()}..{hi.isoformat()} (strict calendar)"
                )

    def _year(self, year: int) -> _Year:
        y = self._years.get(year)
        if y is None:
            with self._build_lock:
                y = self._years.get(year)
                if y is None:
                    y = _build_year(year, self._overrides)
                    self._years[year] = y
        return y

    def _table_for(self, first: int, last: int) -> _Table:
        t = self._table
        if t is not None and t.first_year <= first and last <= t.last_year:
            return t
        if first < MIN_YEAR or last > MAX_YEAR:
            raise CoverageError(
                f"the answer lies outside the years the calendar can compute ({MIN_YEAR}-{MAX_YEAR})"
            )
        with self._build_lock:
            t = self._table
            lo, hi = first, last
            if t is not None:
                if t.first_year <= first and last <= t.last_year:
                    return t
                lo, hi = min(lo, t.first_year), max(hi, t.last_year)
            else:  # start with a comfortable block around the first query
                lo, hi = max(MIN_YEAR, min(lo, 2000)), min(MAX_YEAR, max(hi, 2040))
            # always keep one spare year at each end so short hops never rebuild
            lo, hi = max(MIN_YEAR, lo - 1), min(MAX_YEAR, hi + 1)
            t = self._build_table(lo, hi)
            object.__setattr__(self, "_table", t)
            return t

    def _build_table(self, first: int, last: int) -> _Table:
        flags = b"".join(self._year(y).flags for y in range(first, last + 1))
        base = date(first, 1, 1).toordinal()
        cum = [0] * (len(flags) + 1)
        works: list[date] = []
        c = 0
        for i, f in enumerate(flags):
            cum[i] = c
            if f:
                c += 1
                works.append(date.fromordinal(base + i))
        cum[len(flags)] = c
        return _Table(
            first_year=first,
            last_year=last,
            base=base,
            size=len(flags),
            flags=flags,
            cum=tuple(cum),
            works=tuple(works),
        )


def _rebuild_calendar(overrides: tuple[Override, ...], strict: bool) -> VietnamCalendar:
    return VietnamCalendar(overrides, strict=strict)


def _count(n: object, name: str) -> int:
    if type(n) is not int:
        raise InvalidData("must be an int", path=name, value=n)
    if n < 0:
        raise InvalidData("must be >= 0", path=name, value=n)
    return n


def _build_year(year: int, overrides: MappingProxyType[date, Override]) -> _Year:
    """Working-day flags and Vietnamese names for one year, with the documented precedence."""
    h = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="vi")
    made_up = {d for d in h.weekend_workdays if d.year == year}
    start = date(year, 1, 1)
    ndays = (date(year + 1, 1, 1) - start).days
    flags = bytearray(ndays)
    names: dict[date, str] = {}
    for i in range(ndays):
        d = start + timedelta(days=i)
        o = overrides.get(d)
        if o is not None:
            flags[i] = 1 if o.kind is DayKind.WORKING_DAY else 0
            if o.kind is DayKind.DAY_OFF:
                names[d] = f"{o.note or 'Ngày nghỉ'} ({o.notice})"
            continue
        if d in made_up:  # a make-up working day beats any holiday rule (as holidays.VN does)
            flags[i] = 1
            continue
        name = h.get(d)
        if name is not None:
            names[d] = str(name)
            flags[i] = 0
        else:
            flags[i] = 1 if d.weekday() < 5 else 0
    return _Year(flags=bytes(flags), names=MappingProxyType(names))


@functools.lru_cache(maxsize=256)
def _english_names(year: int) -> MappingProxyType[date, str]:
    h = holidays.country_holidays("VN", years=(year - 1, year, year + 1), language="en_US")
    return MappingProxyType({d: str(n) for d, n in h.items() if d.year == year})


@functools.cache
def default_calendar() -> VietnamCalendar:
    """The shared calendar with no overrides and ``strict=False`` (cached).

    >>> default_calendar() is default_calendar()
    True
    """
    return VietnamCalendar()


def received_on(
    moment: datetime, calendar: VietnamCalendar | None = None, *, office_close: time = time(17, 0)
) -> date:
    """The day a document received at ``moment`` counts as received.

    ``moment`` must be an aware datetime; it is read in Vietnamese local time
    (:data:`papi.dates.VN_TZ`). Receipt at or after ``office_close`` on a working day, or at
    any time on a day off, counts as receipt on the next working day. Use it only where a rule
    says so (:attr:`papi.rules.After.receipt_cutoff`): no statute in the catalogue sets such a
    cut-off.

    >>> from papi.dates import VN_TZ
    >>> received_on(datetime(2026, 2, 13, 16, 59, tzinfo=VN_TZ))
    datetime.date(2026, 2, 13)
    >>> received_on(datetime(2026, 2, 13, 17, 0, tzinfo=VN_TZ))   # after hours, then Tết
    datetime.date(2026, 2, 23)
    """
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise InvalidData("must be an aware datetime", path="moment", value=moment)
    if not isinstance(office_close, time):
        raise InvalidData("must be a datetime.time", path="office_close", value=office_close)
    cal = calendar if calendar is not None else default_calendar()
    local = moment.astimezone(VN_TZ)
    day = local.date()
    if not cal.is_working_day(day):
        return cal.roll_forward(day)
    if local.time().replace(tzinfo=None) >= office_close:
        return cal.next_working_day(day)
    return day
