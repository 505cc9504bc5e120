"""A plan's notes are about what they name, never every answer of the model: Hanoi's
focal-agency note is about the places of Hanoi (``within = "01"``); a note naming nothing is
about the answers resting on its file's documents; ``documents`` and ``within`` narrow or widen
that; a note added through the :class:`~papi.governance.Builder` without either is about the
whole model. Over the whole country, Bắc Giang's answers no longer carry Hanoi's note."""

from __future__ import annotations

import json
import re
import warnings
from datetime import date
from pathlib import Path

import pytest

import papi
from conftest import ROOT
from papi.cli import main
from papi.errors import InvalidData
from papi.governance import Governance, Notice
from papi.io import load_plan
from papi.territory import Level
from test_cli import WARD_PLAN

FOCAL = "focal_agency"
APRIL = date(2025, 4, 1)
AFTER = date(2026, 3, 1)
NOTE = Notice(code="n1", message_vi="Ghi chú", message_en="A note")

#: the ward plan of the CLI tests, with a note naming nothing
PLAN = (
    WARD_PLAN
    + """
[[notes]]
code = "n1"
message_vi = "Ghi chú"
message_en = "A note"
"""
)


@pytest.fixture(scope="module")
def vn() -> Governance:
    return papi.vietnam()


@pytest.fixture(scope="module")
def hn() -> Governance:
    return papi.hanoi()


def _codes(gov: Governance, subject: str, where: str, on: date) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # coverage warnings of past days
        return [w.code for w in gov.who(subject, where=where, on=on).warnings]


def _load(base: Governance, tmp_path: Path, text: str) -> Governance:
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_plan(path, base=base)


# ------------------------------------------------------------------ the packaged data


def test_hanoi_note_stays_in_hanoi_over_the_whole_country(vn: Governance) -> None:
    # a ward of Bắc Giang (the case), before the 2025 reform
    assert FOCAL not in _codes(vn, "D3", "07201", APRIL)
    # a ward of Hanoi, before and after the reform, and the city itself
    assert FOCAL in _codes(vn, "D3", "Phường Hàng Bạc", APRIL)
    assert FOCAL in _codes(vn, "D3", "Phường Hoàn Kiếm", AFTER)
    assert FOCAL in _codes(vn, "D3", "01", AFTER)


def _provinces(gov: Governance, on: date) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [u.code for u in gov._ctx.territory.units(level=Level.PROVINCE, on=on)]


@pytest.mark.parametrize("on", [APRIL, AFTER])
def test_only_hanoi_of_every_province_has_the_note(vn: Governance, on: date) -> None:
    with_note = [p for p in _provinces(vn, on) if FOCAL in _codes(vn, "T6", p, on)]
    assert with_note == ["01"]


def test_every_answer_of_the_hanoi_model_keeps_the_note(hn: Governance) -> None:
    # before the plan (no document in force) as after it: the note is about the city
    for on in (date(2019, 12, 31), date(2022, 9, 30), AFTER):
        assert FOCAL in _codes(hn, "D1", "Hà Nội", on)
    assert FOCAL in _codes(hn, "D3", "Phường Hàng Bạc", date(2024, 3, 1))


def test_the_note_is_about_the_city(hn: Governance) -> None:
    (note,) = [n for n in hn.notes if n.code == FOCAL]
    assert hn._ctx.note_scopes[note].within == frozenset({"01"})
    assert hn._ctx.note_scopes[note].documents == frozenset()


def test_a_rebuilt_model_keeps_what_its_notes_are_about(hn: Governance) -> None:
    again = hn.builder().build()
    assert again.notes == hn.notes
    assert dict(again._ctx.note_scopes) == dict(hn._ctx.note_scopes)


# ------------------------------------------------------------------ plan files


def test_a_plan_note_goes_with_the_answers_resting_on_its_documents(
    vn: Governance, tmp_path: Path
) -> None:
    gov = _load(vn, tmp_path, PLAN)
    assert "n1" in _codes(gov, "D3", "Phường Hoàn Kiếm", AFTER)  # rests on hk-plan-2026
    assert "n1" not in _codes(gov, "D3", "Phường Hải Châu", AFTER)  # Đà Nẵng
    assert "n1" not in _codes(gov, "D3", "Phường Hoàn Kiếm", date(2025, 12, 31))  # not yet
    assert "n1" not in _codes(gov, "D5", "Phường Hoàn Kiếm", AFTER)  # another subject


def test_a_plan_note_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ward.toml"
    path.write_text(PLAN, encoding="utf-8")
    argv = ["who", "D3", "--on", "2026-03-01", "--data", str(path), "--json"]
    codes = {}
    for where in ("Phường Hoàn Kiếm", "Phường Hải Châu"):
        assert main([*argv, "--where", where]) == 0
        codes[where] = [w["code"] for w in json.loads(capsys.readouterr().out)["warnings"]]
    assert "n1" in codes["Phường Hoàn Kiếm"]
    assert "n1" not in codes["Phường Hải Châu"]


def test_the_documented_example_note(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "plan-files.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    gov = _load(papi.hanoi(), tmp_path, example)
    assert "ward_contact" in _codes(gov, "W1", "Phường Hoàn Kiếm", AFTER)
    assert "ward_contact" not in _codes(gov, "D5", "Phường Hoàn Kiếm", AFTER)


def test_a_note_naming_units_or_documents(hn: Governance, tmp_path: Path) -> None:
    within = _load(hn, tmp_path, PLAN + 'within = ["002"]\n')  # Quận Hoàn Kiếm
    assert "n1" in _codes(within, "D3", "Phường Hàng Bạc", date(2024, 3, 1))
    assert "n1" not in _codes(within, "D3", "Phường Kim Mã", date(2024, 3, 1))
    one = _load(hn, tmp_path, PLAN + 'within = "002"\n')
    assert one._ctx.note_scopes[NOTE] == within._ctx.note_scopes[NOTE]
    # a note about another document of the model (the city's dispatch)
    other = _load(hn, tmp_path, PLAN + 'documents = ["dispatch-3010-2022"]\n')
    assert "n1" in _codes(other, "D3", "Phường Hàng Bạc", date(2024, 3, 1))
    assert "n1" not in _codes(other, "D3", "Phường Hàng Bạc", date(2022, 6, 12))  # not yet


def test_a_file_without_documents_speaks_of_the_whole_model(hn: Governance, tmp_path: Path) -> None:
    gov = _load(hn, tmp_path, PLAN[PLAN.index("[[notes]]") :])
    assert "n1" in _codes(gov, "D5", "Phường Kim Mã", date(2024, 3, 1))


@pytest.mark.parametrize(
    ("extra", "problems"),
    [
        ('documents = ["nope"]\n', ["plan.toml: notes[0].documents[0]: unknown document"]),
        ('within = "99999"\n', ["plan.toml: notes[0].within[0]: unknown unit"]),
        ("documents = []\n", ["plan.toml: notes[0].documents: must name something"]),
        ('within = ""\n', ["plan.toml: notes[0].within: must be a non-empty string"]),
        ("within = [1]\n", ["plan.toml: notes[0].within: must be a list of strings"]),
        ('documents = [" "]\n', ["plan.toml: notes[0].documents[0]: must be a non-empty"]),
        ('scope = "01"\n', ["plan.toml: notes[0].scope: unknown key"]),
    ],
)
def test_what_a_note_names_is_checked(
    hn: Governance, tmp_path: Path, extra: str, problems: list[str]
) -> None:
    with pytest.raises(InvalidData) as info:
        _load(hn, tmp_path, PLAN + extra)
    got = [str(p) for p in info.value.problems]
    assert len(got) == len(problems), got
    for text, want in zip(got, problems, strict=True):
        assert text.startswith(want), got


def test_a_note_naming_an_invalid_document_of_its_file(hn: Governance, tmp_path: Path) -> None:
    text = PLAN.replace('kind = "plan"', 'kind = "memo"') + 'documents = ["hk-plan-2026"]\n'
    with pytest.raises(InvalidData) as info:
        _load(hn, tmp_path, text)
    got = {p.path for p in info.value.problems}
    assert "plan.toml: notes[0].documents[0]" in got


# ------------------------------------------------------------------ the builder


def test_a_builder_note_without_scope_is_about_every_answer(hn: Governance) -> None:
    gov = hn.builder().add_note(NOTE).build()
    assert NOTE not in gov._ctx.note_scopes
    assert "n1" in _codes(gov, "D5", "Phường Kim Mã", date(2024, 3, 1))
    # added again with a scope, it stays about every answer
    again = hn.builder().add_note(NOTE).add_note(NOTE, within=["002"]).build()
    assert NOTE not in again._ctx.note_scopes


def test_a_note_added_twice_is_about_both(hn: Governance) -> None:
    b = hn.builder().add_note(NOTE, within=["002"]).add_note(NOTE, documents=["plan-164-2022"])
    gov = b.build()
    assert gov.notes.count(NOTE) == 1
    scope = gov._ctx.note_scopes[NOTE]
    assert (scope.documents, scope.within) == (frozenset({"plan-164-2022"}), frozenset({"002"}))


def test_a_builder_note_naming_nothing_is_refused(hn: Governance) -> None:
    with pytest.raises(InvalidData) as info:
        hn.builder().add_note(NOTE, documents=[], path="x").build()
    assert [p.path for p in info.value.problems] == ["x.documents"]
