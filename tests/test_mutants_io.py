"""Plan files and JSON answers, problem by problem, where issue 12's mutation runs found that
a path, a message, a value or a bound could change unnoticed: the size limit's message, the
nesting limit's path in TOML, a lone surrogate in a key, a report's period, percent and
document, the paths of a task's optional fields and of an assignment's basis, ``loads`` of a
value that is not text, and a file name with a NUL byte."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import papi.io
from papi.datasets import hanoi
from papi.errors import InvalidData
from papi.governance import Governance
from papi.io import MAX_NESTING, load_plan, loads
from test_io_errors import DOC, TASK

REPORT = """
[[reports]]
task = "t"
organization = "ubnd:01"
period = { from = "2022-01-01", to = "2022-06-30" }
completion = "partly"
submitted = 2022-07-05
"""


def _path(tmp_path: Path, text: str, name: str = "plan.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def _load(tmp_path: Path, text: str, name: str = "plan.toml") -> Governance:
    return load_plan(_path(tmp_path, text, name), base=hanoi())


def _problems(tmp_path: Path, text: str, name: str = "plan.toml") -> list[str]:
    with pytest.raises(InvalidData) as err:
        _load(tmp_path, text, name)
    return [str(p) for p in err.value.problems]


# ---- limits ---------------------------------------------------------------------------------


def test_the_size_limit_is_named_in_mib_with_the_file_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(papi.io, "MAX_DOCUMENT_BYTES", 2 * 1024 * 1024)
    text = "# " + "x" * (3 * 1024 * 1024) + "\n"
    with pytest.raises(InvalidData) as err:
        _load(tmp_path, text)
    assert str(err.value) == (
        "plan.toml: larger than the 2 MiB papi reads (MAX_DOCUMENT_BYTES) "
        f"(value: '{len(text)} bytes')"
    )


@pytest.mark.parametrize("name", ["plan.toml", "plan.json"])
def test_too_deep_nesting_names_the_first_level_beyond_the_limit(tmp_path: Path, name: str) -> None:
    """The top table is level 1: ``notes`` holds levels 2 and deeper; the error names the
    first container beyond :data:`MAX_NESTING` (not the last one within it)."""
    levels = MAX_NESTING + 3
    inner = "[" * levels + "]" * levels
    text = f"notes = {inner}\n" if name.endswith("toml") else f'{{"notes": {inner}}}'
    path = "notes" + "[0]" * (MAX_NESTING - 1)
    assert _problems(tmp_path, text, name) == [
        f"{name}: {path}: nested deeper than {MAX_NESTING} levels (MAX_NESTING)"
    ]


def test_nesting_at_the_limit_in_toml_is_read(tmp_path: Path) -> None:
    inner = "[" * (MAX_NESTING - 1) + "]" * (MAX_NESTING - 1)
    assert _problems(tmp_path, f"notes = {inner}\n") == [
        "plan.toml: notes[0]: must be a table (value: " + repr(eval(inner[1:-1])) + ")"
    ]


def test_a_lone_surrogate_in_a_key_is_named_escaped(tmp_path: Path) -> None:
    text = '{"notes": [{"code": "c", "\\udc80x": "y"}]}'
    assert _problems(tmp_path, text, "plan.json") == [
        "plan.json: notes[0]: a lone surrogate is not text (it cannot be written as UTF-8) "
        "(value: '\\\\udc80x')"
    ]


# ---- reports --------------------------------------------------------------------------------


def test_a_report_keeps_its_period_percent_texts_and_document(tmp_path: Path) -> None:
    extra = 'percent = 0\neffectiveness = "Tốt"\nreasons = "Thiếu người"\ndocument = "d"\n'
    gov = _load(tmp_path, DOC + TASK + REPORT + extra)
    (report,) = [r for r in gov.reports if r.task == "t"]
    assert (report.period_start, report.period_end) == (date(2022, 1, 1), date(2022, 6, 30))
    assert report.submitted == date(2022, 7, 5)
    assert report.percent == 0.0
    assert (report.effectiveness, report.reasons, report.document) == ("Tốt", "Thiếu người", "d")


@pytest.mark.parametrize("percent", ["0", "0.5", "100", "99.5"])
def test_every_percent_from_0_to_100_is_accepted(tmp_path: Path, percent: str) -> None:
    gov = _load(tmp_path, DOC + TASK + REPORT + f"percent = {percent}\n")
    (report,) = [r for r in gov.reports if r.task == "t"]
    assert report.percent == float(percent)


@pytest.mark.parametrize(
    ("period", "value"),
    [
        ('{ from = "2022-01-01" }', "{'from': '2022-01-01'}"),
        ('{ to = "2022-06-30" }', "{'to': '2022-06-30'}"),
        ("{}", "{}"),
    ],
)
def test_a_report_period_needs_both_ends(tmp_path: Path, period: str, value: str) -> None:
    text = DOC + TASK + REPORT.replace('{ from = "2022-01-01", to = "2022-06-30" }', period)
    assert _problems(tmp_path, text) == [
        f"plan.toml: reports[0].period: needs both from and to (inclusive) (value: {value})"
    ]


def test_a_report_with_a_bad_document_names_it(tmp_path: Path) -> None:
    assert _problems(tmp_path, DOC + TASK + REPORT + "document = 5\n") == [
        "plan.toml: reports[0].document: must be a non-empty string (value: 5)"
    ]


# ---- paths of a task's optional fields and of an assignment's basis -------------------------


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("title_en = 5\n", "tasks[0].title_en: must be a non-empty string (value: 5)"),
        ('title_en = " "\n', "tasks[0].title_en: must be a non-empty string (value: ' ')"),
        ("notes = 5\n", "tasks[0].notes: must be a non-empty string (value: 5)"),
        ('deadlines = "soon"\n', "tasks[0].deadlines: must be an array (value: 'soon')"),
        ("indicators = [3]\n", "tasks[0].indicators: must be a list of strings (value: [3])"),
        ('indicators = "D3"\n', "tasks[0].indicators: must be a list of strings (value: 'D3')"),
        ("recurring = 1\n", "tasks[0].recurring: must be true or false (value: 1)"),
        (
            'period = { from = "x" }\n',
            "tasks[0].period.from: not a date in the form YYYY-MM-DD (value: 'x')",
        ),
        (
            'defined_in = "d"\n',
            "tasks[0].defined_in: must be an array of {document, reference} tables (value: 'd')",
        ),
        ("deadlines = [5]\n", "tasks[0].deadlines[0]: must be a table (value: 5)"),
        (
            'deadlines = [{ statute = "report.quarterly", colour = 1 }]\n',
            "tasks[0].deadlines[0].colour: unknown key (value: 'colour')",
        ),
        (
            'deadlines = [{ statute = "" }]\n',
            "tasks[0].deadlines[0].statute: must be a non-empty string (value: '')",
        ),
        (
            'deadlines = [{ statute = "report.quarterly", applies_to = "ward" }]\n',
            "tasks[0].deadlines[0].applies_to: not a level; use province, district, commune or "
            "village (value: 'ward')",
        ),
        (
            'deadlines = [{ statute = "report.quarterly", note = 5 }]\n',
            "tasks[0].deadlines[0].note: must be a non-empty string (value: 5)",
        ),
        ("deadlines = [{}]\n", "tasks[0].deadlines[0]: give exactly one of 'statute' or 'rule'"),
    ],
)
def test_each_bad_field_of_a_task_is_named_by_its_path(
    tmp_path: Path, extra: str, problem: str
) -> None:
    assert _problems(tmp_path, DOC + TASK + extra) == [f"plan.toml: {problem}"]


ASSIGNMENT = """
[[assignments]]
id = "a"
task = "t"
role = "lead"
selector = { type = "organization", id = "ubnd:01" }
"""


@pytest.mark.parametrize(
    ("basis", "problem"),
    [
        (
            'basis = { document = "d", reference = 5 }\n',
            "assignments[0].basis.reference: must be a non-empty string (value: 5)",
        ),
        (
            'basis = { document = "d", reference = "" }\n',
            "assignments[0].basis.reference: must be a non-empty string (value: '')",
        ),
        (
            'basis = { document = 5, reference = "1" }\n',
            "assignments[0].basis.document: must be a non-empty string (value: 5)",
        ),
        ('basis = { document = "d" }\n', "assignments[0].basis.reference: missing key"),
        ('basis = "d"\n', "assignments[0].basis: must be a table (value: 'd')"),
    ],
)
def test_each_bad_basis_is_named_by_its_path(tmp_path: Path, basis: str, problem: str) -> None:
    assert _problems(tmp_path, DOC + TASK + ASSIGNMENT + basis) == [f"plan.toml: {problem}"]


def test_a_good_basis_is_kept(tmp_path: Path) -> None:
    gov = _load(
        tmp_path, DOC + TASK + ASSIGNMENT + 'basis = { document = "d", reference = "¶2" }\n'
    )
    (a,) = [x for x in gov.assignments if x.id == "a"]
    assert (a.basis.document, a.basis.reference) == ("d", "¶2")


# ---- loads and read_plan: the value or name that is wrong -----------------------------------


@pytest.mark.parametrize(("value", "kind"), [(b"{}", "bytes"), (5, "int"), (None, "NoneType")])
def test_loads_of_a_value_that_is_not_text_names_its_type(value: object, kind: str) -> None:
    with pytest.raises(InvalidData) as err:
        loads(value)  # type: ignore[arg-type]
    assert str(err.value) == f"answer: must be JSON text (str) (value: {kind!r})"


def test_a_nul_byte_in_the_file_name_is_named(tmp_path: Path) -> None:
    with pytest.raises(InvalidData) as err:
        load_plan(tmp_path / "a\x00b.toml", base=hanoi())
    assert str(err.value) == ("'a\\x00b.toml': cannot read the plan file: a NUL byte in its name")


def test_loads_reads_back_what_dumps_wrote() -> None:
    answer = hanoi().gaps(on=date(2026, 3, 1))
    text = papi.io.dumps(answer)
    assert loads(text) == answer
    assert json.loads(text)["schema"] == "papi.gaps/1"


def test_a_task_keeps_every_field_it_was_given(tmp_path: Path) -> None:
    extra = (
        'title_en = "A task"\nnotes = "n"\nindicators = ["D3"]\nrecurring = true\n'
        'period = { from = "2022-07-01", to = "2022-12-31" }\n'
        'defined_in = [{ document = "d", reference = "¶3" }]\n'
        'deadlines = [{ statute = "report.quarterly", applies_to = "commune", note = "q" }]\n'
    )
    task = _load(tmp_path, DOC + TASK + extra).tasks["t"]
    assert (task.title_en, task.notes, task.indicators) == ("A task", "n", ("D3",))
    assert task.recurring is True
    assert (task.period.valid_from, task.period.valid_to) == (date(2022, 7, 1), date(2022, 12, 31))
    assert [(b.document, b.reference) for b in task.defined_in] == [("d", "¶3")]
    (deadline,) = task.deadlines
    assert (deadline.statute, deadline.rule, deadline.applies_to, deadline.note) == (
        "report.quarterly",
        None,
        "commune",
        "q",
    )
    plain = _load(tmp_path, DOC + TASK).tasks["t"]
    assert plain.recurring is False


def test_a_missing_plan_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(InvalidData) as err:
        load_plan(path, base=hanoi())
    assert str(err.value) == f"{path}: cannot read the plan file: No such file or directory"


@pytest.mark.parametrize(
    ("name", "text", "start"),
    [
        ("plan.toml", "notes = " + "9" * 5000, "plan.toml: not valid TOML: "),
        ("plan.json", '{"notes": ' + "9" * 5000 + "}", "plan.json: not valid JSON: "),
    ],
)
def test_a_parser_error_names_the_format(tmp_path: Path, name: str, text: str, start: str) -> None:
    with pytest.raises(InvalidData) as err:
        _load(tmp_path, text, name)
    assert str(err.value).startswith(start)


def test_a_reports_texts_are_named_by_their_path(tmp_path: Path) -> None:
    assert _problems(tmp_path, DOC + TASK + REPORT + "effectiveness = 5\nreasons = 6\n") == [
        "plan.toml: reports[0].effectiveness: must be a non-empty string (value: 5)",
        "plan.toml: reports[0].reasons: must be a non-empty string (value: 6)",
    ]


@pytest.mark.parametrize(
    ("task", "problems"),
    [
        ("task = 5\n", ["assignments[0].task: must be a non-empty string (value: 5)"]),
        ("", ["assignments[0].task: missing key"]),
    ],
)
def test_an_assignments_task_reference_is_checked_once(
    tmp_path: Path, task: str, problems: list[str]
) -> None:
    assignment = ASSIGNMENT.replace('task = "t"\n', task)
    text = DOC + TASK + assignment + 'basis = { document = "d", reference = "1" }\n'
    assert _problems(tmp_path, text) == [f"plan.toml: {p}" for p in problems]
