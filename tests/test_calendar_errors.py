"""The calendar's error contract, case by case: every bad argument raises the specific
:class:`~papi.errors.PapiError` whose text names the argument (its ``path``) and the value, and
every answer outside the table says which bound it crossed (issue 12: a mutation run showed
that a path, a value or a message could change unnoticed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from papi.calendar import DAY_OFF, Override, VietnamCalendar, default_calendar, received_on
from papi.errors import CoverageError, InvalidData, PapiError

np = pytest.importorskip("numpy")

C = default_calendar()
S = VietnamCalendar(strict=True)
ONE = Override(date(2026, 1, 2), kind=DAY_OFF, notice="N1")

CASES: list[tuple[Callable[[], object], type[PapiError], str]] = [
    (
        lambda: C.subtract_working_days("x", 1),
        InvalidData,
        "d: not a date in the form YYYY-MM-DD (value: 'x')",
    ),
    (
        lambda: C.subtract_working_days(date(1900, 12, 31), 1),
        CoverageError,
        "d=1900-12-31 is outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.working_days_between(date(1900, 12, 31), date(2026, 1, 1)),
        CoverageError,
        "a=1900-12-31 is outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.working_days_between(date(2026, 1, 1), date(2101, 1, 1)),
        CoverageError,
        "b=2101-01-01 is outside the years the calendar can compute (1901-2100)",
    ),
    (  # the first day of the table is inside it: the error names the day outside
        lambda: C.is_working_day_many(
            np.array(["1901-01-01", "2101-01-01"], dtype="datetime64[D]")
        ),
        CoverageError,
        "days contains 2101-01-01 outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: Override(datetime(2026, 1, 2, 9, 0), kind=DAY_OFF, notice="N1"),
        InvalidData,
        "override.day: must be a datetime.date (value: datetime.datetime(2026, 1, 2, 9, 0))",
    ),
    (
        lambda: VietnamCalendar(["2026-01-02"]),
        InvalidData,
        "overrides[0]: must be an Override (value: '2026-01-02')",
    ),
    (
        lambda: VietnamCalendar([ONE, ONE]),
        InvalidData,
        "overrides[1].day: two overrides for the same day (value: datetime.date(2026, 1, 2))",
    ),
    (
        lambda: VietnamCalendar([Override(date(1900, 1, 2), kind=DAY_OFF, notice="N1")]),
        InvalidData,
        "overrides[0].day: must lie in 1901-2100 (value: datetime.date(1900, 1, 2))",
    ),
    (
        lambda: C.holiday_name(date(2026, 1, 1), "fr"),
        InvalidData,
        "lang: must be 'vi' or 'en' (value: 'fr')",
    ),
    (
        lambda: C.holiday_name("1/1/2026"),
        InvalidData,
        "d: not a date in the form YYYY-MM-DD (value: '1/1/2026')",
    ),
    (
        lambda: C.add_working_days("2026-02-30", 1),
        InvalidData,
        "d: not a date in the form YYYY-MM-DD (value: '2026-02-30')",
    ),
    (
        lambda: C.add_working_days(date(2026, 1, 1), 1.5),
        InvalidData,
        "n: must be an int (value: 1.5)",
    ),
    (lambda: C.add_working_days(date(2026, 1, 1), -1), InvalidData, "n: must be >= 0 (value: -1)"),
    (
        lambda: C.subtract_working_days(date(2026, 1, 1), "1"),
        InvalidData,
        "n: must be an int (value: '1')",
    ),
    (
        lambda: C.working_days_between("x", date(2026, 1, 1)),
        InvalidData,
        "a: not a date in the form YYYY-MM-DD (value: 'x')",
    ),
    (
        lambda: C.working_days_between(date(2026, 1, 1), None),
        InvalidData,
        "b: not a date in the form YYYY-MM-DD",
    ),
    (
        lambda: C.working_days(None, date(2026, 1, 1)),
        InvalidData,
        "a: not a date in the form YYYY-MM-DD",
    ),
    (
        lambda: C.working_days(date(2026, 1, 1), "x"),
        InvalidData,
        "b: not a date in the form YYYY-MM-DD (value: 'x')",
    ),
    (
        lambda: C.working_days(date(2026, 1, 1), date(2101, 1, 1)),
        CoverageError,
        "b=2101-01-01 is outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.working_days(date(1900, 12, 31), date(2026, 1, 1)),
        CoverageError,
        "a=1900-12-31 is outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.is_working_day(date(2101, 1, 1)),
        CoverageError,
        "d=2101-01-01 is outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.is_estimated(20260101),
        InvalidData,
        "d: not a date in the form YYYY-MM-DD (value: 20260101)",
    ),
    (
        lambda: C.holiday_name(date(1900, 1, 1)),
        CoverageError,
        "d=1900-01-01 is outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: S.is_working_day(date(2027, 3, 1)),
        CoverageError,
        "d=2027-03-01 is outside the covered range 2024-01-01..2026-12-31 (strict calendar)",
    ),
    (
        lambda: S.add_working_days(date(2026, 12, 31), 1),
        CoverageError,
        "result=2027-01-04 is outside the covered range 2024-01-01..2026-12-31 (strict calendar)",
    ),
    (
        lambda: C.add_working_days(date(2100, 12, 1), 400),
        CoverageError,
        "the answer lies after the last year the calendar can compute (2100)",
    ),
    (
        lambda: C.subtract_working_days(date(1901, 2, 1), 400),
        CoverageError,
        "the answer lies before the first year the calendar can compute (1901)",
    ),
    (
        lambda: C.add_working_days_many([date(2026, 1, 1), date(2026, 1, 2)], [1]),
        InvalidData,
        "n: must have 2 counts (value: 1)",
    ),
    (
        lambda: C.working_days_between_many(
            [date(2026, 1, 1)], [date(2026, 1, 2), date(2026, 1, 3)]
        ),
        InvalidData,
        "b: must have 1 days (value: 2)",
    ),
    (
        lambda: C.is_working_day_many("2026-01-01"),
        InvalidData,
        "days: must be an iterable of days (value: '2026-01-01')",
    ),
    (
        lambda: C.is_working_day_many([date(2026, 1, 1), "x"]),
        InvalidData,
        "[1].d: not a date in the form YYYY-MM-DD (value: 'x')",
    ),
    (
        lambda: C.add_working_days_many([date(2026, 1, 1), date(2026, 1, 2)], [1, -2]),
        InvalidData,
        "[1].n: must be >= 0 (value: -2)",
    ),
    (
        lambda: C.is_working_day_many(np.array([1, 2])),
        InvalidData,
        "days: must be a numpy datetime64 array (value: 'int64')",
    ),
    (
        lambda: C.is_working_day_many(np.array(["2026-01-01", "NaT"], dtype="datetime64[D]")),
        InvalidData,
        "days: must be whole days (no NaT) (value: 'NaT')",
    ),
    (
        lambda: C.is_working_day_many(np.array(["2026-01-01T12"], dtype="datetime64[h]")),
        InvalidData,
        "days: must be whole days (no NaT) (value: '2026-01-01T12')",
    ),
    (
        lambda: C.is_working_day_many(
            np.array(["2026-01-01", "2101-01-01"], dtype="datetime64[D]")
        ),
        CoverageError,
        "days contains 2101-01-01 outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.working_days_between_many(
            np.array(["1900-12-31"], dtype="datetime64[D]"),
            np.array(["2026-01-01"], dtype="datetime64[D]"),
        ),
        CoverageError,
        "a contains 1900-12-31 outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: C.add_working_days_many(
            np.array(["2026-01-01"], dtype="datetime64[D]"), np.array([-1])
        ),
        InvalidData,
        "n: must be ints >= 0 (value: -1)",
    ),
    (
        lambda: C.add_working_days_many(np.array(["2100-12-01"], dtype="datetime64[D]"), 400),
        CoverageError,
        "the answer lies outside the years the calendar can compute (1901-2100)",
    ),
    (
        lambda: S.is_working_day_many(
            np.array(["2026-01-01", "2027-03-01"], dtype="datetime64[D]")
        ),
        CoverageError,
        "days=2027-03-01 is outside the covered range 2024-01-01..2026-12-31 (strict calendar)",
    ),
    (
        lambda: received_on(datetime(2026, 2, 13, 9, 0)),
        InvalidData,
        "moment: must be an aware datetime (value: datetime.datetime(2026, 2, 13, 9, 0))",
    ),
    (
        lambda: received_on(datetime(2026, 2, 13, 9, 0, tzinfo=UTC), office_close="17:00"),
        InvalidData,
        "office_close: must be a datetime.time (value: '17:00')",
    ),
    (
        lambda: received_on(datetime(9999, 12, 31, 23, 0, tzinfo=UTC)),
        InvalidData,
        "moment: has no day in Vietnamese time (out of range) "
        "(value: datetime.datetime(9999, 12, 31, 23, 0, tzinfo=datetime.timezone.utc))",
    ),
]


@pytest.mark.parametrize(("call", "kind", "text"), CASES, ids=[t for _, _, t in CASES])
def test_each_error_names_its_argument_and_value(
    call: Callable[[], object], kind: type[PapiError], text: str
) -> None:
    with pytest.raises(PapiError) as err:
        call()
    assert type(err.value) is kind
    assert str(err.value) == text
    if isinstance(err.value, InvalidData):
        assert text.startswith(f"{err.value.path}: ")
