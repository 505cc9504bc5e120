"""Rules read their days with ``papi.dates.parse_day`` and keep their arithmetic inside the
years a date can hold: near year 9999, or with an enormous period, a query raises
:class:`InvalidData` or :class:`CoverageError`, never ``OverflowError`` (issue 12)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi.calendar import VietnamCalendar, received_on
from papi.dates import FIRST_DAY, LAST_DAY
from papi.errors import CoverageError, InvalidData, PapiError
from papi.rules import (
    After,
    Fixed,
    Frequency,
    PeriodUnit,
    Recurring,
    ReportingPeriod,
    ReportKind,
    Roll,
    Unscheduled,
    period_end,
    statute,
    statutes,
)

HUGE = 10**9
RULES: tuple[Any, ...] = (
    Fixed(on=date(2026, 3, 31)),
    After(10, PeriodUnit.WORKING_DAYS),
    After(1, PeriodUnit.MONTHS, before=True),
    After(2, PeriodUnit.YEARS, receipt_cutoff=time(17, 0)),
    Recurring(freq=Frequency.WEEKLY, weekday=4, roll=Roll.BACKWARD),
    Recurring(freq=Frequency.MONTHLY, day=-1, roll=Roll.NONE),
    ReportingPeriod(period=ReportKind.QUARTERLY, submit_within=2),
    Unscheduled(duty="receive citizens", missing="the frequency"),
)
OUT_OF_RANGE = (
    date(9999, 12, 31),
    date(1, 1, 1),
    date(999, 12, 31),
    date(3000, 1, 1),
    "9999-12-31",
    datetime(9999, 12, 31, 23, 0, tzinfo=UTC),
)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: type(r).__name__)
@pytest.mark.parametrize("start", OUT_OF_RANGE, ids=repr)
def test_due_outside_the_days_papi_reads_is_invalid_data_naming_start(
    rule: Any, start: object
) -> None:
    with pytest.raises(InvalidData) as err:
        rule.due(start)
    assert err.value.path == "start"


@pytest.mark.parametrize("rule", [r for r in RULES if hasattr(r, "occurrences")])
def test_occurrences_read_both_ends_with_parse_day(rule: Any) -> None:
    assert rule.occurrences("2026-01-01", " 2026-03-31 ") == rule.occurrences(
        date(2026, 1, 1), date(2026, 3, 31)
    )
    with pytest.raises(InvalidData) as err:
        rule.occurrences(date(2026, 1, 1), date(9999, 12, 31))
    assert err.value.path == "end"
    with pytest.raises(InvalidData) as err:
        rule.occurrences(date(1, 1, 1), date(2026, 1, 1))
    assert err.value.path == "start"


def test_a_statute_near_year_9999_is_invalid_data_not_an_overflow() -> None:
    with pytest.raises(InvalidData, match="outside the days papi reads"):
        statute("report.quarterly").due(date(9999, 12, 31))
    with pytest.raises(InvalidData) as err:
        statute("complaint.first_instance", on="9999-01-01")
    assert err.value.path == "on"
    assert statute("complaint.first_instance", on="2026-03-01") == statute(
        "complaint.first_instance", on=date(2026, 3, 1)
    )


@pytest.mark.parametrize("unit", list(PeriodUnit))
@pytest.mark.parametrize("before", [False, True])
@pytest.mark.parametrize("roll", [False, True])
def test_an_enormous_period_is_a_coverage_error(unit: PeriodUnit, before: bool, roll: bool) -> None:
    rule = After(HUGE, unit, before=before, roll=roll)
    with pytest.raises(CoverageError):
        rule.due(date(2026, 1, 1))


def test_period_end_names_its_event_and_bounds_its_result() -> None:
    assert period_end("2026-01-20", 30, PeriodUnit.CALENDAR_DAYS) == date(2026, 2, 23)
    with pytest.raises(InvalidData) as err:
        period_end(date(9999, 1, 1), 1, PeriodUnit.MONTHS)
    assert err.value.path == "event"
    with pytest.raises(CoverageError, match="beyond the years a date can hold"):
        period_end(date(2026, 1, 1), 10**30, PeriodUnit.YEARS, roll=False)
    # a result past the calendar's table but inside date's range: no roll, no error
    assert period_end(date(2999, 1, 1), 1, PeriodUnit.YEARS, roll=False) == date(3000, 1, 1)
    with pytest.raises(CoverageError):  # rolling it needs the calendar (1901-2100)
        period_end(date(2999, 1, 1), 1, PeriodUnit.YEARS)


@pytest.mark.parametrize("unit", list(PeriodUnit))
def test_a_report_submitted_after_an_enormous_period_is_a_coverage_error(
    unit: PeriodUnit,
) -> None:
    """issue 12: ``submit_within=1000000000`` on a reporting period crashed who and agenda."""
    rule = ReportingPeriod(period=ReportKind.MONTHLY, submit_within=HUGE, submit_unit=unit)
    with pytest.raises(CoverageError):
        rule.occurrences(date(2026, 1, 1), date(2026, 12, 31))
    with pytest.raises(CoverageError):
        rule.due(date(2026, 1, 1))


def test_reporting_periods_look_back_no_further_than_the_first_day() -> None:
    rule = ReportingPeriod(
        period=ReportKind.ANNUAL, submit_within=HUGE, submit_unit=PeriodUnit.YEARS
    )
    # the look-back (a billion years) would leave date's range: it stops at the first day,
    # and no cut-off (14 December) falls in the first half of year 1000
    assert rule.occurrences(FIRST_DAY, date(1000, 6, 1), VietnamCalendar()) == ()


def test_received_on_near_year_9999_is_invalid_data() -> None:
    with pytest.raises(InvalidData) as err:
        received_on(datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
    assert err.value.path == "moment"
    with pytest.raises(CoverageError):
        received_on(datetime(2500, 1, 1, 9, 0, tzinfo=UTC))


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(statutes()),
    st.one_of(st.dates(FIRST_DAY, LAST_DAY), st.dates()),
)
def test_every_statute_answers_any_day_with_a_day_or_a_papi_error(s: Any, start: date) -> None:
    try:
        due = s.due(start)
    except PapiError:
        return
    assert isinstance(due, date)
    assert FIRST_DAY <= start <= LAST_DAY
    if not getattr(s.rule, "before", False) and s.rule.kind != "fixed":
        assert due >= start


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"type": "fixed", "on": "9999-12-31"}, "rule.on"),
        (
            {
                "type": "recurring",
                "freq": "monthly",
                "day": 1,
                "anchor": "0001-01-01",
                "interval": 2,
            },
            "rule.anchor",
        ),
        (
            {"type": "after", "n": 1, "unit": "months", "effective_to": "3000-01-01"},
            "rule.effective_to",
        ),
        ({"statute": "complaint.first_instance", "on": "9999-01-01"}, "rule.on"),
    ],
)
def test_a_rule_read_from_a_dict_keeps_its_days_in_range(
    data: dict[str, object], path: str
) -> None:
    """The days of a rule's dict form (plan files, JSON answers) obey the same 1000-2999."""
    from papi.rules import rule_from_dict

    with pytest.raises(InvalidData, match="outside the days papi reads") as err:
        rule_from_dict(data, path="rule")
    assert err.value.path == path
