"""The ``papi`` argument parser (private), built lazily: :data:`COMMANDS` names every command
with its module and one-line summary, so ``papi --help`` and ``papi --version`` import no
command; a command's module is imported, and its options added, only when it is chosen (or
when :func:`build_parser` builds everything for the documentation)."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn, cast

__all__ = [
    "COMMANDS",
    "PROG",
    "READS_PLANS",
    "add_on",
    "build_parser",
    "command_module",
    "lazy_parser",
]

PROG = "papi"

#: Every command: name -> (its module, the summary ``papi --help`` lists). Each module has
#: ``DESCRIPTION``, ``EXAMPLES`` (the end of its ``--help``, all run by the tests),
#: ``add_arguments(parser)`` and ``run(context) -> exit code``.
COMMANDS: dict[str, tuple[str, str]] = {
    "who": (
        "papi.cli.commands.who",
        "who is accountable for a PAPI dimension or indicator in a unit",
    ),
    "duties": ("papi.cli.commands.duties", "the duties of a unit or organization"),
    "agenda": ("papi.cli.commands.agenda", "deadlines falling in a period"),
    "overdue": (
        "papi.cli.commands.overdue",
        "duties past their deadline without a report of completion",
    ),
    "gaps": ("papi.cli.commands.gaps", "duties nobody holds, or held by nobody on the day"),
    "framework": (
        "papi.cli.commands.framework",
        "the PAPI indicator framework, or one element of it",
    ),
    "units": ("papi.cli.commands.units", "administrative units on a day"),
    "scores": (
        "papi.cli.commands.scores",
        "PAPI scores: Hanoi's scorecard, or a ranking from a score table",
    ),
    "deadline": ("papi.cli.commands.deadline", "when a statutory deadline falls"),
    "check": ("papi.cli.commands.check", "validate a plan file"),
}

#: The commands whose answers depend on the duties, so on a ``--data`` plan file.
READS_PLANS = ("who", "duties", "agenda", "overdue", "gaps")

_LANGS = ("vi", "en")

_DESCRIPTION = (
    "Who is accountable for this, here, by when, and on what legal basis?\n"
    "Answers from the packaged Hanoi data: the PAPI framework and scores, the territory\n"
    "before and after the 2025 reform, organizations, the duties of Plan 164/KH-UBND,\n"
    "statutory deadlines."
)
_EPILOG = (
    "Examples:\n"
    '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01\n'
    "  papi deadline complaint.first_instance --from 2026-01-20\n"
    "  papi framework D3 --year 2024\n"
    "Run 'papi COMMAND --help' for the options of a command."
)


def command_module(name: str) -> ModuleType:
    """The module of command ``name`` (imported on first use)."""
    return importlib.import_module(COMMANDS[name][0])


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``papi: error: ... (see 'papi who --help')``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps the description like argparse does, but keeps the examples' lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("Examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The sub-commands: a command's parser gets its description, examples and options
    (importing its module) only when the command line chooses it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ready: set[str] = set()

    def prepare(self, name: str) -> None:
        """Give command ``name``'s parser everything its module says."""
        if name in self.ready or name not in self._name_parser_map:
            return
        module = command_module(name)
        parser = self._name_parser_map[name]
        parser.description = module.DESCRIPTION
        parser.epilog = module.EXAMPLES
        module.add_arguments(parser)
        self.ready.add(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, Sequence) and values and isinstance(values[0], str):
            self.prepare(values[0])
        super().__call__(parser, namespace, values, option_string)


def _common(parent: bool) -> argparse.ArgumentParser:
    """Options every sub-command accepts, before or after the sub-command's name."""
    common = argparse.ArgumentParser(add_help=False)
    sup: Any = argparse.SUPPRESS

    def default(value: object) -> object:
        return value if parent else sup

    g = common.add_argument_group("output and data")
    g.add_argument(
        "--lang",
        choices=_LANGS,
        default=default("en"),
        help="language of names and explanations: vi (tiếng Việt) or en (default: en)",
    )
    g.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print the answer as JSON (the library's documents) instead of a table",
    )
    g.add_argument(
        "--data",
        metavar="PLAN_FILE",
        default=default(None),
        help="load this plan file (JSON or TOML) on top of the packaged Hanoi data (who, duties, "
        "agenda, overdue, gaps)",
    )
    g.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help="show the Python traceback of an error",
    )
    return common


def add_on(p: argparse.ArgumentParser, what: str = "the day the question is about") -> None:
    """The ``--on DATE`` option of the commands about one day."""
    p.add_argument(
        "--on",
        metavar="DATE",
        help=f"{what}, YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)",
    )


def lazy_parser() -> tuple[argparse.ArgumentParser, _Commands]:
    """The top-level parser, every command listed and none prepared yet."""
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_common(parent=True)],
    )
    from papi import __version__

    parser.add_argument("--version", action="version", version=f"papi {__version__}")
    sub = cast(
        "_Commands",
        parser.add_subparsers(
            dest="command", metavar="COMMAND", parser_class=_Parser, action=_Commands
        ),
    )
    sub.required = True
    common = _common(parent=False)
    for name, (_, summary) in COMMANDS.items():
        sub.add_parser(
            name,
            help=summary,
            formatter_class=_HelpFormatter,
            parents=cast("list[_Parser]", [common]),
        )
    return parser, sub


def build_parser() -> argparse.ArgumentParser:
    """The ``papi`` argument parser with every command ready (for documentation tools and
    shell completion)."""
    parser, sub = lazy_parser()
    for name in COMMANDS:
        sub.prepare(name)
    return parser
