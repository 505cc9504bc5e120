"""Generate ``tools/gso/history.json.gz``: Vietnam's administrative units since 2020-01-01,
from the statistics office's dated unit lists, with the changes between them.

Usage::

    python tools/build_gso_history.py [--repo DIR] [--out tools/gso/history.json.gz]

``--repo`` is a clone (a bare one is enough) of https://github.com/dvhcvn/data; the script reads
only the pinned commit :data:`PINNED` and its ancestors, never the working tree, so the output
does not change when the repository moves on. ``vietnamadminunits==1.0.4`` (MIT) must be
installed for the reconciliation with the snapshot of just before 2025-07-01.

Source: the General Statistics Office (Tổng cục Thống kê, GSO; since 2025 the National
Statistics Office) publishes the list of administrative units (danhmuchanhchinh.gso.gov.vn)
with, for each date, the resolutions that changed it. ``dvhcvn/data`` stores each dated list
as one commit of ``data.json`` (three levels with GSO codes); ``key.txt`` holds the GSO date
of the list and the commit message the resolutions the GSO lists under that date.

What the script derives (format: ``tools/gso/README.md``):

* one **snapshot** per GSO date from 2020-01-01 (the last commit of a date wins);
* **unit versions**: a code keeps its id while its name and kind stay (also when it absorbs
  other units, as in papi's Hanoi data); a rename or a change of kind opens a new version
  ``CODE@YYYY-MM-DD``; a code that comes back after an absence is a new unit; each version
  carries its parents per interval;
* **events** between consecutive snapshots, per unit: create, abolish, rename, retype,
  reparent, absorb;
* **successions** with their evidence: a surviving code is a continuation; a disappearing
  code is linked to a new or changed unit only when the GSO's list of acts says so, or the
  names show it (same name, the whole name inside the new name, or a unique syllable match),
  each with the evidence string; districts follow their communes' codes. What cannot be
  derived is listed under ``unresolved`` (no guess is made);
* the **reconciliation** with ``vietnamadminunits`` 1.0.4 (the list just before 2025-07-01):
  its differences from the last GSO snapshot, with what the GSO lists and :data:`LATE_SOURCES` say about them.

Never edit the output by hand: fix this script and regenerate.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import itertools
import json
import re
import sqlite3
import subprocess
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_URL = "https://github.com/dvhcvn/data"
PINNED = "5393138f97bf5dd32a6b92d88d99691ed09e931d"
DEFAULT_REPO = Path("/work/.mirror/dvhcvn+data/repo")
START = "2020-01-01"
OUT = Path(__file__).with_name("gso") / "history.json.gz"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "history.md"
VAU = "vietnamadminunits"
VAU_VERSION = "1.0.4"
REFORM = "2025-07-01"

LEVELS = ("province", "district", "commune")

KINDS = {
    "Thành phố Trung ương": "CENTRAL_CITY",
    "Tỉnh": "PROVINCE",
    "Quận": "URBAN_DISTRICT",
    "Huyện": "RURAL_DISTRICT",
    "Thị xã": "DISTRICT_TOWN",
    "Thành phố": "PROVINCIAL_CITY",
    "Phường": "WARD",
    "Xã": "COMMUNE",
    "Thị trấn": "TOWNSHIP",
}
PREFIXES = (
    "Thành phố ",
    "Thị trấn ",
    "Thị xã ",
    "Phường ",
    "Quận ",
    "Huyện ",
    "Tỉnh ",
    "Xã ",
)

# Act numbers as the GSO list writes them -> the act's number (typos in the source).
ACT_FIXES = {
    "1192/NQ-UBTVQH": "1192/NQ-UBTVQH15",
    "829/UBTVQH14": "829/NQ-UBTVQH14",
}
# Province names misspelt in act titles of the GSO list (folded) -> province code.
TITLE_ALIASES = {
    "gia lao": "64",
    "thua thien hue": "46",
    "thanh pho hue": "46",
    "ho chi minh": "79",
    "tp hcm": "79",
}

# Effective days confirmed by a source other than the GSO list itself.
CONFIRMED_EFFECTIVE = {
    "1286/NQ-UBTVQH15": (
        "2025-01-01",
        "papi's Hanoi data (tools/hanoi_1286.toml; vi.wikipedia 'Kim Liên (phường)'): "
        "Resolution 1286/NQ-UBTVQH15 of 2024-11-14, effective 2025-01-01",
    ),
}

# Sources on single changes between the last GSO list (2025-03-01) and vietnamadminunits 1.0.4
# (the list just before 2025-07-01), by code. Press reports: unverified.
_PRESS_LAM_DONG = (
    "dantocmiennui.vn/sap-xep-cac-don-vi-hanh-chinh-cap-xa-thuoc-tinh-lam-dong/282057.html"
    " (press report of the resolution arranging Lâm Đồng's communes, 2023-2025 programme): "
    "Mỹ Lâm merged wholly into Nam Ninh, Tư Nghĩa into Quảng Ngãi (Cát Tiên district); "
    "that this is 1245/NQ-UBTVQH15, named by the GSO list of 2024-12-01, is unverified"
)
LATE_SOURCES: dict[str, str] = {"25174": _PRESS_LAM_DONG, "25177": _PRESS_LAM_DONG}
PROGRAMME_FROM = "2024-09-01"  # first GSO list of the 2023-2025 programme's resolutions


@dataclass
class Rec:
    """One unit in one snapshot."""

    code: str
    level: str
    name: str
    kind: str
    parent: str | None


@dataclass
class Snapshot:
    date: str
    commit: str
    commit_date: str
    key: str
    messages: list[str]
    acts: list[dict[str, Any]]
    units: dict[str, Rec]  # code -> record (codes of the three levels never collide)


@dataclass
class Version:
    id: str
    code: str
    level: str
    name: str
    kind: str
    valid_from: str | None
    valid_to: str | None = None
    parents: list[list[str | None]] = field(default_factory=list)
    spellings: list[str] = field(default_factory=list)
    end_reason: str | None = None


# ---------------------------------------------------------------------------- text helpers

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def core(name: str) -> str:
    """The name without its kind word (``"Xã Đông Xuân"`` -> ``"Đông Xuân"``)."""
    for p in PREFIXES:
        if name.startswith(p):
            return name[len(p) :]
    return name


def syllable_key(syl: str) -> str:
    """A syllable, lower case, with its tone mark moved to the end (so that ``hoà`` and
    ``hòa`` compare equal while ``Đông`` and ``Động`` stay different)."""
    d = unicodedata.normalize("NFD", syl.lower())
    tones = "".join(ch for ch in d if ch in _TONES)
    base = "".join(ch for ch in d if ch not in _TONES)
    return unicodedata.normalize("NFC", base) + tones


def syllables(name: str) -> list[str]:
    return [syllable_key(s) for s in re.split(r"[\s\-–]+", core(name)) if s]


def fold(text: str) -> str:
    d = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    d = "".join(ch for ch in d if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", d).split())


def contains_seq(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def kind_of_name(name: str) -> str | None:
    """The commune kind a name's kind word says (``"Thị trấn X"`` -> ``TOWNSHIP``)."""
    for word, kind in (("phường ", "WARD"), ("xã ", "COMMUNE"), ("thị trấn ", "TOWNSHIP")):
        if name.lower().startswith(word):
            return kind
    return None


def is_numbered(name: str) -> bool:
    return bool(re.fullmatch(r"[0-9IVX ]+", core(name)))


# ---------------------------------------------------------------------------- git reading


def git(repo: Path, *args: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
    )
    return out.stdout


def parse_acts(message: str) -> list[dict[str, Any]]:
    """The acts a commit message names: ``NUMBER: title;`` entries."""
    acts: dict[str, dict[str, Any]] = {}
    for m in re.finditer(r"(\d+(?:/[A-Z0-9Đ\-]+)+): ?([^;]*);?", message):
        written, title = m.group(1), nfc(m.group(2))
        number = ACT_FIXES.get(written, written)
        if number in acts:
            continue
        acts[number] = {"act": number, "title": title}
        if written != number:
            acts[number]["as_written"] = written
    return list(acts.values())


def read_snapshots(repo: Path, pinned: str) -> list[Snapshot]:
    log = git(
        repo, "log", "--reverse", "--format=%H%x09%ad", "--date=short", pinned, "--", "data.json"
    )
    by_date: dict[str, list[tuple[str, str]]] = defaultdict(list)
    order: list[str] = []
    for line in log.splitlines():
        commit, cdate = line.split("\t")
        try:
            key = git(repo, "show", f"{commit}:key.txt").strip()
        except subprocess.CalledProcessError:
            key = cdate.replace("-", "")
        date = f"{key[:4]}-{key[4:6]}-{key[6:8]}"
        if date < START:
            continue
        if date not in by_date:
            order.append(date)
        by_date[date].append((commit, cdate))
    snaps: list[Snapshot] = []
    for date in sorted(order):
        commits = by_date[date]
        commit, cdate = commits[-1]
        messages = [git(repo, "log", "-1", "--format=%B", c).strip() for c, _ in commits]
        acts: dict[str, dict[str, Any]] = {}
        for msg in messages:
            for a in parse_acts(msg):
                acts.setdefault(a["act"], a)
        data = json.loads(git(repo, "show", f"{commit}:data.json"))
        snaps.append(
            Snapshot(
                date=date,
                commit=commit,
                commit_date=cdate,
                key=date.replace("-", ""),
                messages=messages,
                acts=list(acts.values()),
                units=flatten(data, f"{commit}:data.json"),
            )
        )
    return snaps


def flatten(data: list[dict[str, Any]], where: str) -> dict[str, Rec]:
    out: dict[str, Rec] = {}

    def add(rec: Rec) -> None:
        if rec.code in out:
            raise SystemExit(f"{where}: code {rec.code} listed twice")
        if rec.kind not in KINDS.values():
            raise SystemExit(f"{where}: {rec.code} has unknown type")
        out[rec.code] = rec

    for p in data:
        add(Rec(p["level1_id"], "province", nfc(p["name"]), KINDS.get(p["type"], "?"), None))
        for d in p["level2s"]:
            for level, row, parent in [
                ("district", d, p["level1_id"]),
                *(("commune", c, d["level2_id"]) for c in d["level3s"]),
            ]:
                code = row["level2_id" if level == "district" else "level3_id"]
                add(Rec(code, level, nfc(row["name"]), KINDS.get(row["type"], "?"), parent))
    return out


# ---------------------------------------------------------------------------- acts per province


def act_provinces(acts: list[dict[str, Any]], provinces: dict[str, Rec]) -> dict[str, list[str]]:
    """Province code -> the acts whose title names the province."""
    names = {fold(core(r.name)): code for code, r in provinces.items()}
    names.update(TITLE_ALIASES)
    out: dict[str, list[str]] = defaultdict(list)
    for a in acts:
        title = fold(a["title"])
        found = {code for name, code in names.items() if re.search(rf"\b{name}\b", title)}
        a["provinces"] = sorted(found)
        for code in found:
            out[code].append(a["act"])
    return out


_MERGE_TITLE = re.compile(
    r"nhap (?:toan bo )?(xa|phuong|thi tran) ([a-z0-9 ]+?) vao (xa|phuong|thi tran) ([a-z0-9 ]+?)"
    r"(?: va | thuoc |,|$)"
)


def title_merges(acts: Iterable[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(act, folded absorbed name, folded absorbing name) from titles such as "nhập xã Thiệu
    Phú vào thị trấn Thiệu Hóa"."""
    out = []
    for a in acts:
        for m in _MERGE_TITLE.finditer(fold(a["title"])):
            out.append((a["act"], m.group(2).strip(), m.group(4).strip()))
    return out


# ---------------------------------------------------------------------------- name comparison


def same_name(a: str, b: str) -> bool:
    """Equal up to spacing, case and the placement of tone marks."""
    return [syllable_key(s) for s in a.split()] == [syllable_key(s) for s in b.split()]


def spelling_variant(a: Rec, b: Rec) -> bool:
    """``b`` only respells ``a`` (same kind; equal once diacritics, spacing, apostrophes and
    the spellings i/y, s/x, ch/tr, qu-i/qu-y are set aside): not a rename."""

    def loose(name: str) -> str:
        f = fold(name).replace(" ", "")
        f = re.sub(r"^thitrannt", "thitrannongtruong", f)
        for x, y in (("y", "i"), ("x", "s"), ("tr", "ch"), ("ii", "2")):
            f = f.replace(x, y)
        return f

    return a.kind == b.kind and (same_name(a.name, b.name) or loose(a.name) == loose(b.name))


# ---------------------------------------------------------------------------- derivation


@dataclass
class Link:
    """``gone`` (a code of the earlier snapshot) went (wholly or partly) into ``to`` (codes of
    the later one)."""

    gone: str
    to: list[str]
    evidence: str
    basis: list[str]  # act-title | alias | name | name-contains | syllables | children
    verified: bool


@dataclass
class Unresolved:
    code: str
    reason: str
    candidates: list[str]


def district_of(snap: dict[str, Rec], code: str) -> str | None:
    r = snap.get(code)
    return r.parent if r else None


def province_of(snap: dict[str, Rec], code: str) -> str | None:
    r = snap.get(code)
    while r is not None and r.level != "province":
        r = snap.get(r.parent) if r.parent else None
    return r.code if r else None


Aliases = dict[tuple[str, str], set[str]]


def vau_aliases() -> Aliases:
    """(province code, folded full name) -> codes of the communes whose parser keywords in
    ``vietnamadminunits`` (``parser_legacy.json``) include that name although it is not
    their own: the package's record of the former names of merged communes."""
    import vietnamadminunits  # only these steps need it

    data = Path(vietnamadminunits.__file__).parent / "data"
    parser = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))
    vau, _ = vau_snapshot()
    out: Aliases = defaultdict(set)
    for districts in parser["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values():
        for wards in districts.values():
            for wkey, w in wards.items():
                code = w["wardCode"]
                rec = vau.get(code)
                if rec is None:
                    continue
                own = fold(rec.name).replace(" ", "")
                prov = province_of(vau, code) or ""
                for kw in w["wardKeywords"]:
                    if kw in (wkey, own) or not kw.startswith(("xa", "phuong", "thitran")):
                        continue
                    out[(prov, kw)].add(code)
    return dict(out)


def alias_keys(aliases: Aliases, prov: str, code: str) -> set[str]:
    """The former names ``aliases`` gives for the commune ``code`` of province ``prov``."""
    index = _REVERSE.get(id(aliases))
    if index is None:
        index = defaultdict(set)
        for (p, k), codes in aliases.items():
            for c in codes:
                index[(p, c)].add(k)
        _REVERSE[id(aliases)] = index
    return index.get((prov, code), set())


_REVERSE: dict[int, dict[tuple[str, str], set[str]]] = {}


@dataclass
class Found:
    to: list[str]
    evidence: str
    basis: str


def by_names(
    g: str,
    prev: dict[str, Rec],
    cur: dict[str, Rec],
    pool: list[str],
    rivals: list[str],
    where: str,
) -> Found | Unresolved:
    """Successor of the disappeared commune ``g`` shown by the names of the new or changed
    units ``pool`` nearby (``rivals``: the other communes that disappeared nearby)."""
    rec = prev[g]
    syl = syllables(rec.name)
    # a new or changed unit nearby bears the same name
    same = [c for c in pool if syllables(cur[c].name) == syl]
    if len(same) == 1:
        c = same[0]
        return Found(
            [c],
            f"{cur[c].name} ({c}), new or changed, bears the name of {rec.name} ({g}) in {where}",
            "name",
        )
    if len(same) > 1:
        return Unresolved(g, "several new units bear its name", same)
    if is_numbered(rec.name):
        return Unresolved(g, "numbered name, no unit continues its code", pool)
    # the whole name inside one new or changed name
    inside = [c for c in pool if contains_seq(syllables(cur[c].name), syl)]
    if len(inside) == 1:
        c = inside[0]
        return Found(
            [c],
            f"the name {core(rec.name)!r} of {rec.name} ({g}) is part of the name of "
            f"{cur[c].name} ({c}), the only new or changed unit in {where} containing it",
            "name-contains",
        )
    if len(inside) > 1:
        return Unresolved(g, "its name is part of several new names", inside)
    # syllables of its name in one new or renamed name only. Not distinctive: syllables of
    # another commune that disappeared nearby, and syllables common in the district (in two
    # or more other names: "Đạ", "Ia"); a renamed unit counts only the syllables it gained
    others: set[str] = set()
    for o in rivals:
        others.update(syllables(prev[o].name))
    nearby: Counter[str] = Counter()
    for o, r in prev.items():
        if o != g and r.level == "commune" and r.parent == rec.parent:
            nearby.update(set(syllables(r.name)))
    distinct = {x for x in syl if x not in others and nearby[x] < 2}

    def fresh(c: str) -> set[str]:
        had = set(syllables(prev[c].name)) if c in prev else set()
        return set(syllables(cur[c].name)) - had

    scored = [(len(distinct & fresh(c)), c) for c in pool if distinct & fresh(c)]
    if not scored:
        return Unresolved(g, "no new or changed unit nearby shows its name", pool)
    best = max(n for n, _ in scored)
    top = [c for n, c in scored if n == best]
    if len(top) > 1:
        return Unresolved(g, "syllables of its name in several new names", top)
    c = top[0]
    words = re.split(r"[\s\-–]+", core(rec.name))
    shared = " ".join(w for w in words if syllable_key(w) in fresh(c) & distinct)
    return Found(
        [c],
        f"syllable(s) {shared!r} of {rec.name} ({g}) appear in {cur[c].name} ({c}), the only "
        f"new or renamed unit in {where} whose new name has them",
        "syllables",
    )


def derive_commune_links(
    prev: dict[str, Rec],
    cur: dict[str, Rec],
    titles: list[tuple[str, str, str]],
    aliases: Aliases,
) -> tuple[list[Link], list[Unresolved]]:
    """Where each commune code of ``prev`` missing from ``cur`` went, with evidence."""
    gone = sorted(c for c, r in prev.items() if r.level == "commune" and c not in cur)
    changed = {
        c
        for c, r in cur.items()
        if r.level == "commune" and (c not in prev or not spelling_variant(prev[c], r))
    }
    # the districts of ``cur`` that hold the surviving communes of each district of ``prev``
    continues: dict[str, set[str]] = defaultdict(set)
    for c, r in prev.items():
        if r.level == "commune" and c in cur and r.parent:
            continues[r.parent].add(cur[c].parent or "")
    for d, r in prev.items():
        if r.level == "district" and d in cur:
            continues[d].add(d)
    gone_in: dict[frozenset[str], list[str]] = defaultdict(list)
    for g in gone:
        gone_in[frozenset(continues.get(prev[g].parent or "", set()))].append(g)
    links: list[Link] = []
    unresolved: list[Unresolved] = []
    for g in gone:
        rec = prev[g]
        districts = continues.get(rec.parent or "", set())
        if not districts:
            prov = province_of(prev, g)
            districts = {d for d, r in cur.items() if r.level == "district" and r.parent == prov}
        around = sorted(c for c, r in cur.items() if r.level == "commune" and r.parent in districts)
        pool = [c for c in around if c in changed]
        where = ", ".join(sorted(cur[d].name for d in districts if d in cur))
        # 1. the GSO's list of acts names the merge ("nhập xã X vào xã Y")
        gkey = fold(core(rec.name))
        hits = sorted(
            {
                (act, c)
                for act, absorbed, absorbing in titles
                if absorbed == gkey
                for c in around
                if fold(core(cur[c].name)) == absorbing
            }
        )
        if len({c for _, c in hits}) == 1:
            act, c = hits[0]
            text = f"the GSO's list names {act}: merge of {rec.name} into {cur[c].name}"
            links.append(Link(g, [c], text, ["act-title"], True))
            continue
        # 2. the former names vietnamadminunits records, and 3. the names themselves
        key = fold(rec.name).replace(" ", "")
        prov = province_of(prev, g) or ""
        alias = sorted(c for c in aliases.get((prov, key), ()) if c in around)
        rivals = [o for o in gone_in[frozenset(districts)] if o != g]
        named = by_names(g, prev, cur, pool, rivals, where)
        if alias and not isinstance(named, Found):
            # a later merger: the alias may come from a unit that exists now and went into
            # the target later (g -> X now, X -> target later); the lists cannot tell
            keys = {k for c in alias for k in alias_keys(aliases, prov, c)}
            later = sorted(
                c for c in around if c not in alias and fold(cur[c].name).replace(" ", "") in keys
            )
            if later:
                unresolved.append(
                    Unresolved(
                        g,
                        "vietnamadminunits lists it under a unit that also absorbed a unit "
                        "still existing at this date",
                        alias + later,
                    )
                )
                continue
        if alias:
            text = (
                f"vietnamadminunits {VAU_VERSION} (parser_legacy.json) lists {key!r} "
                f"({rec.name}, {g}) among the names of "
                + ", ".join(f"{cur[c].name} ({c})" for c in alias)
            )
            if isinstance(named, Found) and named.to != alias:
                unresolved.append(
                    Unresolved(g, "the names and vietnamadminunits disagree", alias + named.to)
                )
                continue
            if isinstance(named, Found):
                links.append(
                    Link(g, alias, f"{text}; {named.evidence}", ["alias", named.basis], False)
                )
            else:
                links.append(Link(g, alias, text, ["alias"], False))
            continue
        if isinstance(named, Found):
            links.append(Link(g, named.to, named.evidence, [named.basis], False))
        else:
            unresolved.append(named)
    return links, unresolved


def derive_district_links(
    prev: dict[str, Rec], cur: dict[str, Rec], commune_links: list[Link], label: str
) -> tuple[list[Link], list[Unresolved]]:
    """Where each district code of ``prev`` missing from ``cur`` went: to the districts that
    hold its communes (their codes, or their derived successors) in ``cur``."""
    to = {lk.gone: lk.to for lk in commune_links}
    links: list[Link] = []
    unresolved: list[Unresolved] = []
    for g in sorted(c for c, r in prev.items() if r.level == "district" and c not in cur):
        kids = [c for c, r in prev.items() if r.parent == g and r.level == "commune"]
        where: Counter[str] = Counter()
        by_code = 0
        for k in kids:
            if k in cur:
                where[cur[k].parent or ""] += 1
                by_code += 1
            else:
                for t in to.get(k, []):
                    where[cur[t].parent or ""] += 1
        if not where:
            unresolved.append(Unresolved(g, "none of its communes can be followed", []))
            continue
        dests = sorted(where)
        parts = "; ".join(f"{where[d]} to {cur[d].name} ({d})" for d in dests)
        links.append(
            Link(
                g,
                dests,
                f"{by_code} of the {len(kids)} communes of {prev[g].name} ({g}) keep their "
                f"codes on {label}: {parts}",
                ["children"],
                by_code == len(kids),
            )
        )
    return links, unresolved


# ---------------------------------------------------------------------------- the history


class History:
    """Unit versions, events, successions and unresolved cases, built snapshot by snapshot."""

    def __init__(self, first: dict[str, Rec], aliases: Aliases) -> None:
        self.aliases = aliases
        self.versions: dict[str, Version] = {}
        self.current: dict[str, str] = {}
        self.seen: set[str] = set()
        self.events: list[dict[str, Any]] = []
        self.successions: list[dict[str, Any]] = []
        self.unresolved: list[dict[str, Any]] = []
        for level in LEVELS:
            for code in sorted(c for c, r in first.items() if r.level == level):
                self._open(first[code], None)

    def _open(self, rec: Rec, day: str | None) -> str:
        vid = rec.code if rec.code not in self.seen else f"{rec.code}@{day}"
        parent = self.current[rec.parent] if rec.parent else None
        v = Version(vid, rec.code, rec.level, rec.name, rec.kind, day)
        if parent:
            v.parents.append([parent, day, None])
        self.versions[vid] = v
        self.current[rec.code] = vid
        self.seen.add(rec.code)
        return vid

    def _close(self, code: str, day: str) -> str:
        vid = self.current.pop(code)
        v = self.versions[vid]
        v.valid_to = day
        if v.parents:
            v.parents[-1][2] = day
        return vid

    def _moved_out(self, district_id: str, cur: dict[str, Rec]) -> dict[str, str]:
        """District codes of ``cur`` that communes of ``district_id`` moved to, and when."""
        out: dict[str, str] = {}
        for v in self.versions.values():
            for (pid, _, end), nxt in zip(v.parents, v.parents[1:], strict=False):
                code = self.versions[str(nxt[0])].code
                if pid == district_id and code in cur and end:
                    out[code] = min(out.get(code, end), end)
        return out

    def step(
        self,
        prev: dict[str, Rec],
        cur: dict[str, Rec],
        day: str,
        acts_of: dict[str, list[str]],
        titles: list[tuple[str, str, str]],
        effective_verified: dict[str, bool],
        label: str,
        earlier: dict[str, list[dict[str, str]]] | None = None,
    ) -> dict[str, int]:
        clinks, cunres = derive_commune_links(prev, cur, titles, self.aliases)
        dlinks, dunres = derive_district_links(prev, cur, clinks, label)
        for u in list(dunres):
            moved = self._moved_out(self.current[u.code], cur)
            if moved:
                dunres.remove(u)
                text = (
                    f"{prev[u.code].name} ({u.code}) has no communes left in the previous list: "
                    + "; ".join(
                        f"its communes moved to {cur[d].name} ({d}) on {when}"
                        for d, when in sorted(moved.items())
                    )
                    + f"; the GSO listed it empty until {day}"
                )
                dlinks.append(Link(u.code, sorted(moved), text, ["children"], True))
        links = {lk.gone: lk for lk in clinks + dlinks}
        absorbers = {t for lk in links.values() for t in lk.to if t in prev}
        old_ids = dict(self.current)

        def prov_of(code: str) -> str:
            return province_of(cur, code) or province_of(prev, code) or ""

        def acts_for(code: str) -> list[str]:
            return acts_of.get(prov_of(code), [])

        def earlier_for(codes: Iterable[str]) -> list[dict[str, str]]:
            out: dict[str, dict[str, str]] = {}
            for c in codes:
                for a in (earlier or {}).get(prov_of(c), []):
                    out.setdefault(a["act"], a)
            return [out[k] for k in sorted(out)]

        stats: Counter[str] = Counter()

        def event(what: str, code: str, **more: Any) -> None:
            acts = acts_for(code)
            rec = cur.get(code) or prev[code]
            e = {"date": day, "event": what, "level": rec.level, "code": code, **more}
            e["acts"] = acts
            e["effective_verified"] = bool(acts) and all(effective_verified[a] for a in acts)
            if not acts and (prior := earlier_for([code])):
                e["earlier_acts"] = prior
            self.events.append(e)
            stats[f"{rec.level}:{what}"] += 1

        versioned: set[str] = set()
        for level in LEVELS:
            codes = sorted(
                c for c in set(prev) | set(cur) if (cur.get(c) or prev[c]).level == level
            )
            for code in codes:
                p, c = prev.get(code), cur.get(code)
                if p and not c:
                    vid = self._close(code, day)
                    lk = links.get(code)
                    event("abolish", code, id=vid, name=p.name, to=lk.to if lk else [])
                    continue
                if c and not p:
                    vid = self._open(c, day)
                    event("create", code, id=vid, name=c.name, parent=c.parent)
                    continue
                assert p is not None
                assert c is not None
                renamed = not spelling_variant(p, c)
                vid = self.current[code]
                if not renamed and p.name != c.name:
                    v = self.versions[vid]
                    if p.name not in v.spellings:
                        v.spellings.append(p.name)
                    v.name = c.name
                if renamed:
                    old = self._close(code, day)
                    vid = self._open(c, day)
                    versioned.add(code)
                    if p.name != c.name:
                        event("rename", code, id=vid, previous=old, name=c.name, old_name=p.name)
                    if p.kind != c.kind:
                        event("retype", code, id=vid, previous=old, kind=c.kind, old_kind=p.kind)
                if code in absorbers:
                    # like papi's Hanoi data, a unit that keeps its code, name and kind keeps
                    # its id when it takes in others (its territory changes, not its identity)
                    got = sorted(g for g, lk in links.items() if code in lk.to)
                    event("absorb", code, id=vid, absorbed=got)
                if p.parent != c.parent:
                    event("reparent", code, id=vid, parent=c.parent, old_parent=p.parent)
                if c.parent and code not in versioned:
                    v = self.versions[vid]
                    want = self.current[c.parent]
                    if v.parents[-1][0] != want:
                        v.parents[-1][2] = day
                        v.parents.append([want, day, None])
        # successions: connected groups of (old version -> new version) edges
        edges: list[tuple[str, str, str, list[str], bool]] = []
        for g, lk in links.items():
            for t in lk.to:
                edges.append((old_ids[g], self.current[t], lk.evidence, lk.basis, lk.verified))
        for code in sorted(versioned):
            edges.append(
                (
                    old_ids[code],
                    self.current[code],
                    f"code {code} continues",
                    ["code"],
                    True,
                )
            )
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b, *_ in edges:
            parent[find("o" + a)] = find("n" + b)
        groups: dict[str, list[tuple[str, str, str, list[str], bool]]] = defaultdict(list)
        for e in edges:
            groups[find("o" + e[0])].append(e)
        for group in sorted(groups.values(), key=lambda g: sorted(x[0] for x in g)):
            preds = sorted({e[0] for e in group})
            succs = sorted({e[1] for e in group})
            codes = {self.versions[x].code for x in preds + succs}
            if len(preds) == 1 and len(succs) == 1 and len(codes) == 1:
                kind = "rename"
            elif len(succs) == 1:
                kind = "merge"
            elif len(preds) == 1:
                kind = "split"
            else:
                kind = "reorganise"
            acts = sorted({a for x in succs for a in acts_for(self.versions[x].code)})
            prior = [] if acts else earlier_for(self.versions[x].code for x in succs)
            act = "; ".join(acts) if acts else f"GSO list of {label}"
            if prior:
                act += (
                    " (probably "
                    + ", ".join(f"{a['act']}, listed by the GSO on {a['listed']}" for a in prior)
                    + ")"
                )
            rec: dict[str, Any] = {
                "predecessors": preds,
                "successors": succs,
                "effective": day,
                "act": act,
                "acts": acts,
                "kind": kind,
                "level": self.versions[succs[0]].level,
                "verified": all(e[4] for e in group),
                "effective_verified": bool(acts) and all(effective_verified[a] for a in acts),
                "basis": sorted({b for e in group for b in e[3]}),
                "evidence": sorted({e[2] for e in group if e[3] != ["code"]}),
            }
            if prior:
                rec["earlier_acts"] = prior
            if kind in ("split", "reorganise"):
                rec["note"] = (
                    "the snapshots do not say which part of a predecessor went to which successor"
                )
            self.successions.append(rec)
            stats[f"succession:{kind}"] += 1
        for u in cunres + dunres:
            r = prev[u.code]
            self.unresolved.append(
                {
                    "date": day,
                    "level": r.level,
                    "id": old_ids[u.code],
                    "code": u.code,
                    "name": r.name,
                    "parent": r.parent,
                    "reason": u.reason,
                    "candidates": [self.current[c] for c in u.candidates if c in self.current],
                    "acts": acts_for(u.code),
                }
            )
            stats[f"unresolved:{r.level}"] += 1
        got_pred = {t for lk in links.values() for t in lk.to}
        for code in sorted(set(cur) - set(prev) - got_pred):
            r = cur[code]
            if r.level == "province":
                continue
            self.unresolved.append(
                {
                    "date": day,
                    "level": r.level,
                    "id": self.current[code],
                    "code": code,
                    "name": r.name,
                    "parent": r.parent,
                    "reason": "created; no predecessor derivable from the snapshots "
                    "(typically formed from parts of units that continue)",
                    "candidates": [],
                    "acts": acts_for(code),
                }
            )
            stats[f"created_without_predecessor:{r.level}"] += 1
        return dict(stats)


# ---------------------------------------------------------------------------- vietnamadminunits


def vau_snapshot() -> tuple[dict[str, Rec], str]:
    """The units of ``vietnamadminunits`` (table ``admin_units_legacy``: just before
    2025-07-01) as snapshot records, and the package version."""
    import vietnamadminunits

    version = importlib.metadata.version(VAU)
    if version != VAU_VERSION:
        raise SystemExit(f"{VAU} {VAU_VERSION} is required, found {version}")
    db = Path(vietnamadminunits.__file__).parent / "data" / "dataset.db"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: dict[str, Rec] = {}
    rows = con.execute(
        "select provinceCode, province, districtCode, district, districtType, wardCode, ward,"
        " wardType from admin_units_legacy"
    )
    for pc, pn, dc, dn, dt, wc, wn, wt in rows:
        pkind = "CENTRAL_CITY" if pn.startswith("Thành phố") else "PROVINCE"
        out.setdefault(pc, Rec(pc, "province", nfc(pn), pkind, None))
        out.setdefault(dc, Rec(dc, "district", nfc(dn), KINDS[dt], pc))
        if wc:
            out[wc] = Rec(wc, "commune", nfc(wn), KINDS[wt], dc)
    con.close()
    return out, version


# ---------------------------------------------------------------------------- main


def codes_digest(codes: Iterable[str]) -> str:
    """SHA-256 of the sorted codes of a list, one per line (all levels)."""
    return hashlib.sha256("\n".join(sorted(codes)).encode()).hexdigest()


def counts(units: dict[str, Rec]) -> dict[str, int]:
    c = Counter(r.level for r in units.values())
    return {lv: c[lv] for lv in LEVELS}


def effective_flags(acts: list[dict[str, Any]], day: str) -> dict[str, bool]:
    out = {}
    for a in acts:
        confirmed = CONFIRMED_EFFECTIVE.get(a["act"])
        a["effective_verified"] = bool(confirmed and confirmed[0] == day)
        if confirmed:
            a["effective_source"] = confirmed[1]
        out[a["act"]] = a["effective_verified"]
    return out


def check_counts(history: History, snaps: list[Snapshot]) -> None:
    """Every snapshot's units are exactly the versions valid on its day (stops otherwise)."""
    for s in snaps:
        live = {
            v.code
            for v in history.versions.values()
            if (v.valid_from is None or v.valid_from <= s.date)
            and (v.valid_to is None or s.date < v.valid_to)
        }
        if live != set(s.units):
            raise SystemExit(
                f"{s.date}: versions disagree with the snapshot: {live ^ set(s.units)}"
            )


def earlier_acts(
    snaps: list[Snapshot], acts_of: dict[str, dict[str, list[str]]], upto: str, day: str
) -> dict[str, list[dict[str, str]]]:
    """Per province, the acts named by the latest GSO list up to ``upto`` (and less than a
    year before ``day``) that names the province: the probable acts of a change that a later
    list shows without naming an act (the GSO sometimes updates the units a list or two after
    naming the act)."""
    limit = date_minus_year(day)
    out: dict[str, list[dict[str, str]]] = {}
    for s in snaps:
        if s.date > upto or s.date < limit:
            continue
        for prov, acts in acts_of[s.date].items():
            out[prov] = [{"act": a, "listed": s.date} for a in acts]
    return out


def date_minus_year(day: str) -> str:
    return f"{int(day[:4]) - 1}{day[4:]}"


def build(repo: Path, pinned: str) -> dict[str, Any]:
    snaps = read_snapshots(repo, pinned)
    history = History(snaps[0].units, vau_aliases())
    steps = []
    acts_of = {
        s.date: act_provinces(s.acts, {c: r for c, r in s.units.items() if r.level == "province"})
        for s in snaps
    }
    for prev, cur in itertools.pairwise(snaps):
        flags = effective_flags(cur.acts, cur.date)
        stats = history.step(
            prev.units,
            cur.units,
            cur.date,
            acts_of[cur.date],
            title_merges(cur.acts),
            flags,
            cur.date,
            earlier_acts(snaps, acts_of, prev.date, cur.date),
        )
        steps.append({"date": cur.date, "changes": stats})
    effective_flags(snaps[0].acts, snaps[0].date)
    check_counts(history, snaps)
    vau, vau_version = vau_snapshot()
    late = reconcile(history, snaps, vau)
    has_successor = {x for s in history.successions for x in s["predecessors"]}
    why = {u["id"]: u for u in history.unresolved if u["id"] in history.versions}
    for v in history.versions.values():
        if v.valid_to is not None and v.id not in has_successor:
            u = why.get(v.id)
            acts = ", ".join(u["acts"]) if u and u["acts"] else "no act named"
            v.end_reason = (
                f"not in the GSO list from {v.valid_to} ({acts}); the lists do not show which "
                "unit took its territory"
            )
    return {
        "schema": 1,
        "generator": "tools/build_gso_history.py",
        "source": {
            "publisher": "General Statistics Office of Viet Nam (Tổng cục Thống kê; since "
            "2025 the National Statistics Office), list of administrative units, "
            "https://danhmuchanhchinh.gso.gov.vn",
            "repository": REPO_URL,
            "commit": pinned,
            "file": "data.json (key.txt: the GSO date of the list)",
            "licence": "none stated; the data is the state's administrative list",
            "reconciled_with": f"{VAU} {vau_version} (MIT), data/dataset.db "
            "table admin_units_legacy (the units just before 2025-07-01)",
        },
        "coverage": {"valid_from": snaps[0].date, "valid_to": REFORM},
        "snapshots": [
            {
                "date": s.date,
                "commit": s.commit,
                "commit_date": s.commit_date,
                "acts": s.acts,
                "counts": counts(s.units),
                "codes_sha256": codes_digest(s.units),
                **(
                    {
                        "note": f"committed on {s.commit_date}; the GSO date of the list "
                        f"(key.txt) is {s.date}"
                    }
                    if s.commit_date != s.date
                    else {}
                ),
            }
            for s in snaps
        ],
        "steps": steps,
        "late": late,
        "units": [unit_record(v) for v in sorted(history.versions.values(), key=unit_order)],
        "events": history.events,
        "successions": history.successions,
        "unresolved": history.unresolved,
    }


# ---------------------------------------------------------------------------- summaries


def _alive(u: dict[str, Any], day: str) -> bool:
    return (u["valid_from"] is None or u["valid_from"] <= day) and (
        u["valid_to"] is None or day < u["valid_to"]
    )


def province_summary(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Per province (codes 2020-2025): communes at the ends of the history, communes that
    disappeared, how many of them have a derived successor, unresolved cases, and changes
    for which the GSO's list names no act of the province."""
    units = {u["id"]: u for u in data["units"]}

    def prov(uid: str) -> str:
        u = units[uid]
        while u["level"] != "province":
            u = units[str(u["parents"][-1][0])]
        return str(u["code"])

    rows: dict[str, dict[str, Any]] = {}
    for u in data["units"]:
        if u["level"] == "province" and u["valid_to"] is None:
            rows[u["code"]] = {
                "code": u["code"],
                "name": u["name"],
                "first": 0,
                "gso_last": 0,
                "last": 0,
                "gone": 0,
                "linked": 0,
                "unresolved": 0,
                "no_act": 0,
            }
    first, gso_last = data["snapshots"][0]["date"], data["snapshots"][-1]["date"]
    for u in data["units"]:
        if u["level"] != "commune":
            continue
        r = rows[prov(u["id"])]
        r["first"] += _alive(u, first)
        r["gso_last"] += _alive(u, gso_last)
        r["last"] += u["valid_to"] is None
    linked = {p for s in data["successions"] for p in s["predecessors"] if s["level"] == "commune"}
    for e in data["events"]:
        if e["level"] != "commune":
            continue
        r = rows[prov(e["id"])]
        if e["event"] == "abolish":
            r["gone"] += 1
            r["linked"] += e["id"] in linked
        if not e["acts"] and e["event"] in ("abolish", "create", "rename", "retype"):
            r["no_act"] += 1
    for x in data["unresolved"]:
        if x["level"] == "commune":
            rows[prov(x["id"])]["unresolved"] += 1
    return [rows[c] for c in sorted(rows)]


def markdown_tables(data: dict[str, Any]) -> dict[str, str]:
    """The tables of ``docs/history.md`` (between ``<!-- gso:NAME -->`` markers)."""
    snaps = [
        "| GSO date | provinces | districts | communes | acts named |",
        "|---|--:|--:|--:|---|",
    ]
    for s in data["snapshots"]:
        c = s["counts"]
        acts = ", ".join(a["act"] for a in s["acts"]) or "—"
        snaps.append(
            f"| {s['date']} | {c['province']} | {c['district']} | {c['commune']:,} | {acts} |"
        )
    late = data["late"]
    c = late["counts_vau"]
    snaps.append(
        f"| before 2025-07-01 ({VAU} {VAU_VERSION}) | {c['province']} | {c['district']} | "
        f"{c['commune']:,} | — |"
    )
    prov = [
        "| code | province (name before 2025-07-01) | communes 2020-01-01 | 2025-03-01 | "
        "before 2025-07-01 | disappeared | with successor | unresolved | changes without an act "
        "named |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in province_summary(data):
        prov.append(
            f"| {r['code']} | {r['name']} | {r['first']} | {r['gso_last']} | {r['last']} | "
            f"{r['gone']} | {r['linked']} | {r['unresolved']} | {r['no_act']} |"
        )
    basis = Counter(b for s in data["successions"] for b in s["basis"] if b != "code")
    kinds = Counter(s["kind"] for s in data["successions"])
    reasons = Counter(x["reason"] for x in data["unresolved"])
    summary = [
        "| figure | value |",
        "|---|--:|",
        *(
            f"| unit versions: {lv} | {n:,} |"
            for lv, n in sorted(
                Counter(u["level"] for u in data["units"]).items(), key=lambda x: LEVELS.index(x[0])
            )
        ),
        f"| events | {len(data['events']):,} |",
        *(f"| successions: {k} | {n} |" for k, n in sorted(kinds.items())),
        f"| successions verified (codes or the GSO's act titles only) | "
        f"{sum(s['verified'] for s in data['successions'])} |",
        *(f"| evidence used: {b} | {n} |" for b, n in sorted(basis.items())),
        *(f"| unresolved: {r} | {n} |" for r, n in sorted(reasons.items())),
    ]
    unres = ["| date | id | unit | reason | candidates |", "|---|---|---|---|---|"]
    units = {u["id"]: u for u in data["units"]}
    for x in data["unresolved"]:
        if x["reason"].startswith("created"):
            continue
        cands = ", ".join(f"{units[c]['name']} ({c})" for c in x["candidates"][:4]) or "—"
        unres.append(f"| {x['date']} | {x['id']} | {x['name']} | {x['reason']} | {cands} |")
    acts = ["| act | GSO date | provinces | title (as the GSO lists it) |", "|---|---|---|---|"]
    names = {u["code"]: u["name"] for u in data["units"] if u["level"] == "province"}
    for s in data["snapshots"]:
        for a in s["acts"]:
            where = ", ".join(names[p] for p in a.get("provinces", []))
            title = a["title"].replace("|", "/")
            acts.append(f"| {a['act']} | {s['date']} | {where} | {title} |")
    return {
        "acts": "\n".join(acts),
        "snapshots": "\n".join(snaps),
        "provinces": "\n".join(prov),
        "summary": "\n".join(summary),
        "unresolved": "\n".join(unres),
    }


def fill_docs(path: Path, data: dict[str, Any]) -> None:
    """Replace the text between ``<!-- gso:NAME -->`` and ``<!-- /gso:NAME -->`` in
    ``path`` with the table ``NAME``."""
    text = path.read_text(encoding="utf-8")
    for name, table in markdown_tables(data).items():
        pat = re.compile(rf"(<!-- gso:{name} -->\n).*?(<!-- /gso:{name} -->)", re.S)
        if not pat.search(text):
            raise SystemExit(f"{path}: no <!-- gso:{name} --> markers")
        text = pat.sub(lambda m, t=table: m.group(1) + t + "\n" + m.group(2), text)
    path.write_text(text, encoding="utf-8")


def unit_order(v: Version) -> tuple[int, str, str]:
    return (LEVELS.index(v.level), v.code, v.valid_from or "")


def unit_record(v: Version) -> dict[str, Any]:
    r: dict[str, Any] = {
        "id": v.id,
        "code": v.code,
        "level": v.level,
        "name": v.name,
        "kind": v.kind,
        "valid_from": v.valid_from,
        "valid_to": v.valid_to,
    }
    if v.parents:
        r["parents"] = v.parents
    if v.spellings:
        r["spellings"] = v.spellings
    if v.end_reason:
        r["end_reason"] = v.end_reason
    return r


LATE_DAY = "2025-03-02"
LATE_BASIS = (
    "present in the GSO list of 2025-03-01 (the last in the repository) and absent from "
    "vietnamadminunits 1.0.4 (the units just before 2025-07-01); no source here dates the "
    "change, so it is placed on the day after the last GSO list (effective_verified = false)"
)


def late_note(
    history: History, snaps: list[Snapshot], prev: dict[str, Rec], code: str, vid: str
) -> str:
    """What the GSO lists and the sources say about a commune that the last GSO list has and
    ``vietnamadminunits`` has not."""
    v = history.versions[vid]
    prov = province_of(prev, code) or ""
    parts = [f"{v.name} ({code}) is in the GSO lists until 2025-03-01 and not in {VAU}."]
    if v.valid_from:
        again = "again " if "@" in vid else ""
        parts.append(f"The GSO listed it {again}only from {v.valid_from}.")
    twins = sorted(
        c
        for c, r in prev.items()
        if c != code and r.parent == prev[code].parent and same_name(r.name, prev[code].name)
    )
    if twins:
        parts.append(f"The same district also lists {prev[code].name} under {', '.join(twins)}.")
    acts = sorted(
        {
            a["act"]
            for s in snaps
            if s.date >= PROGRAMME_FROM
            for a in s.acts
            if prov in a.get("provinces", [])
        }
    )
    if acts:
        parts.append(
            "Acts the GSO lists name for the province since 2024-09-01: "
            + ", ".join(acts)
            + " (which of them removed it is unverified)."
        )
    if code in LATE_SOURCES:
        parts.append("Source: " + LATE_SOURCES[code] + ".")
    return " ".join(parts)


def reconcile(history: History, snaps: list[Snapshot], vau: dict[str, Rec]) -> dict[str, Any]:
    """Carry the history from the last GSO list to the list of ``vietnamadminunits``."""
    prev = snaps[-1].units
    cur: dict[str, Rec] = {}
    names = []
    for code, r in vau.items():
        p = prev.get(code)
        if p and p.kind != r.kind and kind_of_name(r.name) == p.kind:
            # the package's type column contradicts its own name: keep the GSO's kind
            names.append({"code": code, "gso": p.kind, "vau": r.kind, "spelling": False})
            r = Rec(code, r.level, r.name, p.kind, r.parent)
        if p and p.kind == r.kind and p.parent == r.parent and p.name != r.name:
            names.append(
                {
                    "code": code,
                    "gso": p.name,
                    "vau": r.name,
                    "spelling": spelling_variant(p, r),
                }
            )
            cur[code] = Rec(code, r.level, p.name, r.kind, r.parent)
        else:
            cur[code] = r
    before = {c: history.current[c] for c in prev if c not in vau}
    stats = history.step(prev, cur, LATE_DAY, {}, [], {}, "vietnamadminunits 1.0.4")
    notes = {c: late_note(history, snaps, prev, c, vid) for c, vid in before.items()}
    for rec in history.successions + history.unresolved + history.events:
        if rec.get("effective", rec.get("date")) != LATE_DAY:
            continue
        ids = rec.get("predecessors") or [rec.get("id")]
        found = [notes[history.versions[i].code] for i in ids if history.versions[i].code in notes]
        if found:
            rec["note"] = " ".join(found)
    for n in names:
        vid = history.current[n["code"]]
        v = history.versions[vid]
        if v.name not in v.spellings:
            v.spellings.append(v.name)
        v.name = n["vau"]
    final = {v.code for v in history.versions.values() if v.valid_to is None}
    if final != set(vau):
        raise SystemExit(f"open versions differ from {VAU}: {sorted(final ^ set(vau))[:20]}")
    return {
        "day": LATE_DAY,
        "basis": LATE_BASIS,
        "counts_gso": counts(prev),
        "counts_vau": counts(vau),
        "gone": sorted(c for c in prev if c not in vau),
        "new": sorted(c for c in vau if c not in prev),
        "changes": stats,
        "names": sorted(names, key=lambda n: (n["spelling"], n["code"])),
        "notes": notes,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="clone of " + REPO_URL)
    ap.add_argument("--commit", default=PINNED, help="the pinned commit (default: %(default)s)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--docs", type=Path, default=DOCS, help="page whose tables to refresh")
    args = ap.parse_args(argv)
    data = build(args.repo, args.commit)
    fill_docs(args.docs, data)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(text.encode("utf-8"))
    n = Counter(u["level"] for u in data["units"])
    print(
        f"{args.out}: {len(data['snapshots'])} snapshots, {dict(n)} unit versions, "
        f"{len(data['events'])} events, {len(data['successions'])} successions, "
        f"{len(data['unresolved'])} unresolved; {args.out.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
