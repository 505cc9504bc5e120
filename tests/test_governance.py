"""papi.governance: the Builder, the queries' edge cases, lossless JSON round trips."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from datetime import date
from importlib import resources

import jsonschema
import pytest
from attrs.exceptions import FrozenInstanceError
from hypothesis import given, settings
from hypothesis import strategies as st

import papi.errors
import papi.io
from papi.datasets import hanoi
from papi.dates import Validity
from papi.duties import (
    Assignment,
    Basis,
    CommitteesOf,
    DepartmentsBySector,
    Document,
    DocumentKind,
    HeadsOf,
    OrgById,
    Role,
    Task,
)
from papi.errors import InvalidData
from papi.governance import (
    Accountability,
    BasisInfo,
    DeadlineInfo,
    EscalationStep,
    Gap,
    Gaps,
    Holder,
    Hop,
    Notice,
    OrgInfo,
    PostInfo,
    Responsible,
    SubjectInfo,
    UnitInfo,
)
from papi.governance._tables import ABSENT, Lru, Tables

ON = date(2026, 3, 1)
SCHEMA = json.loads(
    (resources.files("papi") / "data" / "schema" / "accountability-1.json").read_text()
)

text = st.text(max_size=12)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
opt_text = st.none() | text
orgs = st.builds(OrgInfo, id=text, name=text, name_en=opt_text, kind=text, unit=opt_text)
posts = st.builds(PostInfo, id=text, name=text, name_en=opt_text)
holders = st.builds(
    Holder,
    status=st.sampled_from(["known", "vacant", "unknown"]),
    person=opt_text,
    since=st.none() | days,
    sources=st.lists(text, max_size=2).map(tuple),
)
hops = st.builds(
    Hop,
    kind=st.sampled_from(["abolish_tier", "merge", "split"]),
    effective=days,
    act=text,
    abolished=st.lists(text, max_size=3).map(tuple),
    successors=st.lists(text, max_size=3).map(tuple),
    citation=text,
    note=opt_text,
)
bases = st.builds(
    BasisInfo,
    assignment=text,
    document=text,
    citation_vi=text,
    citation_en=text,
    reference=text,
    principle=st.none() | st.just("nguoi_dung_dau"),
)
accountabilities = st.builds(
    Accountability,
    subject=st.builds(
        SubjectInfo,
        kind=st.sampled_from(["indicator", "task"]),
        code=text,
        name_vi=text,
        name_en=opt_text,
        tasks=st.lists(text, max_size=3).map(tuple),
    ),
    where=st.builds(
        UnitInfo,
        id=text,
        code=text,
        name=text,
        level=st.sampled_from(["province", "district", "commune"]),
    ),
    on=days,
    responsible=st.lists(
        st.builds(
            Responsible,
            role=st.sampled_from(list(Role)),
            task=text,
            organization=orgs,
            post=st.none() | posts,
            holder=st.none() | holders,
            basis=bases,
            via=st.lists(hops, max_size=2).map(tuple),
        ),
        max_size=4,
    ).map(tuple),
    escalation=st.lists(
        st.builds(
            EscalationStep, organization=orgs, post=st.none() | posts, holder=st.none() | holders
        ),
        max_size=3,
    ).map(tuple),
    deadlines=st.lists(
        st.builds(
            DeadlineInfo,
            task=text,
            due=st.none() | days,
            description_vi=text,
            description_en=text,
            citation=opt_text,
            statute=opt_text,
            recurring=st.booleans(),
            applies_to=st.sampled_from([None, "province", "district", "commune"]),
        ),
        max_size=3,
    ).map(tuple),
    hops=st.lists(hops, max_size=2).map(tuple),
    warnings=st.lists(
        st.builds(Notice, code=text, message_vi=text, message_en=text), max_size=3
    ).map(tuple),
)


@settings(max_examples=60)
@given(accountabilities)
def test_accountability_round_trip_is_lossless(acc: Accountability) -> None:
    assert Accountability.from_dict(acc.to_dict()) == acc
    assert papi.io.loads(papi.io.dumps(acc)) == acc
    jsonschema.validate(json.loads(papi.io.dumps(acc)), SCHEMA)


@settings(max_examples=30)
@given(accountabilities, st.sampled_from(["vi", "en"]))
def test_explain_never_fails(acc: Accountability, lang: str) -> None:
    assert acc.explain(lang).startswith(acc.subject.code)


def test_from_dict_rejects_other_schemas() -> None:
    gaps = Gaps(on=ON, items=(Gap(kind="no_lead", subject="D1", message_vi="x", message_en="x"),))
    with pytest.raises(InvalidData, match="expected schema"):
        Accountability.from_dict(gaps.to_dict())
    assert papi.io.loads(papi.io.dumps(gaps)) == gaps
    bad = gaps.to_dict() | {"extra": 1}
    with pytest.raises(InvalidData):
        Gaps.from_dict(bad)


def test_dumps_needs_an_answer() -> None:
    with pytest.raises(InvalidData):
        papi.io.dumps(object())


# ------------------------------------------------------------------ Builder


def test_builder_reports_every_problem() -> None:
    b = hanoi().builder()
    b.add_task(Task(id="Z1", document="nope", reference="¶1", title_vi="x", indicators=("D77",)))
    b.add_assignment(
        Assignment(
            id="Z1.a",
            selector=OrgById(id="so:none"),
            role=Role.LEAD,
            task="Z2",
            basis=Basis(document="nope", reference="¶1"),
        )
    )
    b.add_assignment(
        Assignment(
            id="Z1.b",
            selector=CommitteesOf(level="commune", within="Nowhere"),
            role=Role.IMPLEMENT,
            task="Z1",
            basis=Basis(document="nope", reference="¶1"),
        )
    )
    with pytest.raises(InvalidData) as info:
        b.build()
    paths = {p.path for p in info.value.problems}
    assert paths == {
        "tasks[Z1].document",
        "tasks[Z1].indicators[0]",
        "assignments[Z1.a].task",
        "assignments[Z1.a].basis.document",
        "assignments[Z1.a].selector.id",
        "assignments[Z1.b].basis.document",
        "assignments[Z1.b].selector.within",
    }


def _with(*assignments: Assignment) -> object:
    b = hanoi().builder()
    b.add_document(
        Document(
            id="test-doc",
            number="T/KH",
            kind=DocumentKind.PLAN,
            issuer="UBND",
            title_vi="Kế hoạch thử",
            date=date(2024, 1, 1),
        )
    )
    b.add_task(
        Task(id="Z1", document="test-doc", reference="¶1", title_vi="Việc thử", indicators=("D4",))
    )
    for a in assignments:
        b.add_assignment(a)
    return b.build()


def test_gaps_abolished_without_successor_and_lead_found() -> None:
    gov = _with(
        Assignment(
            id="Z1.inspect",
            selector=OrgById(id="thanh-tra:002"),
            role=Role.COORDINATE,
            task="Z1",
            basis=Basis(document="test-doc", reference="¶1"),
            validity=Validity(valid_from=date(2025, 1, 1)),
        ),
        Assignment(
            id="Z1.lead",
            selector=DepartmentsBySector(sector="inspection", within="01"),
            role=Role.LEAD,
            task="Z1",
            basis=Basis(document="test-doc", reference="¶1"),
            validity=Validity(valid_from=date(2025, 1, 1)),
        ),
    )
    gaps = gov.gaps(on=ON)  # type: ignore[attr-defined]
    kinds = {(g.kind, g.subject) for g in gaps.items}
    assert ("abolished_without_successor", "Z1.inspect") in kinds
    no_lead = {g.subject for g in gaps.items if g.kind == "no_lead"}
    assert "D4" not in no_lead
    assert "D3" in no_lead
    acc = gov.who("D4", where="Phường Hoàn Kiếm", on=ON)  # type: ignore[attr-defined]
    assert [r.organization.name for r in acc.by_role(Role.LEAD)] == ["Thanh tra thành phố Hà Nội"]
    assert "lead_unknown" not in {w.code for w in acc.warnings}


def test_explicit_accountable_replaces_the_principle() -> None:
    gov = _with(
        Assignment(
            id="Z1.pc",
            selector=OrgById(id="ubnd:01"),
            role=Role.IMPLEMENT,
            task="Z1",
            basis=Basis(document="test-doc", reference="¶1"),
            validity=Validity(valid_from=date(2025, 1, 1)),
        ),
        Assignment(
            id="Z1.chair",
            selector=HeadsOf(of=OrgById(id="ubnd:01")),
            role=Role.ACCOUNTABLE,
            task="Z1",
            basis=Basis(document="test-doc", reference="¶2"),
            validity=Validity(valid_from=date(2025, 1, 1)),
        ),
    )
    acc = gov.who("Z1", where="01", on=ON)  # type: ignore[attr-defined]
    accountable = acc.by_role(Role.ACCOUNTABLE)
    assert len(accountable) == 1
    assert accountable[0].basis.reference == "¶2"
    assert accountable[0].holder.person == "Vũ Đại Thắng"


def test_duties_of_a_unit_and_escalation() -> None:
    gov = hanoi()
    duties = gov.duties(of="Phường Cửa Nam", on=ON)
    tasks = {d.task for d in duties.items}
    assert {"T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"} <= tasks
    assert all(d.basis.document == "dispatch-3010-2022" for d in duties.items)
    text = duties.explain("en")
    assert text.startswith("Duties of Phường Cửa Nam")
    # one heading per task, one line per (role, holder), inherited duties said once
    for task in tasks:
        assert sum(line.startswith(f"- {task}: ") for line in text.splitlines()) == 1
    t6 = text.split("- T6: ")[1].split("\n- ")[0].splitlines()[1:]
    assert len(t6) == 2
    assert "also inherited from Ủy ban nhân dân quận Hoàn Kiếm" in t6[0]
    assert "Chủ tịch Ủy ban nhân dân phường Cửa Nam" in t6[1]
    assert "Luật 72/2025/QH15, khoản 3 Điều 51" in duties.explain("vi")
    esc = gov.escalation(where="Phường Cửa Nam", on=ON)
    assert esc.steps[-1].holder is not None
    assert esc.steps[-1].holder.person == "Vũ Đại Thắng"
    assert (
        "2. Hanoi People's Committee (Ủy ban nhân dân thành phố Hà Nội) — Chairperson: Vũ Đại Thắng"
        in esc.explain("en")
    )
    assert "2. Ủy ban nhân dân thành phố Hà Nội — Chủ tịch: Vũ Đại Thắng" in esc.explain("vi")
    assert papi.io.loads(papi.io.dumps(esc)) == esc
    assert papi.io.loads(papi.io.dumps(duties)) == duties


def test_agenda_window_validation_and_rows() -> None:
    gov = hanoi()
    with pytest.raises(InvalidData):
        gov.agenda(start=ON, end=date(2026, 2, 1))
    agenda = gov.agenda(start=ON, end=date(2026, 3, 14))
    assert agenda.items
    assert all(ON <= i.due <= date(2026, 3, 14) for i in agenda.items)
    assert [i.due for i in agenda.items] == sorted(i.due for i in agenda.items)
    assert agenda.rows()[0].keys() >= {"due", "task"}
    assert papi.io.loads(papi.io.dumps(agenda)) == agenda


def test_who_is_deterministic_across_fresh_models() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        a = hanoi().builder().build().who("D5", where="Phường Hàng Bạc", on=date(2024, 5, 1))
        b = hanoi().builder().build().who("D5", where="Phường Hàng Bạc", on=date(2024, 5, 1))
    assert a == b


def test_answer_store_is_bounded_and_keeps_what_was_used_recently() -> None:
    gov = hanoi().builder().build()
    gov._ctx.tables.answers = Lru("answers", 4)
    wards = ["Phường Hoàn Kiếm", "Phường Cửa Nam", "Phường Ba Đình", "Phường Hồng Hà"]
    first = [gov.who("D3", where=w, on=ON) for w in wards]
    again = [gov.who("D3", where=w, on=ON) for w in wards]
    assert first == again
    assert len(gov._ctx.tables.answers) <= 4


def test_lru_never_clears_everything() -> None:
    store: Lru[int, int] = Lru("test", 10)
    for i in range(100):
        store.put(i, i)
        assert store.get(0) == 0  # used after every insertion: never evicted
        assert len(store) <= 10
    assert store.get(1) is ABSENT
    assert store.get(99) == 99
    assert store.put(99, -1) == 99  # the first value stored wins


def test_subject_spellings_memo_is_bounded() -> None:
    gov = hanoi().builder().build()
    for i in range(Tables.SPELLINGS + 500):
        gov.who(" " * (i % 50) + "D3" + " " * (i // 50), where="Phường Hoàn Kiếm", on=ON)
    assert len(gov._ctx.tables.spellings) <= Tables.SPELLINGS


def test_a_built_model_is_immutable() -> None:
    gov = hanoi()
    with pytest.raises(AttributeError):
        gov.x = 1  # type: ignore[attr-defined]
    with pytest.raises(FrozenInstanceError):
        gov.framework = None  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del gov._ctx


def test_status_accepts_names_and_rejects_units() -> None:
    gov = hanoi()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        by_id = gov.status("T3", "so:noi-vu", on=date(2022, 10, 1))
        by_name = gov.status("T3", "Sở Nội vụ", on=date(2022, 10, 1))
    assert by_id is by_name
    with pytest.raises(papi.errors.NotFound):
        gov.status("T3", "Phường Hoàn Kiếm", on=ON)
    with pytest.raises(papi.errors.NotFound):
        gov.status("T99", "so:noi-vu", on=ON)


def test_statute_with_no_version_on_the_day_is_a_warning_not_a_silent_drop() -> None:
    """When the statutory catalogue has no version of a deadline's statute in force on the
    query day (NotFound), the answer keeps the duty and says the deadline is unknown."""
    import papi.rules
    from papi.governance import Builder

    cut = date(2026, 7, 1)

    def statute(key: str, *, on: date | None = None) -> object:
        if key == "citizen_reception.commune_chair" and on is not None and on >= cut:
            raise papi.errors.NotFound("statute", key, context=f"in force on {on.isoformat()}")
        found = papi.rules.statute(key, on=on)
        if key == "citizen_reception.commune_chair" and on is None:
            found = papi.rules.statute(key, on=date(2026, 6, 1))  # the last encoded version
        return found

    base = hanoi()
    b = Builder(
        framework=base.framework,
        territory=base.territory,
        organizations=base.organizations,
        calendar=base.calendar,
        statute=statute,
    )
    for d in base.documents.values():
        b.add_document(d)
    for t in base.tasks.values():
        b.add_task(t)
    for a in base.assignments:
        b.add_assignment(a)
    gov = b.build()
    acc = gov.who("T6", where="Phường Hoàn Kiếm", on=date(2026, 11, 25))
    [notice] = [w for w in acc.warnings if w.code == "deadline_unknown"]
    assert "2026-11-25" in notice.message_en
    assert "2026-07-01" in notice.message_en  # when the encoded rule ended
    assert "25/11/2026" in notice.message_vi
    assert not any(d.task == "T6" for d in acc.deadlines)
    assert acc.by_role(Role.IMPLEMENT)  # the duty itself stands
    agenda = gov.agenda(of="Phường Hoàn Kiếm", start=date(2026, 11, 1), end=date(2026, 11, 30))
    flags = [w for w in agenda.warnings if w.code == "deadline_unknown"]
    # T6, and T7's information.simple (unscheduled from 2026-09-01, revised law: audit W6)
    assert sorted(w.message_en[:3] for w in flags) == ["T6:", "T7:"]
    # a window across the change: weekly dates up to 2026-06-30, none after, and the flag
    across = gov.agenda(of="Phường Hoàn Kiếm", start=date(2026, 6, 1), end=date(2026, 7, 31))
    t6 = [i.due for i in across.items if i.task == "T6"]
    assert t6
    assert max(t6) < cut
    assert min(t6) >= date(2026, 6, 1)
    assert "deadline_unknown" in {w.code for w in across.warnings}
    earlier = gov.who("T6", where="Phường Hoàn Kiếm", on=date(2026, 6, 1))
    assert "deadline_unknown" not in {w.code for w in earlier.warnings}


@pytest.mark.parametrize(
    ("en", "vi"),
    [
        ("Law 72/2025/QH15 art. 51(3)", "Luật 72/2025/QH15, khoản 3 Điều 51"),
        ("Law 42/2013/QH13, Art 15(2)(d)", "Luật 42/2013/QH13, điểm d khoản 2 Điều 15"),
        ("Decree 155/2026/NĐ-CP, Art 10", "Nghị định 155/2026/NĐ-CP, Điều 10"),
        ("Law 136/2025/QH15", "Luật 136/2025/QH15"),
        ("Resolution 1656/NQ-UBTVQH15", "Nghị quyết 1656/NQ-UBTVQH15"),
        ("3010/UBND-SNV, ¶6", "3010/UBND-SNV, ¶6"),
    ],
)
def test_citations_in_vietnamese(en: str, vi: str) -> None:
    from papi.governance import citation_vi

    assert citation_vi(en) == vi


def test_task_sort_key_orders_numbers_and_tolerates_other_digits() -> None:
    from papi.governance import task_sort_key

    assert sorted(["T10", "T2", "T1", "T¹", "T1a"], key=task_sort_key) == [
        "T1",
        "T1a",
        "T2",
        "T10",
        "T¹",
    ]


@pytest.mark.parametrize("task_id", ["T¹", "A²", "T1²", "²", "T٣", "T¹0"])
def test_task_sort_key_never_raises_on_unicode_digits(task_id: str) -> None:
    """Superscripts are digits to ``str.isdigit`` but not to ``int``: they stay text, while
    other decimal digits (Arabic-Indic ``٣``) are numbers."""
    from papi.governance import task_sort_key

    key = task_sort_key(task_id)
    assert "".join(str(p) for p in key) == task_id or any(isinstance(p, int) for p in key)
    ordered = sorted(["A10", task_id, "A2"], key=task_sort_key)  # comparable with plain ids
    assert ordered.index("A2") < ordered.index("A10")  # and plain ids keep numeric order
    if task_id == "T٣":
        assert key == ("T", 3, "")
    if task_id == "A²":
        assert key == ("A²",)


def test_query_dates_are_checked() -> None:
    """Every query takes a date; an ISO string is read, anything else is refused with an
    InvalidData naming the argument (never a bare TypeError)."""
    gov = hanoi()
    as_text = gov.who("D3", where="Phường Hoàn Kiếm", on="2026-03-01")  # type: ignore[arg-type]
    assert as_text == gov.who("D3", where="Phường Hoàn Kiếm", on=ON)
    bad: list[Callable[[], object]] = [
        lambda: gov.who("D3", where="Phường Hoàn Kiếm", on="01/03/2026"),  # type: ignore[arg-type]
        lambda: gov.gaps(on=None),  # type: ignore[arg-type]
        lambda: gov.duties(of="Phường Hoàn Kiếm", on=20260301),  # type: ignore[arg-type]
        lambda: gov.escalation(where="01", on="tomorrow"),  # type: ignore[arg-type]
        lambda: gov.overdue(on="x"),  # type: ignore[arg-type]
        lambda: gov.status("T3", "so:noi-vu", on="x"),  # type: ignore[arg-type]
    ]
    for call in bad:
        with pytest.raises(InvalidData, match="on: "):
            call()
    with pytest.raises(InvalidData, match="end: "):
        gov.agenda(start=ON, end="later")  # type: ignore[arg-type]


def test_who_arguments_are_checked() -> None:
    gov = hanoi()
    with pytest.raises(InvalidData, match="subject"):
        gov.who(None, where="Phường Hoàn Kiếm", on=ON)  # type: ignore[arg-type]
    for where in (None, 123):
        with pytest.raises(InvalidData, match="where"):
            gov.who("D3", where=where, on=ON)


def test_governance_citation_vi_is_the_rules_implementation() -> None:
    """One implementation: ``papi.governance.citation_vi`` is kept as an alias of
    ``papi.rules.citation_vi`` (no second translator that could drift from it)."""
    import papi.governance
    import papi.rules

    assert papi.governance.citation_vi is papi.rules.citation_vi


def test_unverified_statute_notice_cites_it_in_each_language() -> None:
    """The ``statute_unverified`` notice renders the statute's citation with
    :meth:`papi.rules.Citation.text`: ``điểm d khoản 2 Điều 15`` in Vietnamese, ``Art 15(2)(d)``
    in English."""
    import attrs

    import papi.rules
    from papi.governance import Builder

    key = "citizen_reception.commune_chair"

    def statute(k: str, *, on: date | None = None) -> object:
        found = papi.rules.statute(k, on=on)
        if k == key:
            cit = papi.rules.Citation("Law 42/2013/QH13", "15(2)(d)")
            return attrs.evolve(found, citation=cit, verified=False)
        return found

    base = hanoi()
    b = Builder(
        framework=base.framework,
        territory=base.territory,
        organizations=base.organizations,
        calendar=base.calendar,
        statute=statute,
    )
    for d in base.documents.values():
        b.add_document(d)
    for t in base.tasks.values():
        b.add_task(t)
    for a in base.assignments:
        b.add_assignment(a)
    acc = b.build().who("T6", where="Phường Hoàn Kiếm", on=date(2026, 6, 1))
    [notice] = [w for w in acc.warnings if w.code == "statute_unverified"]
    assert "(Luật 42/2013/QH13, điểm d khoản 2 Điều 15)" in notice.message_vi
    assert "(Law 42/2013/QH13, Art 15(2)(d))" in notice.message_en
    [due] = {d.citation for d in acc.deadlines if d.task == "T6"}
    assert due == "Law 42/2013/QH13, Art 15(2)(d)"


def test_coverage_travels_inside_every_answer_cached_or_not() -> None:
    # a day before the data's coverage: the notice is in the answer itself, the first time
    # (when the registries also warn) and every time after (when nothing is recomputed)
    gov = hanoi().builder().build()
    day = date(2020, 1, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = [
            gov.who("D3", where="Phường Hàng Bạc", on=day),
            gov.escalation(where="Phường Hàng Bạc", on=day),
            gov.duties(of="Phường Hàng Bạc", on=day),
        ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is recomputed, so nothing warns
        again = [gov.who("D3", where="Phường Hàng Bạc", on=day)]
    assert first[0] == again[0]
    for answer in first:
        assert "coverage" in {w.code for w in answer.warnings}
    inside = gov.escalation(where="Phường Hàng Bạc", on=date(2024, 1, 2))
    assert "coverage" not in {w.code for w in inside.warnings}
