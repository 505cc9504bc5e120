"""The ``papi`` command on its default model, the whole country (:func:`papi.vietnam`): every
command at an 80-column terminal fits it, and under ``--lang vi`` says nothing in English
outside proper names and citations, errors included. (tests/test_cli.py and
tests/test_cli_ux.py pin the Hanoi model; this module does not.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import test_cli
from papi.cli import display_width
from test_cli import WARD_PLAN
from test_cli_ux import (
    ERRORS,
    RUNS,
    _argv,
    _foreign_words,
    _terminal,  # noqa: F401  (an autouse fixture: 80 columns, no language from the locale)
    run,
)


@pytest.fixture(scope="module", autouse=True)
def _national_model() -> None:
    """Build the whole country once (papi.vietnam() keeps what it built for the session)."""
    import warnings

    from papi.datasets import vietnam

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        vietnam()


@pytest.fixture
def plan(tmp_path: Path) -> str:
    path = tmp_path / "ward.toml"
    path.write_text(WARD_PLAN, encoding="utf-8")
    return str(path)


@pytest.fixture
def bad_plan(tmp_path: Path) -> str:
    text = WARD_PLAN.replace('role = "lead"', 'role = "boss"').replace(
        'date = "2026-01-15"', 'date = "2026-13-15"'
    )
    text += '\n[[tasks]]\nid = "HK2"\ndocument = "no-such-document-of-this-plan"\n'
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


_NAME_WORDS: set[str] = set()


def _proper_names() -> set[str]:
    """The capitalised ASCII words of the names of every unit the model ever held ("Đồng
    Nai", "Kông Chro"): proper names, which the output writes as they are."""
    if not _NAME_WORDS:
        from papi.datasets import vietnam

        graph = vietnam().territory.full_graph
        for _, unit in graph.nodes(data="unit"):
            _NAME_WORDS.update(re.findall(r"\b[A-Z][A-Za-z]+\b", unit.name))
    return _NAME_WORDS


def _english(text: str) -> set[str]:
    """The English words of ``text``, as tests/test_cli_ux.py finds them, less proper names."""
    return {w for w in _foreign_words(text) if w not in _proper_names()}


#: Runs of every command on places and questions of the whole country: the Hanoi matrix of
#: tests/test_cli_ux.py, Đà Nẵng and the law's topics (khiếu nại, tố cáo, tiếp công dân).
NATIONAL_RUNS: list[list[str]] = [
    *RUNS,
    ["who", "D3", "--where", "Phường Hải Châu", "--on", "2026-03-01"],
    ["who", "D3", "--where", "Phường Hải Châu", "--on", "01/03/2026", "--verbose"],
    ["who", "khiếu nại", "--where", "Phường Hải Châu", "--on", "2026-03-01"],
    ["who", "khiếu nại", "--where", "Phường Hải Châu", "--on", "2026-03-01", "--verbose"],
    ["who", "tố cáo", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01", "--verbose"],
    ["who", "tiếp công dân", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01"],
    ["who", "tiếp công dân", "--where", "Hai Chau, Da Nang", "--on", "2026-03-01", "--verbose"],
    ["who", "D3", "--where", "Quận Hải Châu", "--on", "2024-03-01", "--verbose"],
    ["duties", "Phường Hải Châu", "--on", "2026-03-01"],
    ["duties", "Thành phố Đà Nẵng", "--on", "2026-03-01"],
    ["agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--of", "Phường Hải Châu"],
    ["units", "--within", "Thành phố Đà Nẵng", "--on", "2026-03-01"],
    ["units", "--level", "province", "--on", "2024-03-01"],
    ["convert", "Quận Hải Châu", "--to", "2026-03-01"],
    ["convert", "Phường Minh Khai, Quận Hai Bà Trưng", "--to", "2026-03-01"],
    ["case", "complaint", "--where", "Phường Hải Châu", "--received", "2026-03-02"],
    ["case", "denunciation", "--where", "Phường Hải Châu", "--received", "02/03/2026"],
    ["case", "complaint", "--where", "Phường Hải Châu", "--received", "2026-03-02", "--complex"],
    ["deadline", "tiếp công dân", "--from", "2026-03-02"],
    ["deadline", "khiếu nại lần hai", "--from", "2026-03-02"],
    ["who", "D3", "--where", "Phường Hải Châu", "--on", "2026-03-01", "--data", "PLAN"],
]


@pytest.mark.parametrize("argv", NATIONAL_RUNS, ids=lambda a: " ".join(a)[:60])
def test_no_line_exceeds_80_columns(
    capsys: pytest.CaptureFixture[str], argv: list[str], plan: str
) -> None:
    for lang in ("vi", "en"):
        code, out, err = run(capsys, *_argv(argv, plan), "--lang", lang)
        assert code == 0, err
        assert [line for line in out.splitlines() if display_width(line) > 80] == []


@pytest.mark.parametrize("argv", NATIONAL_RUNS, ids=lambda a: " ".join(a)[:60])
def test_vietnamese_output_has_no_english_and_dd_mm_yyyy_days(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], plan: str
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line per paragraph: marks apply to all of it
    code, out, err = run(capsys, *_argv(argv, plan), "--lang", "vi")
    assert code == 0, err
    assert _english(out + err) == set()
    # days as dd/mm/yyyy (an id such as 00070@2025-07-01 keeps its ISO day)
    assert re.findall(r"(?<![@\w])\d{4}-\d{2}-\d{2}\b", out + err) == []


#: Errors on the whole country: the Hanoi list, an ambiguous name (live and past units), a
#: misspelled name, a unit asked about after it was abolished and before it existed.
NATIONAL_ERRORS: list[list[str]] = [
    *ERRORS,
    ["who", "D3", "--where", "Tân Phú", "--on", "2026-03-01"],
    ["who", "D3", "--where", "Phường 1", "--on", "2026-03-01"],
    ["who", "D3", "--where", "Phường Hải Châuu", "--on", "2026-03-01"],
    ["who", "D3", "--where", "Quận Hải Châu", "--on", "2026-03-01"],
    ["who", "D3", "--where", "Quận Hoàn Kiếm", "--on", "2026-03-01"],
    ["who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2020-03-01"],
    ["who", "D3", "--where", "Hải Châu, Hà Nội", "--on", "2026-03-01"],
    ["who", "khiếu nại lần ba", "--where", "Phường Hải Châu", "--on", "2026-03-01"],
    ["duties", "Sở Không Có", "--on", "2026-03-01"],
    ["duties", "Sở Nội vụ", "--on", "2026-03-01"],
    ["framework", "D42", "--year", "2024"],
    ["convert", "Phường Minh Khai", "--to", "2026-03-01"],
    ["case", "complaint", "--where", "Quận Hải Châu", "--received", "2026-03-02"],
    ["deadline", "khiếu nại lần ba", "--from", "2026-03-02"],
    ["units", "--within", "Quận Hải Châu", "--on", "2026-03-01"],
]


@pytest.mark.parametrize("argv", NATIONAL_ERRORS, ids=lambda a: " ".join(a)[:60])
def test_errors_are_vietnamese(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    if "--json" in argv:
        pytest.skip("an error under --json is a JSON document (tests/test_cli_ux.py)")
    code, out, err = run(capsys, *argv, "--lang", "vi")
    assert code == 2
    assert out == "" or argv[0] == "check"
    assert err.startswith("papi: lỗi: ")
    assert len(err.strip().splitlines()) == 1
    allowed = {"nonsense", "frobnicate", "first"}  # the user's own words, echoed
    commands = {"who", "duties", "agenda", "overdue", "gaps", "framework", "units", "convert"}
    commands |= {"scores", "deadline", "check", "serve", "completion", "case"}
    assert _english(out + err) - allowed - commands == set()


def test_unit_errors_say_what_became_of_the_unit(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["who", "D3", "--where", "Quận Hải Châu", "--on", "01/03/2026", "--lang", "vi"]
    _, _, err = run(capsys, *argv)
    assert "01/07/2025" in err
    assert "Phường Hải Châu" in err
    assert "Phường Hòa Cường" in err
    _, _, err = run(
        capsys, "who", "D3", "--where", "Phường 1", "--on", "2026-03-01", "--lang", "vi"
    )
    assert "chấm dứt từ 01/07/2025" in err
    assert "until" not in err


def test_check_lists_problems_in_vietnamese_within_80_columns(
    capsys: pytest.CaptureFixture[str], bad_plan: str
) -> None:
    code, out, _ = run(capsys, "check", bad_plan, "--lang", "vi")
    assert code == 2
    assert out.count("\n  - ") >= 3
    assert [line for line in out.splitlines() if display_width(line) > 80] == []
    assert _english(out) == set()
    code, out, _ = run(capsys, "check", bad_plan, "--lang", "en")
    assert [line for line in out.splitlines() if display_width(line) > 80] == []


def test_check_says_every_kind_of_problem_in_vietnamese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from test_io_plan import BAD  # a problem of (nearly) every kind

    monkeypatch.setenv("COLUMNS", "1000")
    path = tmp_path / "bad.toml"
    path.write_text(BAD, encoding="utf-8")
    code, out, err = run(capsys, "check", str(path), "--lang", "vi")
    assert code == 2
    assert out.count("\n  - ") >= 10
    assert _english(out + err) == {"colour"}  # the file's own unknown key, quoted


def test_task_references_are_named_tasks_in_vietnamese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line per paragraph
    argv = ["who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01", "--verbose"]
    _, out, _ = run(capsys, *argv, "--lang", "vi")
    flat = " ".join(out.split())
    # "(T4, T7)" would read "(Thứ Tư, Thứ Bảy)": every list of plan tasks is named as such
    assert re.search(r"\((?:T\d+, )*T\d+\)", flat) is None
    assert re.search(r"¶\d+ \(nhiệm vụ T\d+", flat)
    assert re.search(r"^\s*(?:[-!·]\s+)?T\d+\b", out, flags=re.M) is None
    # the caveats of the command's own tables too
    argv = ["agenda", "--from", "2026-03-01", "--to", "2026-03-10", "--lang", "vi"]
    _, out, _ = run(capsys, *argv)
    assert "! nhiệm vụ T6: " in out
    assert re.search(r"!\s+T\d+\b", out) is None


@pytest.mark.parametrize("env", [{"PAPI_LANG": "vi"}, {"LANG": "vi_VN.UTF-8"}])
def test_papi_lang_and_the_locale_choose_vietnamese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    code, out, _ = run(capsys, "who", "D3", "--where", "Phường Hải Châu", "--on", "2026-03-01")
    assert code == 0
    assert out.startswith("Trách nhiệm về D3")
    code, _, err = run(capsys, "who", "D3", "--where", "Quận Hải Châu", "--on", "2026-03-01")
    assert code == 2
    assert err.startswith("papi: lỗi: ")


@pytest.mark.parametrize(("command", "argv"), test_cli._examples(), ids=lambda v: " ".join(v))
def test_every_help_example_runs_on_the_whole_country(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    request: pytest.FixtureRequest,
    command: str,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ward_plan = tmp_path / "ward.toml"
    ward_plan.write_text(WARD_PLAN, encoding="utf-8")
    test_cli.test_every_help_example_runs(capsys, ward_plan, request, command, argv, monkeypatch)


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "Phường Minh Khai", "--to", "2026-03-01"],  # units that all ended
        ["who", "D3", "--where", "Phường 1", "--on", "2026-03-01"],
        ["duties", "Sở Nội vụ", "--on", "2026-03-01"],  # one per province
        ["who", "D3", "--where", "Tân Phú", "--on", "2026-03-01"],
    ],
    ids=lambda a: " ".join(a)[:60],
)
def test_json_errors_give_every_candidate_an_id_and_a_parent(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    import json

    code, out, err = run(capsys, *argv, "--json", "--lang", "vi")
    assert code == 2
    assert out == ""
    error = json.loads(err)["error"]
    assert error["code"] == "ambiguous"
    assert len(error["candidates"]) >= 2
    assert all(c["id"] and c["parent"] for c in error["candidates"]), error["candidates"]
    assert "until" not in error["message_vi"]
