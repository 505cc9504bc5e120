"""Governance answers through the public queries, where issue 12's mutation runs found that
a change could pass unnoticed (or that an answer depended on what was asked before)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from papi.datasets import hanoi, hanoi_builder
from papi.errors import InvalidData
from papi.governance import Governance
from papi.io import load_plan
from papi.law import add_law_duties

POST_REFORM = date(2026, 3, 1)


def test_a_unit_and_a_string_equal_to_its_id_are_answered_apart() -> None:
    """Phường Hàng Bạc (id and NSO code 00061) merged into Phường Hoàn Kiếm on 2025-07-01.
    Asked as a unit object, the notice names it; asked as ``"00061"``, it repeats the code:
    the answer must not depend on which was asked first (the answer store once keyed both
    by ``"00061"``)."""
    gov = hanoi().builder().build()  # a store of its own
    old = gov.territory.get("00061")
    by_unit = gov.who("D3", where=old, on=POST_REFORM)
    by_code = gov.who("D3", where="00061", on=POST_REFORM)
    fresh = hanoi().builder().build().who("D3", where="00061", on=POST_REFORM)
    assert by_code == fresh
    (notice,) = [w for w in by_code.warnings if w.code == "where_succeeded"]
    assert notice.message_en.startswith("00061 no longer exists on 2026-03-01")
    (notice,) = [w for w in by_unit.warnings if w.code == "where_succeeded"]
    assert notice.message_en.startswith("Phường Hàng Bạc no longer exists on 2026-03-01")
    assert gov.who("D3", where=old, on=POST_REFORM) == by_unit


# ---- case: each step's names, role, legal basis and period (Hanoi, with the law's duties) ----

RECEIVED = date(2026, 3, 2)  # a Monday


@cache
def with_law() -> Governance:
    return add_law_duties(hanoi_builder()).build()


def _steps(kind: str, **kw: Any) -> list[tuple[object, ...]]:
    c = with_law().case(kind, where="Phường Hoàn Kiếm", received=RECEIVED, **kw)
    return [(s.key, s.name_en, s.role, s.statute, s.citation, s.n, s.unit, s.due) for s in c.steps]


def test_a_complaint_step_by_step() -> None:
    """Law 02/2011/QH13: accepted within 10 working days (Art 27), resolved within 30 days
    of acceptance (Art 28); a second complaint may be filed within 30 days (Art 33), accepted
    within 10 working days (Art 36(1)) and resolved within 45 days (Art 37)."""
    assert _steps("complaint") == [
        (
            "accept",
            "accept the first complaint",
            "accept",
            "complaint.first_instance.accept",
            "Law 02/2011/QH13, Art 27",
            10,
            "working_days",
            date(2026, 3, 16),
        ),
        (
            "resolve",
            "resolve the first complaint",
            "resolve",
            "complaint.first_instance",
            "Law 02/2011/QH13, Art 28",
            30,
            "calendar_days",
            date(2026, 4, 15),
        ),
        (
            "file_second",
            "last day to file a second complaint (or sue)",
            "file",
            "complaint.second_instance.filing",
            "Law 02/2011/QH13, Art 33",
            30,
            "calendar_days",
            date(2026, 5, 15),
        ),
        # the second instance above a commune chairperson from 2025-07-01 to 2026-06-30: the
        # provincial chairperson (Decree 141/2025/NĐ-CP, unverified), on the filing day
        (
            "second_accept",
            "accept the second complaint",
            "accept",
            "complaint.second_instance.accept",
            "Law 02/2011/QH13, Art 36(1)",
            10,
            "working_days",
            date(2026, 5, 29),
        ),
        (
            "second_resolve",
            "resolve the second complaint",
            "resolve_second",
            "complaint.second_instance",
            "Law 02/2011/QH13, Art 37",
            45,
            "calendar_days",
            date(2026, 7, 13),
        ),
    ]
    c = with_law().case("complaint", where="Phường Hoàn Kiếm", received=RECEIVED)
    for key in ("accept", "resolve"):  # the ward's chairperson, for both first-instance steps
        step = c.step(key)
        assert step.post is not None
        assert step.post.name == "Chủ tịch"
        assert step.organization is not None
        assert step.organization.id == "ubnd:00070@2025-07-01"
    assert c.step("file_second").organization is None  # the complainant acts


def test_a_denunciation_step_by_step() -> None:
    """Law 25/2018/QH14: screened within 7 working days (Art 24(1)), forwarded within 5
    (Art 24(2)), acceptance notified within 5 (Art 29(3)), resolved within 30 days (Art 30)."""
    assert _steps("denunciation") == [
        (
            "screen",
            "receive, log, classify and check the denunciation, and decide to accept it",
            "receive",
            "denunciation.screening",
            "Law 25/2018/QH14, Art 24(1)",
            7,
            "working_days",
            date(2026, 3, 11),
        ),
        (
            "forward",
            "forward it if outside one's competence",
            "forward",
            "denunciation.forward",
            "Law 25/2018/QH14, Art 24(2)",
            5,
            "working_days",
            date(2026, 3, 9),
        ),
        (
            "notify",
            "notify the acceptance of the denunciation",
            "accept",
            "denunciation.notify",
            "Law 25/2018/QH14, Art 29(3)",
            5,
            "working_days",
            date(2026, 3, 18),
        ),
        (
            "resolve",
            "resolve the denunciation",
            "resolve",
            "denunciation.resolve",
            "Law 25/2018/QH14, Art 30",
            30,
            "calendar_days",
            date(2026, 4, 10),
        ),
    ]
    c = with_law().case("denunciation", where="Phường Hoàn Kiếm", received=RECEIVED)
    assert c.step("screen").role_en is not None
    codes = [w.code for w in c.warnings]
    assert codes == ["competence_unsourced"]  # who resolves a denunciation of the chair
    assert all(w.message_en and w.message_vi for w in c.warnings)


def test_an_information_request_by_post() -> None:
    """Law 104/2016/QH13 Art 31(1): a simple request is answered within 5 working days."""
    assert _steps("information", channel="post") == [
        (
            "provide",
            "provide the information",
            "provide",
            "information.simple",
            "Law 104/2016/QH13, Art 31(1)",
            5,
            "working_days",
            date(2026, 3, 9),
        ),
    ]


def test_a_step_nobody_in_the_data_holds_is_a_warning_naming_step_place_and_day() -> None:
    c = with_law().case("information", where="Hà Nội", received=RECEIVED, channel="post")
    (notice,) = [w for w in c.warnings if w.code == "case_holder_unknown"]
    assert notice.message_en == (
        "Provide the information: the data names nobody competent in Thành phố Hà Nội on 2026-03-02"
    )
    assert c.step("provide").organization is None


def test_a_model_without_the_law_names_nobody_and_says_why() -> None:
    c = hanoi().case("complaint", where="Phường Hoàn Kiếm", received=RECEIVED)
    assert [s.key for s in c.steps] == ["accept", "resolve", "file_second"]
    assert all(s.organization is None and s.post is None for s in c.steps)
    assert c.step("accept").due == date(2026, 3, 16)  # the periods are still the law's
    (notice,) = c.warnings
    assert notice.code == "law_duties_missing"
    assert notice.message_en.startswith("law.complaint.first: the model does not hold")


# ---- who, escalation, duties, overdue: subjects, notices and their texts ------------------


def test_a_topic_of_the_law_is_a_subject_named_in_both_languages() -> None:
    a = with_law().who("khiếu nại", where="Phường Hoàn Kiếm", on=RECEIVED)
    assert (a.subject.kind, a.subject.code) == ("topic", "complaint")
    assert (a.subject.name_vi, a.subject.name_en) == ("khiếu nại", "complaint")
    assert a.subject.tasks[0] == "law.complaint.first"


def test_an_escalation_explains_its_notice_in_the_language_asked() -> None:
    e = hanoi().escalation(where="Phường Hàng Bạc", on=POST_REFORM)
    assert repr(e) == "<Escalation from Phường Hoàn Kiếm on 2026-03-01: 2 steps, 1 warning>"
    (notice,) = e.warnings
    assert e.explain("en").splitlines()[0] == notice.message_en
    assert e.explain("vi").splitlines()[0] == notice.message_vi
    assert notice.message_vi != notice.message_en


def test_duties_cite_the_law_in_the_language_asked() -> None:
    d = hanoi().duties(of="Phường Hoàn Kiếm", on=RECEIVED)
    assert "(Luật 72/2025/QH15, khoản 3 Điều 51)" in d.explain("vi")
    assert "(Law 72/2025/QH15 art. 51(3))" in d.explain("en")
    assert "Law 72/2025/QH15" not in d.explain("vi")
    assert "— Công văn 3010/UBND-SNV (chưa rõ ngày ban hành), ¶4" in d.explain("vi")
    assert "Dispatch 3010/UBND-SNV" not in d.explain("vi")
    assert "— Dispatch 3010/UBND-SNV (date unknown), ¶4" in d.explain("en")


def test_overdue_explains_itself_in_both_languages() -> None:
    o = hanoi().overdue(on=POST_REFORM)
    assert o.explain("en").splitlines()[:2] == [
        "Overdue on 2026-03-01:",
        "- T3 Sở Nội vụ (2022-09-14)",
    ]
    assert o.explain("vi").splitlines()[0] == "Quá hạn ngày 01/03/2026:"
    assert o.explain() == o.explain("vi")


def test_an_empty_answer_renders_as_an_empty_table() -> None:
    o = hanoi().overdue(on=date(2022, 1, 1))
    assert repr(o) == "<Overdue on 2022-01-01: 0 items>"
    assert o._repr_html_() == (
        "<table><caption>Overdue on 2022-01-01: 0 items</caption><tbody></tbody></table>"
    )


def test_the_notices_of_a_plan_about_its_documents() -> None:
    """Dispatch 3010/UBND-SNV has no known date; the lead departments of Plan 164's
    appendix are not in the data (unlisted); a later document may supersede it."""
    a = hanoi().who("D3", where="Hà Nội", on=date(2022, 9, 30))
    by_code = {w.code: w for w in a.warnings}
    assert by_code["date_unknown"].message_en == "The date of dispatch 3010/UBND-SNV is not known"
    unlisted = [w for w in a.warnings if w.code == "unlisted_holders"]
    assert unlisted[0].message_en == (
        "T1: under dispatch 3010/UBND-SNV (date unknown), ¶2, the lead role is assigned to the "
        "departments assigned to lead in the appendix of Plan 164/KH-UBND (plan 164/KH-UBND of "
        "2022-06-13, Phụ lục 1); that text is not in the dataset, so the agency cannot be named"
    )
    assert all(w.message_vi for w in unlisted)


def test_a_superseded_document_is_a_notice(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        '[[documents]]\nid = "d-new"\nnumber = "99/KH-UBND"\nkind = "plan"\n'
        'issuer = "UBND thành phố Hà Nội"\ndate = 2025-01-02\ntitle_vi = "Kế hoạch mới"\n'
        'supersedes = ["dispatch-3010-2022"]\n',
        encoding="utf-8",
    )
    gov = load_plan(plan, base=hanoi())
    a = gov.who("D3", where="Hà Nội", on=POST_REFORM)
    (notice,) = [w for w in a.warnings if w.code == "superseded"]
    assert notice.message_en == (
        "Dispatch 3010/UBND-SNV (date unknown) is superseded by another document in the data"
    )


# ---- refusals name the argument or record -------------------------------------------------


def test_an_unknown_kind_of_case_lists_the_kinds() -> None:
    with pytest.raises(InvalidData) as err:
        hanoi().case("appeal", where="Hà Nội", received=RECEIVED)
    assert str(err.value) == (
        "kind: use one of complaint, denunciation, information (value: 'appeal')"
    )


def test_duties_of_something_that_is_not_a_place_names_of() -> None:
    with pytest.raises(InvalidData) as err:
        hanoi().duties(of=5, on=RECEIVED)  # type: ignore[arg-type]
    assert str(err.value) == "of: must be a unit, or a unit id, code or name (value: 5)"


def test_a_repeated_task_id_is_named_by_its_second_path(tmp_path: Path) -> None:
    task = '[[tasks]]\nid = "t"\ndocument = "dispatch-3010-2022"\nreference = "1"\ntitle_vi = "V"\n'
    plan = tmp_path / "plan.toml"
    plan.write_text(task + task.replace('"1"', '"2"'), encoding="utf-8")
    with pytest.raises(InvalidData) as err:
        load_plan(plan, base=hanoi())
    assert [str(p) for p in err.value.problems] == [
        "plan.toml: tasks[1].id: duplicate task id (value: 't')"
    ]


def test_a_case_explains_itself_step_by_step() -> None:
    c = with_law().case("complaint", where="Phường Hoàn Kiếm", received=RECEIVED)
    lines = c.explain("en").splitlines()
    assert lines[0] == "Complaint received in Phường Hoàn Kiếm on 2026-03-02:"
    assert lines[1] == "1. Accept the first complaint: by 2026-03-16"
    assert "   Who: the complainant" in lines
    assert "   Ai: người khiếu nại" in c.explain("vi").splitlines()


def test_a_period_ending_on_a_day_off_says_where_it_moved() -> None:
    """Received 2026-01-05, accepted 2026-01-16: 30 days end on Sunday 2026-02-15, in Tết,
    so the period ends on the next working day, 2026-02-23 (Civil Code art. 148)."""
    c = with_law().case("complaint", where="Phường Hoàn Kiếm", received=date(2026, 1, 5))
    en = [x for x in c.explain("en").splitlines() if x.startswith("   Last day")]
    assert en[0].startswith(
        "   Last day 2026-02-15 is not a working day, so the period ends on the next working "
        "day (Civil Code art. 148): 2026-02-15 Sunday, 2026-02-16 Lunar New Year's Eve"
    )
    vi = [x for x in c.explain("vi").splitlines() if x.startswith("   Ngày cuối")]
    assert vi[0].startswith(
        "   Ngày cuối 15/02/2026 không phải ngày làm việc, hạn chuyển sang ngày làm việc tiếp "
        "theo (Điều 148 Bộ luật Dân sự): 15/02/2026 Chủ nhật"
    )


def test_a_governance_made_from_a_models_parts_answers_like_it() -> None:
    g = hanoi()
    again = Governance(
        framework=g.framework,
        territory=g.territory,
        organizations=g.organizations,
        calendar=g.calendar,
        documents=g.documents,
        tasks=g.tasks,
        assignments=g.assignments,
        reports=g.reports,
        statute=g.statute,
        notes=g.notes,
    )
    assert again.who("D3", where="Phường Hoàn Kiếm", on=POST_REFORM) == g.who(
        "D3", where="Phường Hoàn Kiếm", on=POST_REFORM
    )
