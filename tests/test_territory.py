"""Tests for papi.territory: the packaged Hanoi data, lookups, time, and build validation."""

from __future__ import annotations

import hashlib
import threading
import unicodedata
import warnings
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import networkx as nx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from papi.dates import Validity
from papi.errors import Ambiguous, CoverageWarning, InvalidData, NotFound
from papi.territory import (
    Containment,
    Level,
    Succession,
    Territory,
    Unit,
    UnitKind,
    hanoi_territory,
)

REFORM = date(2025, 7, 1)
BEFORE = date(2025, 6, 30)
AFTER = date(2026, 3, 1)
HN = hanoi_territory()

COVERAGE_START = date(2020, 3, 1)  # Resolution 895/NQ-UBTVQH14: the 579 units from this day
R1286 = date(2025, 1, 1)  # Resolution 1286/NQ-UBTVQH15: 579 -> 526 commune-level units
covered_days = st.dates(min_value=COVERAGE_START, max_value=date(2027, 12, 31))
#: one day in each era of the data: 2020-2024 (579), 2025-01..06 (526), from 2025-07 (126)
ERA_DAYS = (date(2020, 3, 1), date(2022, 6, 13), date(2024, 12, 31), R1286, BEFORE, REFORM, AFTER)


def every_era(test: Any) -> Any:
    """Run a ``day`` property test on one day of every era besides hypothesis' random days."""
    for day in ERA_DAYS:
        test = example(day=day)(test)
    return test


def count(level: Level, on: date) -> int:
    return len(HN.units(level=level, on=on))


# ---------------------------------------------------------------- packaged data
def test_counts_before_the_reform() -> None:
    assert count(Level.PROVINCE, BEFORE) == 1
    assert count(Level.DISTRICT, BEFORE) == 30
    assert count(Level.COMMUNE, BEFORE) == 526
    kinds = [u.kind for u in HN.units(level=Level.DISTRICT, on=BEFORE)]
    assert kinds.count(UnitKind.URBAN_DISTRICT) == 12
    assert kinds.count(UnitKind.RURAL_DISTRICT) == 17
    assert kinds.count(UnitKind.DISTRICT_TOWN) == 1


def test_counts_after_the_reform() -> None:
    communes = HN.units(level=Level.COMMUNE, on=AFTER)
    assert len(communes) == 126
    assert sum(u.kind is UnitKind.WARD for u in communes) == 51
    assert sum(u.kind is UnitKind.COMMUNE for u in communes) == 75
    assert count(Level.DISTRICT, AFTER) == 0
    assert HN.children("01", on=AFTER) == communes


def test_2022_answer_is_the_579_unit_state_without_a_warning() -> None:
    # hanoi-structure.md §2.1: 30 districts and 579 communes (175 / 21 / 383), 2020-03-01 on
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # covered: no CoverageWarning
        day = date(2022, 6, 13)
        assert count(Level.DISTRICT, day) == 30
        communes = HN.units(level=Level.COMMUNE, on=day)
        kinds = [u.kind for u in communes]
        assert len(communes) == 579
        assert kinds.count(UnitKind.WARD) == 175
        assert kinds.count(UnitKind.TOWNSHIP) == 21
        assert kinds.count(UnitKind.COMMUNE) == 383
        for u in communes:  # every 2022 commune sits in one of the 30 districts
            assert [a.level for a in HN.ancestors(u, on=day)] == [Level.DISTRICT, Level.PROVINCE]
        assert HN.unit("Phường Quốc Tử Giám", on=day).code == "00184"
        assert HN.unit("Xã Vạn Yên", on=day).id == "09001"
        assert count(Level.COMMUNE, date(2024, 12, 31)) == 579
        assert count(Level.COMMUNE, R1286) == 526
    assert HN.coverage == Validity(valid_from=COVERAGE_START)
    assert HN.meta["coverage"]["valid_from"] == "2020-03-01"  # type: ignore[index]


#: The NSO list of 2024-02-01 (GitHub daohoangson/dvhcvn, data/dvhcvn.json at commit
#: 82b4cb86a134e0247a2df9de165145fe573c5339, transcribed for this check, not shipped):
#: commune-level units per district code, and a digest of the sorted "code|name|district"
#: lines (names lower-cased, old-style tone marks moved: "hoà" -> "hòa", "thuỵ" -> "thụy").
NSO_2024_02_01_PER_DISTRICT = {
    "001": 14, "002": 18, "003": 8, "004": 14, "005": 8, "006": 21, "007": 18, "008": 14,
    "009": 11, "016": 26, "017": 24, "018": 22, "019": 10, "020": 16, "021": 13, "250": 18,
    "268": 17, "269": 15, "271": 31, "272": 21, "273": 16, "274": 20, "275": 21, "276": 23,
    "277": 32, "278": 21, "279": 29, "280": 27, "281": 29, "282": 22,
}  # fmt: skip
NSO_2024_02_01_DIGEST = "18c1f75f3aa1962394b143264491106219f706b4762dc8fb2325378c6ac126c8"


def _tone_fold(name: str) -> str:
    text = unicodedata.normalize("NFC", name).lower()
    for old, new in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa")):
        text = text.replace(old, new)
    for old, new in (("uỵ", "ụy"), ("uý", "úy"), ("uỳ", "ùy"), ("uỷ", "ủy"), ("uỹ", "ũy")):
        text = text.replace(old, new)
    return text


def test_2022_state_equals_the_nso_list_of_2024() -> None:
    day = date(2024, 2, 1)
    rows = []
    per_district: dict[str, int] = {}
    for u in HN.units(level=Level.COMMUNE, on=day):
        parent = HN.parent(u, on=day)
        assert parent is not None
        per_district[parent.code] = per_district.get(parent.code, 0) + 1
        rows.append(f"{u.code}|{_tone_fold(u.name)}|{parent.code}")
    assert per_district == NSO_2024_02_01_PER_DISTRICT
    digest = hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest()
    assert digest == NSO_2024_02_01_DIGEST


def test_before_2020_still_warns() -> None:
    # the 2020 changes (584 -> 579) are only partly known: not vouched for
    with pytest.warns(CoverageWarning, match="2019-06-01 is outside"):
        districts = HN.units(level=Level.DISTRICT, on=date(2019, 6, 1))
    assert len(districts) == 30
    with pytest.warns(CoverageWarning):
        assert HN.ancestors("Phường Hàng Bạc", on=date(2020, 2, 29))[0].name == "Quận Hoàn Kiếm"


def test_resolution_1286_renames_and_removals() -> None:
    # a code kept under a new name on 2025-01-01: two records, same code, one name each
    old, new = HN.get("00181"), HN.get("00181@2025-01-01")
    assert (old.name, new.name) == ("Phường Văn Miếu", "Phường Văn Miếu - Quốc Tử Giám")
    assert old.valid_to == new.valid_from == R1286
    assert HN.unit("00181", on=date(2022, 6, 13)) == old
    assert HN.unit("00181", on=BEFORE) == new
    assert HN.successors(old, on=BEFORE) == (new,)
    assert [s.kind for s in HN.succession_chain(old, on=BEFORE)] == ["rename"]
    assert HN.predecessors(new) == (old,)
    # a name that changed hands: Phường Bạch Mai was 00286 until 2025, then 00292
    assert HN.unit("Phường Bạch Mai", on=date(2022, 6, 13)).id == "00286"
    assert HN.unit("Phường Bạch Mai", on=BEFORE).id == "00292@2025-01-01"
    assert HN.unit("Phường Quỳnh Lôi", on=date(2022, 6, 13)).id == "00292"
    merged = HN.succession_chain("00286", on=BEFORE)
    assert [(s.kind, s.act, s.predecessors) for s in merged] == [
        ("merge", "1286/NQ-UBTVQH15", ("00286", "00292"))
    ]
    # known targets (secondary sources: verified=False)
    assert [u.name for u in HN.successors("Phường Nguyễn Trung Trực", on=BEFORE)] == [
        "Phường Trúc Bạch"
    ]
    assert [u.name for u in HN.successors("Phường Cầu Dền", on=BEFORE)] == [
        "Phường Thanh Nhàn",
        "Phường Bách Khoa",
    ]
    assert not any(s.verified for s in HN.succession_chain("Phường Cầu Dền", on=BEFORE))
    # all the way to 2026 through both resolutions
    assert [u.name for u in HN.successors("Phường Nguyễn Trung Trực", on=AFTER)] == [
        u.name for u in HN.successors("Phường Trúc Bạch", on=AFTER)
    ]
    # target unknown: no invented successor, an explicit reason naming the act
    gone = HN.get("09001")
    assert gone.name == "Xã Vạn Yên"
    assert gone.valid_to == R1286
    assert HN.successors(gone, on=BEFORE) == ()
    assert gone.end_reason is not None
    assert "1286/NQ-UBTVQH15" in gone.end_reason
    assert "not in the sources" in gone.end_reason


def test_resolution_1286_arithmetic() -> None:
    ended = [u for u in HN if u.level is Level.COMMUNE and u.valid_to == R1286]
    started = [u for u in HN if u.level is Level.COMMUNE and u.valid_from == R1286]
    renamed = {u.code for u in started}
    removed = [u for u in ended if u.code not in renamed]
    assert len(removed) == 53
    assert len(started) == 33
    assert sum(u.kind is UnitKind.WARD for u in removed) == 15
    assert sum(u.kind is UnitKind.COMMUNE for u in removed) == 38
    assert {u.code for u in ended if u.code in renamed} == renamed  # one old name per code
    meta = HN.meta["counts"]
    assert meta["communes_2020_2024"] == 579  # type: ignore[index]
    without_target = [u for u in removed if not HN.successors(u, on=R1286)]
    assert all(u.end_reason for u in without_target)
    assert len(without_target) == 53 - 10  # 10 removed units have a target in the sources


def test_source_recorded() -> None:
    source = HN.meta["source"]
    assert isinstance(source, Mapping)
    with pytest.raises(TypeError):
        source["version"] = "x"  # type: ignore[index]
    assert source["package"] == "vietnamadminunits"
    assert source["version"] == "1.0.4"
    assert source["licence"] == "MIT"
    city = HN.get("01")
    assert city.name == "Thành phố Hà Nội"
    assert city.name_en == "Hanoi"
    assert all(u.sources for u in HN)


def test_hoan_kiem_ward_and_its_predecessors() -> None:
    ward = HN.unit("Phường Hoàn Kiếm", on=AFTER)
    assert ward.id == "00070@2025-07-01"
    assert ward.kind is UnitKind.WARD
    olds = [u for u in HN.predecessors(ward) if u.level is Level.COMMUNE]
    assert "Phường Hàng Bạc" in {u.name for u in olds}
    for old in olds:
        assert ward in HN.successors(old, on=AFTER)
        # by name too: the old ward no longer exists on AFTER, its name still resolves
        assert ward in HN.successors(old.name, on=AFTER) or len(HN.find(old.name)) > 1
    chain = HN.succession_chain("Phường Hàng Bạc", on=AFTER)
    assert [s.act for s in chain] == ["1656/NQ-UBTVQH15"]


def test_codes_are_reused_and_ids_are_not() -> None:
    assert HN.unit("00004", on=BEFORE).name == "Phường Trúc Bạch"
    assert HN.unit("00004", on=AFTER).name == "Phường Ba Đình"
    assert HN.unit("00004", on=AFTER).id == "00004@2025-07-01"
    assert HN.get("00004").name == "Phường Trúc Bạch"
    ids = [u.id for u in HN]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "spelling",
    ["Phường Hoàn Kiếm", "phuong hoan kiem", "P. Hoan Kiem", "HOÀN KIẾM", "Hoàn  Kiếm"],
)
def test_spellings_resolve_the_same(spelling: str) -> None:
    assert HN.unit(spelling, on=AFTER).id == "00070@2025-07-01"
    nfd = unicodedata.normalize("NFD", spelling)
    assert HN.unit(nfd, on=AFTER).id == "00070@2025-07-01"


def test_prefix_narrows_quan_vs_phuong() -> None:
    # on 2025-06-30 "Hoàn Kiếm" is only the district; in 2026 only the ward
    assert HN.unit("Quận Hoàn Kiếm", on=BEFORE).level is Level.DISTRICT
    assert HN.unit("Hoàn Kiếm", on=BEFORE).level is Level.DISTRICT
    assert HN.unit("Hoàn Kiếm", on=AFTER).level is Level.COMMUNE
    with pytest.raises(NotFound, match="existed until 2025-07-01 and was succeeded by") as err:
        HN.unit("Quận Hoàn Kiếm", on=AFTER)
    assert "Phường Hoàn Kiếm" in err.value.closest


def test_ambiguous_lists_candidates_with_codes_and_parents() -> None:
    with pytest.raises(Ambiguous) as err:
        HN.unit("Quang Trung", on=BEFORE)
    assert len(err.value.candidates) == 3
    assert "code 00214" in err.value.candidates[0]
    assert "in Quận Đống Đa" in err.value.candidates[0]
    # the kind prefix narrows to the one commune
    assert HN.unit("Xã Quang Trung", on=BEFORE).code == "10006"


def test_not_found_offers_closest_names() -> None:
    with pytest.raises(NotFound) as err:
        HN.unit("Hoan Kiemm", on=AFTER)
    assert "Phường Hoàn Kiếm" in err.value.closest
    assert "closest" in str(err.value)
    with pytest.raises(NotFound):
        HN.get("nope")


def test_not_found_prefers_names_that_exist_on_the_day() -> None:
    with pytest.raises(NotFound) as err:
        HN.unit("Hoan Kiemm", on=date(2022, 6, 13))
    assert err.value.closest[0] == "Quận Hoàn Kiếm"  # the ward of that name came in 2025
    with pytest.raises(NotFound) as err:
        HN.unit("Hoan Kiemm", on=AFTER)
    assert err.value.closest[0] == "Phường Hoàn Kiếm"
    with pytest.raises(
        NotFound, match=r"Phường Quốc Tử Giám, Quận Đống Đa \(00184\) existed until"
    ):
        HN.unit("Phuong Quoc Tu Giam", on=AFTER)


def test_districts_abolished_with_successors() -> None:
    for d in HN.units(level=Level.DISTRICT, on=BEFORE):
        succ = HN.successors(d, on=AFTER)
        assert succ
        assert all(u.level is Level.COMMUNE for u in succ)
        assert HN.succession_chain(d, on=AFTER)[0].kind == "abolish_tier"
    # every new unit has at least one legacy predecessor
    for u in HN.units(level=Level.COMMUNE, on=AFTER):
        assert any(p.level is Level.COMMUNE for p in HN.predecessors(u))


def test_successors_never_go_backwards() -> None:
    new = HN.unit("Phường Hoàn Kiếm", on=AFTER)
    assert HN.successors(new, on=BEFORE) == ()
    old = HN.get("00070")
    assert HN.successors(old, on=BEFORE) == (old,)
    for s in HN.successions:
        for p in s.predecessors:
            for n in s.successors:
                # the predecessor ends on the effective date, the successor exists then
                assert HN.get(p).valid_to == s.effective
                assert HN.get(n).exists_on(s.effective)


def test_graph_view_is_read_only_and_usable() -> None:
    g = HN.graph(on=AFTER)
    assert g.number_of_nodes() == 127
    assert nx.is_arborescence(nx.DiGraph(g))
    with pytest.raises(nx.NetworkXError):
        g.add_node("x")
    with pytest.raises(nx.NetworkXError):
        g.remove_edge("01", "00070@2025-07-01")
    with pytest.raises(nx.NetworkXError):
        HN.full_graph.add_edge("01", "x")
    assert g.nodes["00070@2025-07-01"]["unit"].name == "Phường Hoàn Kiếm"
    with pytest.raises(TypeError):  # attributes are read-only too
        g.nodes["01"]["unit"] = None
    with pytest.raises(TypeError):
        g.edges["01", "00070@2025-07-01", "contains@739433"]["relation"] = "x"
    # algorithms and conversions still work
    assert nx.shortest_path(g, "01", "00070@2025-07-01") == ["01", "00070@2025-07-01"]
    assert nx.MultiDiGraph(g).number_of_edges() == 126
    # the 2022 view too: structure, node, edge and graph attributes
    old = HN.graph(on=date(2022, 6, 13))
    assert old.number_of_nodes() == 1 + 30 + 579
    for mutate in (
        lambda: old.add_edge("01", "00184"),
        lambda: old.remove_node("00184"),
        lambda: old.clear(),
    ):
        with pytest.raises(nx.NetworkXError):
            mutate()
    with pytest.raises(TypeError):
        old.nodes["00184"]["valid_to"] = None
    with pytest.raises(TypeError):
        old.graph["name"] = "x"
    with pytest.raises(AttributeError):
        old.nodes["00184"].update(valid_to=None)  # type: ignore[attr-defined]
    assert old.nodes["00184"]["unit"].valid_to == date(2025, 1, 1)
    assert nx.shortest_path(old, "01", "00184") == ["01", "006", "00184"]


@settings(max_examples=25)
@every_era
@given(day=covered_days)
def test_snapshot_is_a_tree_on_every_day(day: date) -> None:
    g = HN.graph(on=day)
    tree = nx.DiGraph(g)
    assert nx.is_arborescence(tree)
    (root,) = [n for n, d in tree.in_degree() if d == 0]
    assert root == "01"


@settings(max_examples=15)
@every_era
@given(day=covered_days)
def test_every_commune_has_one_chain_to_the_city(day: date) -> None:
    for u in HN.units(level=Level.COMMUNE, on=day):
        chain = HN.ancestors(u, on=day)
        assert chain[-1].id == "01"
        depths = [u.level.depth] + [a.level.depth for a in chain]
        assert depths == sorted(depths, reverse=True)
        assert len(set(depths)) == len(depths)
        assert all(a.exists_on(day) for a in chain)
        assert HN.parent(u, on=day) == chain[0]


@settings(max_examples=25)
@given(
    day=st.sampled_from(ERA_DAYS) | covered_days,
    index=st.integers(min_value=0, max_value=len(HN) - 1),
)
def test_successors_exist_on_the_query_day(day: date, index: int) -> None:
    unit = list(HN)[index]
    out = HN.successors(unit, on=day)
    assert all(u.exists_on(day) for u in out)
    if unit.exists_on(day):
        assert out == (unit,)
    for s in HN.succession_chain(unit, on=day):
        assert s.effective <= day


def test_units_within() -> None:
    within = HN.units(level=Level.COMMUNE, within="Quận Hoàn Kiếm", on=BEFORE)
    assert len(within) == 18
    assert all(HN.parent(u, on=BEFORE) == HN.get("002") for u in within)
    with pytest.raises(NotFound):  # the district no longer exists in 2026
        HN.units(within="Quận Hoàn Kiếm", on=AFTER)
    assert HN.units(within="Phường Hoàn Kiếm", on=AFTER) == ()  # no villages in the data


# --------------------------------------------------------------------- building
def u(
    uid: str, kind: UnitKind = UnitKind.WARD, start: date | None = None, end: date | None = None
) -> Unit:
    return Unit(
        id=uid,
        code=uid.split("@")[0],
        name=f"{kind.value.capitalize()} {uid}",
        kind=kind,
        validity=Validity(valid_from=start, valid_to=end),
        end_reason="test" if end and uid.startswith("x") else None,
    )


def test_build_reports_every_problem_at_once() -> None:
    city = u("01", UnitKind.CENTRAL_CITY)
    d1 = u("001", UnitKind.URBAN_DISTRICT)
    d2 = u("002", UnitKind.URBAN_DISTRICT)
    a = u("A", UnitKind.URBAN_DISTRICT)
    b = u("B", UnitKind.URBAN_DISTRICT)
    w = u("10")
    same_code = u("10@2020-01-01", start=date(2020, 1, 1))  # code 10 overlaps with w
    short = u("11", end=date(2025, 7, 1))  # ends without successors or reason
    links = [
        Containment(parent="01", child="001"),
        Containment(parent="01", child="002"),
        Containment(parent="001", child="10"),
        Containment(parent="002", child="10", source="row 7"),  # second parent
        Containment(parent="A", child="B"),
        Containment(parent="B", child="A"),  # cycle
        Containment(parent="001", child="11"),  # outside the validity of 11
    ]
    with pytest.raises(InvalidData) as err:
        Territory.build([city, d1, d2, a, b, w, same_code, short], links)
    text = str(err.value)
    messages = [p.message for p in err.value.problems]
    assert len(err.value.problems) == 5, text
    assert any("two parents" in m for m in messages)
    assert any("cycle" in m for m in messages)
    assert any("code 10 is used by" in m for m in messages)
    assert any("not inside the validity of 11" in m for m in messages)
    assert any("without successors or an end_reason" in m for m in messages)
    assert "row 7" in text  # the record each problem came from


def test_build_rejects_backward_successions_and_unknown_ids() -> None:
    old = u("1", end=date(2025, 7, 1))
    new = u("2@2025-07-01", start=date(2025, 7, 1))
    back = Succession(
        predecessors=("2@2025-07-01",),
        successors=("1",),
        effective=date(2025, 7, 1),
        act="x",
        kind="merge",
    )
    ghost = Succession(
        predecessors=("1",),
        successors=("ghost",),
        effective=date(2025, 7, 1),
        act="y",
        kind="merge",
    )
    with pytest.raises(InvalidData) as err:
        Territory.build([old, new], [], [back, ghost])
    messages = " | ".join(p.message for p in err.value.problems)
    assert "does not end by the effective date" in messages
    assert "forward in time" in messages
    assert "unknown unit" in messages


def test_chains_of_successions_are_followed() -> None:
    d1, d2 = date(2025, 1, 1), date(2025, 7, 1)
    a = u("1", end=d1)
    b = u("2", end=d1)
    ab = u("3@2025-01-01", start=d1, end=d2)
    c = u("4", end=d2)
    final = u("5@2025-07-01", start=d2)
    terr = Territory.build(
        [a, b, ab, c, final],
        [],
        [
            Succession(
                predecessors=("1", "2"),
                successors=("3@2025-01-01",),
                effective=d1,
                act="1286/NQ-UBTVQH15",
                kind="merge",
            ),
            Succession(
                predecessors=("3@2025-01-01", "4"),
                successors=("5@2025-07-01",),
                effective=d2,
                act="1656/NQ-UBTVQH15",
                kind="merge",
            ),
        ],
    )
    assert terr.successors("1", on=date(2026, 1, 1)) == (final,)
    assert [s.act for s in terr.succession_chain("1", on=date(2026, 1, 1))] == [
        "1286/NQ-UBTVQH15",
        "1656/NQ-UBTVQH15",
    ]
    assert terr.successors("1", on=date(2025, 3, 1)) == (ab,)
    assert terr.successors("3@2025-01-01", on=date(2024, 1, 1)) == ()
    assert terr.predecessors(final) == (ab, c)


@st.composite
def random_trees(draw: st.DrawFn) -> tuple[list[Unit], list[Containment], dict[str, str]]:
    n = draw(st.integers(min_value=1, max_value=40))
    units = [u("0", UnitKind.PROVINCE)]
    links: list[Containment] = []
    parent: dict[str, str] = {}
    for i in range(1, n):
        p = str(draw(st.integers(min_value=0, max_value=i - 1)))
        units.append(u(str(i), UnitKind.RURAL_DISTRICT))
        links.append(Containment(parent=p, child=str(i)))
        parent[str(i)] = p
    return units, links, parent


@given(tree=random_trees(), pick=st.integers(min_value=0, max_value=39))
def test_ancestors_match_a_plain_parent_walk(
    tree: tuple[list[Unit], list[Containment], dict[str, str]], pick: int
) -> None:
    units, links, parent = tree
    terr = Territory.build(units, links)
    node = str(pick % len(units))
    expected = []
    while node in parent:
        node = parent[node]
        expected.append(node)
    got = [a.id for a in terr.ancestors(str(pick % len(units)), on=date(2025, 1, 1))]
    assert got == expected


def test_territory_cannot_be_constructed_directly() -> None:
    with pytest.raises(TypeError):
        Territory()


def test_unit_validation() -> None:
    with pytest.raises(InvalidData):
        Unit(id=" ", code="1", name="x", kind=UnitKind.WARD)
    with pytest.raises(InvalidData):
        Succession(
            predecessors=(), successors=("a",), effective=date(2025, 1, 1), act="a", kind="merge"
        )
    assert Unit(id="x", code="1", name="x", kind=UnitKind.WARD).id == "x"  # the control case


def test_ancestors_accept_ids_codes_and_names() -> None:
    # "00070" is the legacy id and, on 2026-03-01, the code of the new ward
    assert [a.id for a in HN.ancestors("00070", on=BEFORE)] == ["002", "01"]
    assert [a.id for a in HN.ancestors("00070", on=AFTER)] == ["01"]
    assert [a.id for a in HN.ancestors("Phường Hoàn Kiếm", on=AFTER)] == ["01"]
    assert HN.ancestors("01", on=AFTER) == ()
    with pytest.raises(NotFound):
        HN.ancestors("no such place", on=AFTER)


def test_names_narrowed_by_their_ancestors() -> None:
    with pytest.raises(Ambiguous):
        HN.unit("Xã Phú Sơn", on=BEFORE)
    assert HN.unit("Xã Phú Sơn, Huyện Ba Vì", on=BEFORE).code == "09658"
    assert HN.unit("phu son, gia lam, ha noi", on=BEFORE).code == "00562"
    assert HN.unit("Phường Hoàn Kiếm, Hà Nội", on=AFTER).id == "00070@2025-07-01"
    with pytest.raises(Ambiguous):
        HN.unit("Xã Phú Sơn, Hà Nội", on=BEFORE)
    with pytest.raises(NotFound):
        HN.unit("Xã Phú Sơn, Huyện Đông Anh", on=BEFORE)


def test_reference_facts_about_reused_codes() -> None:
    # hanoi-structure.md §3: codes are reused by the new units
    assert HN.get("00226").name == "Phường Trung Tự"  # until 2025-01-01
    assert HN.get("00226@2025-01-01").name == "Phường Phương Liên - Trung Tự"
    assert HN.unit("00226", on=AFTER).name == "Phường Văn Miếu - Quốc Tử Giám"
    assert HN.get("00292@2025-01-01").name == "Phường Bạch Mai"  # took 00292 on 2025-01-01
    assert HN.get("00292").name == "Phường Quỳnh Lôi"


def test_loader_reports_bad_records() -> None:
    from papi.territory import load_territory

    units = "\n".join(
        [
            '{"id": "01", "code": "01", "name": "Thành phố A", "kind": "CENTRAL_CITY"}',
            '{"id": "1", "code": "1", "name": "Phường B", "kind": "CASTLE", "parent": "01"}',
            '{"id": "2", "code": "2", "name": "Phường C", "kind": "WARD", "valid_to": "x"}',
        ]
    )
    with pytest.raises(InvalidData) as err:
        load_territory(units, "")
    paths = [p.path for p in err.value.problems]
    assert paths == ["units.jsonl:2", "units.jsonl:3"]
    assert "unknown unit kind" in str(err.value)
    with pytest.raises(InvalidData, match=r"units\.jsonl:1"):
        load_territory("not json", "")


def test_stale_ids_are_not_found_on_other_days_but_followed_forward() -> None:
    old = "00061"  # Phường Hàng Bạc, to 2025-06-30; code 00061 is not reused
    with pytest.raises(NotFound, match="until 2025-07-01 and was succeeded by Phường Hoàn Kiếm"):
        HN.unit(old, on=AFTER)
    assert HN.get(old).name == "Phường Hàng Bạc"
    assert [u.id for u in HN.successors(old, on=AFTER)] == ["00070@2025-07-01"]
    new = "00070@2025-07-01"
    with pytest.raises(NotFound, match="exists only from 2025-07-01; use a date on or after"):
        HN.ancestors(new, on=BEFORE)
    assert HN.successors(new, on=BEFORE) == ()
    assert "00061" in {u.id for u in HN.predecessors(new)}


@settings(max_examples=20)
@given(day=covered_days, index=st.integers(min_value=0, max_value=10_000))
def test_qualified_names_resolve_back(day: date, index: int) -> None:
    units = HN.units(on=day)
    unit = units[index % len(units)]
    assert HN.unit(HN.qualified_name(unit, on=day), on=day) == unit


def test_every_unit_has_a_qualified_name() -> None:
    for day in (BEFORE, AFTER):
        names = [HN.qualified_name(u, on=day) for u in HN.units(on=day)]
        assert len(set(names)) == len(names)
        assert "Xã Phú Sơn, Huyện Ba Vì" in names or day == AFTER


def test_old_ambiguous_name_lists_candidates_with_parent_code_and_end() -> None:
    """An old name fitting several units gone by ``on``: each candidate reads as the same-day
    ones do (name, parent on its own last day, code) plus when it ended, and the message says
    how to name one."""
    expected = (
        "Phường Minh Khai, Quận Hai Bà Trưng (00295, until 2025-07-01)",
        "Phường Minh Khai, Quận Bắc Từ Liêm (00613, until 2025-07-01)",
        "Xã Minh Khai, Huyện Hoài Đức (09838, until 2025-07-01)",
    )
    with pytest.raises(Ambiguous) as amb:
        HN.successors("Minh Khai", on=AFTER)
    assert amb.value.candidates == expected
    assert "write its name with its parent as listed" in str(amb.value)
    assert "'Phường Minh Khai, Quận Hai Bà Trưng'" in str(amb.value)
    with pytest.raises(NotFound) as nf:
        HN.unit("Minh Khai", on=AFTER)
    for cand in expected:
        assert cand in str(nf.value)
    assert "Write the name with its parent as listed" in str(nf.value)
    # each candidate, written as listed, is followed to its own successors
    for cand in expected:
        qualified = cand.rsplit(" (", 1)[0]
        code = cand.rsplit(" (", 1)[1].split(",")[0]
        old = HN.get(code)  # the pre-2025 units' ids are their codes
        assert HN.successors(qualified, on=AFTER) == HN.successors(old, on=AFTER)
        assert HN.successors(qualified, on=AFTER)  # not empty
        assert HN.unit(qualified, on=BEFORE).code == code  # the same name works that day


@pytest.mark.parametrize(
    "ref", ["Minh Khai, Hai Bà Trưng", "00295", "Phuong Minh Khai, Q. Hai Ba Trung"]
)
def test_gone_unit_message_names_its_end_and_successors(ref: str) -> None:
    with pytest.raises(NotFound) as err:
        HN.unit(ref, on=AFTER)
    msg = str(err.value)
    assert "Phường Minh Khai, Quận Hai Bà Trưng (00295) existed until 2025-07-01" in msg
    assert "succeeded by Phường Bạch Mai, Phường Tương Mai; ask about one of them" in msg
    assert "or use a date before 2025-07-01" in msg
    assert "successors()" not in msg  # no library jargon
    assert "get()" not in msg
    assert err.value.closest == ("Phường Bạch Mai", "Phường Tương Mai")
    assert [u.name for u in HN.successors(ref, on=AFTER)] == ["Phường Bạch Mai", "Phường Tương Mai"]


def test_gone_unit_with_one_successor_says_which() -> None:
    with pytest.raises(NotFound) as err:
        HN.unit("Phường Hàng Bạc, Quận Hoàn Kiếm", on=AFTER)
    assert "was succeeded by Phường Hoàn Kiếm; ask about Phường Hoàn Kiếm" in str(err.value)
    # the parent must be the unit's parent on its own last day
    with pytest.raises(NotFound) as err2:
        HN.unit("Phường Hàng Bạc, Quận Ba Đình", on=AFTER)
    assert "existed until" not in str(err2.value)
    with pytest.raises(NotFound):
        HN.successors("Phường Hàng Bạc, Quận Ba Đình", on=AFTER)


def test_old_ambiguous_error_survives_pickling() -> None:
    import pickle

    with pytest.raises(Ambiguous) as amb:
        HN.successors("Minh Khai", on=AFTER)
    again = pickle.loads(pickle.dumps(amb.value))
    assert str(again) == str(amb.value)
    assert again.candidates == amb.value.candidates


def test_every_gone_unit_is_reachable_by_its_listed_name() -> None:
    """The "Name, Parent" form shown for a unit gone by ``on`` leads :meth:`successors` to
    that unit's successors, or to an ambiguity listing it (two same-named units under one
    parent); and :meth:`unit` then says when it ended."""
    gone = [u for u in HN if u.valid_to is not None and u.valid_to <= AFTER]
    assert len(gone) > 500
    last_end: dict[str, date] = {}
    for u in gone:
        label = HN._describe_other_day(u).rsplit(" (", 1)[0]
        assert u.valid_to is not None
        last_end[label] = max(last_end.get(label, u.valid_to), u.valid_to)
    for u in gone:
        desc = HN._describe_other_day(u)
        label = desc.rsplit(" (", 1)[0]
        assert label.startswith(u.name)
        if u.valid_to != last_end[label]:
            continue  # a later unit of the same name and parent is the one followed
        twins = [v for v in gone if v.valid_to == u.valid_to and v is not u]
        if any(HN._describe_other_day(v).rsplit(" (", 1)[0] == label for v in twins):
            with pytest.raises(Ambiguous) as err:
                HN.successors(label, on=AFTER)
            assert desc in err.value.candidates
        else:
            assert HN.successors(label, on=AFTER) == HN.successors(u, on=AFTER), desc
        with pytest.raises(NotFound, match=f"until {u.valid_to.isoformat()}"):
            HN.unit(label, on=AFTER)


def test_the_graph_is_built_when_first_asked_for_and_holds_every_record() -> None:
    """Queries do not read the networkx graph, so a territory builds it when first asked for:
    then it holds every unit (in the order given) and every link and succession, with the
    same attributes (a parent's ``contains`` edges in the order given)."""
    d = date(2025, 7, 1)
    city = u("01", UnitKind.CENTRAL_CITY)
    a, b = u("1", end=d), u("2", end=d)
    ab = u("3@2025-07-01", start=d)
    links = [
        Containment(
            parent="01", child="2", validity=Validity(valid_from=date(2020, 1, 1), valid_to=d)
        ),
        Containment(parent="01", child="1", validity=Validity(valid_to=d)),
        Containment(parent="01", child="3@2025-07-01", validity=Validity(valid_from=d)),
    ]
    merge = Succession(
        predecessors=("1", "2"), successors=("3@2025-07-01",), effective=d, act="m", kind="merge"
    )
    terr = Territory.build([city, b, a, ab], links, [merge])
    terr.ancestors("3@2025-07-01", on=date(2026, 1, 1))
    terr.unit("1", on=date(2024, 1, 1))
    assert terr._graph is None  # (queries read the indexes)
    day = terr.graph(on=date(2024, 1, 1))  # a day's view builds it too
    g = terr.full_graph
    assert terr.full_graph is g
    assert terr._graph is g
    assert list(g.nodes) == ["01", "2", "1", "3@2025-07-01"]
    assert g.nodes["3@2025-07-01"]["unit"] is ab
    assert g.nodes["1"]["valid_to"] == d
    assert [(p, c, k) for p, c, k in g.edges(keys=True)] == [
        ("01", "2", f"contains@{date(2020, 1, 1).toordinal()}"),
        ("01", "1", f"contains@{date.min.toordinal()}"),
        ("01", "3@2025-07-01", f"contains@{d.toordinal()}"),
        ("2", "3@2025-07-01", "succeeded_by@m"),  # (networkx lists by source, in node order)
        ("1", "3@2025-07-01", "succeeded_by@m"),
    ]
    assert dict(g.edges["01", "1", f"contains@{date.min.toordinal()}"]) == {
        "relation": "contains",
        "lo": date.min.toordinal(),
        "hi": d.toordinal(),
        "valid_from": None,
        "valid_to": d,
    }
    assert dict(g.edges["2", "3@2025-07-01", "succeeded_by@m"]) == {
        "relation": "succeeded_by",
        "act": "m",
        "kind": "merge",
        "lo": d.toordinal(),
        "hi": d.toordinal() + 1,
        "valid_from": d,
        "valid_to": None,
        "succession": merge,
    }
    assert sorted(day.nodes) == ["01", "1", "2"]
    assert day.number_of_edges() == 2


def test_threads_asking_for_the_graph_first_get_one_graph() -> None:
    terr = Territory.build(
        [u("01", UnitKind.CENTRAL_CITY), u("1")], [Containment(parent="01", child="1")]
    )
    barrier = threading.Barrier(8)

    def ask() -> object:
        barrier.wait()
        return terr.full_graph

    with ThreadPoolExecutor(8) as pool:
        graphs = list(pool.map(lambda _: ask(), range(8)))
    assert all(g is graphs[0] for g in graphs)
