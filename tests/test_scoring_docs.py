"""The examples in docs/framework.md and docs/scoring.md run and give the output shown."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _run(page: Path) -> doctest.TestResults:
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    assert blocks, f"{page} has no python examples"
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_framework_page_examples() -> None:
    result = _run(DOCS / "framework.md")
    assert result.failed == 0
    assert result.attempted > 20


def test_scoring_page_examples(scores_csv: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The page reads the shared table as "../shared/data/...", relative to the checkout.
    monkeypatch.chdir(DOCS.parent)
    result = _run(DOCS / "scoring.md")
    assert result.failed == 0
    assert result.attempted > 20
