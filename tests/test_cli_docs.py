"""docs/reference/cli.md shows the current ``--help`` of every command, docs/reference/papi.md
the current top-level API, and every public name is in the API reference.

Regenerate the pages after changing the command line or ``papi/__init__.py``:
``python tests/test_cli_docs.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reference" / "cli.md"
TOP_PAGE = ROOT / "docs" / "reference" / "papi.md"

INTRO = """\
# The `papi` command

`papi` is installed with the package (`pip install papi-vn`; also `python -m papi`). Every
sub-command answers one question on the packaged data; the queries about duties (`who`,
`duties`, `agenda`, `overdue`, `gaps`, and `serve`) also on your plan files loaded on top of it
with `--data` (repeatable; the other commands refuse `--data` rather than ignore it). Options
common to all commands (`--lang`, `--json`, `--csv`, `--data`, `--debug`) may come before or
after the command's name, and every command's help ends with examples.

* **Output.** Aligned tables and paragraphs laid out for the terminal's width (`COLUMNS`, else
  the terminal's size; words are never cut unless a single word is wider than its column);
  with `--csv`, the answer's table as CSV (ISO dates, `true`/`false`); with `--json`, a JSON
  document whose `schema` key names its packaged JSON Schema (`papi.accountability/1`,
  `papi.duties/1`, `papi.agenda/1`, `papi.overdue/1`, `papi.gaps/1`, `papi.units/1`,
  `papi.framework/1`, `papi.scores/1`, `papi.deadline/1`, `papi.statutes/1`,
  `papi.conversion/1`; `papi.check/1`, `papi.ranking/1` and `papi.framework-element/1` are the
  command's own). Output is UTF-8 whatever the terminal's encoding.
* **Language.** `--lang vi` says everything in Vietnamese: the help, argparse's own words, the
  errors, the labels and values of the tables, dates as dd/mm/yyyy. Without `--lang`, the
  language is `PAPI_LANG`, else the locale (`LANGUAGE`, else `LC_ALL`, `LC_MESSAGES`, `LANG`
  starting `vi`), else English. Task references read "nhiệm vụ T6" (a bare "T6" reads as *Thứ Sáu*).
* **The day.** Dates are accepted as `YYYY-MM-DD` or `dd/mm/yyyy` (`--on 01/03/2026`). `--on`
  defaults to today in Asia/Ho_Chi_Minh; the command then says so on stderr, never in the
  JSON on stdout.
* **Errors.** One line on stderr starting `papi: error:` (`papi: lỗi:` in Vietnamese) and exit
  code 2 (an unknown unit, a bad date, an invalid plan file ...); under `--json`, a
  `papi.error/1` document on stderr (the HTTP service's error document: a stable `code`, the
  message in both languages, structured `candidates` for an ambiguous name). `--debug` adds the
  Python traceback. Exit code 1 means a bug in papi. `papi check` also lists every problem of
  the plan file on stdout.
* **Warnings.** Answers beyond what the data vouches for print `papi: warning: ...` on stderr
  (see [data coverage](../coverage.md)). Building a model that takes over a second shows a
  spinner on stderr when stderr is a terminal.
* **Shell completion.** `papi completion bash|zsh|fish` prints a completion script generated
  from the parser (see [the terminal how-to](../howto/terminal.md)).

"""

OUTRO = """\
## How the command is built

`papi.cli` follows pip's layout: `papi/cli/_parser.py` lists every command in `COMMANDS`
(name, module, one-line summaries in English and Vietnamese); each command is a module of
`papi/cli/commands/` with its `DESCRIPTION` and `DESCRIPTION_VI`, its `EXAMPLES` and
`EXAMPLES_VI` (all run by the tests), `add_arguments(parser)` (option help through
`t(en, vi)`) and `run(context)`.
They share `papi/cli/_context.py` (the `Context`: the parsed options, the output language,
JSON output through `papi.io.dumps`), `papi/cli/_render.py` (the terminal's width, tables
and paragraphs measured in display columns and wrapped between words, the Vietnamese words;
the standard library only, no rendering library), `papi/cli/_errors.py` (errors in both
languages, `papi.error/1`) and `papi/cli/_documents.py` (the command's own JSON documents). A
command's module is imported only when the command line names it, so `papi --help` and
`papi --version` build nothing and import nothing beyond the standard library. To add a
command, add its module and one line to `COMMANDS`, then regenerate this page (`python
tests/test_cli_docs.py`).

## Calling it from Python

::: papi.cli.main

::: papi.cli.build_parser

::: papi.cli.render_table

::: papi.cli.display_width
"""


def render_page() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps help text to the terminal width
    from papi.cli import build_parser
    from papi.cli._parser import set_lang

    set_lang("en")  # the page shows the English help

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


TOP_INTRO = """\
# `papi` (the top-level package)

`import papi` gives the names most programs need, re-exported from the modules below, so that
`papi.hanoi()`, `papi.framework(2024)` or `papi.NotFound` work without importing submodules.
Each name links to its documentation in its module's reference page. The names are imported
on first use, so `import papi` itself loads neither networkx, holidays nor cattrs.

::: papi
    options:
      members: false
      show_root_heading: false

| name | what it is |
|---|---|
"""


def _reference_modules() -> list[str]:
    pages = sorted((ROOT / "docs" / "reference").glob("*.md"))
    return [p.stem for p in pages if p.stem not in ("cli", "papi")]


def _summary(doc: str) -> str:
    """The first sentence of a docstring, as Markdown, cut at a clause if long."""
    import re

    text = doc.split("\n\n")[0].replace("\n", " ")
    text = re.split(r"(?<=[a-z)])\. ", text)[0].rstrip(".")
    text = re.sub(r":[a-z]+:`~?([^`]+)`", r"`\1`", text).replace("``", "`")
    if text.count("(") > text.count(")"):  # cut inside "(e.g. ...)"
        text = text[: text.rindex("(")].rstrip(" ,")
    if len(text) > 100:
        text = re.split(r"[:;(]", text)[0].rstrip(" ,")
    return text.replace("|", "\\|")


def render_top_page() -> str:
    import importlib
    import inspect
    import types

    import papi

    rows = []
    for name in sorted(papi.__all__, key=lambda n: (n.startswith("_"), n.lower())):
        obj = getattr(papi, name)
        if name == "__version__":
            rows.append(f"| `__version__` | the version, `{obj}` |")
            continue
        if isinstance(obj, types.ModuleType):
            mod = obj.__name__.split(".")[1]
            summary = _summary(inspect.getdoc(obj) or "")
            rows.append(f"| [`{name}`]({mod}.md) | module: {summary} |")
            continue
        module = getattr(obj, "__module__", None) or "papi.?"
        if not module.startswith("papi."):
            module = "papi.?"  # a constant of another library's type (VN_TZ: a ZoneInfo)
        defined = module.split(".")[1].lstrip("_").split("_")[0]  # papi.territory.model: territory
        homes = [
            m
            for m in _reference_modules()
            if name in getattr(importlib.import_module(f"papi.{m}"), "__all__", ())
        ]
        assert homes, f"papi.{name} is in no reference page"
        home = defined if defined in homes else homes[0]
        kind = "class" if isinstance(obj, type) else "function" if callable(obj) else "constant"
        summary = _summary(inspect.getdoc(obj) or "") if kind != "constant" else ""
        link = f"[`{name}`]({home}.md#papi.{home}.{name})"
        what = f"{kind}{': ' if summary else ''}{summary} (`papi.{home}.{name}`)"
        rows.append(f"| {link} | {what} |")
    return TOP_INTRO + "\n".join(rows) + "\n"


def test_top_level_reference_page_is_current() -> None:
    assert TOP_PAGE.read_text(encoding="utf-8") == render_top_page(), (
        "docs/reference/papi.md is out of date: run `python tests/test_cli_docs.py`"
    )


def test_every_reference_module_page_renders_its_module() -> None:
    for mod in _reference_modules():
        text = (ROOT / "docs" / "reference" / f"{mod}.md").read_text(encoding="utf-8")
        assert f"::: papi.{mod}" in text, mod


def test_mkdocstrings_shows_names_without_docstrings() -> None:
    # public constants and attrs fields have no docstring of their own (a ``#:`` comment is
    # not one for mkdocstrings): hiding them would drop them from the reference
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "show_if_no_docstring: true" in text
    assert 'filters: ["!^_"]' in text
    assert "reference/papi.md" in text


def test_getting_started_shows_the_current_answer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from papi.cli import main

    monkeypatch.setenv("COLUMNS", "100")  # the page shows a 100-column terminal
    for name in ("PAPI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    shown = page.split("```text\n", 1)[1].split("```", 1)[0]
    assert main(["who", "D3", "--where", "Phường Hoàn Kiếm", "--on", "2026-03-01"]) == 0
    out = capsys.readouterr().out
    assert shown == out, (
        "docs/getting-started.md shows an old `papi who` answer: paste the output of "
        '`papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01` into its first text block'
    )


def test_every_public_name_is_in_the_built_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("mkdocstrings", reason="the docs need the 'docs' extra")
    import importlib
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PAPI_DOCS_EXECUTE", "false")  # the notebooks run in their own test
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    missing = []
    for mod in [*_reference_modules(), "cli"]:
        html = (tmp_path / "site" / "reference" / mod / "index.html").read_text(encoding="utf-8")
        module = importlib.import_module(f"papi.{mod}")
        names = module.__all__ if mod != "cli" else ["main", "build_parser", "render_table"]
        missing += [f"papi.{mod}.{n}" for n in names if f'id="papi.{mod}.{n}"' not in html]
    assert not missing, missing


if __name__ == "__main__":
    PAGE.write_text(render_page(), encoding="utf-8")
    TOP_PAGE.write_text(render_top_page(), encoding="utf-8")
    sys.stdout.write(f"wrote {PAGE} and {TOP_PAGE}\n")
