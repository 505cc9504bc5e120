"""The rules' texts and errors, case by case (issue 12: a mutation run showed that a word of
a description, or the path and value of an error, could change unnoticed). Every description
is given in both languages; every error of the dict form (plan files, JSON answers) names the
key under the path it was given and the value."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from papi.errors import InvalidData, PapiError, ValidityError
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
    rule_from_dict,
)
from papi.rules.model import _ordinal_en

DESCRIBED: list[tuple[Any, str, str]] = [
    (Fixed(on=date(2026, 3, 31)), "by 2026-03-31", "trước ngày 31/03/2026"),
    (
        After(0, PeriodUnit.CALENDAR_DAYS, of="receipt", of_vi="ngày nhận"),
        "on the day of receipt",
        "ngay trong ngày nhận",
    ),
    (
        After(1, PeriodUnit.WORKING_DAYS, of="receipt", of_vi="ngày nhận"),
        "1 working day after receipt",
        "1 ngày làm việc kể từ ngày nhận",
    ),
    (
        After(3, PeriodUnit.MONTHS, of="the decision", before=True),
        "3 months before the decision",
        "3 tháng trước the decision",
    ),
    (After(1, PeriodUnit.WEEKS), "1 week after event", "1 tuần kể từ event"),
    (After(2, PeriodUnit.YEARS), "2 years after event", "2 năm kể từ event"),
    (Recurring(freq=Frequency.WEEKLY, weekday=0), "weekly, on Monday", "hằng tuần, vào thứ Hai"),
    (
        Recurring(freq=Frequency.WEEKLY, weekday=6, roll=Roll.BACKWARD),
        "weekly, by the last working day of the week",
        "hằng tuần, chậm nhất ngày làm việc cuối cùng của tuần",
    ),
    (
        Recurring(freq=Frequency.WEEKLY, weekday=2, interval=2, anchor=date(2026, 1, 7)),
        "every 2 weeks, on Wednesday",
        "2 tuần một lần, vào thứ Tư",
    ),
    (
        Recurring(freq=Frequency.MONTHLY, day=14),
        "monthly, by the 14th",
        "hằng tháng, trước ngày 14",
    ),
    (
        Recurring(freq=Frequency.MONTHLY, day=-1),
        "monthly, by the last day",
        "hằng tháng, trước ngày cuối cùng",
    ),
    (
        Recurring(freq=Frequency.MONTHLY, weekday=4, nth=-1, roll=Roll.BACKWARD, sessions=1),
        "monthly, on the last Friday (a day off moves it to the working day "
        "before) (at least 1 day per month)",
        "hằng tháng, vào thứ Sáu cuối cùng (trùng ngày nghỉ thì lùi về ngày "
        "làm việc liền trước) (ít nhất 1 ngày mỗi tháng)",
    ),
    (
        Recurring(
            freq=Frequency.MONTHLY,
            weekday=0,
            nth=2,
            interval=3,
            anchor=date(2026, 1, 1),
            sessions=2,
        ),
        "every 3 months, on the second Monday (at least 2 days per period)",
        "3 tháng một lần, vào thứ Hai thứ hai (ít nhất 2 ngày mỗi kỳ)",
    ),
    (
        Recurring(freq=Frequency.QUARTERLY, day=15, month=2),
        "quarterly, by the 15th of month 2 of the quarter",
        "hằng quý, trước ngày 15 tháng thứ 2 của quý",
    ),
    (
        Recurring(freq=Frequency.QUARTERLY, day=-1, month=3, roll=Roll.BACKWARD),
        "quarterly, by the last working day of the quarter",
        "hằng quý, chậm nhất ngày làm việc cuối cùng của quý",
    ),
    (
        Recurring(freq=Frequency.YEARLY, day=31, month=12),
        "yearly, by the 31st of month 12",
        "hằng năm, trước ngày 31 tháng 12",
    ),
    (
        Recurring(freq=Frequency.YEARLY, day=-1, month=12, roll=Roll.BACKWARD, sessions=3),
        "at least 3 days per year, by its last working day",
        "ít nhất 3 ngày mỗi năm, chậm nhất ngày làm việc cuối kỳ",
    ),
    (
        ReportingPeriod(period=ReportKind.MONTHLY),
        "monthly report, data cut-off on the 14th; submission deadline set by the reporting regime",
        "báo cáo tháng, chốt số liệu ngày 14; thời hạn gửi theo chế độ báo cáo",
    ),
    (
        ReportingPeriod(period=ReportKind.QUARTERLY, submit_within=1),
        "quarterly report, data cut-off on the 14th; submit within 1 working day after the cut-off",
        "báo cáo quý, chốt số liệu ngày 14; gửi trong 1 ngày làm việc sau ngày chốt",
    ),
    (
        ReportingPeriod(
            period=ReportKind.HALF_YEAR, submit_within=10, submit_unit=PeriodUnit.CALENDAR_DAYS
        ),
        "half-year report, data cut-off on the 14th; submit within 10 days after the cut-off",
        "báo cáo 6 tháng, chốt số liệu ngày 14; gửi trong 10 ngày sau ngày chốt",
    ),
    (
        ReportingPeriod(
            period=ReportKind.NINE_MONTHS,
            cutoff_day=20,
            submit_within=2,
            submit_unit=PeriodUnit.WEEKS,
        ),
        "9-month report, data cut-off on the 20th; submit within 2 weeks after the cut-off",
        "báo cáo 9 tháng, chốt số liệu ngày 20; gửi trong 2 tuần sau ngày chốt",
    ),
    (
        ReportingPeriod(
            period=ReportKind.ANNUAL, cutoff_day=1, submit_within=1, submit_unit=PeriodUnit.MONTHS
        ),
        "annual report, data cut-off on the 1st; submit within 1 month after the cut-off",
        "báo cáo năm, chốt số liệu ngày 1; gửi trong 1 tháng sau ngày chốt",
    ),
    (
        Unscheduled(
            duty="receive citizens",
            missing="the frequency",
            duty_vi="tiếp công dân",
            missing_vi="tần suất",
        ),
        "receive citizens; no computable deadline: the frequency is not yet sourced",
        "tiếp công dân; chưa tính được thời hạn: chưa có nguồn về tần suất",
    ),
    (
        Unscheduled(duty="receive citizens", missing="the frequency"),
        "receive citizens; no computable deadline: the frequency is not yet sourced",
        "receive citizens; chưa tính được thời hạn: chưa có nguồn về the frequency",
    ),
]
BAD_DICTS: list[tuple[dict[str, Any], type[PapiError], str]] = [
    (
        {"type": "after", "n": "3", "unit": "months"},
        InvalidData,
        "rule.n: must be an integer (value: '3')",
    ),
    (
        {"type": "after", "n": 3, "unit": "months", "roll": "yes"},
        InvalidData,
        "rule.roll: must be true or false (value: 'yes')",
    ),
    (
        {"type": "after", "n": 3, "unit": "fortnights"},
        InvalidData,
        "rule.unit: must be one of 'calendar_days', 'working_days', 'weeks', "
        "'months', 'years' (value: 'fortnights')",
    ),
    (
        {"type": "after", "n": 3, "unit": "months", "of": 5},
        InvalidData,
        "rule.of: must be a string (value: 5)",
    ),
    (
        {"type": "after", "n": 3, "unit": "months", "of_vi": None, "of": ""},
        InvalidData,
        "rule.of_vi: must be a string",
    ),
    ({"type": "after", "n": 3}, InvalidData, "rule.unit: missing key"),
    (
        {"type": "after", "n": 3, "unit": "months", "colour": "red"},
        InvalidData,
        "rule.colour: unknown key (allowed: before, citation, effective_from, "
        "effective_to, n, of, of_vi, receipt_cutoff, roll, type, unit) (value: "
        "'colour')",
    ),
    (
        {"type": "after", "n": 3, "unit": "months", "receipt_cutoff": "5pm"},
        InvalidData,
        "rule.receipt_cutoff: not a time in the form HH:MM (value: '5pm')",
    ),
    (
        {
            "type": "after",
            "n": 3,
            "unit": "months",
            "effective_from": "2026-01-01",
            "effective_to": "2025-01-01",
        },
        ValidityError,
        "rule.effective_to: effective_to must be after effective_from "
        "(2026-01-01) (value: datetime.date(2025, 1, 1))",
    ),
    (
        {"type": "after", "n": 3, "unit": "months", "effective_from": 20260101},
        InvalidData,
        "rule.effective_from: not a date in the form YYYY-MM-DD (value: 20260101)",
    ),
    (
        {"type": "fixed", "on": "2026-1-1"},
        InvalidData,
        "rule.on: not a date in the form YYYY-MM-DD (value: '2026-1-1')",
    ),
    (
        {"type": "recurring", "freq": "monthly", "day": 14, "count": 0, "anchor": "2026-01-01"},
        InvalidData,
        "rule.count: must be >= 1 (value: 0)",
    ),
    (
        {"type": "recurring", "freq": "monthly", "day": 14, "interval": 2},
        InvalidData,
        "rule.anchor: interval > 1 and count need an anchor (first period)",
    ),
    (
        {"type": "recurring", "freq": "weekly"},
        InvalidData,
        "rule.weekday: a weekly rule needs a weekday",
    ),
    (
        {
            "type": "recurring",
            "freq": "monthly",
            "day": 14,
            "until": "2025-01-01",
            "anchor": "2026-01-01",
        },
        ValidityError,
        "rule.until: until must not be before anchor (value: datetime.date(2025, 1, 1))",
    ),
    (
        {"type": "reporting_period", "period": "quarterly", "cutoff_day": 29},
        InvalidData,
        "rule.cutoff_day: must be an int 1..28 (value: 29)",
    ),
    (
        {"type": "unscheduled", "duty": "x", "missing": " "},
        InvalidData,
        "rule.missing: must be a non-empty string (value: ' ')",
    ),
    (
        {"type": "nope"},
        InvalidData,
        "rule.type: unknown rule type (allowed: after, fixed, recurring, "
        "reporting_period, unscheduled) (value: 'nope')",
    ),
    (
        {"type": ["fixed"]},
        InvalidData,
        "rule.type: unknown rule type (allowed: after, fixed, recurring, "
        "reporting_period, unscheduled) (value: ['fixed'])",
    ),
    (
        {"statute": "complaint.frist_instance"},
        InvalidData,
        "rule.statute: unknown statute 'complaint.frist_instance'; closest: "
        "'complaint.first_instance', 'complaint.first_instance.remote', "
        "'complaint.first_instance.accept', "
        "'complaint.first_instance.complex', 'complaint.second_instance' "
        "(value: 'complaint.frist_instance')",
    ),
    ({"statute": 5}, InvalidData, "rule.statute: must be a string (value: 5)"),
    (
        {"statute": "complaint.first_instance", "when": "2026-01-01"},
        InvalidData,
        "rule.when: unknown key (allowed: on, statute) (value: 'when')",
    ),
]


@pytest.mark.parametrize(("rule", "en", "vi"), DESCRIBED, ids=[en for _, en, _ in DESCRIBED])
def test_each_rule_describes_itself_in_both_languages(rule: Any, en: str, vi: str) -> None:
    assert rule.describe("en") == en
    assert rule.describe("vi") == vi
    assert rule.describe() == vi  # Vietnamese by default
    with pytest.raises(InvalidData) as err:
        rule.describe("fr")
    assert err.value.path == "lang"


@pytest.mark.parametrize(("data", "kind", "text"), BAD_DICTS, ids=[t for _, _, t in BAD_DICTS])
def test_each_bad_dict_form_names_its_key_and_value(
    data: dict[str, Any], kind: type[PapiError], text: str
) -> None:
    with pytest.raises(PapiError) as err:
        rule_from_dict(data, path="rule")
    assert type(err.value) is kind
    assert str(err.value) == text


def _ordinal_reference(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def test_english_ordinals() -> None:
    for n in range(130):
        assert _ordinal_en(n) == _ordinal_reference(n), n


def test_a_yearly_rule_refuses_a_day_its_month_lacks() -> None:
    with pytest.raises(InvalidData) as err:
        Recurring(freq=Frequency.YEARLY, month=4, day=31)
    assert str(err.value) == "day: month 4 has no day 31 (value: 31)"
    assert Recurring(freq=Frequency.YEARLY, month=3, day=31).day == 31


def test_reports_submitted_months_after_the_cut_off_look_back_far_enough() -> None:
    """The December 2025 cut-off's report is due in January 2026: the look-back covers it."""
    rule = ReportingPeriod(
        period=ReportKind.QUARTERLY, submit_within=1, submit_unit=PeriodUnit.MONTHS
    )
    assert rule.occurrences(date(2026, 1, 1), date(2026, 12, 31)) == (
        date(2026, 1, 14),
        date(2026, 4, 14),
        date(2026, 7, 14),
        date(2026, 10, 14),
    )
