"""Answers about a place on a day its province's data is unverified carry a ``coverage`` notice
(the whole country: 2025-03-02..2025-06-29 in six provinces; docs/coverage.md)."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

import papi
from papi.governance import Governance, Notice

#: Phường Thọ Xương, a ward of Bắc Giang, one of the six provinces with an unverified stretch
WARD = "07201"
INSIDE = (date(2025, 3, 2), date(2025, 4, 1), date(2025, 6, 29))
OUTSIDE = (date(2025, 3, 1), date(2025, 6, 30))


@pytest.fixture(scope="module")
def vn() -> Governance:
    return papi.vietnam()


def _unverified(notices: tuple[Notice, ...]) -> list[Notice]:
    return [n for n in notices if n.code == "coverage" and "Bắc Giang" in n.message_en]


@pytest.mark.parametrize("day", INSIDE)
def test_who_on_an_unverified_day_says_so_in_both_languages(vn: Governance, day: date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        answer = vn.who("D3", where=WARD, on=day)
    (notice,) = _unverified(answer.warnings)
    assert "not verified from 2025-03-02 to 2025-06-29" in notice.message_en
    assert f"{day.isoformat()} lies inside" in notice.message_en
    assert "no source dates the change" in notice.message_en  # the data's own reason
    assert "Tỉnh Bắc Giang chưa được kiểm chứng" in notice.message_vi
    assert "02/03/2025 - 29/06/2025" in notice.message_vi
    assert f"ngày {day:%d/%m/%Y} nằm trong" in notice.message_vi
    assert notice.message_vi in answer.explain("vi")
    assert notice.message_en in answer.explain("en")


@pytest.mark.parametrize("day", OUTSIDE)
def test_who_outside_the_stretch_carries_no_coverage_notice(vn: Governance, day: date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        answer = vn.who("D3", where=WARD, on=day)
    assert "coverage" not in {n.code for n in answer.warnings}


def test_a_province_without_a_stretch_carries_none(vn: Governance) -> None:
    answer = vn.who("D3", where="Phường Hàng Trống", on=INSIDE[1])  # Hanoi
    assert "coverage" not in {n.code for n in answer.warnings}


def test_duties_and_escalation_of_the_place_say_so_too(vn: Governance) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        duties = vn.duties(of=WARD, on=INSIDE[1])
        ladder = vn.escalation(where=WARD, on=INSIDE[1])
    assert len(_unverified(duties.warnings)) == 1
    assert len(_unverified(ladder.warnings)) == 1


def test_the_territory_names_the_stretch_and_its_province(vn: Governance) -> None:
    found = vn.territory.unverified(WARD, on=INSIDE[1])
    assert found is not None
    assert found.province.name == "Tỉnh Bắc Giang"
    assert (found.days.valid_from, found.days.valid_to) == (date(2025, 3, 2), date(2025, 6, 30))
    assert vn.territory.unverified(WARD, on=OUTSIDE[0]) is None
