"""What every command of ``papi`` shares (private): the :class:`Context` a command runs in,
text layout for Vietnamese in a terminal, and the Vietnamese words of the output."""

from __future__ import annotations

import argparse
import datetime as _dt
import enum
import textwrap
import unicodedata
import warnings
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, TextIO

import attrs

from papi._once import load_once
from papi.dates import parse_date, today_in_vietnam
from papi.errors import PapiError

if TYPE_CHECKING:
    from cattrs import Converter

    from papi.governance import Governance, Notice, OrgInfo, PostInfo
    from papi.territory import Unit

__all__ = [
    "PROG",
    "WEEKDAYS",
    "CommandError",
    "Context",
    "Document",
    "display_width",
    "render_table",
]

PROG = "papi"


class CommandError(PapiError):
    """A problem with the command line that argparse cannot see (e.g. a bad date)."""


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
# Vietnamese words of the output

#: Vietnamese for the codes the answers carry (levels, statuses), in tables and headings.
VI_WORDS = {
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

#: Names of the days of the week (Monday first) as the command prints them after a date.
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
}


# --------------------------------------------------------------------------------------------
# JSON documents the command builds itself


@attrs.frozen
class Document:
    """A JSON document of the command's own (framework, units, scores, deadline, check), for
    :func:`papi.io.dumps`: its values may be papi objects (units, validities, elements ...),
    turned into JSON data by papi's cattrs conventions (dates as ISO strings, enums as their
    values, objects with ``to_dict()`` by it, attrs objects by their fields).

    >>> from papi.dates import Validity
    >>> Document({"on": date(2026, 3, 1), "v": Validity(valid_from=date(2025, 7, 1))}).to_dict()
    {'on': '2026-03-01', 'v': {'valid_from': '2025-07-01', 'valid_to': None}}
    """

    data: Mapping[str, object]

    def to_dict(self) -> dict[str, object]:
        """The document as JSON data."""
        return dict(_converter().unstructure(self.data))


@load_once
def _converter() -> Converter:
    from cattrs.preconf.json import make_converter

    from papi.errors import Problem

    conv = make_converter()

    def has_to_dict(cls: type) -> bool:
        return isinstance(cls, type) and callable(getattr(cls, "to_dict", None))

    conv.register_unstructure_hook_func(has_to_dict, lambda obj: conv.unstructure(obj.to_dict()))
    # a problem's value is whatever the input held: unstructured by its own type
    conv.register_unstructure_hook(
        Problem,
        lambda p: {f.name: conv.unstructure(getattr(p, f.name)) for f in attrs.fields(Problem)},
    )
    return conv


# --------------------------------------------------------------------------------------------
# The context a command runs in


@attrs.define
class Context:
    """The parsed command line and the output streams of one run, with the helpers every
    command uses to say things in the chosen language."""

    args: argparse.Namespace
    out: TextIO
    err: TextIO

    @property
    def lang(self) -> str:
        """``"vi"`` or ``"en"`` (``--lang``)."""
        return str(self.args.lang)

    @property
    def as_json(self) -> bool:
        """Whether ``--json`` was given."""
        return bool(self.args.json)

    def en(self, en: str, vi: str) -> str:
        """``en`` or ``vi``, whichever is the output language."""
        return vi if self.lang == "vi" else en

    def print(self, text: str = "") -> None:
        """One line (or several) on stdout."""
        self.out.write(text + "\n")

    def para(self, text: str, indent: str = "") -> None:
        """A paragraph wrapped to 100 columns; continuation lines start with ``indent``."""
        wrapped = textwrap.fill(text, width=100, break_on_hyphens=False, subsequent_indent=indent)
        self.out.write(wrapped + "\n")

    def note(self, text: str) -> None:
        """A line on stderr: ``papi: text``."""
        self.err.write(f"{PROG}: {text}\n")

    def date(self, value: str | None, option: str, *, default_today: bool = True) -> date:
        """The day given to ``option``; today in Vietnam (said on stderr) when not given."""
        if value is None:
            if not default_today:
                raise CommandError(f"{option} is required")
            today = today_in_vietnam()
            self.note(f"{option} not given; using today in Asia/Ho_Chi_Minh: {today.isoformat()}")
            return today
        return parse_date(value, path=option)

    def emit(self, doc: object) -> None:
        """``doc`` as JSON on stdout through :func:`papi.io.dumps`: an answer of the library
        (anything with ``to_dict()``), or a mapping (a :class:`Document`)."""
        from papi.io import dumps

        if isinstance(doc, Mapping):
            doc = Document(doc)
        self.out.write(dumps(doc) + "\n")

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
        """The unit's name in the output language (its Vietnamese name if it has no other)."""
        if self.lang == "en" and unit.name_en:
            return unit.name_en
        return unit.name

    def org_name(self, org: OrgInfo, post: PostInfo | None = None) -> str:
        """``Post, Organization`` (or the organization alone) in the output language."""
        name = org.name_en if self.lang == "en" and org.name_en else org.name
        if post is not None:
            post_name = post.name_en if self.lang == "en" and post.name_en else post.name
            return f"{post_name}, {name}"
        return name

    def word(self, code: str | None) -> str | None:
        """A level or status code in the output language (the codes are English).

        >>> ns = argparse.Namespace(lang="vi", json=False)
        >>> import sys
        >>> Context(args=ns, out=sys.stdout, err=sys.stderr).word("overdue")
        'quá hạn'
        """
        if code is None or self.lang != "vi":
            return code
        return VI_WORDS.get(code, code)

    def citation(self, text: str | None) -> str | None:
        """A citation as the library writes it (English form), in the output language."""
        if text is None or self.lang == "en":
            return text
        from papi.rules import citation_vi

        return citation_vi(text)

    def day_and_weekday(self, day: _dt.date) -> str:
        """``2026-02-23 (Monday)`` / ``2026-02-23 (Thứ Hai)``."""
        return f"{day.isoformat()} ({WEEKDAYS[self.lang][day.weekday()]})"

    def caveats(self, notices: Sequence[Notice]) -> None:
        """The caveats of an answer, after a blank line, one wrapped paragraph each."""
        if notices:
            self.print()
            self.print(self.en("Warnings:", "Lưu ý:"))
            for n in notices:
                self.para(f"  ! {n.text(self.lang)}", indent="    ")
