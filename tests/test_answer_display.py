"""Answers in a notebook: a one-line repr, a compact HTML table, rows(lang=) and to_frame()."""

from __future__ import annotations

import warnings
from datetime import date
from html.parser import HTMLParser

import pytest

import papi
from papi import frames
from papi.governance import Gap, Gaps, Governance
from papi.governance.answers import _Answer

ON = date(2026, 3, 1)


@pytest.fixture(scope="module")
def gov() -> Governance:
    return papi.hanoi()


@pytest.fixture(scope="module")
def answers(gov: Governance) -> list[_Answer]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        case = gov.case("complaint", where="Phường Hoàn Kiếm", received=date(2026, 3, 2))
    return [
        gov.who("D3", where="Phường Hoàn Kiếm", on=ON),
        gov.duties(of="Phường Hoàn Kiếm", on=ON),
        gov.agenda(start=date(2026, 1, 1), end=date(2026, 3, 31)),
        gov.overdue(on=date(2023, 3, 1)),
        gov.escalation(where="Phường Trúc Bạch", on=ON),
        gov.gaps(on=ON),
        case,
    ]


class _Cells(HTMLParser):
    """The text of each <td>, row by row, with entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def test_repr_is_one_short_line(answers: list[_Answer]) -> None:
    assert len({type(a) for a in answers}) == 7
    for a in answers:
        text = repr(a)
        assert text.startswith(f"<{type(a).__name__} ")
        assert text.endswith(">")
        assert "\n" not in text
        assert len(text) < 160, text


def test_repr_of_accountability(answers: list[_Answer]) -> None:
    acc = answers[0]
    assert repr(acc) == (
        "<Accountability D3 in Phường Hoàn Kiếm on 2026-03-01: 29 entries, 8 warnings>"
    )


def test_rows_and_frame_delegate_to_frames(answers: list[_Answer]) -> None:
    for a in answers:
        for lang in ("vi", "en"):
            assert a.rows(lang=lang) == frames.rows(a, lang=lang)
    assert answers[-1].rows(lang="en")[0]["step"] == "accept"
    pytest.importorskip("pandas")
    for a in answers:
        assert a.to_frame(lang="en").equals(frames.to_frame(a, lang="en"))


def test_html_holds_the_rows(answers: list[_Answer]) -> None:
    for a in answers:
        html = a._repr_html_()
        data = a.rows()
        parser = _Cells()
        parser.feed(html)
        shown = [r for r in parser.rows if r]
        assert len(shown) == min(len(data), a.HTML_ROWS)
        for cells, row in zip(shown, data, strict=False):
            assert cells == ["" if v is None else str(v) for v in row.values()]
        if len(data) > a.HTML_ROWS:
            assert f"{len(data) - a.HTML_ROWS} more rows" in html
        for w in getattr(a, "warnings", ()):
            assert w.code in html


def test_html_escapes_text() -> None:
    gaps = Gaps(
        on=ON,
        items=(
            Gap(
                kind="no_lead",
                subject="<script>alert(1)</script>",
                message_vi="a & b",
                message_en='"a" & b',
            ),
        ),
    )
    html = gaps._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "a &amp; b" in html
    parser = _Cells()
    parser.feed(html)
    assert next(r for r in parser.rows if r)[2] == "<script>alert(1)</script>"
    assert repr(gaps) == "<Gaps on 2026-03-01: 1 gap>"
