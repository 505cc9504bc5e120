"""papi deadline: statutes with no computable deadline (Unscheduled) and citations by language."""

from __future__ import annotations

import json

import pytest

from papi.cli import main
from papi.rules import Unscheduled, statutes

UNSCHEDULED = sorted({s.key for s in statutes() if isinstance(s.rule, Unscheduled)})


@pytest.fixture(autouse=True)
def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide terminal in English, whatever the machine's locale."""
    monkeypatch.setenv("COLUMNS", "200")
    for name in ("PAPI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_there_are_unscheduled_statutes() -> None:
    assert "citizen_reception.commune_chair" in UNSCHEDULED
    assert "citizen_reception.province_chair" in UNSCHEDULED


def test_commune_reception_prints_the_entry_without_a_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "deadline", "citizen_reception.commune_chair", "--from", "2026-11-25"
    )
    assert code == 0, err
    assert err == ""
    lines = out.splitlines()
    assert lines[0] == (
        "citizen_reception.commune_chair: "
        "Chairperson of the commune People's Committee receives citizens"
    )
    rows = {line.split("  ")[0]: line for line in lines if "  " in line}
    assert "Law 136/2025/QH15" in rows["Legal basis"]
    assert "Law 42/2013/QH13" in rows["See also"]
    assert "chairperson of the commune People's Committee" in rows["Who acts"]
    assert "since 2026-07-01" in rows["In force"]
    assert rows["Due"].split("  ")[-1].strip() == (
        "not computable — the reception frequency under Law 136/2025/QH15 is not yet sourced"
    )
    assert "Notes: " in out


def test_commune_reception_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "deadline",
        "citizen_reception.commune_chair",
        "--from",
        "2026-11-25",
        "--lang",
        "vi",
    )
    assert code == 0
    assert "Luật 136/2025/QH15" in out
    assert "Nghị định 154/2026/NĐ-CP" in out
    assert "không tính được — chưa có nguồn về tần suất tiếp công dân" in out


def test_commune_reception_json_has_a_null_due_and_the_reason(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys,
        "deadline",
        "citizen_reception.commune_chair",
        "--from",
        "2026-11-25",
        "--to",
        "2026-12-31",
        "--json",
    )
    assert code == 0
    doc = json.loads(out)
    assert doc["schema"] == "papi.deadline/1"
    assert doc["statute"]["key"] == "citizen_reception.commune_chair"
    assert doc["due"] is None
    assert doc["occurrences"] == []
    assert doc["start"] == "2026-11-25"
    assert "not yet sourced" in doc["due_reason_en"]
    assert doc["due_reason_vi"].startswith("chưa có nguồn về")
    assert doc["statute"]["citation_en"] == "Law 136/2025/QH15"
    assert doc["statute"]["valid_from"] == "2026-07-01"
    assert doc["statute"]["valid_to"] is None


@pytest.mark.parametrize("key", UNSCHEDULED)
def test_every_unscheduled_statute_answers(capsys: pytest.CaptureFixture[str], key: str) -> None:
    code, out, err = run(capsys, "deadline", key, "--from", "2026-11-25")
    assert code == 0, err
    assert "not computable" in out


def test_before_the_new_law_the_reception_deadline_is_computed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys, "deadline", "citizen_reception.commune_chair", "--from", "2026-06-01", "--json"
    )
    assert code == 0
    assert json.loads(out)["due"] == "2026-06-05"  # the Friday ending the first week


def test_to_before_from_is_still_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "deadline",
        "citizen_reception.commune_chair",
        "--from",
        "2026-11-25",
        "--to",
        "2026-11-01",
    )
    assert code == 2
    assert "before --from" in err


def test_legal_basis_is_written_in_the_output_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, en, _ = run(capsys, "deadline", "complaint.first_instance", "--from", "2026-01-20")
    _, vi, _ = run(
        capsys, "deadline", "complaint.first_instance", "--from", "2026-01-20", "--lang", "vi"
    )
    assert "Law 02/2011/QH13, Art 28" in en
    assert "Luật 02/2011/QH13, Điều 28" in vi


def test_agenda_cites_the_dispatch_paragraph(capsys: pytest.CaptureFixture[str]) -> None:
    _, en, _ = run(capsys, "agenda", "--from", "2026-11-01", "--to", "2026-11-30")
    _, vi, _ = run(capsys, "agenda", "--from", "2026-11-01", "--to", "2026-11-30", "--lang", "vi")
    assert "Dispatch 3010/UBND-SNV, ¶6" in en
    assert "Art ¶" not in en
    assert "monthly, by the last working day of the month" in en
    assert "at least" not in en.split("Warnings:")[0]
    assert "Công văn 3010/UBND-SNV, ¶6" in vi
