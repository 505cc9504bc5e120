"""The calendar's arithmetic near the ends of its table (1901-2100) and of ``datetime.date``:
any day and any count give a day inside the table, or a :class:`CoverageError` /
:class:`InvalidData`; never ``OverflowError`` nor ``IndexError`` (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi.calendar import (
    DAY_OFF,
    MAX_YEAR,
    MIN_YEAR,
    Override,
    VietnamCalendar,
    default_calendar,
    received_on,
)
from papi.errors import CoverageError, InvalidData

CALENDARS = (
    default_calendar(),
    VietnamCalendar(strict=True),
    VietnamCalendar([Override(date(2100, 12, 29), kind=DAY_OFF, notice="test")]),
)
OPS: dict[str, Callable[[VietnamCalendar, date, int], Any]] = {
    "add_working_days": lambda c, d, n: c.add_working_days(d, n),
    "subtract_working_days": lambda c, d, n: c.subtract_working_days(d, n),
    "working_days_between": lambda c, d, n: c.working_days_between(d, date(2026, 1, 1)),
    "next_working_day": lambda c, d, n: c.next_working_day(d),
    "roll_forward": lambda c, d, n: c.roll_forward(d),
    "roll_backward": lambda c, d, n: c.roll_backward(d),
    "is_working_day": lambda c, d, n: c.is_working_day(d),
    "holiday_name": lambda c, d, n: c.holiday_name(d),
    "is_estimated": lambda c, d, n: c.is_estimated(d),
    "add_working_days_many": lambda c, d, n: c.add_working_days_many([d], n),
}
EDGES = (
    date.min,
    date.max,
    date(MIN_YEAR, 1, 1),
    date(MIN_YEAR - 1, 12, 31),
    date(MAX_YEAR, 12, 31),
    date(MAX_YEAR + 1, 1, 1),
    date(2043, 12, 31),
)
COUNTS = (0, 1, 250, 10**6, 10**30)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(CALENDARS),
    st.sampled_from(sorted(OPS)),
    st.one_of(st.sampled_from(EDGES), st.dates(), st.dates(date(2099, 1, 1), date(2100, 12, 31))),
    st.one_of(st.sampled_from(COUNTS), st.integers(0, 2000)),
)
def test_any_day_and_count_give_a_day_in_the_table_or_a_papi_error(
    cal: VietnamCalendar, op: str, day: date, n: int
) -> None:
    try:
        got = OPS[op](cal, day, n)
    except (CoverageError, InvalidData):
        return
    for d in got if isinstance(got, tuple) else (got,):
        if isinstance(d, date):
            assert MIN_YEAR <= d.year <= MAX_YEAR


@pytest.mark.parametrize("cal", CALENDARS, ids=["default", "strict", "overrides"])
def test_the_last_working_days_of_the_table(cal: VietnamCalendar) -> None:
    last = cal.roll_backward(date(MAX_YEAR, 12, 31)) if not cal.strict else None
    if last is None:  # strict: 2100 is estimated, so outside the covered range
        with pytest.raises(CoverageError):
            cal.roll_backward(date(MAX_YEAR, 12, 31))
        return
    assert cal.add_working_days(cal.subtract_working_days(last, 1), 1) == last
    with pytest.raises(CoverageError, match=str(MAX_YEAR)):
        cal.add_working_days(last, 1)
    with pytest.raises(CoverageError, match=str(MAX_YEAR)):
        cal.next_working_day(last)
    first = cal.roll_forward(date(MIN_YEAR, 1, 1))
    with pytest.raises(CoverageError, match=str(MIN_YEAR)):
        cal.subtract_working_days(first, 1)
    assert cal.subtract_working_days(first, 0) == first


def test_received_on_outside_the_days_a_date_holds() -> None:
    with pytest.raises(InvalidData) as err:
        received_on(datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
    assert err.value.path == "moment"
    with pytest.raises(CoverageError):
        received_on(datetime(1, 1, 1, 0, 0, tzinfo=UTC).replace(year=1900), office_close=time(17))
