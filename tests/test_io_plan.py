"""Plan files: the documented example loads; every problem of a bad file is reported at once."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from papi.datasets import hanoi
from papi.duties import Role
from papi.errors import InvalidData
from papi.governance import Governance
from papi.io import load_plan
from papi.progress import Status

DOCS = Path(__file__).resolve().parent.parent / "docs" / "plan-files.md"
WARD_PC = "ubnd:00070@2025-07-01"


def example_toml() -> str:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "docs/plan-files.md must hold exactly one complete TOML example"
    return blocks[0]


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Governance:
    path = tmp_path_factory.mktemp("plans") / "plan.toml"
    path.write_text(example_toml(), encoding="utf-8")
    return load_plan(path, base=hanoi())


def test_documented_example_loads_and_answers(example: Governance) -> None:
    acc = example.who("W1", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    lead = acc.by_role(Role.LEAD)
    assert [r.organization.id for r in lead] == [WARD_PC]
    assert lead[0].basis.citation_en.startswith("plan EXAMPLE-01/KH-UBND")
    assert lead[0].basis.reference == "mục III.1"
    chair = [r for r in acc.by_role(Role.ACCOUNTABLE) if r.basis.principle is None]
    assert chair
    assert chair[0].post is not None
    assert chair[0].post.name == "Chủ tịch"
    assert [d.due for d in acc.deadlines] == [date(2026, 3, 5)]


def test_documented_example_progress(example: Governance) -> None:
    assert example.status("W2", WARD_PC, on=date(2026, 3, 10)) is Status.DUE
    assert example.status("W2", WARD_PC, on=date(2026, 3, 25)) is Status.OVERDUE
    overdue = example.overdue(on=date(2026, 3, 25))
    mine = [(i.task, i.organization.id, i.due) for i in overdue.items if i.task.startswith("W")]
    assert mine == [("W2", WARD_PC, date(2026, 3, 20))]
    # the 2022 Q3 report (T3) stays with the 2022 departments, not their successors
    t3 = {i.organization.id for i in overdue.items if i.task == "T3"}
    assert "so:noi-vu" in t3
    assert "so:nong-nghiep-moi-truong" not in t3
    # W1's report says "partly": progress on a recurring duty, not its completion
    assert example.status("W1", WARD_PC, on=date(2026, 3, 3)) is Status.NOT_DUE


def test_the_base_is_unchanged(example: Governance) -> None:
    assert "W1" in example.tasks
    assert "W1" not in hanoi().tasks
    assert set(hanoi().tasks) <= set(example.tasks)


def test_json_plan_loads_the_same(tmp_path: Path, example: Governance) -> None:
    data = tomllib.loads(example_toml())
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    gov = load_plan(path, base=hanoi())
    on = date(2026, 3, 1)
    assert gov.who("W1", where="00070", on=on) == example.who("W1", where="00070", on=on)


BAD = """
schema = "papi.plan/1"
colour = "blue"

[[documents]]
id = "bad-plan"
number = "1/KH"
kind = "memo"
issuer = "UBND"
date = "2026-13-01"
title_vi = "Kế hoạch lỗi"

[[documents]]
id = "ok-plan"
number = "2/KH"
kind = "plan"
issuer = "UBND"
date = "2026-01-01"
title_vi = "Kế hoạch đúng"

[[tasks]]
id = "X1"
document = "ok-plan"
reference = "¶1"
title_vi = "Việc một"
indicators = ["D3", "D9.9"]
indicator = ["D1"]
deadlines = [{ statute = "citizen_reception.comune_chair" }]
defined_in = [{ document = "nowhere", reference = "Annex 2" }]

[[tasks]]
id = "X2"
document = "no-such-document"
reference = "¶2"
title_vi = "Việc hai"

[[assignments]]
id = "X1.a"
task = "X1"
role = "boss"
selector = { type = "committees", level = "commune", within = "01" }
basis = { document = "ok-plan", reference = "¶1" }

[[assignments]]
id = "X1.b"
task = "X1"
role = "implement"
selector = { type = "committees", level = "commune", within = "Phường Không Có" }
basis = { document = "ok-plan", reference = "¶1" }

[[assignments]]
id = "X1.c"
task = "X1"
role = "lead"
selector = { type = "organization", id = "so:khong-co" }
basis = { document = "ok-plan", reference = "¶1" }

[[assignments]]
id = "X1.d"
task = "X1"
role = "implement"
selector = { type = "committees", level = "district", within = "01" }
basis = { document = "ok-plan", reference = "¶1" }
valid = { from = "2026-01-01" }

[[reports]]
task = "X1"
organization = "ubnd:01"
period = { from = "2026-01-01", to = "2026-02-01" }
completion = "finished"
submitted = "yesterday"
"""


def test_every_problem_in_one_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(InvalidData) as info:
        load_plan(path, base=hanoi())
    found = {(p.path, p.value) for p in info.value.problems if not isinstance(p.value, dict)}
    expected = {
        ("plan.toml: colour", "colour"),
        ("plan.toml: documents[0].kind", "memo"),
        ("plan.toml: documents[0].date", "2026-13-01"),
        ("plan.toml: tasks[0].indicator", "indicator"),
        ("plan.toml: tasks[0].indicators[1]", "D9.9"),
        ("plan.toml: tasks[0].deadlines[0].statute", "citizen_reception.comune_chair"),
        ("plan.toml: tasks[1].document", "no-such-document"),
        ("plan.toml: tasks[0].defined_in[0].document", "nowhere"),
        ("plan.toml: assignments[0].role", "boss"),
        ("plan.toml: assignments[1].selector.within", "Phường Không Có"),
        ("plan.toml: assignments[2].selector.id", "so:khong-co"),
        ("plan.toml: reports[0].completion", "finished"),
        ("plan.toml: reports[0].submitted", "yesterday"),
    }
    # the selector that matches nobody (no district tier on 2026-01-01) is in the same listing
    nobody = [p for p in info.value.problems if p.path == "plan.toml: assignments[3].selector"]
    assert len(nobody) == 1
    assert "matches no organization on 2026-01-01" in nobody[0].message
    assert nobody[0].value == {"type": "committees", "level": "district", "within": "01"}
    missing = expected - found
    assert not missing, f"not reported: {missing}\nreported: {sorted(found)}"
    text = str(info.value)
    assert "plan.toml: tasks[0].indicators[1]: unknown indicator (value: 'D9.9')" in text


def test_notes_in_both_languages(tmp_path: Path, example: Governance) -> None:
    doc = example.documents["example-ward-plan-2026"]
    assert doc.note("en") == "An illustration, not a real plan."
    assert doc.note("vi") == "Ví dụ minh họa, không phải kế hoạch thật."
    bad = example_toml().replace(
        'notes_vi = "Ví dụ minh họa, không phải kế hoạch thật."', "notes_vi = 3"
    )
    path = tmp_path / "plan.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(InvalidData) as info:
        load_plan(path, base=hanoi())
    assert ("plan.toml: documents[0].notes_vi", 3) in {
        (p.path, p.value) for p in info.value.problems
    }


def test_selector_matching_nobody_is_rejected(tmp_path: Path) -> None:
    # the district tier does not exist on 2026-01-01: the selector matches nobody that day
    text = """
[[documents]]
id = "p"
number = "3/KH"
kind = "plan"
issuer = "UBND"
date = "2026-01-01"
title_vi = "Kế hoạch"

[[tasks]]
id = "Y1"
document = "p"
reference = "¶1"
title_vi = "Việc"

[[assignments]]
id = "Y1.d"
task = "Y1"
role = "implement"
selector = { type = "committees", level = "district", within = "01" }
basis = { document = "p", reference = "¶1" }
valid = { from = "2026-01-01" }
"""
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidData) as info:
        load_plan(path, base=hanoi())
    [problem] = info.value.problems
    assert problem.path == "plan.toml: assignments[0].selector"
    assert "matches no organization on 2026-01-01" in problem.message


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(InvalidData, match="not valid TOML"):
        load_plan(path, base=hanoi())


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="cannot read the plan file"):
        load_plan(tmp_path / "absent.toml", base=hanoi())


def test_illustrative_appendix_closes_gaps() -> None:
    path = DOCS.parent.parent / "examples" / "illustrative_appendix.toml"
    gov = load_plan(path, base=hanoi())
    on = date(2026, 3, 1)
    no_lead = {g.subject for g in gov.gaps(on=on).items if g.kind == "no_lead"}
    assert {"D1", "D3", "D5"}.isdisjoint(no_lead)
    assert {"D2", "D4", "D6", "D7", "D8"} <= no_lead
    acc = gov.who("D3", where="Phường Hoàn Kiếm", on=on)
    leads = list(acc.by_role(Role.LEAD))
    assert [r.organization.name for r in leads] == ["Thanh tra thành phố Hà Nội"]
    assert leads[0].basis.citation_en.startswith("plan ILLUSTRATIVE/")
    assert "lead_unknown" not in {w.code for w in acc.warnings}
    # the invented appendix is flagged in every answer that uses it
    [flag] = [w for w in acc.warnings if w.code == "document_unverified"]
    assert "ILLUSTRATIVE/PL1-KH164" in flag.message_en
    assert "document_unverified" not in {
        w.code for w in hanoi().who("D3", where="Phường Hoàn Kiếm", on=on).warnings
    }
    assert "lead_unknown" in {
        w.code for w in hanoi().who("D3", where="Phường Hoàn Kiếm", on=on).warnings
    }
