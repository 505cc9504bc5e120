"""The calendar's bounds and argument names, where issue 12's mutation sample found that a
change could pass unnoticed: overrides on the first and last year the calendar computes,
and the argument named by the array functions' errors."""

from __future__ import annotations

from datetime import date

import pytest

from papi.calendar import DAY_OFF, MAX_YEAR, MIN_YEAR, Override, VietnamCalendar
from papi.errors import CoverageError, InvalidData


@pytest.mark.parametrize("year", [MIN_YEAR, MAX_YEAR])
def test_an_override_on_the_first_or_last_year_is_accepted(year: int) -> None:
    day = date(year, 6, 3)
    cal = VietnamCalendar([Override(day, kind=DAY_OFF, notice="(hypothetical)")])
    assert not cal.is_working_day(day)


@pytest.mark.parametrize("year", [MIN_YEAR - 1, MAX_YEAR + 1])
def test_an_override_outside_those_years_names_its_day(year: int) -> None:
    day = date(year, 6, 3)
    with pytest.raises(InvalidData) as err:
        VietnamCalendar([Override(day, kind=DAY_OFF, notice="(hypothetical)")])
    assert str(err.value) == (
        f"overrides[0].day: must lie in {MIN_YEAR}-{MAX_YEAR} (value: {day!r})"
    )


def test_the_array_functions_name_the_argument_that_is_wrong() -> None:
    np = pytest.importorskip("numpy")
    cal = VietnamCalendar()
    a = np.array(["2026-03-02"], dtype="datetime64[D]")
    with pytest.raises(InvalidData) as err:
        cal.working_days_between_many(a, np.array([1]))
    assert err.value.path == "b"
    with pytest.raises(InvalidData) as err:
        cal.working_days_between_many(np.array([1]), a)
    assert err.value.path == "a"
    far = np.array([f"{MAX_YEAR + 1}-01-01"], dtype="datetime64[D]")
    with pytest.raises(CoverageError, match=r"^b contains"):
        cal.working_days_between_many(a, far)
    assert list(cal.working_days_between_many(a, a + np.timedelta64(7, "D"))) == [5]


def test_a_strict_calendar_names_the_result_that_leaves_its_range() -> None:
    cal = VietnamCalendar(strict=True)
    lo, hi = cal.covered
    result = VietnamCalendar().subtract_working_days(lo, 3)
    with pytest.raises(CoverageError) as err:
        cal.subtract_working_days(lo, 3)
    assert str(err.value) == (
        f"result={result.isoformat()} is outside the covered range "
        f"{lo.isoformat()}..{hi.isoformat()} (strict calendar)"
    )


def test_counts_that_are_not_ints_name_the_first_of_them() -> None:
    np = pytest.importorskip("numpy")
    days = np.array(["2026-03-02", "2026-03-03"], dtype="datetime64[D]")
    with pytest.raises(InvalidData) as err:
        VietnamCalendar().add_working_days_many(days, np.array([1.5, -2.0]))
    assert str(err.value) == "n: must be ints >= 0 (value: 1.5)"
    with pytest.raises(InvalidData) as err:
        VietnamCalendar().add_working_days_many(days, np.array([1, -2]))
    assert str(err.value) == "n: must be ints >= 0 (value: -2)"
