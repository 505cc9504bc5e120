"""papi.progress: reports and status."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.errors import InvalidData
from papi.progress import Completion, Report, Status, status_of

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def report(
    submitted: date,
    due: date,
    completion: Completion = Completion.DONE,
    *,
    ends: date | None = None,
) -> Report:
    """A report whose period ends on ``ends`` (default: the due date, so it is about it)."""
    end = ends if ends is not None else due
    return Report(
        task="T3",
        organization="so:noi-vu",
        period_start=end - timedelta(days=90),
        period_end=end,
        completion=completion,
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
    st_ = status_of(due=due, starts=None, reports=(report(submitted, due),), on=on)
    if submitted > on:
        assert st_ in (Status.DUE, Status.OVERDUE)
    elif submitted <= due:
        assert st_ is Status.DONE_ON_TIME
    else:
        assert st_ is Status.DONE_LATE


@given(due=days, on=days)
def test_overdue_becomes_done_late_when_reported(due: date, on: date) -> None:
    later = on + timedelta(days=1)
    before = status_of(due=due, starts=None, reports=(report(later, due),), on=on)
    after = status_of(due=due, starts=None, reports=(report(later, due),), on=later)
    if before is Status.OVERDUE:
        assert after is Status.DONE_LATE


@given(
    due=days,
    submitted=days,
    on=days,
    completion=st.sampled_from([Completion.PARTLY, Completion.NOT_DONE]),
)
def test_partial_report_completes_only_a_reporting_duty(
    due: date, submitted: date, on: date, completion: Completion
) -> None:
    r = (report(submitted, due, completion),)
    without = status_of(due=due, starts=None, reports=(), on=on)
    assert status_of(due=due, starts=None, reports=r, on=on) is without
    as_report = status_of(due=due, starts=None, reports=r, on=on, reporting=True)
    assert as_report is status_of(due=due, starts=None, reports=(report(submitted, due),), on=on)


@given(due=days, gap=st.integers(min_value=1, max_value=400), early=st.integers(0, 30))
def test_report_on_an_earlier_period_does_not_meet_a_later_deadline(
    due: date, gap: int, early: int
) -> None:
    """A report on a period that ended before the due date, submitted before it, is about an
    earlier deadline."""
    ends = due - timedelta(days=gap)
    r = report(ends + timedelta(days=min(early, gap - 1)), due, ends=ends)
    assert r.submitted < due
    for on in (due, due + timedelta(days=1)):
        got = status_of(due=due, starts=None, reports=(r,), on=on, reporting=True)
        assert got is status_of(due=due, starts=None, reports=(), on=on)


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
