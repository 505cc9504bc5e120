"""Civil Code 91/2015/QH13 arts. 147-148 periods, end by end (papi.rules.period_end).

Art. 147: the day of the event is not counted. Art. 148: weeks end on the corresponding
weekday; months on the corresponding day of the last month, or that month's last day when it
has no such day; years on the same day and month; a last day that is a weekly day off or a
public holiday moves to the next working day.
"""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.calendar import default_calendar
from papi.errors import InvalidData
from papi.rules import After, PeriodUnit, period_end

CAL = default_calendar()
D = date.fromisoformat
M, Y, W = PeriodUnit.MONTHS, PeriodUnit.YEARS, PeriodUnit.WEEKS


@pytest.mark.parametrize(
    ("event", "n", "unit", "last_day", "due"),
    [
        # months: the last day of a shorter month (art. 148), leap and common years
        ("2025-01-31", 1, M, "2025-02-28", "2025-02-28"),  # Friday: no roll
        ("2026-01-31", 1, M, "2026-02-28", "2026-03-02"),  # Saturday -> Monday
        ("2024-01-31", 1, M, "2024-02-29", "2024-02-29"),  # leap year: 29/2 (Thursday)
        ("2023-12-31", 2, M, "2024-02-29", "2024-02-29"),
        ("2025-10-31", 1, M, "2025-11-30", "2025-12-01"),  # 30/11 Sunday
        # months: the last day falls in a holiday run, then rolls (art. 148)
        ("2025-03-31", 1, M, "2025-04-30", "2025-05-05"),  # 30/4, 1/5, swap 2/5, weekend
        ("2024-03-31", 1, M, "2024-04-30", "2024-05-02"),  # 30/4, 1/5 off; 2/5 works
        ("2026-01-16", 1, M, "2026-02-16", "2026-02-23"),  # Tết 2026
        ("2026-07-31", 1, M, "2026-08-31", "2026-09-03"),  # swap 31/8, National Day 1-2/9
        # years: same day and month; from 29 February to 28 February of a common year
        ("2024-02-29", 1, Y, "2025-02-28", "2025-02-28"),
        ("2024-02-29", 4, Y, "2028-02-29", "2028-02-29"),
        ("2028-02-29", 1, Y, "2029-02-28", "2029-02-28"),
        ("2025-11-24", 1, Y, "2026-11-24", "2026-11-25"),  # Vietnam Cultural Day
        # weeks: the corresponding weekday of the last week
        ("2026-03-04", 2, W, "2026-03-18", "2026-03-18"),  # Wednesday
        ("2026-02-11", 1, W, "2026-02-18", "2026-02-23"),  # Wednesday in Tết
        ("2026-08-24", 1, W, "2026-08-31", "2026-09-03"),  # Monday swapped off
    ],
)
def test_period_ends(event: str, n: int, unit: PeriodUnit, last_day: str, due: str) -> None:
    assert period_end(D(event), n, unit, roll=False) == D(last_day)
    assert period_end(D(event), n, unit) == D(due)
    assert After(n, unit, of="event").due(D(event)) == D(due)
    assert CAL.roll_forward(D(last_day)) == D(due)


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


@given(days, st.integers(min_value=0, max_value=520))
def test_weeks_end_on_the_corresponding_weekday(d: date, n: int) -> None:
    end = period_end(d, n, W, roll=False)
    assert end.weekday() == d.weekday()
    assert end - d == timedelta(weeks=n)
    assert period_end(d, n, W) == CAL.roll_forward(end)


@given(days, st.integers(min_value=0, max_value=30))
def test_years_end_on_the_same_day_and_month_or_28_february(d: date, n: int) -> None:
    end = period_end(d, n, Y, roll=False)
    assert end.year == d.year + n
    if (d.month, d.day) == (2, 29) and not pycal.isleap(end.year):
        assert (end.month, end.day) == (2, 28)
    else:
        assert (end.month, end.day) == (d.month, d.day)


@given(days, st.integers(min_value=0, max_value=400))
def test_calendar_days_do_not_count_the_event_day(d: date, n: int) -> None:
    end = period_end(d, n, PeriodUnit.CALENDAR_DAYS, roll=False)
    assert (end - d).days == n  # (event, end] holds exactly n days
    rolled = period_end(d, n, PeriodUnit.CALENDAR_DAYS)
    assert rolled >= end
    assert CAL.working_days_between(end, rolled) == (0 if rolled == end else 1)


def test_bad_arguments_name_the_argument() -> None:
    with pytest.raises(InvalidData, match="n"):
        period_end(D("2026-01-01"), -1, M)
    with pytest.raises(InvalidData, match="unit"):
        period_end(D("2026-01-01"), 1, "months")  # type: ignore[arg-type]
    with pytest.raises(InvalidData, match="event"):
        period_end("31/01/2026", 1, M)
