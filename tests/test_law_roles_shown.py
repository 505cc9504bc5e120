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
