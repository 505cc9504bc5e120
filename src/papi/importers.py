"""Importers that build papi models from third-party data the user has installed.

:func:`from_vietnam_provinces` builds a :class:`~papi.territory.Territory` for the whole of
Vietnam, before and after the 2025-07-01 reform, from the ``vietnam-provinces`` package
(https://pypi.org/project/vietnam-provinces/). That package is licensed under the GPL-3.0 and
needs Python >= 3.12: it is an **optional** extra that papi never depends on and whose data
papi does not ship. Install it yourself if its licence suits your use.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

from papi.dates import Validity
from papi.errors import NotFound
from papi.territory import Containment, Succession, Territory, Unit, UnitKind

__all__ = ["from_vietnam_provinces"]

REFORM = date(2025, 7, 1)
_OLD = Validity(valid_to=REFORM)
_NEW = Validity(valid_from=REFORM)
_ALWAYS = Validity()
_SUFFIX = "@" + REFORM.isoformat()

_PROVINCE_ACT = "202/2025/QH15"
_DISTRICT_ACT = "72/2025/QH15"
_COMMUNE_ACT = "NA Standing Committee resolutions of 2025 on commune-level units"

_KINDS = {
    "tỉnh": UnitKind.PROVINCE,
    "thành phố trung ương": UnitKind.CENTRAL_CITY,
    "huyện": UnitKind.RURAL_DISTRICT,
    "quận": UnitKind.URBAN_DISTRICT,
    "thành phố": UnitKind.PROVINCIAL_CITY,
    "thị xã": UnitKind.DISTRICT_TOWN,
    "xã": UnitKind.COMMUNE,
    "phường": UnitKind.WARD,
    "thị trấn": UnitKind.TOWNSHIP,
    "đặc khu": UnitKind.SPECIAL_ZONE,
}


def _load(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        raise NotFound(
            "module",
            name,
            context="(install the optional, GPL-3.0 licensed 'vietnam-provinces' package, "
            "Python >= 3.12, to import the whole country)",
            context_vi="(hãy cài gói tùy chọn 'vietnam-provinces', giấy phép GPL-3.0, "
            "Python >= 3.12, để nhập cả nước)",
        ) from None


def from_vietnam_provinces() -> Territory:
    """The whole country from ``vietnam-provinces`` (legacy data and the 2025 conversion
    tables), as a :class:`~papi.territory.Territory`.

    Before 2025-07-01: the 63 provinces with their district- and commune-level units (the
    package's legacy data: its last pre-reform state, whose date the package does not state).
    From 2025-07-01: the 34 provinces and 3,321 commune-level units. Provinces that were not
    merged keep one unit across the reform (id = code); merged ones end and are succeeded by
    the new province (Resolution 202/2025/QH15). Each old commune is succeeded by the new
    ones of the package's conversion table (``split`` when several); each district by the
    new communes that took its communes (``abolish_tier``, Law 72/2025/QH15 art. 51(3)).
    Units the conversion table does not cover end with an ``end_reason`` saying so, and
    table entries naming unknown units are counted in ``meta["skipped"]``: nothing is
    dropped silently. Coverage: from 2025-07-01 (the legacy snapshot date is not stated).

    Raises :class:`~papi.errors.NotFound` when ``vietnam_provinces`` is not installed.
    """
    vp = _load("vietnam_provinces")
    legacy = _load("vietnam_provinces.legacy")
    ward_conv = _load("vietnam_provinces._ward_conversion_2025")
    prov_conv = _load("vietnam_provinces._province_conversion_2025")
    version = str(getattr(vp, "__version__", "unknown"))
    source = f"vietnam-provinces {version} (GPL-3.0), data version {vp.__data_version__}"

    units: list[Unit] = []
    links: list[Containment] = []
    successions: list[Succession] = []
    skipped: dict[str, int] = {"old_ward_unknown": 0, "new_ward_unknown": 0}

    def kind(division_type: object) -> UnitKind:
        return _KINDS[str(division_type)]

    # provinces: one unit when unchanged (same code, sole predecessor), else old + new
    new_provs = {int(p.code): p for p in vp.Province.iter_all()}
    preds_of_new: dict[int, list[int]] = {}
    for old_code, entry in prov_conv.OLD_TO_NEW.items():
        for ref in entry.new_provinces:
            preds_of_new.setdefault(ref.code, []).append(old_code)
    continuing = {
        code for code, olds in preds_of_new.items() if olds == [code] and code in new_provs
    }
    prov_id: dict[tuple[str, int], str] = {}
    for p in legacy.Province.iter_all():
        code = int(p.code)
        uid = f"{code:02}"
        prov_id["old", code] = uid
        if code in continuing:
            prov_id["new", code] = uid
            v = _ALWAYS
        else:
            v = _OLD
        units.append(
            Unit(
                id=uid,
                code=uid,
                name=p.name,
                kind=kind(p.division_type),
                validity=v,
                sources=(source,),
            )
        )
    for code, p in new_provs.items():
        if code in continuing:
            continue
        uid = f"{code:02}{_SUFFIX}"
        prov_id["new", code] = uid
        units.append(
            Unit(
                id=uid,
                code=f"{code:02}",
                name=p.name,
                kind=kind(p.division_type),
                validity=_NEW,
                sources=(source,),
            )
        )
    for old_code, entry in prov_conv.OLD_TO_NEW.items():
        if old_code in continuing:
            continue
        successions.append(
            Succession(
                predecessors=(prov_id["old", old_code],),
                successors=tuple(prov_id["new", r.code] for r in entry.new_provinces),
                effective=REFORM,
                act=_PROVINCE_ACT,
                kind="merge",
                sources=(source,),
            )
        )

    new_wards = {int(w.code): w for w in vp.Ward.iter_all()}
    old_wards = {int(w.code): w for w in legacy.Ward.iter_all()}
    by_district: dict[int, set[str]] = {}
    succeeded: set[int] = set()
    for old_code, entry in ward_conv.OLD_TO_NEW.items():
        if old_code not in old_wards:
            skipped["old_ward_unknown"] += 1
            continue
        news = set()
        for ref in entry.new_wards:
            if ref.code in new_wards:
                news.add(f"{ref.code:05}{_SUFFIX}")
            else:
                skipped["new_ward_unknown"] += 1
        if not news:
            continue
        succeeded.add(old_code)
        successions.append(
            Succession(
                predecessors=(f"{old_code:05}",),
                successors=tuple(sorted(news)),
                effective=REFORM,
                act=_COMMUNE_ACT,
                kind="split" if len(news) > 1 else "merge",
                sources=(source,),
                verified=False,
                note=f"conversion table {ward_conv.SOURCE}",
            )
        )
        by_district.setdefault(int(old_wards[old_code].district_code), set()).update(news)

    # districts and legacy communes
    districts = list(legacy.District.iter_all())
    for d in districts:
        uid = f"{int(d.code):03}"
        units.append(
            Unit(
                id=uid,
                code=uid,
                name=d.name,
                kind=kind(d.division_type),
                validity=_OLD,
                sources=(source,),
                end_reason=f"district tier abolished ({_DISTRICT_ACT} art. 51(3))",
            )
        )
        links.append(
            Containment(
                parent=prov_id["old", int(d.province_code)],
                child=uid,
                validity=_OLD,
                source=f"{source}: district {uid}",
            )
        )
    for code, w in old_wards.items():
        uid = f"{code:05}"
        units.append(
            Unit(
                id=uid,
                code=uid,
                name=w.name,
                kind=kind(w.division_type),
                validity=_OLD,
                sources=(source,),
                end_reason=None
                if code in succeeded
                else "ended 2025-07-01; not in the source's conversion table",
            )
        )
        links.append(
            Containment(
                parent=f"{int(w.district_code):03}",
                child=uid,
                validity=_OLD,
                source=f"{source}: ward {uid}",
            )
        )
    for code, w in new_wards.items():
        uid = f"{code:05}{_SUFFIX}"
        units.append(
            Unit(
                id=uid,
                code=f"{code:05}",
                name=w.name,
                kind=kind(w.division_type),
                validity=_NEW,
                sources=(source,),
            )
        )
        links.append(
            Containment(
                parent=prov_id["new", int(w.province_code)],
                child=uid,
                validity=_NEW,
                source=f"{source}: ward {uid}",
            )
        )

    for d in districts:
        targets = by_district.get(int(d.code))
        if targets:
            successions.append(
                Succession(
                    predecessors=(f"{int(d.code):03}",),
                    successors=tuple(sorted(targets)),
                    effective=REFORM,
                    act=_DISTRICT_ACT,
                    kind="abolish_tier",
                    sources=(source,),
                )
            )
    meta = {
        "source": {"package": "vietnam-provinces", "version": version, "licence": "GPL-3.0"},
        "skipped": skipped,
        "coverage": {"valid_from": REFORM.isoformat(), "valid_to": None},
    }
    return Territory.build(units, links, successions, coverage=_NEW, meta=meta)
