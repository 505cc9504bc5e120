"""Text layout of the ``papi`` command (private): widths of Vietnamese text in a terminal,
aligned tables, and the Vietnamese words of the output. It imports nothing beyond the standard
library, so ``papi --help`` can load it."""

from __future__ import annotations

import enum
import textwrap
import unicodedata
from collections.abc import Sequence
from datetime import date

__all__ = ["VI_WORDS", "WEEKDAYS", "display_width", "render_table"]


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
