"""The rules' error contract, case by case, where issue 12's mutation runs found that a
path, a message or a value could change unnoticed: the checks of :class:`Recurring`, the
catalogue's own validation (:func:`build_index` over the real ``statutes.json`` entries with
one defect each), :meth:`Statute.with_unit`, :func:`citation_vi`, the argument names of
:meth:`ReportingPeriod.cutoffs`, :class:`UnsourcedPeriod` and the horizon of ``due``."""

from __future__ import annotations

import copy
import json
from datetime import date, time
from importlib import resources
from typing import Any

import pytest

from papi.calendar import DAY_OFF, Override, VietnamCalendar
from papi.errors import CoverageError, InvalidData, NotFound, PapiError
from papi.rules import (
    After,
    Fixed,
    Frequency,
    PeriodUnit,
    Recurring,
    ReportingPeriod,
    ReportKind,
    UnsourcedPeriod,
    citation_vi,
    rule_from_dict,
    statute,
)
from papi.rules.catalogue import build_index

# ---- Recurring: every refusal names its field and value -------------------------------------

BAD_RECURRING: list[tuple[dict[str, Any], str]] = [
    ({"freq": Frequency.MONTHLY, "day": 1, "sessions": 0}, "sessions: must be >= 1 (value: 0)"),
    (
        {"freq": Frequency.WEEKLY, "weekday": 0, "nth": 1},
        "nth: not allowed in a weekly rule (value: 1)",
    ),
    (
        {"freq": Frequency.WEEKLY, "weekday": 0, "day": 3},
        "day: not allowed in a weekly rule (value: 3)",
    ),
    (
        {"freq": Frequency.WEEKLY, "weekday": 0, "month": 2},
        "month: not allowed in a weekly rule (value: 2)",
    ),
    ({"freq": Frequency.MONTHLY}, "day: give either day or weekday (with nth)"),
    (
        {"freq": Frequency.MONTHLY, "day": 3, "weekday": 1, "nth": 1},
        "day: give either day or weekday (with nth) (value: 3)",
    ),
    ({"freq": Frequency.MONTHLY, "weekday": 1}, "nth: a monthly weekday needs nth (1..5 or -1)"),
    (
        {"freq": Frequency.MONTHLY, "weekday": 1, "nth": 6},
        "nth: must be 1..5 or -1, with a weekday (value: 6)",
    ),
    (
        {"freq": Frequency.MONTHLY, "weekday": 1, "nth": 0},
        "nth: must be 1..5 or -1, with a weekday (value: 0)",
    ),
    (
        {"freq": Frequency.MONTHLY, "day": 5, "nth": 1},
        "nth: must be 1..5 or -1, with a weekday (value: 1)",
    ),
    ({"freq": Frequency.MONTHLY, "day": 32}, "day: must be 1..31 or -1 (last day) (value: 32)"),
    ({"freq": Frequency.MONTHLY, "day": 0}, "day: must be 1..31 or -1 (last day) (value: 0)"),
    ({"freq": Frequency.MONTHLY, "day": -2}, "day: must be 1..31 or -1 (last day) (value: -2)"),
    (
        {"freq": Frequency.QUARTERLY, "day": 1, "month": 4},
        "month: must be 1..3 (month of the quarter) (value: 4)",
    ),
    (
        {"freq": Frequency.QUARTERLY, "day": 1, "month": 0},
        "month: must be 1..3 (month of the quarter) (value: 0)",
    ),
    (
        {"freq": Frequency.QUARTERLY, "day": 1, "interval": 2, "anchor": date(2026, 1, 1)},
        "interval: quarterly rules take interval 1 (value: 2)",
    ),
    ({"freq": Frequency.YEARLY, "day": 1, "month": 13}, "month: must be 1..12 (value: 13)"),
    ({"freq": Frequency.YEARLY, "day": 1, "month": 0}, "month: must be 1..12 (value: 0)"),
    (
        {"freq": Frequency.MONTHLY, "day": 1, "month": 2},
        "month: not allowed in a monthly rule (value: 2)",
    ),
    ({"freq": Frequency.MONTHLY, "day": "1"}, "day: must be an int (value: '1')"),
    ({"freq": Frequency.MONTHLY, "day": 1, "count": True}, "count: must be an int (value: True)"),
    ({"freq": Frequency.MONTHLY, "day": 1, "interval": 0}, "interval: must be >= 1 (value: 0)"),
    (
        {"freq": Frequency.WEEKLY, "weekday": 7},
        "weekday: must be 0 (Monday) to 6 (Sunday) (value: 7)",
    ),
    (
        {"freq": Frequency.WEEKLY, "weekday": -1},
        "weekday: must be 0 (Monday) to 6 (Sunday) (value: -1)",
    ),
]


@pytest.mark.parametrize(("kwargs", "text"), BAD_RECURRING, ids=[t for _, t in BAD_RECURRING])
def test_each_bad_recurring_rule_names_its_field_and_value(
    kwargs: dict[str, Any], text: str
) -> None:
    with pytest.raises(InvalidData) as err:
        Recurring(**kwargs)
    assert type(err.value) is InvalidData
    assert str(err.value) == text


@pytest.mark.parametrize(
    "kwargs",
    [
        {"freq": Frequency.MONTHLY, "day": 31},
        {"freq": Frequency.MONTHLY, "day": -1},
        {"freq": Frequency.MONTHLY, "weekday": 6, "nth": 5},
        {"freq": Frequency.MONTHLY, "weekday": 0, "nth": -1},
        {"freq": Frequency.QUARTERLY, "day": 1, "month": 3},
        {"freq": Frequency.QUARTERLY, "day": 1, "month": 1},
        {"freq": Frequency.YEARLY, "day": 31, "month": 12},
        {"freq": Frequency.YEARLY, "day": 29, "month": 2},  # 2028-02-29
        {"freq": Frequency.WEEKLY, "weekday": 6, "sessions": 1},
        {"freq": Frequency.WEEKLY, "weekday": 0, "count": 1, "anchor": date(2026, 1, 5)},
    ],
)
def test_the_edges_of_each_range_are_accepted(kwargs: dict[str, Any]) -> None:
    rule = Recurring(**kwargs)
    assert rule.occurrences(date(2026, 1, 1), date(2028, 12, 31))


def test_a_series_ended_long_ago_has_no_next_occurrence_not_a_coverage_error() -> None:
    """``due`` looks ahead horizon by horizon up to the end of 2099 (the calendar's table
    ends with 2100): a series that ended in 2030 has no occurrence after 2031, which is a
    NotFound, never a CoverageError from looking past the table."""
    rule = Recurring(freq=Frequency.YEARLY, month=1, day=15, until=date(2030, 12, 31))
    assert rule.due(date(2029, 6, 1)) == date(2030, 1, 15)
    with pytest.raises(PapiError) as err:
        rule.due(date(2031, 1, 1))
    assert type(err.value) is NotFound
    assert not isinstance(err.value, CoverageError)
    assert str(err.value).startswith("unknown occurrence '2031-01-01' of rule ")


# ---- ReportingPeriod, UnsourcedPeriod, Statute.with_unit, citation_vi -----------------------


def test_cutoffs_names_the_argument_that_is_wrong() -> None:
    rule = ReportingPeriod(period=ReportKind.QUARTERLY)
    with pytest.raises(InvalidData) as err:
        rule.cutoffs(date(2026, 1, 1), "2026-13-01")
    assert err.value.path == "end"
    assert err.value.value == "2026-13-01"
    assert rule.cutoffs(date(2026, 1, 1), "2026-12-31") == (
        date(2026, 3, 14),
        date(2026, 6, 14),
        date(2026, 9, 14),
        date(2026, 12, 14),
    )


def test_an_unsourced_period_without_a_key_says_what_is_missing() -> None:
    err = UnsourcedPeriod("receive citizens", "the frequency")
    assert str(err) == (
        "unknown deadline 'receive citizens' (no computable deadline: the frequency is not "
        "yet sourced)"
    )
    assert (err.what, err.value, err.key) == ("deadline", "receive citizens", None)
    keyed = UnsourcedPeriod("receive citizens", "the frequency", key="k")
    assert str(keyed) == (
        "unknown deadline 'k' (the duty applies: receive citizens; no computable deadline: "
        "the frequency is not yet sourced)"
    )


def test_with_unit_refuses_a_rule_without_a_unit_and_a_unit_that_is_not_one() -> None:
    reception = statute("citizen_reception.commune_chair", on=date(2026, 6, 30))
    with pytest.raises(InvalidData) as err:
        reception.with_unit(PeriodUnit.WORKING_DAYS)
    assert str(err.value) == (
        "unit: only a period rule (After) has a unit (value: 'citizen_reception.commune_chair')"
    )
    with pytest.raises(InvalidData) as err:
        statute("complaint.first_instance").with_unit("working_days")  # type: ignore[arg-type]
    assert str(err.value) == "unit: must be a PeriodUnit (value: 'working_days')"


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Law 42/2013/QH13, Art 15(2)(d)", "Luật 42/2013/QH13, điểm d khoản 2 Điều 15"),
        ("Law 02/2011/QH13, Art 28", "Luật 02/2011/QH13, Điều 28"),
        ("Decree 155/2026/NĐ-CP, Art 10", "Nghị định 155/2026/NĐ-CP, Điều 10"),
        ("Decision 1234/QĐ-UBND, Appendix II", "Quyết định 1234/QĐ-UBND, Phụ lục II"),
        ("Law 72/2025/QH15 art. 51(3)", "Luật 72/2025/QH15, khoản 3 Điều 51"),
    ],
)
def test_citation_vi_writes_the_article_in_vietnamese(english: str, vietnamese: str) -> None:
    assert citation_vi(english) == vietnamese


# ---- the catalogue's own validation, over the real entries ----------------------------------


def _catalogue() -> dict[str, Any]:
    text = resources.files("papi").joinpath("data", "statutes.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _entry(key: str) -> dict[str, Any]:
    (entry,) = [e for e in _catalogue()["statutes"] if e["key"] == key]
    return copy.deepcopy(entry)


def _index_error(entries: list[Any]) -> InvalidData:
    with pytest.raises(InvalidData) as err:
        build_index({"schema": 1, "statutes": entries}, source="cat.json")
    return err.value


def test_the_real_catalogue_builds_and_keeps_every_entry() -> None:
    data = _catalogue()
    index = build_index(data, source="statutes.json")
    assert sum(len(v) for v in index.values()) == len(data["statutes"])
    assert list(index) == sorted(index)
    for versions in index.values():  # each key's versions in order of their first day
        firsts = [v.validity.valid_from or date.min for v in versions]
        assert firsts == sorted(firsts)


def test_the_catalogue_itself_must_hold_a_list_of_statutes() -> None:
    with pytest.raises(InvalidData) as err:
        build_index({"schema": 1, "statutes": {}}, source="cat.json")
    assert str(err.value) == "cat.json.statutes: must be a list (value: 'dict')"
    with pytest.raises(InvalidData) as err:
        build_index({"schema": 1, "statutes": [], "extra": 1}, source="cat.json")
    assert err.value.path == "cat.json.extra"


def _without(key: str) -> dict[str, Any]:
    e = _entry("complaint.second_instance")
    del e[key]
    return e


def _with(**changes: Any) -> dict[str, Any]:
    e = _entry("complaint.second_instance")
    e.update(changes)
    return e


def _rule_with(**changes: Any) -> dict[str, Any]:
    e = _entry("complaint.second_instance")
    e["rule"] = {**e["rule"], **changes}
    return e


ENTRY_DEFECTS: list[tuple[Any, str]] = [
    (_without("key"), "cat.json.statutes[0].key: missing key"),
    (_without("holder"), "cat.json.statutes[0].holder: missing key"),
    (_without("verified"), "cat.json.statutes[0].verified: missing key"),
    (_with(verified="yes"), "cat.json.statutes[0].verified: must be true or false (value: 'yes')"),
    (_with(holder=5), "cat.json.statutes[0].holder: must be a string (value: 5)"),
    (_with(title_en=None), "cat.json.statutes[0].title_en: must be a string"),
    (_with(notes=1), "cat.json.statutes[0].notes: must be a string (value: 1)"),
    (_with(also={}), "cat.json.statutes[0].also: must be a list (value: {})"),
    (
        _with(also=[{"article": "1"}]),
        "cat.json.statutes[0].also[0].document: missing key",
    ),
    (
        _with(effective_from="2020-13-01"),
        "cat.json.statutes[0].effective_from: not a date in the form YYYY-MM-DD "
        "(value: '2020-13-01')",
    ),
    (
        _with(effective_from="2026-01-01", effective_to="2020-01-01"),
        "cat.json.statutes[0].effective_to: effective_to must be after effective_from "
        "(2026-01-01) (value: datetime.date(2020, 1, 1))",
    ),
    (
        _rule_with(citation={"document": "x"}),
        "cat.json.statutes[0].rule.citation: set at the entry level, not in the rule",
    ),
    (
        _rule_with(effective_to="2030-01-01"),
        "cat.json.statutes[0].rule.effective_to: set at the entry level, not in the rule",
    ),
    (_rule_with(n=-1), "cat.json.statutes[0].rule.n: must be an int >= 0 (value: -1)"),
]


@pytest.mark.parametrize(("entry", "text"), ENTRY_DEFECTS, ids=[t for _, t in ENTRY_DEFECTS])
def test_each_defect_of_a_catalogue_entry_names_its_path(entry: Any, text: str) -> None:
    good = _entry("complaint.first_instance")
    err = _index_error([entry, good])
    assert [str(p) for p in err.problems] == [text]
    assert str(err).startswith("cat.json is invalid")


def test_overlapping_versions_of_a_key_are_each_reported() -> None:
    first = _entry("complaint.second_instance")
    second = _entry("complaint.second_instance")
    third = _entry("complaint.first_instance")
    third["key"] = "complaint.second_instance"
    err = _index_error([first, second, third])
    assert [(p.path, p.message) for p in err.problems] == [
        (
            "cat.json.statutes[1]",
            "validity overlaps another version of 'complaint.second_instance'",
        ),
        (
            "cat.json.statutes[2]",
            "validity overlaps another version of 'complaint.second_instance'",
        ),
        (
            "cat.json.statutes[2]",
            "validity overlaps another version of 'complaint.second_instance'",
        ),
    ]
    assert err.problems[0].value == str(first_validity(first))


def first_validity(entry: dict[str, Any]) -> Any:
    index = build_index({"schema": 1, "statutes": [entry]}, source="one.json")
    (s,) = index[entry["key"]]
    return s.validity


def test_every_defective_entry_is_reported_not_only_the_first() -> None:
    err = _index_error([_without("key"), _with(holder=5), 7])
    assert [p.path for p in err.problems] == [
        "cat.json.statutes[0].key",
        "cat.json.statutes[1].holder",
        "cat.json.statutes[2]",
    ]


# ---- calendars and times as arguments -------------------------------------------------------


def test_every_rule_checks_the_calendar_it_is_given() -> None:
    with pytest.raises(InvalidData) as err:
        Fixed(on=date(2026, 3, 31)).due(date(2026, 1, 1), "x")  # type: ignore[arg-type]
    assert str(err.value) == "calendar: must be a VietnamCalendar (value: 'x')"


def test_a_series_rolls_over_the_days_off_of_the_calendar_given() -> None:
    """The 14th of April 2026 made a day off by a (hypothetical) notice: the monthly report
    due that day moves to the next working day, the 15th."""
    rule = Recurring(freq=Frequency.MONTHLY, day=14)
    cal = VietnamCalendar([Override(date(2026, 4, 14), kind=DAY_OFF, notice="(hypothetical)")])
    assert rule.due(date(2026, 4, 1)) == date(2026, 4, 14)
    assert rule.due(date(2026, 4, 1), cal) == date(2026, 4, 15)


@pytest.mark.parametrize(
    ("cutoff", "text"), [(time(17, 0), "17:00"), (time(16, 30, 15), "16:30:15")]
)
def test_a_receipt_cutoff_is_written_to_the_minute_unless_it_has_seconds(
    cutoff: time, text: str
) -> None:
    rule = After(2, PeriodUnit.WORKING_DAYS, receipt_cutoff=cutoff)
    assert rule.to_dict()["receipt_cutoff"] == text
    assert rule_from_dict(rule.to_dict()) == rule


def test_a_bad_end_of_validity_in_the_catalogue_names_its_path() -> None:
    err = _index_error([_with(effective_to="2030-02-30")])
    assert [str(p) for p in err.problems] == [
        "cat.json.statutes[0].effective_to: not a date in the form YYYY-MM-DD (value: '2030-02-30')"
    ]
