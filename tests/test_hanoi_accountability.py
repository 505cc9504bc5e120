"""The questions issue 5 must answer, on the packaged Hanoi data."""

from __future__ import annotations

import json
import random
import re
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import papi.io
from papi.datasets import hanoi
from papi.duties import Role
from papi.governance import Accountability, Governance

POST_REFORM = date(2026, 3, 1)
IN_2022 = date(2022, 9, 30)


@pytest.fixture(scope="module")
def gov() -> Governance:
    return hanoi()


@pytest.fixture(scope="module")
def d3_2026(gov: Governance) -> Accountability:
    return gov.who("D3", where="Phường Hoàn Kiếm", on=POST_REFORM)


@pytest.fixture(scope="module")
def d3_2022(gov: Governance) -> Accountability:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 2022 is inside the coverage (from 2020-03-01)
        return gov.who("D3", where="Phường Hàng Trống", on=IN_2022)


def _orgs(acc: Accountability, role: Role, *, direct: bool | None = None) -> set[str]:
    return {
        r.organization.name for r in acc.by_role(role) if direct is None or (not r.via) == direct
    }


def _schema() -> dict[str, object]:
    text = (resources.files("papi") / "data" / "schema" / "accountability-1.json").read_text()
    loaded = json.loads(text)
    assert isinstance(loaded, dict)
    return loaded


SCHEMA = _schema()

# ------------------------------------------------------------------ 2026: after the reform


def test_2026_ward_pc_implements(d3_2026: Accountability) -> None:
    assert d3_2026.where.name == "Phường Hoàn Kiếm"
    assert _orgs(d3_2026, Role.IMPLEMENT, direct=True) == {"Ủy ban nhân dân phường Hoàn Kiếm"}
    direct_tasks = {r.task for r in d3_2026.by_role(Role.IMPLEMENT) if not r.via}
    assert direct_tasks == {"T4", "T6", "T7", "T8", "T12"}


def test_2026_ward_chair_bears_full_responsibility(d3_2026: Accountability) -> None:
    acc = d3_2026.by_role(Role.ACCOUNTABLE)
    explicit = [r for r in acc if r.task == "T5" and not r.via]
    assert len(explicit) == 1
    chair = explicit[0]
    assert chair.organization.name == "Ủy ban nhân dân phường Hoàn Kiếm"
    assert chair.post is not None
    assert chair.post.name == "Chủ tịch"
    assert chair.holder is not None
    assert chair.holder.status == "unknown"
    assert chair.basis.document == "dispatch-3010-2022"
    assert chair.basis.reference == "¶4"
    assert chair.basis.principle is None
    # the người đứng đầu principle covers what the committee itself is assigned
    derived = {r.task for r in acc if r.basis.principle == "nguoi_dung_dau" and not r.via}
    assert {"T4", "T7", "T8", "T12"} <= derived


def test_2026_district_duties_pass_to_successors(d3_2026: Accountability) -> None:
    inherited = [r for r in d3_2026.by_role(Role.IMPLEMENT) if r.via]
    assert inherited, "the district PC's duties must reach the ward through succession"
    origins = {name for r in inherited for h in r.via for name in h.abolished}
    assert "Ủy ban nhân dân quận Hoàn Kiếm" in origins
    for r in inherited:
        assert r.organization.name == "Ủy ban nhân dân phường Hoàn Kiếm"
        for hop in r.via:
            assert hop.kind == "abolish_tier"
            assert hop.effective == date(2025, 7, 1)
            assert "72/2025/QH15" in hop.citation
            assert "51(3)" in hop.citation
    hk = [h for h in d3_2026.hops if h.abolished == ("Ủy ban nhân dân quận Hoàn Kiếm",)]
    assert len(hk) == 1
    assert "Ủy ban nhân dân phường Hoàn Kiếm" in hk[0].successors
    assert "Ủy ban nhân dân phường Cửa Nam" in hk[0].successors


def test_2026_no_district_pc_named_directly(d3_2026: Accountability) -> None:
    assert not any("quận" in r.organization.name for r in d3_2026.responsible)


def test_2026_escalation_reaches_city_chair(d3_2026: Accountability) -> None:
    steps = d3_2026.escalation
    assert [s.organization.name for s in steps] == [
        "Ủy ban nhân dân phường Hoàn Kiếm",
        "Ủy ban nhân dân thành phố Hà Nội",
    ]
    top = steps[-1]
    assert top.holder is not None
    assert top.holder.person == "Vũ Đại Thắng"


def test_2026_deadlines_are_current_and_cited(d3_2026: Accountability) -> None:
    dated = [d for d in d3_2026.deadlines if d.due is not None]
    assert dated
    assert all(d.due is not None and d.due >= POST_REFORM for d in dated)
    weekly = [d for d in dated if d.statute == "citizen_reception.commune_chair"]
    assert weekly
    assert weekly[0].due is not None
    assert weekly[0].due <= date(2026, 3, 8)
    assert weekly[0].citation is not None
    assert "42/2013/QH13" in weekly[0].citation
    # the district chair's reception rule ended with the district tier
    assert not any(d.statute == "citizen_reception.district_chair" for d in d3_2026.deadlines)
    assert any(d.statute == "complaint.first_instance" for d in d3_2026.deadlines)


def test_2026_warnings(d3_2026: Accountability) -> None:
    codes = {w.code for w in d3_2026.warnings}
    assert {"plan_period_over", "lead_unknown", "unlisted_holders", "date_unknown"} <= codes
    assert "coverage" not in codes


def test_2026_explain_both_languages(d3_2026: Accountability) -> None:
    en = d3_2026.explain("en")
    vi = d3_2026.explain("vi")
    for text in (en, vi):
        assert "Phường Hoàn Kiếm" in text
        assert "Vũ Đại Thắng" in text
        assert "3010/UBND-SNV" in text
        assert "Ủy ban nhân dân quận Hoàn Kiếm" in text
        assert "Ủy ban nhân dân quận Ba Đình" in text
        # the official post name, never a lower-cased committee name after a title
        assert "Chủ tịch Ủy ban nhân dân phường Hoàn Kiếm" in text
        assert "ủy ban nhân dân phường" not in text
    assert "Law 72/2025/QH15 art. 51(3)" in en
    assert "the district tier was abolished on 2025-07-01" in en
    assert "Chairperson of the People's Committee of Phường Hoàn Kiếm" in en
    assert "Dispatch 3010/UBND-SNV (date unknown): ¶4 (T4, T6, T7), ¶5 (T8), ¶9 (T12)" in en
    # Vietnamese text cites Vietnamese-style: khoản 3 Điều 51, not "art. 51(3)"
    assert "Luật 72/2025/QH15, khoản 3 Điều 51" in vi
    assert "Law " not in vi
    assert "art." not in vi
    assert "Art " not in vi
    assert "Luật 42/2013/QH13, điểm d khoản 2 Điều 15" in vi
    assert "cấp huyện đã bị bãi bỏ từ 01/07/2025" in vi
    assert "Chịu trách nhiệm toàn diện" in vi
    assert "người đứng đầu" in vi
    assert (
        "Công văn 3010/UBND-SNV (chưa rõ ngày ban hành): ¶4 (nhiệm vụ T4, T6, T7), "
        "¶5 (nhiệm vụ T8), ¶9 (nhiệm vụ T12)" in vi
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_2026_explain_lists_each_organization_once_per_role(
    d3_2026: Accountability, lang: str
) -> None:
    """One heading per (role, organization, post); each basis and predecessor shown once."""
    text = d3_2026.explain(lang)
    sections = text.split("\n- ")
    implement = next(s for s in sections if s.startswith(("Thực hiện", "Implement")))
    accountable = next(s for s in sections if s.startswith(("Chịu trách", "Accountable")))
    ward = "Ủy ban nhân dân phường Hoàn Kiếm"
    headings = [ln for ln in implement.splitlines()[1:] if not ln.lstrip().startswith("·")]
    assert len(headings) == 1
    assert ward in headings[0]
    # one line for the dispatch, one for what came from both abolished districts
    bullets = [ln for ln in implement.splitlines() if ln.lstrip().startswith("·")]
    assert len(bullets) == 2
    assert "Ba Đình" in bullets[1]
    assert "quận Hoàn Kiếm" in bullets[1]
    chair = [ln for ln in accountable.splitlines()[1:] if not ln.lstrip().startswith("·")]
    assert len(chair) == 1
    assert "Chủ tịch Ủy ban nhân dân phường Hoàn Kiếm" in chair[0]
    # explicit T5/T6 first, then the người đứng đầu line, then inherited
    bullets = [ln for ln in accountable.splitlines() if ln.lstrip().startswith("·")]
    assert len(bullets) == 3
    assert ("(nhiệm vụ T5, T6)" if lang == "vi" else "(T5, T6)") in bullets[0]
    assert "người đứng đầu" in bullets[1]
    assert "T4, T5, T6, T7, T8" in bullets[2]
    # but the JSON keeps every (task, basis, hop) entry
    inherited = [r for r in d3_2026.by_role(Role.IMPLEMENT) if r.via]
    assert {r.via[0].abolished[0] for r in inherited} == {
        "Ủy ban nhân dân quận Ba Đình",
        "Ủy ban nhân dân quận Hoàn Kiếm",
    }
    assert len(inherited) == 8  # T4, T6, T7, T8 from each of the two districts


# ------------------------------------------------------------------ 2022: before the reform


def test_2022_names_ward_and_district_committees(d3_2022: Accountability) -> None:
    assert _orgs(d3_2022, Role.IMPLEMENT) == {
        "Ủy ban nhân dân phường Hàng Trống",
        "Ủy ban nhân dân quận Hoàn Kiếm",
    }
    assert not d3_2022.hops


def test_2022_chairs_accountable_holders_unknown(d3_2022: Accountability) -> None:
    t5 = {r.organization.name: r for r in d3_2022.by_role(Role.ACCOUNTABLE) if r.task == "T5"}
    assert set(t5) == {"Ủy ban nhân dân phường Hàng Trống", "Ủy ban nhân dân quận Hoàn Kiếm"}
    for r in t5.values():
        assert r.post is not None
        assert r.post.name == "Chủ tịch"
        assert r.holder is not None
        assert r.holder.status == "unknown"


def test_2022_escalation(d3_2022: Accountability) -> None:
    names = [s.organization.name for s in d3_2022.escalation]
    assert names == [
        "Ủy ban nhân dân phường Hàng Trống",
        "Ủy ban nhân dân quận Hoàn Kiếm",
        "Ủy ban nhân dân thành phố Hà Nội",
    ]
    top = d3_2022.escalation[-1].holder
    assert top is not None
    assert top.person == "Trần Sỹ Thanh"
    assert top.since == date(2022, 7, 22)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_2022_explain_names_ward_and_district_chairs(d3_2022: Accountability, lang: str) -> None:
    text = d3_2022.explain(lang)
    ward_chair = text.index("Chủ tịch Ủy ban nhân dân phường Hàng Trống")
    district_chair = text.index("Chủ tịch Ủy ban nhân dân quận Hoàn Kiếm")
    assert ward_chair < district_chair  # nearest first, as on the escalation ladder
    assert "Trần Sỹ Thanh" in text
    assert "Ủy ban nhân dân thành phố Hà Nội" in text
    assert ("Thay đổi" if lang == "vi" else "Successions") not in text


def test_2022_plan_still_in_its_year(gov: Governance, d3_2022: Accountability) -> None:
    codes = {w.code for w in d3_2022.warnings}
    assert "plan_period_over" not in codes
    # a coverage notice exactly when the territory data does not vouch for the day
    assert ("coverage" in codes) == (not gov.territory.coverage.contains(IN_2022))


def test_2022_district_chair_reception_deadline(d3_2022: Accountability) -> None:
    statutes = {d.statute for d in d3_2022.deadlines}
    assert "citizen_reception.district_chair" in statutes
    assert "citizen_reception.commune_chair" in statutes


# ------------------------------------------------------------------ today


TODAY = date(2026, 11, 25)


def test_today_reception_duty_without_encoded_frequency_is_flagged(gov: Governance) -> None:
    """Law 136/2025/QH15 changed citizen reception from 2026-07-01 and its frequency is not
    sourced: T6 must not vanish silently from the answer."""
    acc = gov.who("D3", where="Phường Hoàn Kiếm", on=TODAY)
    flagged = [w for w in acc.warnings if w.code == "deadline_unknown"]
    # T7 too: information.simple from 2026-09-01 (revised Law on Access to Information, W6)
    assert sorted(w.message_en[:3] for w in flagged) == ["T6:", "T7:"]
    unknown = [w for w in flagged if w.message_en.startswith("T6: ")]
    assert unknown[0].message_vi.startswith("T6: ")
    assert "Access to Information" in flagged[1 - flagged.index(unknown[0])].message_en
    # the duty itself is still there, with its holders
    assert {r.task for r in acc.by_role(Role.IMPLEMENT)} >= {"T6"}
    assert any(r.task == "T6" for r in acc.by_role(Role.ACCOUNTABLE))
    # no weekly date is invented for it
    for d in acc.deadlines:
        if d.task == "T6":
            assert d.due is None
    for lang in ("vi", "en"):
        assert unknown[0].text(lang) in acc.explain(lang)
    agenda = gov.agenda(of="Phường Hoàn Kiếm", start=TODAY, end=date(2026, 12, 31))
    assert not [i for i in agenda.items if i.task == "T6"]
    assert "deadline_unknown" in {w.code for w in agenda.warnings}
    # before 2026-07-01 the weekly rule holds and nothing is flagged
    before = gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 6, 1))
    assert "deadline_unknown" not in {w.code for w in before.warnings}
    assert any(d.task == "T6" and d.due is not None for d in before.deadlines)


# ------------------------------------------------------------------ every duty reachable


WARD_2022 = "Ủy ban nhân dân phường Hàng Trống"
DISTRICT_2022 = "Ủy ban nhân dân quận Hoàn Kiếm"
T3_REPORTERS = {
    "Văn phòng Ủy ban nhân dân thành phố Hà Nội",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Thanh tra thành phố Hà Nội",
    "Sở Tư pháp",
    "Sở Tài nguyên và Môi trường",
}
PCS = {("implement", WARD_2022, None), ("implement", DISTRICT_2022, None)}
CHAIRS = {("accountable", WARD_2022, "Chủ tịch"), ("accountable", DISTRICT_2022, "Chủ tịch")}
#: shared/reference/hanoi-plan-2022.md, row by row: the paragraph of Dispatch 3010/UBND-SNV
#: and the explicit holders (role, organization, post) for a ward of the old Quận Hoàn Kiếm
#: on 2022-09-30 (the người đứng đầu entries come on top, checked separately).
REFERENCE: dict[str, tuple[str, set[tuple[str, str, str | None]]]] = {
    "T1": ("¶2", set()),  # departments named only in Plan 164's appendix
    "T2": ("¶2", set()),
    "T3": ("¶3", {("report", o, None) for o in T3_REPORTERS}),
    "T4": ("¶4", PCS),
    "T5": ("¶4", CHAIRS),
    "T6": ("¶4", PCS | CHAIRS),
    "T7": ("¶4", PCS),
    "T8": ("¶5", PCS),
    "T9": ("¶6", PCS),
    "T10": ("¶7", {("implement", WARD_2022, None)}),
    "T11": ("¶8", {("implement", WARD_2022, None)}),
    "T12": ("¶9", {("implement", WARD_2022, None)}),
}


@pytest.mark.parametrize("task", sorted(REFERENCE, key=lambda t: int(t[1:])))
def test_every_duty_reachable_with_basis(gov: Governance, task: str) -> None:
    """Each duty of the reference list, asked about by its id, names exactly its holders
    with the dispatch paragraph; T1/T2, whose holders are in a text we lack, say so with
    the same basis."""
    paragraph, holders = REFERENCE[task]
    t = gov.tasks[task]
    assert (t.document, t.reference) == ("dispatch-3010-2022", paragraph)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        acc = gov.who(task, where="Phường Hàng Trống", on=IN_2022)
    assert acc.subject.kind == "task"
    assert acc.subject.tasks == (task,)
    explicit = {
        (r.role.value, r.organization.name, r.post.name if r.post else None)
        for r in acc.responsible
        if r.basis.principle is None
    }
    assert explicit == holders
    for r in acc.responsible:
        assert (r.task, r.basis.document, r.basis.reference) == (
            task,
            "dispatch-3010-2022",
            paragraph,
        )
        assert not r.via  # 2022: no succession involved
    # the head answers for what the organization itself holds (người đứng đầu)
    derived = {r.organization.name for r in acc.responsible if r.basis.principle}
    assert derived == {o for role, o, post in holders if post is None} - {
        o for role, o, post in holders if role == "accountable"
    }
    if not holders:
        assert "No organization can be named from the data (see Warnings)." in acc.explain("en")
        unlisted = [w for w in acc.warnings if w.code == "unlisted_holders"]
        assert unlisted
        for w in unlisted:
            assert f"3010/UBND-SNV (date unknown), {paragraph}" in w.message_en
            assert "164/KH-UBND" in w.message_en
    # after the reform the same duty still reaches the ward's successor (T1/T2 still open)
    after = gov.who(task, where="Phường Hoàn Kiếm", on=POST_REFORM)
    assert bool(after.responsible) == bool(holders)
    assert all(r.basis.reference == paragraph for r in after.responsible)


@pytest.mark.parametrize("task", [f"T{i}" for i in range(4, 13)])
def test_every_committee_duty_in_the_ward_duties(gov: Governance, task: str) -> None:
    """duties() of the ward lists every duty the dispatch gives its People's Committee or
    chair, with the paragraph, before and after the reform."""
    paragraph = REFERENCE[task][0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        before = gov.duties(of="Phường Hàng Trống", on=IN_2022)
    after = gov.duties(of="Phường Hoàn Kiếm", on=POST_REFORM)
    for duties in (before, after):
        refs = {d.basis.reference for d in duties.items if d.task == task}
        assert refs == {paragraph}


def test_recurring_duties_with_rules_are_on_the_agenda(gov: Governance) -> None:
    """The duties with a deadline rule reach the agenda: T3 (Q3/2022 report), T6 (reception),
    T9 (monthly evaluation); T7's deadlines run from an event and are shown by who()."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        agenda = gov.agenda(start=date(2022, 9, 1), end=date(2022, 9, 30))
    assert {"T3", "T6", "T9"} <= {i.task for i in agenda.items}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t7 = gov.who("T7", where="Phường Hàng Trống", on=IN_2022)
    assert {d.statute for d in t7.deadlines} == {
        "complaint.first_instance.accept",
        "complaint.first_instance",
        "denunciation.screening",
        "denunciation.resolve",
        "information.simple",
    }
    assert all(d.due is None and d.citation for d in t7.deadlines)


def test_t3_q3_report_on_the_agenda(gov: Governance) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        agenda = gov.agenda(of="Sở Nội vụ", start=date(2022, 9, 1), end=date(2022, 9, 30))
    t3 = [i for i in agenda.items if i.task == "T3"]
    assert [i.due for i in t3] == [date(2022, 9, 14)]
    assert t3[0].citation is not None
    assert "09/2019" in t3[0].citation


def test_t3_report_passes_to_merged_department(gov: Governance) -> None:
    duties = gov.duties(of="Sở Nông nghiệp và Môi trường", on=POST_REFORM)
    t3 = [d for d in duties.items if d.task == "T3"]
    assert t3
    assert t3[0].via
    assert "Sở Tài nguyên và Môi trường" in t3[0].via[0].abolished


def test_agenda_expands_weekly_reception(gov: Governance) -> None:
    agenda = gov.agenda(of="Phường Hoàn Kiếm", start=date(2026, 3, 1), end=date(2026, 3, 31))
    weekly = [i.due for i in agenda.items if i.task == "T6"]
    assert len(weekly) in (4, 5)
    assert all(date(2026, 3, 1) <= d <= date(2026, 3, 31) for d in weekly)
    monthly = [i.due for i in agenda.items if i.task == "T9"]
    assert monthly == [date(2026, 3, 31)]


@pytest.mark.parametrize("day", [IN_2022, POST_REFORM, TODAY])
def test_gaps_report_what_the_documents_leave_open(gov: Governance, day: date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gaps = gov.gaps(on=day)
    # which agency leads which dimension is in Plan 164's appendix: every dimension is open
    no_lead = {g.subject for g in gaps.items if g.kind == "no_lead"}
    assert no_lead == {f"D{i}" for i in range(1, 9)}
    # T1/T2's holders are named only in that appendix
    nobody = {g.subject: g for g in gaps.items if g.kind == "selector_matches_nobody"}
    assert set(nobody) == {"T1.lead", "T1.advise", "T2.guide"}
    assert all(g.basis == "dispatch 3010/UBND-SNV (date unknown) ¶2" for g in nobody.values())
    # the district tier's duties have successors: nothing is orphaned
    assert "abolished_without_successor" not in gaps.kinds()
    # the packaged data names no ward or department head: every assigned duty lacks a person
    no_person = {g.subject for g in gaps.items if g.kind == "no_accountable_person"}
    assigned = {a.id for a in gov.assignments if not a.id.startswith(("T1.", "T2."))}
    assert no_person == assigned
    assert gaps.kinds() <= {
        "no_lead",
        "selector_matches_nobody",
        "no_accountable_person",
        "content_not_in_data",
        "no_head_post",
    }
    # T3 reports on the Appendix 1 tasks of Plan 164, which the dataset does not have
    [content] = [g for g in gaps.items if g.kind == "content_not_in_data"]
    assert content.subject == "T3"
    assert "Phụ lục 1" in content.message_en
    assert "164/KH-UBND" in content.message_en
    t3 = gov.who("T3", where="Phường Hoàn Kiếm", on=POST_REFORM)
    assert "content_not_in_data" in {w.code for w in t3.warnings}


def test_subject_by_name_and_relation(gov: Governance) -> None:
    by_name = gov.who(
        "Trách nhiệm giải trình với người dân", where="Phường Hoàn Kiếm", on=POST_REFORM
    )
    by_en = gov.who(
        "vertical accountability towards citizens", where="Phường Hoàn Kiếm", on=POST_REFORM
    )
    assert by_name.subject.code == by_en.subject.code == "D3"
    sub = gov.who("D3.1", where="Phường Hoàn Kiếm", on=POST_REFORM)
    assert set(sub.subject.tasks) == set(by_name.subject.tasks)


def test_unknown_subject_and_unit(gov: Governance) -> None:
    with pytest.raises(papi.NotFound):
        gov.who("D42", where="Phường Hoàn Kiếm", on=POST_REFORM)
    with pytest.raises(papi.NotFound):
        gov.who("D3", where="Phường Không Có", on=POST_REFORM)


def test_old_ward_answered_for_its_successor(gov: Governance) -> None:
    acc = gov.who("D3", where="Phường Hàng Bạc", on=POST_REFORM)
    assert acc.where.name == "Phường Hoàn Kiếm"
    assert "where_succeeded" in {w.code for w in acc.warnings}


# Phường Hàng Bạc (code 00061, not reused) merged into Phường Hoàn Kiếm on 2025-07-01
@pytest.mark.parametrize(
    "where", ["Phường Hàng Bạc", "Phường Hàng Bạc, Quận Hoàn Kiếm", "Hang Bac, Hoan Kiem", "00061"]
)
def test_old_unit_by_any_reference_is_followed_to_its_successor(
    gov: Governance, where: str
) -> None:
    """An old name qualified with its parent, its id or its (not reused) code is followed
    like a plain old name, and every answer says which unit answers and why."""
    plain = gov.who("D3", where="Phường Hoàn Kiếm", on=POST_REFORM)
    acc = gov.who("D3", where=where, on=POST_REFORM)
    assert acc.where == plain.where
    assert acc.responsible == plain.responsible
    hop = next(h for h in acc.hops if h.abolished == ("Phường Hàng Bạc",))
    assert hop.successors == ("Phường Hoàn Kiếm",)
    assert hop.effective == date(2025, 7, 1)
    notice = next(w for w in acc.warnings if w.code == "where_succeeded")
    assert notice.message_en.startswith(f"{where} no longer exists on 2026-03-01; answered for")
    assert "Phường Hàng Bạc succeeded by Phường Hoàn Kiếm on 2025-07-01" in notice.message_en
    assert "được kế thừa bởi Phường Hoàn Kiếm từ 01/07/2025" in notice.message_vi
    esc = gov.escalation(where=where, on=POST_REFORM)
    assert esc.where == plain.where
    assert esc.steps == gov.escalation(where="Phường Hoàn Kiếm", on=POST_REFORM).steps
    assert hop in esc.hops
    assert [w.code for w in esc.warnings] == ["where_succeeded"]
    assert esc.explain("en").splitlines()[0] == notice.message_en
    duties = gov.duties(of=where, on=POST_REFORM)
    assert duties.of == "Phường Hoàn Kiếm"
    assert duties.items == gov.duties(of="Phường Hoàn Kiếm", on=POST_REFORM).items
    assert [w.code for w in duties.warnings] == ["where_succeeded"]
    assert f"! {notice.message_en}" in duties.explain("en")
    assert type(esc).from_dict(esc.to_dict()) == esc  # the new fields survive JSON


def test_old_unit_object_is_followed_too(gov: Governance) -> None:
    old = gov.territory.get("00061")  # Phường Hàng Bạc, until 2025-07-01
    acc = gov.who("D3", where=old, on=POST_REFORM)
    assert acc.where.name == "Phường Hoàn Kiếm"
    assert "where_succeeded" in {w.code for w in acc.warnings}
    esc = gov.escalation(where=old, on=POST_REFORM)
    assert esc.where.name == "Phường Hoàn Kiếm"
    assert esc.hops


def test_unit_object_of_another_day_without_successor_is_refused(gov: Governance) -> None:
    new = gov.territory.get("00070@2025-07-01")  # Phường Hoàn Kiếm, from 2025-07-01
    with pytest.raises(papi.NotFound, match=r"on 2025-06-30 \(it exists \[2025-07-01"):
        gov.escalation(where=new, on=date(2025, 6, 30))


def test_a_unit_still_existing_is_answered_without_succession(gov: Governance) -> None:
    esc = gov.escalation(where="Phường Hoàn Kiếm", on=POST_REFORM)
    assert esc.hops == ()
    assert esc.warnings == ()
    assert esc.explain("en").splitlines()[0] == "Phường Hoàn Kiếm"
    assert gov.duties(of="Phường Hoàn Kiếm", on=POST_REFORM).warnings == ()


@pytest.mark.parametrize("where", ["Phường Minh Khai, Quận Hai Bà Trưng", "00295", "Cửa Đông"])
def test_old_unit_split_among_several_is_refused_naming_them(gov: Governance, where: str) -> None:
    with pytest.raises(papi.NotFound) as err:
        gov.who("D3", where=where, on=POST_REFORM)
    assert "it existed until 2025-07-01 and its territory passed to 2 units" in str(err.value)
    assert len(err.value.closest) == 2
    with pytest.raises(papi.NotFound):
        gov.escalation(where=where, on=POST_REFORM)
    with pytest.raises(papi.NotFound):
        gov.duties(of=where, on=POST_REFORM)


def test_old_ambiguous_name_lists_qualified_candidates(gov: Governance) -> None:
    with pytest.raises(papi.Ambiguous) as err:
        gov.who("D3", where="Minh Khai", on=POST_REFORM)
    assert "Phường Minh Khai, Quận Hai Bà Trưng (00295, until 2025-07-01)" in err.value.candidates
    assert "write its name with its parent as listed" in str(err.value)


# ------------------------------------------------------------------ JSON


@pytest.mark.parametrize("when", [POST_REFORM, IN_2022])
def test_json_validates_against_published_schema(gov: Governance, when: date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        acc = gov.who("D3", where="00070", on=when)
    data = json.loads(papi.io.dumps(acc))
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "papi.accountability/1"
    assert papi.io.loads(papi.io.dumps(acc)) == acc
    assert Accountability.from_dict(acc.to_dict()) == acc


def test_json_entries_have_the_portal_fields(d3_2026: Accountability) -> None:
    data = d3_2026.to_dict()
    for k in (
        "schema",
        "subject",
        "where",
        "on",
        "responsible",
        "escalation",
        "deadlines",
        "warnings",
    ):
        assert k in data
    for entry in data["responsible"]:
        assert {"role", "organization", "post", "holder", "basis", "via"} <= set(entry)


SUBJECTS = tuple(
    [el.code for el in hanoi().framework.elements()][:40]
    + [f"T{i}" for i in range(1, 13)]
    + ["Trách nhiệm giải trình với người dân", "public administrative procedures"]
)


@st.composite
def real_questions(draw: st.DrawFn) -> tuple[str, str, date]:
    """Any subject, any unit (commune, district or the city) existing on any day from the
    start of the territory data to 2027: every era of the model."""
    gov = hanoi()
    day = draw(st.dates(min_value=gov.territory.coverage.valid_from, max_value=date(2027, 12, 31)))
    units = gov.territory.units(on=day)
    unit = draw(st.sampled_from(units))
    return draw(st.sampled_from(SUBJECTS)), unit.id, day


@settings(max_examples=120, deadline=None)
@given(real_questions())
def test_real_answers_validate_and_round_trip(question: tuple[str, str, date]) -> None:
    subject, where, day = question
    gov = hanoi()
    acc = gov.who(subject, where=where, on=day)
    text = papi.io.dumps(acc)
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA)
    assert papi.io.loads(text) == acc
    assert Accountability.from_dict(data) == acc
    assert papi.io.dumps(papi.io.loads(text)) == text
    # what every answer promises
    assert acc.where.id == where
    assert acc.escalation[-1].organization.id == "ubnd:01"
    for r in acc.responsible:
        assert r.basis.document in gov.documents
        assert r.task in acc.subject.tasks
        assert all(h.effective <= day for h in r.via)
    for d in acc.deadlines:
        assert d.due is None or d.due >= day
    for lang in ("vi", "en"):
        assert acc.explain(lang).startswith(acc.subject.code)


# ------------------------------------------------------------------ threads


def _thread_questions(gov: Governance) -> list[tuple[str, tuple[object, ...]]]:
    """Varied questions over every era: who (dimensions, sub-dimensions, tasks, names) for
    wards, districts and the city; duties, agenda, escalation, gaps, overdue."""
    days = [
        date(2020, 6, 1),
        IN_2022,
        date(2025, 3, 1),
        date(2025, 6, 30),
        POST_REFORM,
        TODAY,
    ]
    subjects = ["D3", "D5", "D2.1", "T3", "T6", "T9", "Công khai, minh bạch"]
    out: list[tuple[str, tuple[object, ...]]] = []
    for day in days:
        places = [u.id for u in gov.territory.units(on=day)][::37]  # a spread of units
        for i, place in enumerate(places):
            out.append(("who", (subjects[i % len(subjects)], place, day)))
        out.append(("duties", (places[1], day)))
        out.append(("escalation", (places[-1], day)))
        out.append(("gaps", (day,)))
        out.append(("overdue", (day,)))
        out.append(("agenda", (places[2], day)))
    return out


def _ask(gov: Governance, question: tuple[str, tuple[object, ...]]) -> str:
    kind, args = question
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == "who":
            subject, where, day = args
            answer: object = gov.who(str(subject), where=where, on=day)  # type: ignore[arg-type]
        elif kind == "duties":
            answer = gov.duties(of=args[0], on=args[1])  # type: ignore[arg-type]
        elif kind == "escalation":
            answer = gov.escalation(where=args[0], on=args[1])  # type: ignore[arg-type]
        elif kind == "gaps":
            answer = gov.gaps(on=args[0])  # type: ignore[arg-type]
        elif kind == "overdue":
            answer = gov.overdue(on=args[0])  # type: ignore[arg-type]
        else:
            day = args[1]
            answer = gov.agenda(of=args[0], start=day, end=day + timedelta(days=45))  # type: ignore[operator]
    return papi.io.dumps(answer)


def test_queries_from_many_threads_equal_single_threaded_answers(gov: Governance) -> None:
    """A fresh model asked by 16 threads at once, each in its own order, over every era
    and every query type, gives byte-for-byte the answers of a single-threaded model."""
    questions = _thread_questions(gov)
    assert len(questions) > 100
    single = hanoi().builder().build()  # nothing memoised yet
    expected = {q: _ask(single, q) for q in questions}
    racing = hanoi().builder().build()
    threads = 16
    barrier = threading.Barrier(threads)

    def worker(seed: int) -> list[tuple[tuple[str, tuple[object, ...]], str]]:
        order = list(questions)
        random.Random(seed).shuffle(order)
        barrier.wait()  # start together, so the lazily derived indexes are raced for
        return [(q, _ask(racing, q)) for q in order]

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(worker, range(threads)))
    for got in results:
        assert len(got) == len(questions)
        for q, text in got:
            assert text == expected[q], q
    # and the shared model still answers as a fresh one (nothing was corrupted)
    again = hanoi().builder().build()
    for q in questions[::7]:
        assert _ask(racing, q) == _ask(again, q)


@pytest.mark.parametrize("page", ["concepts.md", "accountability.md"])
def test_docs_examples_run(page: str) -> None:
    import doctest
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "docs" / page
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_split_ward_names_its_successors(gov: Governance) -> None:
    """Phường Hàng Trống was divided between two new wards on 2025-07-01: the question is
    sent back with both names instead of picking one."""
    with pytest.raises(papi.NotFound) as info:
        gov.who("D3", where="Phường Hàng Trống", on=POST_REFORM)
    assert set(info.value.closest) == {"Phường Hoàn Kiếm", "Phường Cửa Nam"}
    assert "ask about one of them" in str(info.value)


@pytest.mark.parametrize("day", [IN_2022, POST_REFORM, TODAY])
def test_every_answer_type_round_trips(gov: Governance, day: date) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        answers = [
            gov.duties(of="Ủy ban nhân dân thành phố Hà Nội", on=day),
            gov.agenda(start=day, end=day + timedelta(days=120)),
            gov.overdue(on=day),
            gov.escalation(where="01", on=day),
            gov.gaps(on=day),
        ]
    for answer in answers:
        text = papi.io.dumps(answer)
        back = papi.io.loads(text)
        assert back == answer
        assert type(back) is type(answer)
        assert papi.io.dumps(back) == text


def test_agenda_text_cites_in_each_language_and_shows_warnings(gov: Governance) -> None:
    agenda = gov.agenda(of="Phường Hoàn Kiếm", start=date(2026, 6, 20), end=date(2026, 7, 10))
    vi, en = agenda.explain("vi"), agenda.explain("en")
    assert "26/06/2026 nhiệm vụ T6" in vi  # a bare "T6" would read as Thứ Sáu
    assert "Luật 42/2013/QH13, điểm d khoản 2 Điều 15" in vi
    assert "Công văn 3010/UBND-SNV, ¶6" in vi
    assert "Dispatch 3010/UBND-SNV, ¶6" in en
    assert "Law " not in vi
    for text, lang in ((vi, "vi"), (en, "en")):
        for w in agenda.warnings:
            assert w.text(lang) in text
    assert [w.code for w in agenda.warnings] == ["deadline_unknown"]


# ------------------------------------------------------------------ English texts

_EN_POST = re.compile(
    r"\b(?:Chairperson|Vice[- ]?Chairperson|Chairman|Director|Head|Secretary|President)"
    r"\s+(?:of\s+)?(?:ủy|uỷ)\s+ban",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("where", "on"),
    [
        ("Phường Hoàn Kiếm", POST_REFORM),
        ("Xã Phú Sơn, Huyện Ba Vì", date(2025, 6, 30)),
        ("Quận Hoàn Kiếm", date(2025, 6, 30)),
        ("Thành phố Hà Nội", POST_REFORM),
    ],
)
def test_english_explain_glosses_posts_and_keeps_official_names(
    gov: Governance, where: str, on: date
) -> None:
    """In English, a post reads "Chairperson of the People's Committee of <unit>
    (<official Vietnamese name>)": never an English title followed by a lower-cased
    "ủy ban" (who, duties and escalation alike)."""
    texts = {
        "who": gov.who("D3", where=where, on=on).explain("en"),
        "duties": gov.duties(of=where, on=on).explain("en"),
        "escalation": gov.escalation(where=where, on=on).explain("en"),
    }
    for name, text in texts.items():
        assert not _EN_POST.search(text), (name, _EN_POST.search(text))
        assert "ủy ban" not in text, name  # official names are capitalised: "Ủy ban"
        assert "Chủ tịch of" not in text, name  # a post without its English title
    if where == "Phường Hoàn Kiếm":
        full = (
            "Chairperson of the People's Committee of Phường Hoàn Kiếm "
            "(Chủ tịch Ủy ban nhân dân phường Hoàn Kiếm)"
        )
        assert full in texts["who"]
        assert full in texts["duties"]
        assert (
            "1. The People's Committee of Phường Hoàn Kiếm (Ủy ban nhân dân phường Hoàn Kiếm)"
            " — Chairperson: " in texts["escalation"]
        )
