"""Plan files, case by case: validities with one bound, notes, and the exact problem each
defect gives (file, path inside it, value). Issue 12's mutation run showed that these could
change unnoticed: a validity with only ``to``, the checks of a note's three texts, the path of
an unknown top-level key or of a list that is not one."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from papi import hanoi
from papi.errors import InvalidData
from papi.governance import Governance
from papi.io import MAX_NESTING, load_plan, loads

APPENDIX = (ROOT / "examples" / "illustrative_appendix.toml").read_text(encoding="utf-8")
VALID = 'valid = { from = "2022-06-13" }'  # the first assignment's, ILL-D1.lead
NOTE = '\n[[notes]]\ncode = "n1"\nmessage_vi = "Ghi chú"\nmessage_en = "A note"\n'


def _load(tmp_path: Path, text: str) -> Governance:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan(path, base=hanoi())


def test_a_validity_with_only_an_end(tmp_path: Path) -> None:
    gov = _load(tmp_path, APPENDIX.replace(VALID, 'valid = { to = "2030-01-01" }', 1))
    (a,) = [x for x in gov.assignments if x.id == "ILL-D1.lead"]
    assert (a.validity.valid_from, a.validity.valid_to) == (None, date(2030, 1, 1))


def test_a_note_with_its_three_texts_reaches_the_answers(tmp_path: Path) -> None:
    gov = _load(tmp_path, APPENDIX + NOTE)
    answer = gov.who("D1", where="Hà Nội", on=date(2026, 3, 1))
    (note,) = [w for w in answer.warnings if w.code == "n1"]
    assert (note.message_vi, note.message_en) == ("Ghi chú", "A note")


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            APPENDIX.replace(VALID, 'valid = { to = "2030-02-30" }', 1),
            [
                "plan.toml: assignments[0].valid.to: not a date in the form YYYY-MM-DD "
                "(value: '2030-02-30')"
            ],
        ),
        (
            APPENDIX.replace(VALID, 'valid = { from = "x", to = "2030-01-01" }', 1),
            [
                "plan.toml: assignments[0].valid.from: not a date in the form YYYY-MM-DD (value: 'x')"
            ],
        ),
        (
            APPENDIX.replace(VALID, 'valid = { from = "2030-01-01", to = "2020-01-01" }', 1),
            [
                "plan.toml: assignments[0].valid.to: valid_to must be after valid_from "
                "(2030-01-01) (value: '2020-01-01')"
            ],
        ),
        (
            APPENDIX.replace(VALID, 'valid = { since = "2030-01-01" }', 1),
            ["plan.toml: assignments[0].valid.since: unknown key (value: 'since')"],
        ),
        (
            APPENDIX + '\n[[notes]]\ncode = "n1"\nmessage_en = "A note"\n',
            ["plan.toml: notes[0].message_vi: missing key"],
        ),
        (
            APPENDIX + '\n[[notes]]\ncode = "n1"\nmessage_vi = 5\nmessage_en = "A note"\n',
            ["plan.toml: notes[0].message_vi: must be a non-empty string (value: 5)"],
        ),
        ('notes = "x"\n' + APPENDIX, ["plan.toml: notes: must be an array of tables (value: 'x')"]),
        (
            'documents = { id = "d" }\n' + APPENDIX.split("[[documents]]")[0],
            ["plan.toml: documents: must be an array of tables (value: {'id': 'd'})"],
        ),
        ('colour = "red"\n' + APPENDIX, ["plan.toml: colour: unknown key (value: 'colour')"]),
        (
            APPENDIX.replace('role = "lead"', 'role = "lead"\nnotes = 5', 1),
            ["plan.toml: assignments[0].notes: must be a non-empty string (value: 5)"],
        ),
    ],
    ids=[
        "bad to",
        "bad from",
        "inverted",
        "unknown bound",
        "note without vi",
        "note not text",
        "notes not a list",
        "documents not a list",
        "unknown top key",
        "notes of an assignment",
    ],
)
def test_each_defect_is_one_problem_naming_file_path_and_value(
    tmp_path: Path, text: str, problems: list[str]
) -> None:
    with pytest.raises(InvalidData) as err:
        _load(tmp_path, text)
    assert [str(p) for p in err.value.problems] == problems


def test_nesting_up_to_the_limit_is_read_and_one_more_level_is_not() -> None:
    """``MAX_NESTING`` levels of arrays are read (then refused as no papi document); one
    more is refused for its depth."""
    at_limit = "[" * MAX_NESTING + "]" * MAX_NESTING
    with pytest.raises(InvalidData) as err:
        loads(at_limit)
    assert "nested deeper" not in str(err.value)
    with pytest.raises(InvalidData, match=f"nested deeper than {MAX_NESTING} levels"):
        loads("[" + at_limit + "]")


def test_optional_texts_of_documents_and_tasks_are_kept(tmp_path: Path) -> None:
    text = APPENDIX.replace("verified = false\n", 'verified = false\nnotes = "A note"\n', 1)
    gov = _load(tmp_path, text)
    doc = gov.documents["illustrative-appendix-1"]
    assert doc.title_en == "Illustrative appendix (not real): lead agencies for the PAPI dimensions"
    assert doc.notes == "A note"
    task = gov.tasks["ILL-D1"]
    assert task.reference == "(illustrative) row 1"
    assert task.title_en == "Lead on Participation at Local Levels (illustrative)"


@pytest.mark.parametrize(
    ("old", "new", "first"),
    [
        (
            "date_known = false",
            "date_known = false\ndate = 2022-06-13",
            "plan.toml: documents[0].date: date_known = false but a date is given "
            "(value: datetime.date(2022, 6, 13))",
        ),
        (
            "date_known = false",
            'date_known = "no"',
            "plan.toml: documents[0].date_known: must be true or false (value: 'no')",
        ),
        (
            'issuer = "(illustrative — not a real document)"',
            'issuer = ""',
            "plan.toml: documents[0].issuer: must be a non-empty string (value: '')",
        ),
        (
            'id = "ILL-D1"',
            "id = 5",
            "plan.toml: tasks[0].id: must be a non-empty string (value: 5)",
        ),
    ],
    ids=["date with date_known false", "date_known not a bool", "empty issuer", "task id"],
)
def test_the_first_problem_names_the_field(tmp_path: Path, old: str, new: str, first: str) -> None:
    with pytest.raises(InvalidData) as err:
        _load(tmp_path, APPENDIX.replace(old, new, 1))
    assert str(err.value.problems[0]) == first
