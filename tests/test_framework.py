"""Tests for papi.framework: the packaged PAPI catalogue, lookup and navigation."""

from __future__ import annotations

import copy
import json
import threading
import unicodedata
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.errors import InvalidData, NotFound
from papi.framework import (
    Dimension,
    Framework,
    Indicator,
    Level,
    SubDimension,
    framework,
    frameworks,
    load_framework,
)
from papi.text import fold

YEARS_NEW = range(2018, 2025)
YEARS_OLD = range(2011, 2018)


def _raw(name: str) -> dict[str, Any]:
    text = resources.files("papi").joinpath("data", "framework", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# ---- shape ---------------------------------------------------------------------------------
@pytest.mark.parametrize("year", YEARS_NEW)
def test_framework_since_2018_has_8_dimensions_and_28_sub_dimensions(year: int) -> None:
    fw = framework(year)
    assert [d.code for d in fw.dimensions] == [f"D{i}" for i in range(1, 9)]
    assert len(fw.sub_dimensions) == 28  # papi.org.vn/eng/faq
    assert [len(fw.children(d.code)) for d in fw.dimensions] == [4, 4, 3, 4, 4, 4, 3, 2]
    assert fw.complete


@pytest.mark.parametrize("year", YEARS_OLD)
def test_framework_before_2018_has_6_dimensions(year: int) -> None:
    fw = framework(year)
    assert [d.code for d in fw.dimensions] == [f"D{i}" for i in range(1, 7)]
    assert "D7" not in fw
    assert fw.stated_size.sub_dimensions == 22


def test_2016_revision_of_vertical_accountability() -> None:
    # 2017 report p.50: since 2016 (i) interactions, (ii) proactive response, (iii) PIBs.
    assert framework(2015).children("D3") == ("D3.1", "D3.2", "D3.3")
    assert framework(2016).children("D3") == ("D3.1", "D3.2", "D3.4")
    assert framework(2016)["D3.4"].first_year == 2016
    assert framework(2015)["D3.3"].last_year == 2015
    with pytest.raises(NotFound):
        framework(2016)["D3.3"]


def test_old_catalogue_is_marked_incomplete_where_sources_lack_sub_dimensions() -> None:
    assert not framework(2015).complete  # 2011-2015 D5 sub-dimensions are not sourced
    assert framework(2015).children("D5") == ()
    assert framework(2016).complete  # 4+3+3+4+4+4 = 22 as stated


def test_frameworks_are_the_two_periods() -> None:
    old, new = frameworks()
    assert (old.first_year, old.last_year, new.first_year, new.last_year) == (
        2011,
        2017,
        2018,
        None,
    )
    assert old.year is None
    assert framework(2020).year == 2020


@pytest.mark.parametrize("year", [2009, 2010, 1990])
def test_years_before_2011_have_no_framework(year: int) -> None:
    with pytest.raises(NotFound, match=str(year)):
        framework(year)


def test_framework_is_cached_and_thread_safe() -> None:
    results: list[Framework] = []
    threads = [threading.Thread(target=lambda: results.append(framework(2022))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is results[0] for r in results)


# ---- elements --------------------------------------------------------------------------------
def test_element_types_levels_and_parents() -> None:
    fw = framework(2023)
    for el in fw.elements():
        depth = el.code.count(".") + 1
        assert el.level.depth == depth
        assert isinstance(el, {1: Dimension, 2: SubDimension, 3: Indicator}[depth])
        if el.parent is None:
            assert depth == 1
        else:
            assert el.code.startswith(el.parent + ".")
            assert el.code in fw.children(el.parent)
        assert el.sources, el.code
        assert el.first_year <= 2023
        assert unicodedata.is_normalized("NFC", el.name_vi)
        if not el.verified:
            assert el.note, f"{el.code} is unverified without a note"
    assert fw.elements(Level.INDICATOR) == fw.indicators


def test_unverified_items_from_the_reference_are_marked() -> None:
    fw = framework(2020)
    for code in ("D3.2", "D3.3", "D4.2", "D5.1", "D7.1", "D7.2", "D7.3", "D8.1", "D8.2"):
        assert not fw[code].verified, code
    for code in ("D1", "D6.1", "D6.4", "D3.1", "D2.1"):
        assert fw[code].verified, code
    # every indicator placement is our inference: none is claimed as verified
    assert all(not i.verified for i in fw.indicators)


def test_dimension_names_vi_and_en() -> None:
    fw = framework(2024)
    assert fw["D2"].name_vi == "Công khai, minh bạch trong việc ra quyết định ở địa phương"
    assert fw["D7"].name_en == "Environmental Governance"
    assert fw["D8"].name("vi") == "Quản trị điện tử"
    assert fw["d4"].code == "D4"  # codes are case-insensitive
    with pytest.raises(NotFound):
        fw["D8"].name("fr")


@pytest.mark.parametrize("code", ["D9", "D1.9", "X", "D3.1.9", ""])
def test_unknown_code_raises_not_found(code: str) -> None:
    fw = framework(2021)
    assert code not in fw
    assert fw.get(code) is None
    with pytest.raises(NotFound, match="PAPI code"):
        fw[code]


# ---- lookup by name ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Quản trị điện tử", "D8"),
        ("QUAN TRI DIEN TU", "D8"),
        ("e-governance", "D8"),
        ("Kiểm soát tham nhũng trong khu vực công", "D4"),
        ("kiem  soat tham nhung", "D4"),
        ("Tiếp cận thông tin", "D2.1"),
        ("Y te cong lap", "D6.1"),
        ("Đóng góp tự nguyện", "D1.4"),
        ("dong gop tu nguyen", "D1.4"),
        ("D5.3", "D5.3"),
    ],
)
def test_find_by_name(name: str, code: str) -> None:
    assert framework(2022).find(name).code == code


def test_find_accepts_nfd_input() -> None:
    fw = framework(2019)
    for el in fw.elements():
        nfd = unicodedata.normalize("NFD", el.name_vi)
        assert fw.find(nfd).code == el.code
        assert fw.find(fold(el.name_vi)).code == el.code
        assert fw.find(el.name_en.upper()).code == el.code


def test_find_unknown_name_suggests_closest() -> None:
    with pytest.raises(NotFound) as info:
        framework(2022).find("Quan tri dien tuu")
    assert "Quản trị điện tử" in info.value.closest


def test_names_are_unique_within_each_year() -> None:
    for year in range(2011, 2025):
        fw = framework(year)
        for el in fw.elements():
            for name in (el.name_vi, el.name_en, *el.aliases):
                assert fw.find(name).code == el.code, (year, name)


# ---- navigation --------------------------------------------------------------------------------
def test_navigation() -> None:
    fw = framework(2021)
    assert fw.parent("D1") is None
    parent = fw.parent("D6.2")
    assert parent is not None
    assert parent.code == "D6"
    assert fw.descendants("D1") == ("D1.1", "D1.2", "D1.3", "D1.4", "D1.4.1")
    assert [a.code for a in fw.ancestors("D2.4.1")] == ["D2.4", "D2"]
    assert fw.related("D2.4.1", "D2")
    assert fw.related("D2", "D2")
    assert not fw.related("D2.4", "D2.3")
    assert fw["D7.1.1"].dimension == "D7"


@given(st.sampled_from(framework(2020).elements()), st.sampled_from(framework(2020).elements()))
def test_related_is_symmetric_and_follows_ancestry(a: Any, b: Any) -> None:
    fw = framework(2020)
    assert fw.related(a.code, b.code) == fw.related(b.code, a.code)
    expected = (
        a.code == b.code or a.code.startswith(b.code + ".") or b.code.startswith(a.code + ".")
    )
    assert fw.related(a.code, b.code) == expected


@given(st.sampled_from(range(2011, 2025)))
def test_children_and_parent_agree(year: int) -> None:
    fw = framework(year)
    for el in fw.elements():
        for child in fw.children(el.code):
            parent = fw.parent(child)
            assert parent is not None
            assert parent.code == el.code
            assert fw[child].in_force(year)


# ---- validation of the data ---------------------------------------------------------------------
def test_packaged_json_is_loaded_through_the_validator() -> None:
    for name in ("papi_2011.json", "papi_2018.json"):
        fw = load_framework(_raw(name), source=name)
        assert fw.id in {f.id for f in frameworks()}


def _broken(mutate: Any) -> InvalidData:
    data = copy.deepcopy(_raw("papi_2018.json"))
    mutate(data)
    with pytest.raises(InvalidData) as info:
        load_framework(data, source="broken.json")
    return info.value


def test_invalid_json_reports_paths() -> None:
    err = _broken(lambda d: d["elements"][2]["children"][0].update(code="D4.1"))
    assert any(p.path == "$.elements[2].children[0].code" for p in err.problems)

    err = _broken(lambda d: d["elements"][0].pop("name_vi"))
    assert any(p.path == "$.elements[0].name_vi" for p in err.problems)

    err = _broken(lambda d: d["elements"][5]["children"].append(d["elements"][5]["children"][0]))
    assert any("duplicate code" in p.message for p in err.problems)

    err = _broken(lambda d: d["elements"][1].update(colour="red"))
    assert any(p.path == "$.elements[1].colour" for p in err.problems)

    err = _broken(lambda d: d["elements"].pop())
    assert any("8 dimensions stated" in p.message for p in err.problems)

    err = _broken(lambda d: d["elements"][0].update(verified="yes"))
    assert any(p.path == "$.elements[0].verified" for p in err.problems)


def test_non_object_framework_is_rejected() -> None:
    with pytest.raises(InvalidData):
        load_framework([], source="x.json")  # type: ignore[arg-type]
