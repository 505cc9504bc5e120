"""``within=`` on agenda and status, as on duties: a name several provinces' bodies bear is
resolved inside a unit (the whole country after the reform has a Phường Việt Hưng in Hanoi
and another in Quảng Ninh)."""

from __future__ import annotations

from datetime import date

import pytest

import papi
from papi.errors import Ambiguous
from papi.governance import Governance

START, END = date(2026, 3, 1), date(2026, 12, 31)
NAME = "Ủy ban nhân dân phường Việt Hưng"
PROVINCES = ("Hà Nội", "Tỉnh Quảng Ninh")


@pytest.fixture(scope="module")
def vn() -> Governance:
    return papi.vietnam()


def test_the_name_alone_is_ambiguous(vn: Governance) -> None:
    with pytest.raises(Ambiguous):
        vn.agenda(of=NAME, start=START, end=END)
    with pytest.raises(Ambiguous):
        vn.status("T6", NAME, on=START)


@pytest.mark.parametrize("province", PROVINCES)
def test_agenda_within_a_province_is_that_of_its_body(vn: Governance, province: str) -> None:
    pc = vn.organizations.org(NAME, within=province, on=START)
    inside = vn.agenda(of=NAME, within=province, start=START, end=END)
    assert inside.items  # the commune's regular citizen reception (T6) at least
    assert inside.to_dict() == vn.agenda(of=pc.id, start=START, end=END).to_dict()


@pytest.mark.parametrize("province", PROVINCES)
@pytest.mark.parametrize("on", [START, date(2026, 9, 1)])
def test_status_within_a_province_is_that_of_its_body(
    vn: Governance, province: str, on: date
) -> None:
    pc = vn.organizations.org(NAME, within=province, on=START)
    assert vn.status("T6", NAME, within=province, on=on) is vn.status("T6", pc.id, on=on)
