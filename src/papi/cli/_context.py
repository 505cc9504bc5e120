"""The context a ``papi`` command runs in (private): :class:`Context` (the parsed command
line, the output streams, and what every command says in the chosen language: paragraphs and
tables fitted to the terminal, dates as dd/mm/yyyy in Vietnamese, CSV, JSON),
:class:`CommandError`, :func:`parse_day` (``YYYY-MM-DD`` or ``dd/mm/yyyy``) and
:class:`Document`, the JSON documents the command builds itself."""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as _dt
import enum
import re
import threading
import time
import warnings
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, TextIO

import attrs

from papi._once import load_once
from papi.cli._errors import CommandError
from papi.cli._parser import PROG
from papi.cli._render import (
    VI_WORDS,
    WEEKDAYS,
    display_width,
    fit_line,
    render_table,
    terminal_width,
    vi_dates,
    wrap,
)
from papi.dates import parse_date, today_in_vietnam
from papi.errors import PapiError

if TYPE_CHECKING:
    from cattrs import Converter

    from papi.governance import Governance, Notice, OrgInfo, PostInfo
    from papi.territory import Unit

__all__ = ["CommandError", "Context", "Document", "parse_day"]


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_day(text: str, option: str) -> date:
    """The day given to ``option``, written ``YYYY-MM-DD`` or ``dd/mm/yyyy``.

    (A parser of the command's own; :func:`papi.dates.parse_date` reads ISO days.)

    >>> parse_day("01/03/2026", "--on"), parse_day("2026-03-01", "--on")
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 1))
    >>> parse_day("31/02/2026", "--on")
    Traceback (most recent call last):
    papi.cli._errors.CommandError: --on: not a valid day (value: '31/02/2026')
    """
    value = text.strip()
    match = _DMY.fullmatch(value)
    try:
        if match is not None:
            return date(int(match[3]), int(match[2]), int(match[1]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return parse_date(value, path=option)
    except (ValueError, PapiError):
        raise CommandError(
            f"{option}: not a valid day (value: {text!r})",
            f"{option}: không phải ngày hợp lệ (giá trị: {text!r})",
            parameter=option,
        ) from None
    raise CommandError(
        f"{option}: not a date in the form YYYY-MM-DD or dd/mm/yyyy (value: {text!r})",
        f"{option}: không phải ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD (giá trị: {text!r})",
        parameter=option,
    )


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
    command uses to say things in the chosen language, fitted to the terminal's width."""

    args: argparse.Namespace
    out: TextIO
    err: TextIO
    width: int = attrs.field(factory=terminal_width)
    _tables: int = 0
    _model: Governance | None = None

    @property
    def lang(self) -> str:
        """``"vi"`` or ``"en"`` (``--lang``, ``PAPI_LANG`` or the locale)."""
        return "vi" if getattr(self.args, "lang", None) == "vi" else "en"

    @property
    def as_json(self) -> bool:
        """Whether ``--json`` was given."""
        return bool(getattr(self.args, "json", False))

    @property
    def as_csv(self) -> bool:
        """Whether ``--csv`` was given (then only the answer's table is printed, as CSV)."""
        return bool(getattr(self.args, "csv", False))

    def en(self, en: str, vi: str) -> str:
        """``en`` or ``vi``, whichever is the output language."""
        return vi if self.lang == "vi" else en

    def _text(self, text: str) -> str:
        return vi_dates(text) if self.lang == "vi" else text

    def print(self, text: str = "") -> None:
        """Text on stdout, every line fitted to the terminal's width (long lines wrapped
        between words, their continuation indented); nothing under ``--csv``."""
        if self.as_csv:
            return
        lines = []
        for line in self._text(text).split("\n"):
            lines.extend(fit_line(line.rstrip(), self.width))
        self.out.write("\n".join(lines) + "\n")

    def para(self, text: str, indent: str = "", *, as_written: bool = False) -> None:
        """A paragraph wrapped to the terminal's width; continuation lines start with
        ``indent``. ``as_written`` keeps ISO days as they are in Vietnamese (values quoted
        from the user's input)."""
        if self.as_csv:
            return
        text = text if as_written else self._text(text)
        if display_width(text) <= self.width:  # as written (double spaces kept)
            self.out.write(text + "\n")
            return
        lead = text[: len(text) - len(text.lstrip())]
        lines = wrap(text, self.width, indent=lead, subsequent=indent)
        self.out.write("\n".join(lines) + "\n")

    def note(self, text: str) -> None:
        """A line on stderr: ``papi: text``."""
        self.err.write(f"{PROG}: {self._text(text)}\n")

    def day(self, value: date | None) -> str:
        """A day as the output language writes it: ``2026-03-01`` / ``01/03/2026``."""
        if value is None:
            return "-"
        return f"{value:%d/%m/%Y}" if self.lang == "vi" else value.isoformat()

    def date(self, value: str | None, option: str, *, default_today: bool = True) -> date:
        """The day given to ``option`` (``YYYY-MM-DD`` or ``dd/mm/yyyy``); today in Vietnam
        (said on stderr) when not given."""
        if value is None:
            if not default_today:
                raise CommandError(f"{option} is required", f"thiếu {option}", parameter=option)
            today = today_in_vietnam()
            self.note(
                self.en(
                    f"{option} not given; using today in Asia/Ho_Chi_Minh: {today.isoformat()}",
                    f"không có {option}; dùng ngày hôm nay theo giờ Việt Nam: {self.day(today)}",
                )
            )
            return today
        return parse_day(value, option)

    def emit(self, doc: object) -> None:
        """``doc`` as JSON on stdout through :func:`papi.io.dumps`: an answer of the library
        (anything with ``to_dict()``), or a mapping (a :class:`Document`)."""
        from papi.io import dumps

        if isinstance(doc, Mapping):
            doc = Document(doc)
        self.out.write(dumps(doc) + "\n")

    def cell(self, value: object) -> object:
        """A table cell in the output language: dates as the language writes them, yes/no,
        level and status codes in Vietnamese."""
        if isinstance(value, bool):
            return self.en("yes" if value else "no", "có" if value else "không")
        if isinstance(value, date):
            return self.day(value)
        if isinstance(value, enum.Enum):
            value = value.value
        if isinstance(value, str) and self.lang == "vi":
            return vi_dates(VI_WORDS.get(value, value))
        return value

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        keys: Sequence[str] | None = None,
        wrap: int | None = None,
        keep: Sequence[int] = (),
    ) -> None:
        """The answer's table: aligned and fitted to the terminal, or under ``--csv`` as CSV
        (a header of ``keys``, ISO dates, ``true``/``false``; only the first table of an
        answer). The columns listed in ``keep`` are narrowed last."""
        if self.as_csv:
            self._tables += 1
            if self._tables == 1:
                writer = csv.writer(self.out, lineterminator="\n")
                writer.writerow(keys or headers)
                writer.writerows([[_csv_value(v) for v in row] for row in rows])
            return
        cells = [[self.cell(v) for v in row] for row in rows]
        self.print(render_table(headers, cells, wrap=wrap, width=self.width, keep=keep))

    @contextlib.contextmanager
    def progress(self, what: str, what_vi: str, *, after: float = 1.0) -> Iterator[None]:
        """A spinner on stderr once the block has run ``after`` seconds (only when stderr
        is a terminal); the line is cleared at the end."""
        isatty = getattr(self.err, "isatty", None)
        if not (isatty and isatty()):
            yield
            return
        done = threading.Event()
        text = self.en(what, what_vi)

        def spin() -> None:
            if done.wait(after):
                return
            frames = "|/-\\"
            n = 0
            start = time.monotonic() - after
            while True:
                seconds = time.monotonic() - start
                self.err.write(f"\r{PROG}: {text} {frames[n % 4]} {seconds:.0f}s")
                self.err.flush()
                n += 1
                if done.wait(0.1):
                    break
            self.err.write("\r" + " " * (len(text) + 16) + "\r")
            self.err.flush()

        thread = threading.Thread(target=spin, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()

    def governance(self) -> Governance:
        """The packaged model of the whole country (:func:`papi.datasets.vietnam`), plus the
        ``--data`` plan files if given (built once per run)."""
        if self._model is None:
            self._model = self._governance()
        return self._model

    def _governance(self) -> Governance:
        from papi.datasets import vietnam

        with self.progress("building the model", "đang dựng mô hình"):
            with warnings.catch_warnings():
                # the packaged 2022 plan predates the territory data's coverage: its build
                # warnings are not about the user's question
                warnings.simplefilter("ignore")
                base = vietnam()
            for path in self.plans():
                base = self._load(path, base)
        return base

    def plans(self) -> list[str]:
        """The ``--data`` plan files, in order."""
        data = getattr(self.args, "data", None) or []
        return [data] if isinstance(data, str) else list(data)

    @staticmethod
    def _load(path: str, base: Governance) -> Governance:
        from papi.errors import InvalidData
        from papi.io import load_plan

        try:
            return load_plan(path, base=base)
        except InvalidData as exc:
            if len(exc.problems) < 2:
                raise
            problems = "; ".join(str(p) for p in exc.problems)
            n = len(exc.problems)
            raise CommandError(
                f"{path} is not a valid plan file ({n} problems; "
                f"'papi check {path}' lists them one per line): {problems}",
                f"{path} không phải tệp kế hoạch hợp lệ ({n} lỗi; "
                f"'papi check {path}' liệt kê từng lỗi): {problems}",
                parameter="--data",
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

    def task(self, ref: str) -> str:
        """A task reference in running text: ``task T6`` / ``nhiệm vụ T6`` (a bare "T6"
        reads as *Thứ Sáu*, Friday, in Vietnamese)."""
        return self.en(f"task {ref}", f"nhiệm vụ {ref}")

    def citation(self, text: str | None) -> str | None:
        """A citation as the library writes it (English form), in the output language."""
        if text is None or self.lang == "en":
            return text
        from papi.rules import citation_vi

        return citation_vi(text)

    def day_and_weekday(self, day: _dt.date) -> str:
        """``2026-02-23 (Monday)`` / ``23/02/2026 (Thứ Hai)``."""
        return f"{self.day(day)} ({WEEKDAYS[self.lang][day.weekday()]})"

    def notice(self, notice: Notice) -> str:
        """A caveat's text in the output language; one opening with a task of the model
        names it ``nhiệm vụ T6`` in Vietnamese (a bare "T6" reads as *Thứ Sáu*)."""
        from papi.governance.explain import _lead_task

        tasks = set(self._model.tasks) if self._model is not None else set()
        return _lead_task(notice.text(self.lang), tasks, self.lang)

    def caveats(self, notices: Sequence[Notice]) -> None:
        """The caveats of an answer, after a blank line, one wrapped paragraph each (on
        stderr under ``--csv``); one opening with a task names it ``nhiệm vụ T6`` in
        Vietnamese."""
        if not notices:
            return
        texts = [self.notice(n) for n in notices]
        if self.as_csv:
            for text in texts:
                self.note(self.en("warning: ", "lưu ý: ") + text)
            return
        self.print()
        self.print(self.en("Warnings:", "Lưu ý:"))
        for text in texts:
            self.para(f"  ! {text}", indent="    ")


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value
