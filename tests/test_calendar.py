"""papi.calendar: official schedules, Civil Code counting conventions, properties, bad input."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.calendar import (
    DAY_OFF,
    FIRST_TRUSTED_YEAR,
    WORKING_DAY,
    Override,
    VietnamCalendar,
    default_calendar,
    received_on,
    sourced_overrides,
)
from papi.dates import VN_TZ
from papi.errors import CoverageError, InvalidData, PapiError

CAL = default_calendar()
D = date.fromisoformat


def span(a: str, b: str) -> list[date]:
    lo, hi = D(a), D(b)
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def assert_off(*days: date) -> None:
    for d in days:
        assert not CAL.is_working_day(d), f"{d} should be a day off"


def assert_working(*days: date) -> None:
    for d in days:
        assert CAL.is_working_day(d), f"{d} should be a working day"


# --------------------------------------------------------------------------- official schedules
def test_tet_2025_break_and_the_days_around_it() -> None:
    # Notice 6150/TB-LĐTBXH: off Sat 25/1 to Sun 2/2/2025; statutory days 27-31/1.
    assert_off(*span("2025-01-25", "2025-02-02"))
    assert_working(D("2025-01-24"), D("2025-02-03"))


def test_tet_2026_break_and_the_days_around_it() -> None:
    # Notice 9441/TB-BNV: Tết 16-20/2/2026, off 14-22/2 with the weekends.
    assert_off(*span("2026-02-14", "2026-02-22"))
    assert_working(D("2026-02-13"), D("2026-02-23"))


def test_2024_schedule_first_covered_year() -> None:
    # deadline-rules.md §A4; swap: Official Dispatch 2450/VPCP-KGVX (cited by holidays.VN)
    assert_off(*span("2024-02-08", "2024-02-14"))  # Tết 2024
    assert_working(D("2024-02-07"), D("2024-02-15"))
    assert_off(D("2024-04-18"))  # Hùng Kings
    assert_off(*span("2024-04-27", "2024-05-01"))  # off Mon 29/4 ...
    assert_working(D("2024-05-04"), D("2024-05-02"))  # ... worked on Sat 4/5
    assert_off(*span("2024-08-31", "2024-09-03"))  # National Day 2-3/9 with the weekend
    assert_working(D("2024-08-30"), D("2024-09-04"))
    assert not CAL.is_estimated(D("2024-01-01"))


def test_2025_april_may_swap() -> None:
    assert_working(D("2025-04-26"))  # Saturday worked
    assert_off(D("2025-05-02"), *span("2025-04-30", "2025-05-04"))
    assert_working(D("2025-04-29"), D("2025-05-05"))


def test_2026_august_swap_and_national_day() -> None:
    assert_working(D("2026-08-22"))  # Saturday worked
    assert_off(*span("2026-08-29", "2026-09-02"))  # 31/8 swapped, 1-2/9 National Day
    assert_working(D("2026-08-28"), D("2026-09-03"))


def test_2026_hung_kings_observed_and_culture_day() -> None:
    assert_off(D("2026-04-26"), D("2026-04-27"), D("2026-04-30"), D("2026-05-01"))
    assert_working(D("2026-04-28"), D("2026-04-29"))
    assert_off(D("2026-11-24"))
    assert CAL.holiday_name(D("2026-11-24"), lang="en") == "Vietnam Cultural Day"
    assert CAL.holiday_name(D("2025-11-24")) is None  # not a holiday before 2026
    assert CAL.is_working_day(D("2025-11-24"))


@pytest.mark.parametrize(
    ("year", "vn_tet", "cn_tet"),
    [(1985, "1985-01-21", "1985-02-20"), (2007, "2007-02-17", "2007-02-18")],
)
def test_tet_follows_the_vietnamese_not_the_chinese_lunar_calendar(
    year: int, vn_tet: str, cn_tet: str
) -> None:
    assert CAL.holiday_name(D(vn_tet), lang="en") == "Lunar New Year"
    assert CAL.holiday_name(D(cn_tet), lang="en") != "Lunar New Year"
    assert not CAL.is_working_day(D(vn_tet))
    assert CAL.is_estimated(D(vn_tet))  # before the trusted range


def test_weekends_are_off_and_plain_weekdays_work() -> None:
    assert_off(D("2026-03-07"), D("2026-03-08"))
    assert_working(*span("2026-03-09", "2026-03-13"))


# --------------------------------------------------------------------------- worked examples §A4
def test_worked_example_ten_working_days_across_tet() -> None:
    assert CAL.add_working_days(D("2026-02-12"), 10) == D("2026-03-05")
    assert CAL.working_days_between(D("2026-02-12"), D("2026-03-05")) == 10
    assert CAL.subtract_working_days(D("2026-03-05"), 10) == D("2026-02-12")


def test_interval_conventions_at_the_edges() -> None:
    fri = D("2026-03-06")
    assert CAL.add_working_days(fri, 1) == D("2026-03-09")  # start not counted
    assert CAL.add_working_days(fri, 0) == fri  # working day: itself
    assert CAL.add_working_days(D("2026-03-07"), 0) == D("2026-03-09")  # Saturday -> Monday
    assert CAL.subtract_working_days(D("2026-03-07"), 0) == fri
    assert CAL.working_days_between(fri, fri) == 0
    assert CAL.working_days_between(D("2026-03-05"), fri) == 1  # (a, b]: b counted
    assert CAL.next_working_day(fri) == D("2026-03-09")
    assert CAL.next_working_day(D("2026-03-07")) == D("2026-03-09")
    assert CAL.roll_forward(fri) == fri
    assert CAL.roll_forward(D("2026-04-26")) == D("2026-04-28")
    assert CAL.working_days(D("2026-03-06"), D("2026-03-09")) == (D("2026-03-09"),)


def test_across_year_boundaries_and_long_spans() -> None:
    d = D("2026-12-30")
    far = CAL.add_working_days(d, 1000)
    assert CAL.working_days_between(d, far) == 1000
    assert CAL.subtract_working_days(far, 1000) == d
    assert CAL.add_working_days(D("1950-06-01"), 20000).year > 2020
    assert CAL.subtract_working_days(D("2099-01-01"), 5).year == 2098


# --------------------------------------------------------------------------- overrides, coverage
def test_override_takes_precedence_over_the_package() -> None:
    cal = VietnamCalendar(
        [
            Override(D("2026-11-23"), kind=DAY_OFF, notice="TEST-1", note="bridge day"),
            Override(D("2026-11-28"), kind=WORKING_DAY, notice="TEST-1"),
            Override(D("2026-11-24"), kind=WORKING_DAY, notice="TEST-2"),
        ]
    )
    assert not cal.is_working_day(D("2026-11-23"))
    assert cal.is_working_day(D("2026-11-28"))  # Saturday made a working day
    assert cal.is_working_day(D("2026-11-24"))  # a package holiday overridden
    assert cal.holiday_name(D("2026-11-23")) == "bridge day (TEST-1)"
    assert cal.holiday_name(D("2026-11-24")) is None
    assert cal.add_working_days(D("2026-11-20"), 1) == D("2026-11-24")
    # the shared default calendar is untouched
    assert not CAL.is_working_day(D("2026-11-24"))
    assert len(cal.overrides) == 3


def test_override_outside_coverage_is_not_estimated() -> None:
    o = Override(D("2027-02-03"), kind=DAY_OFF, notice="TEST-3")
    cal = VietnamCalendar([o], strict=True)
    assert not cal.is_estimated(o.day)
    assert not cal.is_working_day(o.day)


def test_coverage_is_read_from_the_package() -> None:
    from holidays.countries.vietnam import VietnamStaticHolidays

    last = max(VietnamStaticHolidays.special_public_holidays)
    assert CAL.covered == (date(FIRST_TRUSTED_YEAR, 1, 1), date(last, 12, 31))
    assert not CAL.is_estimated(D("2026-12-31"))
    assert CAL.is_estimated(D(f"{last + 1}-01-01"))
    assert CAL.is_estimated(D("2023-12-31"))


def test_strict_mode_raises_naming_the_date_and_the_range() -> None:
    strict = VietnamCalendar(strict=True)
    assert strict.is_working_day(D("2026-05-04"))
    with pytest.raises(CoverageError, match=r"2027-03-01.*2024-01-01\.\.2026-12-31"):
        strict.is_working_day(D("2027-03-01"))
    with pytest.raises(CoverageError, match="result=2027"):
        strict.add_working_days(D("2026-12-30"), 5)  # the answer leaves the covered range
    assert CAL.add_working_days(D("2026-12-30"), 5).year == 2027  # non-strict answers


def test_years_the_package_cannot_compute_raise() -> None:
    with pytest.raises(CoverageError, match="1901-2100"):
        CAL.is_working_day(D("1850-01-01"))
    with pytest.raises(CoverageError):
        CAL.add_working_days(D("2100-12-01"), 400)


# --------------------------------------------------------------------------- time of day
def test_received_on_after_office_hours_and_on_days_off() -> None:
    assert received_on(datetime(2026, 3, 5, 16, 59, tzinfo=VN_TZ)) == D("2026-03-05")
    assert received_on(datetime(2026, 3, 5, 17, 0, tzinfo=VN_TZ)) == D("2026-03-06")
    assert received_on(datetime(2026, 3, 6, 17, 30, tzinfo=VN_TZ)) == D("2026-03-09")
    assert received_on(datetime(2026, 3, 7, 9, 0, tzinfo=VN_TZ)) == D("2026-03-09")
    # 10:30 UTC is 17:30 in Hanoi
    assert received_on(datetime(2026, 3, 5, 10, 30, tzinfo=UTC)) == D("2026-03-06")
    early = received_on(datetime(2026, 3, 5, 15, 0, tzinfo=VN_TZ), office_close=time(14, 0))
    assert early == D("2026-03-06")


def test_received_on_rejects_naive_datetimes() -> None:
    with pytest.raises(InvalidData, match="moment"):
        received_on(datetime(2026, 3, 5, 9, 0))


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: CAL.is_working_day("13/06/2022"), "d"),
        (lambda: CAL.add_working_days("not a date", 1), "d"),
        (lambda: CAL.add_working_days(D("2026-01-01"), -1), "n"),
        (lambda: CAL.add_working_days(D("2026-01-01"), 1.5), "n"),  # type: ignore[arg-type]
        (lambda: CAL.add_working_days(D("2026-01-01"), True), "n"),
        (lambda: CAL.subtract_working_days(D("2026-01-01"), -3), "n"),
        (lambda: CAL.working_days_between(D("2026-01-01"), 20260101), "b"),  # type: ignore[arg-type]
        (lambda: CAL.holiday_name(D("2026-01-01"), lang="fr"), "lang"),
        (lambda: CAL.add_working_days(datetime(2026, 1, 1, 9), 1), "d"),
    ],
)
def test_bad_input_raises_invalid_data_naming_the_argument(call: object, name: str) -> None:
    with pytest.raises(InvalidData) as info:
        call()  # type: ignore[operator]
    assert info.value.path == name
    assert isinstance(info.value, PapiError)


def test_iso_strings_and_aware_datetimes_are_accepted() -> None:
    assert CAL.add_working_days("2026-02-12", 10) == D("2026-03-05")
    late = datetime(2026, 2, 12, 20, 0, tzinfo=UTC)  # 03:00 on 13/2 in Hanoi
    assert CAL.add_working_days(late, 0) == D("2026-02-13")


def test_bad_overrides() -> None:
    with pytest.raises(InvalidData, match=r"overrides\[1\]\.day"):
        VietnamCalendar(
            [
                Override(D("2026-01-02"), kind=DAY_OFF, notice="X"),
                Override(D("2026-01-02"), kind=WORKING_DAY, notice="Y"),
            ]
        )
    with pytest.raises(InvalidData, match=r"overrides\[0\]"):
        VietnamCalendar(["2026-01-02"])  # type: ignore[list-item]
    with pytest.raises(InvalidData, match=r"override\.notice"):
        Override(D("2026-01-02"), kind=DAY_OFF, notice=" ")
    with pytest.raises(InvalidData, match=r"override\.day"):
        Override(datetime(2026, 1, 2, 8), kind=DAY_OFF, notice="X")


def test_calendar_is_immutable() -> None:
    with pytest.raises(AttributeError):
        CAL._strict = True
    with pytest.raises(AttributeError):
        CAL.strict = True  # type: ignore[misc]


def test_calendars_compare_by_overrides_and_pickle() -> None:
    import pickle

    o = Override(D("2026-11-23"), kind=DAY_OFF, notice="TEST-1")
    a, b = VietnamCalendar([o]), VietnamCalendar([o])
    assert a == b
    assert hash(a) == hash(b)
    assert a != VietnamCalendar()
    assert a != VietnamCalendar([o], strict=True)
    a.is_working_day(D("2026-11-23"))  # with caches built
    copy = pickle.loads(pickle.dumps(a))
    assert copy == a
    assert not copy.is_working_day(D("2026-11-23"))


def test_concurrent_first_use_gives_one_consistent_answer() -> None:
    cal = VietnamCalendar()
    results: list[date] = []

    def work() -> None:
        results.append(cal.add_working_days(D("2060-02-01"), 30))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1
    assert cal.working_days_between(D("2060-02-01"), results[0]) == 30


# --------------------------------------------------------------------------- agreement with holidays
def test_agrees_with_holidays_is_working_day_except_on_sourced_overrides() -> None:
    """Over the whole table (1901-2100) the packaged calendar is holidays.VN, plus papi's
    sourced overrides; the package itself never reads ``holidays`` at query time."""
    vn = holidays.country_holidays("VN", years=range(1900, 2102))
    sourced = {o.day: o for o in sourced_overrides()}
    differ = []
    day = D("1901-01-01")
    while day.year <= 2100:
        if CAL.is_working_day(day) != vn.is_working_day(day):
            differ.append(day)
        day += timedelta(days=1)
    assert differ == sorted(sourced)
    for d in differ:
        assert CAL.is_working_day(d) is (sourced[d].kind is WORKING_DAY)


# --------------------------------------------------------------------------- properties
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
counts = st.integers(min_value=0, max_value=600)


@given(days, counts)
def test_between_inverts_add(d: date, n: int) -> None:
    # exact statement: for n >= 1 any d; for n == 0 only a working d (else roll_forward counts 1)
    end = CAL.add_working_days(d, n)
    expected = n if (n >= 1 or CAL.is_working_day(d)) else 1
    assert CAL.working_days_between(d, end) == expected


@given(days, counts)
def test_results_are_working_days_and_not_before_start(d: date, n: int) -> None:
    fwd = CAL.add_working_days(d, n)
    back = CAL.subtract_working_days(d, n)
    assert CAL.is_working_day(fwd)
    assert CAL.is_working_day(back)
    assert back <= d <= fwd
    if n >= 1:
        assert back < d < fwd


@given(days, counts)
def test_add_and_subtract_are_inverse_on_working_days(d: date, n: int) -> None:
    w = CAL.roll_forward(d)
    assert CAL.subtract_working_days(CAL.add_working_days(w, n), n) == w
    assert CAL.add_working_days(CAL.subtract_working_days(w, n), n) == w


@given(days, days, days)
def test_between_is_antisymmetric_and_additive(a: date, b: date, c: date) -> None:
    ab = CAL.working_days_between(a, b)
    assert ab == -CAL.working_days_between(b, a)
    assert ab + CAL.working_days_between(b, c) == CAL.working_days_between(a, c)


@given(days, st.integers(min_value=0, max_value=40))
def test_fast_path_matches_a_naive_walk(d: date, n: int) -> None:
    day, left = d, n
    if left == 0:
        while not CAL.is_working_day(day):
            day += timedelta(days=1)
    while left:
        day += timedelta(days=1)
        if CAL.is_working_day(day):
            left -= 1
    assert CAL.add_working_days(d, n) == day


@given(days)
def test_next_working_day_and_roll_forward(d: date) -> None:
    nxt = CAL.next_working_day(d)
    assert nxt > d
    assert CAL.working_days_between(d, nxt) == 1
    rolled = CAL.roll_forward(d)
    assert rolled == (d if CAL.is_working_day(d) else nxt)
