"""Generate papi's packaged Hanoi territory data from the ``vietnamadminunits`` package.

Usage (in a venv that has ``vietnamadminunits==1.0.4`` installed; papi itself does not need it)::

    python tools/build_hanoi_data.py [--out src/papi/data/hanoi]

Source: ``vietnamadminunits`` 1.0.4 (MIT licence, https://pypi.org/project/vietnamadminunits/),
its SQLite database ``data/dataset.db`` (table ``admin_units_legacy``: the units as they stood
on 2025-06-30; table ``admin_units``: the units from 2025-07-01) and its converter data
``data/converter_2025.json`` (which old commune went whole into which new one, and which old
communes were divided between several new ones).

The state of 2020-03-01..2024-12-31 (579 commune-level units) is rebuilt by reversing
Resolution 1286/NQ-UBTVQH15 (effective 2025-01-01) on the 2025-06-30 state, from the small
hand-written, sourced table ``tools/hanoi_1286.toml`` (codes removed, codes kept under a new
name, and the targets a source names). The script checks the arithmetic (526 + 53 removed =
579; 175 phường / 21 thị trấn / 383 xã) and stops if the table and the package disagree.

Writes, sorted by code and one record per line so that diffs stay readable:

* ``units.jsonl``: the city, its 30 district-level units, the 53 commune-level units that
  ended on 2025-01-01, the 33 that kept their code under a new name then (one record per
  name), its 526 commune-level units of 2025-06-30 and its 126 from 2025-07-01;
* ``successions.jsonl``: the 2025-01-01 changes (Resolution 1286/NQ-UBTVQH15: rename /
  merge / split, from the table), one record per 2025-06-30 unit (merge / split, Resolution
  1656/NQ-UBTVQH15) and one per district (abolish_tier, Law 72/2025/QH15 art. 51(3));
* ``territory.meta.json``: the source package and version, the acts, and the coverage.

Never edit the outputs by hand: fix this script or the curated tables in it and regenerate.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import sqlite3
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

PROVINCE_CODE = "01"
PROVINCE_KEY = "thanhphohanoi"
REFORM = "2025-07-01"
R1286 = "2025-01-01"
COVERAGE_FROM = "2020-03-01"
TABLE_1286 = Path(__file__).with_name("hanoi_1286.toml")
ACT_1656 = "1656/NQ-UBTVQH15"
ACT_1286 = "1286/NQ-UBTVQH15"
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

KIND_WORDS = {"WARD": "Phường ", "COMMUNE": "Xã ", "TOWNSHIP": "Thị trấn "}

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


def reverse_1286(
    table: dict[str, Any],
    communes: list[dict[str, Any]],
    districts: dict[str, dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, int]]:
    """The units that ended on 2025-01-01 (removed codes, and the old names of the codes kept
    under a new name), the 2025-01-01 successions, and the counts of 2020-03-01..2024-12-31.

    Checks the table against the 2025-06-30 state: removed codes must be absent from it,
    renamed codes present, the kind word unchanged, targets known, and the result must have
    579 units (175 phường / 21 thị trấn / 383 xã); stops with a message otherwise.
    """
    act, eff = table["act"], table["effective"]
    by_code = {c["code"]: c for c in communes}
    renamed = {r["code"]: r for r in table["renamed"]}
    removed = {r["code"]: r for r in table["removed"]}
    problems: list[str] = []
    if len(renamed) != len(table["renamed"]) or len(removed) != len(table["removed"]):
        problems.append("a code is listed twice in the table")
    for code in removed:
        if code in by_code or code in renamed:
            problems.append(f"removed code {code} is still in the 2025 state or also renamed")
    for code in renamed:
        if code not in by_code:
            problems.append(f"renamed code {code} is not in the 2025-06-30 state")

    def target_id(code: str) -> str:
        if code in renamed:
            return uid(code, eff)
        if code not in by_code:
            problems.append(f"target {code} is not in the 2025-06-30 state")
        return uid(code, None)

    def kind_of(name: str) -> str:
        for kind, word in KIND_WORDS.items():
            if name.startswith(word):
                return kind
        problems.append(f"{name!r} does not start with a kind word")
        return "COMMUNE"

    old_units: list[dict[str, Any]] = []
    successions: list[dict[str, Any]] = []
    covered: set[str] = set()
    for code in sorted(renamed):
        rec, new = renamed[code], by_code.get(code)
        if new is None:
            continue
        official = rec.get("name")
        if official and official != new["name"]:
            if official.replace(" - ", " ") != new["name"]:
                problems.append(f"{code}: {official!r} is not a spelling of {new['name']!r}")
            new["note"] += f"; official spelling (S2), written {new['name']!r} in the package"
            new["name"] = official
        kind = kind_of(rec["old_name"])
        if kind != new["kind"]:
            problems.append(f"{code}: kind changes from {kind} to {new['kind']}")
        old_units.append(
            {
                "id": uid(code, None),
                "code": code,
                "name": rec["old_name"],
                "name_en": None,
                "kind": kind,
                "valid_from": None,
                "valid_to": eff,
                "parent": new["parent"],
                "sources": ["T1286", *rec["sources"]],
                "note": f"renamed {new['name']} on {eff} ({act}), same code; start date not "
                f"in the sources (data vouches from {COVERAGE_FROM})",
            }
        )
        merged = list(rec.get("merged_from", ()))
        also = list(rec.get("also_to", ()))
        if also:  # divided: this record says where its own territory went
            preds, kind_s = [code], "split"
        elif merged:  # one merge record for all the units a source names
            preds, kind_s = [code, *merged], "merge"
            covered.update(merged)
        else:
            preds, kind_s = [code], "rename"
        successions.append(
            {
                "predecessors": [uid(p, None) for p in sorted(preds)],
                "successors": sorted([uid(code, eff), *(target_id(t) for t in also)]),
                "effective": eff,
                "act": act,
                "kind": kind_s,
                "sources": ["T1286", *rec["sources"]],
                "verified": rec["sources"] == ["S2"],
                "note": rec.get(
                    "note",
                    f"code {code} kept under the new name {new['name']}; the NSO lists (S2) "
                    "do not say which removed units, if any, went into it",
                ),
            }
        )
    for code in sorted(removed):
        rec = removed[code]
        district = districts.get(rec["district"])
        if district is None:
            problems.append(f"{code}: unknown district {rec['district']}")
            continue
        unit: dict[str, Any] = {
            "id": uid(code, None),
            "code": code,
            "name": rec["name"],
            "name_en": None,
            "kind": kind_of(rec["name"]),
            "valid_from": None,
            "valid_to": eff,
            "parent": district["id"],
            "sources": ["T1286", *rec["sources"]],
            "note": f"ceased on {eff} ({act}); start date not in the sources (data vouches "
            f"from {COVERAGE_FROM})",
        }
        targets = [target_id(t) for t in rec["targets"]]
        if not targets:
            unit["end_reason"] = (
                f"ceased on {eff} under Resolution {act} (arrangement of Hanoi's commune-level "
                "units); the unit(s) that took its territory are not in the sources (the NSO "
                "lists give only the codes removed and the resolution text was not found)"
            )
        old_units.append(unit)
        if targets and code not in covered:
            successions.append(
                {
                    "predecessors": [uid(code, None)],
                    "successors": sorted(targets),
                    "effective": eff,
                    "act": act,
                    "kind": "split" if len(targets) > 1 else "merge",
                    "sources": ["T1286", *rec["sources"]],
                    "verified": False,
                    "note": rec.get("note"),
                }
            )
    # the state of 2020-03-01..2024-12-31: what existed the day before the resolution
    state = [c for c in communes if c["code"] not in renamed] + list(old_units)
    kinds = [u["kind"] for u in state]
    counts = {
        "communes_2020_2024": len(state),
        "wards_2020_2024": kinds.count("WARD"),
        "townships_2020_2024": kinds.count("TOWNSHIP"),
        "rural_communes_2020_2024": kinds.count("COMMUNE"),
    }
    expected = {
        "communes_2020_2024": 579,
        "wards_2020_2024": 175,
        "townships_2020_2024": 21,
        "rural_communes_2020_2024": 383,
    }
    if counts != expected:
        problems.append(f"2020-2024 counts {counts} differ from the NSO counts {expected}")
    if problems:
        raise SystemExit("tools/hanoi_1286.toml does not fit the data:\n  " + "\n  ".join(problems))
    return old_units, successions, counts


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
    table = tomllib.loads(TABLE_1286.read_text(encoding="utf-8"))
    renamed_codes = {r["code"] for r in table["renamed"]}
    for sid, text in table["sources"].items():
        source_texts[f"{sid}"] = text
    source_texts["T1286"] = (
        "tools/hanoi_1286.toml: hand-written table of Resolution 1286/NQ-UBTVQH15 "
        "(2024-11-14, effective 2025-01-01), from the reference notes section 2.2"
    )

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
        renamed = wcode in renamed_codes
        wid = uid(wcode, R1286 if renamed else None)
        communes.append(
            {
                "id": wid,
                "code": wcode,
                "name": nfc(wname),
                "name_en": None,
                "kind": KINDS[nfc(wtype)],
                "valid_from": R1286 if renamed else None,
                "valid_to": REFORM,
                "parent": uid(dcode, None),
                "sources": [src_units, "S1", *(["S2", "T1286"] if renamed else [])],
                "note": (
                    f"kept code {wcode} under this name from 2025-01-01 ({ACT_1286}); "
                    "state as of 2025-06-30"
                    if renamed
                    else "state as of 2025-06-30; same code and name before Resolution "
                    f"{ACT_1286} (2025-01-01), which may have changed its boundaries; start "
                    f"date not in the sources (data vouches from {COVERAGE_FROM})"
                ),
            }
        )
        legacy_by_key[f"{pkey}_{dkey}_{wkey}"] = wid
        legacy_district[wid] = uid(dcode, None)
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
    primary: dict[str, str] = {}  # divided old unit -> the new unit the package marks default
    for old_key, targets in divided.items():
        for target in targets:
            successors[legacy_by_key[old_key]].append(new_by_key[target["newWardKey"]])
            if target["isDefaultNewWard"]:
                primary[legacy_by_key[old_key]] = new_by_key[target["newWardKey"]]
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
                "primary": primary[old] if len(news) > 1 else news[0],
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

    old_units, successions_1286, counts_2020 = reverse_1286(table, communes, districts)
    successions = successions_1286 + successions

    all_units = units + [districts[c] for c in sorted(districts)]
    all_units += sorted(communes + old_units, key=lambda u: (u["code"], u["valid_from"] or ""))
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
        "inputs": ["tools/hanoi_1286.toml"],
        "generator": "tools/build_hanoi_data.py",
        "sources": source_texts,
        "coverage": {
            "valid_from": COVERAGE_FROM,
            "valid_to": None,
            "note": (
                "From 2020-03-01 (Resolution 895/NQ-UBTVQH14) to 2024-12-31 Hanoi had 30 "
                "district-level and 579 commune-level units (S2); the data rebuilds that state "
                "by reversing Resolution 1286/NQ-UBTVQH15 (effective 2025-01-01, table "
                "tools/hanoi_1286.toml) on the state of 2025-06-30. The 2020 changes "
                "(584 -> 579) are only partly known and not modelled, so queries before "
                "2020-03-01 get the 2020-03-01 state with a CoverageWarning."
            ),
            "checked_against": table["checked_against"],
        },
        "acts": {
            ACT_1286: {"date": table["act_date"], "effective": table["effective"]},
            ACT_1656: {"date": "2025-06-16", "effective": "2025-06-16", "operates": REFORM},
            LAW_72: {"date": "2025-06-16", "district_tier_ends": REFORM},
        },
        "counts": {
            "districts": len(districts),
            **counts_2020,
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
