"""docs/reference/cli.md shows the current ``--help`` of every command.

Regenerate the page after changing the command line: ``python tests/test_cli_docs.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"

INTRO = """\
# The `papi` command

`papi` is installed with the package (`pip install papi-vn`; also `python -m papi`). Every
sub-command answers one question on the packaged Hanoi data, or on your plan file loaded on top
of it with `--data`. Options common to all commands (`--lang`, `--json`, `--data`, `--debug`)
may come before or after the command's name.

* **Output.** Aligned tables for people; with `--json`, the same JSON documents as the library
  (`papi.io.dumps` of the answer: `papi.accountability/1`, `papi.duties/1`, `papi.agenda/1`,
  `papi.overdue/1`, `papi.gaps/1`). Output is UTF-8 whatever the terminal's encoding.
* **The day.** `--on` defaults to today in Asia/Ho_Chi_Minh; the command then says so on
  stderr, never in the JSON on stdout.
* **Errors.** One line on stderr starting `papi: error:` and exit code 2 (an unknown unit, a bad
  date, an invalid plan file ...); `--debug` adds the Python traceback. Exit code 1 means a bug
  in papi. `papi check` also lists every problem of the plan file on stdout.
* **Warnings.** Answers beyond what the data vouches for print `papi: warning: ...` on stderr
  (see [data coverage](../coverage.md)).

"""

OUTRO = """\
## Calling it from Python

::: papi.cli.main

::: papi.cli.render_table

::: papi.cli.display_width
"""


def render_page() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps help text to the terminal width
    from papi.cli import build_parser

    parser = build_parser()
    parts = [INTRO, "## `papi`\n\n```text\n", parser.format_help(), "```\n\n"]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        parts += [f"## `papi {name}`\n\n```text\n", command.format_help(), "```\n\n"]
    parts.append(OUTRO)
    return "".join(parts)


@pytest.mark.skipif(
    sys.version_info[:2] != (3, 11),
    reason="the page is generated with Python 3.11; argparse's help layout differs by version",
)
def test_cli_reference_page_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    expected = render_page()
    assert PAGE.read_text(encoding="utf-8") == expected, (
        "docs/reference/cli.md is out of date: run `python tests/test_cli_docs.py`"
    )


if __name__ == "__main__":
    PAGE.write_text(render_page(), encoding="utf-8")
    sys.stdout.write(f"wrote {PAGE}\n")
