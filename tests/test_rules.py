"""papi.rules: Civil Code periods, rule types, dict round trips, the statutory catalogue."""

from __future__ import annotations

import calendar as pycal
import itertools
import json
import unicodedata
from datetime import date, datetime, time, timedelta
from importlib import resources

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.calendar import DAY_OFF, Override, VietnamCalendar, default_calendar
from papi.dates import ALWAYS, VN_TZ, Validity
from papi.errors import InvalidData, NotFound, ValidityError
from papi.rules import (
    After,
    Citation,
    Fixed,
    Frequency,
    PeriodUnit,
    Recurring,
    ReportingPeriod,
    ReportKind,
    Roll,
    Rule,
    Statute,
    Unscheduled,
    UnsourcedPeriod,
    period_end,
    rule_from_dict,
    statute,
    statutes,
)
from papi.rules.catalogue import build_index

CAL = default_calendar()
D = date.fromisoformat
CD = PeriodUnit.CALENDAR_DAYS
WD = PeriodUnit.WORKING_DAYS


# --------------------------------------------------------------------------- Civil Code periods
@pytest.mark.parametrize(
    ("event", "n", "unit", "expected"),
    [
        # deadline-rules.md §A4 worked examples
        ("2026-01-20", 30, CD, "2026-02-23"),  # 19/2 is Tết
        ("2026-03-27", 30, CD, "2026-04-28"),  # 26/4 Sunday Hùng Kings, 27/4 observed
        ("2026-10-25", 30, CD, "2026-11-25"),  # 24/11 Vietnam Cultural Day
        ("2026-02-12", 10, WD, "2026-03-05"),
        # weeks end on the corresponding weekday (art. 148)
        ("2026-03-04", 2, PeriodUnit.WEEKS, "2026-03-18"),
        # months: same day, or last day of a shorter month, then roll (art. 148)
        ("2026-01-31", 1, PeriodUnit.MONTHS, "2026-03-02"),  # 28/2 is a Saturday
        ("2025-01-31", 1, PeriodUnit.MONTHS, "2025-02-28"),  # Friday
        ("2026-05-15", 3, PeriodUnit.MONTHS, "2026-08-17"),  # 15/8 Saturday
        # years: same day and month; 29/2 -> 28/2
        ("2024-02-29", 1, PeriodUnit.YEARS, "2025-02-28"),
        # first day not counted: 1 day after a Thursday is Friday
        ("2026-03-05", 1, CD, "2026-03-06"),
        ("2026-03-06", 0, CD, "2026-03-06"),
    ],
)
def test_civil_code_periods(event: str, n: int, unit: PeriodUnit, expected: str) -> None:
    assert period_end(D(event), n, unit) == D(expected)
    assert After(n, unit, of="event").due(D(event)) == D(expected)


def test_no_roll_keeps_the_literal_last_day() -> None:
    assert period_end(D("2026-01-31"), 1, PeriodUnit.MONTHS, roll=False) == D("2026-02-28")
    assert After(30, CD, roll=False).due(D("2026-01-20")) == D("2026-02-19")


def test_periods_use_the_calendar_given() -> None:
    cal = VietnamCalendar([Override(D("2026-02-23"), kind=DAY_OFF, notice="TEST")])
    assert period_end(D("2026-01-20"), 30, CD, cal) == D("2026-02-24")


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31)),
    st.integers(min_value=0, max_value=240),
)
def test_month_periods_never_overflow_a_month(d: date, n: int) -> None:
    end = period_end(d, n, PeriodUnit.MONTHS, roll=False)
    months = d.year * 12 + d.month - 1 + n
    assert end.year * 12 + end.month - 1 == months
    assert end.day == min(d.day, pycal.monthrange(end.year, end.month)[1])
    rolled = period_end(d, n, PeriodUnit.MONTHS)
    assert CAL.is_working_day(rolled)
    assert rolled == CAL.roll_forward(end)


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(list(PeriodUnit)),
)
def test_rolled_deadlines_are_working_days_not_before_the_event(
    d: date, n: int, unit: PeriodUnit
) -> None:
    if unit is PeriodUnit.YEARS:
        n %= 15
    end = period_end(d, n, unit)
    assert CAL.is_working_day(end)
    assert end >= d
    if n:
        assert end > d


# --------------------------------------------------------------------------- After
def test_after_with_receipt_cutoff_uses_the_time_of_day() -> None:
    rule = After(10, WD, of="receipt", receipt_cutoff=time(17, 0))
    before = datetime(2026, 2, 12, 16, 0, tzinfo=VN_TZ)
    after = datetime(2026, 2, 12, 17, 30, tzinfo=VN_TZ)
    assert rule.due(before) == D("2026-03-05")
    assert rule.due(after) == D("2026-03-06")  # received on 13/2
    plain = After(10, WD, of="receipt")
    assert plain.due(after) == D("2026-03-05")  # no cut-off: only the date counts


def test_after_describe() -> None:
    rule = After(30, CD, of="acceptance", of_vi="ngày thụ lý")
    assert rule.describe("en") == "30 days after acceptance"
    assert rule.describe("vi") == "30 ngày kể từ ngày thụ lý"
    assert After(1, WD, of="receipt").describe("en") == "1 working day after receipt"
    assert not rule.is_recurring


# --------------------------------------------------------------------------- Recurring
def test_recurring_monthly_by_day_rolls_forward() -> None:
    rule = Recurring(freq=Frequency.MONTHLY, day=14)
    got = rule.occurrences(D("2026-01-01"), D("2026-06-30"))
    # 14/2 Sat (Tết week) -> 23/2; 14/3 Sat -> 16/3; 14/6 Sun -> 15/6
    assert got == tuple(map(D, ["2026-01-14", "2026-02-23", "2026-03-16", "2026-04-14",
                                "2026-05-14", "2026-06-15"]))  # fmt: skip
    assert rule.due(D("2026-02-15")) == D("2026-02-23")
    assert rule.describe("en") == "monthly, by the 14th"


def test_recurring_quarterly_weekly_yearly() -> None:
    q = Recurring(freq=Frequency.QUARTERLY, day=-1, month=3, roll=Roll.BACKWARD)
    assert q.occurrences(D("2026-01-01"), D("2026-12-31")) == tuple(
        map(D, ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"])
    )
    w = Recurring(freq=Frequency.WEEKLY, weekday=0, interval=2, anchor=D("2026-03-02"))
    assert w.occurrences(D("2026-03-01"), D("2026-03-31")) == tuple(
        map(D, ["2026-03-02", "2026-03-16", "2026-03-30"])
    )
    y = Recurring(freq=Frequency.YEARLY, month=11, day=24, roll=Roll.NONE)
    assert y.due(D("2026-01-01")) == D("2026-11-24")


def test_recurring_until_count_and_validity_end_the_series() -> None:
    r = Recurring(freq=Frequency.MONTHLY, day=5, anchor=D("2026-01-01"), count=3, roll=Roll.NONE)
    assert r.occurrences(D("2025-01-01"), D("2027-01-01")) == tuple(
        map(D, ["2026-01-05", "2026-02-05", "2026-03-05"])
    )
    u = Recurring(freq=Frequency.MONTHLY, day=5, until=D("2026-02-05"), roll=Roll.NONE)
    assert u.occurrences(D("2026-01-01"), D("2026-12-31")) == (D("2026-01-05"), D("2026-02-05"))
    v = attrs.evolve(u, until=None, validity=Validity(valid_to=D("2026-03-01")))
    assert v.occurrences(D("2026-01-01"), D("2026-12-31")) == (D("2026-01-05"), D("2026-02-05"))
    with pytest.raises(NotFound, match="occurrence"):
        v.due(D("2026-03-01"))


def test_a_period_without_working_days_has_no_backward_deadline() -> None:
    weekly = statute("citizen_reception.commune_chair", on=D("2026-01-01")).rule
    assert isinstance(weekly, Recurring)
    # the week of 16-22/2/2026 is all Tết: no reception deadline that week
    got = weekly.occurrences(D("2026-02-09"), D("2026-03-01"))
    assert got == (D("2026-02-13"), D("2026-02-27"))
    assert weekly.describe("en") == "at least 1 day per week, by its last working day"


@given(
    st.sampled_from(
        [
            Recurring(freq=Frequency.WEEKLY, weekday=2),
            Recurring(freq=Frequency.MONTHLY, weekday=0, nth=1),
            Recurring(freq=Frequency.MONTHLY, day=-1, roll=Roll.BACKWARD),
            Recurring(freq=Frequency.QUARTERLY, day=14, month=3),
            Recurring(freq=Frequency.YEARLY, day=31, month=12, roll=Roll.BACKWARD),
        ]
    ),
    st.dates(min_value=date(1995, 1, 1), max_value=date(2060, 1, 1)),
    st.integers(min_value=0, max_value=800),
)
def test_occurrences_lie_within_bounds_in_order_on_working_days(
    rule: Recurring, start: date, length: int
) -> None:
    end = start + timedelta(days=length)
    got = rule.occurrences(start, end)
    assert all(start <= d <= end for d in got)
    assert list(got) == sorted(set(got))
    assert all(CAL.is_working_day(d) for d in got)
    if got:
        assert rule.due(start) == got[0]
    # splitting the window does not change the answer
    mid = start + timedelta(days=length // 2)
    left = rule.occurrences(start, mid)
    right = rule.occurrences(mid + timedelta(days=1), end) if mid < end else ()
    assert left + right == got


def test_first_monday_of_each_month() -> None:
    r = Recurring(freq=Frequency.MONTHLY, weekday=0, nth=1)
    # first Monday of Feb 2026 is 2/2; of Jan 2026 5/1; of Sep 2025 1/9 (a holiday -> 3/9)
    assert r.occurrences(D("2025-09-01"), D("2025-09-30")) == (D("2025-09-03"),)
    assert r.describe("vi") == "hằng tháng, vào thứ Hai đầu tiên"


# --------------------------------------------------------------------------- ReportingPeriod
@pytest.mark.parametrize(
    ("kind", "cutoff", "first_day"),
    [
        (ReportKind.MONTHLY, "2026-05-14", "2026-04-15"),
        (ReportKind.QUARTERLY, "2026-03-14", "2025-12-15"),
        (ReportKind.HALF_YEAR, "2026-06-14", "2025-12-15"),
        (ReportKind.NINE_MONTHS, "2026-09-14", "2025-12-15"),
        (ReportKind.ANNUAL, "2026-12-14", "2025-12-15"),
    ],
)
def test_decree_09_2019_art_12_data_periods(kind: ReportKind, cutoff: str, first_day: str) -> None:
    r = ReportingPeriod(period=kind)
    assert r.data_period(D(cutoff)) == (D(first_day), D(cutoff))
    assert D(cutoff) in r.cutoffs(D("2026-01-01"), D("2026-12-31"))


def test_reporting_submission_offsets() -> None:
    wd = ReportingPeriod(period=ReportKind.QUARTERLY, submit_within=2)
    cd = ReportingPeriod(period=ReportKind.QUARTERLY, submit_within=3, submit_unit=CD)
    none = ReportingPeriod(period=ReportKind.QUARTERLY)
    assert wd.submission_due(D("2026-03-14")) == D("2026-03-17")  # Sat cut-off: Mon, Tue
    assert cd.submission_due(D("2026-03-14")) == D("2026-03-17")
    assert cd.submission_due(D("2026-06-14")) == D("2026-06-17")
    assert none.occurrences(D("2026-01-01"), D("2026-06-30")) == (D("2026-03-14"), D("2026-06-14"))
    assert wd.due(D("2026-03-15")) == D("2026-03-17")  # cut-off before start, deadline after
    monthly = ReportingPeriod(period=ReportKind.MONTHLY, submit_within=2)
    got = monthly.occurrences(D("2026-01-01"), D("2026-12-31"))
    assert len(got) == 12
    assert all(CAL.is_working_day(d) for d in got)
    with pytest.raises(InvalidData, match="cutoff"):
        none.data_period(D("2026-03-15"))


# --------------------------------------------------------------------------- dict form
def _citations() -> st.SearchStrategy[Citation | None]:
    text = st.text(alphabet="ABCĐNQ0123456789/-. ()ếạ", min_size=1, max_size=20).filter(
        lambda s: s.strip() != ""
    )
    return st.none() | st.builds(
        Citation, text, st.none() | text, st.none() | text, st.none() | text
    )


@st.composite
def _validities(draw: st.DrawFn) -> Validity:
    lo = draw(st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 1, 1)))
    hi = draw(st.none() | st.dates(min_value=date(2000, 1, 2), max_value=date(2045, 1, 1)))
    if lo is not None and hi is not None and hi <= lo:
        hi = lo + timedelta(days=1)
    return Validity(valid_from=lo, valid_to=hi)


_common = {"citation": _citations(), "validity": _validities()}
_days = st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 1, 1))


@st.composite
def _recurring(draw: st.DrawFn) -> Recurring:
    freq = draw(st.sampled_from(list(Frequency)))
    kw: dict[str, object] = {"freq": freq, "roll": draw(st.sampled_from(list(Roll)))}
    if freq is Frequency.WEEKLY:
        kw["weekday"] = draw(st.integers(0, 6))
    elif draw(st.booleans()):
        kw["weekday"] = draw(st.integers(0, 6))
        kw["nth"] = draw(st.sampled_from([1, 2, 3, 4, -1]))
    else:
        kw["day"] = draw(st.sampled_from([1, 14, 28, -1]))
    if freq is Frequency.QUARTERLY:
        kw["month"] = draw(st.none() | st.integers(1, 3))
    if freq is Frequency.YEARLY:
        kw["month"] = draw(st.none() | st.integers(1, 12))
    if freq is not Frequency.QUARTERLY and draw(st.booleans()):
        kw["interval"] = draw(st.integers(2, 4))
        kw["anchor"] = draw(_days)
    if draw(st.booleans()):
        kw["until"] = draw(_days)
        if kw.get("anchor") is not None and kw["until"] < kw["anchor"]:  # type: ignore[operator]
            kw["until"] = kw["anchor"]
    kw["sessions"] = draw(st.integers(1, 3))
    return Recurring(**kw, **{k: draw(v) for k, v in _common.items()})  # type: ignore[arg-type]


rules = st.one_of(
    st.builds(Fixed, on=_days, **_common),
    st.builds(
        After,
        st.integers(0, 400),
        st.sampled_from(list(PeriodUnit)),
        of=st.sampled_from(["event", "receipt", "acceptance", "ngày thụ lý"]),
        of_vi=st.none() | st.just("ngày nhận"),
        roll=st.booleans(),
        receipt_cutoff=st.none() | st.times(),
        **_common,
    ),
    _recurring(),
    st.builds(
        ReportingPeriod,
        period=st.sampled_from(list(ReportKind)),
        cutoff_day=st.integers(1, 28),
        submit_within=st.none() | st.integers(0, 30),
        submit_unit=st.sampled_from(list(PeriodUnit)),
        **_common,
    ),
    st.builds(
        Unscheduled,
        duty=st.sampled_from(["receive citizens", "tiếp công dân"]),
        missing=st.sampled_from(["the frequency", "tần suất"]),
        duty_vi=st.none() | st.just("tiếp công dân"),
        missing_vi=st.none() | st.just("tần suất"),
        **_common,
    ),
)


@given(rules)
def test_rule_dict_round_trip(rule: Rule) -> None:
    data = rule.to_dict()
    assert rule_from_dict(data, path="r") == rule
    # through JSON text too (what plan files store)
    assert rule_from_dict(json.loads(json.dumps(data)), path="r") == rule
    assert rule.describe("vi")
    assert rule.describe("en")


def test_statute_reference_in_a_dict() -> None:
    rule = rule_from_dict({"statute": "complaint.first_instance"}, path="tasks[0].deadline")
    assert rule == statute("complaint.first_instance").rule
    old = rule_from_dict(
        {"statute": "complaint.first_instance.accept", "on": "2026-01-01"}, path="x"
    )
    assert isinstance(old, After)
    assert old.n == 10
    with pytest.raises(InvalidData, match=r"tasks\[0\]\.deadline\.statute"):
        rule_from_dict({"statute": "complaint.nope"}, path="tasks[0].deadline")
    with pytest.raises(InvalidData, match=r"x\.unit"):
        rule_from_dict({"statute": "complaint.first_instance", "unit": "days"}, path="x")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"type": "after", "n": 3, "unit": "calendar_days", "colour": "red"}, "p.colour"),
        ({"type": "after", "n": -3, "unit": "calendar_days"}, "p.n"),
        ({"type": "after", "n": "3", "unit": "calendar_days"}, "p.n"),
        ({"type": "after", "n": 3, "unit": "fortnights"}, "p.unit"),
        ({"type": "after", "n": 3}, "p.unit"),
        ({"type": "after", "n": 3, "unit": "weeks", "receipt_cutoff": "5pm"}, "p.receipt_cutoff"),
        ({"type": "sometimes"}, "p.type"),
        ({"n": 3}, "p.type"),
        ({"type": "fixed", "on": "13/06/2022"}, "p.on"),
        ({"type": "fixed", "on": "2022-06-13", "citation": {"doc": "x"}}, "p.citation.doc"),
        (
            {"type": "fixed", "on": "2022-06-13", "citation": {"article": "3"}},
            "p.citation.document",
        ),
        ({"type": "recurring", "freq": "weekly"}, "p.weekday"),
        ({"type": "recurring", "freq": "monthly", "day": 40}, "p.day"),
        ({"type": "recurring", "freq": "monthly", "day": 1, "interval": 2}, "p.anchor"),
        ({"type": "reporting_period", "period": "quarterly", "cutoff_day": 31}, "p.cutoff_day"),
        ({"type": "reporting_period", "period": "weekly"}, "p.period"),
    ],
)
def test_bad_rule_dicts_name_the_offending_key(data: dict[str, object], where: str) -> None:
    with pytest.raises(InvalidData) as info:
        rule_from_dict(data, path="p")
    assert info.value.path == where


def test_inverted_validity_raises_validity_error() -> None:
    data = {
        "type": "fixed",
        "on": "2026-01-01",
        "effective_from": "2026-07-01",
        "effective_to": "2025-07-01",
    }
    with pytest.raises(ValidityError) as info:
        rule_from_dict(data, path="rules[4]")
    assert info.value.path == "rules[4].effective_to"
    with pytest.raises(ValidityError):
        Fixed(
            on=D("2026-01-01"),
            validity=Validity(valid_from=D("2026-07-01"), valid_to=D("2025-07-01")),
        )


def test_rule_constructors_validate() -> None:
    with pytest.raises(InvalidData, match="unit"):
        After(3, "calendar_days")  # type: ignore[arg-type]
    with pytest.raises(InvalidData, match="on"):
        Fixed(on="2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(InvalidData, match="lang"):
        After(3, CD).describe("fr")
    with pytest.raises(InvalidData, match="start"):
        After(3, CD).due("yesterday")
    with pytest.raises(InvalidData, match="end"):
        Recurring(freq=Frequency.WEEKLY, weekday=1).occurrences(D("2026-02-01"), D("2026-01-01"))
    with pytest.raises(InvalidData, match="day"):
        Recurring(freq=Frequency.YEARLY, month=2, day=30)


def test_rule_common_properties() -> None:
    r = Fixed(on=D("2026-03-31"), validity=Validity(valid_from=D("2026-01-01")))
    assert r.effective_from == D("2026-01-01")
    assert r.effective_to is None
    assert r.in_force(D("2026-02-01"))
    assert not r.in_force(D("2025-12-31"))
    assert After(3, CD).validity == ALWAYS
    assert Recurring(freq=Frequency.WEEKLY, weekday=1).is_recurring
    assert ReportingPeriod(period=ReportKind.ANNUAL).is_recurring


def test_citation_text() -> None:
    assert str(Citation("Law 02/2011/QH13", "28")) == "Law 02/2011/QH13, Art 28"
    assert str(Citation("Decree 118/2025/NĐ-CP")) == "Decree 118/2025/NĐ-CP"
    with pytest.raises(InvalidData, match=r"citation\.document"):
        Citation(" ")


# --------------------------------------------------------------------------- catalogue
CONTRACT_KEYS = [
    "citizen_reception.province_chair",
    "citizen_reception.district_chair",
    "citizen_reception.commune_chair",
    "complaint.first_instance",
    "complaint.first_instance.complex",
    "complaint.first_instance.remote",
    "complaint.first_instance.remote_complex",
    "complaint.first_instance.accept",
    "complaint.second_instance",
    "complaint.second_instance.complex",
    "complaint.second_instance.remote",
    "complaint.second_instance.remote_complex",
    "complaint.second_instance.accept",
    "denunciation.screening",
    "denunciation.resolve",
    "denunciation.resolve.complex",
    "denunciation.resolve.especially_complex",
    "information.simple",
    "one_stop.late_result_apology",
    "disclosure.loudspeaker",
    "report.quarterly",
]


@pytest.mark.parametrize("key", CONTRACT_KEYS)
def test_contract_keys_exist_with_a_legal_basis(key: str) -> None:
    s = statute(key)
    assert isinstance(s, Statute)
    assert s.key == key
    assert s.citation.document
    assert s.rule.citation == s.citation
    assert s.rule.validity == s.validity
    assert s.holder
    assert s.title_vi == unicodedata.normalize("NFC", s.title_vi)


@pytest.mark.parametrize(
    ("key", "start", "expected"),
    [
        ("complaint.first_instance", "2026-01-20", "2026-02-23"),
        ("complaint.first_instance.complex", "2026-01-20", "2026-03-06"),
        ("complaint.second_instance.remote_complex", "2026-01-20", "2026-03-31"),
        ("denunciation.screening", "2026-02-12", "2026-03-02"),  # 13/2, then 23/2-2/3
        ("denunciation.resolve.especially_complex", "2026-01-02", "2026-04-02"),
        ("information.simple", "2026-08-27", "2026-09-08"),  # 28/8, 3, 4, 7, 8/9
        ("information.office.simple", "2026-02-14", "2026-02-23"),
        ("disclosure.loudspeaker", "2026-02-12", "2026-02-15"),  # minimum duration: no roll
        ("complaint.limitation", "2026-01-01", "2026-04-01"),
    ],
)
def test_statutory_deadlines(key: str, start: str, expected: str) -> None:
    assert statute(key, on=D(start)).due(D(start)) == D(expected)  # the version of that day


def test_complaint_acceptance_changes_on_2026_07_01() -> None:
    old = statute("complaint.first_instance.accept", on=D("2026-06-30"))
    new = statute("complaint.first_instance.accept", on=D("2026-07-01"))
    assert (old.unit, new.unit) == (WD, WD)
    assert isinstance(old.rule, After)
    assert isinstance(new.rule, After)
    assert (old.rule.n, new.rule.n) == (10, 7)
    assert str(new.citation) == "Decree 155/2026/NĐ-CP, Art 10"
    assert statute("complaint.first_instance.accept") == new  # default: the latest
    assert statute("complaint.second_instance.accept", on="2026-07-01").rule.n == 7  # type: ignore[union-attr]


def test_district_reception_ended_with_the_district_tier() -> None:
    s = statute("citizen_reception.district_chair")
    assert s.effective_to == D("2025-07-01")
    rule = s.rule
    assert isinstance(rule, Recurring)
    assert rule.sessions == 2
    assert rule.occurrences(D("2025-06-01"), D("2025-08-31")) == (D("2025-06-30"),)
    with pytest.raises(NotFound, match="2025-07-01"):
        statute("citizen_reception.district_chair", on=D("2025-07-01"))


def test_unverified_2026_reception_frequencies_are_not_invented() -> None:
    for key in ("citizen_reception.province_chair", "citizen_reception.commune_chair"):
        old = statute(key, on=D("2026-06-30"))
        assert isinstance(old.rule, Recurring)  # unchanged before 2026-07-01
        assert old.effective_to == D("2026-07-01")
        assert "136/2025/QH15" in old.notes
        s = statute(key, on=D("2026-11-25"))
        assert statute(key) == s  # the latest version
        assert s.effective_from == D("2026-07-01")
        assert s.effective_to is None
        assert isinstance(s.rule, Unscheduled)
        assert not s.verified
        assert "frequency" in s.notes
        assert "not verified" in s.notes.lower()
        assert str(s.citation) == "Law 136/2025/QH15"
        assert [c.document for c in s.also] == ["Law 42/2013/QH13", "Decree 154/2026/NĐ-CP"]
        assert s.unit is None
        assert not s.rule.is_recurring
        assert not hasattr(s.rule, "occurrences")
        # the duty is stated, the frequency is not invented
        en = s.rule.describe("en")
        assert "in person" in en
        assert "no delegation to a deputy" in en
        assert "not yet sourced" in en
        assert "per week" not in en
        assert "per month" not in en
        assert "chưa tính được thời hạn" in s.rule.describe("vi")
        with pytest.raises(UnsourcedPeriod) as info:
            s.due(D("2026-11-25"))
        assert info.value.key == key
        assert key in str(info.value)
        assert "not yet sourced" in str(info.value)
        assert isinstance(info.value, NotFound)  # callers catching NotFound keep working
        with pytest.raises(UnsourcedPeriod):
            s.rule.due(D("2026-11-25"))
        with pytest.raises(InvalidData, match="start"):
            s.due("25/11/2026")  # bad input is still reported as such
        # the figures of the draft (2 days per month) are not encoded anywhere
        assert "2 days per month" not in en


def test_unsourced_period_pickles_and_names_the_duty() -> None:
    import pickle

    rule = Unscheduled(duty="receive citizens", missing="the frequency")
    with pytest.raises(UnsourcedPeriod) as info:
        rule.due(D("2026-08-01"))
    err = info.value
    assert err.key is None
    assert err.value == "receive citizens"
    copy = pickle.loads(pickle.dumps(err))
    assert isinstance(copy, UnsourcedPeriod)
    assert str(copy) == str(err)
    keyed = UnsourcedPeriod("receive citizens", "the frequency", key="k.x")
    assert str(pickle.loads(pickle.dumps(keyed))) == str(keyed)
    assert rule_from_dict(rule.to_dict(), path="r") == rule
    with pytest.raises(InvalidData, match=r"r\.missing"):
        rule_from_dict({"type": "unscheduled", "duty": "x"}, path="r")
    with pytest.raises(InvalidData, match="duty"):
        Unscheduled(duty=" ", missing="the frequency")


def test_a_plan_can_refer_to_the_unscheduled_reception_duty() -> None:
    rule = rule_from_dict({"statute": "citizen_reception.commune_chair"}, path="x")
    assert isinstance(rule, Unscheduled)
    old = rule_from_dict(
        {"statute": "citizen_reception.commune_chair", "on": "2026-06-30"}, path="x"
    )
    assert isinstance(old, Recurring)


def test_one_stop_apology_versions_are_marked_unverified() -> None:
    old = statute("one_stop.late_result_apology", on=D("2025-06-30"))
    new = statute("one_stop.late_result_apology", on=D("2025-07-01"))
    assert old.citation.document == "Decree 61/2018/NĐ-CP"
    assert new.citation.document == "Decree 118/2025/NĐ-CP"
    assert old.verified  # art. 19(9), read in the codification (legal-audit W5)
    assert str(old.citation) == "Decree 61/2018/NĐ-CP, Art 19(9)"
    assert not new.verified
    assert "not verified" in new.notes
    # Decree 61/2018 art. 19(9): at the latest 1 day before the due date, never moved later
    assert old.due(D("2025-06-20")) == D("2025-06-19")
    assert old.due(D("2025-02-03")) == D("2025-02-02")  # a Sunday: counted back, not rolled
    # the apology must come before the appointed date: a day off never moves it later
    assert new.due(D("2026-02-16")) == D("2026-02-16")  # Tết
    assert new.due(D("2026-03-05")) == D("2026-03-05")


def test_resolution_unit_is_configurable() -> None:
    s = statute("denunciation.resolve")
    assert s.unit is CD
    wd = s.with_unit(WD)
    assert wd.unit is WD
    assert wd.due(D("2026-01-02")) == CAL.add_working_days(D("2026-01-02"), 30)
    with pytest.raises(InvalidData, match="unit"):
        statute("report.quarterly").with_unit(WD)


def test_unknown_statute_suggests_close_keys() -> None:
    with pytest.raises(NotFound) as info:
        statute("complaint.first_instanse")
    assert "complaint.first_instance" in info.value.closest


def test_catalogue_is_ordered_versions_with_disjoint_validity() -> None:
    everything = statutes()
    assert len(everything) >= 40
    keys = [s.key for s in everything]
    assert keys == sorted(keys)
    by_key: dict[str, list[Statute]] = {}
    for s in everything:
        by_key.setdefault(s.key, []).append(s)
    for versions in by_key.values():
        for a, b in itertools.pairwise(versions):
            assert not a.validity.overlaps(b.validity)
    for s in everything:
        assert s.rule.to_dict()  # serialisable
        assert rule_from_dict(s.rule.to_dict(), path=s.key) == s.rule


def test_catalogue_data_is_nfc_and_every_entry_cites_its_source() -> None:
    raw = resources.files("papi").joinpath("data", "statutes.json").read_text("utf-8")
    assert raw == unicodedata.normalize("NFC", raw)
    data = json.loads(raw)
    for entry in data["statutes"]:
        assert entry["citation"]["document"]
        assert isinstance(entry["verified"], bool)
        if not entry["verified"]:
            assert entry["notes"]


def test_catalogue_validation_reports_every_problem() -> None:
    good = {
        "key": "x.y",
        "title_vi": "X",
        "title_en": "X",
        "holder": "someone",
        "rule": {"type": "after", "n": 1, "unit": "calendar_days"},
        "citation": {"document": "Law 1/2000/QH10"},
        "effective_from": "2020-01-01",
        "verified": True,
    }
    bad_rule = {**good, "key": "x.z", "rule": {"type": "after", "n": 1, "unit": "eons"}}
    overlapping = {**good, "effective_from": "2021-01-01"}
    with pytest.raises(InvalidData) as info:
        build_index(
            {"schema": 1, "statutes": [good, bad_rule, overlapping, {"key": "x"}]}, source="t"
        )
    paths = [p.path for p in info.value.problems]
    assert "t.statutes[1].rule.unit" in paths
    assert "t.statutes[2]" in paths
    assert any(p.startswith("t.statutes[3]") for p in paths)


# --------------------------------------------------------------------------- issue 12, 9
@pytest.mark.parametrize("count", [0, -1])
def test_recurring_count_below_one_is_rejected(count: int) -> None:
    anchor = D("2026-01-05")
    with pytest.raises(InvalidData) as info:
        Recurring(freq=Frequency.WEEKLY, weekday=0, anchor=anchor, count=count)
    assert info.value.path == "count"
    data = {"type": "recurring", "freq": "weekly", "weekday": 0, "anchor": "2026-01-05"}
    with pytest.raises(InvalidData) as info:
        rule_from_dict({**data, "count": count}, path="p")
    assert info.value.path == "p.count"
    assert (
        len(
            Recurring(freq=Frequency.WEEKLY, weekday=0, anchor=anchor, count=1).occurrences(
                anchor, D("2026-12-31")
            )
        )
        == 1
    )


@pytest.mark.parametrize("kind", [[], {}, 3, None])
def test_a_rule_type_that_is_not_a_name_is_invalid_data(kind: object) -> None:
    with pytest.raises(InvalidData) as info:
        rule_from_dict({"type": kind}, path="p")
    assert info.value.path == "p.type"


def test_the_rules_package_has_no_import_cycle() -> None:
    import ast
    from pathlib import Path

    import papi.rules

    folder = Path(papi.rules.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        if path.stem == "__init__":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {
            node.module.split(".")[2]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("papi.rules.")
        }
    done: list[str] = []
    while graph:  # peel off modules that import only modules already peeled
        ready = sorted(m for m, deps in graph.items() if deps <= set(done))
        assert ready, f"import cycle among {sorted(graph)}"
        for m in ready:
            done.append(m)
            del graph[m]
    assert done.index("serial") < done.index("model") < done.index("catalogue")
