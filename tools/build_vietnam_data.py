"""Generate papi's packaged national territory (``src/papi/data/vietnam/``) from
``vietnamadminunits``.

Usage (in a venv that has ``vietnamadminunits==1.0.4`` installed; papi itself does not need it)::

    python tools/build_vietnam_data.py [--out src/papi/data/vietnam] [--history FILE ...]

Source: ``vietnamadminunits`` 1.0.4 (MIT licence, "Copyright (c) 2025 Tran Ngoc Minh Hieu",
https://pypi.org/project/vietnamadminunits/): table ``admin_units_legacy`` of ``dataset.db``
(63 provinces, 696 district-level units, 10,035 communes as they stood on 2025-06-30, with the
statistics office's codes), table ``admin_units`` (34 provinces, 3,321 communes from
2025-07-01) and ``converter_2025.json`` (which new province each old one went into; which old
commune went whole into which new one; which old communes were divided, with the new commune
the package marks as default, used here as the *primary* successor).

Hanoi (province 01) is left out: papi's curated Hanoi data (``src/papi/data/hanoi``, history
from 2020-03-01) is merged over this file when the territory is loaded, and wins. The script
checks that the package and the curated data agree on Hanoi's 2025 codes.

**Known source defect, resolved here with evidence.** The package's "divided" table conflates
same-named old communes that went into one new province (e.g. "Phường 4" of TP Tây Ninh and
"Phường 4" of TP Tân An, both in new Tây Ninh): each received the union of the other's
successors. :func:`resolve_homonyms` finds every such group and, for each shared target, keeps
the link only for the homonym(s) the package's own data supports (other old communes of the
target in the same old district, then the same old province; then the distance between the
units' coordinates when it differs by more than a factor 3); a target no evidence places is
kept and the record is marked unresolved. Every decision is written to the meta file
(``defects``) and listed in ``docs/territory.md``.

**A second source, later.** ``--history FILE`` (JSON lines; see :func:`read_history`) merges
units with validity intervals and dated successions before 2025-07-01 (e.g. the statistics
office's dated snapshots): unit ids are ``code`` for a unit that existed before the data starts
and ``code@YYYY-MM-DD`` (its first day) otherwise, so reused codes never clash; history records
replace snapshot records with the same id (or the id a record ``replaces``, e.g. a snapshot
commune whose first day the history knows: every reference follows the new id); coverage per
province moves back to the day the history vouches for (:func:`merge_history`).

Writes (sorted; never edit by hand: fix this script and regenerate):

* ``units.jsonl.gz``: one JSON array per line ``[id, code, name, kind, parent, valid_from,
  valid_to]`` (``kind`` is a :class:`papi.territory.UnitKind` name);
* ``successions.jsonl.gz``: ``[effective, act, kind, predecessors, successors, primary,
  verified, note]`` (``act`` and ``note`` are keys of the meta's ``acts`` and ``notes``);
* ``meta.json``: source, version, licence, acts, coverage per province, counts, defects.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import json
import math
import sqlite3
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

REFORM = "2025-07-01"
SNAPSHOT = "2025-06-30"
HANOI = "01"
PINNED = "1.0.4"
ACT_202 = "202/2025/QH15"
LAW_72 = "72/2025/QH15"

# the Hanoi builder's helpers (same id rule, same NFC cleaning, same kind words)
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_hanoi_data import KINDS as _HANOI_KINDS  # noqa: E402
from build_hanoi_data import nfc, uid  # noqa: E402

KINDS = {**_HANOI_KINDS, "Thành phố": "PROVINCIAL_CITY", "Đặc khu": "SPECIAL_ZONE"}
__all__ = [
    "KINDS",
    "History",
    "OldCommune",
    "main",
    "merge_history",
    "nfc",
    "read_history",
    "resolve_homonyms",
    "uid",
]


def province_kind(name: str) -> str:
    return "CENTRAL_CITY" if name.startswith("Thành phố ") else "PROVINCE"


# ------------------------------------------------------------------ the homonym defect
class OldCommune(NamedTuple):
    """What the resolution needs of an old commune: its key, district and province keys,
    coordinates (may be ``None``) and name."""

    key: str
    district: str
    province: str
    lat: float | None
    lon: float | None
    label: str


class Decision(NamedTuple):
    """One resolved (or unresolved) target of a homonym group."""

    group: str
    target: str
    kept: tuple[str, ...]
    dropped: tuple[str, ...]
    evidence: str


def resolve_homonyms(
    targets: Mapping[str, dict[str, bool]],
    divided: Iterable[str],
    old: Mapping[str, OldCommune],
    new_coords: Mapping[str, tuple[float | None, float | None]],
    new_province_of: Mapping[str, str],
) -> tuple[dict[str, dict[str, bool]], list[Decision]]:
    """Undo the package's conflation of same-named old communes.

    ``targets``: old key -> {new key: is default}; ``divided``: the old keys of the
    package's "divided" table (only those links can be wrong); ``old``: the old communes;
    ``new_coords``: new key -> (lat, lon); ``new_province_of``: old key -> new province key.
    A *group* is two or more old communes with the same name key going into the same new
    province, at least one divided, sharing a target. For each shared target the candidates
    are the group's members linking to it; the evidence is, in order: the number of the
    target's other predecessors (outside every group) in the candidate's old district, then in
    its old province, then a distance ratio over 3. Members whose link is whole (not divided)
    always keep it; divided members lose the link when another candidate has strictly better
    evidence. Returns the corrected targets and one decision per shared target.
    """
    divided = set(divided)
    out = {k: dict(v) for k, v in targets.items()}
    groups: dict[tuple[str, str], list[str]] = {}
    for key in targets:
        name = key.rsplit("_", 1)[1]
        groups.setdefault((new_province_of[key], name), []).append(key)
    suspects: dict[tuple[str, str], dict[str, list[str]]] = {}
    for gkey, members in groups.items():
        if len(members) < 2 or not divided.intersection(members):
            continue
        shared: dict[str, list[str]] = {}
        for m in members:
            for t in targets[m]:
                shared.setdefault(t, []).append(m)
        shared = {t: ms for t, ms in shared.items() if len(ms) > 1 and divided.intersection(ms)}
        if shared:
            suspects[gkey] = shared
    in_groups = {m for shared in suspects.values() for ms in shared.values() for m in ms}
    preds: dict[str, set[str]] = {}
    for key, ts in targets.items():
        for t in ts:
            preds.setdefault(t, set()).add(key)

    def distance(o: OldCommune, t: str) -> float | None:
        lat, lon = new_coords.get(t, (None, None))
        if o.lat is None or o.lon is None or lat is None or lon is None:
            return None
        return math.hypot(o.lat - lat, o.lon - lon)

    decisions: list[Decision] = []
    for (np_, name), shared in sorted(suspects.items()):
        for t, cands in sorted(shared.items()):
            clean = [p for p in preds[t] if p not in in_groups]
            score = {
                m: (
                    sum(old[p].district == old[m].district for p in clean),
                    sum(old[p].province == old[m].province for p in clean),
                )
                for m in cands
            }
            best = max(score.values())
            winners = [m for m in cands if score[m] == best]
            why = "same old district" if best[0] else "same old province" if best[1] else ""
            if len(winners) > 1:
                dists = {m: distance(old[m], t) for m in winners}
                known = [(d, m) for m, d in dists.items() if d is not None]
                if len(known) == len(winners):
                    known.sort()
                    if known[0][0] * 3 < known[1][0]:
                        winners, why = [known[0][1]], "nearest by a factor over 3"
            if not why or len(winners) == len(cands):
                decisions.append(
                    Decision(f"{np_}/{name}", t, tuple(sorted(cands)), (), "unresolved")
                )
                continue
            dropped = tuple(sorted(m for m in cands if m not in winners and m in divided))
            for m in dropped:
                del out[m][t]
            kept = tuple(sorted(m for m in cands if m not in dropped))
            decisions.append(Decision(f"{np_}/{name}", t, kept, dropped, why))
    for key, ts in out.items():
        if not ts:
            raise SystemExit(f"resolution left {key} without a successor")
        if len(ts) == 1:
            only = next(iter(ts))
            ts[only] = True
        elif not any(ts.values()):  # the default went with a dropped link: nearest remains
            nearest = min(ts, key=lambda t: distance(old[key], t) or math.inf)
            ts[nearest] = True
    return out, decisions


# ------------------------------------------------------------------ history (second source)
class History(NamedTuple):
    """A second source: unit rows, succession rows, coverage per province code, and ids
    renamed (a snapshot unit whose first day the history knows gets the id ``code@day``)."""

    units: list[list[Any]]
    successions: list[list[Any]]
    coverage: dict[str, str]
    renames: dict[str, str]


def read_history(path: Path) -> History:
    """Read a history file: JSON lines, each ``{"unit": [...]}`` (a ``units.jsonl.gz`` row,
    optionally with ``"replaces": "old id"``), ``{"succession": [...]}`` (a
    ``successions.jsonl.gz`` row, act and note written out in full) or ``{"coverage":
    {"province": code, "valid_from": day}}``."""
    out = History([], [], {}, {})
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        if "unit" in rec:
            out.units.append(rec["unit"])
            if rec.get("replaces"):
                out.renames[rec["replaces"]] = rec["unit"][0]
        elif "succession" in rec:
            out.successions.append(rec["succession"])
        elif "coverage" in rec:
            out.coverage[rec["coverage"]["province"]] = rec["coverage"]["valid_from"]
        else:
            raise SystemExit(f"{path}:{n}: unknown record {sorted(rec)}")
    return out


def merge_history(
    units: list[list[Any]], successions: list[list[Any]], history: History
) -> tuple[list[list[Any]], list[list[Any]]]:
    """The snapshot rows with ``history`` merged in: history units replace snapshot units of
    the same id (or of the id they replace), every reference to a renamed id follows it, and
    the history's successions are added."""
    ren = history.renames

    def rid(x: str | None) -> str | None:
        return None if x is None else ren.get(x, x)

    dropped = {row[0] for row in history.units} | set(ren)
    merged = [[*row[:4], rid(row[4]), *row[5:]] for row in units if row[0] not in dropped] + [
        [*row[:4], rid(row[4]), *row[5:]] for row in history.units
    ]
    succ = [
        [*row[:3], [rid(p) for p in row[3]], [rid(n) for n in row[4]], rid(row[5]), *row[6:]]
        for row in [*successions, *history.successions]
    ]
    return merged, succ


# ------------------------------------------------------------------ the GSO history (issue 14)
GSO_FILE = Path(__file__).resolve().parent / "gso" / "history.json.gz"
HANOI_FROM = "2020-03-01"  # the curated Hanoi data starts here


class GsoMerge(NamedTuple):
    """The snapshot rows reconciled with the GSO history (:func:`reconcile_gso`).

    ``units``/``successions``: the packaged rows; ``hanoi``: how the curated Hanoi records
    are adjusted at load time (``ids``: curated id -> id in the national data;
    ``valid_from``: national id -> first day); ``acts``: act number -> citation text;
    ``unresolved``: ``[id, day, reason]`` of units the history cannot follow; ``differences``:
    where the GSO lists and the curated Hanoi data disagree (the curated data wins);
    ``kind_fixes``: units whose kind the snapshot gives against their name (the GSO wins);
    ``coverage``: the first day the history vouches for, per province code."""

    units: list[list[Any]]
    successions: list[list[Any]]
    hanoi: dict[str, dict[str, str]]
    acts: dict[str, str]
    unresolved: list[list[str]]
    differences: list[str]
    kind_fixes: list[str]
    coverage: dict[str, dict[str, Any]]


def _gso_parent(rec: Mapping[str, Any], end: str | None) -> Any:
    """The ``parent`` column of a GSO version: one id when one parent covers the version,
    else ``[[parent, from, to], ...]`` (the last ``to`` closed on ``end``)."""
    spans = [list(p) for p in rec.get("parents", ())]
    if not spans:
        return None
    spans[-1][2] = end if spans[-1][2] is None else spans[-1][2]
    if len(spans) == 1:
        return spans[0][0]
    return spans


def _gso_note(rec: Mapping[str, Any]) -> str:
    """A GSO succession's note: what the lists cannot say, the evidence, the effective day."""
    parts = []
    if rec.get("note"):
        parts.append(str(rec["note"]))
    if rec.get("evidence"):
        parts.append("evidence: " + "; ".join(rec["evidence"]))
    if not rec.get("effective_verified"):
        parts.append(
            f"effective day: the date of the GSO list that first shows the change "
            f"({rec['effective']}), unverified"
        )
    return ". ".join(parts)


def reconcile_gso(
    units: list[list[Any]],
    successions: list[list[Any]],
    gso: Mapping[str, Any],
    hanoi_units: list[dict[str, Any]],
    hanoi_successions: list[dict[str, Any]],
) -> GsoMerge:
    """Reconcile the snapshot rows (``units``, ``successions``: the state of 2025-06-30, the
    reform of 2025-07-01, Hanoi left out) with the GSO history (``tools/gso/history.json.gz``)
    and the curated Hanoi data (its records, as in ``src/papi/data/hanoi``).

    Rules (docs/territory.md, "One timeline"):

    1. Outside Hanoi, every GSO unit version is kept; the versions still open at the end of
       the history are the snapshot's units (same code, name and kind: checked) and take
       their place: they end on 2025-07-01 (continuing provinces stay open) and every
       reference of the snapshot rows (parents, the reform's successions) follows their id.
    2. Hanoi from 2020-03-01 is the curated data: the national file keeps only the GSO
       versions that ended by 2020-03-01 and the successions of those days. A curated unit
       whose start the curated data leaves open but the lists date (the three communes
       renamed on 2020-03-01) takes the GSO's id and first day (``hanoi``).
    3. Where the curated data ends a Hanoi unit with no successor and the GSO history
       derives one, the GSO succession is added (unverified, with its evidence); where both
       name successors, the curated data wins and a difference is listed.
    """
    ren: dict[str, str] = {}  # snapshot id -> GSO id of the same unit
    by_code = {(r[1]): r for r in units if r[6] == REFORM or (r[5] is None and r[6] is None)}
    snapshot_ids = {r[0] for r in by_code.values()}
    gso_units: list[dict[str, Any]] = gso["units"]

    # Hanoi's GSO versions: province 01, its districts, their communes
    hanoi: set[str] = {"01"}
    for level in ("district", "commune"):
        for u in gso_units:
            if u["level"] == level and any(p[0] in hanoi for p in u.get("parents", ())):
                hanoi.add(u["id"])
    problems: list[str] = []
    kind_fixes: list[str] = []
    out: list[list[Any]] = []
    for u in gso_units:
        if u["id"] in hanoi:
            continue
        end = u["valid_to"]
        if end is None:
            snap = by_code.pop(u["code"], None)
            if snap is None:
                problems.append(f"open GSO version {u['id']} is not a unit of the snapshot")
                continue
            if snap[2] != u["name"]:
                problems.append(f"{u['id']}: GSO {u['name']} / snapshot {snap[2]}")
            elif snap[3] != u["kind"]:  # the name's kind word decides (15061 Thị trấn Ngọc Lặc)
                kind_fixes.append(f"{u['code']} {u['name']}: kind {snap[3]} -> {u['kind']}")
            ren[snap[0]] = u["id"]
            end = snap[6]
        row = [u["id"], u["code"], u["name"], u["kind"], _gso_parent(u, end), u["valid_from"], end]
        if u.get("end_reason"):
            row.append(u["end_reason"])
        out.append(row)
    left = sorted(k for k, r in by_code.items() if r[0] in snapshot_ids and r[1] != HANOI)
    if left:
        problems.append(f"snapshot units without a GSO version: {left[:10]}")

    def rid(x: str | None) -> str | None:
        return None if x is None else ren.get(x, x)

    kept = [r for r in units if r[0] not in ren]
    out += [[*r[:4], rid(r[4]), *r[5:]] for r in kept]
    succ = [
        [*r[:3], [rid(p) for p in r[3]], [rid(n) for n in r[4]], rid(r[5]), *r[6:]]
        for r in successions
    ]

    # --- Hanoi: the GSO before 2020-03-01, the curated data from then
    cur_by_id = {u["id"]: u for u in hanoi_units}
    cur_code_open = {
        u["code"]: u for u in hanoi_units if u["valid_from"] is None and u["code"] != HANOI
    }
    table: dict[str, dict[str, str]] = {"ids": {}, "valid_from": {}}
    for u in gso_units:
        if u["id"] not in hanoi or u["level"] == "province":
            continue
        if u["valid_to"] is not None and u["valid_to"] <= HANOI_FROM:
            row = [u["id"], u["code"], u["name"], u["kind"], _gso_parent(u, u["valid_to"])]
            row += [u["valid_from"], u["valid_to"]]
            if u.get("end_reason"):
                row.append(u["end_reason"])
            out.append(row)
            continue
        if not (u["valid_from"] or "") <= HANOI_FROM:
            continue  # starts after the curated data does: the curated data has it
        cur = cur_code_open.get(u["code"])
        if cur is None:
            problems.append(f"Hanoi: GSO {u['id']} of {HANOI_FROM} is not in the curated data")
            continue
        if u["valid_from"] is not None:
            table["ids"][cur["id"]] = u["id"]
            table["valid_from"][u["id"]] = u["valid_from"]
        elif cur["id"] != u["id"]:
            problems.append(f"Hanoi: GSO {u['id']} / curated {cur['id']}")
    cur_ids = {table["ids"].get(i, i) for i in cur_by_id}

    out_ids = {r[0] for r in out}

    def known(x: str) -> bool:
        return x in cur_ids or x in out_ids

    linked = {p for s in hanoi_successions for p in s["predecessors"]}
    acts: dict[str, str] = {}
    titles = {a["act"]: (a["title"], s["date"]) for s in gso["snapshots"] for a in s["acts"]}
    for number, (title, day) in sorted(titles.items()):
        acts[number] = (
            f"{number}: {title} (named in the statistics office's unit list of {day}; "
            f"effective day unverified unless stated)"
        )
    differences: list[str] = []
    for s in gso["successions"]:
        preds, succs = list(s["predecessors"]), list(s["successors"])
        in_hanoi = [p in hanoi for p in preds]
        if any(in_hanoi) and s["effective"] > HANOI_FROM:
            open_preds = [p for p in preds if p in cur_by_id and p not in linked]
            if not open_preds:
                if any(p in cur_by_id for p in preds):
                    differences.append(
                        f"{s['effective']} {'+'.join(preds)} -> {'+'.join(succs)} "
                        f"({s['act']}): the curated data records its own succession"
                    )
                else:
                    differences.append(
                        f"{s['effective']} {'+'.join(preds)} -> {'+'.join(succs)} "
                        f"({s['act']}): not in the curated data's units"
                    )
                continue
            gone = [x for x in succs if x not in cur_ids]
            if gone:
                differences.append(
                    f"{s['effective']} {'+'.join(open_preds)} -> {'+'.join(succs)}: "
                    f"successor(s) {gone} not in the curated data"
                )
                continue
            preds = open_preds
        for x in [*preds, *succs]:
            if not known(x):
                problems.append(f"GSO succession {s['effective']} names unknown {x}")
        succ.append(
            [
                s["effective"],
                s["act"],
                s["kind"],
                preds,
                succs,
                None,
                bool(s["verified"]),
                _gso_note(s),
                "gso",
            ]
        )
    unresolved = [
        [r["id"], r["date"], r["reason"]]
        for r in gso["unresolved"]
        if not r["reason"].startswith("created")
    ]
    if problems:
        raise SystemExit("the GSO history does not fit:\n  " + "\n  ".join(problems))
    coverage: dict[str, dict[str, Any]] = {
        u["code"]: {"valid_from": gso["coverage"]["valid_from"], "source": "gso"}
        for u in gso_units
        if u["level"] == "province"
    }
    # the rule for unverified days: between the last GSO list and the snapshot of just
    # before 2025-07-01, a province whose units the two sources list differently, with no
    # source dating the change, is not vouched for (tools/gso/README.md, "late")
    by_id = {u["id"]: u for u in gso_units}
    late = gso["late"]
    gone: dict[str, list[str]] = {}
    for u in gso_units:
        if u["code"] in late["gone"] and u["valid_to"] == late["day"]:
            district = by_id[u["parents"][-1][0]]
            gone.setdefault(by_id[district["parents"][-1][0]]["code"], []).append(u["code"])
    for code, codes in sorted(gone.items()):
        why = (
            f"the statistics office's last list ({gso['snapshots'][-1]['date']}) still has "
            f"{', '.join(sorted(codes))}, vietnamadminunits' list of just before 2025-07-01 "
            "does not, and no source dates the change"
        )
        coverage[code]["unverified"] = [[late["day"], SNAPSHOT, why]]
    return GsoMerge(out, succ, table, acts, unresolved, differences, kind_fixes, coverage)


# ------------------------------------------------------------------ main
def _dump_gz(path: Path, rows: list[list[Any]]) -> int:
    text = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    path.write_bytes(data)
    return len(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", default="src/papi/data/vietnam", type=Path)
    parser.add_argument("--hanoi", default="src/papi/data/hanoi", type=Path)
    parser.add_argument("--history", type=Path, action="append", default=None)
    args = parser.parse_args()

    import vietnamadminunits  # type: ignore[import-not-found]

    version = importlib.metadata.version("vietnamadminunits")
    if version != PINNED:
        raise SystemExit(f"vietnamadminunits {PINNED} is pinned; found {version}")
    data_dir = Path(vietnamadminunits.__file__).parent / "data"
    db = sqlite3.connect(data_dir / "dataset.db")
    conv = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))

    legacy = db.execute(
        "SELECT province, district, ward, districtType, wardType, provinceCode, districtCode,"
        " wardCode, provinceKey, districtKey, wardKey, wardLat, wardLon"
        " FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
    ).fetchall()
    current = db.execute(
        "SELECT province, ward, wardType, provinceCode, wardCode, provinceKey, wardKey,"
        " wardLat, wardLon FROM admin_units ORDER BY provinceCode, wardCode"
    ).fetchall()

    # --- provinces
    old_prov: dict[str, tuple[str, str]] = {}  # key -> (code, name)
    for r in legacy:
        old_prov.setdefault(r[8], (r[5], nfc(r[0])))
    new_prov: dict[str, tuple[str, str]] = {}
    for r in current:
        new_prov.setdefault(r[5], (r[3], nfc(r[0])))
    prov_into: dict[str, str] = {}  # old province key -> new province key
    for nkey, okeys in conv["DICT_PROVINCE"].items():
        for okey in okeys:
            if okey in prov_into:
                raise SystemExit(f"old province {okey} goes into two new provinces")
            prov_into[okey] = nkey
    assert set(prov_into) == set(old_prov)
    assert set(conv["DICT_PROVINCE"]) == set(new_prov)
    continuing = {
        nkey
        for nkey, okeys in conv["DICT_PROVINCE"].items()
        if okeys == [nkey] and old_prov[nkey][0] == new_prov[nkey][0]
    }
    old_prov_id = {k: uid(c, None) for k, (c, _) in old_prov.items()}
    new_prov_id = {k: uid(c, None if k in continuing else REFORM) for k, (c, _) in new_prov.items()}

    units: list[list[Any]] = []
    for k, (code, name) in sorted(old_prov.items(), key=lambda kv: kv[1][0]):
        if code == HANOI:
            continue
        end = None if k in continuing else REFORM
        units.append([old_prov_id[k], code, name, province_kind(name), None, None, end])
    for k, (code, name) in sorted(new_prov.items(), key=lambda kv: kv[1][0]):
        if k in continuing:
            if name != old_prov[k][1]:
                raise SystemExit(f"continuing province {code} changes name: {name}")
            continue
        units.append([new_prov_id[k], code, name, province_kind(name), None, REFORM, None])

    # --- districts and old communes
    districts: dict[str, list[Any]] = {}  # district id -> row
    district_of_key: dict[str, str] = {}
    old_key_id: dict[str, str] = {}
    old_info: dict[str, OldCommune] = {}
    old_prov_of: dict[str, str] = {}
    island: dict[str, str] = {}  # old "key" of a commune-less district -> district id
    hanoi_old: set[str] = set()
    for _pname, dname, wname, dtype, wtype, pcode, dcode, wcode, pk, dk, wk, lat, lon in legacy:
        did = uid(dcode, None)
        if did not in districts:
            districts[did] = [did, dcode, nfc(dname), KINDS[nfc(dtype)], old_prov_id[pk], None]
            districts[did].append(REFORM)
        district_of_key[f"{pk}_{dk}"] = did
        if wcode is None:
            island[f"{pk}_{dk}_"] = did
            continue
        key = f"{pk}_{dk}_{wk}"
        wid = uid(wcode, None)
        old_key_id[key] = wid
        old_prov_of[key] = pk
        old_info[key] = OldCommune(key, f"{pk}_{dk}", pk, lat, lon, f"{nfc(wname)}, {nfc(dname)}")
        if pcode == HANOI:
            hanoi_old.add(wcode)
            continue
        units.append([wid, wcode, nfc(wname), KINDS[nfc(wtype)], did, None, REFORM])
    district_rows = [d for d in districts.values() if d[4] != HANOI]

    # --- new communes
    new_key_id: dict[tuple[str, str], str] = {}
    new_coords: dict[str, tuple[float | None, float | None]] = {}
    hanoi_new: set[str] = set()
    for _pname, wname, wtype, pcode, wcode, pk, wk, lat, lon in current:
        nid = uid(wcode, REFORM)
        new_key_id[(pk, wk)] = nid
        new_coords[f"{pk}/{wk}"] = (lat, lon)
        if pcode == HANOI:
            hanoi_new.add(wcode)
            continue
        units.append([nid, wcode, nfc(wname), KINDS[nfc(wtype)], new_prov_id[pk], REFORM, None])

    # --- commune links (old key -> {new "prov/ward" key: default})
    targets: dict[str, dict[str, bool]] = {}
    for npk, table in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for nwk, okeys in table.items():
            for okey in okeys:
                targets.setdefault(okey, {})[f"{npk}/{nwk}"] = True
    divided_keys: list[str] = []
    for npk, table in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for okey, ts in table.items():
            divided_keys.append(okey)
            for t in ts:
                targets.setdefault(okey, {})[f"{npk}/{t['newWardKey']}"] = bool(
                    t["isDefaultNewWard"]
                )
    island_targets = {k: v for k, v in targets.items() if k in island}
    communes = {k: v for k, v in targets.items() if k not in island}
    missing = set(old_key_id) - set(communes)
    if missing or set(communes) - set(old_key_id):
        raise SystemExit(f"converter and database disagree on old communes: {sorted(missing)}")
    edges_before = sum(len(v) for v in communes.values())
    new_prov_of = {k: next(iter(v)).split("/")[0] for k, v in communes.items()}
    fixed, decisions = resolve_homonyms(communes, divided_keys, old_info, new_coords, new_prov_of)

    def new_id(target: str) -> str:
        pk, wk = target.split("/")
        return new_key_id[(pk, wk)]

    acts: dict[str, str] = {
        ACT_202: "Resolution 202/2025/QH15 (2025-06-12) of the National Assembly on the "
        "arrangement of provincial-level administrative units, effective 2025-07-01",
        LAW_72: "Law 72/2025/QH15 on the Organisation of Local Government, art. 51(3): "
        "district-level governments end on 2025-07-01",
    }
    for code, name in new_prov.values():
        acts[f"NQ-UBTVQH15/{code}"] = (
            f"Resolution of the Standing Committee of the National Assembly (June 2025) on the "
            f"arrangement of the commune-level units of {name}, effective 2025-07-01; its "
            "number is not in the source (vietnamadminunits gives the links, not the acts)"
        )
    notes = {
        "whole": "went whole into one new commune (converter data)",
        "divided": "divided between several new communes; primary: the one the source marks "
        "as default (converter data)",
        "homonym": "corrected for the source's homonym defect (see meta defects)",
        "province": "provinces merged (Resolution 202/2025/QH15)",
        "district": "the new communes that took over the district's territory",
        "island": "island district without communes, reorganised as a special zone (đặc khu)",
    }
    touched = {m for d in decisions for m in d.dropped}
    successions: list[list[Any]] = []
    for nkey, okeys in sorted(conv["DICT_PROVINCE"].items(), key=lambda kv: new_prov[kv[0]][0]):
        if nkey in continuing:
            continue
        preds = sorted(old_prov_id[o] for o in okeys)
        nid = new_prov_id[nkey]
        successions.append([REFORM, ACT_202, "merge", preds, [nid], nid, True, "province"])
    for okey in sorted(fixed, key=lambda k: old_key_id[k]):
        if old_prov_of[okey] == "thanhphohanoi":
            continue
        ts = fixed[okey]
        news = sorted(new_id(t) for t in ts)
        primary = new_id(next(t for t, d in ts.items() if d))
        act = f"NQ-UBTVQH15/{new_prov[new_prov_of[okey]][0]}"
        kind = "split" if len(news) > 1 else "merge"
        note = "homonym" if okey in touched else ("divided" if len(news) > 1 else "whole")
        successions.append([REFORM, act, kind, [old_key_id[okey]], news, primary, False, note])
    for okey, ts in sorted(island_targets.items()):
        did = island[okey]
        news = sorted(new_id(t) for t in ts)
        act = f"NQ-UBTVQH15/{new_prov[next(iter(ts)).split('/')[0]][0]}"
        successions.append([REFORM, act, "reorganise", [did], news, news[0], False, "island"])
    by_district: dict[str, set[str]] = {}
    for okey, ts in fixed.items():
        did = district_of_key[okey.rsplit("_", 1)[0]]
        by_district.setdefault(did, set()).update(new_id(t) for t in ts)
    island_ids = set(island.values())
    for did in sorted(by_district):
        if districts[did][4] == HANOI or did in island_ids:
            continue
        news = sorted(by_district[did])
        successions.append([REFORM, LAW_72, "abolish_tier", [did], news, None, True, "district"])

    # --- Hanoi: the curated data must agree with the package on 2025's codes
    hn_units = [
        json.loads(line)
        for line in (args.hanoi / "units.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    hn_old = {u["code"] for u in hn_units if u["valid_to"] == REFORM and len(u["code"]) == 5}
    hn_new = {u["code"] for u in hn_units if u["valid_from"] == REFORM}
    if hn_old != hanoi_old or hn_new != hanoi_new:
        raise SystemExit("the curated Hanoi data and the package disagree on Hanoi's codes")
    cross = [
        k
        for k, ts in fixed.items()
        if (old_prov_of[k] == "thanhphohanoi") != any(t.startswith("thanhphohanoi/") for t in ts)
    ]
    if cross:
        raise SystemExit(f"successions cross Hanoi's boundary: {cross}")

    # --- the GSO history (issue 14) and other sources of history
    gso_meta: dict[str, Any] | None = None
    hanoi_table: dict[str, dict[str, str]] = {"ids": {}, "valid_from": {}}
    unresolved: list[list[str]] = []
    differences: list[str] = []
    kind_fixes: list[str] = []
    gso_coverage: dict[str, dict[str, Any]] = {}
    all_units = district_rows + units
    sources_table = {
        "vau": f"vietnamadminunits {version} (MIT), data/dataset.db and data/converter_2025.json"
    }
    hn_succ = [
        json.loads(line)
        for line in (args.hanoi / "successions.jsonl").read_text("utf-8").splitlines()
    ]
    histories: list[Path] = args.history if args.history is not None else [GSO_FILE]
    for path in histories:
        if not path.name.endswith(".json.gz"):
            continue
        gso = json.loads(gzip.decompress(path.read_bytes()))
        merged = reconcile_gso(all_units, successions, gso, hn_units, hn_succ)
        all_units, successions = merged.units, merged.successions
        hanoi_table, unresolved, differences = merged.hanoi, merged.unresolved, merged.differences
        gso_coverage = merged.coverage
        kind_fixes = merged.kind_fixes
        for number, text in merged.acts.items():
            acts.setdefault(number, text)
        src = gso["source"]
        sources_table["gso"] = (
            "the statistics office's (Tổng cục Thống kê) dated lists of administrative units, "
            f"as collected in {src['repository']} (commit {src['commit']}), via "
            f"{gso['generator']} (tools/gso/history.json.gz)"
        )
        gso_meta = {
            "file": "tools/gso/history.json.gz",
            "generator": gso["generator"],
            "source": src,
            "lists": [s["date"] for s in gso["snapshots"]],
            "counts": {s["date"]: s["counts"] for s in gso["snapshots"]},
            "late_day": gso["late"]["day"],
        }

    coverage_by_province = {
        code: ({"valid_from": "2020-03-01", "source": "papi.data.hanoi (curated)"})
        if code == HANOI
        else {"valid_from": SNAPSHOT, "source": f"vietnamadminunits {version}"}
        for code, _ in sorted(old_prov.values())
    }
    for path in histories:
        if path.name.endswith(".json.gz"):
            continue
        history = read_history(path)
        all_units, successions = merge_history(all_units, successions, history)
        for row in history.successions:
            acts.setdefault(row[1], row[1])
            if row[7]:
                notes.setdefault(row[7], row[7])
        for code, day in history.coverage.items():
            coverage_by_province[code] = {"valid_from": day, "source": str(path)}

    args.out.mkdir(parents=True, exist_ok=True)
    coverage_by_province.update(gso_coverage)
    ends = {p for row in successions for p in row[3]}
    ends |= {hanoi_table["ids"].get(p, p) for s in hn_succ for p in s["predecessors"]}
    reasons = {r[0]: r[2] for r in unresolved}
    hn_ids = {hanoi_table["ids"].get(u["id"], u["id"]): u for u in hn_units}
    final_unresolved = []
    for row in all_units:
        if row[6] is not None and row[0] not in ends:
            final_unresolved.append(
                [row[0], row[6], reasons.get(row[0], row[7] if len(row) > 7 else "")]
            )
    for uid_, u in hn_ids.items():
        if u["valid_to"] is not None and uid_ not in ends and u["id"] not in ends:
            final_unresolved.append([uid_, u["valid_to"], u.get("end_reason") or ""])
    final_unresolved.sort(key=lambda r: (r[1], r[0]))
    all_units.sort(key=lambda r: (r[5] or "", len(r[1]), r[1], r[0]))
    units_gz = _dump_gz(args.out / "units.jsonl.gz", all_units)
    succ_gz = _dump_gz(args.out / "successions.jsonl.gz", successions)
    new_types = [nfc(r[2]) for r in current]
    meta = {
        "schema": 1,
        "source": {
            "package": "vietnamadminunits",
            "version": version,
            "licence": "MIT",
            "copyright": "Copyright (c) 2025 Tran Ngoc Minh Hieu",
            "url": "https://pypi.org/project/vietnamadminunits/",
            "tables": ["admin_units_legacy", "admin_units", "converter_2025.json"],
        },
        "generator": "tools/build_vietnam_data.py",
        "history": gso_meta,
        "sources": sources_table,
        "hanoi_reconcile": hanoi_table,
        "hanoi_differences": differences,
        "kind_fixes": kind_fixes,
        "unresolved": final_unresolved,
        "merged_over": "papi.data.hanoi: Hanoi (01) comes from the curated Hanoi data",
        "columns": {
            "units": ["id", "code", "name", "kind", "parent", "valid_from", "valid_to"],
            "successions": [
                "effective",
                "act",
                "kind",
                "predecessors",
                "successors",
                "primary",
                "verified",
                "note",
            ],
        },
        "coverage": {
            "valid_from": min((c["valid_from"] for c in gso_coverage.values()), default=SNAPSHOT),
            "note": "The package describes the units as they stood just before the reform "
            "(2025-06-30) and from 2025-07-01; the statistics office's lists (history) take "
            "every province back to 2020-01-01 (coverage_by_province); earlier days carry a "
            "CoverageWarning."
            if gso_coverage
            else "The package describes the units as they stood just before the reform "
            "(2025-06-30) and from 2025-07-01; it has no earlier history, so earlier days "
            "carry a CoverageWarning, except in provinces whose history is merged in "
            "(coverage_by_province).",
        },
        "coverage_by_province": coverage_by_province,
        "acts": acts,
        "notes": notes,
        "counts": {
            "provinces_before": len(old_prov),
            "districts_before": len(districts),
            "communes_before": len(old_key_id),
            "commune_less_districts": len(island),
            "provinces_after": len(new_prov),
            "communes_after": len(current),
            "xa_after": new_types.count("Xã"),
            "phuong_after": new_types.count("Phường"),
            "dac_khu_after": new_types.count("Đặc khu"),
            "continuing_provinces": len(continuing),
            "commune_links_source": edges_before + sum(len(v) for v in island_targets.values()),
            "commune_links": sum(len(v) for v in fixed.values())
            + sum(len(v) for v in island_targets.values()),
            "split_communes": sum(len(v) > 1 for v in fixed.values()),
            "units_gz_bytes": units_gz,
            "successions_gz_bytes": succ_gz,
        },
        "defects": [
            {
                "group": d.group,
                "target": new_id(d.target),
                "kept": [f"{old_key_id[m]} {old_info[m].label}" for m in d.kept],
                "dropped": [f"{old_key_id[m]} {old_info[m].label}" for m in d.dropped],
                "evidence": d.evidence,
            }
            for d in decisions
        ],
    }
    (args.out / "meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(json.dumps(meta["counts"]))


if __name__ == "__main__":
    main()
