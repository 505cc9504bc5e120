"""papi.progress: reports and status."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.errors import InvalidData
from papi.progress import Completion, Report, Status, status_of

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def report(submitted: date) -> Report:
    return Report(
        task="T3",
        organization="so:noi-vu",
        period_start=date(2022, 6, 13),
        period_end=date(2022, 9, 14),
        completion=Completion.DONE,
        submitted=submitted,
    )


@given(due=days, on=days, starts=st.none() | days)
def test_without_reports(due: date, on: date, starts: date | None) -> None:
    st_ = status_of(due=due, starts=starts, reports=(), on=on)
    if starts is not None and on < starts:
        assert st_ is Status.NOT_DUE
    elif on <= due:
        assert st_ is Status.DUE
    else:
        assert st_ is Status.OVERDUE


@given(due=days, submitted=days, on=days)
def test_reports_only_count_once_submitted(due: date, submitted: date, on: date) -> None:
    st_ = status_of(due=due, starts=None, reports=(report(submitted),), on=on)
    if submitted > on:
        assert st_ in (Status.DUE, Status.OVERDUE)
    elif submitted <= due:
        assert st_ is Status.DONE_ON_TIME
    else:
        assert st_ is Status.DONE_LATE


@given(due=days, on=days)
def test_overdue_becomes_done_late_when_reported(due: date, on: date) -> None:
    later = on + timedelta(days=1)
    before = status_of(due=due, starts=None, reports=(report(later),), on=on)
    after = status_of(due=due, starts=None, reports=(report(later),), on=later)
    if before is Status.OVERDUE:
        assert after is Status.DONE_LATE


def test_no_due_date_is_not_due() -> None:
    assert status_of(due=None, starts=None, reports=(), on=date(2026, 1, 1)) is Status.NOT_DUE


def test_report_validation() -> None:
    with pytest.raises(InvalidData, match="period_end"):
        Report(
            task="T",
            organization="o",
            period_start=date(2022, 2, 1),
            period_end=date(2022, 1, 1),
            completion=Completion.PARTLY,
            submitted=date(2022, 3, 1),
        )
    with pytest.raises(InvalidData, match="between 0 and 100"):
        Report(
            task="T",
            organization="o",
            period_start=date(2022, 1, 1),
            period_end=date(2022, 2, 1),
            completion=Completion.PARTLY,
            percent=120,
            submitted=date(2022, 3, 1),
        )
    assert Completion.PARTLY.label("vi") == "hoàn thành một phần"
