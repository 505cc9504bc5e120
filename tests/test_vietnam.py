"""The whole country as one model (papi.vietnam()): the done-when checks of issue 10 for the
entry points, coverage per province, organizations named with a context, and the CLI default."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import warnings
from datetime import date
from pathlib import Path

import pytest

import papi
from papi.duties import CommitteesOf, HeadsOf
from papi.errors import Ambiguous, CoverageWarning
from papi.governance import Governance, _indexes
from papi.organizations import OrgKind
from papi.territory import Level

BEFORE, AFTER = date(2025, 6, 30), date(2026, 3, 1)
REFORM = date(2025, 7, 1)
SRC = Path(__file__).resolve().parent.parent / "src"
#: the twelve agencies of every province from 2025-07-01 (Decree 150/2025/NĐ-CP art. 8)
STANDARD = {
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Sở Khoa học và Công nghệ",
    "Sở Nội vụ",
    "Sở Nông nghiệp và Môi trường",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Xây dựng",
    "Sở Y tế",
}


@pytest.fixture(scope="module")
def vn() -> Governance:
    return papi.vietnam()


def test_vietnam_is_built_once_and_shared_between_threads(vn: Governance) -> None:
    seen: list[Governance] = []
    threads = [threading.Thread(target=lambda: seen.append(papi.vietnam())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g is vn for g in seen)
    assert papi.vietnam_builder is papi.datasets.vietnam_builder


def test_the_territory_counts(vn: Governance) -> None:
    terr = vn.territory
    counts = {
        (level, day): len(terr.units(level=level, on=day))
        for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)
        for day in (BEFORE, AFTER)
    }
    assert counts[(Level.PROVINCE, BEFORE)] == 63
    assert counts[(Level.DISTRICT, BEFORE)] == 696
    assert counts[(Level.COMMUNE, BEFORE)] == 10_035
    assert counts[(Level.PROVINCE, AFTER)] == 34
    assert counts[(Level.DISTRICT, AFTER)] == 0
    assert counts[(Level.COMMUNE, AFTER)] == 3_321


def test_quang_nam_succeeds_to_da_nang(vn: Governance) -> None:
    assert vn.territory.unit("Tỉnh Quảng Nam", on=BEFORE).exists_on(BEFORE)
    assert [u.name for u in vn.territory.successors("Tỉnh Quảng Nam", on=AFTER)] == [
        "Thành phố Đà Nẵng"
    ]
    # a question about the old province is answered for its successor
    acc = vn.who("D3", where="Tỉnh Quảng Nam", on=AFTER)
    assert acc.where.name == "Thành phố Đà Nẵng"
    assert "where_succeeded" in {w.code for w in acc.warnings}


def test_who_in_hai_chau_names_the_ward_and_escalates_to_da_nang(vn: Governance) -> None:
    acc = vn.who("D3", where="Phường Hải Châu", on=AFTER)
    assert acc.where.name == "Phường Hải Châu"
    ladder = [(s.organization.name, s.post.name if s.post else None) for s in acc.escalation]
    assert ladder == [
        ("Ủy ban nhân dân phường Hải Châu", "Chủ tịch"),
        ("Ủy ban nhân dân thành phố Đà Nẵng", "Chủ tịch"),
    ]
    held = {(r.organization.name, r.post.name if r.post else None) for r in acc.responsible}
    assert ("Ủy ban nhân dân phường Hải Châu", None) in held
    assert ("Ủy ban nhân dân phường Hải Châu", "Chủ tịch") in held
    assert ("Ủy ban nhân dân thành phố Đà Nẵng", "Chủ tịch") in held
    # Hanoi's plan reaches only Hanoi
    assert all(r.task.startswith("law.") for r in acc.responsible)
    # Đà Nẵng is vouched for on that day: no coverage notice; and what Hanoi's plan leaves
    # open (its appendix, its period, its dispatch's date) is not said about Đà Nẵng
    codes = {w.code for w in acc.warnings}
    assert not codes & {"coverage", "plan_period_over", "date_unknown", "focal_agency"}
    assert not [w for w in acc.warnings if "164/KH-UBND" in w.message_en]
    hanoi = vn.who("D3", where="Phường Hoàn Kiếm", on=AFTER)
    assert {"plan_period_over", "date_unknown"} <= {w.code for w in hanoi.warnings}
    assert [w for w in hanoi.warnings if "164/KH-UBND" in w.message_en]


def test_coverage_is_per_province(vn: Governance) -> None:
    day = date(2022, 9, 30)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        hanoi = vn.who("D3", where="Phường Hàng Trống", on=day)
    assert "coverage" not in {w.code for w in hanoi.warnings}
    assert not [w for w in caught if issubclass(w.category, CoverageWarning)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        # the national timeline starts on 2020-01-01 (the statistics office's first list)
        da_nang = vn.who("D3", where="Quận Hải Châu", on=date(2019, 6, 1))
    assert "coverage" in {w.code for w in da_nang.warnings}


def test_hanoi_answers_on_the_national_model_hold_hanoi_s_plan(vn: Governance) -> None:
    hn = papi.hanoi()
    for subject, place, day in (
        ("T6", "Phường Hàng Trống", date(2022, 9, 30)),
        ("D3", "Phường Hoàn Kiếm", AFTER),
        ("D8", "Quận Hoàn Kiếm", date(2024, 3, 1)),
        ("D3", "Thành phố Hà Nội", AFTER),
    ):
        national = vn.who(subject, where=place, on=day)
        own = hn.who(subject, where=place, on=day)
        assert [r for r in national.responsible if not r.task.startswith("law.")] == [
            r for r in own.responsible if not r.task.startswith("law.")
        ], (subject, place, day)
        assert national.escalation == own.escalation


@pytest.mark.parametrize("day", [REFORM, AFTER])
def test_every_province_has_its_standard_agencies(vn: Governance, day: date) -> None:
    orgs = vn.organizations
    provinces = vn.territory.units(level=Level.PROVINCE, on=day)
    assert len(provinces) == 34
    for p in provinces:
        mine = orgs.organizations(unit=p, on=day)
        departments = {o.name for o in mine if o.kind is OrgKind.DEPARTMENT}
        kinds = [o.kind for o in mine]
        assert kinds.count(OrgKind.INSPECTORATE) == 1, p
        assert kinds.count(OrgKind.PC_OFFICE) == 1, p
        if p.code == "01":  # Hanoi's curated departments win
            assert len(departments) == 13
        else:
            assert departments == STANDARD, p
        assert orgs.committee_of(p, on=day) is not None


def test_duties_of_the_city_inspectorate(vn: Governance) -> None:
    day = date(2022, 9, 1)
    own = papi.hanoi().duties(of="Thanh tra thành phố", on=day)
    assert own.of == "Thanh tra thành phố Hà Nội"
    assert own.items
    with_context = vn.duties(of="Thanh tra thành phố", within="Hà Nội", on=day)
    qualified = vn.duties(of="Thanh tra thành phố, Hà Nội", on=day)
    assert with_context.items == qualified.items
    # the plan's duties, and the law's of a provincial specialised agency's head (Law
    # 02/2011/QH13 art. 20, Law 25/2018/QH14 art. 13(3), Law 42/2013/QH13 art. 18(2))
    assert tuple(i for i in with_context.items if not i.task.startswith("law.")) == own.items
    assert {i.task for i in with_context.items if i.task.startswith("law.")} == {
        "law.complaint.first",
        "law.complaint.second.department",
        "law.denunciation.resolve",
        "law.reception.agency",
    }
    assert with_context.warnings == ()
    # before the reform only Hanoi's city inspectorate is in the data (by name, it is unique)
    assert vn.duties(of="Thanh tra thành phố", on=day).items == with_context.items
    # after it, every centrally-run city has one: the name needs a context
    with pytest.raises(Ambiguous) as err:
        vn.duties(of="Thanh tra thành phố", on=AFTER)
    assert any("Đà Nẵng" in c for c in err.value.candidates)
    dn = vn.duties(of="Thanh tra thành phố", within="Phường Hải Châu", on=AFTER)
    assert dn.of == "Thanh tra thành phố Đà Nẵng"


def test_committee_selectors_resolved_per_unit_agree_with_the_whole(vn: Governance) -> None:
    ctx = vn._ctx
    for sel in (
        CommitteesOf(level="commune", within="48"),
        HeadsOf(of=CommitteesOf(level="province")),
    ):
        index = _indexes.by_unit(ctx, sel, AFTER, None)
        whole = vn.resolve(sel, on=AFTER)
        assert dict(index) == {h.org.unit_id: (h,) for h in whole}
        assert all(h.org.unit_id in index for h in whole)
    index = _indexes.by_unit(ctx, CommitteesOf(level="commune", within="48"), AFTER, None)
    assert "01" not in index
    assert None not in index


def test_cli_answers_for_any_commune_by_default() -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "papi",
            "who",
            "D3",
            "--where",
            "Phường Hải Châu",
            "--on",
            "2026-03-01",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Ủy ban nhân dân phường Hải Châu" in done.stdout
    flat = " ".join(done.stdout.split())
    assert "Ủy ban nhân dân thành phố Đà Nẵng" in flat
