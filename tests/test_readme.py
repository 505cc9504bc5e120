"""The README's tour runs as written, and its two set-up commands are the documented ones."""

from __future__ import annotations

import ast
import re
from datetime import date

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_tour_runs_and_says_what_it_gets() -> None:
    """The tour runs, and every result its comments state is the one papi gives."""
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has a Python tour"
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    acc = namespace["acc"]
    assert acc.where.name == "Phường Hải Châu"  # type: ignore[attr-defined]
    assert acc.responsible  # type: ignore[attr-defined]
    assert "Phường Hải Châu" in acc.explain(lang="vi")  # type: ignore[attr-defined]
    checked = 0
    for line in blocks[0].splitlines():
        expr, _, comment = line.partition("  # ")
        if not comment or "=" in expr.split("(")[0]:
            continue  # a statement, not an expression with a stated result
        got = eval(expr, namespace)
        stated = comment.split(";")[0].strip()
        if stated.startswith("'"):
            assert got == ast.literal_eval(stated.split("'", 2)[1].join("''")), line
        elif m := re.match(r"(\d{4}-\d{2}-\d{2})\b", stated):
            assert got == date.fromisoformat(m.group(1)), line
        elif m := re.match(r"(\d+) units\b", stated):
            assert len(got) == int(m.group(1)), line
        else:
            continue
        checked += 1
    assert checked == 3, "each stated result of the tour is checked"


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    assert len(commands) == 2
    assert "papi who D3" in commands[0]
    assert "pytest" in commands[1]
