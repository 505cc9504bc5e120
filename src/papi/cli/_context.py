"""The context a ``papi`` command runs in (private): :class:`Context` (the parsed command
line, the output streams, and what every command says in the chosen language),
:class:`CommandError`, and :class:`Document`, the JSON documents the command builds itself."""

from __future__ import annotations

import argparse
import datetime as _dt
import textwrap
import warnings
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, TextIO

import attrs

from papi._once import load_once
from papi.cli._parser import PROG
from papi.cli._render import VI_WORDS, WEEKDAYS
from papi.dates import parse_date, today_in_vietnam
from papi.errors import PapiError

if TYPE_CHECKING:
    from cattrs import Converter

    from papi.governance import Governance, Notice, OrgInfo, PostInfo
    from papi.territory import Unit

__all__ = ["CommandError", "Context", "Document"]


class CommandError(PapiError):
    """A problem with the command line that argparse cannot see (e.g. a bad date)."""


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
        """The packaged model of the whole country (:func:`papi.datasets.vietnam`), plus the
        ``--data`` plan file if given."""
        from papi.datasets import vietnam

        with warnings.catch_warnings():
            # the packaged 2022 plan predates the territory data's coverage: its build
            # warnings are not about the user's question
            warnings.simplefilter("ignore")
            base = vietnam()
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
