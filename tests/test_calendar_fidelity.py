"""The calendar against the legal audit (December 2026), the packaged table against its generator,
and the ends of the table.

Every expectation of audit items W1-W6 is here with the audit's own values
(/work/shared/reference/legal-audit.md, section 1).
"""

from __future__ import annotations

import importlib.util
import threading
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType

import pytest

from papi.calendar import (
    DAY_OFF,
    FIRST_TRUSTED_YEAR,
    MAX_YEAR,
    MIN_YEAR,
    WORKING_DAY,
    VietnamCalendar,
    default_calendar,
    sourced_overrides,
)
from papi.errors import CoverageError
from papi.rules import PeriodUnit, Unscheduled, UnsourcedPeriod, period_end, statute, statutes

ROOT = Path(__file__).resolve().parents[1]
CAL = default_calendar()
D = date.fromisoformat


# --------------------------------------------------------------------------- W1-W3: the 2026 swap
def test_w1_friday_2_january_2026_is_a_day_off() -> None:
    assert CAL.is_working_day(date(2026, 1, 2)) is False
    assert not CAL.is_estimated(date(2026, 1, 2))
    assert "12729/VPCP-KGVX" in (CAL.holiday_name(date(2026, 1, 2)) or "")
    assert "12729/VPCP-KGVX" in (CAL.holiday_name(date(2026, 1, 2), lang="en") or "")


def test_w2_saturday_10_january_2026_is_worked() -> None:
    cal = default_calendar()
    assert cal.is_working_day(date(2026, 1, 10)) is True
    assert [d.day for d in cal.working_days(date(2025, 12, 31), date(2026, 1, 10))] == [
        5,
        6,
        7,
        8,
        9,
        10,
    ]
    assert cal.add_working_days(date(2026, 1, 1), 5) == date(2026, 1, 9)
    assert CAL.holiday_name(date(2026, 1, 10)) is None
    # the four days off of the dispatch: Thu 1/1 to Sun 4/1
    assert [CAL.is_working_day(date(2026, 1, d)) for d in range(1, 6)] == [
        False,
        False,
        False,
        False,
        True,
    ]


def test_w3_the_swap_is_a_sourced_override_with_its_citation_in_data() -> None:
    by_day = {o.day: o for o in sourced_overrides()}
    assert set(by_day) == {date(2026, 1, 2), date(2026, 1, 10)}
    assert by_day[date(2026, 1, 2)].kind is DAY_OFF
    assert by_day[date(2026, 1, 10)].kind is WORKING_DAY
    for o in by_day.values():
        assert o.notice == "Công văn 12729/VPCP-KGVX (25/12/2025)"
        assert o.note
    data = (ROOT / "src" / "papi" / "data" / "calendar_vn.json").read_text("utf-8")
    assert data.count("12729/VPCP-KGVX") >= 2
    assert "dantri.com.vn" in data  # a source a reader can open
    # 2026 is vouched for again, now that it matches
    assert CAL.covered == (date(FIRST_TRUSTED_YEAR, 1, 1), date(2026, 12, 31))
    assert not CAL.is_estimated(date(2026, 1, 10))
    # the user's overrides are still theirs alone
    assert CAL.overrides == ()


# --------------------------------------------------------------------------- W4: across 1-10 Jan 2026
def test_w4_deadlines_that_cross_the_2026_new_year_swap() -> None:
    assert statute("complaint.first_instance").due(date(2025, 12, 3)) == date(2026, 1, 5)
    assert statute("denunciation.screening").due(date(2025, 12, 29)) == date(2026, 1, 9)
    online = statute("information.online.simple", on=date(2025, 12, 30))
    assert online.due(date(2025, 12, 30)) == date(2026, 1, 6)
    assert statute("disclosure.timing").due(date(2025, 12, 31)) == date(2026, 1, 9)
    assert period_end(date(2025, 12, 3), 30, PeriodUnit.CALENDAR_DAYS) == date(2026, 1, 5)


# --------------------------------------------------------------------------- W5, W6: statutes
def test_w5_one_stop_apology_is_due_one_day_before_the_due_date() -> None:
    s = statute("one_stop.late_result_apology", on=date(2025, 6, 30))
    assert s.due(date(2025, 6, 20)) == date(2025, 6, 19)
    assert s.citation.document == "Decree 61/2018/NĐ-CP"
    assert s.citation.article == "19(9)"
    assert s.verified


def test_w6_law_104_2016_periods_end_when_the_revised_law_enters_into_force() -> None:
    keys = sorted({s.key for s in statutes() if s.key.startswith("information.")})
    assert len(keys) == 10
    for key in keys:
        old = statute(key, on=date(2026, 8, 31))
        assert old.effective_to == date(2026, 9, 1)
        assert old.citation.document == "Law 104/2016/QH13"
        new = statute(key, on=date(2026, 9, 1))
        assert new.effective_from == date(2026, 9, 1)
        assert isinstance(new.rule, Unscheduled)
        assert not new.verified
        assert "not read" in new.notes
        with pytest.raises(UnsourcedPeriod, match=key.replace(".", r"\.")):
            new.due(date(2026, 9, 1))
    assert statute("information.simple", on=date(2026, 8, 31)).effective_to == date(2026, 9, 1)


# --------------------------------------------------------------------------- the packaged table
def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_calendar", ROOT / "tools/build_calendar.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_packaged_table_is_what_the_script_generates() -> None:
    tool = _generator()
    packaged = (ROOT / "src" / "papi" / "data" / "calendar_vn.json").read_text("utf-8")
    assert packaged == tool.generate(), "run: python tools/build_calendar.py"
    assert tool.FIRST_TRUSTED_YEAR == FIRST_TRUSTED_YEAR
    assert (tool.FIRST_YEAR, tool.LAST_YEAR) == (MIN_YEAR, MAX_YEAR)


def test_queries_do_not_import_holidays() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; from papi.calendar import VietnamCalendar;"
        "c = VietnamCalendar(); c.add_working_days(date(2026, 1, 1), 5);"
        "c.holiday_name(date(2026, 11, 24), lang='en'); c.working_days_between(date(2026,1,1), "
        "date(2027,1,1)); print('holidays' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- the ends of the table
def _walk(cal: VietnamCalendar, d: date, n: int) -> date:
    day = d
    while n:
        day += timedelta(days=1)
        n -= cal.is_working_day(day)
    return day


def test_regression_add_working_days_at_the_old_table_end_on_a_fresh_calendar() -> None:
    """The mutant ``>=`` -> ``>`` at the old table's end made this raise IndexError."""
    fresh = VietnamCalendar()
    expected = _walk(fresh, date(2043, 12, 31), 250)
    assert VietnamCalendar().add_working_days(date(2043, 12, 31), 250) == expected
    assert expected == date(2045, 1, 3)  # 2 January 2045 is New Year observed
    assert VietnamCalendar().working_days_between(date(2043, 12, 31), expected) == 250
    assert VietnamCalendar().subtract_working_days(expected, 250) == date(2043, 12, 31)


def test_the_last_and_first_working_days_of_the_table_and_one_beyond() -> None:
    cal = VietnamCalendar()
    last = cal.roll_backward(date(MAX_YEAR, 12, 31))
    before_last = cal.subtract_working_days(last, 1)
    assert cal.add_working_days(before_last, 1) == last
    assert cal.next_working_day(before_last) == last
    with pytest.raises(CoverageError, match=str(MAX_YEAR)):
        cal.add_working_days(last, 1)
    with pytest.raises(CoverageError, match=str(MAX_YEAR)):
        cal.add_working_days(before_last, 2)
    with pytest.raises(CoverageError):
        cal.next_working_day(last)
    for outside in (date(MAX_YEAR + 1, 1, 1), date(MIN_YEAR - 1, 12, 31)):
        with pytest.raises(CoverageError, match=outside.isoformat()):
            cal.add_working_days(outside, 1)
        with pytest.raises(CoverageError, match=outside.isoformat()):
            cal.is_working_day(outside)
    first = cal.roll_forward(date(MIN_YEAR, 1, 1))
    second = cal.add_working_days(first, 1)
    assert cal.subtract_working_days(second, 1) == first
    with pytest.raises(CoverageError, match=str(MIN_YEAR)):
        cal.subtract_working_days(first, 1)
    with pytest.raises(CoverageError, match=str(MIN_YEAR)):
        cal.subtract_working_days(second, 2)
    assert cal.working_days_between(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)) == (
        len(cal.working_days(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)))
    )
    with pytest.raises(CoverageError):
        cal.working_days_between(date(MIN_YEAR - 1, 12, 31), date(2026, 1, 1))
    with pytest.raises(CoverageError):
        cal.working_days_between(date(2026, 1, 1), date(MAX_YEAR + 1, 1, 1))


def test_first_use_from_many_threads_builds_one_table() -> None:
    from papi.calendar import Override

    o = Override(date(2031, 5, 5), kind=DAY_OFF, notice="TEST-THREADS")
    cals = [VietnamCalendar([o]) for _ in range(8)]
    answers: list[tuple[date, int]] = []
    barrier = threading.Barrier(8)

    def work(cal: VietnamCalendar) -> None:
        barrier.wait()
        end = cal.add_working_days(date(2031, 5, 1), 3)
        answers.append((end, cal.working_days_between(date(2031, 5, 1), end)))

    threads = [threading.Thread(target=work, args=(c,)) for c in cals]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [(date(2031, 5, 7), 3)] * 8  # 1/5 holiday, 5/5 overridden: 2, 6, 7
    assert len({id(c._table) for c in cals}) == 1  # one shared table for equal overrides
