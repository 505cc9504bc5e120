"""Every statute version pinned to the law: key, validity, rule, n, unit, roll, citation, and
one due date from a start on a working day.

The figures come from the law texts as read in /work/shared/reference/deadline-rules.md (section
A3, rows named in the comments) and legal-audit.md (W5, W6), not from statutes.json: changing
any figure of any entry (n to n+1, a unit, a roll, an article, a validity day) fails here. The
due dates were computed independently (a day-by-day walk over ``holidays.VN`` plus the sourced
2026 New Year swap) and agree with papi.
"""

from __future__ import annotations

from datetime import date

import pytest

from papi.calendar import default_calendar
from papi.rules import (
    After,
    Frequency,
    PeriodUnit,
    Recurring,
    ReportingPeriod,
    ReportKind,
    Roll,
    Unscheduled,
    UnsourcedPeriod,
    statute,
    statutes,
)

D = date.fromisoformat
CAL = default_calendar()
CAL_D, WD = "calendar_days", "working_days"
L02, L25, L104, L10 = (
    "Law 02/2011/QH13",
    "Law 25/2018/QH14",
    "Law 104/2016/QH13",
    "Law 10/2022/QH15",
)
L42, L136 = "Law 42/2013/QH13", "Law 136/2025/QH15"
D155, D61, D118, D09 = (
    "Decree 155/2026/NĐ-CP",
    "Decree 61/2018/NĐ-CP",
    "Decree 118/2025/NĐ-CP",
    "Decree 09/2019/NĐ-CP",
)
NEW104 = "Luật Tiếp cận thông tin (sửa đổi) 2026"

# (key, effective_from, effective_to, rule, document, article, start, due)
# rule: ("after", n, unit, roll, before) | ("recurring", freq, day, weekday, sessions)
#       | ("report", kind) | ("unscheduled",)
PINS: list[tuple[str, str, str | None, tuple[object, ...], str, str | None, str, str | None]] = [
    # citizen reception, Law 42/2013 (rows 1-4); Law 136/2025 frequency unsourced from 2026-07-01
    ("citizen_reception.province_chair", "2014-07-01", "2026-07-01",
     ("recurring", "monthly", -1, None, 1), L42, "12(5)", "2026-03-02", "2026-03-31"),
    ("citizen_reception.province_chair", "2026-07-01", None,
     ("unscheduled",), L136, None, "2026-09-03", None),
    ("citizen_reception.district_chair", "2014-07-01", "2025-07-01",
     ("recurring", "monthly", -1, None, 2), L42, "13(5)", "2025-03-03", "2025-03-31"),
    ("citizen_reception.commune_chair", "2014-07-01", "2026-07-01",
     ("recurring", "weekly", None, 6, 1), L42, "15(2)(d)", "2026-03-02", "2026-03-06"),
    ("citizen_reception.commune_chair", "2026-07-01", None,
     ("unscheduled",), L136, None, "2026-09-03", None),
    # complaints, Law 02/2011 (rows 5-10) and Decree 155/2026 art. 10 (7 wd from 2026-07-01)
    ("complaint.limitation", "2012-07-01", None,
     ("after", 90, CAL_D, True, False), L02, "9", "2026-03-02", "2026-06-01"),
    ("complaint.first_instance.accept", "2012-07-01", "2026-07-01",
     ("after", 10, WD, True, False), L02, "27", "2026-03-02", "2026-03-16"),
    ("complaint.first_instance.accept", "2026-07-01", None,
     ("after", 7, WD, True, False), D155, "10", "2026-09-03", "2026-09-14"),
    ("complaint.first_instance", "2012-07-01", None,
     ("after", 30, CAL_D, True, False), L02, "28", "2026-03-02", "2026-04-01"),
    ("complaint.first_instance.complex", "2012-07-01", None,
     ("after", 45, CAL_D, True, False), L02, "28", "2026-03-02", "2026-04-16"),
    ("complaint.first_instance.remote", "2012-07-01", None,
     ("after", 45, CAL_D, True, False), L02, "28", "2026-03-02", "2026-04-16"),
    ("complaint.first_instance.remote_complex", "2012-07-01", None,
     ("after", 60, CAL_D, True, False), L02, "28", "2026-03-02", "2026-05-04"),
    ("complaint.second_instance.filing", "2012-07-01", None,
     ("after", 30, CAL_D, True, False), L02, "33", "2026-03-02", "2026-04-01"),
    ("complaint.second_instance.filing.remote", "2012-07-01", None,
     ("after", 45, CAL_D, True, False), L02, "33", "2026-03-02", "2026-04-16"),
    ("complaint.second_instance.accept", "2012-07-01", "2026-07-01",
     ("after", 10, WD, True, False), L02, "36(1)", "2026-03-02", "2026-03-16"),
    ("complaint.second_instance.accept", "2026-07-01", None,
     ("after", 7, WD, True, False), D155, "10", "2026-09-03", "2026-09-14"),
    ("complaint.second_instance", "2012-07-01", None,
     ("after", 45, CAL_D, True, False), L02, "37", "2026-03-02", "2026-04-16"),
    ("complaint.second_instance.complex", "2012-07-01", None,
     ("after", 60, CAL_D, True, False), L02, "37", "2026-03-02", "2026-05-04"),
    ("complaint.second_instance.remote", "2012-07-01", None,
     ("after", 60, CAL_D, True, False), L02, "37", "2026-03-02", "2026-05-04"),
    ("complaint.second_instance.remote_complex", "2012-07-01", None,
     ("after", 70, CAL_D, True, False), L02, "37", "2026-03-02", "2026-05-11"),
    # denunciations, Law 25/2018 (rows 11-14)
    ("denunciation.screening", "2019-01-01", None,
     ("after", 7, WD, True, False), L25, "24(1)", "2026-03-02", "2026-03-11"),
    ("denunciation.screening.extended", "2019-01-01", None,
     ("after", 10, WD, True, False), L25, "24(1)", "2026-03-02", "2026-03-16"),
    ("denunciation.forward", "2019-01-01", None,
     ("after", 5, WD, True, False), L25, "24(2)", "2026-03-02", "2026-03-09"),
    ("denunciation.notify", "2019-01-01", None,
     ("after", 5, WD, True, False), L25, "29(3)", "2026-03-02", "2026-03-09"),
    ("denunciation.resolve", "2019-01-01", None,
     ("after", 30, CAL_D, True, False), L25, "30", "2026-03-02", "2026-04-01"),
    ("denunciation.resolve.complex", "2019-01-01", None,
     ("after", 60, CAL_D, True, False), L25, "30", "2026-03-02", "2026-05-04"),
    ("denunciation.resolve.especially_complex", "2019-01-01", None,
     ("after", 90, CAL_D, True, False), L25, "30", "2026-03-02", "2026-06-01"),
    # access to information, Law 104/2016 (rows 15-17b) until 2026-08-31; revised law (W6)
    ("information.simple", "2018-07-01", "2026-09-01",
     ("after", 5, WD, True, False), L104, "31(1)", "2026-03-02", "2026-03-09"),
    ("information.complex.notify", "2018-07-01", "2026-09-01",
     ("after", 3, WD, True, False), L104, "31(2)", "2026-03-02", "2026-03-05"),
    ("information.complex", "2018-07-01", "2026-09-01",
     ("after", 15, WD, True, False), L104, "31(2)", "2026-03-02", "2026-03-23"),
    ("information.office.simple", "2018-07-01", "2026-09-01",
     ("after", 0, WD, True, False), L104, "29", "2026-03-02", "2026-03-02"),
    ("information.office.complex", "2018-07-01", "2026-09-01",
     ("after", 10, WD, True, False), L104, "29", "2026-03-02", "2026-03-16"),
    ("information.online.simple", "2018-07-01", "2026-09-01",
     ("after", 3, WD, True, False), L104, "30", "2026-03-02", "2026-03-05"),
    ("information.online.complex.notify", "2018-07-01", "2026-09-01",
     ("after", 3, WD, True, False), L104, "30", "2026-03-02", "2026-03-05"),
    ("information.online.complex", "2018-07-01", "2026-09-01",
     ("after", 15, WD, True, False), L104, "30", "2026-03-02", "2026-03-23"),
    ("information.correction", "2018-07-01", "2026-09-01",
     ("after", 5, WD, True, False), L104, "32", "2026-03-02", "2026-03-09"),
    ("information.correction.dispute", "2018-07-01", "2026-09-01",
     ("after", 15, CAL_D, True, False), L104, "32", "2026-03-02", "2026-03-17"),
    *(
        (key, "2026-09-01", None, ("unscheduled",), NEW104, None, "2026-09-03", None)
        for key in (
            "information.simple",
            "information.complex.notify",
            "information.complex",
            "information.office.simple",
            "information.office.complex",
            "information.online.simple",
            "information.online.complex.notify",
            "information.online.complex",
            "information.correction",
            "information.correction.dispute",
        )
    ),
    # one-stop shop (row 19; W5: Decree 61/2018 art. 19(9), at the latest 1 day before)
    ("one_stop.late_result_apology", "2018-06-21", "2025-07-01",
     ("after", 1, CAL_D, False, True), D61, "19(9)", "2025-03-03", "2025-03-02"),
    ("one_stop.late_result_apology", "2025-07-01", None,
     ("after", 0, CAL_D, False, False), D118, None, "2026-03-02", "2026-03-02"),
    # grassroots democracy, Law 10/2022 (rows 23-24)
    ("disclosure.timing", "2023-07-01", None,
     ("after", 5, WD, True, False), L10, "12(3)", "2026-03-02", "2026-03-09"),
    ("disclosure.loudspeaker", "2023-07-01", None,
     ("after", 3, CAL_D, False, False), L10, "13", "2026-03-02", "2026-03-05"),
    ("disclosure.posting", "2023-07-01", None,
     ("after", 30, CAL_D, False, False), L10, "13(2)", "2026-03-02", "2026-04-01"),
    # periodic reports, Decree 09/2019 art. 12 (row 20): data cut-off on the 14th
    ("report.monthly", "2019-03-12", None, ("report", "monthly"), D09, "12", "2026-03-02",
     "2026-03-14"),
    ("report.quarterly", "2019-03-12", None, ("report", "quarterly"), D09, "12", "2026-03-02",
     "2026-03-14"),
    ("report.half_year", "2019-03-12", None, ("report", "half_year"), D09, "12", "2026-03-02",
     "2026-06-14"),
    ("report.nine_months", "2019-03-12", None, ("report", "nine_months"), D09, "12", "2026-03-02",
     "2026-09-14"),
    ("report.annual", "2019-03-12", None, ("report", "annual"), D09, "12", "2026-03-02",
     "2026-12-14"),
]  # fmt: skip


def test_every_version_of_every_statute_is_pinned_once() -> None:
    pinned = [(key, D(lo)) for key, lo, *_ in PINS]
    assert len(pinned) == len(set(pinned))
    assert sorted(pinned) == sorted((s.key, s.effective_from) for s in statutes())


@pytest.mark.parametrize(
    ("key", "lo", "hi", "rule", "document", "article", "start", "due"),
    PINS,
    ids=[f"{p[0]}@{p[1]}" for p in PINS],
)
def test_statute_is_pinned_to_the_law(
    key: str,
    lo: str,
    hi: str | None,
    rule: tuple[object, ...],
    document: str,
    article: str | None,
    start: str,
    due: str | None,
) -> None:
    day = D(start)
    assert CAL.is_working_day(day), "each case starts on a working day"
    s = statute(key, on=day)
    assert s.effective_from == D(lo)
    assert s.effective_to == (None if hi is None else D(hi))
    assert (s.citation.document, s.citation.article) == (document, article)
    assert s.rule.citation == s.citation
    kind, *fields = rule
    if kind == "after":
        n, unit, roll, before = fields
        assert isinstance(s.rule, After)
        assert (s.rule.n, s.rule.unit, s.rule.roll, s.rule.before) == (
            n,
            PeriodUnit(unit),
            roll,
            before,
        )
        assert s.rule.receipt_cutoff is None  # no statute sets a time-of-day cut-off
    elif kind == "recurring":
        freq, month_day, weekday, sessions = fields
        assert isinstance(s.rule, Recurring)
        assert (s.rule.freq, s.rule.day, s.rule.weekday, s.rule.sessions, s.rule.roll) == (
            Frequency(freq),
            month_day,
            weekday,
            sessions,
            Roll.BACKWARD,  # "at least N per period": by the period's last working day
        )
    elif kind == "report":
        assert isinstance(s.rule, ReportingPeriod)
        assert (s.rule.period, s.rule.cutoff_day, s.rule.submit_within) == (
            ReportKind(fields[0]),
            14,
            None,
        )
    else:
        assert isinstance(s.rule, Unscheduled)
        assert not s.verified
        with pytest.raises(UnsourcedPeriod):
            s.due(day)
        return
    assert due is not None
    assert s.due(day) == D(due)
