"""papi.organizations over any territory: the bodies every unit has by rule (People's
Committee, council, chair; Decree 150/2025/NĐ-CP departments and commune offices; Decree
118/2025/NĐ-CP centres), name resolution as documents write names, change days, holders
files. Runs on synthetic territories shaped like the country's (the national data is built
elsewhere), so nothing here depends on it."""

from __future__ import annotations

import json
import unicodedata
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi.dates import Validity
from papi.errors import Ambiguous, InvalidData, NotFound
from papi.organizations import (
    STANDARD_RULES,
    Holding,
    Organizations,
    OrgKind,
    PostKind,
    hanoi_organizations,
    holdings_from_dict,
    read_holdings,
)
from papi.territory import Containment, Level, Succession, Territory, Unit, UnitKind

REFORM = date(2025, 7, 1)
OLD = Validity(valid_to=REFORM)
NEW = Validity(valid_from=REFORM)
BEFORE = date(2025, 6, 30)
AFTER = date(2026, 3, 1)

#: the twelve agencies of every province (Decree 150/2025/NĐ-CP art. 8), by sector
STANDARD_SECTORS = frozenset(
    {
        "home_affairs",
        "justice",
        "finance",
        "industry_trade",
        "agriculture_environment",
        "construction",
        "science_technology",
        "culture_sports_tourism",
        "education_training",
        "health",
        "inspection",
        "pc_office",
    }
)


def country(
    n_old: int = 4, n_new: int = 2, districts: int = 3, communes: int = 4, new_communes: int = 5
) -> Territory:
    """A small country before and after the reform: old provinces > districts > communes;
    new provinces > wards, xã and a special zone (one named Phú Quốc); every old unit
    succeeded by new ones."""
    units: list[Unit] = []
    links: list[Containment] = []
    succ: list[Succession] = []

    def unit(code: str, name: str, kind: UnitKind, v: Validity, parent: str | None) -> str:
        uid = code if v.valid_from is None else f"{code}@{REFORM.isoformat()}"
        units.append(Unit(id=uid, code=code, name=name, kind=kind, validity=v))
        if parent is not None:
            links.append(Containment(parent=parent, child=uid, validity=v))
        return uid

    new_p = [unit(f"N{i}", f"Tỉnh Mới {i}", UnitKind.PROVINCE, NEW, None) for i in range(n_new)]
    new_c: list[str] = []
    kinds = (UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)
    for i, p in enumerate(new_p):
        for j in range(new_communes):
            kind = kinds[j % 3]
            name = "Đặc khu Phú Quốc" if (i, j) == (0, 2) else f"{kind.value.title()} Mới {i}-{j}"
            new_c.append(unit(f"M{i}{j:02}", name, kind, NEW, p))
    old_p = []
    for i in range(n_old):
        kind = UnitKind.CENTRAL_CITY if i == 0 else UnitKind.PROVINCE
        word = "Thành phố" if i == 0 else "Tỉnh"
        p = unit(f"P{i}", f"{word} Cũ {i}", kind, OLD, None)
        old_p.append(p)
        succ.append(_succ(p, [new_p[i % n_new]], "202/2025/QH15"))
        for j in range(districts):
            d = unit(f"D{i}{j}", f"Huyện {i}-{j}", UnitKind.RURAL_DISTRICT, OLD, p)
            targets = [new_c[(i * districts + j) % len(new_c)]]
            succ.append(_succ(d, targets, "72/2025/QH15", "abolish_tier"))
            for k in range(communes):
                ckind = (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP)[k % 3]
                c = unit(f"C{i}{j}{k}", f"Xã Cũ {i}-{j}-{k}", ckind, OLD, d)
                succ.append(_succ(c, targets, "1656/NQ-UBTVQH15"))
    return Territory.build(units, links, succ, coverage=Validity(valid_from=date(2025, 1, 1)))


def _succ(old: str, new: list[str], act: str, kind: str = "merge") -> Succession:
    return Succession(
        predecessors=(old,), successors=tuple(new), effective=REFORM, act=act, kind=kind
    )


TERR = country()
ORGS = Organizations.build(TERR, rules=STANDARD_RULES)


def quiet(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


# ----------------------------------------------------------------------- properties
@settings(max_examples=40, deadline=None)
@given(
    shape=st.tuples(
        st.integers(1, 5),
        st.integers(1, 3),
        st.integers(1, 3),
        st.integers(1, 4),
        st.integers(3, 6),
    ),
    day=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
)
def test_every_unit_has_exactly_one_committee_each_day(
    shape: tuple[int, int, int, int, int], day: date
) -> None:
    terr = country(*shape)
    orgs = Organizations.build(terr, rules=STANDARD_RULES)
    units = quiet(terr.units, on=day)
    pcs = quiet(orgs.organizations, kind=OrgKind.PEOPLES_COMMITTEE, on=day)
    assert sorted(o.unit_id for o in pcs) == sorted(
        u.id for u in units if u.level is not Level.VILLAGE
    )
    for u in units:
        mine = [
            o
            for o in quiet(orgs.organizations, unit=u, on=day)
            if o.kind is OrgKind.PEOPLES_COMMITTEE
        ]
        assert len(mine) == 1
        head = quiet(orgs.head_post, mine[0], on=day)
        assert head is not None
        assert head.kind is PostKind.CHAIRPERSON
        assert quiet(orgs.committee_of, u, on=day) == mine[0]
    for o in quiet(orgs.organizations, on=day):
        assert o.sources, o.id  # every derived record cites its legal source
        assert terr.get(o.unit_id).exists_on(day)
        if o.part_of is not None:
            assert orgs.get(o.part_of).validity.contains(day)


@settings(max_examples=25, deadline=None)
@given(n_new=st.integers(1, 6), day=st.dates(min_value=REFORM, max_value=date(2030, 12, 31)))
def test_every_province_has_its_twelve_standard_agencies_from_the_reform(
    n_new: int, day: date
) -> None:
    terr = country(n_old=2, n_new=n_new, districts=1, communes=1, new_communes=3)
    orgs = Organizations.build(terr, rules=STANDARD_RULES)
    for p in terr.units(level=Level.PROVINCE, on=day):
        agencies = [
            o
            for o in orgs.organizations(unit=p, on=day)
            if o.kind in (OrgKind.DEPARTMENT, OrgKind.INSPECTORATE, OrgKind.PC_OFFICE)
        ]
        assert {o.sector for o in agencies} == STANDARD_SECTORS
        assert len(agencies) == 12
        assert all("150/2025/NĐ-CP" in o.sources[0] for o in agencies)
        (centre,) = [
            o for o in orgs.organizations(unit=p, on=day) if o.kind is OrgKind.SERVICE_CENTRE
        ]
        assert centre.part_of == f"vp-ubnd:{p.id}"  # under the PC Office (Decree 118/2025)
        assert "118/2025/NĐ-CP" in centre.sources[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for p in terr.units(level=Level.PROVINCE, on=BEFORE):
            assert not [
                o for o in orgs.organizations(unit=p, on=BEFORE) if o.kind is OrgKind.DEPARTMENT
            ]


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_derived_ids_are_stable(data: st.DataObject) -> None:
    """The same unit gives the same ids in two registries built apart, and get() on an id
    gives back the record (also after the per-unit cache forgot it)."""
    unit = data.draw(st.sampled_from(list(TERR)))
    other = Organizations.build(country(), rules=STANDARD_RULES)
    mine = [o for o in ORGS if o.unit_id == unit.id]
    assert [o.id for o in mine] == [o.id for o in other if o.unit_id == unit.id]
    assert all(o.id.endswith(f":{unit.id}") for o in mine)
    for o in mine:
        assert other.get(o.id) == o
    pc = f"ubnd:{unit.id}"
    assert other.post(f"{pc}/chu-tich").org_id == pc


def test_commune_offices_by_kind_of_commune() -> None:
    """Decree 150/2025/NĐ-CP: Phòng Kinh tế in xã and đặc khu, Phòng Kinh tế, Hạ tầng và Đô
    thị in phường and the đặc khu Phú Quốc; every commune its office, its Phòng Văn hóa - Xã
    hội and its service centre (Decree 118/2025/NĐ-CP)."""
    seen = set()
    for c in TERR.units(level=Level.COMMUNE, on=AFTER):
        names = {o.name for o in ORGS.organizations(unit=c, on=AFTER)}
        assert {"Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội"} <= names
        urban = c.kind is UnitKind.WARD or c.name == "Đặc khu Phú Quốc"
        economic = "Phòng Kinh tế, Hạ tầng và Đô thị" if urban else "Phòng Kinh tế"
        assert economic in names
        assert ("Phòng Kinh tế" in names) is not urban
        assert any(o.kind is OrgKind.SERVICE_CENTRE for o in ORGS.organizations(unit=c, on=AFTER))
        seen.add((c.kind, urban))
    assert (UnitKind.SPECIAL_ZONE, True) in seen
    assert (UnitKind.SPECIAL_ZONE, False) in seen
    old = quiet(TERR.units, level=Level.COMMUNE, on=BEFORE)
    assert all(len(quiet(ORGS.organizations, unit=c, on=BEFORE)) == 2 for c in old)  # PC, council


def test_districts_have_inspectorates_until_the_reform() -> None:
    for d in quiet(TERR.units, level=Level.DISTRICT, on=BEFORE):
        (tt,) = [
            o
            for o in quiet(ORGS.organizations, unit=d, on=BEFORE)
            if o.kind is OrgKind.INSPECTORATE
        ]
        assert tt.valid_to == REFORM
        assert tt.name == f"Thanh tra {d.name[0].lower()}{d.name[1:]}"


def test_committees_follow_their_units_and_superiors() -> None:
    old = ORGS.get("ubnd:C000")
    (new,) = ORGS.successors(old, on=AFTER)
    assert new.unit_id == TERR.successors("C000", on=AFTER)[0].id
    assert ORGS.superior(new, on=AFTER) == ORGS.get("ubnd:N0@2025-07-01")
    assert quiet(ORGS.superior, old, on=BEFORE) == ORGS.get("ubnd:D00")
    dept = ORGS.org("Sở Nội vụ", within="Tỉnh Mới 1", on=AFTER)
    assert ORGS.superior(dept, on=AFTER) == ORGS.get("ubnd:N1@2025-07-01")
    guided = ORGS.guides(dept, on=AFTER)
    assert {o.unit_id for o in guided} == {u.id for u in TERR.children("Tỉnh Mới 1", on=AFTER)}
    assert ORGS.guides(ORGS.committee_of("N1", on=AFTER) or "", on=AFTER) == ()


# ---------------------------------------------------------------------- names
def test_names_as_documents_write_them() -> None:
    assert ORGS.org("Sở Nội vụ", within="Tỉnh Mới 0", on=AFTER).id == "so-noi-vu:N0@2025-07-01"
    assert ORGS.org("Sở Nội vụ, Tỉnh Mới 0", on=AFTER).id == "so-noi-vu:N0@2025-07-01"
    assert ORGS.org("Sở Nội vụ tỉnh Mới 1", on=AFTER).id == "so-noi-vu:N1@2025-07-01"
    assert ORGS.org("Thanh tra tỉnh", within="Tỉnh Mới 1", on=AFTER).id == "thanh-tra:N1@2025-07-01"
    assert ORGS.org("Văn phòng UBND tỉnh", within="N0", on=AFTER).kind is OrgKind.PC_OFFICE
    # any form of the text: NFD, no diacritics, other case
    nfd = unicodedata.normalize("NFD", "UBND Phường Mới 0-0")
    for ref in (nfd, "ubnd phuong moi 0-0", "Ủy ban nhân dân phường Mới 0-0"):
        assert ORGS.org(ref, on=AFTER).id == "ubnd:M000@2025-07-01"
    # a commune's office, with the commune as context; the province's departments from it
    assert ORGS.org("Phòng Văn hóa - Xã hội", within="Phường Mới 0-0", on=AFTER).unit_id == (
        "M000@2025-07-01"
    )
    assert ORGS.org("Sở Y tế", within="Phường Mới 0-0", on=AFTER).unit_id == "N0@2025-07-01"
    # names with commas of their own, qualified by a unit after a further comma
    for ref in (
        "Sở Văn hóa, Thể thao và Du lịch, Tỉnh Mới 1",
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Mới 1",
    ):
        assert ORGS.org(ref, on=AFTER).id == "so-van-hoa-the-thao-du-lich:N1@2025-07-01"
    assert ORGS.org("UBND phường Mới 0-0, Tỉnh Mới 0", on=AFTER).id == "ubnd:M000@2025-07-01"
    with pytest.raises(NotFound):
        ORGS.org("Sở Nội vụ, Tỉnh Không Có", on=AFTER)
    # a bare kind word names a unit only in a context: "Thanh tra huyện" is every district's
    with pytest.raises(NotFound):
        quiet(ORGS.org, "Thanh tra huyện", on=BEFORE)
    assert quiet(ORGS.org, "Thanh tra huyện", within="Xã Cũ 1-2-0", on=BEFORE).id == "thanh-tra:D12"
    assert len(quiet(ORGS.find, "Thanh tra tỉnh", on=AFTER)) == 2  # the provinces' own alias
    # before the reform the old provinces have no derived departments
    with pytest.raises(NotFound):
        quiet(ORGS.org, "Sở Nội vụ", within="Tỉnh Cũ 1", on=BEFORE)


def test_ambiguous_names_list_candidates_with_their_province() -> None:
    with pytest.raises(Ambiguous) as err:
        ORGS.org("Sở Nội vụ", on=AFTER)
    assert len(err.value.candidates) == 2
    assert "so-noi-vu:N0@2025-07-01" in err.value.candidates[0]
    assert "Tỉnh Mới 0" in err.value.candidates[0]
    with pytest.raises(Ambiguous) as err2:
        ORGS.org("Phòng Văn hóa - Xã hội", on=AFTER)
    assert all("Tỉnh Mới" in c for c in err2.value.candidates)  # the commune and its province
    assert ORGS.find("Sở Nội vụ", on=BEFORE) == ()


def test_hanoi_names_documents_use() -> None:
    orgs = hanoi_organizations()
    for day in (date(2022, 9, 1), AFTER):
        assert orgs.org("Thanh tra thành phố", on=day).id == "thanh-tra:01"
        assert orgs.org("Văn phòng UBND thành phố", on=day).id == "vp-ubnd:01"
    assert orgs.org("Sở Nội vụ", within="Phường Hoàn Kiếm", on=AFTER).id == "so:noi-vu@2025-03-01"
    assert orgs.org("UBND phường Hoàn Kiếm", on=AFTER).id == "ubnd:00070@2025-07-01"
    assert orgs.org("Phòng Kinh tế, Hạ tầng và Đô thị, Phường Hoàn Kiếm", on=AFTER).kind is (
        OrgKind.OTHER
    )
    # Hanoi's curated agencies replace the derived ones: no second Sở Nội vụ, no "so-" ids
    assert not [o for o in orgs.organizations(unit="01", on=AFTER) if o.id.startswith("so-")]


# ----------------------------------------------------------------------- change days
def brute_change_days(orgs: Organizations) -> set[date]:
    days: set[date] = set()
    for o in orgs:
        for v in (o.validity, *(p.validity for p in orgs._posts_of_org(o))):
            days.update(d for d in (v.valid_from, v.valid_to) if d is not None)
    for held in orgs._holdings.values():
        for h in held:
            days.update(d for d in (h.validity.valid_from, h.validity.valid_to) if d is not None)
    for s in orgs.successions:
        days.update((s.effective, date.fromordinal(s.effective.toordinal() + 1)))
    return days


@pytest.mark.parametrize("which", ["hanoi", "synthetic"])
def test_change_days_cover_every_start_and_end(which: str) -> None:
    orgs = hanoi_organizations() if which == "hanoi" else ORGS
    days = orgs.change_days()
    assert list(days) == sorted(set(days))
    brute = brute_change_days(orgs)
    assert brute <= set(days)
    extra = set(days) - brute
    assert extra <= set(STANDARD_RULES.window_days()), extra


# ----------------------------------------------------------------------- holders
HOLDERS_TOML = """
schema = 1
[sources]
Q1 = "Decision 1/QĐ-TTg (2025-06-24), approval of the chair"

[[holdings]]
post = "ubnd:N0@2025-07-01/chu-tich"
person = "Nguyễn Văn A"
from = 2025-07-01
to = 2025-10-20
sources = ["Q1"]

[[holdings]]
post = "ubnd:N0@2025-07-01/chu-tich"
person = "Trần Văn B"
from = 2025-10-01
acting = true
source = "Notice 2/TB (2025-10-01)"

[[holdings]]
organization = "Sở Nội vụ, Tỉnh Mới 1"
person = "Lê Thị C"
from = 2025-07-01
source = "Decision 3/QĐ-UBND"
"""


def test_holders_file_toml_and_json(tmp_path: Path) -> None:
    path = tmp_path / "holders.toml"
    path.write_text(HOLDERS_TOML, encoding="utf-8")
    holdings = read_holdings(path, registry=ORGS)
    assert [h.post_id for h in holdings][-1] == "so-noi-vu:N1@2025-07-01/giam-doc"
    orgs = ORGS.with_holdings(holdings)
    chair = "ubnd:N0@2025-07-01/chu-tich"
    assert orgs.holder(chair, on=date(2025, 9, 1)).person == "Nguyễn Văn A"  # type: ignore[union-attr]
    acting = orgs.holder(chair, on=date(2025, 10, 5))
    assert acting is not None
    assert (acting.person, acting.acting) == ("Trần Văn B", True)
    assert [h.person for h in orgs.holders(chair, on=date(2025, 10, 5))] == [
        "Nguyễn Văn A",
        "Trần Văn B",
    ]
    assert holdings[0].sources == ("Decision 1/QĐ-TTg (2025-06-24), approval of the chair",)
    assert ORGS.holder(chair, on=AFTER) is None  # the original registry is unchanged
    assert date(2025, 10, 20) in orgs.change_days()
    # the same records as JSON
    data = {
        "schema": 1,
        "holdings": [
            {"post": chair, "person": "X", "from": "2025-07-01", "source": "s"},
            {"post": chair, "vacant": True, "from": "2026-01-01", "source": "s"},
        ],
    }
    jpath = tmp_path / "holders.json"
    jpath.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InvalidData, match="overlaps the holding of X"):
        ORGS.with_holdings(read_holdings(jpath))


def test_holders_file_problems_are_collected() -> None:
    data = {
        "schema": 2,
        "holdings": [
            {"post": "ubnd:N0@2025-07-01/chu-tich", "person": "A", "from": "2025-07-01"},
            {"person": "B", "from": "01/07/2025", "source": "s"},
            {"post": "p", "organization": "o", "person": "C", "source": "s", "colour": "red"},
            {"post": "p", "source": "s"},
        ],
    }
    with pytest.raises(InvalidData) as err:
        holdings_from_dict(data)
    paths = [p.path for p in err.value.problems]
    assert paths == [
        "holdings: schema",
        "holdings: holdings[0].source",
        "holdings: holdings[1].from",
        "holdings: holdings[2].colour",
        "holdings: holdings[2]",
        "holdings: holdings[3].person",
    ]
    with pytest.raises(InvalidData, match="unknown post"):
        ORGS.with_holdings(
            [Holding(post_id="ubnd:nope/chu-tich", person="A", validity=Validity(), sources=("s",))]
        )


@settings(max_examples=15, deadline=None)
@given(day=st.dates(min_value=date(2020, 3, 1), max_value=date(2027, 12, 31)))
def test_hanoi_units_have_exactly_one_committee_each_day(day: date) -> None:
    orgs = hanoi_organizations()
    units = orgs.territory.units(on=day)
    pcs = orgs.organizations(kind=OrgKind.PEOPLES_COMMITTEE, on=day)
    assert sorted(o.unit_id for o in pcs) == sorted(u.id for u in units)
    assert len({o.id for o in pcs}) == len(pcs)


def test_lazy_tables_are_built_once_across_threads() -> None:
    """Derived bodies, successions, change days and the graph are made on first use; threads
    asking at once get the same answers (one table each)."""
    from concurrent.futures import ThreadPoolExecutor

    orgs = Organizations.build(country(n_old=5, n_new=3), rules=STANDARD_RULES)

    def ask(i: int) -> tuple[object, ...]:
        day = AFTER if i % 2 else BEFORE
        return (
            quiet(lambda: tuple(o.id for o in orgs.organizations(on=day))),
            id(orgs.successions),
            id(orgs.change_days()),
            id(orgs.full_graph),
        )

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, range(16)))
    assert len({a for i, a in enumerate(answers) if i % 2}) == 1
    assert len({a for i, a in enumerate(answers) if not i % 2}) == 1


# ------------------------------------------------------------------ the whole country
@pytest.fixture(scope="module")
def vietnam_orgs() -> Organizations:
    from papi.territory import vietnam_territory

    return Organizations.build(vietnam_territory(), rules=STANDARD_RULES)


def test_the_whole_country_has_its_bodies(vietnam_orgs: Organizations) -> None:
    vn = vietnam_orgs.territory
    pcs = vietnam_orgs.organizations(kind=OrgKind.PEOPLES_COMMITTEE, on=AFTER)
    assert len(pcs) == 34 + 3321
    for p in vn.units(level=Level.PROVINCE, on=AFTER):
        sectors = {
            o.sector
            for o in vietnam_orgs.organizations(unit=p, on=AFTER)
            if o.kind in (OrgKind.DEPARTMENT, OrgKind.INSPECTORATE, OrgKind.PC_OFFICE)
        }
        assert sectors == STANDARD_SECTORS, p
    ward = vietnam_orgs.committee_of("Phường Hải Châu", on=AFTER)
    assert ward is not None
    assert vietnam_orgs.head_post(ward, on=AFTER) is not None
    city = vietnam_orgs.superior(ward, on=AFTER)
    assert city is not None
    assert city.name == "Ủy ban nhân dân thành phố Đà Nẵng"
    home = vietnam_orgs.org("Sở Nội vụ", within="Phường Hải Châu", on=AFTER)
    assert home == vietnam_orgs.org("Sở Nội vụ, Đà Nẵng", on=AFTER)
    assert home.unit_id == city.unit_id
    (pq,) = vn.find("Đặc khu Phú Quốc", on=AFTER)
    names = {o.name for o in vietnam_orgs.organizations(unit=pq, on=AFTER)}
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in names
    old = quiet(vietnam_orgs.committee_of, "Tỉnh Quảng Nam", on=BEFORE)
    assert [o.id for o in vietnam_orgs.successors(old or "", on=AFTER)] == [city.id]
