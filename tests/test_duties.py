"""papi.duties: documents, roles, selectors as data."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.duties import (
    AgenciesOf,
    CommitteesOf,
    DepartmentsBySector,
    Document,
    DocumentKind,
    HeadsOf,
    OrgById,
    Role,
    Selector,
    Unlisted,
    innermost,
    selector_from_dict,
)
from papi.errors import InvalidData, Problem
from papi.text import fold

levels = st.sampled_from(["province", "district", "commune", "village"])
ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:@-", min_size=1, max_size=20)
names = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")

base_selectors: st.SearchStrategy[Selector] = st.one_of(
    st.builds(OrgById, id=ids),
    st.builds(CommitteesOf, level=levels, within=st.none() | ids),
    st.builds(DepartmentsBySector, sector=ids, within=ids),
    st.builds(AgenciesOf, level=levels, within=st.none() | ids, sector=st.none() | ids),
    st.builds(
        Unlisted,
        document=ids,
        reference=st.just("Phụ lục 1"),
        description_vi=st.just("các sở được giao"),
        description_en=st.none() | st.just("the departments assigned"),
    ),
)
selectors = st.recursive(base_selectors, lambda inner: st.builds(HeadsOf, of=inner), max_leaves=3)


@given(selectors)
def test_selector_round_trip(sel: Selector) -> None:
    assert selector_from_dict(sel.to_dict(), path="s") == sel


@given(selectors)
def test_selector_describes_itself_in_both_languages(sel: Selector) -> None:
    assert sel.describe("vi")
    assert sel.describe("en")
    assert not isinstance(innermost(sel), HeadsOf)


def test_selector_problems_are_collected() -> None:
    problems: list[Problem] = []
    sel = selector_from_dict(
        {"type": "heads", "of": {"type": "committees", "level": "hamlet", "within": 1}},
        path="a[0].selector",
        problems=problems,
    )
    assert isinstance(innermost(sel), Unlisted)  # a placeholder: the caller reports problems
    assert {p.path for p in problems} == {"a[0].selector.of.within"}


def test_agencies_selector_checks_its_keys() -> None:
    with pytest.raises(InvalidData) as info:
        selector_from_dict(
            {"type": "heads", "of": {"type": "agencies", "level": "ward", "sector": 3, "x": 1}},
            path="s",
        )
    assert {p.path for p in info.value.problems} == {"s.of.sector", "s.of.x"}
    with pytest.raises(InvalidData, match="not a level"):
        selector_from_dict({"type": "agencies", "level": "ward"}, path="s")


def test_unknown_selector_type() -> None:
    with pytest.raises(InvalidData, match="unknown selector type"):
        selector_from_dict({"type": "everyone"}, path="s")


@pytest.mark.parametrize("role", list(Role))
def test_role_parses_from_both_labels(role: Role) -> None:
    assert Role.parse(role.value) is role
    assert Role.parse(role.label("vi")) is role
    assert Role.parse(fold(role.label("vi")).upper()) is role


def test_role_vocabulary() -> None:
    assert Role.LEAD.label("vi") == "chủ trì"
    assert Role.ACCOUNTABLE.label("vi") == "chịu trách nhiệm toàn diện"
    with pytest.raises(InvalidData):
        Role.parse("boss")


def test_unknown_date_must_be_explicit() -> None:
    doc = Document(
        id="d",
        number="3010/UBND-SNV",
        kind=DocumentKind.DISPATCH,
        issuer="UBND",
        title_vi="Công văn",
        date=None,
        date_known=False,
    )
    assert "date unknown" in doc.cite("en")
    with pytest.raises(InvalidData, match="date_known=False"):
        Document(id="d", number="1", kind=DocumentKind.PLAN, issuer="U", title_vi="t", date=None)
    with pytest.raises(InvalidData, match="date_known=False but a date"):
        Document(
            id="d",
            number="1",
            kind=DocumentKind.PLAN,
            issuer="U",
            title_vi="t",
            date=date(2022, 1, 1),
            date_known=False,
        )


def test_document_names_are_nfc() -> None:
    doc = Document(
        id="d",
        number="164/KH-UBND",
        kind=DocumentKind.PLAN,
        issuer="Ủy ban nhân dân thành phố Hà Nội",
        title_vi="Ke\u0302\u0301 hoạch",
        date=date(2022, 6, 13),
    )
    assert doc.title_vi == "Kế hoạch"
