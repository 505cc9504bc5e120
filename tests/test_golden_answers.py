"""Golden answers: a deterministic fifth of ``tools/golden_answers.py``'s cases (Hanoi and the
national synthetic model, every subject, days across 2020..2026) must give the answers stored
in ``tests/data/golden_answers.json.gz``. When a change is meant to alter answers, run
``python tools/golden_answers.py`` to list the cases that changed, review them (``--show``),
then ``--write`` and commit the file with the change."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "golden_answers", ROOT / "tools" / "golden_answers.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("golden_answers", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.filterwarnings("ignore")
def test_golden_answers_unchanged() -> None:
    tool = _tool()
    stored = tool.load()
    expected = {case: d for case, d in stored.items() if tool.in_test_subset(case)}
    assert len(expected) > 2000
    got = tool.compute(select=tool.in_test_subset)
    changed, added, removed = tool.diff(expected, got)
    hint = "see `python tools/golden_answers.py`"
    assert not changed, f"{len(changed)} answers changed, e.g. {changed[:10]}; {hint}"
    assert not added, f"{len(added)} cases not stored, e.g. {added[:10]}; {hint}"
    assert not removed, f"{len(removed)} stored cases gone, e.g. {removed[:10]}; {hint}"


def test_diff_names_changed_added_and_removed_cases() -> None:
    tool = _tool()
    assert tool.diff({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "9", "d": "4"}) == (
        ["b"],
        ["d"],
        ["c"],
    )
