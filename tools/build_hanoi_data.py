"""Generate papi's packaged Hanoi territory data from the ``vietnamadminunits`` package.

Usage (in a venv that has ``vietnamadminunits==1.0.4`` installed; papi itself does not need it)::

    python tools/build_hanoi_data.py [--out src/papi/data/hanoi]

Source: ``vietnamadminunits`` 1.0.4 (MIT licence, https://pypi.org/project/vietnamadminunits/),
its SQLite database ``data/dataset.db`` (table ``admin_units_legacy``: the units as they stood
on 2025-06-30; table ``admin_units``: the units from 2025-07-01) and its converter data
``data/converter_2025.json`` (which old commune went whole into which new one, and which old
communes were divided between several new ones).

Writes, sorted by code and one record per line so that diffs stay readable:

* ``units.jsonl``: the city, its 30 district-level units, its 526 legacy commune-level units
  and its 126 commune-level units from 2025-07-01;
* ``successions.jsonl``: one record per old unit (merge / split, Resolution 1656/NQ-UBTVQH15)
  and one per district (abolish_tier, Law 72/2025/QH15 art. 51(3));
* ``territory.meta.json``: the source package and version, the acts, and the coverage.

Never edit the outputs by hand: fix this script or the curated tables in it and regenerate.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

PROVINCE_CODE = "01"
PROVINCE_KEY = "thanhphohanoi"
REFORM = "2025-07-01"
ACT_1656 = "1656/NQ-UBTVQH15"
LAW_72 = "72/2025/QH15"

SRC_UNITS = "S3: vietnamadminunits {version} (MIT), data/dataset.db"
SRC_CONVERTER = "S3: vietnamadminunits {version} (MIT), data/converter_2025.json"
SRC_1656 = (
    "S1: Resolution 1656/NQ-UBTVQH15 (2025-06-16), arrangement of Hanoi's commune-level units, "
    "new governments operate from 2025-07-01"
)
SRC_LAW72 = "S17: Law 72/2025/QH15 art. 51(3): district-level governments end on 2025-07-01"
SRC_STABLE = (
    "S2/S8: the 30 district-level units unchanged since 2013-12-27 (Government Resolution "
    "132/NQ-CP split Từ Liêm); unchanged in every NSO snapshot 2019-10..2025-03"
)

KINDS = {
    "Quận": "URBAN_DISTRICT",
    "Huyện": "RURAL_DISTRICT",
    "Thị xã": "DISTRICT_TOWN",
    "Phường": "WARD",
    "Xã": "COMMUNE",
    "Thị trấn": "TOWNSHIP",
}


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def uid(code: str, valid_from: str | None) -> str:
    return code if valid_from is None else f"{code}@{valid_from}"


def dump_lines(path: Path, records: list[dict[str, Any]]) -> None:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="src/papi/data/hanoi", type=Path)
    args = parser.parse_args()

    import vietnamadminunits  # type: ignore[import-not-found]

    version = importlib.metadata.version("vietnamadminunits")
    data_dir = Path(vietnamadminunits.__file__).parent / "data"
    db = sqlite3.connect(data_dir / "dataset.db")
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    src_units, src_conv = "S3", "S3-converter"
    source_texts = {
        "S1": SRC_1656,
        "S2/S8": SRC_STABLE,
        "S3": SRC_UNITS.format(version=version),
        "S3-converter": SRC_CONVERTER.format(version=version),
        "S17": SRC_LAW72,
        "S30": "S30: Resolution 202/2025/QH15 (2025-06-12): Hanoi not merged, code 01 unchanged",
    }

    legacy_rows = db.execute(
        "SELECT province, district, ward, districtType, wardType, districtCode, wardCode,"
        " provinceKey, districtKey, wardKey FROM admin_units_legacy WHERE provinceCode = ?",
        (PROVINCE_CODE,),
    ).fetchall()
    new_rows = db.execute(
        "SELECT province, ward, wardType, wardCode, wardKey FROM admin_units"
        " WHERE provinceCode = ?",
        (PROVINCE_CODE,),
    ).fetchall()
    province_name = nfc(legacy_rows[0][0])
    assert province_name == "Thành phố Hà Nội", province_name

    city_id = PROVINCE_CODE
    units: list[dict[str, Any]] = [
        {
            "id": city_id,
            "code": PROVINCE_CODE,
            "name": province_name,
            "name_en": "Hanoi",
            "kind": "CENTRAL_CITY",
            "valid_from": None,
            "valid_to": None,
            "parent": None,
            "sources": [src_units, "S30"],
        }
    ]
    districts: dict[str, dict[str, Any]] = {}
    legacy_by_key: dict[str, str] = {}
    legacy_district: dict[str, str] = {}
    communes: list[dict[str, Any]] = []
    for _p, dname, wname, dtype, wtype, dcode, wcode, pkey, dkey, wkey in legacy_rows:
        if dcode not in districts:
            districts[dcode] = {
                "id": uid(dcode, None),
                "code": dcode,
                "name": nfc(dname),
                "name_en": None,
                "kind": KINDS[nfc(dtype)],
                "valid_from": None,
                "valid_to": REFORM,
                "parent": city_id,
                "end_reason": f"district tier abolished ({LAW_72} art. 51(3))",
                "sources": [src_units, "S2/S8", "S17"],
            }
        communes.append(
            {
                "id": uid(wcode, None),
                "code": wcode,
                "name": nfc(wname),
                "name_en": None,
                "kind": KINDS[nfc(wtype)],
                "valid_from": None,
                "valid_to": REFORM,
                "parent": uid(dcode, None),
                "sources": [src_units, "S1"],
                "note": "state as of 2025-06-30; start date unknown (data vouches from 2025-01-01)",
            }
        )
        legacy_by_key[f"{pkey}_{dkey}_{wkey}"] = uid(wcode, None)
        legacy_district[uid(wcode, None)] = uid(dcode, None)
    new_by_key: dict[str, str] = {}
    new_units: list[dict[str, Any]] = []
    for _p, wname, wtype, wcode, wkey in new_rows:
        new_units.append(
            {
                "id": uid(wcode, REFORM),
                "code": wcode,
                "name": nfc(wname),
                "name_en": None,
                "kind": KINDS[nfc(wtype)],
                "valid_from": REFORM,
                "valid_to": None,
                "parent": city_id,
                "sources": [src_units, "S1"],
            }
        )
        new_by_key[wkey] = uid(wcode, REFORM)

    # old -> new successors, from the converter data.
    successors: dict[str, list[str]] = {old: [] for old in legacy_by_key.values()}
    whole = converter["DICT_PROVINCE_WARD_NO_DIVIDED"][PROVINCE_KEY]
    divided = converter["DICT_PROVINCE_WARD_DIVIDED"][PROVINCE_KEY]
    for new_key, old_keys in whole.items():
        for old_key in old_keys:
            successors[legacy_by_key[old_key]].append(new_by_key[new_key])
    for old_key, targets in divided.items():
        for target in targets:
            successors[legacy_by_key[old_key]].append(new_by_key[target["newWardKey"]])
    predecessor_count: dict[str, int] = {}
    for news in successors.values():
        for new in news:
            predecessor_count[new] = predecessor_count.get(new, 0) + 1
    missing = [u for u, news in successors.items() if not news]
    assert not missing, f"legacy units without successors: {missing}"
    orphans = [u["id"] for u in new_units if u["id"] not in predecessor_count]
    assert not orphans, f"new units without predecessors: {orphans}"

    successions: list[dict[str, Any]] = []
    for old in sorted(successors):
        news = sorted(set(successors[old]))
        successions.append(
            {
                "predecessors": [old],
                "successors": news,
                "effective": REFORM,
                "act": ACT_1656,
                "kind": "split" if len(news) > 1 else "merge",
                "sources": [src_conv, "S1"],
                "verified": False,
                "note": (
                    "divided between several new units (converter data)"
                    if len(news) > 1
                    else "went whole into one new unit (converter data)"
                ),
            }
        )
    for dcode in sorted(districts):
        did = districts[dcode]["id"]
        news = sorted(
            {n for old, d in legacy_district.items() if d == did for n in successors[old]}
        )
        successions.append(
            {
                "predecessors": [did],
                "successors": news,
                "effective": REFORM,
                "act": LAW_72,
                "kind": "abolish_tier",
                "sources": ["S17", src_conv],
                "verified": True,
                "note": "the new commune-level units that took over the district's territory",
            }
        )

    all_units = units + [districts[c] for c in sorted(districts)]
    all_units += sorted(communes, key=lambda u: u["code"])
    all_units += sorted(new_units, key=lambda u: u["code"])
    args.out.mkdir(parents=True, exist_ok=True)
    dump_lines(args.out / "units.jsonl", all_units)
    dump_lines(args.out / "successions.jsonl", successions)
    kinds_new = [u["kind"] for u in new_units]
    meta = {
        "schema": 1,
        "source": {
            "package": "vietnamadminunits",
            "version": version,
            "licence": "MIT",
            "url": "https://pypi.org/project/vietnamadminunits/",
            "tables": ["admin_units_legacy", "admin_units", "converter_2025.json"],
        },
        "generator": "tools/build_hanoi_data.py",
        "sources": source_texts,
        "coverage": {
            "valid_from": "2025-01-01",
            "valid_to": None,
            "note": (
                "The legacy units are the state of 2025-06-30, which held from 2025-01-01 "
                "(Resolution 1286/NQ-UBTVQH15). Commune mergers before 2025 are not in the "
                "source, so queries before 2025-01-01 get this state with a CoverageWarning."
            ),
        },
        "counts": {
            "districts": len(districts),
            "legacy_communes": len(communes),
            "new_communes": len(new_units),
            "new_wards": kinds_new.count("WARD"),
            "new_rural_communes": kinds_new.count("COMMUNE"),
        },
    }
    (args.out / "territory.meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps(meta["counts"]))


if __name__ == "__main__":
    main()
