"""Tests for papi.organizations: Hanoi's bodies, posts, holdings and their relations in time."""

from __future__ import annotations

import warnings
from datetime import date

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from papi.dates import Validity
from papi.errors import CoverageWarning, InvalidData, NotFound
from papi.organizations import (
    Holding,
    Organization,
    Organizations,
    OrgKind,
    Post,
    PostKind,
    hanoi_organizations,
)
from papi.territory import Containment, Level, Succession, Territory, Unit, UnitKind

ORGS = hanoi_organizations()
HN = ORGS.territory
MERGER = date(2025, 3, 1)
BEFORE = date(2025, 6, 30)
AFTER = date(2026, 3, 1)
AGENCY_KINDS = (OrgKind.DEPARTMENT, OrgKind.INSPECTORATE, OrgKind.PC_OFFICE)


def agencies(on: date) -> list[Organization]:
    return [o for kind in AGENCY_KINDS for o in ORGS.organizations(kind=kind, unit="01", on=on)]


def test_21_agencies_before_the_merger_and_15_after() -> None:
    assert len(agencies(date(2025, 2, 28))) == 21
    assert len(agencies(MERGER)) == 15
    assert len(agencies(AFTER)) == 15
    for o in agencies(AFTER):
        assert o.part_of == "ubnd:01"
        assert o.sector
        assert o.abbreviations
        assert o.sources
        head = ORGS.head_post(o, on=AFTER)
        assert head is not None
        assert head.is_head


def test_department_successions() -> None:
    new_finance = ORGS.get("so:tai-chinh@2025-03-01")
    assert ORGS.successors("so:ke-hoach-dau-tu", on=AFTER) == (new_finance,)
    assert ORGS.successors("so:tai-chinh", on=AFTER) == (new_finance,)
    assert {o.id for o in ORGS.predecessors(new_finance, on=AFTER)} == {
        "so:ke-hoach-dau-tu",
        "so:tai-chinh",
    }
    # by name: the old department's name resolves to the one that ended most recently
    assert ORGS.successors("Sở Kế hoạch và Đầu tư", on=AFTER) == (new_finance,)
    # the PC Office continues and absorbs foreign affairs
    assert [o.id for o in ORGS.successors("Sở Ngoại vụ", on=AFTER)] == ["vp-ubnd:01"]
    assert ORGS.successors("vp-ubnd:01", on=AFTER) == (ORGS.get("vp-ubnd:01"),)
    (hop,) = ORGS.succession_chain("so:tai-nguyen-moi-truong", on=AFTER)
    assert hop.effective == MERGER
    assert hop.act == "06/NQ-HĐND"
    # never backwards
    assert ORGS.successors(new_finance, on=date(2025, 2, 1)) == ()


def test_lookup_by_abbreviation_name_and_english() -> None:
    assert ORGS.org("SNV", on=date(2025, 2, 1)).id == "so:noi-vu"
    assert ORGS.org("SNV", on=AFTER).id == "so:noi-vu@2025-03-01"
    assert ORGS.org("VP UBND", on=AFTER).kind is OrgKind.PC_OFFICE
    assert ORGS.org("Department of Justice", on=AFTER).id == "so:tu-phap"
    assert ORGS.org("so tai nguyen va moi truong", on=date(2025, 1, 2)).sector == (
        "natural_resources_environment"
    )
    with pytest.raises(NotFound) as gone:
        ORGS.org("STNMT", on=AFTER)
    assert (
        "Sở Tài nguyên và Môi trường (so:tai-nguyen-moi-truong) existed until 2025-03-01 and "
        "was succeeded by Sở Nông nghiệp và Môi trường (" in str(gone.value)
    )
    assert "use a date before 2025-03-01" in str(gone.value)
    assert "get()" not in str(gone.value)
    assert gone.value.closest == ("Sở Nông nghiệp và Môi trường",)
    with pytest.raises(NotFound, match="closest"):
        ORGS.org("Sở Tài chinhh", on=AFTER)


@pytest.mark.parametrize(
    ("day", "person"),
    [
        (date(2021, 1, 1), "Chu Ngọc Anh"),
        (date(2022, 6, 6), "Chu Ngọc Anh"),
        (date(2020, 8, 11), "Nguyễn Đức Chung"),
        (date(2020, 8, 12), "Nguyễn Văn Sửu"),  # acting while the chair was suspended
        (date(2020, 9, 24), "Nguyễn Văn Sửu"),
        (date(2020, 9, 25), "Chu Ngọc Anh"),
        (date(2022, 6, 13), "Lê Hồng Sơn"),  # Plan 164, signed while he acted for the chair
        (date(2022, 7, 1), "Lê Hồng Sơn"),
        (date(2024, 1, 1), "Trần Sỹ Thanh"),
        (date(2025, 11, 20), "Nguyễn Đức Trung"),
        (date(2026, 3, 1), "Vũ Đại Thắng"),
    ],
)
def test_city_chair_holders(day: date, person: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        post = ORGS.head_post("ubnd:01", on=day)
        assert post is not None
        assert post.kind is PostKind.CHAIRPERSON
        holding = ORGS.holder(post, on=day)
    assert holding is not None
    assert holding.person == person
    assert holding.acting is (person in ("Nguyễn Văn Sửu", "Lê Hồng Sơn"))


def test_acting_chairs_beside_the_title_holder_or_the_vacancy() -> None:
    """legal-audit §5: the chair's title stays with the suspended chair (2020) or is vacant
    (2022) while a permanent vice-chair acts; holders() shows both, holder() the acting one."""
    title, acting = ORGS.holders("ubnd:01/chu-tich", on=date(2022, 6, 13))
    assert (title.is_vacancy, title.acting) == (True, False)
    assert (acting.person, acting.acting) == ("Lê Hồng Sơn", True)
    assert acting.validity == Validity(valid_from=date(2022, 6, 7), valid_to=date(2022, 7, 22))
    title, acting = ORGS.holders("ubnd:01/chu-tich", on=date(2020, 9, 1))
    assert (title.person, acting.person) == ("Nguyễn Đức Chung", "Nguyễn Văn Sửu")
    assert acting.validity == Validity(valid_from=date(2020, 8, 12), valid_to=date(2020, 9, 25))
    assert all(h.sources for h in (title, acting))
    assert [h.person for h in ORGS.holders("ubnd:01/chu-tich", on=AFTER)] == ["Vũ Đại Thắng"]


def test_ban_ton_giao_passes_to_the_new_department() -> None:
    """legal-audit §5: the Ban Tôn giáo of Sở Nội vụ passed to Sở Dân tộc và Tôn giáo on
    2025-03-01."""
    ban = ORGS.org("Ban Tôn giáo", on=date(2025, 2, 28))
    assert ban.part_of == "so:noi-vu"
    assert [o.id for o in ORGS.successors(ban, on=MERGER)] == ["so:dan-toc-ton-giao"]
    assert {o.id for o in ORGS.predecessors("so:dan-toc-ton-giao", on=MERGER)} == {
        "ban:dan-toc",
        "ban:ton-giao",
    }
    (hop,) = ORGS.succession_chain("ban:ton-giao", on=AFTER)
    assert (hop.kind, hop.effective) == ("absorb", MERGER)


def test_every_unit_has_a_committee_with_a_chair() -> None:
    for day in (BEFORE, AFTER):
        for unit in HN.units(on=day):
            pc = ORGS.committee_of(unit, on=day)
            assert pc is not None
            assert pc.unit_id == unit.id
            head = ORGS.head_post(pc, on=day)
            assert head is not None
            assert head.kind is PostKind.CHAIRPERSON


def test_councils_follow_the_urban_government_pilot() -> None:
    wards = HN.units(level=Level.COMMUNE, on=BEFORE)
    for w in wards:
        council = ORGS.council_of(w, on=BEFORE)
        assert (council is None) is (w.kind is UnitKind.WARD)
    for c in HN.units(level=Level.COMMUNE, on=AFTER):
        assert ORGS.council_of(c, on=AFTER) is not None
    assert ORGS.council_of("01", on=AFTER) == ORGS.get("hdnd:01")


def test_units_of_2022_have_committees_and_pilot_councils() -> None:
    # a ward removed on 2025-01-01 (Resolution 1286/NQ-UBTVQH15) has its People's Committee
    # in 2022, under the district's; no ward council after 2021-07-01 (pilot, 97/2019/QH14)
    day = date(2022, 6, 13)
    pc = ORGS.committee_of("Phường Quốc Tử Giám", on=day)
    assert pc is not None
    assert pc.name == "Ủy ban nhân dân phường Quốc Tử Giám"
    assert ORGS.head_post(pc, on=day) is not None
    superior = ORGS.superior(pc, on=day)
    assert superior is not None
    assert superior.name == "Ủy ban nhân dân quận Đống Đa"
    assert ORGS.council_of("Phường Quốc Tử Giám", on=day) is None
    assert ORGS.council_of("Phường Quốc Tử Giám", on=date(2021, 6, 30)) is not None
    # a ward formed on 2025-01-01 never had a council before the reform
    assert ORGS.council_of("Phường Bạch Mai", on=date(2025, 3, 1)) is None
    assert ORGS.council_of("Xã Vạn Yên", on=day) is not None  # rural communes keep theirs
    # the committee follows its unit through the rename
    assert [o.name for o in ORGS.successors(f"ubnd:{HN.get('00292').id}", on=date(2025, 3, 1))] == [
        "Ủy ban nhân dân phường Bạch Mai"
    ]


def test_superior_chain() -> None:
    ward_pc = ORGS.committee_of("Phường Hàng Trống", on=BEFORE)
    assert ward_pc is not None
    district_pc = ORGS.superior(ward_pc, on=BEFORE)
    assert district_pc is not None
    assert district_pc.id == "ubnd:002"
    city = ORGS.superior(district_pc, on=BEFORE)
    assert city is not None
    assert city.id == "ubnd:01"
    assert ORGS.superior(city, on=BEFORE) is None
    assert ORGS.superior("STP", on=AFTER) == city
    new_pc = ORGS.committee_of("Phường Hoàn Kiếm", on=AFTER)
    assert ORGS.superior(new_pc or "", on=AFTER) == city


def test_district_pcs_are_succeeded_by_commune_pcs() -> None:
    for d in HN.units(level=Level.DISTRICT, on=BEFORE):
        pc = ORGS.committee_of(d, on=BEFORE)
        assert pc is not None
        succ = ORGS.successors(pc, on=AFTER)
        assert succ
        assert {o.unit_id for o in succ} == {u.id for u in HN.successors(d, on=AFTER)}
        assert all(o.kind is OrgKind.PEOPLES_COMMITTEE for o in succ)


def test_district_inspectorates_end_with_the_tier() -> None:
    assert len(ORGS.organizations(kind=OrgKind.INSPECTORATE, on=BEFORE)) == 31
    assert [o.id for o in ORGS.organizations(kind=OrgKind.INSPECTORATE, on=AFTER)] == [
        "thanh-tra:01"
    ]


def test_commune_service_centres_from_the_reform() -> None:
    centres = ORGS.organizations(kind=OrgKind.SERVICE_CENTRE, on=AFTER)
    assert len(centres) == 127  # 126 communes + the city centre
    assert len(ORGS.organizations(kind=OrgKind.SERVICE_CENTRE, on=BEFORE)) == 1


def test_guides_lower_level_committees() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 2022 is inside the data's coverage
        guided = ORGS.guides("Sở Nội vụ", on=date(2022, 6, 13))
    levels = {HN.get(o.unit_id).level for o in guided}
    assert levels == {Level.DISTRICT, Level.COMMUNE}
    assert len(guided) == 30 + 579  # the 579 commune-level units of 2020-2024
    with pytest.warns(CoverageWarning):
        ORGS.guides("Sở Nội vụ", on=date(2019, 6, 1))
    after = ORGS.guides("Sở Nội vụ", on=AFTER)
    assert len(after) == 126
    assert all(o.kind is OrgKind.PEOPLES_COMMITTEE for o in after)


def test_graph_relations_and_read_only_view() -> None:
    g = ORGS.graph(on=AFTER)
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert relations == {"contains", "governed_by", "has_council", "part_of", "headed_by", "guides"}
    assert g.has_edge("00070@2025-07-01", "ubnd:00070@2025-07-01")
    with pytest.raises(nx.NetworkXError):
        g.add_edge("a", "b")
    full = ORGS.full_graph
    kinds = {d["relation"] for _, _, d in full.out_edges("so:ke-hoach-dau-tu", data=True)}
    assert "succeeded_by" in kinds


@settings(max_examples=20)
@example(day=date(2020, 3, 1))
@example(day=date(2021, 7, 1))
@example(day=date(2022, 6, 13))
@example(day=date(2025, 1, 1))
@example(day=date(2025, 7, 1))
@given(day=st.dates(min_value=date(2020, 3, 1), max_value=date(2027, 12, 31)))
def test_organizations_exist_on_their_unit_days(day: date) -> None:
    for o in ORGS.organizations(on=day):
        assert HN.get(o.unit_id).exists_on(day)
        if o.part_of:
            assert ORGS.get(o.part_of).validity.contains(day)
        sup = ORGS.superior(o, on=day)
        assert sup is None or sup.validity.contains(day)


# ---------------------------------------------------------------------- building
def small_territory() -> Territory:
    city = Unit(id="01", code="01", name="Thành phố X", kind=UnitKind.CENTRAL_CITY)
    ward = Unit(
        id="1",
        code="1",
        name="Phường Y",
        kind=UnitKind.WARD,
        validity=Validity(valid_to=date(2025, 7, 1)),
        end_reason="test",
    )
    return Territory.build(
        [city, ward], [Containment(parent="01", child="1", validity=ward.validity)]
    )


def test_build_collects_problems() -> None:
    terr = small_territory()
    pc = Organization(id="ubnd:01", name="UBND X", kind=OrgKind.PEOPLES_COMMITTEE, unit_id="01")
    late = Organization(
        id="ubnd:1",
        name="UBND Y",
        kind=OrgKind.PEOPLES_COMMITTEE,
        unit_id="1",
        validity=Validity(valid_from=date(2020, 1, 1)),
    )
    ghost = Organization(
        id="so:x", name="Sở X", kind=OrgKind.DEPARTMENT, unit_id="01", part_of="nope"
    )
    post = Post(
        id="ubnd:01/chu-tich",
        org_id="ubnd:01",
        kind=PostKind.CHAIRPERSON,
        name="Chủ tịch",
        is_head=True,
    )
    h1 = Holding(
        post_id="ubnd:01/chu-tich", person="A", validity=Validity(valid_to=date(2022, 1, 1))
    )
    h2 = Holding(
        post_id="ubnd:01/chu-tich", person="B", validity=Validity(valid_from=date(2021, 1, 1))
    )
    stray = Holding(post_id="missing", person="C", validity=Validity())
    with pytest.raises(InvalidData) as err:
        Organizations.build(terr, [pc, late, ghost], [post], [h1, h2, stray])
    messages = " | ".join(p.message for p in err.value.problems)
    assert len(err.value.problems) == 4, messages
    assert "not inside the validity of its unit" in messages
    assert "unknown organization" in messages
    assert "overlaps the holding of A" in messages
    assert "unknown post" in messages


def test_build_rejects_backward_organization_successions_and_unknown_ids() -> None:
    terr = small_territory()
    d = date(2025, 7, 1)
    old, new = (
        Organization(id=i, name=n, kind=OrgKind.DEPARTMENT, unit_id="01", validity=v)
        for i, n, v in (
            ("so:a", "Sở A", Validity(valid_to=d)),
            ("so:b", "Sở B", Validity(valid_from=d)),
        )
    )
    back, ghost = (
        Succession(predecessors=(p,), successors=(n,), effective=d, act=a, kind="merge")
        for p, n, a in (("so:b", "so:a", "x"), ("so:a", "so:z", "y"))
    )
    with pytest.raises(InvalidData) as err:
        Organizations.build(terr, [old, new], successions=[back, ghost])
    got = [(p.path, p.value, p.source, p.message) for p in err.value.problems]
    assert got == [
        (
            "predecessors",
            "so:b",
            "successions[0] (x, 2025-07-01)",
            f"so:b {new.validity} does not end by the effective date",
        ),
        (
            "successors",
            "so:a",
            "successions[0] (x, 2025-07-01)",
            f"so:a {old.validity} does not exist on the effective date "
            "(a succession must point forward in time)",
        ),
        ("organization", "so:z", "successions[1] (y, 2025-07-01)", "unknown organization"),
    ]


def test_holder_unknown_post() -> None:
    with pytest.raises(NotFound):
        ORGS.holder("nope", on=AFTER)
    assert ORGS.holder("ubnd:00070@2025-07-01/chu-tich", on=AFTER) is None  # not in the data


def test_organization_successions_point_forward() -> None:
    n_1286 = sum(s.act == "1286/NQ-UBTVQH15" for s in HN.successions)
    assert n_1286 == 33 + 10 - 4  # per renamed code + sourced targets not in its merge
    assert len(ORGS.successions) == 8 + n_1286 + 526 + 30
    for s in ORGS.successions:
        for p in s.predecessors:
            assert ORGS.get(p).valid_to == s.effective
        for n in s.successors:
            assert ORGS.get(n).validity.contains(s.effective)
    for o in ORGS:
        assert o.sources, o.id
        assert o.name == o.name.strip()


def test_stale_org_ids() -> None:
    with pytest.raises(NotFound, match=r"existed until 2025-03-01 and was succeeded by Sở Tài"):
        ORGS.org("so:ke-hoach-dau-tu", on=AFTER)
    assert [o.id for o in ORGS.successors("so:ke-hoach-dau-tu", on=AFTER)] == [
        "so:tai-chinh@2025-03-01"
    ]
    assert ORGS.get("so:ke-hoach-dau-tu").abbreviations[0] == "SKHĐT"


def test_org_on_a_day_it_does_not_exist_says_when_it_does_and_what_followed() -> None:
    """``org(id, on=)`` outside the organization's life names its dates and successors in
    plain words (no library jargon) and how to ask instead."""
    with pytest.raises(NotFound) as gone:
        ORGS.org("so:noi-vu", on=AFTER)
    msg = str(gone.value)
    assert "Sở Nội vụ (so:noi-vu) existed until 2025-03-01" in msg
    assert "succeeded by Sở Nội vụ (so:noi-vu@2025-03-01); ask about Sở Nội vụ" in msg
    assert "successors()" not in msg
    assert "get()" not in msg
    # asking as suggested works
    assert ORGS.org(gone.value.closest[0], on=AFTER).id == "so:noi-vu@2025-03-01"
    with pytest.raises(NotFound) as early:
        ORGS.org("so:noi-vu@2025-03-01", on=date(2024, 1, 1))
    assert "exists only from 2025-03-01; use a date on or after 2025-03-01" in str(early.value)


def test_coverage_warning_names_the_day_and_points_at_the_caller() -> None:
    """Territory and organizations share one coverage check: the same wording, and the
    warning is attributed to the line that asked (not to papi's internals)."""
    from papi.territory import hanoi_territory

    hn = hanoi_territory()
    with pytest.warns(CoverageWarning) as caught_orgs:
        ORGS.org("SNV", on=date(2019, 6, 1))
    with pytest.warns(CoverageWarning) as caught_terr:
        hn.units(on=date(2019, 6, 1))
    orgs_w, terr_w = caught_orgs[0], caught_terr[0]
    assert str(orgs_w.message).startswith("2019-06-01 is outside the data's coverage [2020-")
    assert str(terr_w.message).startswith("2019-06-01 is outside the territory data's coverage")
    for w in (orgs_w, terr_w):
        assert str(w.message).endswith(
            "the answer is the best data in reach, not vouched for that day"
        )
        assert w.filename == __file__


def test_org_name_of_several_gone_organizations_lists_each_with_its_successors() -> None:
    """A name shared by several organizations, none existing that day: each is listed with
    its end date and successors (ids included, since the names repeat)."""
    with pytest.raises(NotFound) as gone:
        ORGS.org("Ủy ban nhân dân phường Quang Trung", on=AFTER)
    msg = str(gone.value)
    assert "none of the organizations so named exists that day" in msg
    assert (
        "Ủy ban nhân dân phường Quang Trung (ubnd:00214) existed until 2025-07-01 and was "
        "succeeded by Ủy ban nhân dân phường Kim Liên (ubnd:00229@2025-07-01)" in msg
    )
    assert msg.endswith("ask by id, or use a date when one of them existed")
    assert ORGS.org("ubnd:00214", on=date(2025, 6, 30)).name.endswith("Quang Trung")


@pytest.mark.parametrize("day", [date(2022, 6, 13), BEFORE, AFTER])
def test_graph_guides_edges_agree_with_the_rule(day: date) -> None:
    """guides() is a rule evaluated on demand; the graph, built only when asked for, has the
    same edges that day."""
    g = ORGS.graph(on=day)
    for o in ORGS.organizations(on=day):
        edges = {b for _, b, r in g.out_edges(o.id, data="relation") if r == "guides"}
        assert edges == {pc.id for pc in ORGS.guides(o, on=day)}, o.id
