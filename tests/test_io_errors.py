"""Bad input to the loaders is one InvalidData naming the file, line or path and the limit:
never a parser's own exception, a RecursionError, or data silently dropped (issue 12).
Also papi.dates.parse_day, the one parser of query dates."""

from __future__ import annotations

import datetime as dt
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import papi.io
from conftest import ROOT
from papi.datasets import hanoi
from papi.dates import FIRST_DAY, LAST_DAY, VN_TZ, parse_day
from papi.duties import selector_from_dict
from papi.errors import InvalidData, PapiError
from papi.io import MAX_NESTING, load_plan

APPENDIX = (ROOT / "examples" / "illustrative_appendix.toml").read_text(encoding="utf-8")

DOC = """
[[documents]]
id = "d"
number = "1/KH-UBND"
kind = "plan"
issuer = "UBND"
date = 2022-06-13
title_vi = "Kế hoạch"
"""
TASK = """
[[tasks]]
id = "t"
document = "d"
reference = "1"
title_vi = "Việc"
"""


def load(tmp_path: Path, content: str | bytes, name: str = "plan.toml") -> InvalidData:
    """The InvalidData that loading ``content`` raises (the test fails on anything else)."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
    with pytest.raises(InvalidData) as info:
        load_plan(path, base=hanoi())
    return info.value


def messages(err: InvalidData) -> str:
    return "\n".join(str(p) for p in err.problems)


# ---- decoding, syntax, limits ---------------------------------------------------------------


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    err = load(tmp_path, b'schema = "papi.plan/1"\n\xff\n')
    assert err.path == "plan.toml: line 2"
    assert "not UTF-8" in str(err)


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + APPENDIX.encode("utf-8"))
    assert "ILL-D3" in load_plan(path, base=hanoi()).tasks


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("arrays.toml", "a = " + "[" * 1000 + "]" * 1000),
        ("tables.toml", "a = " + "{ b = " * 1000 + "1" + " }" * 1000),
        ("dotted.toml", "a" + ".a" * 1000 + " = 1"),
        ("arrays.json", '{"a": ' + "[" * 1000 + "]" * 1000 + "}"),
        ("objects.json", '{"a": ' + '{"b": ' * 1000 + "1" + "}" * 1000 + "}"),
        ("open.json", "[" * 100_000),
    ],
)
def test_nesting_beyond_the_limit_is_refused(tmp_path: Path, name: str, content: str) -> None:
    err = load(tmp_path, content, name)
    assert f"nested deeper than {MAX_NESTING} levels (MAX_NESTING)" in str(err)
    assert err.path.startswith(name)


def test_nesting_just_within_the_limit_is_read(tmp_path: Path) -> None:
    deep = "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1)
    err = load(tmp_path, f"notes = {deep}")  # parsed, then refused as a plan: not a table
    assert "MAX_NESTING" not in str(err)


def test_a_file_larger_than_the_limit_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(papi.io, "MAX_DOCUMENT_BYTES", 1000)
    err = load(tmp_path, APPENDIX)
    assert "MAX_DOCUMENT_BYTES" in str(err)
    assert err.value == f"{len(APPENDIX.encode('utf-8'))} bytes"
    with pytest.raises(InvalidData, match="MAX_DOCUMENT_BYTES"):
        papi.io.loads("[" + "0, " * 600 + "0]")


def test_syntax_errors_name_file_line_and_column(tmp_path: Path) -> None:
    err = load(tmp_path, 'schema = "papi.plan/1"\n[[tasks]\n')
    assert err.path == "plan.toml: line 2, column 8"
    err = load(tmp_path, '{"tasks": [\n  {"id": }\n]}', "plan.json")
    assert err.path == "plan.json: line 2, column 10"
    assert str(err).startswith("plan.json: line 2, column 10: not valid JSON")


def test_an_integer_beyond_python_conversion_limit_is_invalid_data(tmp_path: Path) -> None:
    err = load(tmp_path, "notes = " + "9" * 5000)
    assert "4300 digits" in str(err)
    err = load(tmp_path, '{"notes": ' + "9" * 5000 + "}", "plan.json")
    assert err.path == "plan.json"


def test_a_nul_byte_in_the_file_name_is_invalid_data(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="NUL byte"):
        load_plan(tmp_path / "a\x00b.toml", base=hanoi())


# ---- no silent data loss --------------------------------------------------------------------


def test_a_repeated_json_key_is_an_error_naming_it(tmp_path: Path) -> None:
    plan = json.loads(json.dumps(__import__("tomllib").loads(APPENDIX)))
    first = json.dumps(plan["assignments"][:2])
    second = json.dumps(plan["assignments"][2:])
    text = json.dumps({k: v for k, v in plan.items() if k != "assignments"})[:-1]
    text += f', "assignments": {first}, "assignments": {second}}}'
    err = load(tmp_path, text, "plan.json")
    assert err.path == "plan.json: assignments"
    assert err.value == "assignments"
    assert "repeated key" in str(err)


def test_a_repeated_key_deep_inside_names_its_path(tmp_path: Path) -> None:
    text = '{"tasks": [{"id": "a", "title_vi": "x", "id": "b"}]}'
    err = load(tmp_path, text, "plan.json")
    assert err.path == "plan.json: tasks[0].id"


def test_a_lone_surrogate_is_refused_with_its_path(tmp_path: Path) -> None:
    text = '{"notes": [{"code": "x", "message_vi": "\\ud800", "message_en": "y"}]}'
    err = load(tmp_path, text, "plan.json")
    assert err.path == "plan.json: notes[0].message_vi"
    assert err.value == "\\ud800"


def test_a_deadline_with_both_statute_and_rule_is_an_error(tmp_path: Path) -> None:
    deadline = 'deadlines = [{ statute = "report.quarterly", rule = { type = "fixed", on = '
    deadline += '"2022-12-31" } }]\n'
    err = load(tmp_path, DOC + TASK + deadline)
    assert "plan.toml: tasks[0].deadlines[0]: give exactly one of 'statute' or 'rule'" in (
        messages(err)
    )


@pytest.mark.parametrize("percent", [-1, 100.5, "50", True])
def test_a_report_percent_outside_0_100_is_an_error(tmp_path: Path, percent: object) -> None:
    value = json.dumps(percent)
    report = f"""
[[reports]]
task = "t"
organization = "ubnd:01"
period = {{ from = "2022-01-01", to = "2022-06-30" }}
completion = "done"
percent = {value.lower()}
submitted = 2022-07-05
"""
    err = load(tmp_path, DOC + TASK + report)
    assert "reports[0].percent: must be a number between 0 and 100" in messages(err)


# ---- ill-typed values: a problem with its path, never a TypeError ---------------------------


@pytest.mark.parametrize(
    ("snippet", "path"),
    [
        (
            '[[assignments]]\nid = "a"\ntask = "t"\nrole = "lead"\n'
            'basis = { document = "d", reference = "1" }\nselector = { type = ["heads"] }\n',
            "assignments[0].selector.type",
        ),
        (
            TASK.replace("[[tasks]]", "") + 'deadlines = [{ rule = { type = ["fixed"] } }]\n',
            "tasks[0].deadlines[0].rule.type",
        ),
        (
            TASK.replace("[[tasks]]", "") + "deadlines = [{ rule = { statute = [1] } }]\n",
            "tasks[0].deadlines[0].rule.statute",
        ),
    ],
)
def test_unhashable_values_are_problems_with_a_path(
    tmp_path: Path, snippet: str, path: str
) -> None:
    if "deadlines" in snippet:
        snippet = "[[tasks]]" + snippet
    err = load(tmp_path, DOC + snippet)
    assert f"plan.toml: {path}: " in messages(err)


def test_heads_selectors_nested_too_deep_are_a_problem() -> None:
    selector: object = {"type": "organization", "id": "ubnd:01"}
    for _ in range(20):
        selector = {"type": "heads", "of": selector}
    with pytest.raises(InvalidData, match="nested deeper than 8 levels"):
        selector_from_dict(selector, path="s")
    nested: object = {"type": "organization", "id": "ubnd:01"}
    for _ in range(3):
        nested = {"type": "heads", "of": nested}
    assert selector_from_dict(nested, path="s")


@pytest.mark.parametrize(
    "value",
    [
        "9999-12-31T23:00:00Z",  # no Vietnamese day: overflows when converted
        "9999-01-01",  # a day beyond LAST_DAY: no query could compute from it
        "0001-01-01",
        '"9999-01-01"',
    ],
)
def test_days_beyond_the_documented_range_are_refused(tmp_path: Path, value: str) -> None:
    err = load(tmp_path, DOC.replace("date = 2022-06-13", f"date = {value}"))
    assert "plan.toml: documents[0].date: " in messages(err)


def test_a_window_starting_in_year_9999_is_refused_at_load(tmp_path: Path) -> None:
    deadline = 'deadlines = [{ statute = "report.quarterly", window = { from = "9999-01-01" } }]\n'
    err = load(tmp_path, DOC + TASK + deadline)
    assert "tasks[0].deadlines[0].window.from: outside the days papi reads" in messages(err)


# ---- answers as JSON ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", " ", "{", '{"schema": "papi.gaps/1", "on": ', "[" * 100_000, "nul\x00"]
)
def test_loads_of_broken_json_is_invalid_data(text: str) -> None:
    with pytest.raises(InvalidData):
        papi.io.loads(text)


@pytest.mark.parametrize("doc", [[], 1, None, {"schema": 5}, {"schema": ["papi.gaps/1"]}])
def test_loads_of_a_document_without_a_known_schema(doc: object) -> None:
    with pytest.raises(InvalidData, match="unknown schema"):
        papi.io.loads(json.dumps(doc))


def test_loads_of_a_wrong_type_is_invalid_data() -> None:
    with pytest.raises(InvalidData, match="must be JSON text"):
        papi.io.loads(b"{}")  # type: ignore[arg-type]


def test_loads_of_a_document_with_a_broken_body_is_invalid_data() -> None:
    text = papi.io.dumps(hanoi().gaps(on=date(2026, 3, 1)))
    doc = json.loads(text)
    for key in list(doc):
        if key != "schema":
            broken = dict(doc)
            broken[key] = {"x": [1]}
            with pytest.raises(PapiError):
                papi.io.loads(json.dumps(broken))


def test_dumps_escapes_a_lone_surrogate_and_loads_gives_it_back() -> None:
    class Odd:
        def to_dict(self) -> dict[str, str]:
            return {"name": "a\ud800b"}

    written = papi.io.dumps(Odd())
    assert "\\ud800" in written
    assert written.encode("utf-8")  # always encodable text
    assert json.loads(written) == {"name": "a\ud800b"}  # nothing lost


# ---- the query-date parser ------------------------------------------------------------------


@given(st.dates(FIRST_DAY, LAST_DAY))
def test_parse_day_reads_dates_and_iso_strings(day: date) -> None:
    assert parse_day(day) == day
    assert parse_day(day.isoformat()) == day
    assert parse_day(f" {day.isoformat()} ", arg="start") == day


@given(
    st.datetimes(datetime(1000, 1, 2), datetime(2999, 12, 30)),
    st.integers(-12, 14).map(lambda h: timezone(timedelta(hours=h))),
)
def test_parse_day_reads_aware_datetimes_in_vietnamese_time(
    moment: datetime, tz: dt.tzinfo
) -> None:
    aware = moment.replace(tzinfo=tz)
    assert parse_day(aware) == aware.astimezone(VN_TZ).date()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (datetime(2026, 3, 1, 12, 0), "a naive datetime is ambiguous"),
        (date(9999, 1, 1), "outside the days papi reads, 1000-01-01 to 2999-12-31"),
        (date(1, 1, 1), "outside the days papi reads"),
        (date(999, 12, 31), "outside the days papi reads"),
        ("3000-01-01", "outside the days papi reads"),
        (datetime(9999, 12, 31, 23, 0, tzinfo=dt.UTC), "no day in Vietnamese time"),
        (datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))), "no day in"),
        (datetime(2999, 12, 31, 20, 0, tzinfo=dt.UTC), "outside the days papi reads"),
        (None, "not a date"),
        (20260301, "not a date"),
        ("2026-02-30", "not a date"),
        ("01/03/2026", "not a date"),
        ("2026-3-1", "not a date"),
        (["2026-03-01"], "not a date"),
        (True, "not a date"),
    ],
)
def test_parse_day_refuses_with_the_argument_and_value(value: object, message: str) -> None:
    with pytest.raises(InvalidData, match=message) as info:
        parse_day(value, arg="end")
    assert info.value.path == "end"
    assert info.value.value is not None or value is None


def test_parse_day_bounds_are_inclusive() -> None:
    assert parse_day(FIRST_DAY) == FIRST_DAY
    assert parse_day(LAST_DAY.isoformat()) == LAST_DAY


def test_the_errors_and_limits_page_examples_run() -> None:
    import doctest
    import re

    page = ROOT / "docs" / "errors-and-limits.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    assert result.attempted >= 10


def test_the_errors_and_limits_page_states_the_limits_in_force() -> None:
    text = (ROOT / "docs" / "errors-and-limits.md").read_text(encoding="utf-8")
    assert f"{papi.io.MAX_DOCUMENT_BYTES // 2**20} MiB" in text
    assert f"| {MAX_NESTING} levels" in text
    assert f"{FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}" in text
