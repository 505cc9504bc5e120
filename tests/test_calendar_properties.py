"""papi.calendar invariants with local overrides, across year boundaries and outside coverage.

The basic properties in test_calendar.py run on the shared default calendar. Here the same
invariants must hold on a calendar carrying many overrides (days off on weekdays, extra
working Saturdays and Sundays, package holidays turned into working days), for start days
chosen next to 1 January, and on both sides of the covered range; and a strict calendar must
agree with the lenient one inside its range and raise CoverageError outside it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.calendar import (
    DAY_OFF,
    WORKING_DAY,
    Override,
    VietnamCalendar,
    default_calendar,
)
from papi.errors import CoverageError
from papi.rules import PeriodUnit, period_end

CAL = default_calendar()
D = date.fromisoformat


def _overrides() -> list[Override]:
    """About 600 overrides from 1990 to 2060 (seeded), of every kind, plus a few in 2027."""
    rng = random.Random(4)
    vn = holidays.country_holidays("VN", years=range(1990, 2061))
    days: dict[date, Override] = {}
    lo, hi = D("1990-01-01").toordinal(), D("2060-12-31").toordinal()
    while len(days) < 600:
        d = date.fromordinal(rng.randint(lo, hi))
        # flip the package's answer: extra working Saturdays and Sundays, package holidays
        # worked, extra days off on weekdays
        kind = DAY_OFF if vn.is_working_day(d) else WORKING_DAY
        days[d] = Override(d, kind=kind, notice=f"TEST-{len(days)}")
    # a run of days off across a new year, and a working New Year's Day
    for d in (D("2027-12-30"), D("2027-12-31"), D("2028-01-04")):  # 3/1/2028 is observed
        days[d] = Override(d, kind=DAY_OFF, notice="TEST-NY")
    days[D("2029-01-01")] = Override(D("2029-01-01"), kind=WORKING_DAY, notice="TEST-NY")
    return list(days.values())


OVERRIDES = _overrides()
LOCAL = VietnamCalendar(OVERRIDES)
CALENDARS = st.sampled_from([CAL, LOCAL])

# start days anywhere in 1990-2060, or within ten days of a 1 January (year boundaries)
near_new_year = st.builds(
    lambda y, k: date(y, 1, 1) + timedelta(days=k),
    st.integers(min_value=1991, max_value=2060),
    st.integers(min_value=-10, max_value=10),
)
days = st.one_of(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), near_new_year)
counts = st.integers(min_value=0, max_value=400)


def test_the_overrides_really_change_the_calendar() -> None:
    changed = [o for o in OVERRIDES if CAL.is_working_day(o.day) != LOCAL.is_working_day(o.day)]
    assert len(changed) == len(OVERRIDES)  # each override flips the package's answer
    for o in OVERRIDES:
        assert LOCAL.is_working_day(o.day) is (o.kind is WORKING_DAY)
    assert LOCAL.add_working_days(D("2027-12-29"), 1) == D("2028-01-05")
    assert LOCAL.is_working_day(D("2029-01-01"))
    assert LOCAL.working_days_between(D("2028-12-31"), D("2029-01-02")) == 2


@given(CALENDARS, days, counts)
def test_between_inverts_add(cal: VietnamCalendar, d: date, n: int) -> None:
    end = cal.add_working_days(d, n)
    if n >= 1 or cal.is_working_day(d):
        assert cal.working_days_between(d, end) == n
    else:  # n = 0 on a day off: the next working day, one working day later
        assert cal.working_days_between(d, end) == 1


@given(CALENDARS, days, counts)
def test_add_and_subtract_are_inverse_on_working_days(
    cal: VietnamCalendar, d: date, n: int
) -> None:
    w = cal.roll_forward(d)
    assert cal.is_working_day(w)
    assert cal.subtract_working_days(cal.add_working_days(w, n), n) == w
    assert cal.add_working_days(cal.subtract_working_days(w, n), n) == w


@given(CALENDARS, days, counts)
def test_results_are_always_working_days(cal: VietnamCalendar, d: date, n: int) -> None:
    results = [
        cal.add_working_days(d, n),
        cal.subtract_working_days(d, n),
        cal.next_working_day(d),
        cal.roll_forward(d),
        cal.roll_backward(d),
        period_end(d, n, PeriodUnit.CALENDAR_DAYS, cal),
        period_end(d, n % 60, PeriodUnit.MONTHS, cal),
    ]
    assert all(cal.is_working_day(r) for r in results), results


@given(CALENDARS, days, st.integers(min_value=0, max_value=40))
def test_add_matches_a_day_by_day_walk(cal: VietnamCalendar, d: date, n: int) -> None:
    day, left = d, n
    while left == 0 and not cal.is_working_day(day):
        day += timedelta(days=1)
    while left:
        day += timedelta(days=1)
        left -= cal.is_working_day(day)
    assert cal.add_working_days(d, n) == day
    # and the count over (d, day] is the number of working days seen one by one
    seen = sum(cal.is_working_day(d + timedelta(days=i)) for i in range(1, (day - d).days + 1))
    assert cal.working_days_between(d, day) == seen


@given(CALENDARS, days, st.integers(min_value=0, max_value=240))
def test_month_periods_never_overflow_a_month(cal: VietnamCalendar, d: date, n: int) -> None:
    end = period_end(d, n, PeriodUnit.MONTHS, cal, roll=False)
    assert (end.year * 12 + end.month) - (d.year * 12 + d.month) == n
    assert end.day <= d.day
    assert end.day == d.day or (end + timedelta(days=1)).day == 1  # else the month's last day
    rolled = period_end(d, n, PeriodUnit.MONTHS, cal)
    assert rolled == cal.roll_forward(end)


@given(days, counts)
def test_overrides_only_change_answers_through_the_days_they_touch(d: date, n: int) -> None:
    ours, theirs = LOCAL.add_working_days(d, n), CAL.add_working_days(d, n)
    lo, hi = min(d, ours, theirs), max(d, ours, theirs)
    touched = any(lo <= o.day <= hi for o in OVERRIDES)
    if not touched:
        assert ours == theirs


# --------------------------------------------------------------------------- coverage
STRICT = VietnamCalendar(strict=True)
LO, HI = CAL.covered
inside = st.dates(min_value=LO, max_value=HI)
outside = st.one_of(
    st.dates(min_value=date(1990, 1, 1), max_value=LO - timedelta(days=1)),
    st.dates(min_value=HI + timedelta(days=1), max_value=date(2060, 12, 31)),
)


@given(inside, st.integers(min_value=0, max_value=30))
def test_strict_agrees_with_lenient_inside_the_range(d: date, n: int) -> None:
    assert STRICT.is_working_day(d) == CAL.is_working_day(d)
    assert not CAL.is_estimated(d)
    expected = CAL.add_working_days(d, n)
    if expected > HI:  # the answer leaves the range
        with pytest.raises(CoverageError, match=f"result={expected.isoformat()}"):
            STRICT.add_working_days(d, n)
    else:
        assert STRICT.add_working_days(d, n) == expected
        assert STRICT.working_days_between(d, expected) == CAL.working_days_between(d, expected)


@given(outside, st.integers(min_value=0, max_value=30))
def test_strict_raises_outside_the_range_naming_day_and_range(d: date, n: int) -> None:
    assert CAL.is_estimated(d)
    for call in (
        lambda: STRICT.is_working_day(d),
        lambda: STRICT.add_working_days(d, n),
        lambda: STRICT.subtract_working_days(d, n),
        lambda: STRICT.working_days_between(d, LO),
    ):
        with pytest.raises(CoverageError) as info:
            call()
        message = str(info.value)
        assert d.isoformat() in message
        assert f"{LO.isoformat()}..{HI.isoformat()}" in message
    # the lenient calendar still answers, with the same invariants
    w = CAL.roll_forward(d)
    assert CAL.subtract_working_days(CAL.add_working_days(w, n), n) == w


def test_an_override_extends_a_strict_calendar_by_exactly_its_day() -> None:
    day = HI + timedelta(days=40)
    cal = VietnamCalendar([Override(day, kind=DAY_OFF, notice="TEST")], strict=True)
    assert not cal.is_estimated(day)
    assert not cal.is_working_day(day)
    assert cal.holiday_name(day) == "Ngày nghỉ (TEST)"
    with pytest.raises(CoverageError, match=(day + timedelta(days=1)).isoformat()):
        cal.is_working_day(day + timedelta(days=1))


# --------------------------------------------------------------------------- precedence
def test_precedence_overrides_then_sourced_then_make_up_days_then_holidays_then_weekends() -> None:
    """Documented order: your overrides > papi's sourced overrides > the package's make-up
    days > its days off > weekends (tools/build_calendar.py checks the package part day by day
    when it generates the table)."""
    assert CAL.is_working_day(D("2025-04-26"))  # make-up Saturday beats the weekend
    assert not CAL.is_working_day(D("2025-05-02"))  # the swapped day off beats the weekday
    assert not CAL.is_working_day(D("2026-01-02"))  # sourced day off beats the package
    assert CAL.is_working_day(D("2026-01-10"))  # sourced working Saturday beats the weekend
    yours = VietnamCalendar(
        [
            Override(D("2025-04-26"), kind=DAY_OFF, notice="TEST"),
            Override(D("2026-01-02"), kind=WORKING_DAY, notice="TEST"),
            Override(D("2026-01-10"), kind=DAY_OFF, notice="TEST"),
        ]
    )
    assert not yours.is_working_day(D("2025-04-26"))
    assert yours.is_working_day(D("2026-01-02"))
    assert not yours.is_working_day(D("2026-01-10"))
    assert yours.holiday_name(D("2026-01-02")) is None
    assert yours.holiday_name(D("2026-01-10")) == "Ngày nghỉ (TEST)"
