"""Periods of the Civil Code 91/2015/QH13 (arts. 144-148): :class:`PeriodUnit` and
:func:`period_end`, on the Vietnamese working-day calendar."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from papi.calendar import VietnamCalendar, default_calendar
from papi.dates import parse_day
from papi.errors import CoverageError, InvalidData

__all__ = ["PeriodUnit", "period_end"]


class PeriodUnit(enum.Enum):
    """The unit of a period. Values are the strings used in the dict form.

    Calendar units follow Civil Code arts. 147-148; ``WORKING_DAYS`` counts only working days
    (statutes that say "ngày làm việc"). New units (e.g. hours) may be added later: code
    should not assume this list is closed.
    """

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


def _cal(calendar: VietnamCalendar | None) -> VietnamCalendar:
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, VietnamCalendar):
        raise InvalidData("must be a VietnamCalendar", path="calendar", value=calendar)
    return calendar


def period_end(
    event: date | str,
    n: int,
    unit: PeriodUnit,
    calendar: VietnamCalendar | None = None,
    *,
    roll: bool = True,
) -> date:
    """The last day of a period of ``n`` ``unit`` s that starts with ``event``.

    Civil Code 91/2015/QH13: the event day is not counted (art. 147), so the period covers
    ``(event, end]``; weeks end on the corresponding weekday, months on the same day of the
    month or the last day of a shorter month, years on the same day and month (art. 148); if
    the last day is not a working day and ``roll`` is true, the period ends on the next working
    day (art. 148). Working days count only working days of ``calendar`` (``n = 0``: the event
    day if it is a working day, else the next one).

    >>> from datetime import date
    >>> period_end(date(2026, 1, 20), 30, PeriodUnit.CALENDAR_DAYS)   # 19/2 is Tết
    datetime.date(2026, 2, 23)
    >>> period_end(date(2026, 1, 31), 1, PeriodUnit.MONTHS)           # no 31/2 -> 28/2 (Sat) -> 2/3
    datetime.date(2026, 3, 2)
    >>> period_end(date(2026, 1, 31), 1, PeriodUnit.MONTHS, roll=False)
    datetime.date(2026, 2, 28)
    """
    day = parse_day(event, arg="event")
    if type(n) is not int or n < 0:
        raise InvalidData("must be an int >= 0", path="n", value=n)
    if not isinstance(unit, PeriodUnit):
        raise InvalidData("must be a PeriodUnit", path="unit", value=unit)
    cal = _cal(calendar)
    if unit is PeriodUnit.WORKING_DAYS:
        return cal.add_working_days(day, n)
    end = _shift(day, n, unit)
    return cal.roll_forward(end) if roll else end


def _shift(day: date, n: int, unit: PeriodUnit, *, back: bool = False) -> date:
    """``day`` moved ``n`` calendar ``unit`` s forward (or ``back``); a result beyond the
    years :class:`datetime.date` can hold raises :class:`~papi.errors.CoverageError`."""
    sign = -1 if back else 1
    try:
        if unit is PeriodUnit.CALENDAR_DAYS:
            return day + sign * timedelta(days=n)
        if unit is PeriodUnit.WEEKS:
            return day + sign * timedelta(weeks=n)
        if unit is PeriodUnit.MONTHS:
            return day + relativedelta(months=sign * n)
        return day + relativedelta(years=sign * n)
    except (OverflowError, ValueError):
        raise CoverageError(
            f"{n} {unit.value} {'before' if back else 'after'} {day.isoformat()} lies beyond "
            "the years a date can hold (1-9999)"
        ) from None
