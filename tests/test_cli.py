"""The ``papi`` command: output of every sub-command, its errors and its help."""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from papi import cli
from papi.cli import display_width, main, render_table
from papi.cli._parser import command_module

Run = tuple[int, str, str]


@pytest.fixture(autouse=True)
def _hanoi_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests check answers of the packaged Hanoi model; the command's default, the
    whole country (papi.vietnam()), is tested in tests/test_vietnam.py."""
    import papi.datasets

    # papi's lazy top-level names cache what they resolve: patch the top-level name first (so
    # it resolves, and is restored, to the real function), then the module's
    monkeypatch.setattr(papi, "vietnam", papi.datasets.hanoi)
    monkeypatch.setattr(papi.datasets, "vietnam", papi.datasets.hanoi)


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100-column terminal in English, whatever the machine's locale."""
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("PAPI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(result: Run, *fragments: str) -> None:
    code, out, err = result
    assert code == 2, (code, out, err)
    assert out == ""
    lines = err.strip().splitlines()
    errors = [line for line in lines if line.startswith("papi: error:")]
    assert len(errors) == 1, err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


# ---- layout ---------------------------------------------------------------------------------


def test_display_width_counts_vietnamese_letters_once_in_nfc_and_nfd() -> None:
    name = "Phường Hoàn Kiếm"
    assert display_width(name) == display_width(unicodedata.normalize("NFD", name)) == 16


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("河内") == 4


@given(
    st.lists(
        st.sampled_from(["Hà Nội", "Phường Hoàn Kiếm", "Đống Đa", "x", "河内", ""]), min_size=1
    )
)
def test_table_columns_line_up(names: list[str]) -> None:
    rows = [[n, unicodedata.normalize("NFD", n), i] for i, n in enumerate(names)]
    text = render_table(["A", "B", "C"], rows)
    lines = text.splitlines()
    assert len(lines) == len(names) + 2
    # the third column starts at the same display column on every line
    starts = set()
    for line, row in zip(lines[2:], rows, strict=True):
        prefix = line[: line.rindex(str(row[2]))]
        starts.add(display_width(prefix))
    assert len(starts) == 1


# ---- top-level help and usage errors ------------------------------------------------------------


def test_top_level_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in (
        "who",
        "duties",
        "agenda",
        "overdue",
        "gaps",
        "framework",
        "units",
        "convert",
        "scores",
        "deadline",
        "check",
        "serve",
        "completion",
    ):
        assert f"    {name}" in out
    assert "--json" in out
    assert "--lang" in out


COMMANDS = ["who", "duties", "agenda", "overdue", "gaps", "framework", "units", "convert"]
COMMANDS += ["scores", "deadline", "check", "serve", "completion", "case"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_complete_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.startswith(f"usage: papi {command}")
    for option in ("--lang", "--json", "--data", "--debug"):
        assert option in out
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for action in sub.choices[command]._actions:
        assert action.help, f"{command}: {action.option_strings or action.dest} has no help"


def test_unknown_command_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "whom"), "invalid choice", "'whom'")


def test_missing_required_option_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "who", "D3"), "--where", "papi who --help")


def test_options_work_before_and_after_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    a = run(capsys, "--json", "framework", "D3")
    b = run(capsys, "framework", "D3", "--json")
    assert a[0] == b[0] == 0
    assert json.loads(a[1]) == json.loads(b[1])


def test_bare_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 2
    assert out.startswith("usage: papi")
    assert "Examples:" in out
    assert err == ""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("papi ")


# ---- framework -------------------------------------------------------------------------------


def test_framework_lists_eight_dimensions_since_2018(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "--year", "2024")
    assert code == 0
    for n in range(1, 9):
        assert f"\nD{n} " in out
    assert "E-Governance" in out
    assert "8 dimensions" in out


def test_framework_before_2018_has_six_dimensions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "framework", "--year", "2015")
    assert code == 0
    doc = json.loads(out)
    assert [e["code"] for e in doc["elements"] if e["level"] == "dimension"] == [
        f"D{n}" for n in range(1, 7)
    ]


def test_framework_element_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "D3", "--lang", "vi")
    assert code == 0
    assert out.startswith("D3  Trách nhiệm giải trình với người dân")
    assert "D3.1" in out
    assert "Nguồn:" in out


def test_framework_element_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "framework", "quan tri dien tu")
    assert code == 0
    assert json.loads(out)["element"]["code"] == "D8"


def test_framework_json_element(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "framework", "D3.1", "--json")
    doc = json.loads(out)
    assert code == 0
    assert doc["schema"] == "papi.framework-element/1"
    assert doc["element"]["parent"] == "D3"
    assert [e["code"] for e in doc["ancestors"]] == ["D3"]
    assert doc["element"]["level"] == "sub_dimension"
    assert doc["element"]["sources"]


def test_framework_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "framework", "D9"), "D9")


def test_framework_unknown_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "framework", "--year", "2009"), "2009")


def test_framework_year_not_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "framework", "--year", "twenty"), "--year", "twenty")


# ---- units -------------------------------------------------------------------------------


def test_units_communes_of_hanoi_after_the_reform(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "units", "--level", "commune", "--on", "2026-03-01", "--json")
    assert code == 0
    doc = json.loads(out)
    assert len(doc["units"]) == 126
    names = {u["name"] for u in doc["units"]}
    assert "Phường Hoàn Kiếm" in names
    assert "today" not in err


def test_units_table_within_a_district_before_the_reform(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "units", "--within", "Quận Hoàn Kiếm", "--on", "2022-09-30")
    assert code == 0
    assert out.startswith("18 units within Quận Hoàn Kiếm on 2022-09-30")
    assert "Phường Hàng Bạc" in out


def test_units_default_day_is_today_in_vietnam_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from papi.dates import today_in_vietnam

    code, out, err = run(capsys, "units", "--level", "province", "--json")
    assert code == 0
    assert f"using today in Asia/Ho_Chi_Minh: {today_in_vietnam().isoformat()}" in err
    assert json.loads(out)["on"] == today_in_vietnam().isoformat()  # stdout stays pure JSON


def test_units_unknown_unit(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "units", "--within", "Phường Không Có", "--on", "2026-03-01")
    assert_one_line_error(result, "Phường Không Có")


def test_units_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "units", "--on", "2026-02-30"), "--on", "2026-02-30")


def test_units_bad_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "units", "--level", "hamlet"), "hamlet")


# ---- the installed command ------------------------------------------------------------------


def test_python_dash_m_papi_runs_and_writes_utf8(tmp_path: Path) -> None:
    env = {"PYTHONIOENCODING": "ascii", "PATH": "", "LC_ALL": "C"}
    proc = subprocess.run(
        [sys.executable, "-m", "papi", "framework", "D3", "--lang", "vi"],
        capture_output=True,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Trách nhiệm giải trình".encode() in proc.stdout


def test_internal_errors_are_one_line_without_debug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(ctx: object) -> int:
        raise RuntimeError("kaput")

    monkeypatch.setattr("papi.cli.commands.framework.run", boom)
    code, _, err = run(capsys, "framework")
    assert code == 1
    assert err.strip() == (
        "papi: internal error: RuntimeError: kaput "
        "(this is a bug in papi; run again with --debug for the traceback)"
    )
    with pytest.raises(RuntimeError):
        main(["framework", "--debug"])


def test_debug_shows_the_traceback_of_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "framework", "D9", "--debug")
    assert code == 2
    assert "Traceback" in err
    assert err.strip().splitlines()[-1].startswith("papi: error:")


# ---- scores -------------------------------------------------------------------------------


def test_scores_hanoi_2021_is_ninth_and_high(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scores", "--year", "2021")
    assert code == 0
    assert out.startswith("Hà Nội, PAPI 2021\nTotal: 44.4466   Rank: 9/63   Group: 1 (high)")
    assert "Vertical Accountability Towards Citizens" in out


def test_scores_marks_dimension_ranks_that_are_not_reproduced(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "scores", "--year", "2024")
    assert code == 0
    e_gov = next(line for line in out.splitlines() if line.startswith("D8 "))
    assert "1 (unverified)" in e_gov
    code, out, _ = run(capsys, "scores", "--year", "2023", "--json")
    result = json.loads(out)["results"][0]
    ranks = {d["code"]: d["rank"] for d in result["dimensions"] if d["rank"] is not None}
    assert ranks == {"D8": 1}
    assert result["dimension_ranks_verified"] is True


def test_scores_json_is_the_scorecard(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "scores", "--year", "2021", "--json", "--lang", "vi")
    doc = json.loads(out)
    assert code == 0
    assert doc["schema"] == "papi.scores/1"
    result = doc["results"][0]
    assert result["rank"] == 9
    assert result["group"] == {"number": 1, "vi": "Cao", "en": "high"}
    assert result["total"] == 44.4466
    assert {d["code"] for d in result["dimensions"]} == {f"D{n}" for n in range(1, 9)}


def test_scores_year_without_packaged_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "scores", "--year", "2017"), "2017", "--table")


def test_scores_ranks_a_table(capsys: pytest.CaptureFixture[str], scores_csv: Path) -> None:
    code, out, _ = run(capsys, "scores", "--year", "2021", "--table", str(scores_csv), "--json")
    assert code == 0
    doc = json.loads(out)
    hanoi = next(e for e in doc["entries"] if e["province"] == "Hà Nội")
    assert hanoi["rank"] == 9
    assert [e["rank"] for e in doc["entries"]] == sorted(e["rank"] for e in doc["entries"])


def test_scores_table_lists_unscored_provinces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    table = tmp_path / "scores.csv"
    header = "province_vi,year,D1,D2,D3,D4,D5,D6,D7,D8\n"
    table.write_text(
        header
        + "Hà Nội,2021,5,6,4,7,7.5,7.8,3.2,3.6\n"
        + "Huế,2021,6,6,5,7,7.5,7.8,4,4.7\n"
        + "Bắc Ninh,2021,5,,4,7,7.5,7.8,3.2,3.6\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "scores", "--year", "2021", "--table", str(table))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("PAPI 2021: 2 provinces ranked")
    assert any(line.startswith("1 ") and "Huế" in line for line in lines)
    assert "  - Bắc Ninh: D2" in lines


def test_scores_malformed_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    table = tmp_path / "bad.csv"
    table.write_text(
        "province_vi,year,D1,D2,D3,D4,D5,D6,D7,D8\nHà Nội,2021,5,six,4,7,7.5,7.8,3.2,3.6\n",
        encoding="utf-8",
    )
    assert_one_line_error(run(capsys, "scores", "--year", "2021", "--table", str(table)), "D2")


def test_scores_table_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    table = tmp_path / "latin1.csv"
    header = "province_vi,year,D1,D2,D3,D4,D5,D6,D7,D8\n"
    table.write_bytes((header + "Hà Noi,2021,5,5,5,5,5,5,5,5\n").encode("latin-1"))
    result = run(capsys, "scores", "--year", "2021", "--table", str(table))
    assert_one_line_error(result, "latin1.csv: line 2", "not UTF-8")


def test_scores_missing_table_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.csv")
    assert_one_line_error(run(capsys, "scores", "--year", "2021", "--table", missing), "nope.csv")


# ---- deadline ----------------------------------------------------------------------------


def test_deadline_across_tet(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "complaint.first_instance", "--from", "2026-01-20")
    assert code == 0
    assert "Due          2026-02-23 (Monday)" in out
    assert "Law 02/2011/QH13, Art 28" in out
    assert "2026-02-19" in out  # the raw end falls in Tết and is rolled forward


def test_deadline_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "complaint.first_instance", "--from", "2026-01-20", "--json"]
    code, out, _ = run(capsys, *argv)
    doc = json.loads(out)
    assert code == 0
    assert doc["schema"] == "papi.deadline/1"
    assert doc["due"] == "2026-02-23"
    assert doc["start"] == "2026-01-20"
    assert doc["statute"]["rule_en"].startswith("30 days")
    assert doc["statute"]["citation_en"] == "Law 02/2011/QH13, Art 28"


def test_deadline_picks_the_version_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    # Acceptance of a complaint: 10 working days until 2026-06-30, 7 from 2026-07-01.
    before = run(capsys, "deadline", "complaint.first_instance.accept", "--from", "2026-03-02")
    after = run(capsys, "deadline", "complaint.first_instance.accept", "--from", "2026-07-20")
    assert "10 working days" in before[1]
    assert "7 working days" in after[1]
    assert "Due          2026-07-29" in after[1]


def test_deadline_recurring_series(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "report.monthly", "--from", "2026-01-01", "--to", "2026-06-30", "--json"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    series = json.loads(out)["occurrences"]
    assert len(series) == 6
    assert series == sorted(series)


def test_deadline_lists_statutes_without_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "--from", "2026-03-01")
    assert code == 0
    assert "complaint.first_instance " in out
    assert "denunciation.resolve " in out


def test_deadline_unknown_rule(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "deadline", "complaint.first", "--from", "2026-01-20")
    assert_one_line_error(result, "complaint.first", "complaint.first_instance")


def test_deadline_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "deadline", "complaint.first_instance", "--from", "20.01.2026")
    assert_one_line_error(result, "--from", "20.01.2026")
    result = run(capsys, "deadline", "complaint.first_instance", "--from", "30/02/2026")
    assert_one_line_error(result, "--from", "30/02/2026")


def test_dates_are_accepted_in_both_forms(capsys: pytest.CaptureFixture[str]) -> None:
    iso = run(capsys, "deadline", "complaint.first_instance", "--from", "2026-01-20")
    dmy = run(capsys, "deadline", "complaint.first_instance", "--from", "20/01/2026")
    assert iso == dmy
    assert iso[0] == 0


def test_deadline_to_needs_a_recurring_rule(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "complaint.first_instance", "--from", "2026-01-20", "--to", "2026-03-01"]
    assert_one_line_error(run(capsys, *argv), "recurring")


# ---- who, duties, agenda, overdue, gaps, check (the Hanoi governance model) ---------------------

WARD_PLAN = """\
schema = "papi.plan/1"

[[documents]]
id = "hk-plan-2026"
number = "15/KH-UBND"
kind = "plan"
issuer = "Ủy ban nhân dân phường Hoàn Kiếm"
date = "2026-01-15"
title_vi = "Kế hoạch nâng cao Chỉ số PAPI năm 2026 của phường Hoàn Kiếm"
verified = false

[[tasks]]
id = "HK1"
document = "hk-plan-2026"
reference = "Mục II.1"
title_vi = "Công khai kết quả giải quyết kiến nghị của người dân trên cổng thông tin điện tử"
title_en = "Publish the outcome of citizens' petitions on the ward's web portal"
indicators = ["D3"]
deadlines = [{ rule = { type = "fixed", on = "2026-03-31" } }]

[[assignments]]
id = "HK1.lead"
task = "HK1"
role = "lead"
selector = { type = "organization", id = "ubnd:00070@2025-07-01" }
basis = { document = "hk-plan-2026", reference = "Mục II.1" }
valid = { from = "2026-01-15" }
"""


@pytest.fixture
def ward_plan(tmp_path: Path) -> Path:
    path = tmp_path / "ward.toml"
    path.write_text(WARD_PLAN, encoding="utf-8")
    return path


@pytest.fixture
def bad_plan(tmp_path: Path) -> Path:
    text = WARD_PLAN.replace('role = "lead"', 'role = "boss"').replace(
        'date = "2026-01-15"', 'date = "2026-13-15"'
    )
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_who_after_the_reform(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01")
    assert code == 0
    assert out.startswith(
        "Who is accountable for D3 (Vertical Accountability Towards Citizens) in Phường Hoàn "
        "Kiếm on\n2026-03-01\n"
    )
    lines = out.splitlines()
    implement = next(line for line in lines if line.startswith("implement "))
    assert "Ủy ban nhân dân phường Hoàn Kiếm" in implement
    accountable = next(line for line in lines if line.startswith("accountable "))
    assert "Chairperson, Ủy ban nhân dân phường Hoàn Kiếm  holder unknown  T4, T5" in accountable
    assert "Vũ Đại Thắng" in out  # the city chair, top of the escalation chain
    assert "72/2025/QH15" in out  # the district tier's duties came by succession
    flat = " ".join(out.split())  # paragraphs are wrapped at 100 columns
    assert "Basis: dispatch 3010/UBND-SNV (date unknown)." in flat
    assert "inherited from Ủy ban nhân dân quận Ba Đình, Ủy ban nhân dân quận Hoàn Kiếm" in flat
    assert "Next deadline: 2026-03-06, task T6" in flat


def test_who_summary_fits_a_screen_and_verbose_has_every_basis(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datetime import date

    from papi.datasets import hanoi

    argv = ["who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01"]
    code, short, _ = run(capsys, *argv)
    assert code == 0
    assert len(short.splitlines()) <= 24
    assert max(display_width(line) for line in short.splitlines()) <= 100
    answer = hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    # every (role, organization) of the answer has its row, and every task appears
    for r in answer.responsible:
        row = next(
            (
                line
                for line in short.splitlines()
                if line.startswith(r.role.value + " ") and r.organization.name[:20] in line
            ),
            None,
        )
        assert row is not None, (r.role, r.organization.name, short)
        assert re.search(rf"\b{r.task}\b", row), (r.task, row)
    assert f"{len(answer.warnings)} caveats" in short
    code, verbose, _ = run(capsys, *argv, "--verbose")
    assert code == 0
    # the explanation, its long lines wrapped to the terminal
    assert verbose.split() == answer.explain("en").split()
    assert max(display_width(line) for line in verbose.splitlines()) <= 100
    flat = " ".join(verbose.split())
    for w in answer.warnings:
        assert " ".join(w.text("en").split()) in flat


def test_who_without_holders_shows_why(capsys: pytest.CaptureFixture[str]) -> None:
    # T1 is assigned to "the departments named in the appendix", which is not in the data
    code, out, _ = run(capsys, "who", "T1", "--where", "Xã Sóc Sơn", "--on", "2026-03-01")
    assert code == 0
    flat = " ".join(out.split())
    assert "No organization or post can be named for it from the data:" in flat
    assert "the lead role is assigned to the departments" in flat
    assert "Phụ lục 1" in flat


def test_who_about_a_merged_ward_says_which_ward_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "who", "D3", "--where", "Phường Hàng Bạc", "--on", "2026-03-01")
    assert code == 0
    flat = " ".join(out.split())
    assert (
        "Phường Hàng Bạc succeeded by Phường Hoàn Kiếm on 2025-07-01 (1656/NQ-UBTVQH15); "
        "the answer is for Phường Hoàn Kiếm." in flat
    )
    code, out, _ = run(capsys, "who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01")
    assert "the answer is for" not in out  # asked about the ward itself: nothing to explain


def test_who_json_is_the_library_document(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    from papi.datasets import hanoi
    from papi.io import dumps

    argv = ["who", "D3", "--where", "P. Hoan Kiem", "--on", "2026-03-01", "--json"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "papi.accountability/1"
    expected = hanoi().who("D3", where="P. Hoan Kiem", on=date(2026, 3, 1))
    assert doc == json.loads(dumps(expected))


def test_who_before_the_reform_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["who", "D3", "--where", "Phường Hàng Bạc", "--on", "2022-09-30", "--lang", "vi"]
    code, out, err = run(capsys, *argv)
    assert code == 0
    assert out.startswith(
        "Trách nhiệm về D3 (Trách nhiệm giải trình với người dân) tại Phường Hàng Bạc ngày "
        "30/09/2022"
    )
    flat = " ".join(out.split())
    assert "Ủy ban nhân dân quận Hoàn Kiếm" in flat  # the district PC still existed
    assert "chịu trách nhiệm toàn diện" in flat.replace(
        "trách nhiệm toàn diện", "trách nhiệm toàn diện"
    )
    assert "Thời hạn gần nhất: 30/09/2022" in out
    assert "Traceback" not in err


def test_who_unknown_unit(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "who", "D3", "--where", "Phường Hoàn Kiem X", "--on", "2026-03-01")
    assert_one_line_error(result, "Phường Hoàn Kiem X")


def test_who_unit_that_did_not_exist_yet(capsys: pytest.CaptureFixture[str]) -> None:
    # Phường Hoàn Kiếm was created on 2025-07-01: in 2022 the answer is an error naming it.
    result = run(capsys, "who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2022-09-30")
    assert_one_line_error(result, "Phường Hoàn Kiếm", "2025-07-01")


def test_who_bad_date(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "yesterday")
    assert_one_line_error(result, "--on", "yesterday")


def test_who_unknown_subject(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "who", "D42", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01")
    assert_one_line_error(result, "D42")


def test_who_with_a_plan_file(capsys: pytest.CaptureFixture[str], ward_plan: Path) -> None:
    argv = ["who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01"]
    code, out, _ = run(capsys, *argv, "--data", str(ward_plan), "--json")
    assert code == 0
    doc = json.loads(out)
    lead = [r for r in doc["responsible"] if r["role"] == "lead"]
    assert [r["task"] for r in lead] == ["HK1"]
    assert lead[0]["organization"]["name"] == "Ủy ban nhân dân phường Hoàn Kiếm"


def test_malformed_plan_file_is_one_line(
    capsys: pytest.CaptureFixture[str], bad_plan: Path
) -> None:
    argv = ["who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01"]
    assert_one_line_error(run(capsys, *argv, "--data", str(bad_plan)), "bad.toml", "boss")


def test_plan_file_with_several_problems_names_them_all_and_points_to_check(
    capsys: pytest.CaptureFixture[str], bad_plan: Path
) -> None:
    argv = ["gaps", "--on", "2026-03-01", "--data", str(bad_plan)]
    assert_one_line_error(
        run(capsys, *argv),
        f"{bad_plan} is not a valid plan file (",
        f"problems; 'papi check {bad_plan}' lists them one per line): ",
        "boss",
        "2026-13-15",
    )


def test_missing_plan_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    argv = ["gaps", "--on", "2026-03-01", "--data", str(tmp_path / "none.toml")]
    assert_one_line_error(run(capsys, *argv), "none.toml")


def test_duties_of_a_ward_include_inherited_district_duties(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "duties", "Phường Hoàn Kiếm", "--on", "2026-03-01")
    assert code == 0
    assert "Ủy ban nhân dân quận Hoàn Kiếm" in out  # the "Inherited from" column
    doc = json.loads(run(capsys, "duties", "Phường Hoàn Kiếm", "--on", "2026-03-01", "--json")[1])
    assert doc["schema"] == "papi.duties/1"
    m = len(doc["items"])
    n = len({(i["task"], i["role"], i["organization"]["id"]) for i in doc["items"]})
    assert 0 < n < m  # the same duty held directly and inherited twice is listed once
    assert out.startswith(f"{n} duties of Phường Hoàn Kiếm on 2026-03-01 ({m} assignments")
    t4 = out[out.index("\ntask T4  implement: Ủy ban nhân dân phường Hoàn Kiếm") :]
    t4 = t4.split("\n\n")[0]
    assert "directly, and inherited from Ủy ban nhân dân quận Ba Đình" in " ".join(t4.split())
    assert {item["task"] for item in doc["items"]} >= {"T4", "T5", "T6", "T7"}


def test_duties_unknown_holder(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "duties", "Sở Không Có", "--on", "2026-03-01"), "Sở Không Có")


def test_agenda_of_a_ward_in_tet_month(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["agenda", "--from", "2026-02-01", "--to", "2026-02-28", "--of", "Phường Hoàn Kiếm"]
    code, out, _ = run(capsys, *argv, "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "papi.agenda/1"
    dues = [i["due"] for i in doc["items"]]
    assert dues == sorted(dues)
    assert all("2026-02-01" <= d <= "2026-02-28" for d in dues)
    assert not any("2026-02-16" <= d <= "2026-02-20" for d in dues)  # Tết days off
    code, out, _ = run(capsys, *argv)
    assert "2026-02-06 (Friday)" in out


def test_agenda_needs_both_bounds(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(run(capsys, "agenda", "--from", "2026-02-01"), "--to")


def test_agenda_inverted_window(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "agenda", "--from", "2026-03-01", "--to", "2026-02-01")
    assert_one_line_error(result, "before")


def test_vietnamese_output_translates_levels_and_statuses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "overdue", "--on", "2026-03-01", "--lang", "vi")
    assert code == 0
    assert "quá hạn" in out.splitlines()[4]
    assert "overdue" not in out
    code, out, _ = run(capsys, "units", "--level", "commune", "--on", "2026-03-01", "--lang", "vi")
    assert out.startswith("126 đơn vị (cấp xã) ngày 01/03/2026")
    argv = ["agenda", "--from", "2026-02-01", "--to", "2026-02-28", "--of", "Phường Hoàn Kiếm"]
    code, out, _ = run(capsys, *argv, "--lang", "vi")
    assert "cấp xã" in out
    assert " commune " not in out


def test_overdue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "overdue", "--on", "2026-03-01")
    assert code == 0
    assert "overdue duties on 2026-03-01" in out.splitlines()[0]
    doc = json.loads(run(capsys, "overdue", "--on", "2026-03-01", "--json")[1])
    assert doc["schema"] == "papi.overdue/1"
    n = int(out.split()[0])
    assert len(doc["items"]) == n


def test_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "gaps", "--on", "2026-03-01", "--lang", "vi")
    assert code == 0
    assert "khoảng trống trách nhiệm ngày 01/03/2026" in out.splitlines()[0]
    assert "selector_matches_nobody" not in out
    assert "không ứng với cơ quan nào" in out
    doc = json.loads(run(capsys, "gaps", "--on", "2026-03-01", "--json")[1])
    assert doc["schema"] == "papi.gaps/1"
    assert "selector_matches_nobody" in {g["kind"] for g in doc["items"]}


def test_check_valid_plan(capsys: pytest.CaptureFixture[str], ward_plan: Path) -> None:
    code, out, _ = run(capsys, "check", str(ward_plan))
    assert code == 0
    assert " ".join(out.split()) == (
        f"{ward_plan}: valid (1 documents, 1 tasks, 1 assignments, 0 reports added)"
    )


def test_check_lists_every_problem(capsys: pytest.CaptureFixture[str], bad_plan: Path) -> None:
    code, out, err = run(capsys, "check", str(bad_plan))
    assert code == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("papi: error:")
    problems = " ".join(out.split()).split(" - ")[1:]
    assert len(problems) >= 2
    assert any("boss" in p for p in problems)
    assert any("2026-13-15" in p for p in problems)


def test_check_json(capsys: pytest.CaptureFixture[str], bad_plan: Path) -> None:
    code, out, _ = run(capsys, "check", str(bad_plan), "--json")
    assert code == 2
    doc = json.loads(out)
    assert doc["valid"] is False
    assert {p["value"] for p in doc["problems"]} >= {"boss", "2026-13-15"}


def test_check_not_toml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("schema = [unclosed\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(path))
    assert code == 2
    assert err.startswith("papi: error:")
    assert "broken.toml" in err


# ---- the same errors on every command --------------------------------------------------------

WITH_ON = {
    "who": ["who", "D3", "--where", "Phường Hoàn Kiếm"],
    "duties": ["duties", "Phường Hoàn Kiếm"],
    "overdue": ["overdue"],
    "gaps": ["gaps"],
    "units": ["units"],
}


@pytest.mark.parametrize("command", sorted(WITH_ON))
def test_bad_date_on_every_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    result = run(capsys, *WITH_ON[command], "--on", "2026-02-29")
    assert_one_line_error(result, "--on", "2026-02-29")


@pytest.mark.parametrize("command", ["who", "duties", "overdue", "gaps"])
def test_malformed_plan_on_every_query(
    capsys: pytest.CaptureFixture[str], bad_plan: Path, command: str
) -> None:
    argv = [*WITH_ON[command], "--on", "2026-03-01", "--data", str(bad_plan)]
    assert_one_line_error(run(capsys, *argv), "bad.toml")


def test_malformed_plan_on_agenda(capsys: pytest.CaptureFixture[str], bad_plan: Path) -> None:
    argv = ["agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--data", str(bad_plan)]
    assert_one_line_error(run(capsys, *argv), "bad.toml")


@pytest.mark.parametrize(
    "argv",
    [
        ["framework", "D3"],
        ["units", "--on", "2026-03-01"],
        ["scores", "--year", "2021"],
        ["deadline", "complaint.first_instance", "--from", "2026-01-20"],
        ["check", "other.toml"],
    ],
)
def test_data_on_a_command_that_reads_no_plan_is_an_error(
    capsys: pytest.CaptureFixture[str], ward_plan: Path, argv: list[str]
) -> None:
    # silently ignoring --data would let a user believe their plan was taken into account
    result = run(capsys, *argv, "--data", str(ward_plan))
    assert_one_line_error(result, f"papi {argv[0]} does not read plan files", "who, duties")


def test_bad_dates_on_agenda(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "agenda", "--from", "2026-02-01", "--to", "2026-02-30")
    assert_one_line_error(result, "--to", "2026-02-30")
    result = run(capsys, "agenda", "--from", "1/13/2026", "--to", "2026-02-28")
    assert_one_line_error(result, "--from", "1/13/2026")


@pytest.mark.parametrize(
    "argv",
    [
        ["who", "D3", "--where", "Phường Không Có", "--on", "2026-03-01"],
        ["duties", "Phường Không Có", "--on", "2026-03-01"],
        ["agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--of", "Phường Không Có"],
        ["units", "--within", "Phường Không Có", "--on", "2026-03-01"],
    ],
)
def test_unknown_unit_on_every_command(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert_one_line_error(run(capsys, *argv), "Phường Không Có")


# ---- the examples of every --help ------------------------------------------------------------


def _examples() -> list[tuple[str, list[str]]]:
    import shlex

    out = []
    for name in COMMANDS:
        for attr in ("EXAMPLES", "EXAMPLES_VI"):
            text = getattr(command_module(name), attr)
            lines = [line.strip() for line in text.splitlines() if line.startswith("  papi ")]
            assert lines, f"papi {name} --help has no example"
            for line in lines:
                argv = shlex.split(line.split(" | ")[0].split(" > ")[0], comments=True)
                assert argv[:2] == ["papi", name], line
                if (name, argv[1:]) not in out:
                    out.append((name, argv[1:]))
    return out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_ends_with_examples(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    examples = out[out.index("\nExamples:\n") :]
    assert "Examples:" in command_module(command).EXAMPLES
    assert command_module(command).EXAMPLES_VI.startswith("Ví dụ:\n")
    assert f"\n  papi {command} " in examples or f"\n  papi {command}\n" in examples


@pytest.mark.parametrize(("command", "argv"), _examples(), ids=lambda v: " ".join(v))
def test_every_help_example_runs(
    capsys: pytest.CaptureFixture[str],
    ward_plan: Path,
    request: pytest.FixtureRequest,
    command: str,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    files = {
        "my_plan.toml": ward_plan,
        "ke_hoach.toml": ward_plan,
        "my_reports.toml": ward_plan,
        "bao_cao.toml": ward_plan,
    }
    if "papi_provincial_scores_2011_2024.csv" in argv:  # only these examples need ../shared
        files["papi_provincial_scores_2011_2024.csv"] = request.getfixturevalue("scores_csv")
    for name in ("my_plan.json", "ke_hoach.json"):
        if name in argv:  # the same plan as JSON
            import tomllib

            doc = tomllib.loads(ward_plan.read_text(encoding="utf-8"))
            files[name] = ward_plan.with_suffix(".json")
            files[name].write_text(json.dumps(doc), encoding="utf-8")
    for name in ("old_addresses.txt", "dia_chi_cu.txt"):  # papi convert --from-file
        files[name] = ward_plan.with_name(name)
        files[name].write_text("Phường Hàng Bạc\nTỉnh Quảng Nam\n", encoding="utf-8")
    if command == "serve":  # the service is not started: its options are checked
        pytest.importorskip("fastapi")
        import papi.server

        monkeypatch.setattr(papi.server, "serve", lambda gov, **kwargs: None)
    argv = [str(files.get(a, a)) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert out.strip() or command == "serve"
    if "--json" in argv:
        json.loads(out)


def test_ambiguous_unit_lists_the_qualified_names(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "who", "D3", "--where", "Minh Khai", "--on", "2024-03-01")
    assert_one_line_error(
        result,
        "ambiguous unit 'Minh Khai'",
        "in Quận Hai Bà Trưng",
        "write 'Name, Parent' to choose: 'Phường Minh Khai, Quận Hai Bà Trưng', "
        "'Phường Minh Khai, Quận Bắc Từ Liêm', 'Xã Minh Khai, Huyện Hoài Đức'",
        "(or the id: 00295, 00613, 09838)",
    )
    # each suggested spelling answers for its own unit
    for where, expected in (
        ("Phường Minh Khai, Quận Hai Bà Trưng", "00295"),
        ("Xã Minh Khai, Huyện Hoài Đức", "09838"),
        ("09838", "09838"),
    ):
        argv = ["who", "D3", "--where", where, "--on", "2024-03-01", "--json"]
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert json.loads(out)["where"]["id"] == expected


def test_who_accepts_nfd_and_plain_ascii_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    answers = set()
    for where in (
        "Phường Hoàn Kiếm",
        unicodedata.normalize("NFD", "Phường Hoàn Kiếm"),
        "p. hoan kiem",
    ):
        code, out, _ = run(capsys, "who", "D3", "--where", where, "--on", "2026-03-01", "--json")
        assert code == 0
        answers.add(out)
    assert len(answers) == 1


# ---- every answer papi can give renders (papi.testing drives the command) ---------------------

pt = pytest.importorskip("papi.testing")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=pt.who_queries(), lang=st.sampled_from(["en", "vi"]))
def test_who_renders_every_answer(
    capsys: pytest.CaptureFixture[str], query: tuple[str, str, object], lang: str
) -> None:
    from papi.datasets import hanoi
    from papi.io import dumps

    subject, where, on = query
    argv = ["who", subject, "--where", where, "--on", str(on), "--lang", lang]
    code, summary, err = run(capsys, *argv)
    assert code == 0, err
    answer = hanoi().who(subject, where=where, on=on)  # type: ignore[arg-type]
    assert answer.where.name in " ".join(summary.split())
    flat = " ".join(summary.split())  # table cells may wrap at the terminal's width
    for r in answer.responsible:  # every role and task of the answer is in the summary
        assert r.role.label(lang) in flat
        assert re.search(rf"\b{r.task}\b", summary), r.task
    if any(r.via for r in answer.responsible):
        assert ("inherited from" if lang == "en" else "kế thừa từ") in " ".join(summary.split())
    code, verbose, _ = run(capsys, *argv, "--verbose")
    expected = answer.explain(lang)
    if lang == "vi":  # dates as dd/mm/yyyy (explain writes "nhiệm vụ T6" itself)
        from papi.cli._render import vi_dates

        expected = vi_dates(expected)
    assert verbose.split() == expected.split()
    code, doc, _ = run(capsys, *argv, "--json")
    assert json.loads(doc) == json.loads(dumps(answer))


# ---- fast start: --help and --version build nothing ------------------------------------------

_LOADED = """
import json, sys
at_start = {m.split(".")[0] for m in sys.modules}  # with what site's .pth files load
from papi.cli import main
code = main(sys.argv[1:])
heavy = ("networkx", "holidays", "cattrs", "dateutil", "papi.governance", "papi.territory")
loaded = sorted({m.split(".")[0] for m in sys.modules if m.startswith(heavy)})
commands = sorted(m for m in sys.modules if m.startswith("papi.cli.commands."))
outside = sorted(
    {m.split(".")[0] for m in sys.modules} - at_start - set(sys.stdlib_module_names) - {"papi"}
)
print(json.dumps([code, loaded, commands, outside]), file=sys.stderr)
"""


@pytest.mark.parametrize(
    ("argv", "commands"),
    [
        (["--version"], []),
        (["--help"], []),
        ([], []),
        (["deadline", "--help"], ["papi.cli.commands.deadline"]),
        (["who", "--help"], ["papi.cli.commands.who"]),
    ],
)
def test_help_and_version_import_no_heavy_module_and_only_the_chosen_command(
    argv: list[str], commands: list[str]
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _LOADED, *argv],
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "PYTHONPATH": str(Path(cli.__file__).parents[2])},
    )
    code, heavy, imported, outside = json.loads(proc.stderr.strip().splitlines()[-1])
    assert code in (0, 2), proc.stderr
    assert heavy == [], proc.stderr
    assert imported == commands, proc.stderr
    if not argv or argv[0].startswith("--"):  # the top level: the standard library alone
        assert outside == [], proc.stderr


def test_every_command_module_has_the_command_interface() -> None:
    from papi.cli._parser import COMMANDS as REGISTRY

    assert list(REGISTRY) == COMMANDS
    for name in REGISTRY:
        module = command_module(name)
        assert callable(module.add_arguments), name
        assert callable(module.run), name
        assert module.DESCRIPTION.strip(), name
        assert module.EXAMPLES.startswith("Examples:\n"), name
