"""tools/build_vietnam_data.py: the homonym defect of vietnamadminunits' converter data is
found and resolved from the package's own evidence (never guessed), the result is what the
GPL ``vietnam-provinces`` tables say for every corrected commune, and the packaged files are
exactly what the script makes from the pinned package."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from papi.territory import vietnam_territory
from test_territory_tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "papi" / "data" / "vietnam"


TOOL = load_tool("build_vietnam_data")
META = json.loads((DATA / "meta.json").read_text("utf-8"))

# The old communes the script corrects, with the successors it keeps: for each, what the
# statistics office's conversion table (as shipped by vietnam-provinces 2026.9.0) says too
# (../shared/reference/national-data.md, section 1.2).
CORRECTED = {
    "06079": ["06079"],  # Xã Hồng Phong, Huyện Bình Gia (Lạng Sơn)
    "10798": ["10804", "10843"],  # Xã Hòa Bình, Huyện Kim Thành (Hải Dương)
    "11890": ["11911"],  # Xã Hòa Bình, Huyện Vĩnh Bảo (Hải Phòng)
    "25462": ["25459"],  # Phường 4, TP Tây Ninh
    "27691": ["27694"],  # Phường 4, TP Tân An (Long An)
    "28252": ["28249"],  # Phường 4, TP Mỹ Tho (Tiền Giang)
    "28270": ["28270"],  # Phường 6, TP Mỹ Tho
    "28437": ["28435"],  # Phường 3, TX Cai Lậy
    "28439": ["28439"],  # Phường 4, TX Cai Lậy
    "28924": ["28921"],  # Xã Hòa Lộc, Huyện Mỏ Cày Bắc (Bến Tre)
    "29623": ["29623"],  # Xã Mỹ An, Huyện Mang Thít (Vĩnh Long)
    "29734": ["29734"],  # Xã Hòa Lộc, Huyện Tam Bình (Vĩnh Long)
    "29902": ["29905"],  # Phường 3, TP Sa Đéc (Đồng Tháp)
    "29908": ["29905"],  # Phường 4, TP Sa Đéc
    "31246": ["31246"],  # Xã Thạnh Quới, Huyện Vĩnh Thạnh (Cần Thơ)
    "31268": ["31288"],  # Xã Tân Thạnh, Huyện Thới Lai (Cần Thơ)
    "31378": ["31378"],  # Xã Phú Hữu, Huyện Châu Thành (Hậu Giang)
    "31379": ["31378"],  # Xã Phú Tân, Huyện Châu Thành (Hậu Giang)
    "31438": ["31408"],  # Xã Tân Long, Huyện Phụng Hiệp (Hậu Giang)
    "31474": ["31473"],  # Xã Long Bình, TX Long Mỹ (Hậu Giang)
    "31480": ["31480"],  # Xã Long Phú, TX Long Mỹ (Hậu Giang)
    "31483": ["31495"],  # Xã Thuận Hưng, Huyện Long Mỹ (Hậu Giang)
    "31582": ["31582"],  # Xã Phú Tân, Huyện Châu Thành (Sóc Trăng)
    "31606": ["31591"],  # Xã Thuận Hưng, Huyện Mỹ Tú (Sóc Trăng)
    "31657": ["31654"],  # Xã Phú Hữu, Huyện Long Phú (Sóc Trăng)
    "31666": ["31666"],  # Xã Tân Thạnh, Huyện Long Phú (Sóc Trăng)
    "31669": ["31639"],  # Xã Long Phú, Huyện Long Phú (Sóc Trăng)
    "31714": ["31726"],  # Xã Thạnh Quới, Huyện Mỹ Xuyên (Sóc Trăng)
    "31741": ["31741"],  # Xã Tân Long, TX Ngã Năm (Sóc Trăng)
    "31744": ["31741"],  # Xã Long Bình, TX Ngã Năm (Sóc Trăng)
}


def test_the_packaged_corrections_are_the_30_known_homonyms() -> None:
    dropped = {d.split()[0] for rec in META["defects"] for d in rec["dropped"]}
    assert dropped == set(CORRECTED)
    assert all(rec["evidence"] != "unresolved" for rec in META["defects"])
    assert META["counts"]["commune_links"] == 10_602 - 31


def test_the_corrected_communes_agree_with_the_statistics_office_table() -> None:
    vn = vietnam_territory()
    for code, expected in CORRECTED.items():
        old = vn.unit(code, on=date(2025, 6, 30))  # the code is reused after 2025-07-01
        got = vn.successors(old, on=date(2026, 3, 1))
        assert sorted(u.code for u in got) == expected, code
        (step,) = vn.succession_chain(old, on=date(2026, 3, 1))
        assert step.note is not None
        assert "homonym" in step.note


def _old(key: str, lat: float, lon: float) -> object:
    prov, dist, _ = key.split("_")
    return TOOL.OldCommune(key, f"{prov}_{dist}", prov, lat, lon, key)


def test_resolution_keeps_each_target_with_the_homonym_its_neighbours_support() -> None:
    # Phường 4 of TP Tân An and Phường 4 of TP Tây Ninh, as the package gives them: both
    # divided between the two new wards; each new ward's other old wards lie in one city.
    a, b = "longan_tanan_phuong4", "tayninh_tayninh_phuong4"
    targets = {
        a: {"tn/longan": True, "tn/tanninh": False},
        b: {"tn/longan": False, "tn/tanninh": True},
        "longan_tanan_phuong1": {"tn/longan": True},
        "tayninh_tayninh_phuong1": {"tn/tanninh": True},
    }
    old = {k: _old(k, 0.0, 0.0) for k in targets}
    fixed, decisions = TOOL.resolve_homonyms(targets, [a, b], old, {}, dict.fromkeys(targets, "tn"))
    assert fixed[a] == {"tn/longan": True}
    assert fixed[b] == {"tn/tanninh": True}
    assert {(d.target, d.dropped, d.evidence) for d in decisions} == {
        ("tn/longan", (b,), "same old district"),
        ("tn/tanninh", (a,), "same old district"),
    }


def test_resolution_without_evidence_keeps_the_links_and_says_so() -> None:
    a, b = "p1_d1_xaan", "p2_d2_xaan"
    targets = {a: {"n/x": True, "n/y": False}, b: {"n/x": False, "n/y": True}}
    old = {k: _old(k, 0.0, 0.0) for k in targets}  # same place: distance cannot tell
    fixed, decisions = TOOL.resolve_homonyms(
        targets, [a, b], old, {"n/x": (0.0, 0.0), "n/y": (0.0, 0.0)}, dict.fromkeys(targets, "n")
    )
    assert fixed == targets
    assert {d.evidence for d in decisions} == {"unresolved"}


def test_resolution_uses_distance_only_when_it_is_decisive() -> None:
    a, b = "p1_d1_xaan", "p2_d2_xaan"
    targets = {a: {"n/x": True, "n/y": False}, b: {"n/x": False, "n/y": True}}
    old = {a: _old(a, 10.0, 106.0), b: _old(b, 11.0, 106.0)}
    coords = {"n/x": (10.01, 106.0), "n/y": (10.99, 106.0)}
    fixed, decisions = TOOL.resolve_homonyms(
        targets, [a, b], old, coords, dict.fromkeys(targets, "n")
    )
    assert fixed == {a: {"n/x": True}, b: {"n/y": True}}
    assert {d.evidence for d in decisions} == {"nearest by a factor over 3"}


def test_a_whole_link_is_never_dropped() -> None:
    # Phường 3 of TP Cao Lãnh went whole into Phường Cao Lãnh; the same-named ward of
    # Sa Đéc, divided, lost its spurious link to it.
    whole, divided = "dt_caolanh_phuong3", "dt_sadec_phuong3"
    targets = {
        whole: {"dt/caolanh": True},
        divided: {"dt/caolanh": False, "dt/sadec": True},
        "dt_caolanh_phuong1": {"dt/caolanh": True},
        "dt_sadec_phuong1": {"dt/sadec": True},
    }
    old = {k: _old(k, 0.0, 0.0) for k in targets}
    fixed, _ = TOOL.resolve_homonyms(targets, [divided], old, {}, dict.fromkeys(targets, "dt"))
    assert fixed[whole] == {"dt/caolanh": True}
    assert fixed[divided] == {"dt/sadec": True}


def test_the_packaged_files_are_what_the_script_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("vietnamadminunits")
    import importlib.metadata

    if importlib.metadata.version("vietnamadminunits") != TOOL.PINNED:
        pytest.skip("another vietnamadminunits version is installed")
    monkeypatch.setattr(
        sys,
        "argv",
        ["build", "--out", str(tmp_path), "--hanoi", str(ROOT / "src/papi/data/hanoi")],
    )
    TOOL.main()
    for name in ("units.jsonl.gz", "successions.jsonl.gz", "meta.json"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_history_records_replace_rename_and_extend(tmp_path: Path) -> None:
    history = tmp_path / "h.jsonl"
    records = (
        # a snapshot commune whose first day the history knows: new id, references follow
        {
            "unit": ["25462@2020-01-01", "25462", "Phường 4", "WARD", "0", None, "2025-07-01"],
            "replaces": "25462",
        },
        # a commune that ended before the snapshot
        {"unit": ["25999", "25999", "Xã Thử", "COMMUNE", "0", None, "2020-01-01"]},
        {
            "succession": [
                "2020-01-01",
                "Resolution 1/NQ-UBTVQH14 (example)",
                "merge",
                ["25999"],
                ["25462@2020-01-01"],
                "25462@2020-01-01",
                True,
                None,
            ]
        },
        {"coverage": {"province": "72", "valid_from": "2020-01-01"}},
    )
    history.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    h = TOOL.read_history(history)
    assert h.renames == {"25462": "25462@2020-01-01"}
    assert h.coverage == {"72": "2020-01-01"}
    units = [
        ["0", "0", "Thành phố X", "PROVINCIAL_CITY", None, None, "2025-07-01"],
        ["25462", "25462", "Phường 4", "WARD", "0", None, "2025-07-01"],
    ]
    succ = [["2025-07-01", "a", "merge", ["25462"], ["25459@2025-07-01"], None, False, None]]
    merged_units, merged_succ = TOOL.merge_history(units, succ, h)
    assert [u[0] for u in merged_units] == ["0", "25462@2020-01-01", "25999"]
    assert merged_succ[0][3] == ["25462@2020-01-01"]
    assert merged_succ[1][4:6] == [["25462@2020-01-01"], "25462@2020-01-01"]
    history.write_text('{"other": 1}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="unknown record"):
        TOOL.read_history(history)
