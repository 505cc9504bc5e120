"""Organizations derived by rule for every unit of any territory (the declarative part).

Each :class:`BodyRule` says which units have a body, from when, under what name, with
which head post and on what legal basis; :class:`Rulebook` applies the rules to one unit at a
time, when a query reaches it, so a registry over the whole country (some 15,000 units)
costs nothing to build. The rules (:data:`STANDARD_RULES`):

* every unit has a People's Committee and a chairperson (Law on Organisation of Local
  Government 77/2015/QH13, then 72/2025/QH15), and a People's Council except where an
  urban-government pilot removed it (:data:`COUNCIL_PILOTS`);
* every district-level unit has an inspectorate until the district tier ends on 2025-07-01
  (Law on Inspection 84/2025/QH15);
* from 2025-07-01 every province has the twelve specialised agencies that Decree
  150/2025/NĐ-CP organises in every province, and a Public Administration Service Centre
  under its PC Office (Decree 118/2025/NĐ-CP);
* from 2025-07-01 every commune-level unit has a Văn phòng HĐND và UBND, a Phòng Kinh tế
  (xã, đặc khu) or Phòng Kinh tế, Hạ tầng và Đô thị (phường, đặc khu Phú Quốc), a Phòng Văn
  hóa - Xã hội (Decree 150/2025/NĐ-CP) and a Public Administration Service Centre (Decree
  118/2025/NĐ-CP).

Derived ids are stable: ``<key>:<unit id>`` (``ubnd:00070@2025-07-01``,
``so-noi-vu:48@2025-07-01``), head posts ``<org id>/<slug>``.

>>> from papi.territory import hanoi_territory
>>> hn = hanoi_territory()
>>> orgs, posts = STANDARD_RULES.derive(hn, hn.get("00070@2025-07-01"))
>>> [o.id for o in orgs][:3]
['ubnd:00070@2025-07-01', 'hdnd:00070@2025-07-01', 'pvhcc:00070@2025-07-01']
>>> posts[0].id, posts[0].name
('ubnd:00070@2025-07-01/chu-tich', 'Chủ tịch')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType

import attrs

from papi.dates import ALWAYS, Validity
from papi.organizations.model import (
    Organization,
    OrgKind,
    Post,
    PostKind,
    _head_post,
    _intersect,
)
from papi.territory import Level, Territory, Unit, UnitKind
from papi.text import fold

__all__ = [
    "COUNCIL_PILOTS",
    "REFORM",
    "STANDARD_RULES",
    "BodyRule",
    "CouncilPilot",
    "Rulebook",
    "kind_word",
]

#: The day the two-tier local government starts (Law 72/2025/QH15; Resolution 202/2025/QH15).
REFORM = date(2025, 7, 1)
_FROM_REFORM = Validity(valid_from=REFORM)
_TO_REFORM = Validity(valid_to=REFORM)

# ----------------------------------------------------------------- legal sources
_PC_SOURCE = (
    "Law on Organisation of Local Government (77/2015/QH13; 72/2025/QH15): every "
    "administrative unit has a People's Committee"
)
_WARD_COUNCIL_SOURCE = (
    "Resolution 97/2019/QH14 (urban-government pilot in Hanoi): no People's Council in Hanoi "
    "wards from 2021-07-01 (S21; the resolution's number and date are unverified)"
)
_NEW_COUNCIL_SOURCE = (
    "Law 72/2025/QH15: every commune-level unit has a People's Council from 2025-07-01 "
    "(S17; transitional councils appointed, S25)"
)
_DISTRICT_END = "Law 72/2025/QH15 art. 51(3): district-level bodies end on 2025-07-01 (S17)"
_INSPECTION = "Law on Inspection 84/2025/QH15: no district inspectorates from 2025-07-01 (S15)"
_CENTRE = (
    "Decree 118/2025/NĐ-CP (2025-06-09, in force 2025-07-01): each commune PC sets up a Public "
    "Administration Service Centre (S19)"
)
_PROVINCE_CENTRE = (
    "Decree 118/2025/NĐ-CP (2025-06-09, in force 2025-07-01): each provincial PC sets up a "
    "Public Administration Service Centre, an administrative organisation under the Office of "
    "the provincial People's Committee (national-data §2.4)"
)
_DEPARTMENTS = (
    "Decree 150/2025/NĐ-CP (2025-06-12) art. 8: the twelve specialised agencies organised in "
    "every province under the two-tier model from 2025-07-01 (S13; the article number comes "
    "from a published summary of the decree, national-data §2.2)"
)
_COMMUNE_OFFICES = (
    "Decree 150/2025/NĐ-CP (2025-06-12) arts. 13-15: the specialised offices of every "
    "commune-level People's Committee from 2025-07-01 (S13, S19; restated by Resolution "
    "332/NQ-CP; Decree 370/2025/NĐ-CP lets a province add offices, which are not derived here)"
)
_HCMC_PILOT = (
    "Resolution 131/2020/QH14 (urban government in Ho Chi Minh City, from 2021-07-01): no "
    "People's Council in urban districts, Thủ Đức city and wards (not in papi's reference "
    "notes: unverified)"
)
_DANANG_PILOT = (
    "Resolution 119/2020/QH14 (urban government in Đà Nẵng, from 2021-07-01): no People's "
    "Council in urban districts and wards (not in papi's reference notes: unverified)"
)

_KIND_WORD = {
    UnitKind.CENTRAL_CITY: "thành phố",
    UnitKind.PROVINCIAL_CITY: "thành phố",
}


def kind_word(unit: Unit) -> str:
    """The word documents put before a unit's name or in its bodies' short names: ``tỉnh``,
    ``thành phố``, ``phường``, ``xã`` ...

    >>> from papi.territory import hanoi_territory
    >>> kind_word(hanoi_territory().get("01"))
    'thành phố'
    """
    return _KIND_WORD.get(unit.kind, unit.kind.value)


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


@attrs.frozen(kw_only=True)
class BodyRule:
    """One body every matching unit has while the rule applies.

    ``key`` is the id prefix (``ubnd`` gives ``ubnd:<unit id>``). ``name`` and ``aliases``
    are templates over ``{unit}`` (the unit's name with a lower-case kind word, "phường Hoàn
    Kiếm") and ``{kind}`` (:func:`kind_word`). A unit matches when its level is in
    ``levels``, its kind in ``unit_kinds`` (any when empty) or its name in ``also_names``,
    and its name is not in ``except_names``. The body exists on the days of the unit that
    are inside ``window``; ``part_of`` is the key of the body it belongs to.
    """

    key: str
    kind: OrgKind
    levels: frozenset[Level]
    name: str
    head: tuple[PostKind, str, str, str | None]  # kind, name, English name, id slug
    sources: tuple[str, ...]
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    unit_kinds: frozenset[UnitKind] = frozenset()
    also_names: frozenset[str] = frozenset()
    except_names: frozenset[str] = frozenset()
    window: Validity = ALWAYS
    part_of: str | None = None
    sector: str | None = None
    level_sources: Mapping[Level, tuple[str, ...]] = attrs.field(
        factory=lambda: MappingProxyType({})
    )
    head_sources: tuple[str, ...] | None = None  # the head post's (default: the body's)

    def applies(self, unit: Unit) -> bool:
        """Whether ``unit`` has this body on some day (its kind and name match; the days
        are checked by :meth:`Rulebook.derive`)."""
        if unit.name in self.except_names:
            return False
        if unit.name in self.also_names:
            return True
        if unit.level not in self.levels:
            return False
        return not self.unit_kinds or unit.kind in self.unit_kinds

    def templates(self) -> tuple[str, ...]:
        """The name and aliases (templates)."""
        return (self.name, *self.aliases)


@attrs.frozen(kw_only=True)
class CouncilPilot:
    """An urban-government pilot: units of ``unit_kinds`` in the province with code
    ``province_code`` have no People's Council during ``window``. ``unverified_kinds`` are
    kinds whose councils the sources do not settle (kept, marked unverified with
    ``unverified_note``)."""

    province_code: str
    unit_kinds: frozenset[UnitKind]
    window: Validity
    source: str
    note: str
    unverified_kinds: frozenset[UnitKind] = frozenset()
    unverified_note: str | None = None


_PILOT = Validity(valid_from=date(2021, 7, 1), valid_to=REFORM)

#: Where urban-government pilots removed People's Councils (Hanoi's is in the reference notes;
#: Ho Chi Minh City's and Đà Nẵng's are not, and are marked unverified in their source text).
COUNCIL_PILOTS: tuple[CouncilPilot, ...] = (
    CouncilPilot(
        province_code="01",
        unit_kinds=frozenset({UnitKind.WARD}),
        window=_PILOT,
        source=_WARD_COUNCIL_SOURCE,
        note="ward councils ended 2021-07-01; the unit's start date is not in the sources, "
        "so whether this council existed on a given day before then is not vouched for",
        unverified_kinds=frozenset({UnitKind.URBAN_DISTRICT}),
        unverified_note="the sources only say the 2019 pilot removed ward councils; urban "
        "district councils are assumed to have continued to 2025-07-01 (unverified)",
    ),
    CouncilPilot(
        province_code="79",
        unit_kinds=frozenset({UnitKind.URBAN_DISTRICT, UnitKind.PROVINCIAL_CITY, UnitKind.WARD}),
        window=_PILOT,
        source=_HCMC_PILOT,
        note="no council from 2021-07-01 to the reform (Resolution 131/2020/QH14, unverified)",
    ),
    CouncilPilot(
        province_code="48",
        unit_kinds=frozenset({UnitKind.URBAN_DISTRICT, UnitKind.WARD}),
        window=_PILOT,
        source=_DANANG_PILOT,
        note="no council from 2021-07-01 to the reform (Resolution 119/2020/QH14, unverified)",
    ),
)

_ALL_LEVELS = frozenset({Level.PROVINCE, Level.DISTRICT, Level.COMMUNE})
_PROVINCE = frozenset({Level.PROVINCE})
_COMMUNE = frozenset({Level.COMMUNE})
_DIRECTOR = (PostKind.DIRECTOR, "Giám đốc", "Director", None)
_HEAD_OF_OFFICE = (PostKind.HEAD, "Trưởng phòng", "Head", "truong-phong")


def _department(key: str, name: str, name_en: str, sector: str, abbr: str) -> BodyRule:
    return BodyRule(
        key=key,
        kind=OrgKind.DEPARTMENT,
        levels=_PROVINCE,
        name=name,
        name_en=name_en,
        aliases=(f"{name} {{unit}}", abbr),
        head=_DIRECTOR,
        window=_FROM_REFORM,
        part_of="ubnd",
        sector=sector,
        sources=(_DEPARTMENTS,),
    )


def _commune_office(key: str, name: str, name_en: str, sector: str, **kw: object) -> BodyRule:
    return BodyRule(
        key=key,
        kind=OrgKind.OTHER,
        levels=_COMMUNE,
        name=name,
        name_en=name_en,
        aliases=(f"{name} {{unit}}",),
        head=_HEAD_OF_OFFICE,
        window=_FROM_REFORM,
        part_of="ubnd",
        sector=sector,
        sources=(_COMMUNE_OFFICES,),
        **kw,  # type: ignore[arg-type]
    )


_PHU_QUOC = frozenset({"Đặc khu Phú Quốc"})

#: The People's Committee rule (kept apart: other rules hang off it).
PEOPLES_COMMITTEE = BodyRule(
    key="ubnd",
    kind=OrgKind.PEOPLES_COMMITTEE,
    levels=_ALL_LEVELS,
    name="Ủy ban nhân dân {unit}",
    aliases=("UBND {unit}",),
    head=(PostKind.CHAIRPERSON, "Chủ tịch", "Chairperson", None),
    sources=(_PC_SOURCE,),
    level_sources=MappingProxyType({Level.DISTRICT: (_DISTRICT_END,)}),
    head_sources=(_PC_SOURCE,),
)

#: The People's Council rule; :data:`COUNCIL_PILOTS` removes some of its days.
PEOPLES_COUNCIL = BodyRule(
    key="hdnd",
    kind=OrgKind.PEOPLES_COUNCIL,
    levels=_ALL_LEVELS,
    name="Hội đồng nhân dân {unit}",
    aliases=("HĐND {unit}",),
    head=(PostKind.CHAIRPERSON, "Chủ tịch", "Chairperson", None),
    sources=(_PC_SOURCE,),
)

_OTHER_RULES: tuple[BodyRule, ...] = (
    BodyRule(
        key="thanh-tra",
        kind=OrgKind.INSPECTORATE,
        levels=frozenset({Level.DISTRICT}),
        name="Thanh tra {unit}",
        head=(PostKind.CHIEF_INSPECTOR, "Chánh Thanh tra", "Chief Inspector", None),
        window=_TO_REFORM,
        part_of="ubnd",
        sector="inspection",
        sources=(_INSPECTION, _DISTRICT_END),
        head_sources=(_INSPECTION,),
    ),
    BodyRule(
        key="pvhcc",
        kind=OrgKind.SERVICE_CENTRE,
        levels=_COMMUNE,
        name="Trung tâm Phục vụ hành chính công {unit}",
        head=_DIRECTOR,
        window=_FROM_REFORM,
        part_of="ubnd",
        sector="one_stop",
        sources=(_CENTRE,),
    ),
    # the twelve agencies of every province (Decree 150/2025/NĐ-CP art. 8)
    _department("so-noi-vu", "Sở Nội vụ", "Department of Home Affairs", "home_affairs", "SNV"),
    _department("so-tu-phap", "Sở Tư pháp", "Department of Justice", "justice", "STP"),
    _department("so-tai-chinh", "Sở Tài chính", "Department of Finance", "finance", "STC"),
    _department(
        "so-cong-thuong",
        "Sở Công Thương",
        "Department of Industry and Trade",
        "industry_trade",
        "SCT",
    ),
    _department(
        "so-nong-nghiep-moi-truong",
        "Sở Nông nghiệp và Môi trường",
        "Department of Agriculture and Environment",
        "agriculture_environment",
        "SNNMT",
    ),
    _department("so-xay-dung", "Sở Xây dựng", "Department of Construction", "construction", "SXD"),
    _department(
        "so-khoa-hoc-cong-nghe",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
        "science_technology",
        "SKHCN",
    ),
    _department(
        "so-van-hoa-the-thao-du-lich",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Department of Culture, Sports and Tourism",
        "culture_sports_tourism",
        "SVHTTDL",
    ),
    _department(
        "so-giao-duc-dao-tao",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
        "education_training",
        "SGDĐT",
    ),
    _department("so-y-te", "Sở Y tế", "Department of Health", "health", "SYT"),
    BodyRule(
        key="thanh-tra",
        kind=OrgKind.INSPECTORATE,
        levels=_PROVINCE,
        name="Thanh tra {unit}",
        name_en="Provincial Inspectorate",
        aliases=("Thanh tra {kind}",),
        head=(PostKind.CHIEF_INSPECTOR, "Chánh Thanh tra", "Chief Inspector", None),
        window=_FROM_REFORM,
        part_of="ubnd",
        sector="inspection",
        sources=(_DEPARTMENTS,),
    ),
    BodyRule(
        key="vp-ubnd",
        kind=OrgKind.PC_OFFICE,
        levels=_PROVINCE,
        name="Văn phòng Ủy ban nhân dân {unit}",
        name_en="Office of the People's Committee",
        aliases=("Văn phòng UBND {kind}", "Văn phòng UBND {unit}", "VP UBND"),
        head=(PostKind.CHIEF_OF_OFFICE, "Chánh Văn phòng", "Chief of Office", None),
        window=_FROM_REFORM,
        part_of="ubnd",
        sector="pc_office",
        sources=(_DEPARTMENTS,),
    ),
    BodyRule(
        key="pvhcc",
        kind=OrgKind.SERVICE_CENTRE,
        levels=_PROVINCE,
        name="Trung tâm Phục vụ hành chính công {unit}",
        name_en="Public Administration Service Centre",
        aliases=("Trung tâm Phục vụ hành chính công {kind}",),
        head=_DIRECTOR,
        window=_FROM_REFORM,
        part_of="vp-ubnd",
        sector="one_stop",
        sources=(_PROVINCE_CENTRE,),
    ),
    # the offices of every commune-level unit (Decree 150/2025/NĐ-CP arts. 13-15)
    _commune_office(
        "vp-hdnd-ubnd",
        "Văn phòng HĐND và UBND",
        "Office of the People's Council and People's Committee",
        "office",
    ),
    _commune_office(
        "phong-kinh-te",
        "Phòng Kinh tế",
        "Economic Office",
        "economy",
        unit_kinds=frozenset({UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE}),
        except_names=_PHU_QUOC,
    ),
    _commune_office(
        "phong-kinh-te-ha-tang-do-thi",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Office of Economy, Infrastructure and Urban Affairs",
        "economy",
        unit_kinds=frozenset({UnitKind.WARD}),
        also_names=_PHU_QUOC,
    ),
    _commune_office(
        "phong-van-hoa-xa-hoi",
        "Phòng Văn hóa - Xã hội",
        "Office of Culture and Society",
        "culture_society",
    ),
)


def _fill(template: str, unit: Unit) -> str:
    return template.replace("{unit}", _lower(unit.name)).replace("{kind}", kind_word(unit))


def _province_code(territory: Territory, unit: Unit) -> str:
    """The code of the province containing ``unit`` on its last (or first) day."""
    if unit.valid_to is not None:
        day = unit.valid_to.toordinal() - 1
    elif unit.valid_from is not None:
        day = unit.valid_from.toordinal()
    else:
        day = REFORM.toordinal() - 1
    uid, top = unit.id, unit
    while (parent := territory._parent_id(uid, day)) is not None:
        uid = parent
        top = territory.get(parent)
    return top.code


def _minus(v: Validity, window: Validity) -> list[Validity]:
    """The days of ``v`` outside ``window`` (zero, one or two stretches)."""
    out = []
    if window.valid_from is not None:
        before = _intersect(v, Validity(valid_to=window.valid_from))
        if before is not None:
            out.append(before)
    if window.valid_to is not None:
        after = _intersect(v, Validity(valid_from=window.valid_to))
        if after is not None:
            out.append(after)
    return out


class Rulebook:
    """An ordered set of :class:`BodyRule` (the People's Committee and Council first) plus the
    council pilots; immutable. :meth:`derive` applies them to one unit.

    >>> len(STANDARD_RULES.rules), sorted(STANDARD_RULES.window_days())[-1]
    (21, datetime.date(2025, 7, 1))
    """

    __slots__ = ("_by_key", "_by_kind", "_named", "_pilots", "_rules")

    def __init__(
        self, rules: Iterable[BodyRule], pilots: Iterable[CouncilPilot] = COUNCIL_PILOTS
    ) -> None:
        self._rules = (PEOPLES_COMMITTEE, PEOPLES_COUNCIL, *rules)
        self._pilots = tuple(pilots)
        by_key: dict[str, list[BodyRule]] = {}
        for r in self._rules:
            by_key.setdefault(r.key, []).append(r)
        self._by_key = MappingProxyType({k: tuple(v) for k, v in by_key.items()})
        # the rules a unit of each kind matches, and the names that change that
        self._named = frozenset(n for r in self._rules for n in (*r.also_names, *r.except_names))
        self._by_kind = MappingProxyType(
            {
                kind: tuple(
                    r
                    for r in self._rules
                    if kind.level in r.levels and (not r.unit_kinds or kind in r.unit_kinds)
                )
                for kind in UnitKind
            }
        )

    @property
    def rules(self) -> tuple[BodyRule, ...]:
        """Every rule, the People's Committee's first."""
        return self._rules

    @property
    def pilots(self) -> tuple[CouncilPilot, ...]:
        """The council pilots."""
        return self._pilots

    def prefixes(self) -> frozenset[str]:
        """The id prefixes of derived organizations."""
        return frozenset(self._by_key)

    def levels(self) -> frozenset[Level]:
        """The levels of the units some rule gives a body."""
        return frozenset(lv for r in self._rules for lv in r.levels)

    def window_days(self) -> frozenset[date]:
        """The days on which a rule starts or stops applying (for :meth:`change_days`)."""
        days: set[date] = set()
        for w in (*(r.window for r in self._rules), *(p.window for p in self._pilots)):
            days.update(d for d in (w.valid_from, w.valid_to) if d is not None)
        return frozenset(days)

    def derive(
        self, territory: Territory, unit: Unit
    ) -> tuple[tuple[Organization, ...], tuple[Post, ...]]:
        """The organizations and head posts the rules give ``unit`` (over all its days)."""
        orgs: list[Organization] = []
        posts: list[Post] = []
        if unit.name in self._named:
            rules: Iterable[BodyRule] = (r for r in self._rules if r.applies(unit))
        else:
            rules = self._by_kind[unit.kind]
        for rule in rules:
            if rule is PEOPLES_COUNCIL:
                spans = self._council(territory, unit)
            else:
                v = _intersect(unit.validity, rule.window)
                spans = (
                    []
                    if v is None
                    else [(v, (*rule.sources, *rule.level_sources.get(unit.level, ())), True, None)]
                )
            for i, (v, sources, verified, note) in enumerate(spans):
                oid = f"{rule.key}:{unit.id}"
                if i:
                    oid = f"{oid}@{v.valid_from.isoformat() if v.valid_from else ''}"
                names = [_fill(t, unit) for t in rule.templates()]
                orgs.append(
                    Organization(
                        id=oid,
                        name=names[0],
                        name_en=rule.name_en,
                        kind=rule.kind,
                        unit_id=unit.id,
                        validity=v,
                        part_of=None if rule.part_of is None else f"{rule.part_of}:{unit.id}",
                        sector=rule.sector,
                        abbreviations=tuple(dict.fromkeys(names[1:])),
                        sources=sources,
                        verified=verified,
                        note=note,
                    )
                )
                kind, name, name_en, slug = rule.head
                head_sources = sources if rule.head_sources is None else rule.head_sources
                posts.append(_head_post(oid, kind, name, name_en, v, head_sources, slug=slug))
        return tuple(orgs), tuple(posts)

    def _council(
        self, territory: Territory, unit: Unit
    ) -> list[tuple[Validity, tuple[str, ...], bool, str | None]]:
        default = (
            (_NEW_COUNCIL_SOURCE,)
            if (unit.level is Level.COMMUNE and unit.valid_from == REFORM)
            else PEOPLES_COUNCIL.sources
        )
        if unit.level is Level.PROVINCE:
            return [(unit.validity, default, True, None)]
        code: str | None = None
        for pilot in self._pilots:
            if unit.kind not in pilot.unit_kinds and unit.kind not in pilot.unverified_kinds:
                continue
            if code is None:
                code = _province_code(territory, unit)
            if code != pilot.province_code:
                continue
            if unit.kind in pilot.unit_kinds:
                if _intersect(unit.validity, pilot.window) is None:
                    continue
                return [
                    (v, (pilot.source,), False, pilot.note)
                    for v in _minus(unit.validity, pilot.window)
                ]
            return [(unit.validity, default, False, pilot.unverified_note)]
        return [(unit.validity, default, True, None)]

    def rules_for_key(self, key: str) -> tuple[BodyRule, ...]:
        """The rules deriving ids that start with ``key:``."""
        return self._by_key.get(key, ())

    def matches(self, folded: str) -> Iterator[tuple[BodyRule, str, str]]:
        """``(rule, rest, slot)`` for every rule template whose fixed words start ``folded``
        (a :func:`~papi.text.fold`-ed name): ``rest`` is what stands for the unit ("" when
        the name has none, e.g. "Sở Nội vụ"), ``slot`` the template's placeholder
        (``"unit"``, ``"kind"`` or ``""``)."""
        for rule in self._rules:
            for template in rule.templates():
                fixed = fold(template.split("{", 1)[0])
                slot = "unit" if "{unit}" in template else "kind" if "{kind}" in template else ""
                if folded == fixed:
                    yield rule, "", slot
                elif slot and folded.startswith(fixed + " "):
                    yield rule, folded[len(fixed) + 1 :], slot


#: The rules papi applies to every territory (see the module docs).
STANDARD_RULES = Rulebook(_OTHER_RULES)
