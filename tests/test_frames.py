"""papi.frames: one row per entity, plain cells, in both languages; DataFrames with pandas."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import papi
from papi.errors import InvalidData
from papi.frames import rows, to_frame
from papi.governance import Governance
from papi.scoring import Scorecard
from papi.server import documents as docs

ON = date(2026, 3, 1)
PLAIN = (str, int, float, bool, date, type(None))


@pytest.fixture(scope="module")
def gov() -> Governance:
    return papi.hanoi()


def _objects(gov: Governance) -> list[tuple[object, int]]:
    """(object, expected number of rows)."""
    terr = papi.hanoi_territory()
    acc = gov.who("D3", where="Phường Hoàn Kiếm", on=ON)
    duties = gov.duties(of="Phường Hoàn Kiếm", on=ON)
    agenda = gov.agenda(start=date(2026, 1, 1), end=date(2026, 3, 31))
    overdue = gov.overdue(on=date(2023, 3, 1))
    esc = gov.escalation(where="Phường Trúc Bạch", on=ON)
    gaps = gov.gaps(on=ON)
    units = docs.units_document(terr, on=date(2025, 6, 30), within="Quận Hoàn Kiếm")
    succ = docs.successors_document(terr, "Phường Cửa Đông", on=ON)
    conv = docs.conversion_document(terr, "Phường Cống Vị, Quận Ba Đình", to=ON)
    fw = papi.framework(2024)
    results = papi.hanoi_results()
    cards = [r.scorecard for r in results]
    ranking = papi.rank(cards[-1:])
    return [
        (acc, len(acc.responsible)),
        (duties, len(duties.items)),
        (agenda, len(agenda.items)),
        (overdue, len(overdue.items)),
        (esc, len(esc.steps)),
        (gaps, len(gaps.items)),
        (units, len(units.units)),
        (succ, 2),
        (conv, 2),
        (fw, len(fw.elements())),
        (results, len(results)),
        (cards, len(cards)),
        (cards[0], 1),
        (ranking, 1),
    ]


def test_one_row_per_entity_with_plain_cells(gov: Governance) -> None:
    for obj, count in _objects(gov):
        for lang in ("vi", "en"):
            got = rows(obj, lang=lang)
            assert len(got) == count, type(obj).__name__
            assert count > 0
            columns = list(got[0])
            for row in got:
                assert list(row) == columns  # the same columns in every row
                for value in row.values():
                    assert isinstance(value, PLAIN), (type(obj).__name__, value)


def test_conversion_rows_mark_the_primary_unit() -> None:
    conv = docs.conversion_document(papi.hanoi_territory(), "Phường Cống Vị, Quận Ba Đình", to=ON)
    got = rows(conv)
    assert [(r["name"], r["primary"]) for r in got] == [
        ("Phường Ngọc Hà", True),
        ("Phường Giảng Võ", False),
    ]
    assert {r["source"] for r in got} == {"Phường Cống Vị"}


def test_language_changes_text_not_ids(gov: Governance) -> None:
    duties = gov.duties(of="Phường Hoàn Kiếm", on=ON)
    vi, en = rows(duties, lang="vi"), rows(duties, lang="en")
    assert [r["task"] for r in vi] == [r["task"] for r in en]
    assert [r["organization_id"] for r in vi] == [r["organization_id"] for r in en]
    assert any(a["title"] != b["title"] for a, b in zip(vi, en, strict=True))
    assert vi[0]["citation"] != en[0]["citation"]
    gaps = gov.gaps(on=ON)
    assert rows(gaps, lang="vi")[0]["message"] == gaps.items[0].message_vi
    assert rows(gaps, lang="en")[0]["message"] == gaps.items[0].message_en


def test_unit_rows_have_parent_level_kind_and_validity() -> None:
    terr = papi.hanoi_territory()
    doc = docs.units_document(terr, on=date(2025, 6, 30), within="Quận Hoàn Kiếm")
    got = rows(doc)
    assert len(got) == 18
    assert {r["parent_name"] for r in got} == {"Quận Hoàn Kiếm"}
    assert {r["level"] for r in got} == {"commune"}
    assert {r["kind"] for r in got} == {"phường"}
    assert all(r["valid_to"] == date(2025, 7, 1) for r in got)


def test_accountability_rows_match_the_answer(gov: Governance) -> None:
    acc = gov.who("D3", where="Phường Hoàn Kiếm", on=ON)
    got = rows(acc, lang="en")
    for row, entry in zip(got, acc.responsible, strict=True):
        assert row["role"] == entry.role.value
        assert row["task"] == entry.task
        assert row["organization_id"] == entry.organization.id
        assert row["document"] == entry.basis.document
        assert row["hops"] == len(entry.via)


def test_unsupported_objects_and_languages_are_refused() -> None:
    with pytest.raises(InvalidData):
        rows(object())
    with pytest.raises(InvalidData):
        rows("Hà Nội")
    with pytest.raises(InvalidData):
        rows(papi.hanoi_results(), lang="fr")


# ----------------------------------------------------------------------------- pandas

pd = pytest.importorskip("pandas", reason="to_frame needs the 'frames' extra (pandas)")


def test_frames_hold_no_objects(gov: Governance) -> None:
    for obj, count in _objects(gov):
        frame = to_frame(obj, lang="en")
        assert len(frame) == count
        assert list(frame.columns) == list(rows(obj, lang="en")[0])
        for column in frame.columns:
            if frame[column].dtype == object:  # text columns only: str (or bool) and missing
                values = frame[column].dropna()
                assert all(isinstance(v, (str, bool)) for v in values), (column, values)


def test_date_columns_are_datetimes(gov: Governance) -> None:
    frame = to_frame(gov.agenda(start=date(2026, 1, 1), end=date(2026, 3, 31)))
    assert str(frame["due"].dtype).startswith("datetime64")
    units = to_frame(docs.units_document(papi.hanoi_territory(), on=ON))
    assert str(units["valid_from"].dtype).startswith("datetime64")
    assert units["valid_to"].isna().all()


def test_empty_answers_keep_their_columns(gov: Governance) -> None:
    empty = gov.overdue(on=date(2020, 3, 1))
    assert not empty.items
    frame = to_frame(empty)
    assert frame.empty
    assert "organization_id" in frame.columns


def test_analyst_questions(gov: Governance) -> None:
    """What an analyst does with the frames: group, filter, join."""
    results = to_frame(papi.hanoi_results())
    best = results.sort_values("rank").iloc[0]
    assert best["rank"] == results["rank"].min()
    duties = to_frame(gov.duties(of="Phường Hoàn Kiếm", on=ON))
    per_role: Any = duties.groupby("role")["task"].nunique()
    assert per_role.sum() >= duties["task"].nunique()
    cards = to_frame([Scorecard(province="Hà Nội", year=2023, dimensions={"D1": 5.0})])
    assert cards.loc[0, "D1"] == 5.0
    assert pd.isna(cards.loc[0, "total"])


def test_analyst_howto_runs() -> None:
    import doctest
    from pathlib import Path

    page = Path(__file__).resolve().parent.parent / "docs" / "howto" / "analysts.md"
    if not page.is_file():
        pytest.skip("docs/howto/analysts.md is not in this source tree")
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
