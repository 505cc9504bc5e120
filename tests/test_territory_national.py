"""The whole country (papi.territory.vietnam_territory): counts before and after the 2025
reform, successions, coverage per province, conversion old -> new, and the invariants every
day of the data must keep (each snapshot a tree; every old commune reaches a unit of 2026)."""

from __future__ import annotations

import warnings
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi.errors import Ambiguous, CoverageWarning, InvalidData, NotFound, PapiError
from papi.territory import (
    Conversion,
    Level,
    Territory,
    UnitKind,
    hanoi_territory,
    vietnam_territory,
)

BEFORE = date(2025, 6, 30)
AFTER = date(2026, 3, 1)
REFORM = date(2025, 7, 1)


@pytest.fixture(scope="module")
def vn() -> Territory:
    return vietnam_territory()


def test_loaded_once(vn: Territory) -> None:
    assert vietnam_territory() is vn


def test_first_load_from_many_threads_builds_one_territory() -> None:
    from concurrent.futures import ThreadPoolExecutor

    import papi.territory as module

    module._vietnam.cache_clear()
    with ThreadPoolExecutor(8) as pool:
        loaded = list(pool.map(lambda _: vietnam_territory(), range(16)))
    assert len({id(t) for t in loaded}) == 1
    answers = list(
        ThreadPoolExecutor(8).map(
            lambda code: vietnam_territory().convert(code, on=BEFORE, to=AFTER).units,
            ["25462", "27691", "00007", "31379"] * 8,
        )
    )
    assert answers[:4] * 8 == answers


def test_counts_before_the_reform(vn: Territory) -> None:
    assert len(vn.units(level=Level.PROVINCE, on=BEFORE)) == 63
    assert len(vn.units(level=Level.DISTRICT, on=BEFORE)) == 696
    communes = vn.units(level=Level.COMMUNE, on=BEFORE)
    assert len(communes) == 10_035
    assert Counter(u.kind for u in communes) == {
        UnitKind.COMMUNE: 7_694,  # vietnamadminunits: 7,695 (15061 Thị trấn Ngọc Lặc as a xã)
        UnitKind.WARD: 1_724,
        UnitKind.TOWNSHIP: 617,  # the statistics office's kind, as the name says
    }
    provinces = vn.units(level=Level.PROVINCE, on=BEFORE)
    assert Counter(u.kind for u in provinces) == {UnitKind.PROVINCE: 57, UnitKind.CENTRAL_CITY: 6}


def test_counts_after_the_reform(vn: Territory) -> None:
    assert len(vn.units(level=Level.PROVINCE, on=AFTER)) == 34
    assert vn.units(level=Level.DISTRICT, on=AFTER) == ()
    communes = vn.units(level=Level.COMMUNE, on=AFTER)
    assert Counter(u.kind for u in communes) == {
        UnitKind.COMMUNE: 2_621,
        UnitKind.WARD: 687,
        UnitKind.SPECIAL_ZONE: 13,
    }


def test_meta_records_source_and_counts(vn: Territory) -> None:
    source = vn.meta["source"]
    assert (source["package"], source["version"], source["licence"]) == (
        "vietnamadminunits",
        "1.0.4",
        "MIT",
    )
    counts = vn.meta["counts"]
    assert counts["commune_links_source"] == 10_602
    assert counts["split_communes"] == 442  # 471 in the source, less 29 conflated homonyms


def test_quang_nam_succeeds_to_da_nang(vn: Territory) -> None:
    qn = vn.unit("Tỉnh Quảng Nam", on=BEFORE)
    (dn,) = vn.successors(qn, on=AFTER)
    assert dn.name == "Thành phố Đà Nẵng"
    assert dn.id == "48@2025-07-01"
    (step,) = vn.succession_chain(qn, on=AFTER)
    assert step.act == "202/2025/QH15"
    assert sorted(p for p in step.predecessors) == ["48", "49"]


def test_province_successions_63_to_34(vn: Territory) -> None:
    old = vn.units(level=Level.PROVINCE, on=BEFORE)
    targets = {vn.successors(p, on=AFTER) for p in old}
    assert all(len(t) == 1 for t in targets)
    assert len({t[0].id for t in targets}) == 34
    unchanged = [p for p in old if p.exists_on(AFTER)]
    assert len(unchanged) == 11
    merged = [s for s in vn.successions if s.act == "202/2025/QH15"]
    assert len(merged) == 23
    assert Counter(len(s.predecessors) for s in merged) == {2: 17, 3: 6}


def test_island_districts_become_special_zones(vn: Territory) -> None:
    islands = [
        d for d in vn.units(level=Level.DISTRICT, on=BEFORE) if not vn.children(d, on=BEFORE)
    ]
    assert sorted(d.name for d in islands) == [
        "Huyện Bạch Long Vĩ",
        "Huyện Côn Đảo",
        "Huyện Cồn Cỏ",
        "Huyện Hoàng Sa",
        "Huyện Lý Sơn",
    ]
    for d in islands:
        (zone,) = vn.successors(d, on=AFTER)
        assert zone.kind is UnitKind.SPECIAL_ZONE
    assert sorted(vn.successors(d, on=AFTER)[0].code for d in islands) == [
        "11948",
        "19742",
        "20333",
        "21548",
        "26732",
    ]


def test_every_old_commune_reaches_a_unit_of_2026_with_a_primary(vn: Territory) -> None:
    for u in vn.units(level=Level.COMMUNE, on=BEFORE):
        c = vn.convert(u, to=AFTER)
        assert c.units, u
        assert all(x.exists_on(AFTER) and x.level is Level.COMMUNE for x in c.units)
        assert c.primary is not None
        assert c.primary in c.units


def test_split_successions_mark_their_primary(vn: Territory) -> None:
    splits = [s for s in vn.successions if s.kind == "split" and s.effective == REFORM]
    assert len(splits) == 442
    assert all(s.primary in s.successors for s in splits)


def test_every_new_commune_has_predecessors(vn: Territory) -> None:
    for u in vn.units(level=Level.COMMUNE, on=AFTER):
        assert vn.predecessors(u), u


def _assert_tree(vn: Territory, day: date) -> None:
    """Each unit of ``day`` has exactly one parent of ``day`` one level up (provinces none)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        units = vn.units(on=day)
        alive = {u.id for u in units}
        for u in units:
            parent = vn.parent(u, on=day)
            if u.level is Level.PROVINCE:
                assert parent is None, u
                continue
            assert parent is not None, (u, day)
            assert parent.id in alive
            assert parent.level.depth < u.level.depth
        graph = vn.graph(on=day)
        assert graph.number_of_nodes() == len(units)
        assert graph.number_of_edges() == len(units) - sum(u.level is Level.PROVINCE for u in units)


@pytest.mark.parametrize("index", range(6))
def test_each_snapshot_is_a_tree_on_every_change_day(vn: Territory, index: int) -> None:
    days = vn.change_days()
    for day in days[index::6]:
        _assert_tree(vn, day)
        _assert_tree(vn, day - timedelta(days=1))


@settings(max_examples=8, deadline=None)
@given(st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)))
def test_any_day_is_a_tree(day: date) -> None:
    _assert_tree(vietnam_territory(), day)


def test_change_days(vn: Territory) -> None:
    days = vn.change_days()
    assert list(days) == sorted(set(days))
    assert {date(2020, 2, 1), date(2020, 3, 1), REFORM, date(2025, 7, 2)} <= set(days)
    assert vn.change_days() is days


# the curated communes whose start the lists date (renamed on 2020-03-01, where the curated
# data starts): the national territory gives them the lists' id and first day
HANOI_RECONCILED = {
    "09727": "09727@2020-03-01",
    "09733": "09733@2020-03-01",
    "10282": "10282@2020-03-01",
}


def test_hanoi_is_the_curated_data(vn: Territory) -> None:
    hn = hanoi_territory()
    for day in (date(2022, 6, 13), BEFORE, AFTER):
        ours = {(u.id, u.name) for u in vn.units(within="01", on=day)}
        theirs = {(HANOI_RECONCILED.get(u.id, u.id), u.name) for u in hn.units(within="01", on=day)}
        assert ours == theirs
    assert vn.meta["hanoi"]["coverage"]["valid_from"] == "2020-03-01"
    assert dict(vn.meta["hanoi_reconcile"]["ids"]) == HANOI_RECONCILED
    for old, new in HANOI_RECONCILED.items():
        assert vn.get(new).valid_from == date(2020, 3, 1)
        assert vn.get(old).valid_to == date(2020, 3, 1)  # the lists' version before the rename
        assert [u.id for u in vn.successors(old, on=date(2020, 3, 1))] == [new]


def test_coverage_per_province(vn: Territory) -> None:
    """Every province is vouched for from 2020-01-01 (the first list of the statistics
    office's history); earlier days warn."""
    assert vn.coverage.valid_from == date(2020, 1, 1)
    assert vn.coverage_of("01", on=AFTER).valid_from == date(2020, 1, 1)
    assert vn.coverage_of("Tỉnh Quảng Nam", on=BEFORE).valid_from == date(2020, 1, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoverageWarning)
        assert vn.unit("Phường Hàng Bạc", on="2022-01-01").code == "00061"
        vn.ancestors("Phường Hàng Bạc", on="2022-01-01")
        vn.unit("Tỉnh Quảng Nam", on="2020-01-01")
        vn.units(level="province", on="2022-01-01")
    with pytest.warns(CoverageWarning, match="2020-01-01"):
        vn.unit("Tỉnh Quảng Nam", on="2019-12-31")
    with pytest.warns(CoverageWarning):
        vn.units(level="province", on="2019-06-01")


def test_convert_a_qualified_old_name(vn: Territory) -> None:
    c = vn.convert("Phường Cống Vị, Quận Ba Đình, Hà Nội", to=AFTER)
    assert isinstance(c, Conversion)
    assert c.source.code == "00007"
    assert {u.name for u in c.units} == {"Phường Ngọc Hà", "Phường Giảng Võ"}
    assert c.split
    assert c.primary is not None
    assert c.primary.name == "Phường Ngọc Hà"


def test_convert_a_current_name_is_itself(vn: Territory) -> None:
    c = vn.convert("Phường Hải Châu, Đà Nẵng", to=AFTER)
    assert c.units == (c.source,) == (c.primary,)
    assert c.chain == ()


def test_convert_an_old_code_needs_its_day(vn: Territory) -> None:
    c = vn.convert("25462", on=BEFORE, to=AFTER)
    assert (c.source.name, [u.name for u in c.units]) == ("Phường 4", ["Phường Tân Ninh"])


def test_ambiguous_names_list_their_province(vn: Territory) -> None:
    with pytest.raises(Ambiguous) as err:
        vn.unit("Phường 4", on=BEFORE)
    assert any("Tỉnh Tây Ninh" in c for c in err.value.candidates)
    assert any("Tỉnh Long An" in c for c in err.value.candidates)
    with pytest.raises(Ambiguous):
        vn.convert("Phường 4", to=AFTER)


def test_qualified_names_resolve_on_both_sides(vn: Territory) -> None:
    assert vn.unit("Phường 4, Thành phố Tân An", on=BEFORE).code == "27691"
    assert vn.qualified_name("27691", on=BEFORE).startswith("Phường 4, Thành phố Tân An")
    assert vn.unit("Phường Hải Châu", on=AFTER).code == "20242"


# --------------------------------------------------------------- argument validation
@pytest.mark.parametrize("on", [None, 5, "13/06/2022", "2022-02-30", [2022], 1.5])
def test_bad_days_are_invalid_data_naming_on(vn: Territory, on: object) -> None:
    for query in (
        lambda: vn.unit("01", on=on),  # type: ignore[arg-type]
        lambda: vn.units(on=on),  # type: ignore[arg-type]
        lambda: vn.parent("01", on=on),  # type: ignore[arg-type]
        lambda: vn.children("01", on=on),  # type: ignore[arg-type]
        lambda: vn.ancestors("01", on=on),  # type: ignore[arg-type]
        lambda: vn.successors("01", on=on),  # type: ignore[arg-type]
        lambda: vn.succession_chain("01", on=on),  # type: ignore[arg-type]
        lambda: vn.qualified_name("01", on=on),  # type: ignore[arg-type]
        lambda: vn.graph(on=on),  # type: ignore[arg-type]
        lambda: vn.coverage_of("01", on=on),  # type: ignore[arg-type]
        lambda: vn.convert("01", to=on),  # type: ignore[arg-type]
    ):
        with pytest.raises(InvalidData) as err:
            query()
        assert err.value.problems[0].path in ("on", "to")
    if on is not None:
        with pytest.raises(InvalidData):
            vn.find("Hà Nội", on=on)  # type: ignore[arg-type]
        with pytest.raises(InvalidData):
            vn.predecessors("01", on=on)  # type: ignore[arg-type]


def test_datetimes_at_the_ends_of_the_calendar(vn: Territory) -> None:
    import datetime as dt

    with pytest.raises(InvalidData):
        vn.unit("01", on=dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC))  # type: ignore[arg-type]
    with pytest.raises(InvalidData):
        vn.unit("01", on=dt.datetime(2026, 1, 1))  # type: ignore[arg-type]  # naive
    assert vn.unit("01", on=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)).id == "01"  # type: ignore[arg-type]
    assert vn.successors("00007", on=date.max)[0].exists_on(date.max)
    with pytest.warns(CoverageWarning):
        assert vn.units(level="province", on=date.min)


def test_iso_strings_are_days(vn: Territory) -> None:
    assert vn.unit("00070", on="2026-03-01") == vn.unit("00070", on=AFTER)
    assert vn.units(level="commune", on="2026-03-01") == vn.units(level=Level.COMMUNE, on=AFTER)


@pytest.mark.parametrize("level", ["communes", 3, "x"])
def test_bad_level_is_invalid_data(vn: Territory, level: object) -> None:
    with pytest.raises(InvalidData) as err:
        vn.units(level=level, on=AFTER)  # type: ignore[arg-type]
    assert err.value.problems[0].path == "level"


@pytest.mark.parametrize("ref", [5, None, 1.5, ["01"], ("01",)])
def test_bad_refs_are_papi_errors(vn: Territory, ref: object) -> None:
    for query in (
        lambda: vn.successors(ref, on=AFTER),  # type: ignore[arg-type]
        lambda: vn.succession_chain(ref, on=AFTER),  # type: ignore[arg-type]
        lambda: vn.unit(ref, on=AFTER),  # type: ignore[arg-type]
        lambda: vn.ancestors(ref, on=AFTER),  # type: ignore[arg-type]
        lambda: vn.convert(ref, to=AFTER),  # type: ignore[arg-type]
        lambda: vn.find(ref),  # type: ignore[arg-type]
        lambda: vn.get(ref),  # type: ignore[arg-type]
    ):
        with pytest.raises(PapiError):
            query()


def test_unknown_names_are_not_found(vn: Territory) -> None:
    with pytest.raises(NotFound):
        vn.convert("Phường Không Có", to=AFTER)
