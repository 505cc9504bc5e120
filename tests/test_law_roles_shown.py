"""The law's roles where users read them (the CLI table, ``explain``, ``rows``), the deadlines
of an answer limited to the tasks reaching its place, and who must meet each deadline: on the
whole-country model (:func:`papi.vietnam`)."""

from __future__ import annotations

import warnings
from datetime import date

import pytest

from papi.cli import display_width
from papi.governance import Accountability
from test_cli_national import _english
from test_cli_ux import _terminal, run  # noqa: F401  (autouse: 80 columns)


@pytest.fixture(scope="module")
def complaint() -> Accountability:
    from papi.datasets import vietnam

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return vietnam().who("khiếu nại", where="Phường Hải Châu", on=date(2026, 3, 1))


def test_role_text_is_the_laws_for_law_tasks(complaint: Accountability) -> None:
    first = [r for r in complaint.responsible if r.task == "law.complaint.first"]
    second = [r for r in complaint.responsible if r.task == "law.complaint.second.commune"]
    assert first
    assert second
    assert {complaint.role_text(r, "vi") for r in first} == {"thụ lý, giải quyết lần đầu"}
    assert {complaint.role_text(r, "en") for r in first} == {"accept, resolve (first instance)"}
    assert {complaint.role_text(r, "vi") for r in second} == {"thụ lý, giải quyết lần hai"}
    rows = complaint.rows(lang="en")
    assert {r["role_label"] for r in rows} == {
        "accept, resolve (first instance)",
        "accept, resolve (second instance)",
    }
    assert {r["role"] for r in rows} == {"lead"}  # the plan role's key stays


def test_role_text_is_the_plan_role_otherwise() -> None:
    import papi

    acc = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    assert all(acc.role_text(r, "vi") == r.role.label("vi") for r in acc.responsible)
    assert all(acc.role_text(r, "en") == r.role.value for r in acc.responsible)


@pytest.mark.parametrize(
    ("lang", "first", "plan"),
    [("vi", "thụ lý, giải quyết lần đầu", "chủ trì"), ("en", "accept, resolve", "lead")],
)
def test_explain_and_cli_show_the_laws_roles(
    capsys: pytest.CaptureFixture[str], complaint: Accountability, lang: str, first: str, plan: str
) -> None:
    text = complaint.explain(lang)
    assert f"— {first}" in text
    code, out, err = run(
        capsys, "who", "khiếu nại", "--where", "Phường Hải Châu", "--on", "2026-03-01",
        "--lang", lang,
    )  # fmt: skip
    assert code == 0, err
    table = out.split("\n\n")[1]
    flat = " ".join(table.split())
    assert first.split(",")[0] in flat
    # the Role column no longer says "lead" / "chủ trì" for the law's tasks
    assert [ln for ln in table.splitlines()[2:] if ln.startswith(plan)] == []
    assert [ln for ln in out.splitlines() if display_width(ln) > 80] == []
    if lang == "vi":
        assert _english(out) == set()


# ---- the deadlines of an answer are those of the tasks reaching its place -----------------


def test_no_deadline_of_a_plan_not_reaching_the_place() -> None:
    """A ward of Bắc Giang in 2025: no Hanoi assignment reaches it, so Hanoi's T6 and T7
    lend it no deadline (the law's own tasks do reach it)."""
    from papi.datasets import vietnam

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        acc = vietnam().who("D3", where="07201", on=date(2025, 4, 1))
    tasks = {d.task for d in acc.deadlines}
    assert tasks
    assert not tasks & {"T6", "T7"}
    assert tasks <= {r.task for r in acc.responsible}


@pytest.mark.parametrize(
    ("where", "on"),
    [
        ("00205", date(2022, 6, 12)),  # before the plan's assignments reach the ward
        ("004", date(2020, 9, 24)),
        ("Phường Hoàn Kiếm", date(2026, 3, 1)),
        ("Quận Hoàn Kiếm", date(2024, 3, 1)),
    ],
)
def test_deadlines_are_of_tasks_the_answer_holds(where: str, on: date) -> None:
    import papi

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        acc = papi.hanoi().who("D3", where=where, on=on)
    unlisted = {
        w.message_en.split(":")[0] for w in acc.warnings if w.code == "unlisted_holders"
    }  # "T7: ..." names the task
    assert {d.task for d in acc.deadlines} <= {r.task for r in acc.responsible} | unlisted
    if not acc.responsible:
        assert acc.deadlines == ()


# ---- who must meet a deadline ---------------------------------------------------------------


def test_statute_holders_are_the_laws(complaint: Accountability) -> None:
    by_statute = {d.statute: d for d in complaint.deadlines}
    first = by_statute["complaint.first_instance"]
    assert first.holder_vi is not None
    assert first.holder_en is not None
    assert first.holder_vi.startswith(
        "người giải quyết khiếu nại lần đầu: Chủ tịch Ủy ban nhân dân phường Hải Châu, "
    )
    assert first.holder_en.startswith("first-instance complaint resolver: Chairperson of ")
    assert first.holder("en") == first.holder_en
    second = [d for d in complaint.deadlines if d.task == "law.complaint.second.commune"]
    assert second
    assert all("Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng" in (d.holder_vi or "") for d in second)


def test_post_holder_and_plan_holder() -> None:
    import papi

    acc = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    t6 = next(d for d in acc.deadlines if d.statute == "citizen_reception.commune_chair")
    assert (t6.holder_vi, t6.holder_en) == (
        "Chủ tịch Ủy ban nhân dân cấp xã",
        "chairperson of the commune People's Committee",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        d5 = papi.hanoi().who("D5", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    t9 = next(d for d in d5.deadlines if d.task == "T9")
    assert t9.statute is None
    assert t9.holder_vi == "Ủy ban nhân dân phường Hoàn Kiếm"  # the plan's holder here
    # round trip through JSON keeps them; an old document without them still reads
    from papi.governance import Accountability as Acc

    assert Acc.from_dict(acc.to_dict()) == acc
    old = acc.to_dict()
    for d in old["deadlines"]:
        del d["holder_vi"], d["holder_en"]
    assert all(d.holder_vi is None for d in Acc.from_dict(old).deadlines)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verbose_names_who_must_meet_each_deadline(
    capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, err = run(
        capsys, "who", "khiếu nại", "--where", "Phường Hải Châu", "--on", "2026-03-01",
        "--verbose", "--lang", lang,
    )  # fmt: skip
    assert code == 0, err
    label = "Người thực hiện: người giải quyết" if lang == "vi" else "Who must meet it: first"
    assert label in out
    assert [ln for ln in out.splitlines() if display_width(ln) > 80] == []
    if lang == "vi":
        assert _english(out) == set()
