"""Text layout of the ``papi`` command (private): widths of Vietnamese text in a terminal,
the terminal's width, paragraphs and aligned tables wrapped to it without cutting words, and
the Vietnamese words of the output. It imports nothing beyond the standard library, so
``papi --help`` can load it.

Why not a rendering library such as rich: papi's runtime dependencies are fixed (attrs,
cattrs, networkx, python-dateutil, holidays), and the two things the command needs (display
widths of Vietnamese and East-Asian text, word wrapping to a width) fit in this module; an
optional extra would give two layouts to test instead of one.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Sequence
from datetime import date

__all__ = [
    "VI_WORDS",
    "WEEKDAYS",
    "display_width",
    "fit_line",
    "render_table",
    "terminal_width",
    "vi_dates",
    "wrap",
]

#: The narrowest layout the command makes (a narrower COLUMNS is taken as this).
MIN_WIDTH = 40


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


def terminal_width(default: int = 100) -> int:
    """The width to lay out for: ``COLUMNS`` when set to a number, else the terminal's width
    (``default`` when stdout is not a terminal); never less than 40.

    >>> os.environ["COLUMNS"] = "72"; terminal_width()
    72
    >>> del os.environ["COLUMNS"]
    """
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return max(MIN_WIDTH, int(columns))
    return max(MIN_WIDTH, shutil.get_terminal_size((default, 24)).columns)


def _cut(word: str, width: int) -> list[str]:
    """A word longer than the line, in pieces of at most ``width`` columns (the only case
    where a word is broken): after a dot or a hyphen when the piece has one (an id such as
    ``law.complaint.first``), else anywhere.

    >>> _cut("law.complaint.second.department", 16)
    ['law.complaint.', 'second.', 'department']
    """
    pieces, current = [], ""
    for ch in word:
        if current and display_width(current + ch) > width:
            at = max(current.rfind("."), current.rfind("-"))
            if 0 < at < len(current) - 1:
                pieces.append(current[: at + 1])
                current = current[at + 1 :]
            else:
                pieces.append(current)
                current = ""
        current += ch
    return [*pieces, current] if current else pieces


def _parts(word: str) -> list[str]:
    """The pieces an id may be broken into at a line's end (after its dots and hyphens)."""
    return re.findall(r"[^.-]*[.-]?", word)


def wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` as lines of at most ``width`` display columns, broken between words (a word
    wider than a line is the only thing cut). The first line starts with ``indent``, the
    others with ``subsequent`` (default: ``indent``).

    >>> wrap("Phường Hàng Bạc ngày 30/09/2022", 18)
    ['Phường Hàng Bạc', 'ngày 30/09/2022']
    >>> wrap("a bb ccc", 6, indent="- ", subsequent="  ")
    ['- a bb', '  ccc']
    """
    subsequent = indent if subsequent is None else subsequent
    words = unicodedata.normalize("NFC", text).split()
    lines: list[str] = []
    line, prefix = "", indent
    for word in words:
        room = width - display_width(prefix)
        candidate = f"{line} {word}" if line else word
        if display_width(candidate) <= room:
            line = candidate
            continue
        if line:
            lines.append(prefix + line)
            prefix = subsequent
            room = width - display_width(prefix)
        if display_width(word) > room:
            *full, line = _cut(word, max(1, room))
            for piece in full:
                lines.append(prefix + piece)
                prefix = subsequent
        else:
            line = word
    if line or not lines:
        lines.append(prefix + line)
    return lines


_BULLET = re.compile(r"^(\s*)((?:[-*!•·]|->|\d+\.|\[\d+\])\s+)?")


def fit_line(line: str, width: int) -> list[str]:
    """One line of output fitted to ``width``: unchanged when it fits, else wrapped with its
    continuation lines indented under its text (past any bullet such as ``- `` or ``!``).

    >>> fit_line("  - một hai ba bốn", 12)
    ['  - một hai', '    ba bốn']
    """
    if display_width(line) <= width:
        return [line]
    match = _BULLET.match(line)
    lead = match.group(0) if match else ""
    hang = " " * display_width(lead)
    if display_width(hang) > width // 2:
        hang = " " * 4
    return wrap(line[len(lead) :], width, indent=lead, subsequent=hang)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _shrink(
    natural: list[int],
    floors: list[int],
    room: int,
    keep: Sequence[int] = (),
    parts: Sequence[int] | None = None,
) -> list[int]:
    """Column widths summing to at most ``room``: the widest column gives way first. The
    columns in ``keep`` keep their width while the others can give way down to 16 columns;
    then ids may break after their dots (no column below 16 for it, nor below the longest
    piece of an id, ``parts``); words are kept whole while possible (no column below its
    longest word), then columns go down to 16 columns, then to 4."""
    widths = list(natural)
    parts = floors if parts is None else parts
    comfortable = [
        n if i in keep else max(f, min(16, n))
        for i, (f, n) in enumerate(zip(floors, natural, strict=True))
    ]
    at_dots = [max(p, min(16, n)) for p, n in zip(parts, natural, strict=True)]
    for limit in (
        comfortable,
        [f if i in keep else c for i, (f, c) in enumerate(zip(floors, comfortable, strict=True))],
        [min(a, f) for a, f in zip(at_dots, floors, strict=True)],
        floors,
        [min(16, f) for f in floors],
        [min(4, f) for f in floors],
    ):
        while sum(widths) > room:
            candidates = [i for i, w in enumerate(widths) if w > limit[i]]
            if not candidates:
                break
            i = max(candidates, key=lambda k: widths[k])
            widths[i] -= 1
    return widths


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    wrap: int | None = None,
    width: int | None = None,
    keep: Sequence[int] = (),
) -> str:
    """An aligned plain-text table (NFC text, two spaces between columns, a rule under the
    header). ``None`` cells print as ``-``. With ``wrap``, cells wider than ``wrap`` columns
    are wrapped onto several lines; with ``width``, the widest columns are narrowed (their
    cells wrapped between words) until every line fits in ``width`` columns, the columns
    listed in ``keep`` only once the others are down to 16 columns.

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
    >>> print(render_table(["Code", "Name"], [["D3", "Trách nhiệm giải trình"]], width=20))
    Code  Name
    ----  -----------
    D3    Trách nhiệm
          giải trình
    """
    header = [unicodedata.normalize("NFC", str(h)) for h in headers]
    texts = [[_cell(v) for v in row] for row in rows]
    natural = [display_width(h) for h in header]
    floors = [max([1, *(display_width(w) for w in h.split())]) for h in header]
    parts = list(floors)
    for cells in texts:
        for i, text in enumerate(cells):
            natural[i] = max(natural[i], min(display_width(text), wrap or 10**6))
            longest = max([0, *(display_width(w) for w in text.split())])
            floors[i] = max(floors[i], longest)
            piece = max([0, *(display_width(p) for w in text.split() for p in _parts(w))])
            parts[i] = max(parts[i], piece)
    widths = natural
    if width is not None:
        room = width - 2 * (len(header) - 1)
        floors = [min(f, n) for f, n in zip(floors, natural, strict=True)]
        widths = _shrink(natural, floors, room, keep, parts)
    body = [[_lines(t, w) for t, w in zip(cells, widths, strict=True)] for cells in texts]
    head = [_lines(h, w) for h, w in zip(header, widths, strict=True)]
    # the widths the wrapped cells take (never more than allowed)
    used = [max(display_width(x) for x in lines) for lines in head]
    for lines_of in body:
        for i, lines in enumerate(lines_of):
            used[i] = max(used[i], *(display_width(x) for x in lines))
    out = _rows(head, used)
    out.append("  ".join("-" * w for w in used))
    for lines_of in body:
        out.extend(_rows(lines_of, used))
    return "\n".join(out)


def _lines(text: str, width: int) -> list[str]:
    return [text] if display_width(text) <= width else wrap(text, width)


def _rows(cells: Sequence[Sequence[str]], widths: Sequence[int]) -> list[str]:
    out = []
    for n in range(max(len(lines) for lines in cells)):
        parts = [lines[n] if n < len(lines) else "" for lines in cells]
        out.append("  ".join(_pad(c, w) for c, w in zip(parts, widths, strict=True)).rstrip())
    return out


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    value = getattr(value, "value", value)  # an enum: its value
    text = str(value).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return unicodedata.normalize("NFC", text)


_ISO_DAY = re.compile(r"(?<![\d/@-])(\d{4})-(\d{2})-(\d{2})(?![\d/-])")


def vi_dates(text: str) -> str:
    """Every ISO day of ``text`` written the Vietnamese way, ``dd/mm/yyyy``.

    >>> vi_dates("từ 2025-07-01 đến 2026-03-01")
    'từ 01/07/2025 đến 01/03/2026'
    """
    return _ISO_DAY.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", text)


# --------------------------------------------------------------------------------------------
# Vietnamese words of the output

#: Vietnamese for the codes the answers carry (levels, statuses, kinds of gap, framework
#: levels, yes/no), in tables and headings.
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
    "dimension": "chỉ số nội dung",
    "sub_dimension": "nội dung thành phần",
    "indicator": "chỉ tiêu",
    "no_lead": "không có cơ quan chủ trì",
    "selector_matches_nobody": "không ứng với cơ quan nào",
    "abolished_without_successor": "đơn vị đã chấm dứt, không có đơn vị kế thừa",
    "no_head_post": "không có chức danh người đứng đầu",
    "no_accountable_person": "không có người chịu trách nhiệm",
    "content_not_in_data": "nội dung chưa có trong dữ liệu",
    "yes": "có",
    "no": "không",
}

#: Names of the days of the week (Monday first) as the command prints them after a date.
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
}
