"""The calendar: :class:`VietnamCalendar`'s working-day arithmetic over the packaged table.

Each query reads the table of its calendar (:mod:`papi.calendar._table`) with two list lookups;
the array forms (``*_many``) are answered by :mod:`papi.calendar._many`. The public names and
their guide are in :mod:`papi.calendar`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Final, overload

from papi.calendar import _many
from papi.calendar._table import (
    _STORE,
    MAX_YEAR,
    MIN_YEAR,
    DayKind,
    Override,
    _Table,
)
from papi.dates import VN_TZ, parse_date
from papi.errors import CoverageError, InvalidData

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["VietnamCalendar", "default_calendar", "received_on"]


# ----------------------------------------------------------------------------- the calendar
class VietnamCalendar:
    """Working days of the Vietnamese public service (immutable, thread-safe).

    Args:
        overrides: local :class:`Override` records (at most one per day); they win over the
            packaged table.
        strict: when true, any query whose input or answer lies outside the covered range
            (:meth:`is_estimated`) raises :class:`~papi.errors.CoverageError`.

    All counts use the half-open interval ``(a, b]``: the start day is not counted.
    Dates may be given as :class:`~datetime.date`, aware datetimes (converted to Vietnamese
    local time) or ISO strings; anything else raises :class:`~papi.errors.InvalidData`
    naming the argument. Years outside 1901-2100 raise :class:`~papi.errors.CoverageError`.

    Answers come from one table of cumulative working-day counts over 1901-2100, loaded from
    the package on the first query (a few milliseconds) and shared by every calendar without
    overrides; :meth:`add_working_days` and :meth:`working_days_between` are two list lookups.
    """

    __slots__ = ("_overrides", "_strict", "_table")

    _overrides: dict[date, Override]
    _strict: bool
    _table: _Table | None

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
        object.__setattr__(self, "_overrides", dict(sorted(seen.items())))
        object.__setattr__(self, "_strict", bool(strict))
        object.__setattr__(self, "_table", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"VietnamCalendar is immutable (cannot set {name!r})")

    def __repr__(self) -> str:
        return f"VietnamCalendar(overrides={len(self._overrides)}, strict={self._strict})"

    def __eq__(self, other: object) -> bool:
        """Calendars with the same overrides and strictness give the same answers."""
        if not isinstance(other, VietnamCalendar):
            return NotImplemented
        return self._strict == other._strict and self._overrides == other._overrides

    def __hash__(self) -> int:
        return hash((self._strict, tuple(self._overrides.values())))

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle as the constructor call (the table is shared again on the other side)."""
        return (_rebuild_calendar, (tuple(self._overrides.values()), self._strict))

    # -- public properties -------------------------------------------------------------
    @property
    def overrides(self) -> tuple[Override, ...]:
        """Your overrides, in date order (papi's own are :func:`sourced_overrides`)."""
        return tuple(self._overrides.values())

    @property
    def strict(self) -> bool:
        """Whether queries outside :attr:`covered` raise :class:`~papi.errors.CoverageError`."""
        return self._strict

    @property
    def covered(self) -> tuple[date, date]:
        """The inclusive range ``(first, last)`` of days the data vouches for.

        It runs from 1 January of :data:`FIRST_TRUSTED_YEAR` to 31 December of the last year
        for which the packaged table records a government swap (from the ``holidays`` package
        or :func:`sourced_overrides`).

        >>> default_calendar().covered
        (datetime.date(2024, 1, 1), datetime.date(2026, 12, 31))
        """
        return _STORE.packaged().covered

    def is_estimated(self, d: date | str) -> bool:
        """Whether the answer for day ``d`` is an estimate (outside :attr:`covered`).

        Overridden days are never estimated: a notice decided them.

        >>> cal = default_calendar()
        >>> cal.is_estimated(date(2026, 11, 24)), cal.is_estimated(date(2027, 2, 9))
        (False, True)
        """
        return self._estimated(self._date(d, "d"))

    # -- queries -----------------------------------------------------------------------
    def is_working_day(self, d: date | str) -> bool:
        """Whether ``d`` is a working day (a single day: no interval involved).

        >>> cal = default_calendar()
        >>> cal.is_working_day(date(2026, 8, 22)), cal.is_working_day(date(2026, 8, 31))
        (True, False)
        """
        day = self._date(d, "d")
        self._check(day, "d")
        t = self._table or self._load()
        return t.flags[day.toordinal() - t.base] == 1

    def holiday_name(self, d: date | str, lang: str = "vi") -> str | None:
        """The name of the public holiday or day off on ``d``, or ``None``.

        Ordinary weekends and working days give ``None``; so does a holiday that an
        override turned into a working day. ``lang`` is ``"vi"`` or ``"en"``.

        >>> default_calendar().holiday_name(date(2026, 11, 24), lang="en")
        'Vietnam Cultural Day'
        >>> default_calendar().holiday_name(date(2026, 11, 24))
        'Ngày Văn hóa Việt Nam'
        >>> default_calendar().holiday_name(date(2026, 1, 2), lang="en")
        'Day off (substituted from 01/10/2026; Official Dispatch 12729/VPCP-KGVX)'
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
        pair = _STORE.packaged().names.get(day)
        return None if pair is None else pair[0 if lang == "vi" else 1]

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
            t = self._table or self._load()
            i = d.toordinal() - t.base
            if 0 <= i < t.size:
                k = t.cum[i + 1] + n - 1
                if k < t.nworks:
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
        t = self._table or self._load()
        i = day.toordinal() - t.base
        if n == 0 and t.flags[i]:
            return day
        k = t.cum[i] - max(n, 1)
        if k < 0:
            raise CoverageError(
                f"the answer lies before the first year the calendar can compute ({MIN_YEAR})"
            )
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
        if type(a) is date and type(b) is date and not self._strict:
            t = self._table or self._load()
            i = a.toordinal() - t.base
            j = b.toordinal() - t.base
            if 0 <= i < t.size and 0 <= j < t.size:
                return t.cum[j + 1] - t.cum[i + 1]
        x = self._date(a, "a")
        y = self._date(b, "b")
        self._check(x, "a")
        self._check(y, "b")
        t = self._table or self._load()
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
        t = self._table or self._load()
        return t.works[t.cum[x.toordinal() - t.base + 1] : t.cum[y.toordinal() - t.base + 1]]

    # -- arrays of days ----------------------------------------------------------------
    @overload
    def is_working_day_many(self, days: NDArray[np.datetime64]) -> NDArray[np.bool_]: ...
    @overload
    def is_working_day_many(self, days: Iterable[date | str]) -> tuple[bool, ...]: ...
    def is_working_day_many(
        self, days: NDArray[np.datetime64] | Iterable[date | str]
    ) -> NDArray[np.bool_] | tuple[bool, ...]:
        """:meth:`is_working_day` for many days at once.

        A numpy ``datetime64`` array gives a numpy ``bool`` array; any other iterable of days
        gives a tuple.

        >>> cal = default_calendar()
        >>> cal.is_working_day_many([date(2026, 1, 2), date(2026, 1, 10), "2026-01-12"])
        (False, True, True)
        """
        return _many.is_working_day_many(self, days)

    @overload
    def add_working_days_many(
        self, days: NDArray[np.datetime64], n: int | NDArray[np.integer]
    ) -> NDArray[np.datetime64]: ...
    @overload
    def add_working_days_many(
        self, days: Iterable[date | str], n: int | Iterable[int]
    ) -> tuple[date, ...]: ...
    def add_working_days_many(
        self,
        days: NDArray[np.datetime64] | Iterable[date | str],
        n: int | NDArray[np.integer] | Iterable[int],
    ) -> NDArray[np.datetime64] | tuple[date, ...]:
        """:meth:`add_working_days` for many days at once (``n``: one count or one per day).

        A numpy ``datetime64`` array (with ``n`` an int or an integer array that broadcasts
        with it) gives a ``datetime64[D]`` array; any other iterable gives a tuple of dates.
        The answers are exactly those of :meth:`add_working_days`, make-up Saturdays
        included.

        >>> cal = default_calendar()
        >>> cal.add_working_days_many([date(2025, 12, 31), date(2026, 4, 24)], 5)
        (datetime.date(2026, 1, 9), datetime.date(2026, 5, 6))
        >>> cal.add_working_days_many([date(2026, 8, 21)] * 3, [0, 1, 2])   # Sat 22/8 worked
        (datetime.date(2026, 8, 21), datetime.date(2026, 8, 22), datetime.date(2026, 8, 24))
        >>> import numpy as np   # optional: arrays in, arrays out
        >>> days = np.array(["2026-02-12", "2026-08-21"], dtype="datetime64[D]")
        >>> cal.add_working_days_many(days, np.array([10, 1]))
        array(['2026-03-05', '2026-08-22'], dtype='datetime64[D]')
        """
        return _many.add_working_days_many(self, days, n)

    @overload
    def working_days_between_many(
        self, a: NDArray[np.datetime64], b: NDArray[np.datetime64]
    ) -> NDArray[np.int64]: ...
    @overload
    def working_days_between_many(
        self, a: Iterable[date | str], b: Iterable[date | str]
    ) -> tuple[int, ...]: ...
    def working_days_between_many(
        self,
        a: NDArray[np.datetime64] | Iterable[date | str],
        b: NDArray[np.datetime64] | Iterable[date | str],
    ) -> NDArray[np.int64] | tuple[int, ...]:
        """:meth:`working_days_between` pairwise: the working days in each ``(a[i], b[i]]``.

        Two numpy ``datetime64`` arrays (broadcast together) give an ``int64`` array; other
        iterables, of the same length, give a tuple.

        >>> cal = default_calendar()
        >>> cal.working_days_between_many([date(2025, 12, 31)] * 2, [date(2026, 1, 9), "2026-01-12"])
        (5, 7)
        """
        return _many.working_days_between_many(self, a, b)

    # -- internals ---------------------------------------------------------------------
    def _load(self) -> _Table:
        t = _STORE.table(tuple(self._overrides.values()))
        object.__setattr__(self, "_table", t)
        return t

    def _add(self, d: date | str, n: int) -> date:
        day = self._date(d, "d")
        n = _count(n, "n")
        self._check(day, "d")
        t = self._table or self._load()
        i = day.toordinal() - t.base
        k = t.cum[i + 1] + n - 1 if n > 0 else t.cum[i]
        if k >= t.nworks:
            raise CoverageError(
                f"the answer lies after the last year the calendar can compute ({MAX_YEAR})"
            )
        result = t.works[k]
        self._check(result, "result")
        return result

    def _estimated(self, day: date) -> bool:
        if day in self._overrides:
            return False
        p = _STORE.packaged()
        lo, hi = p.covered
        return not lo <= day <= hi and all(o.day != day for o in p.overrides)

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
        if self._strict and self._estimated(day):
            lo, hi = self.covered
            raise CoverageError(
                f"{name}={day.isoformat()} is outside the covered range "
                f"{lo.isoformat()}..{hi.isoformat()} (strict calendar)"
            )


def _rebuild_calendar(overrides: tuple[Override, ...], strict: bool) -> VietnamCalendar:
    return VietnamCalendar(overrides, strict=strict)


def _count(n: object, name: str) -> int:
    if type(n) is not int:
        raise InvalidData("must be an int", path=name, value=n)
    if n < 0:
        raise InvalidData("must be >= 0", path=name, value=n)
    return n


_DEFAULT: Final = VietnamCalendar()


def default_calendar() -> VietnamCalendar:
    """The shared calendar with no overrides and ``strict=False`` (cached).

    >>> default_calendar() is default_calendar()
    True
    """
    return _DEFAULT


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
    try:
        local = moment.astimezone(VN_TZ)
    except (OverflowError, ValueError):  # near year 1 or 9999: no Vietnamese day exists
        raise InvalidData(
            "has no day in Vietnamese time (out of range)", path="moment", value=moment
        ) from None
    day = local.date()
    if not cal.is_working_day(day):
        return cal.roll_forward(day)
    if local.time().replace(tzinfo=None) >= office_close:
        return cal.next_working_day(day)
    return day
