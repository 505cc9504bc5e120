"""The law's own duties (papi/data/law/duties.toml), their index and the statute names:
they load onto the Hanoi model through selectors only, every assignment is cited, the
validity boundaries follow the law, unsourced competences answer with a warning, and every
name users say finds its topic or statute."""

from __future__ import annotations

import re
import tomllib
import unicodedata
import warnings
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi.datasets import hanoi_builder
from papi.duties import Role
from papi.errors import InvalidData, NotFound
from papi.governance import Governance
from papi.law import (
    HolderKind,
    add_law_duties,
    find_statute,
    law_duties_text,
    law_index,
    parse_law_index,
    parse_statute_names,
    statute_holder,
    statute_names,
)
from papi.rules import statute, statutes
from papi.territory import Level

DUTIES: Mapping[str, Any] = tomllib.loads(law_duties_text())
ASSIGNMENTS = {a["id"]: a for a in DUTIES["assignments"]}
TASKS = {t["id"]: t for t in DUTIES["tasks"]}
DOCUMENTS = {d["id"]: d for d in DUTIES["documents"]}
STATUTE_KEYS = {s.key for s in statutes()}

REFORM = date(2025, 7, 1)  # two-tier local government (Law 72/2025/QH15)
AMENDMENT = date(2026, 7, 1)  # Law 136/2025/QH15, Decrees 154-156/2026
INFORMATION_LAW = date(2026, 9, 1)  # the revised Law on Access to Information


@pytest.fixture(scope="module")
def gov() -> Governance:
    return add_law_duties(hanoi_builder()).build()


def _selectors(sel: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    yield sel
    if sel["type"] == "heads":
        yield from _selectors(sel["of"])


def _valid(a: Mapping[str, Any]) -> tuple[date | None, date | None]:
    v = a.get("valid", {})
    f, t = v.get("from"), v.get("to")
    return (date.fromisoformat(f) if f else None, date.fromisoformat(t) if t else None)


def _quiet(gov: Governance, subject: str, where: str, on: date) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # coverage warnings for days the data only estimates
        return gov.who(subject, where=where, on=on)


# ---------------------------------------------------------------- the data, statically


def test_selectors_never_list_a_unit() -> None:
    for a in ASSIGNMENTS.values():
        for sel in _selectors(a["selector"]):
            assert sel["type"] in ("heads", "committees", "unlisted"), a["id"]
            assert "within" not in sel, a["id"]


def test_every_assignment_is_cited() -> None:
    for a in ASSIGNMENTS.values():
        basis = a["basis"]
        assert basis["document"] in DOCUMENTS, a["id"]
        assert basis["reference"].strip(), a["id"]
        assert a.get("notes", "").strip(), f"{a['id']}: no source note"
        doc = DOCUMENTS[basis["document"]]
        assert doc.get("sources"), doc["id"]
        verified = doc.get("verified", True)
        # an article read in the codification names its code; anything else says why not
        assert (
            (verified and "PĐ Điều" in a["notes"])
            or not verified
            or any(w in a["notes"] for w in ("Decree", "UNSOURCED", "UNVERIFIED", "As law."))
        ), a["id"]


def test_unsourced_competences_never_name_anybody() -> None:
    for a in ASSIGNMENTS.values():
        if "UNSOURCED" in a["notes"]:
            assert a["selector"]["type"] == "unlisted", a["id"]
        if "UNVERIFIED" in a["notes"]:
            assert DOCUMENTS[a["basis"]["document"]].get("verified") is False, a["id"]


def test_every_note_has_its_vietnamese_text() -> None:
    """Every note of the law data is given in both languages, the markers included: an
    English ``UNSOURCED``/``UNVERIFIED`` note is ``CHƯA CÓ NGUỒN``/``CHƯA XÁC MINH`` in
    Vietnamese, and the codification's article codes (``PĐ Điều ...``) are kept."""
    records = [*DOCUMENTS.values(), *TASKS.values(), *ASSIGNMENTS.values()]
    noted = [r for r in records if "notes" in r]
    assert len(noted) >= 50
    for r in records:
        assert ("notes" in r) == ("notes_vi" in r), r["id"]
    for r in noted:
        en, vi = r["notes"], r["notes_vi"]
        assert vi.strip(), r["id"]
        assert unicodedata.is_normalized("NFC", vi), r["id"]
        assert en.startswith("UNSOURCED") == vi.startswith("CHƯA CÓ NGUỒN"), r["id"]
        assert en.startswith("UNVERIFIED") == vi.startswith("CHƯA XÁC MINH"), r["id"]
        codes = re.findall(r"PĐ Điều [\d.]+(?:LQ|NĐ)[\d.]+\d", en)
        assert codes == re.findall(r"PĐ Điều [\d.]+(?:LQ|NĐ)[\d.]+\d", vi), r["id"]


def test_notes_follow_the_language(gov: Governance) -> None:
    (a,) = [a for a in gov.assignments if a.id == "law.complaint.first.commune"]
    assert a.note("en") == a.notes
    assert a.note("vi") == a.notes_vi
    assert (a.note("vi") or "").startswith("PĐ Điều 18.1.LQ.17: Chủ tịch UBND cấp xã")
    doc = gov.documents["law:136/2025/QH15"]
    assert doc.note("vi") == doc.notes_vi != doc.notes
    # what was searched for an unsourced competence is told in the answer's language
    acc = _quiet(gov, "law.complaint.second.commune", "Phường Hoàn Kiếm", REFORM)
    (w,) = [w for w in acc.warnings if w.code == "competence_unsourced"]
    assert "Đã tra cứu: Khoản 2 Điều 18 giao Chủ tịch UBND cấp huyện" in w.text("vi")
    assert "Searched: Art. 18(2) made the district chairperson" in w.text("en")
    late = _quiet(gov, "law.complaint.second.commune", "Phường Hoàn Kiếm", AMENDMENT)
    (u,) = [w for w in late.warnings if w.code == "document_unverified"]
    assert u.text("vi").endswith(doc.notes_vi or "?")


def test_validity_follows_the_law() -> None:
    for a in ASSIGNMENTS.values():
        start, end = _valid(a)
        levels = {s.get("level") for s in _selectors(a["selector"])}
        if "district" in levels:  # the district tier ended with the two-tier reform
            assert end == REFORM, a["id"]
        doc = a["basis"]["document"]
        if doc == "law:42/2013/QH13":
            assert end in (REFORM, AMENDMENT), a["id"]
        if doc == "law:154/2026/ND-CP" or doc == "law:136/2025/QH15":
            assert start == AMENDMENT, a["id"]
        if doc == "law:104/2016/QH13":
            assert end in (REFORM, INFORMATION_LAW), a["id"]
        if doc == "law:access-information-2026":
            assert start == INFORMATION_LAW, a["id"]
        if doc == "law:61/2018/ND-CP":
            assert end == REFORM, a["id"]
        if doc == "law:118/2025/ND-CP":
            assert start == REFORM, a["id"]
        if start is not None and end is not None:
            assert start < end, a["id"]


def test_second_instance_above_a_commune_covers_every_day_once() -> None:
    spans = sorted(
        (
            _valid(ASSIGNMENTS[i])
            for i in law_index().instance("law.complaint.first.commune").second
        ),
        key=lambda s: s[0] or date.min,
    )
    assert spans == [
        (date(2012, 7, 1), REFORM),
        (REFORM, AMENDMENT),
        (AMENDMENT, None),
    ]


def test_index_and_names_match_the_duties_and_the_catalogue() -> None:
    index = law_index()
    names = statute_names()
    assert set(index.task_roles) == set(TASKS)
    for t in index.topics:
        assert set(t.tasks) <= set(TASKS), t.key
        assert set(t.statutes) <= STATUTE_KEYS, t.key
    assert set(names) == STATUTE_KEYS
    for sn in names.values():
        assert sn.holder in index.holders, sn.key
        assert sn.role in index.roles, sn.key
    for h in index.holders.values():
        assert set(h.tasks) <= set(TASKS), h.key
    for i in index.instances:
        assert ASSIGNMENTS[i.first]["task"] == "law.complaint.first"
        for s in i.second:
            assert ASSIGNMENTS[s]["task"].startswith("law.complaint.second."), s
    firsts = {a for a, v in ASSIGNMENTS.items() if v["task"] == "law.complaint.first"}
    assert {i.first for i in index.instances} == firsts
    # every deadline of a task is a statute of the catalogue, named in some topic
    in_topics = {k for t in index.topics for k in t.statutes}
    for t in TASKS.values():
        for d in t.get("deadlines", ()):
            assert d["statute"] in STATUTE_KEYS, t["id"]
            assert d["statute"] in in_topics, t["id"]


def test_new_roles_are_bilingual_and_encoded_by_a_plan_role() -> None:
    roles = law_index().roles
    assert {k for k, r in roles.items() if not r.new} == {"advise", "report"}
    for r in roles.values():
        assert r.name_vi
        assert r.name_en
        assert isinstance(r.plan_role, Role)
    assert roles["resolve_second"].label("vi") == "giải quyết lần hai"
    assert roles["accept"].label("en") == "accept"


def test_holders_are_posts_of_the_model() -> None:
    h = statute_holder("citizen_reception.province_chair")
    assert (h.kind, h.level, h.post) == (HolderKind.POST, "province", "chairperson")
    assert h.label("vi") == "Chủ tịch Ủy ban nhân dân cấp tỉnh"
    assert statute_holder("disclosure.timing").kind is HolderKind.ORGANIZATION
    assert statute_holder("complaint.second_instance").tasks[0] == "law.complaint.second.commune"
    assert statute_holder("complaint.limitation").kind is HolderKind.PARTY
    with pytest.raises(NotFound):
        statute_holder("complaint.third_instance")


# ---------------------------------------------------------------- names users say


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("khiếu nại", "complaint"),
        ("khieu nai", "complaint"),
        ("KHIẾU NẠI", "complaint"),
        (unicodedata.normalize("NFD", "khiếu nại"), "complaint"),
        ("complaint", "complaint"),
        ("khiếu nại lần hai", "complaint.second"),
        ("tố cáo", "denunciation"),
        ("to cao", "denunciation"),
        ("tiếp công dân", "citizen_reception"),
        ("tiep cong dan", "citizen_reception"),
        ("cung cấp thông tin", "information"),
        ("cung cap thong tin", "information"),
        ("access to information", "information"),
        ("công khai", "disclosure"),
        ("một cửa", "one_stop"),
        ("mot cua", "one_stop"),
        ("one-stop shop", "one_stop"),
        ("báo cáo định kỳ", "periodic_reports"),
    ],
)
def test_topic_names(text: str, topic: str) -> None:
    assert law_index().topic(text).key == topic


def test_unknown_topic_lists_the_closest() -> None:
    with pytest.raises(NotFound) as err:
        law_index().topic("khieu nai lan ba")
    assert "khiếu nại lần hai" in err.value.closest


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("khiếu nại lần đầu", "complaint.first_instance"),
        ("khieu nai lan dau", "complaint.first_instance"),
        ("thụ lý khiếu nại lần đầu", "complaint.first_instance.accept"),
        ("giải quyết tố cáo", "denunciation.resolve"),
        ("thời hiệu khiếu nại", "complaint.limitation"),
        ("xin lỗi và hẹn lại ngày trả kết quả", "one_stop.late_result_apology"),
        ("late result apology", "one_stop.late_result_apology"),
        ("tiếp công dân cấp xã", "citizen_reception.commune_chair"),
        ("report.annual", "report.annual"),
    ],
)
def test_statute_names(text: str, key: str) -> None:
    assert find_statute(text) == key


_ALL_NAMES = sorted((n, sn.key) for sn in statute_names().values() for n in sn.names)


@given(
    st.sampled_from(_ALL_NAMES),
    st.sampled_from([str.upper, str.lower, str.title, lambda s: s]),
    st.sampled_from(["NFC", "NFD"]),
)
def test_every_statute_name_resolves_in_any_case_and_form(
    pair: tuple[str, str], case: Any, form: Any
) -> None:
    name, key = pair
    assert find_statute(unicodedata.normalize(form, case(name))) == key


def test_every_named_statute_is_in_the_catalogue_on_some_day() -> None:
    for sn in statute_names().values():
        assert statute(sn.key).key == sn.key


# ---------------------------------------------------------------- loaders report problems


def test_bad_index_lists_every_problem() -> None:
    text = """schema = "papi.law-index/1"
[[roles]]
key = "accept"
name_vi = "thụ lý"
name_en = "accept"
plan_role = "boss"
new = true
[[tasks]]
id = "x"
roles = ["nope"]
[[holders]]
key = "h"
kind = "post"
name_vi = "a"
name_en = "b"
level = "hamlet"
[[topics]]
key = "a"
name_vi = "khiếu nại"
name_en = "x"
tasks = []
statutes = []
[[topics]]
key = "b"
name_vi = "KHIEU NAI"
name_en = "y"
tasks = []
statutes = []
[[instances]]
first = "f"
second = []
rule = "guess"
note_vi = "a"
note_en = "b"
"""
    with pytest.raises(InvalidData) as err:
        parse_law_index(text, source="i.toml")
    got = {(p.path, p.value) for p in err.value.problems}
    assert got == {
        ("i.toml: roles[0].plan_role", "boss"),
        ("i.toml: tasks[0].roles[0]", "nope"),
        ("i.toml: holders[0].level", "hamlet"),
        ("i.toml: holders[0].post", None),
        ("i.toml: topics[1]", "KHIEU NAI"),
        ("i.toml: instances[0].rule", "guess"),
    }


def test_bad_names_file() -> None:
    with pytest.raises(InvalidData) as err:
        parse_statute_names('{"schema": 2, "names": {"a": {"name_vi": "x"}}}')
    assert len(err.value.problems) == 5  # schema + 4 missing keys
    with pytest.raises(InvalidData):
        parse_statute_names("[]")


# ---------------------------------------------------------------- on the Hanoi model


COMMUNE_DUTIES = {
    "law.reception",
    "law.complaint.first",
    "law.denunciation.receive",
    "law.denunciation.resolve",
    "law.information.provide",
    "law.disclosure",
    "law.one_stop.receive",
    "law.one_stop.apology",
    "law.report.periodic",
}


def test_commune_duties_through_selectors(gov: Governance) -> None:
    d = gov.duties(of="ubnd:00070@2025-07-01", on=date(2026, 3, 1))
    assert {i.task for i in d.items if i.task.startswith("law.")} == COMMUNE_DUTIES
    # from 2026-09-01 the revised access-to-information law: nothing of Law 104/2016 remains
    later = gov.duties(of="ubnd:00070@2025-07-01", on=date(2026, 10, 1))
    assert {i.task for i in later.items if i.task.startswith("law.")} == COMMUNE_DUTIES - {
        "law.information.provide"
    }


def test_commune_chair_resolves_first_instance(gov: Governance) -> None:
    acc = _quiet(gov, "law.complaint.first", "Phường Hoàn Kiếm", date(2026, 3, 1))
    ward = [r for r in acc.responsible if r.organization.id == "ubnd:00070@2025-07-01"]
    assert [(r.role, r.post.name, r.basis.reference) for r in ward] == [
        (Role.LEAD, "Chủ tịch", "Điều 17")
    ]
    assert {d.statute for d in acc.deadlines} >= {
        "complaint.first_instance.accept",
        "complaint.first_instance",
    }


@pytest.mark.parametrize(
    ("where", "on", "expected", "warning"),
    [
        (
            "Phường Hàng Trống",
            date(2022, 9, 30),
            ("Ủy ban nhân dân quận Hoàn Kiếm", "khoản 2 Điều 18"),
            None,
        ),
        (
            "Phường Hàng Trống",
            date(2025, 6, 30),
            ("Ủy ban nhân dân quận Hoàn Kiếm", "khoản 2 Điều 18"),
            None,
        ),
        ("Phường Hoàn Kiếm", REFORM, None, "competence_unsourced"),
        ("Phường Hoàn Kiếm", date(2026, 6, 30), None, "competence_unsourced"),
        (
            "Phường Hoàn Kiếm",
            AMENDMENT,
            ("Ủy ban nhân dân thành phố Hà Nội", "(văn bản chưa đọc được)"),
            "document_unverified",
        ),
    ],
)
def test_second_instance_above_a_ward(
    gov: Governance, where: str, on: date, expected: tuple[str, str] | None, warning: str | None
) -> None:
    acc = _quiet(gov, "law.complaint.second.commune", where, on)
    got = [(r.organization.name, r.basis.reference) for r in acc.responsible]
    assert got == ([] if expected is None else [expected])
    assert all(r.post is not None and r.post.name == "Chủ tịch" for r in acc.responsible)
    if warning is not None:
        assert warning in {w.code for w in acc.warnings}


def test_reception_frequency_unsourced_from_2026_07_01(gov: Governance) -> None:
    before = _quiet(gov, "law.reception", "Phường Hoàn Kiếm", date(2026, 3, 1))
    assert any(d.due is not None for d in before.deadlines)
    after = _quiet(gov, "law.reception", "Phường Hoàn Kiếm", date(2026, 8, 3))
    assert "deadline_unknown" in {w.code for w in after.warnings}
    assert all(d.due is None for d in after.deadlines if d.applies_to == "commune")


@settings(max_examples=25)
@given(day=st.dates(min_value=date(2022, 1, 1), max_value=date(2027, 12, 31)), pick=st.randoms())
def test_every_commune_chair_is_its_own_first_instance(
    gov: Governance, day: date, pick: Any
) -> None:
    communes = gov.territory.units(level=Level.COMMUNE, on=day)
    unit = pick.choice(list(communes))
    acc = _quiet(gov, "law.complaint.first", unit.id, day)
    own = [r for r in acc.responsible if r.organization.id == f"ubnd:{unit.id}"]
    assert [(r.post.name, r.basis.document, r.basis.reference) for r in own] == [
        ("Chủ tịch", "law:02/2011/QH13", "Điều 17")
    ]
    # every entry names a document and an article
    assert all(r.basis.document and r.basis.reference for r in acc.responsible)
