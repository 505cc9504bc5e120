"""The array API of papi.calendar (``*_many``): the same answers as day by day, with and without
numpy, make-up Saturdays and overrides included; bad input named like the one-day methods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.calendar import DAY_OFF, WORKING_DAY, Override, VietnamCalendar, default_calendar
from papi.errors import CoverageError, InvalidData

np = pytest.importorskip("numpy")

CAL = default_calendar()
LOCAL = VietnamCalendar(
    [
        Override(date(2026, 11, 23), kind=DAY_OFF, notice="TEST"),
        Override(date(2026, 11, 28), kind=WORKING_DAY, notice="TEST"),
        Override(date(2031, 1, 4), kind=WORKING_DAY, notice="TEST"),
    ]
)
CALENDARS = st.sampled_from([CAL, LOCAL])
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
# make-up Saturdays and the sourced 2026 swap come up often
NEAR_SWAPS = st.sampled_from(
    [date(2025, 4, 25), date(2025, 12, 31), date(2026, 1, 9), date(2026, 8, 21), date(2026, 11, 20)]
)
SOME_DAYS = st.lists(st.one_of(DAYS, NEAR_SWAPS), min_size=0, max_size=40)


def d64(days: list[date]) -> object:
    return np.array(days, dtype="datetime64[D]")


# --------------------------------------------------------------------------- without numpy
def test_iterables_give_tuples_like_the_one_day_methods() -> None:
    days = [date(2025, 12, 31), "2026-01-09", date(2026, 8, 21)]
    assert CAL.is_working_day_many(days) == (True, True, True)
    assert CAL.is_working_day_many([date(2026, 1, 2), date(2026, 1, 10)]) == (False, True)
    assert CAL.add_working_days_many(days, 1) == (
        date(2026, 1, 5),
        date(2026, 1, 10),
        date(2026, 8, 22),
    )
    assert CAL.add_working_days_many(days, [0, 0, 2]) == (
        date(2025, 12, 31),
        date(2026, 1, 9),
        date(2026, 8, 24),
    )
    assert CAL.working_days_between_many(days, ["2026-01-05"] * 3) == (1, -4, -157)
    assert CAL.add_working_days_many((), 3) == ()
    assert CAL.add_working_days_many(iter([date(2026, 2, 12)]), 10) == (date(2026, 3, 5),)


def test_bad_input_names_the_element() -> None:
    with pytest.raises(InvalidData) as info:
        CAL.add_working_days_many([date(2026, 1, 5), "5/1/2026"], 1)
    assert info.value.path == "[1].d"
    with pytest.raises(InvalidData) as info:
        CAL.add_working_days_many([date(2026, 1, 5)], [-1])
    assert info.value.path == "[0].n"
    with pytest.raises(InvalidData, match="n"):
        CAL.add_working_days_many([date(2026, 1, 5)], [1, 2])
    with pytest.raises(InvalidData, match="b"):
        CAL.working_days_between_many([date(2026, 1, 5)], [])
    with pytest.raises(InvalidData, match="days"):
        CAL.is_working_day_many("2026-01-05")  # a string is one day, not many
    with pytest.raises(InvalidData, match="days"):
        CAL.is_working_day_many(date(2026, 1, 5))  # type: ignore[arg-type]
    with pytest.raises(CoverageError):
        CAL.add_working_days_many([date(2100, 12, 1)], 400)


# --------------------------------------------------------------------------- with numpy
def test_numpy_arrays_give_numpy_arrays() -> None:
    days = d64([date(2025, 12, 31), date(2026, 1, 9), date(2026, 8, 21)])
    flags = CAL.is_working_day_many(days + np.timedelta64(2, "D"))
    assert flags.dtype == bool
    assert flags.tolist() == [False, False, False]
    out = CAL.add_working_days_many(days, 1)
    assert out.dtype == np.dtype("datetime64[D]")
    assert out.astype(object).tolist() == [date(2026, 1, 5), date(2026, 1, 10), date(2026, 8, 22)]
    counts = CAL.working_days_between_many(days, days + np.timedelta64(7, "D"))
    assert counts.tolist() == [3, 6, 6]
    # broadcasting: one day, many counts; a 2-D grid
    grid = CAL.add_working_days_many(d64([date(2026, 2, 12)]), np.array([[0], [10]]))
    assert grid.shape == (2, 1)
    assert grid[1, 0] == np.datetime64("2026-03-05")
    # whole days in another unit (e.g. from pandas) are accepted
    ns = days.astype("datetime64[ns]")
    assert CAL.add_working_days_many(ns, 1).tolist() == out.tolist()


def test_numpy_bad_input() -> None:
    days = d64([date(2026, 1, 5)])
    with pytest.raises(InvalidData, match="n"):
        CAL.add_working_days_many(days, np.array([-1]))
    with pytest.raises(InvalidData, match="n"):
        CAL.add_working_days_many(days, np.array([1.5]))
    with pytest.raises(InvalidData, match="whole days"):
        CAL.is_working_day_many(np.array(["2026-01-05T12:00"], dtype="datetime64[s]"))
    with pytest.raises(InvalidData, match="NaT"):
        CAL.is_working_day_many(np.array(["NaT"], dtype="datetime64[D]"))
    with pytest.raises(InvalidData, match="datetime64"):
        CAL.is_working_day_many(np.array([1, 2]))
    with pytest.raises(CoverageError, match="1900-12-31"):
        CAL.is_working_day_many(d64([date(2026, 1, 5), date(1900, 12, 31)]))
    with pytest.raises(CoverageError, match="2100"):
        CAL.add_working_days_many(d64([date(2100, 12, 1)]), 400)


def test_numpy_strict_calendar_refuses_estimates_like_the_one_day_methods() -> None:
    strict = VietnamCalendar(strict=True)
    inside = d64([date(2026, 1, 2), date(2026, 6, 1)])
    assert strict.is_working_day_many(inside).tolist() == [False, True]
    with pytest.raises(CoverageError, match="2027-03-01"):
        strict.is_working_day_many(d64([date(2026, 6, 1), date(2027, 3, 1)]))
    with pytest.raises(CoverageError, match="result=2027"):
        strict.add_working_days_many(d64([date(2026, 12, 30)]), 5)
    out = VietnamCalendar([Override(date(2027, 2, 3), kind=DAY_OFF, notice="T")], strict=True)
    assert out.is_working_day_many(d64([date(2027, 2, 3)])).tolist() == [False]


@given(CALENDARS, SOME_DAYS, st.integers(min_value=0, max_value=300))
def test_numpy_add_is_exact_day_by_day(cal: VietnamCalendar, days: list[date], n: int) -> None:
    expected = [cal.add_working_days(d, n) for d in days]
    assert cal.add_working_days_many(d64(days), n).astype(object).tolist() == expected
    assert list(cal.add_working_days_many(days, n)) == expected
    assert cal.is_working_day_many(d64(days)).tolist() == [cal.is_working_day(d) for d in days]


@given(CALENDARS, st.lists(st.tuples(st.one_of(DAYS, NEAR_SWAPS), DAYS), max_size=40))
def test_numpy_between_is_exact_day_by_day(
    cal: VietnamCalendar, pairs: list[tuple[date, date]]
) -> None:
    a = [x for x, _ in pairs]
    b = [y for _, y in pairs]
    expected = [cal.working_days_between(x, y) for x, y in pairs]
    assert cal.working_days_between_many(d64(a), d64(b)).tolist() == expected
    assert list(cal.working_days_between_many(a, b)) == expected


@given(SOME_DAYS, st.lists(st.integers(min_value=0, max_value=60), min_size=40, max_size=40))
def test_numpy_per_day_counts(days: list[date], counts: list[int]) -> None:
    ns = counts[: len(days)]
    expected = [CAL.add_working_days(d, k) for d, k in zip(days, ns, strict=True)]
    got = CAL.add_working_days_many(d64(days), np.array(ns, dtype=np.int64))
    assert got.astype(object).tolist() == expected
