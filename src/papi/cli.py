"""The ``papi`` command: papi's questions from a terminal.

Every sub-command answers one question on the packaged Hanoi data (or on a plan file of your
own loaded on top of it with ``--data``), as an aligned table for people or, with ``--json``,
as the same JSON documents the library produces::

    papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01
    papi deadline complaint.first_instance --from 2026-01-20
    papi units --level commune --within "Thành phố Hà Nội" --on 2026-03-01 --json

Queries that depend on the day take ``--on YYYY-MM-DD``; without it the command uses today
in Asia/Ho_Chi_Minh and says so on stderr (never in the JSON on stdout).

Errors are one line on stderr starting ``papi: error:`` and exit code 2; ``--debug`` adds the
Python traceback. :func:`main` takes the argument list, so the command can be called from
Python (and tests) without a subprocess:

>>> main(["deadline", "complaint.first_instance", "--from", "2026-13-01"])
2
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import json
import os
import re
import sys
import textwrap
import traceback
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import attrs

from papi.dates import Validity, parse_date, today_in_vietnam
from papi.errors import PapiError

if TYPE_CHECKING:
    from papi.framework import Element
    from papi.governance import (
        Accountability,
        DutyItem,
        Governance,
        Notice,
        OrgInfo,
        PostInfo,
        Responsible,
    )
    from papi.rules import Statute, Unscheduled
    from papi.scoring import Group
    from papi.territory import Unit

__all__ = ["build_parser", "display_width", "main", "render_table"]

PROG = "papi"


# --------------------------------------------------------------------------------------------
# Text layout: widths of Vietnamese text in a terminal


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: combining marks take none, wide and full-width
    characters (CJK) take two, everything else one. Works for NFD input too.

    >>> display_width("Phường Hoàn Kiếm"), display_width("Phu\\u031bo\\u031b\\u0300ng")
    (16, 6)
    >>> display_width("北京")
    4
    """
    width = 0
    for ch in unicodedata.normalize("NFC", text):
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def render_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], *, wrap: int | None = None
) -> str:
    """An aligned plain-text table (NFC text, two spaces between columns, a rule under the
    header). ``None`` cells print as ``-``. With ``wrap``, cells wider than ``wrap`` columns
    are wrapped onto several lines.

    >>> print(render_table(["Code", "Name"], [["D3", "Trách nhiệm giải trình"], ["D10", None]]))
    Code  Name
    ----  ----------------------
    D3    Trách nhiệm giải trình
    D10   -
    >>> print(render_table(["Code", "Name"], [["D3", "Trách nhiệm giải trình"]], wrap=12))
    Code  Name
    ----  -----------
    D3    Trách nhiệm
          giải trình
    """
    header = [unicodedata.normalize("NFC", str(h)) for h in headers]
    body: list[list[list[str]]] = []
    for row in rows:
        cells = []
        for value in row:
            text = _cell(value)
            if wrap is not None and display_width(text) > wrap:
                cells.append(textwrap.wrap(text, width=wrap, break_on_hyphens=False) or [""])
            else:
                cells.append([text])
        body.append(cells)
    widths = [display_width(h) for h in header]
    for cells in body:
        for i, lines in enumerate(cells):
            widths[i] = max(widths[i], *(display_width(line) for line in lines))
    out = ["  ".join(_pad(c, w) for c, w in zip(header, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    for cells in body:
        for n in range(max(len(lines) for lines in cells)):
            parts = [lines[n] if n < len(lines) else "" for lines in cells]
            out.append("  ".join(_pad(c, w) for c, w in zip(parts, widths, strict=True)).rstrip())
    return "\n".join(out)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------
# JSON documents


def to_document(obj: object) -> Any:
    """A JSON-ready document for ``obj``: its own ``to_dict()`` when it has one (the library's
    documents), else the fields of an attrs object; enums become their values and dates ISO
    strings.

    >>> to_document(Validity(valid_from=date(2025, 7, 1)))
    {'valid_from': '2025-07-01', 'valid_to': None}
    """
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict) and not isinstance(obj, type):
        return to_document(to_dict())
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    if attrs.has(type(obj)):
        return {
            f.name: to_document(getattr(obj, f.name))
            for f in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj)))
            if not f.name.startswith("_")
        }
    if isinstance(obj, Mapping):
        return {str(k): to_document(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        items = [to_document(v) for v in obj]
        return sorted(items, key=str) if isinstance(obj, set | frozenset) else items
    if obj is None or isinstance(obj, str | int | float):
        return obj
    return str(obj)


def _dump(doc: object) -> str:
    return json.dumps(to_document(doc), ensure_ascii=False, indent=2, sort_keys=False)


# --------------------------------------------------------------------------------------------
# The parser


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``papi: error: ... (see 'papi who --help')``."""

    def error(self, message: str) -> Any:  # argparse's signature returns NoReturn
        self.exit(2, f"{PROG}: error: {message} (see '{self.prog} --help')\n")


_LANGS = ("vi", "en")


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


def _on(p: argparse.ArgumentParser, what: str = "the day the question is about") -> None:
    p.add_argument(
        "--on",
        metavar="DATE",
        help=f"{what}, YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)",
    )


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps the description like argparse does, but keeps the examples' lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("Examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


#: The examples printed at the end of each command's ``--help`` (all run by the tests).
_EXAMPLES: dict[str, str] = {
    "who": (
        "Examples:\n"
        '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01\n'
        '  papi who D3 --where "P. Hoan Kiem" --on 2026-03-01 --verbose   # every task and basis\n'
        '  papi who D3 --where "Phường Hàng Bạc" --on 2022-09-30 --lang vi  # before the reform\n'
        '  papi who "e-governance" --where "Phường Minh Khai, Quận Hai Bà Trưng" --on 2024-03-01\n'
        '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01 --json | python -m json.tool\n'
        "A name shared by several units is written 'Name, Parent' (the district before\n"
        "2025-07-01, the city after) or given by its id, as the error message lists them."
    ),
    "duties": (
        "Examples:\n"
        '  papi duties "Phường Hoàn Kiếm" --on 2026-03-01\n'
        '  papi duties "Sở Nội vụ" --on 2026-03-01 --lang vi\n'
        '  papi duties "Quận Hoàn Kiếm" --on 2022-09-30 --json'
    ),
    "agenda": (
        "Examples:\n"
        '  papi agenda --from 2026-02-01 --to 2026-02-28 --of "Phường Hoàn Kiếm"\n'
        "  papi agenda --from 2026-03-01 --to 2026-03-31 --json\n"
        "Without --of, the deadlines of every holder in the data."
    ),
    "overdue": (
        "Examples:\n"
        "  papi overdue --on 2026-03-01\n"
        "  papi overdue --on 2026-03-01 --data my_reports.toml   # with your progress reports"
    ),
    "gaps": (
        "Examples:\n  papi gaps --on 2026-03-01\n  papi gaps --on 2022-09-30 --lang vi --json"
    ),
    "framework": (
        "Examples:\n"
        "  papi framework                 # the newest framework (since 2018)\n"
        "  papi framework --year 2015     # the 2011-2017 framework, 6 dimensions\n"
        "  papi framework D3 --lang vi\n"
        '  papi framework "quan tri dien tu" --json   # by name, diacritics optional'
    ),
    "units": (
        "Examples:\n"
        "  papi units --level commune --on 2026-03-01   # Hanoi's 126 communes and wards\n"
        '  papi units --within "Quận Hoàn Kiếm" --on 2022-09-30\n'
        "  papi units --level province --json\n"
        "Without --level or --within: every unit of Hanoi on the day, at every level."
    ),
    "scores": (
        "Examples:\n"
        "  papi scores --year 2021          # Hà Nội: 9th of 63, group 1 (Cao, high)\n"
        "  papi scores --year 2024 --lang vi --json\n"
        "  papi scores --year 2021 --table papi_provincial_scores_2011_2024.csv\n"
        "The packaged results cover Hà Nội 2018-2024; --table ranks every province of a CSV\n"
        "with the columns province_vi, year, D1..D8 (see docs/howto/papi-workbook.md)."
    ),
    "deadline": (
        "Examples:\n"
        "  papi deadline complaint.first_instance --from 2026-01-20   # runs past Tết\n"
        "  papi deadline report.monthly --from 2026-01-01 --to 2026-06-30\n"
        "  papi deadline --from 2026-03-01        # every statute key in force that day\n"
        "  papi deadline citizen_reception.commune_chair --from 2026-11-25\n"
        "A duty in force whose period is not yet sourced (e.g. citizen reception under Law\n"
        "136/2025/QH15) is shown with 'Due: not computable' and the reason (--json: due null)."
    ),
    "check": (
        "Examples:\n"
        "  papi check my_plan.toml\n"
        "  papi check my_plan.json --json\n"
        "Then use it with any query: papi who D3 --where UNIT --data my_plan.toml"
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """The ``papi`` argument parser (for documentation tools and shell completion)."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Who is accountable for this, here, by when, and on what legal basis?\n"
            "Answers from the packaged Hanoi data: the PAPI framework and scores, the territory\n"
            "before and after the 2025 reform, organizations, the duties of Plan 164/KH-UBND,\n"
            "statutory deadlines."
        ),
        epilog=(
            "Examples:\n"
            '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01\n'
            "  papi deadline complaint.first_instance --from 2026-01-20\n"
            "  papi framework D3 --year 2024\n"
            "Run 'papi COMMAND --help' for the options of a command."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[_common(parent=True)],
    )
    from papi import __version__

    parser.add_argument("--version", action="version", version=f"papi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    common = _common(parent=False)

    def command(name: str, help_: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help_,
            description=description,
            epilog=_EXAMPLES[name],
            formatter_class=_HelpFormatter,
            parents=cast("list[_Parser]", [common]),
        )

    p = command(
        "who",
        "who is accountable for a PAPI dimension or indicator in a unit",
        "Who is accountable for SUBJECT (a PAPI code such as D3 or D3.1, or a dimension name) in "
        "the unit WHERE on a day: each role (lead, implement, accountable ...) with the "
        "organizations, posts and persons, the document that assigned it, any succession "
        "followed (e.g. a district abolished on 2025-07-01), the escalation chain and the "
        "next deadlines. Prints a one-screen summary; --verbose prints every task, paragraph "
        "and caveat, --json the complete papi.accountability/1 document.",
    )
    p.add_argument("subject", metavar="SUBJECT", help="PAPI code (D3, D3.1) or name")
    p.add_argument(
        "--where",
        required=True,
        metavar="UNIT",
        help="unit name (diacritics optional; 'Name, Parent' when shared), code or id",
    )
    _on(p)
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="every task, paragraph, legal basis, succession and warning (default: a summary)",
    )
    p.set_defaults(handler=_cmd_who)

    p = command(
        "duties",
        "the duties of a unit or organization",
        "Every duty (task and role) held by an organization, or by the People's Committee of a "
        "unit, on a day, with its legal basis and deadline rule.",
    )
    p.add_argument("of", metavar="UNIT_OR_ORG", help="unit or organization name, code or id")
    _on(p)
    p.set_defaults(handler=_cmd_duties)

    p = command(
        "agenda",
        "deadlines falling in a period",
        "The deadlines that fall between --from and --to (inclusive), optionally only those of "
        "one organization or unit.",
    )
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day")
    p.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day")
    p.add_argument(
        "--of", metavar="ORG_OR_UNIT", help="only the duties of this holder (default: every holder)"
    )
    p.set_defaults(handler=_cmd_agenda)

    p = command(
        "overdue",
        "duties past their deadline without a report of completion",
        "Duties whose deadline has passed on the day without a report of completion.",
    )
    _on(p)
    p.set_defaults(handler=_cmd_overdue)

    p = command(
        "gaps",
        "duties nobody holds, or held by nobody on the day",
        "Accountability gaps on a day: tasks with no holder, selectors that match no "
        "organization, posts with no known holder.",
    )
    _on(p)
    p.set_defaults(handler=_cmd_gaps)

    p = command(
        "framework",
        "the PAPI indicator framework, or one element of it",
        "The PAPI framework in force in a year (8 dimensions since 2018, 6 in 2011-2017): every "
        "dimension, sub-dimension and indicator; or, with CODE, one element with its parent, "
        "children and sources.",
    )
    p.add_argument("code", nargs="?", metavar="CODE", help="element code (D3, D3.1) or name")
    p.add_argument("--year", type=int, help="PAPI survey year (default: the newest framework)")
    p.set_defaults(handler=_cmd_framework)

    p = command(
        "units",
        "administrative units on a day",
        "Administrative units that exist on a day, optionally of one level and within one unit. "
        "Levels: province, district (until 2025-06-30), commune, village.",
    )
    p.add_argument(
        "--level",
        choices=("province", "district", "commune", "village"),
        help="only units of this level (default: every level)",
    )
    p.add_argument(
        "--within", metavar="UNIT", help="only units inside this unit (default: all of Hanoi)"
    )
    _on(p)
    p.set_defaults(handler=_cmd_units)

    p = command(
        "scores",
        "PAPI scores: Hanoi's scorecard, or a ranking from a score table",
        "PAPI results for a year. Without --table: Hanoi's official scorecard from the packaged "
        "data. With --table CSV (the shape of the PAPI provincial workbook export, see "
        "papi.scoring.load_table): every province ranked, with its group.",
    )
    p.add_argument("--year", type=int, required=True, help="PAPI survey year")
    p.add_argument(
        "--table",
        metavar="CSV",
        help="a provincial score table to rank (default: Hà Nội's packaged results)",
    )
    p.set_defaults(handler=_cmd_scores)

    p = command(
        "deadline",
        "when a statutory deadline falls",
        "The deadline of a statutory rule counted from a day, on the Vietnamese working-day "
        "calendar (Civil Code 91/2015/QH13 arts 144-148: the first day is not counted; a "
        "period ending on a day off ends on the next working day). RULE is a statute key such "
        "as complaint.first_instance; without RULE, lists the statute keys in force on --from.",
    )
    p.add_argument(
        "rule", nargs="?", metavar="RULE", help="statute key, e.g. complaint.first_instance"
    )
    p.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help="the triggering day, YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)",
    )
    p.add_argument(
        "--to",
        dest="end",
        metavar="DATE",
        help="for recurring rules: list every deadline up to this day",
    )
    p.set_defaults(handler=_cmd_deadline)

    p = command(
        "check",
        "validate a plan file",
        "Validate a plan file against the packaged Hanoi data and list every problem with its "
        "path in the file. Exit code 0 when valid, 2 otherwise.",
    )
    p.add_argument("plan", metavar="PLAN_FILE", help="the plan file (JSON or TOML)")
    p.set_defaults(handler=_cmd_check)
    return parser


# --------------------------------------------------------------------------------------------
# Running a command


#: The commands whose answers depend on the duties, so on a ``--data`` plan file.
_READS_PLANS = ("who", "duties", "agenda", "overdue", "gaps")


class CommandError(PapiError):
    """A problem with the command line that argparse cannot see (e.g. a bad date)."""


@attrs.define
class _Context:
    args: argparse.Namespace
    out: TextIO
    err: TextIO

    @property
    def lang(self) -> str:
        return str(self.args.lang)

    @property
    def as_json(self) -> bool:
        return bool(self.args.json)

    def en(self, en: str, vi: str) -> str:
        return vi if self.lang == "vi" else en

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def para(self, text: str, indent: str = "") -> None:
        """A paragraph wrapped to 100 columns; continuation lines start with ``indent``."""
        wrapped = textwrap.fill(text, width=100, break_on_hyphens=False, subsequent_indent=indent)
        self.out.write(wrapped + "\n")

    def note(self, text: str) -> None:
        self.err.write(f"{PROG}: {text}\n")

    def date(self, value: str | None, option: str, *, default_today: bool = True) -> date:
        if value is None:
            if not default_today:
                raise CommandError(f"{option} is required")
            today = today_in_vietnam()
            self.note(f"{option} not given; using today in Asia/Ho_Chi_Minh: {today.isoformat()}")
            return today
        return parse_date(value, path=option)

    def emit(self, doc: object) -> None:
        self.out.write(_dump(doc) + "\n")

    def governance(self) -> Governance:
        """The packaged Hanoi model, plus the ``--data`` plan file if given."""
        from papi.datasets import hanoi

        with warnings.catch_warnings():
            # the packaged 2022 plan predates the territory data's coverage: its build
            # warnings are not about the user's question
            warnings.simplefilter("ignore")
            base = hanoi()
        if not self.args.data:
            return base
        from papi.errors import InvalidData
        from papi.io import load_plan

        path: str = self.args.data
        try:
            return load_plan(path, base=base)
        except InvalidData as exc:
            if len(exc.problems) < 2:
                raise
            problems = "; ".join(str(p) for p in exc.problems)
            raise CommandError(
                f"{path} is not a valid plan file ({len(exc.problems)} problems; "
                f"'papi check {path}' lists them one per line): {problems}"
            ) from None

    def unit_name(self, unit: Unit) -> str:
        if self.lang == "en" and unit.name_en:
            return unit.name_en
        return unit.name


def _utf8(stream: TextIO) -> TextIO:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8":
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
    return stream


def _one_line(exc: BaseException) -> str:
    """The message of ``exc`` on one line: a list of problems is joined with ``; ``.

    >>> from papi.errors import InvalidData, Problem
    >>> print(_one_line(InvalidData.collect("plan.toml is invalid", [
    ...     Problem(path="a", message="unknown role", value="boss"),
    ...     Problem(path="b", message="not a date", value="2022-13-01")])))
    plan.toml is invalid (2 problems): a: unknown role (value: 'boss'); b: not a date (value: '2022-13-01')
    """
    text = str(exc) or type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].endswith(":"):
        items = [line[2:] if line.startswith("- ") else line for line in lines[1:]]
        return lines[0] + " " + "; ".join(items)
    return "; ".join(lines)


_CANDIDATE = re.compile(
    r"^(?P<name>.+) \(code (?P<code>[^,]+), id (?P<id>[^,]+), in (?P<parent>.+)\)$"
)


def _hint(exc: PapiError) -> str:
    """How to get past an ambiguous unit name: the qualified form of each candidate.

    >>> from papi.errors import Ambiguous
    >>> hint = _hint(Ambiguous("unit", "Minh Khai", [
    ...     "Phường Minh Khai (code 00295, id 00295, in Quận Hai Bà Trưng)",
    ...     "Xã Minh Khai (code 09838, id 09838, in Huyện Hoài Đức)"]))
    >>> hint.startswith("; write 'Name, Parent' to choose: 'Phường Minh Khai, Quận Hai Bà Trưng'")
    True
    >>> hint.endswith("'Xã Minh Khai, Huyện Hoài Đức' (or the id: 00295, 09838)")
    True
    """
    from papi.errors import Ambiguous

    if not isinstance(exc, Ambiguous) or exc.what != "unit":
        return ""
    found = [_CANDIDATE.match(c) for c in exc.candidates]
    matches = [m for m in found if m is not None]
    if not matches or len(matches) != len(found):
        return ""
    names = ", ".join(repr(f"{m['name']}, {m['parent']}") for m in matches)
    ids = ", ".join(m["id"] for m in matches)
    return f"; write 'Name, Parent' to choose: {names} (or the id: {ids})"


@contextlib.contextmanager
def _warnings_to(err: TextIO) -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    seen: set[str] = set()
    for w in caught:
        msg = f"{PROG}: warning: {_one_line(Exception(str(w.message)))}"
        if msg not in seen:
            seen.add(msg)
            err.write(msg + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``papi`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit
    code: 0 on success, 2 on an error in the input (unknown unit, bad date, invalid plan
    file ...), 1 on an internal error."""
    out, err = _utf8(sys.stdout), _utf8(sys.stderr)
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:  # a bare `papi`: show what it can do rather than a usage error
        out.write(parser.format_help())
        return 2
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    ctx = _Context(args=args, out=out, err=err)
    handler: Callable[[_Context], int] = args.handler
    try:
        if args.data and args.command not in _READS_PLANS:
            raise CommandError(
                f"papi {args.command} does not read plan files; --data applies to "
                + ", ".join(_READS_PLANS)
                + f" (to validate {args.data}: papi check {args.data})"
            )
        with _warnings_to(err):
            return handler(ctx)
    except PapiError as exc:
        if args.debug:
            traceback.print_exc(file=err)
        err.write(f"{PROG}: error: {_one_line(exc)}{_hint(exc)}\n")
        return 2
    except BrokenPipeError:  # e.g. `papi units | head`: the reader is gone, nothing to say
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as exc:
        if args.debug:
            traceback.print_exc(file=err)
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        err.write(f"{PROG}: error: {where}{exc.strerror or exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as exc:
        if args.debug:
            raise
        err.write(
            f"{PROG}: internal error: {type(exc).__name__}: {_one_line(exc)} "
            "(this is a bug in papi; run again with --debug for the traceback)\n"
        )
        return 1


# --------------------------------------------------------------------------------------------
# Commands


#: Vietnamese for the codes the answers carry (levels, statuses), in tables and headings.
_VI_WORDS = {
    "province": "cấp tỉnh",
    "district": "cấp huyện",
    "commune": "cấp xã",
    "village": "thôn, tổ dân phố",
    "not_due": "chưa đến hạn",
    "due": "đến hạn",
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành muộn",
    "overdue": "quá hạn",
}


def _word(ctx: _Context, code: str | None) -> str | None:
    """A level or status code in the output language (the codes are English).

    >>> ns = argparse.Namespace(lang="vi", json=False)
    >>> _word(_Context(args=ns, out=sys.stdout, err=sys.stderr), "overdue")
    'quá hạn'
    """
    if code is None or ctx.lang != "vi":
        return code
    return _VI_WORDS.get(code, code)


def _emit_answer(ctx: _Context, answer: Any) -> None:
    from papi.io import dumps

    ctx.out.write(dumps(answer) + "\n")


def _warnings(ctx: _Context, notices: Sequence[Notice]) -> None:
    if notices:
        ctx.print()
        ctx.print(ctx.en("Warnings:", "Lưu ý:"))
        for n in notices:
            ctx.para(f"  ! {n.text(ctx.lang)}", indent="    ")


def _cmd_who(ctx: _Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().who(ctx.args.subject, where=ctx.args.where, on=day)
    if ctx.as_json:
        _emit_answer(ctx, answer)
    elif ctx.args.verbose:
        ctx.print(answer.explain(ctx.lang))
    else:
        _who_summary(ctx, answer)
    return 0


def _tasks_text(tasks: Iterable[str]) -> str:
    from papi.governance import task_sort_key

    return ", ".join(sorted(set(tasks), key=task_sort_key))


def _who_summary(ctx: _Context, a: Accountability) -> None:
    """The answer on one screen: one row per role and holder, then where the duties came
    from, whom to escalate to, the next dated deadline and how many caveats apply."""
    from papi.duties import Role
    from papi.governance import PRINCIPLE_HEAD

    vi = ctx.lang == "vi"
    subject = a.subject.name_vi if vi or not a.subject.name_en else a.subject.name_en
    ctx.para(
        ctx.en(
            f"Who is accountable for {a.subject.code} ({subject}) in {a.where.name} on {a.on}",
            f"Trách nhiệm về {a.subject.code} ({subject}) tại {a.where.name} ngày {a.on:%d/%m/%Y}",
        )
    )
    # the unit asked about no longer existed that day: say which unit answers instead
    moved = [h for h in a.hops if h.kind != "abolish_tier" and a.where.name in h.successors]
    for hop in moved:
        ctx.para(
            ctx.en(
                f"{hop.text('en')}; the answer is for {a.where.name}.",
                f"{hop.text('vi')}; câu trả lời là của {a.where.name}.",
            )
        )
    ctx.print()
    rows: list[list[object]] = []
    for role in Role:
        grouped: dict[tuple[str, str | None], list[Responsible]] = {}
        for r in a.by_role(role):
            grouped.setdefault((r.organization.id, r.post.id if r.post else None), []).append(r)
        for entries in grouped.values():
            first = entries[0]
            holder = first.holder.text(ctx.lang).strip("()") if first.holder else None
            rows.append(
                [
                    role.label(ctx.lang),
                    _org_name(ctx, first.organization, first.post),
                    holder if first.post is not None else None,
                    _tasks_text(r.task for r in entries),
                ]
            )
    if rows:
        headers = [
            ctx.en("Role", "Vai trò"),
            ctx.en("Held by", "Cơ quan, chức danh"),
            ctx.en("Person", "Người giữ chức"),
            ctx.en("Tasks", "Nhiệm vụ"),
        ]
        ctx.print(render_table(headers, rows, wrap=48))
        ctx.print()
        cites = dict.fromkeys(
            r.basis.citation_vi if vi else r.basis.citation_en for r in a.responsible
        )
        basis = ctx.en("Basis: ", "Căn cứ: ") + "; ".join(cites) + "."
        if any(r.basis.principle == PRINCIPLE_HEAD for r in a.responsible):
            basis += ctx.en(
                " The head of an organization answers for the tasks given to it (the "
                "người đứng đầu principle).",
                " Người đứng đầu chịu trách nhiệm về nhiệm vụ được giao cho cơ quan.",
            )
        ctx.para(basis)
    else:
        ctx.print(
            ctx.en(
                "No organization or post can be named for it from the data:",
                "Dữ liệu chưa xác định được cơ quan, chức danh nào:",
            )
        )
        for w in a.warnings:  # here the caveats are the answer: show them all
            ctx.para(f"  ! {w.text(ctx.lang)}", indent="    ")
        ctx.print()
    inherited: dict[str, tuple[date, str]] = {}
    for r in a.responsible:
        for hop in r.via:
            for old in hop.abolished:
                inherited.setdefault(old, (hop.effective, hop.citation))
    if inherited:
        olds = ", ".join(inherited)
        when = min(d for d, _ in inherited.values())
        acts = ", ".join(dict.fromkeys(c for _, c in inherited.values()))
        ctx.para(
            ctx.en(
                f"Some of these duties were inherited from {olds}, abolished on {when} ({acts}).",
                f"Một số nhiệm vụ được kế thừa từ {olds}, chấm dứt từ {when:%d/%m/%Y} ({acts}).",
            )
        )
    if a.escalation:
        steps = []
        for step in a.escalation:
            text = step.organization.name
            if step.post is not None:
                post = step.post.name if vi or not step.post.name_en else step.post.name_en
                holder = f": {step.holder.text(ctx.lang).strip('()')}" if step.holder else ""
                text += f" ({post}{holder})"
            steps.append(text)
        ctx.para(ctx.en("Escalation: ", "Cấp trên: ") + " -> ".join(steps))
    dated = sorted((d for d in a.deadlines if d.due is not None), key=lambda d: (d.due, d.task))
    if dated:
        d = dated[0]
        desc = d.description_vi if vi else d.description_en
        cite = f" [{_cite(ctx, d.citation)}]" if d.citation else ""
        due = ctx.en(f"{d.due}", f"{d.due:%d/%m/%Y}")
        ctx.para(ctx.en("Next deadline: ", "Thời hạn gần nhất: ") + f"{due} {d.task}, {desc}{cite}")
    ctx.print()
    more = []
    if a.deadlines:
        more.append(ctx.en(f"{len(a.deadlines)} deadline rules", f"{len(a.deadlines)} thời hạn"))
    if a.warnings and rows:
        more.append(ctx.en(f"{len(a.warnings)} caveats about the data", f"{len(a.warnings)} lưu ý"))
    tail = " (" + ", ".join(more) + ")" if more else ""
    ctx.para(
        ctx.en(
            f"--verbose shows every paragraph and basis{tail}; --json the full document; "
            f'`papi duties "{a.where.name}"` what each task is.',
            f"--verbose: từng đoạn, căn cứ{tail}; --json: toàn bộ văn bản; "
            f'`papi duties "{a.where.name}"`: nội dung từng nhiệm vụ.',
        )
    )


def _org_name(ctx: _Context, org: OrgInfo, post: PostInfo | None = None) -> str:
    name = org.name_en if ctx.lang == "en" and org.name_en else org.name
    if post is not None:
        post_name = post.name_en if ctx.lang == "en" and post.name_en else post.name
        return f"{post_name}, {name}"
    return name


def _cmd_duties(ctx: _Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().duties(of=ctx.args.of, on=day)
    if ctx.as_json:
        _emit_answer(ctx, answer)
        return 0
    # one entry per duty; the same duty held directly and through successions is one entry
    grouped: dict[tuple[str, str, str, str | None, str, str], list[DutyItem]] = {}
    for d in answer.items:
        k = (
            d.task,
            d.role.value,
            d.organization.id,
            d.post.id if d.post else None,
            d.basis.citation_en,
            d.basis.reference,
        )
        grouped.setdefault(k, []).append(d)
    n, m = len(grouped), len(answer.items)
    count = ctx.en(
        f" ({m} assignments, with the inherited ones)", f" ({m} lượt giao, kể cả kế thừa)"
    )
    ctx.print(
        ctx.en(
            f"{n} {'duty' if n == 1 else 'duties'} of {answer.of} on {day}",
            f"{n} nhiệm vụ của {answer.of} ngày {day}",
        )
        + (count if m != n else "")
    )
    for entries in grouped.values():
        d = entries[0]
        ctx.print()
        ctx.print(f"{d.task}  {d.role.label(ctx.lang)}: {_org_name(ctx, d.organization, d.post)}")
        title = d.title_en if ctx.lang == "en" and d.title_en else d.title_vi
        ctx.para(f"    {title}", indent="    ")
        cite = d.basis.citation_en if ctx.lang == "en" else d.basis.citation_vi
        olds = list(dict.fromkeys(o for e in entries for h in e.via for o in h.abolished))
        direct = any(not e.via for e in entries)
        how = ""
        if olds:
            names = ", ".join(olds)
            how = (
                ctx.en("; directly, and inherited from ", "; trực tiếp và kế thừa từ ")
                if direct
                else ctx.en("; inherited from ", "; kế thừa từ ")
            ) + names
        ctx.para(f"    {ctx.en('Basis', 'Căn cứ')}: {cite} {d.basis.reference}{how}", indent="    ")
    hops = {h.text(ctx.lang) for d in answer.items for h in d.via}
    if hops:
        ctx.print()
    for hop in sorted(hops):
        ctx.para(f"-> {hop}")
    _warnings(ctx, answer.warnings)
    return 0


def _cite(ctx: _Context, citation: str | None) -> str | None:
    """A citation as the library writes it (English form), in the output language."""
    if citation is None or ctx.lang == "en":
        return citation
    from papi.rules import citation_vi

    return citation_vi(citation)


def _cmd_agenda(ctx: _Context) -> int:
    start = ctx.date(ctx.args.start, "--from", default_today=False)
    end = ctx.date(ctx.args.end, "--to", default_today=False)
    if end < start:
        raise CommandError(f"--to {end} is before --from {start}")
    answer = ctx.governance().agenda(of=ctx.args.of, start=start, end=end)
    if ctx.as_json:
        _emit_answer(ctx, answer)
        return 0
    scope = f" ({answer.of})" if answer.of else ""
    ctx.print(
        ctx.en(
            f"{len(answer.items)} deadlines from {start} to {end}{scope}",
            f"{len(answer.items)} thời hạn từ {start} đến {end}{scope}",
        )
    )
    ctx.print()
    rows = [
        [
            _day(ctx, i.due),
            i.task,
            i.description_en if ctx.lang == "en" else i.description_vi,
            _word(ctx, i.applies_to),
            _cite(ctx, i.citation),
        ]
        for i in answer.items
    ]
    headers = [
        ctx.en("Due", "Hạn"),
        ctx.en("Task", "Nhiệm vụ"),
        ctx.en("What", "Nội dung"),
        ctx.en("Applies to", "Áp dụng cho"),
        ctx.en("Basis", "Căn cứ"),
    ]
    ctx.print(render_table(headers, rows, wrap=50))
    _warnings(ctx, answer.warnings)
    return 0


def _cmd_overdue(ctx: _Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().overdue(on=day)
    if ctx.as_json:
        _emit_answer(ctx, answer)
        return 0
    ctx.print(
        ctx.en(
            f"{len(answer.items)} overdue duties on {day}",
            f"{len(answer.items)} nhiệm vụ quá hạn ngày {day}",
        )
    )
    if answer.items:
        ctx.print()
        rows = [
            [i.task, _org_name(ctx, i.organization), i.due, _word(ctx, i.status.value)]
            for i in answer.items
        ]
        headers = [
            ctx.en("Task", "Nhiệm vụ"),
            ctx.en("Organization", "Cơ quan"),
            ctx.en("Due", "Hạn"),
            ctx.en("Status", "Tình trạng"),
        ]
        ctx.print(render_table(headers, rows))
    return 0


def _cmd_gaps(ctx: _Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().gaps(on=day)
    if ctx.as_json:
        _emit_answer(ctx, answer)
        return 0
    ctx.print(
        ctx.en(
            f"{len(answer.items)} accountability gaps on {day}",
            f"{len(answer.items)} khoảng trống trách nhiệm ngày {day}",
        )
    )
    if answer.items:
        ctx.print()
        rows = [
            [g.kind, g.subject, g.message_en if ctx.lang == "en" else g.message_vi]
            for g in answer.items
        ]
        headers = [
            ctx.en("Kind", "Loại"),
            ctx.en("Subject", "Đối tượng"),
            ctx.en("What is missing", "Thiếu gì"),
        ]
        ctx.print(render_table(headers, rows, wrap=70))
    return 0


def _cmd_check(ctx: _Context) -> int:
    from papi.datasets import hanoi
    from papi.errors import InvalidData
    from papi.io import load_plan

    path: str = ctx.args.plan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = hanoi()
    try:
        plan = load_plan(path, base=base)
    except InvalidData as exc:
        if ctx.as_json:
            ctx.emit(
                {"file": path, "valid": False, "problems": [to_document(p) for p in exc.problems]}
            )
        else:
            ctx.print(
                ctx.en(
                    f"{path}: {len(exc.problems)} problem(s):",
                    f"{path}: {len(exc.problems)} lỗi:",
                )
            )
            for problem in exc.problems:
                ctx.print(f"  - {problem}")
        n = len(exc.problems)
        raise CommandError(
            f"{path} is not a valid plan file ({n} problem{'s' if n != 1 else ''}; listed above)"
        ) from None
    added = {
        "documents": len(plan.documents) - len(base.documents),
        "tasks": len(plan.tasks) - len(base.tasks),
        "assignments": len(plan.assignments) - len(base.assignments),
        "reports": len(plan.reports) - len(base.reports),
    }
    if ctx.as_json:
        ctx.emit({"file": path, "valid": True, "problems": [], "added": added})
        return 0
    counts = ", ".join(f"{n} {k}" for k, n in added.items())
    ctx.print(ctx.en(f"{path}: valid ({counts} added)", f"{path}: hợp lệ (thêm {counts})"))
    return 0


def _element_doc(element: Element) -> dict[str, Any]:
    doc: dict[str, Any] = {"code": element.code, "level": element.level.value}
    doc.update(to_document(element))
    return doc


def _years(first: int, last: int | None) -> str:
    return f"{first}-{last}" if last is not None else f"{first}-"


def _cmd_framework(ctx: _Context) -> int:
    from papi.framework import Level as FwLevel
    from papi.framework import framework, frameworks

    year: int | None = ctx.args.year
    fw = framework(year) if year is not None else frameworks()[-1]
    title = fw.name_vi if ctx.lang == "vi" else fw.name_en
    if ctx.args.code:
        ref: str = ctx.args.code
        code = ref.strip().upper()
        element = fw[code] if re.fullmatch(r"D\d+(\.\d+)*", code) else fw.find(ref)
        if ctx.as_json:
            doc = _element_doc(element)
            doc["framework"] = fw.id
            doc["ancestors"] = [e.code for e in fw.ancestors(element.code)]
            ctx.emit(doc)
            return 0
        other = element.name_en if ctx.lang == "vi" else element.name_vi
        ctx.print(f"{element.code}  {element.name(ctx.lang)}")
        ctx.print(f"    ({other})")
        ctx.print()
        parent = fw.parent(element.code)
        rows: list[list[object]] = [
            [ctx.en("Framework", "Khung chỉ số"), f"{title} ({fw.id})"],
            [ctx.en("Level", "Cấp"), element.level.value],
            [
                ctx.en("Parent", "Thuộc"),
                f"{parent.code} {parent.name(ctx.lang)}" if parent else None,
            ],
            [ctx.en("In force", "Áp dụng"), _years(element.first_year, element.last_year)],
            [ctx.en("Verified", "Đã kiểm chứng"), element.verified],
        ]
        if element.note:
            rows.append([ctx.en("Note", "Ghi chú"), element.note])
        ctx.print(render_table([ctx.en("Field", "Trường"), ctx.en("Value", "Giá trị")], rows))
        children = [fw[c] for c in fw.children(element.code)]
        if children:
            ctx.print()
            ctx.print(ctx.en("Children:", "Thành phần:"))
            ctx.print(
                render_table(
                    [ctx.en("Code", "Mã"), ctx.en("Name", "Tên")],
                    [[c.code, c.name(ctx.lang)] for c in children],
                )
            )
        ctx.print()
        ctx.print(ctx.en("Sources:", "Nguồn:"))
        for src in element.sources:
            ctx.print(f"  - {src}")
        return 0
    elements = fw.elements()
    if ctx.as_json:
        ctx.emit(
            {
                "id": fw.id,
                "name_vi": fw.name_vi,
                "name_en": fw.name_en,
                "year": fw.year,
                "first_year": fw.first_year,
                "last_year": fw.last_year,
                "complete": fw.complete,
                "elements": [_element_doc(e) for e in elements],
            }
        )
        return 0
    counts = {lvl: len(fw.elements(lvl)) for lvl in FwLevel}
    ctx.print(f"{title}: PAPI {year}" if year is not None else title)
    ctx.print(
        ctx.en(
            f"{counts[FwLevel.DIMENSION]} dimensions, {counts[FwLevel.SUB_DIMENSION]} "
            f"sub-dimensions, {counts[FwLevel.INDICATOR]} indicators listed",
            f"{counts[FwLevel.DIMENSION]} chỉ số nội dung, {counts[FwLevel.SUB_DIMENSION]} "
            f"nội dung thành phần, {counts[FwLevel.INDICATOR]} chỉ tiêu được liệt kê",
        )
        + ("" if fw.complete else ctx.en(" (catalogue incomplete)", " (danh mục chưa đầy đủ)"))
    )
    ctx.print()
    rows = [
        [
            e.code,
            "  " * (e.level.depth - 1) + e.name(ctx.lang),
            _years(e.first_year, e.last_year),
            "" if e.verified else ctx.en("unverified", "chưa kiểm chứng"),
        ]
        for e in elements
    ]
    ctx.print(
        render_table(
            [ctx.en("Code", "Mã"), ctx.en("Name", "Tên"), ctx.en("Years", "Năm"), ""],
            rows,
            wrap=70,
        )
    )
    return 0


def _cmd_units(ctx: _Context) -> int:
    from papi.territory import Level, hanoi_territory

    day = ctx.date(ctx.args.on, "--on")
    territory = hanoi_territory()
    within = territory.unit(ctx.args.within, on=day) if ctx.args.within else None
    level = Level(ctx.args.level) if ctx.args.level else None
    units = territory.units(level=level, within=within, on=day)
    if ctx.as_json:
        ctx.emit({"on": day, "level": level, "within": within, "units": units})
        return 0
    scope = f" {ctx.en('within', 'thuộc')} {ctx.unit_name(within)}" if within else ""
    kind = f" ({_word(ctx, level.value)})" if level else ""
    noun = ctx.en("unit" if len(units) == 1 else "units", "đơn vị")
    ctx.print(f"{len(units)} {noun}{kind}{scope} {ctx.en('on', 'ngày')} {day}")
    ctx.print()
    headers = [
        ctx.en("Id", "Mã định danh"),
        ctx.en("Name", "Tên"),
        ctx.en("Kind", "Loại"),
        ctx.en("Since", "Từ ngày"),
        ctx.en("Until", "Đến ngày"),
    ]
    rows = [
        [u.id, ctx.unit_name(u), u.kind.value, u.valid_from, _last_day(u.validity)] for u in units
    ]
    ctx.print(render_table(headers, rows))
    return 0


def _last_day(v: Validity) -> str | None:
    if v.valid_to is None:
        return None
    return date.fromordinal(v.valid_to.toordinal() - 1).isoformat()


def _group_doc(group: Group | None) -> dict[str, object] | None:
    if group is None:
        return None
    return {"number": group.number, "vi": group.vi, "en": group.en}


def _group_text(ctx: _Context, group: Group | None) -> str | None:
    if group is None:
        return None
    return f"{group.number} ({group.vi if ctx.lang == 'vi' else group.en})"


def _dimension_rank(ctx: _Context, rank: int | None, verified: bool) -> str | None:
    if rank is None:
        return None
    return str(rank) if verified else f"{rank} ({ctx.en('unverified', 'chưa kiểm chứng')})"


def _cmd_scores(ctx: _Context) -> int:
    year: int = ctx.args.year
    if ctx.args.table:
        return _scores_table(ctx, year, ctx.args.table)
    from papi.framework import framework
    from papi.scoring import hanoi_results

    results = {r.year: r for r in hanoi_results()}
    if year not in results:
        from papi.errors import NotFound

        raise NotFound(
            "PAPI year",
            year,
            closest=[str(y) for y in sorted(results)],
            context="in Hà Nội's packaged results (use --table for other data)",
        )
    r = results[year]
    if ctx.as_json:
        ctx.emit(
            {
                "province": r.province,
                "year": r.year,
                "total": r.total,
                "rank": r.rank,
                "out_of": r.out_of,
                "group": _group_doc(r.group),
                "scorecard": r.scorecard,
                "dimension_ranks": r.dimension_ranks,
                "dimension_groups": {k: _group_doc(g) for k, g in r.dimension_groups.items()},
                "verified": {
                    "total": r.total_verified,
                    "rank": r.rank_verified,
                    "group": r.group_verified,
                    "dimensions": r.dimensions_verified,
                    "dimension_ranks": r.dimension_ranks_verified,
                },
                "sources": r.sources,
                "note": r.note,
            }
        )
        return 0
    fw = framework(year)
    unverified = ctx.en(" (unverified)", " (chưa kiểm chứng)")
    rank = (
        f"{r.rank}/{r.out_of}" + ("" if r.rank_verified else unverified)
        if r.rank is not None
        else ctx.en("not published", "chưa công bố")
    )
    ctx.print(f"{r.province}, PAPI {year}")
    ctx.print(
        ctx.en("Total", "Tổng điểm")
        + f": {r.total:.4f}"
        + ("" if r.total_verified else unverified)
        + f"   {ctx.en('Rank', 'Xếp hạng')}: {rank}"
        + f"   {ctx.en('Group', 'Nhóm')}: {_group_text(ctx, r.group) or '-'}"
        + ("" if r.group is None or r.group_verified else unverified)
    )
    ctx.print()
    rows = []
    for code in r.scorecard.dimension_codes:
        score = r.scorecard.score(code)
        rows.append(
            [
                code,
                fw[code].name(ctx.lang),
                None if score is None else f"{score:.4f}",
                _dimension_rank(ctx, r.dimension_ranks.get(code), r.dimension_ranks_verified),
                _group_text(ctx, r.dimension_groups.get(code)),
            ]
        )
    headers = [
        ctx.en("Code", "Mã"),
        ctx.en("Dimension", "Chỉ số nội dung"),
        ctx.en("Score", "Điểm"),
        ctx.en("Rank", "Hạng"),
        ctx.en("Group", "Nhóm"),
    ]
    ctx.print(render_table(headers, rows))
    if not r.dimensions_verified:
        ctx.print(ctx.en("Dimension scores unverified.", "Điểm các chỉ số chưa kiểm chứng."))
    if r.note:
        ctx.print()
        ctx.para(f"{ctx.en('Note', 'Ghi chú')}: {r.note}")
    ctx.print()
    ctx.print(ctx.en("Sources:", "Nguồn:"))
    for src in r.sources:
        ctx.print(f"  - {src}")
    return 0


def _scores_table(ctx: _Context, year: int, path: str) -> int:
    from papi.scoring import load_table

    ranking = load_table(path).ranking(year)
    if ctx.as_json:
        ctx.emit(
            {
                "year": year,
                "by": ranking.by,
                "frame_size": ranking.frame_size,
                "mean": ranking.mean() if len(ranking) else None,
                "entries": [
                    {
                        "rank": e.rank,
                        "province": e.province,
                        "province_code": e.scorecard.province_code,
                        "score": e.score,
                        "group": _group_doc(e.group),
                    }
                    for e in ranking
                ],
                "unscored": [
                    {"province": c.province, "missing": c.missing} for c in ranking.unscored
                ],
            }
        )
        return 0
    ctx.print(
        ctx.en(
            f"PAPI {year}: {len(ranking)} provinces ranked by total, from {path}",
            f"PAPI {year}: {len(ranking)} tỉnh, thành xếp hạng theo tổng điểm, từ {path}",
        )
    )
    ctx.print()
    rows = [[e.rank, e.province, f"{e.score:.4f}", _group_text(ctx, e.group)] for e in ranking]
    headers = [
        ctx.en("Rank", "Hạng"),
        ctx.en("Province", "Tỉnh, thành"),
        ctx.en("Total", "Tổng điểm"),
        ctx.en("Group", "Nhóm"),
    ]
    ctx.print(render_table(headers, rows))
    if ranking.unscored:
        ctx.print()
        ctx.print(ctx.en("Not ranked (scores missing):", "Không xếp hạng (thiếu điểm):"))
        for c in ranking.unscored:
            missing = ", ".join(c.missing)
            ctx.print(f"  - {c.province}: {missing}")
    return 0


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def _day(ctx: _Context, day: date) -> str:
    names = _WEEKDAYS_VI if ctx.lang == "vi" else _WEEKDAYS_EN
    return f"{day.isoformat()} ({names[day.weekday()]})"


def _statute_doc(st: Statute) -> dict[str, object]:
    return {
        "key": st.key,
        "title_vi": st.title_vi,
        "title_en": st.title_en,
        "rule": st.rule.to_dict(),
        "describe": {"vi": st.rule.describe("vi"), "en": st.rule.describe("en")},
        "citation": {"text": str(st.citation), **st.citation.to_dict()},
        "validity": st.validity,
        "holder": st.holder,
        "verified": st.verified,
        "notes": st.notes or None,
    }


def _statute_rows(ctx: _Context, st: Statute) -> list[list[object]]:
    """The rows every ``papi deadline RULE`` answer starts with: rule, basis, holder, validity."""
    from papi.rules import Unscheduled

    rule = st.rule
    if isinstance(rule, Unscheduled):  # the missing period is said on the "Due" row
        what = rule.duty if ctx.lang == "en" else rule.duty_vi or rule.duty
        rows: list[list[object]] = [[ctx.en("Duty", "Nhiệm vụ"), what]]
    else:
        rows = [[ctx.en("Rule", "Thời hạn"), rule.describe(ctx.lang)]]
    rows += [
        [ctx.en("Legal basis", "Căn cứ"), st.citation.text(ctx.lang)],
    ]
    if st.also:
        rows.append([ctx.en("See also", "Xem thêm"), "; ".join(c.text(ctx.lang) for c in st.also)])
    rows += [
        [ctx.en("Who acts", "Người thực hiện"), st.holder],
        [ctx.en("In force", "Hiệu lực"), str(st.validity)],
    ]
    return rows


def _unscheduled_deadline(
    ctx: _Context, st: Statute, rule: Unscheduled, start: date, end: date | None
) -> int:
    """``papi deadline`` for a duty in force with no sourced period: the entry, no date."""
    why_en = f"{rule.missing} is not yet sourced"
    why_vi = f"chưa có nguồn về {rule.missing_vi or rule.missing}"
    if ctx.as_json:
        doc = _statute_doc(st)
        doc.update(
            {
                "from": start,
                "due": None,
                "due_reason": {"en": why_en, "vi": why_vi},
                "estimated": None,
                "occurrences": None,
            }
        )
        ctx.emit(doc)
        return 0
    title, other = (st.title_vi, st.title_en) if ctx.lang == "vi" else (st.title_en, st.title_vi)
    ctx.print(f"{st.key}: {title}")
    ctx.print(f"    ({other})")
    ctx.print()
    rows = _statute_rows(ctx, st)
    rows += [
        [ctx.en("From", "Từ ngày"), _day(ctx, start)],
        [
            ctx.en("Due", "Hạn"),
            ctx.en(f"not computable — {why_en}", f"không tính được — {why_vi}"),
        ],
    ]
    if end is not None:
        rows.append(
            [
                ctx.en(f"Deadlines until {end}", f"Các hạn đến ngày {end}"),
                ctx.en("none computable", "không tính được"),
            ]
        )
    if not st.verified:
        rows.append([ctx.en("Verified", "Đã kiểm chứng"), False])
    ctx.print(render_table([ctx.en("Field", "Trường"), ctx.en("Value", "Giá trị")], rows))
    if st.notes:
        ctx.print()
        ctx.para(f"{ctx.en('Notes', 'Ghi chú')}: {st.notes}")
    return 0


def _cmd_deadline(ctx: _Context) -> int:
    from papi.calendar import default_calendar
    from papi.rules import After, PeriodUnit, Unscheduled, period_end, statute, statutes

    start = ctx.date(ctx.args.start, "--from")
    if not ctx.args.rule:
        if ctx.args.end:
            raise CommandError("--to needs a RULE")
        listed = [s for s in statutes() if s.validity.contains(start)]
        if ctx.as_json:
            ctx.emit({"on": start, "statutes": [_statute_doc(s) for s in listed]})
            return 0
        ctx.print(
            ctx.en(
                f"{len(listed)} statutory deadline rules in force on {start}:",
                f"{len(listed)} quy định về thời hạn có hiệu lực ngày {start}:",
            )
        )
        ctx.print()
        table: list[list[object]] = [
            [s.key, s.rule.describe(ctx.lang), s.citation.text(ctx.lang)] for s in listed
        ]
        headers = [
            ctx.en("Rule", "Quy định"),
            ctx.en("Period", "Thời hạn"),
            ctx.en("Basis", "Căn cứ"),
        ]
        ctx.print(render_table(headers, table))
        return 0
    st = statute(ctx.args.rule, on=start)
    cal = default_calendar()
    end = ctx.date(ctx.args.end, "--to") if ctx.args.end else None
    if end is not None and end < start:
        raise CommandError(f"--to {end} is before --from {start}")
    if isinstance(st.rule, Unscheduled):
        return _unscheduled_deadline(ctx, st, st.rule, start, end)
    due = st.due(start, cal)
    series: tuple[date, ...] = ()
    if end is not None:
        occurrences = getattr(st.rule, "occurrences", None)
        if not st.rule.is_recurring or occurrences is None:
            raise CommandError(f"--to needs a recurring rule; {st.key} is a single deadline")
        series = tuple(occurrences(start, end, cal))
    moved: str | None = None
    if isinstance(st.rule, After) and st.rule.unit is not PeriodUnit.WORKING_DAYS and st.rule.roll:
        raw = period_end(start, st.rule.n, st.rule.unit, cal, roll=False)
        if raw != due:
            why = cal.holiday_name(raw, lang=ctx.lang) or ctx.en(
                "a weekly day off", "ngày nghỉ hằng tuần"
            )
            moved = ctx.en(
                f"the period ends on {_day(ctx, raw)}, {why}, so it runs to the next working "
                "day (Civil Code 91/2015/QH13, art. 148)",
                f"thời hạn kết thúc vào {_day(ctx, raw)}, {why}, nên chuyển sang ngày làm việc "
                "tiếp theo (Bộ luật Dân sự 91/2015/QH13, Điều 148)",
            )
    if ctx.as_json:
        doc = _statute_doc(st)
        doc.update(
            {
                "from": start,
                "due": due,
                "estimated": cal.is_estimated(due),
                "occurrences": list(series) if end is not None else None,
            }
        )
        ctx.emit(doc)
        return 0
    title, other = (st.title_vi, st.title_en) if ctx.lang == "vi" else (st.title_en, st.title_vi)
    ctx.print(f"{st.key}: {title}")
    ctx.print(f"    ({other})")
    ctx.print()
    rows = _statute_rows(ctx, st)
    rows += [
        [ctx.en("From", "Từ ngày"), _day(ctx, start)],
        [ctx.en("Due", "Hạn"), _day(ctx, due)],
    ]
    if not st.verified:
        rows.append([ctx.en("Verified", "Đã kiểm chứng"), False])
    ctx.print(render_table([ctx.en("Field", "Trường"), ctx.en("Value", "Giá trị")], rows))
    if moved:
        ctx.para(f"{ctx.en('Why', 'Lý do')}: {moved}.")
    if cal.is_estimated(due):
        ctx.para(
            ctx.en(
                "Estimated: the official holiday notice for that year is not in the data.",
                "Ước tính: chưa có thông báo nghỉ lễ chính thức của năm đó.",
            )
        )
    if series:
        ctx.print()
        ctx.print(ctx.en(f"Deadlines until {end}:", f"Các hạn đến ngày {end}:"))
        for d in series:
            name = cal.holiday_name(d, lang=ctx.lang)
            ctx.print(f"  - {_day(ctx, d)}" + (f"  [{name}]" if name else ""))
    if st.notes:
        ctx.print()
        ctx.para(f"{ctx.en('Notes', 'Ghi chú')}: {st.notes}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def _read(path: str) -> Path:
    p = Path(path)
    if not p.is_file():
        raise CommandError(f"no such file: {path}")
    return p
