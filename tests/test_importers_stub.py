"""papi.importers.from_vietnam_provinces on every Python papi supports.

``vietnam-provinces`` installs on Python >= 3.12 only, so tests/test_importers.py (which checks
the importer against the real package) never runs on 3.11. Here the importer runs against a
small stand-in package with the same shape (two provinces merged, one unchanged, a district
abolished, a commune split, one left out of the conversion table, table entries naming
unknown units), so its logic is checked everywhere.
"""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from papi.importers import from_vietnam_provinces
from papi.territory import Level

BEFORE, AFTER = date(2025, 6, 30), date(2026, 3, 1)


class _Rows:
    def __init__(self, *rows: dict[str, Any]) -> None:
        self.rows = [types.SimpleNamespace(**r) for r in rows]

    def iter_all(self) -> Iterator[types.SimpleNamespace]:
        return iter(self.rows)


def _ref(code: int) -> types.SimpleNamespace:
    return types.SimpleNamespace(code=code)


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    vp = types.ModuleType("vietnam_provinces")
    vp.__version__ = "0.0-test"  # type: ignore[attr-defined]
    vp.__data_version__ = "test"  # type: ignore[attr-defined]
    vp.Province = _Rows(  # type: ignore[attr-defined]
        {"code": 1, "name": "Thành phố Hà Nội", "division_type": "thành phố trung ương"},
        {"code": 4, "name": "Tỉnh Cao Bằng", "division_type": "tỉnh"},
    )
    vp.Ward = _Rows(  # type: ignore[attr-defined]
        {"code": 70, "name": "Phường Hoàn Kiếm", "division_type": "phường", "province_code": 1},
        {"code": 71, "name": "Phường Cửa Nam", "division_type": "phường", "province_code": 1},
        {"code": 1000, "name": "Xã Mới", "division_type": "xã", "province_code": 4},
    )
    legacy = types.ModuleType("vietnam_provinces.legacy")
    legacy.Province = _Rows(  # type: ignore[attr-defined]
        {"code": 1, "name": "Thành phố Hà Nội", "division_type": "thành phố trung ương"},
        {"code": 4, "name": "Tỉnh Cao Bằng", "division_type": "tỉnh"},
        {"code": 6, "name": "Tỉnh Bắc Kạn", "division_type": "tỉnh"},
    )
    legacy.District = _Rows(  # type: ignore[attr-defined]
        {"code": 2, "name": "Quận Hoàn Kiếm", "division_type": "quận", "province_code": 1},
        {"code": 40, "name": "Huyện Một", "division_type": "huyện", "province_code": 4},
        {"code": 60, "name": "Huyện Hai", "division_type": "huyện", "province_code": 6},
    )
    legacy.Ward = _Rows(  # type: ignore[attr-defined]
        {"code": 37, "name": "Phường Hàng Bạc", "division_type": "phường", "district_code": 2},
        {"code": 38, "name": "Phường Hàng Bồ", "division_type": "phường", "district_code": 2},
        {"code": 400, "name": "Xã Cũ", "division_type": "xã", "district_code": 40},
        {"code": 600, "name": "Xã Khác", "division_type": "xã", "district_code": 60},
        {"code": 601, "name": "Xã Bỏ Sót", "division_type": "xã", "district_code": 60},
    )
    wards = types.ModuleType("vietnam_provinces._ward_conversion_2025")
    wards.SOURCE = "stand-in table"  # type: ignore[attr-defined]
    wards.OLD_TO_NEW = {  # type: ignore[attr-defined]
        37: types.SimpleNamespace(new_wards=[_ref(70)]),
        38: types.SimpleNamespace(new_wards=[_ref(70), _ref(71)]),  # split
        400: types.SimpleNamespace(new_wards=[_ref(1000)]),
        600: types.SimpleNamespace(new_wards=[_ref(1000), _ref(9999)]),  # 9999: unknown
        777: types.SimpleNamespace(new_wards=[_ref(70)]),  # 777: unknown old ward
    }
    provinces = types.ModuleType("vietnam_provinces._province_conversion_2025")
    provinces.OLD_TO_NEW = {  # type: ignore[attr-defined]
        1: types.SimpleNamespace(new_provinces=[_ref(1)]),  # unchanged
        4: types.SimpleNamespace(new_provinces=[_ref(4)]),  # Cao Bằng absorbs Bắc Kạn
        6: types.SimpleNamespace(new_provinces=[_ref(4)]),
    }
    for module in (vp, legacy, wards, provinces):
        monkeypatch.setitem(sys.modules, module.__name__, module)


@pytest.mark.usefixtures("stand_in")
def test_the_importer_builds_both_sides_of_the_reform() -> None:
    t = from_vietnam_provinces()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # before the coverage (the reform): a warning
        assert {u.id for u in t.units(level=Level.PROVINCE, on=BEFORE)} == {"01", "04", "06"}
        assert {u.id for u in t.units(level=Level.DISTRICT, on=BEFORE)} == {"002", "040", "060"}
        assert t.unit("01", on=BEFORE) == t.unit("01", on=AFTER)  # unchanged: one unit
    assert {u.id for u in t.units(level=Level.PROVINCE, on=AFTER)} == {"01", "04@2025-07-01"}
    assert t.units(level=Level.DISTRICT, on=AFTER) == ()
    assert len(t.units(level=Level.COMMUNE, on=AFTER)) == 3
    assert t.meta["skipped"] == {"old_ward_unknown": 1, "new_ward_unknown": 1}


@pytest.mark.usefixtures("stand_in")
def test_the_importer_records_every_succession_and_what_it_left_out() -> None:
    t = from_vietnam_provinces()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        split = t.successors(t.unit("00038", on=BEFORE), on=AFTER)
        assert {u.id for u in split} == {"00070@2025-07-01", "00071@2025-07-01"}
        merged = t.successors(t.unit("06", on=BEFORE), on=AFTER)
        assert [u.id for u in merged] == ["04@2025-07-01"]
        district = t.successors(t.unit("060", on=BEFORE), on=AFTER)
        assert [u.id for u in district] == ["01000@2025-07-01"]
        left_out = t.unit("00601", on=BEFORE)
    assert left_out.end_reason == "ended 2025-07-01; not in the source's conversion table"
    kinds = {s.kind for s in t.successions}
    assert kinds == {"merge", "split", "abolish_tier"}
