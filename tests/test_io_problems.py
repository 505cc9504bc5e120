"""Plan files with many problems at once: every field of a record is checked on its own, then
the references, so one bad field never hides or distorts another (each problem is reported
with the file, the path inside it and the value, and nothing else is)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from papi.datasets import hanoi
from papi.errors import InvalidData
from papi.governance import Governance
from papi.io import load_plan

WARD_PC = "ubnd:00070@2025-07-01"

MANY = """
schema = "papi.plan/1"

[[documents]]
id = "hk-plan-2026"
number = "9/KH-UBND"
kind = "memo"
issuer = "UBND phường Hoàn Kiếm"
date = "2026-01-05"
title_vi = "Kế hoạch có loại sai"

[[documents]]
id = "ok-plan"
number = "10/KH-UBND"
kind = "plan"
issuer = "UBND phường Hoàn Kiếm"
date = "2026-01-06"
title_vi = "Kế hoạch đúng"
implements = ["hk-plan-2026", "no-such-law"]

[[tasks]]
id = "X1"
document = "hk-plan-2026"
reference = "¶1"
title_vi = 5
indicators = ["D3", "D9.9"]
deadlines = [{ statute = "citizen_reception.comune_chair", applies_to = "hamlet" }]

[[tasks]]
id = "X2"
document = "ok-plan"
reference = "¶2"
title_vi = "Việc hai"

[[assignments]]
id = "X2.a"
task = "X2"
role = "boss"
selector = { type = "organization", id = "so:khong-co" }
basis = { document = "nowhere", reference = "¶2" }

[[assignments]]
id = "X1.b"
task = "X1"
role = "implement"
selector = { type = "committees", level = "commune", within = "Phường Không Có" }
basis = { document = "hk-plan-2026", reference = "¶1" }
valid = { from = "2026-02-30" }

[[assignments]]
id = "X2.c"
task = "X2"
role = "lead"
selector = { type = "committees", level = "district", within = "01" }
basis = { document = "ok-plan", reference = "¶2" }

[[reports]]
task = "NOPE"
organization = 5
period = { from = "2026-01-01", to = "2026-01-31" }
completion = "done"
submitted = "2026-02-01"

[[reports]]
task = "X1"
organization = "ubnd:zz"
period = { from = "2026-01-01", to = "2026-01-31" }
completion = "finished"
submitted = "2026-02-01"
"""

INVALID_DOC = "invalid document (see many.toml: documents[0])"
INVALID_TASK = "invalid task (see many.toml: tasks[0])"


@cache
def base() -> Governance:
    return hanoi()


def problems_of(path: Path) -> list[tuple[str, str, object]]:
    with pytest.raises(InvalidData) as info:
        load_plan(path, base=base())
    return [(p.path, p.message, p.value) for p in info.value.problems]


def test_many_problems_exactly(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    path.write_text(MANY, encoding="utf-8")
    found = problems_of(path)
    got = {
        (p, v if not isinstance(v, dict) else json.dumps(v, sort_keys=True)) for p, _, v in found
    }
    assert len(got) == len(found), "a problem is reported twice"
    f = "many.toml: "
    assert got == {
        # each record's own fields
        (f + "documents[0].kind", "memo"),
        (f + "tasks[0].title_vi", 5),
        (f + "tasks[0].deadlines[0].applies_to", "hamlet"),
        (f + "assignments[0].role", "boss"),
        (f + "assignments[1].valid.from", "2026-02-30"),
        (f + "reports[0].organization", 5),
        (f + "reports[1].completion", "finished"),
        # references to records of the file that are themselves invalid
        (f + "documents[1].implements[0]", "hk-plan-2026"),
        (f + "tasks[0].document", "hk-plan-2026"),
        (f + "assignments[1].task", "X1"),
        (f + "assignments[1].basis.document", "hk-plan-2026"),
        (f + "reports[1].task", "X1"),
        # the other references, of valid and invalid records alike
        (f + "documents[1].implements[1]", "no-such-law"),
        (f + "tasks[0].indicators[1]", "D9.9"),
        (f + "tasks[0].deadlines[0].statute", "citizen_reception.comune_chair"),
        (f + "assignments[0].basis.document", "nowhere"),
        (f + "assignments[0].selector.id", "so:khong-co"),
        (f + "assignments[1].selector.within", "Phường Không Có"),
        (f + "reports[0].task", "NOPE"),
        (f + "reports[1].organization", "ubnd:zz"),
        # the selector that matches nobody on the day its assignment takes effect
        (
            f + "assignments[2].selector",
            '{"level": "district", "type": "committees", "within": "01"}',
        ),
    }
    messages = {(p, m) for p, m, _ in found}
    for p in ("tasks[0].document", "documents[1].implements[0]", "assignments[1].basis.document"):
        assert (f + p, INVALID_DOC) in messages
    for p in ("assignments[1].task", "reports[1].task"):
        assert (f + p, INVALID_TASK) in messages
    assert (f + "reports[0].task", "unknown task") in messages
    assert (f + "assignments[2].selector", "matches no organization on 2026-01-06") in messages
    # nothing the reader puts in place of a bad field ever shows
    assert not any("\x00" in str(v) or "\x00" in p for p, _, v in found)


def test_invalid_role_does_not_hide_unknown_organization(tmp_path: Path) -> None:
    plan = valid_plan()
    plan["assignments"][1]["role"] = "boss"
    plan["assignments"][1]["selector"] = {"type": "organization", "id": "so:khong-co"}
    found = load(tmp_path, plan)
    assert {(p, v) for p, _, v in found} == {
        ("plan.json: assignments[1].role", "boss"),
        ("plan.json: assignments[1].selector.id", "so:khong-co"),
    }


def test_task_of_an_invalid_document_says_invalid_not_unknown(tmp_path: Path) -> None:
    plan = valid_plan()
    plan["documents"][0]["date"] = "2026-13-01"
    found = load(tmp_path, plan)
    assert (
        "plan.json: tasks[0].document",
        "invalid document (see plan.json: documents[0])",
        "hk-plan-2026",
    ) in found
    assert not [m for _, m, _ in found if m.startswith("unknown")]


# --- any combination of independent problems is reported exactly ------------------------


def valid_plan() -> dict[str, Any]:
    doc = {"number": "9/KH-UBND", "kind": "plan", "issuer": "UBND phường Hoàn Kiếm"}
    return {
        "schema": "papi.plan/1",
        "documents": [
            {**doc, "id": "hk-plan-2026", "date": "2026-01-05", "title_vi": "Kế hoạch A"},
            {**doc, "id": "ok-plan", "date": "2026-01-06", "title_vi": "Kế hoạch B"},
        ],
        "tasks": [
            {"id": "X1", "document": "hk-plan-2026", "reference": "¶1", "title_vi": "Việc 1"},
            {"id": "X2", "document": "ok-plan", "reference": "¶2", "title_vi": "Việc 2"},
        ],
        "assignments": [
            {
                "id": "X1.a",
                "task": "X1",
                "role": "lead",
                "selector": {"type": "organization", "id": WARD_PC},
                "basis": {"document": "hk-plan-2026", "reference": "¶1"},
            },
            {
                "id": "X2.a",
                "task": "X2",
                "role": "lead",
                "selector": {"type": "organization", "id": WARD_PC},
                "basis": {"document": "ok-plan", "reference": "¶2"},
                "valid": {"from": "2026-01-06"},
            },
        ],
        "reports": [
            {
                "task": "X2",
                "organization": WARD_PC,
                "period": {"from": "2026-01-01", "to": "2026-01-31"},
                "completion": "done",
                "submitted": "2026-02-01",
            }
        ],
    }


def load(tmp_path: Path, plan: dict[str, Any]) -> list[tuple[str, str, object]]:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return problems_of(path)


def _set(*keys: Any) -> Callable[[dict[str, Any], object], None]:
    def put(plan: dict[str, Any], value: object) -> None:
        node = plan
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value

    return put


def _drop(*keys: Any) -> Callable[[dict[str, Any], object], None]:
    def drop(plan: dict[str, Any], _: object) -> None:
        node = plan
        for k in keys[:-1]:
            node = node[k]
        del node[keys[-1]]

    return drop


DOC0_FOLLOW = {"tasks[0].document": "hk-plan-2026", "assignments[0].basis.document": "hk-plan-2026"}
TASK0_FOLLOW = {"assignments[0].task": "X1"}

# name: (mutation, bad value, {path: value reported})
CORRUPTIONS: dict[
    str, tuple[Callable[[dict[str, Any], object], None], object, dict[str, object]]
] = {
    "doc kind": (
        _set("documents", 0, "kind"),
        "memo",
        {"documents[0].kind": "memo", **DOC0_FOLLOW},
    ),
    "doc title": (_set("documents", 0, "title_vi"), 7, {"documents[0].title_vi": 7, **DOC0_FOLLOW}),
    "doc date": (
        _set("documents", 0, "date"),
        "2026-02-30",
        {"documents[0].date": "2026-02-30", **DOC0_FOLLOW},
    ),
    "indicator": (_set("tasks", 0, "indicators"), ["D9.9"], {"tasks[0].indicators[0]": "D9.9"}),
    "task title": (_set("tasks", 0, "title_vi"), "", {"tasks[0].title_vi": "", **TASK0_FOLLOW}),
    "task key": (_set("tasks", 1, "colour"), 1, {"tasks[1].colour": "colour"}),
    "role": (_set("assignments", 1, "role"), "boss", {"assignments[1].role": "boss"}),
    "organization": (
        _set("assignments", 1, "selector"),
        {"type": "organization", "id": "so:khong-co"},
        {"assignments[1].selector.id": "so:khong-co"},
    ),
    "basis": (
        _set("assignments", 1, "basis", "document"),
        "nowhere",
        {"assignments[1].basis.document": "nowhere"},
    ),
    "valid": (
        _set("assignments", 1, "valid", "from"),
        "2026-02-30",
        {"assignments[1].valid.from": "2026-02-30"},
    ),
    "completion": (
        _set("reports", 0, "completion"),
        "finished",
        {"reports[0].completion": "finished"},
    ),
    "report organization": (
        _set("reports", 0, "organization"),
        "ubnd:zz",
        {"reports[0].organization": "ubnd:zz"},
    ),
    "report task": (_set("reports", 0, "task"), "NOPE", {"reports[0].task": "NOPE"}),
    "no basis": (_drop("assignments", 1, "basis"), None, {"assignments[1].basis": None}),
    "no task document": (
        _drop("tasks", 1, "document"),
        None,
        {"tasks[1].document": None, "assignments[1].task": "X2", "reports[0].task": "X2"},
    ),
    "no report task": (_drop("reports", 0, "task"), None, {"reports[0].task": None}),
    "no doc number": (
        _drop("documents", 0, "number"),
        None,
        {"documents[0].number": None, **DOC0_FOLLOW},
    ),
    "submitted": (
        _set("reports", 0, "submitted"),
        "yesterday",
        {"reports[0].submitted": "yesterday"},
    ),
}


# corruptions of the same field: at most one of each pair in a combination
# (or a corruption and another's follow-on)
CONFLICTS = (
    {"basis", "no basis"},
    {"report task", "no report task"},
    {"no task document", "report task"},
    {"no task document", "no report task"},
)


def test_the_valid_plan_loads(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(valid_plan(), ensure_ascii=False), encoding="utf-8")
    gov = load_plan(path, base=base())
    assert {"X1", "X2"} <= set(gov.tasks)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sets(st.sampled_from(sorted(CORRUPTIONS)), min_size=1))
def test_any_combination_is_reported_exactly(tmp_path: Path, names: set[str]) -> None:
    assume(all(len(names & pair) < 2 for pair in CONFLICTS))
    plan = copy.deepcopy(valid_plan())
    expected: set[tuple[str, object]] = set()
    for name in names:
        mutate, value, reported = CORRUPTIONS[name]
        mutate(plan, value)
        expected |= {(f"plan.json: {p}", json.dumps(v)) for p, v in reported.items()}
    found = load(tmp_path, plan)
    assert {(p, json.dumps(v)) for p, _, v in found} == expected


# --- the listings shown in the docs are what papi reports -----------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_plan_files_page_listing_is_current(tmp_path: Path) -> None:
    from test_io_plan import BAD

    path = tmp_path / "plan.toml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(InvalidData) as info:
        load_plan(path, base=base())
    text = str(info.value).splitlines()
    page = (DOCS / "plan-files.md").read_text(encoding="utf-8")
    [listing, invalid] = re.findall(r"```text\n(.*?)```", page, flags=re.S)
    shown = listing.splitlines()
    assert shown[0] == text[0]
    assert set(shown[1:]) <= set(text[1:])
    # the "invalid document" line: a task of a file whose document has a bad date
    plan = valid_plan()
    plan["documents"][0]["date"] = "2026-13-01"
    plan_toml = tmp_path / "plan.toml"
    plan_toml.write_text(_toml(plan), encoding="utf-8")
    with pytest.raises(InvalidData) as info:
        load_plan(plan_toml, base=base())
    assert invalid.strip() in {line.strip() for line in str(info.value).splitlines()}


def _toml(plan: dict[str, Any]) -> str:
    """A plan as TOML (the few shapes ``valid_plan`` uses)."""

    def value(v: object) -> str:
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(v, ensure_ascii=False)

    out = [f"schema = {value(plan['schema'])}"]
    for section in ("documents", "tasks", "assignments", "reports"):
        for entry in plan[section]:
            out.append(f"\n[[{section}]]")
            out.extend(f"{k} = {value(v)}" for k, v in entry.items())
    return "\n".join(out) + "\n"


def test_howto_check_listing_is_current(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from papi.cli import main

    page = (DOCS / "howto" / "plan-file.md").read_text(encoding="utf-8")
    [ward] = re.findall(r"```toml\n(.*?)```", page, flags=re.S)
    bad = ward.replace('date = "2026-01-15"', 'date = "2026-13-15"')
    bad = re.sub(r'^role = "lead"', 'role = "boss"', bad, flags=re.M)
    assert bad.count("2026-13-15") == 1
    assert 'role = "boss"' in bad
    (tmp_path / "bad.toml").write_text(bad, encoding="utf-8")
    shown = re.search(r"```console\n\$ papi check bad\.toml\n(.*?)```", page, flags=re.S)
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")  # papi check wraps its problems to the terminal
    code = main(["check", "bad.toml"])
    out = capsys.readouterr()
    assert code == 2
    assert (out.out + out.err).splitlines() == shown.group(1).splitlines()
