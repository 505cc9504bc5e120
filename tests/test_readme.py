"""The README's tour runs as written, and its two set-up commands are the documented ones."""

from __future__ import annotations

import re
from datetime import date

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_tour_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks, "the README has a Python tour"
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    acc = namespace["acc"]
    assert acc.on == date(2026, 3, 1)  # type: ignore[attr-defined]


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    assert len(commands) == 2
    assert "papi who D3" in commands[0]
    assert "pytest" in commands[1]
