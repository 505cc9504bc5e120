"""Loading territories: the JSON-lines format and papi's packaged data (Hanoi, Vietnam)."""

from __future__ import annotations

import functools
import gzip
import json
import threading
from collections.abc import Mapping
from datetime import date
from importlib import resources
from typing import Any, NamedTuple

import attrs

from papi.dates import (
    Validity,
    parse_date,
    parse_optional_date,
)
from papi.errors import InvalidData, Problem
from papi.territory._build import _gc_paused
from papi.territory.model import (
    Containment,
    Succession,
    Unit,
    UnitKind,
)
from papi.territory.registry import Territory
from papi.territory.successions import successions_from_records


def _parse_unit(rec: Mapping[str, Any], path: str, src_text: Mapping[str, str]) -> Unit:
    kind_name = rec.get("kind")
    try:
        kind = UnitKind[str(kind_name)]
    except KeyError:
        raise InvalidData("unknown unit kind", path=f"{path}.kind", value=kind_name) from None
    return Unit(
        id=str(rec["id"]),
        code=str(rec["code"]),
        name=str(rec["name"]),
        name_en=rec.get("name_en"),
        kind=kind,
        validity=Validity(
            valid_from=parse_optional_date(rec.get("valid_from"), path=f"{path}.valid_from"),
            valid_to=parse_optional_date(rec.get("valid_to"), path=f"{path}.valid_to"),
        ),
        sources=tuple(src_text.get(s, s) for s in rec.get("sources", ())),
        end_reason=rec.get("end_reason"),
        note=rec.get("note"),
    )


def _read_lines(text: str, name: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidData(f"not JSON: {exc.msg}", path=f"{name}:{n}") from None
        if not isinstance(rec, dict):
            raise InvalidData("each line must be a JSON object", path=f"{name}:{n}")
        out.append(rec)
    return out


class _Records(NamedTuple):
    units: list[Unit]
    links: list[Containment]
    successions: list[Succession]


def load_territory(
    units_jsonl: str, successions_jsonl: str, meta: Mapping[str, Any] | None = None
) -> Territory:
    """Build a :class:`Territory` from the JSON Lines format of papi's packaged data
    (``units.jsonl``: one unit per line with a ``parent`` id; ``successions.jsonl``).
    ``meta`` may hold ``coverage`` and a ``sources`` table expanding short source ids."""
    meta = dict(meta or {})
    units, links, successions = _read_records(units_jsonl, successions_jsonl, meta)
    return Territory.build(units, links, successions, coverage=_meta_coverage(meta), meta=meta)


def _meta_coverage(meta: Mapping[str, Any]) -> Validity:
    cov = meta.get("coverage", {})
    return Validity(
        valid_from=parse_optional_date(cov.get("valid_from"), path="meta.coverage.valid_from"),
        valid_to=parse_optional_date(cov.get("valid_to"), path="meta.coverage.valid_to"),
    )


def _read_records(units_jsonl: str, successions_jsonl: str, meta: Mapping[str, Any]) -> _Records:
    """The records of the JSON Lines format, every problem collected into one error."""
    src_text: Mapping[str, str] = meta.get("sources", {})
    units: list[Unit] = []
    links: list[Containment] = []
    problems: list[Problem] = []
    for i, rec in enumerate(_read_lines(units_jsonl, "units.jsonl")):
        path = f"units.jsonl:{i + 1}"
        try:
            unit = _parse_unit(rec, path, src_text)
        except (InvalidData, KeyError, TypeError) as exc:
            problems.append(Problem(path=path, message=str(exc), value=rec.get("id")))
            continue
        units.append(unit)
        if rec.get("parent"):
            links.append(
                Containment(
                    parent=str(rec["parent"]),
                    child=unit.id,
                    validity=unit.validity,
                    source=f"{path} ({unit.id})",
                )
            )
    successions, bad = successions_from_records(
        (
            (f"successions.jsonl:{i + 1}", rec)
            for i, rec in enumerate(_read_lines(successions_jsonl, "successions.jsonl"))
        ),
        src_text,
    )
    problems.extend(bad)
    if problems:
        raise InvalidData.collect("territory data is invalid", problems)
    return _Records(units, links, successions)


_LOCK = threading.Lock()


def _hanoi_files() -> tuple[str, str, dict[str, Any]]:
    base = resources.files("papi") / "data" / "hanoi"
    meta = json.loads((base / "territory.meta.json").read_text(encoding="utf-8"))
    return (
        (base / "units.jsonl").read_text(encoding="utf-8"),
        (base / "successions.jsonl").read_text(encoding="utf-8"),
        meta,
    )


@functools.cache
def _hanoi() -> Territory:
    return load_territory(*_hanoi_files())


def _gz_rows(raw: bytes) -> list[list[Any]]:
    """The rows of a gzip'd JSON Lines file of arrays, parsed in one call."""
    text = gzip.decompress(raw).decode("utf-8")
    rows: list[list[Any]] = json.loads("[" + ",".join(text.splitlines()) + "]")
    return rows


_KIND_BY_NAME = {k.name: k for k in UnitKind}


def _national_records(meta: Mapping[str, Any]) -> _Records:
    """The national rows (see ``tools/build_vietnam_data.py`` for the columns) as records.
    A unit row's ``parent`` is an id or, for a unit that moved, ``[[parent, from, to], ...]``;
    an eighth column is the reason a unit ends without successors. A succession row's ninth
    column names its source in ``meta["sources"]``. The rows are generated and checked by the
    build script; a malformed row still raises :class:`~papi.errors.InvalidData` naming the
    file and row."""
    base = resources.files("papi") / "data" / "vietnam"
    source = meta["source"]
    vau = f"{source['package']} {source['version']} ({source['licence']})"
    table: Mapping[str, str] = meta.get("sources", {})
    gso = table.get("gso")
    snapshot = date(2025, 6, 30)
    validities: dict[tuple[str | None, str | None], tuple[Validity, tuple[str, ...]]] = {}
    units: list[Unit] = []
    links: list[Containment] = []
    path = "vietnam/units.jsonl.gz"
    rows = _gz_rows((base / "units.jsonl.gz").read_bytes())
    i = 0
    try:
        for i, (uid, code, name, kind, parent, vf, vt, *end) in enumerate(rows):
            found = validities.get((vf, vt))
            if found is None:
                v = Validity(
                    valid_from=parse_optional_date(vf, path=f"{path}:{i + 1}"),
                    valid_to=parse_optional_date(vt, path=f"{path}:{i + 1}"),
                )
                # a version that ended before the snapshot day is the statistics office's
                ended = v.valid_to is not None and v.valid_to <= snapshot
                srcs: tuple[str, ...] = (gso,) if gso and ended else (vau,)
                if gso and not ended and (v.valid_from is None or v.valid_from < snapshot):
                    srcs = (gso, vau)
                found = validities[(vf, vt)] = (v, srcs)
            v, srcs = found
            units.append(
                Unit(
                    id=uid,
                    code=code,
                    name=name,
                    kind=_KIND_BY_NAME[kind],
                    validity=v,
                    sources=srcs,
                    end_reason=end[0] if end else None,
                )
            )
            if isinstance(parent, str):
                links.append(Containment(parent=parent, child=uid, validity=v))
            elif parent is not None:
                for pid, start, stop in parent:
                    span = Validity(
                        valid_from=parse_optional_date(start, path=f"{path}:{i + 1}"),
                        valid_to=parse_optional_date(stop, path=f"{path}:{i + 1}"),
                    )
                    links.append(Containment(parent=pid, child=uid, validity=span))
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidData(f"malformed row: {exc}", path=f"{path}:{i + 1}") from None
    acts: Mapping[str, str] = meta["acts"]
    notes: Mapping[str, str] = meta["notes"]
    successions: list[Succession] = []
    path = "vietnam/successions.jsonl.gz"
    rows = _gz_rows((base / "successions.jsonl.gz").read_bytes())
    days: dict[str, date] = {}
    cited: dict[tuple[str, str], tuple[str, ...]] = {}
    try:
        for i, (eff, act, kind, preds, succs, primary, verified, note, *src) in enumerate(rows):
            day = days.get(eff)
            if day is None:
                day = days[eff] = parse_date(eff, path=f"{path}:{i + 1}")
            key = (act, src[0] if src else "vau")
            sources = cited.get(key)
            if sources is None:
                named = tuple(acts[a] for a in act.split("; ") if a in acts) or (act,)
                sources = cited[key] = (*named, table.get(key[1], vau))
            successions.append(
                Succession(
                    predecessors=preds,
                    successors=succs,
                    effective=day,
                    act=act,
                    kind=kind,
                    note=notes.get(note, note) if note else None,
                    sources=sources,
                    verified=bool(verified),
                    primary=primary,
                )
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidData(f"malformed row: {exc}", path=f"{path}:{i + 1}") from None
    return _Records(units, links, successions)


def _reconciled(records: _Records, table: Mapping[str, Mapping[str, str]]) -> _Records:
    """The curated Hanoi records with the ids and first days the national history gives them
    (``meta["hanoi_reconcile"]``: the communes renamed on 2020-03-01, where the curated data
    starts; see docs/territory.md)."""
    ids, starts = table.get("ids", {}), table.get("valid_from", {})
    if not ids:
        return records

    def rid(x: str) -> str:
        return ids.get(x, x)

    units = []
    for u in records.units:
        new = rid(u.id)
        if new != u.id:
            day = date.fromisoformat(starts[new])
            u = attrs.evolve(u, id=new, validity=attrs.evolve(u.validity, valid_from=day))
        units.append(u)
    by_id = {u.id: u for u in units}
    links = [
        attrs.evolve(
            c, parent=rid(c.parent), child=rid(c.child), validity=by_id[rid(c.child)].validity
        )
        if rid(c.child) != c.child or rid(c.parent) != c.parent
        else c
        for c in records.links
    ]
    successions = [
        attrs.evolve(
            s,
            predecessors=tuple(map(rid, s.predecessors)),
            successors=tuple(map(rid, s.successors)),
            primary=None if s.primary is None else rid(s.primary),
        )
        for s in records.successions
    ]
    return _Records(units, links, successions)


@functools.cache
def _vietnam() -> Territory:
    with _gc_paused():  # ~40,000 acyclic records: collections would only cost time
        return _load_vietnam()


def _load_vietnam() -> Territory:
    records, meta, regional, unverified = _vietnam_records()
    return Territory.build(
        *records,
        coverage=_meta_coverage(meta),
        meta=meta,
        regional_coverage=regional,
        unverified=unverified,
    )


def _vietnam_records() -> tuple[
    _Records, dict[str, Any], dict[str, Validity], dict[str, list[tuple[Validity, str]]]
]:
    """The national records with Hanoi's curated ones merged in (reconciled), the meta, and
    the coverage per province id (span, unverified stretches)."""
    base = resources.files("papi") / "data" / "vietnam"
    meta: dict[str, Any] = json.loads((base / "meta.json").read_text(encoding="utf-8"))
    national = _national_records(meta)
    hn_units, hn_successions, hn_meta = _hanoi_files()
    hanoi = _reconciled(
        _read_records(hn_units, hn_successions, hn_meta), meta.get("hanoi_reconcile", {})
    )
    # every version of a province (a renamed one has its own id) carries its code's coverage
    province_ids: dict[str, list[str]] = {}
    for u in national.units:
        if len(u.code) == 2:
            province_ids.setdefault(u.code, []).append(u.id)
    regional: dict[str, Validity] = {}
    unverified: dict[str, list[tuple[Validity, str]]] = {}
    for code, cov in meta["coverage_by_province"].items():
        path = f"meta.coverage_by_province.{code}"
        span = Validity(valid_from=parse_optional_date(cov.get("valid_from"), path=path))
        gaps = [
            (
                Validity(
                    valid_from=parse_optional_date(lo, path=path),
                    valid_to=parse_optional_date(hi, path=path),
                ),
                why,
            )
            for lo, hi, why in cov.get("unverified", ())
        ]
        for pid in province_ids.get(code, [code]):
            regional[pid] = span
            if gaps:
                unverified[pid] = gaps
    meta["hanoi"] = {k: hn_meta[k] for k in ("source", "sources", "coverage", "acts", "counts")}
    records = _Records(
        [*national.units, *hanoi.units],
        [*national.links, *hanoi.links],
        [*national.successions, *hanoi.successions],
    )
    return records, meta, regional, unverified


def hanoi_territory() -> Territory:
    """Hanoi's territory from papi's packaged data (cached; thread-safe).

    Generated by ``tools/build_hanoi_data.py`` from ``vietnamadminunits`` 1.0.4 (MIT):
    the city, 30 district-level and 526 commune-level units as of 2025-06-30, the 126
    commune-level units from 2025-07-01 (Resolution 1656/NQ-UBTVQH15) and the successions;
    and, from the sourced table ``tools/hanoi_1286.toml``, the 579 commune-level units of
    2020-03-01..2024-12-31 (Resolution 1286/NQ-UBTVQH15 reversed: 53 units that ended on
    2025-01-01 and the old names of 33 codes kept under a new name). Coverage starts
    2020-03-01 (see :attr:`Territory.coverage`); earlier days warn.

    >>> from papi.territory import Level
    >>> hn = hanoi_territory()
    >>> hn.meta["source"]["version"], hn.coverage.valid_from
    ('1.0.4', datetime.date(2020, 3, 1))
    >>> len(hn.units(level=Level.COMMUNE, on=date(2022, 6, 13)))
    579
    """
    with _LOCK:
        return _hanoi()


def vietnam_territory() -> Territory:
    """The whole country from papi's packaged data (loaded once, on first call; thread-safe).

    Generated by ``tools/build_vietnam_data.py`` from three sources reconciled into one
    timeline (docs/territory.md, "One timeline since 2020"): the statistics office's dated
    unit lists 2020-01-01..2025-03-01 (``tools/gso/history.json.gz``: every unit version and
    the successions between lists, each citing the acts the lists name), ``vietnamadminunits``
    1.0.4 (MIT) for the units just before 2025-07-01 (63 provinces, 696 district-level units,
    10,035 communes) and from 2025-07-01 (34 provinces, 3,321 communes) with the reform's
    successions (provinces: Resolution 202/2025/QH15; communes with the primary successor of
    every divided commune; the source's homonym defect corrected, ``meta["defects"]``), and
    Hanoi's curated data from 2020-03-01, which wins. Every province is vouched for from
    2020-01-01 (:meth:`Territory.coverage_of`), but for the days the data marks unverified
    (``meta["coverage_by_province"]``).

    >>> vn = vietnam_territory()
    >>> len(vn.units(level="province", on="2025-06-30")), len(vn.units(level="province", on="2026-03-01"))
    (63, 34)
    >>> len(vn.units(level="commune", on="2025-06-30")), len(vn.units(level="commune", on="2026-03-01"))
    (10035, 3321)
    >>> [u.name for u in vn.successors("Tỉnh Quảng Nam", on="2026-03-01")]
    ['Thành phố Đà Nẵng']
    >>> len(vn.units(level="commune", on="2022-06-13"))
    10599
    """
    with _LOCK:
        return _vietnam()
