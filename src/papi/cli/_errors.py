"""The errors of the ``papi`` command in both languages (private): :func:`messages` gives the
one-line message of an error in English and Vietnamese, :func:`error_document` the
``papi.error/1`` JSON document printed on stderr under ``--json``."""

from __future__ import annotations

import re

from papi.errors import Ambiguous, InvalidData, NotFound, PapiError, what_vi

__all__ = ["CommandError", "error_document", "messages", "one_line"]


class CommandError(PapiError):
    """A problem with the command line that argparse cannot see (e.g. a bad date), said in
    English (the exception's message) and in Vietnamese (``vi``)."""

    def __init__(self, message: str, vi: str | None = None, *, parameter: str | None = None):
        super().__init__(message)
        self.vi = vi or message
        self.parameter = parameter


#: Vietnamese for the messages of :class:`~papi.errors.InvalidData` the command meets.
INVALID_VI = {
    "not a date": "không phải ngày hợp lệ (dạng dd/mm/yyyy hoặc YYYY-MM-DD)",
    "not a valid day": "không phải ngày hợp lệ (dạng dd/mm/yyyy hoặc YYYY-MM-DD)",
    "not a date in the form YYYY-MM-DD": "không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy",
    "cannot read the plan file": "không đọc được tệp kế hoạch",
}


def one_line(text: str) -> str:
    """A message on one line: a list of problems is joined with ``; ``.

    >>> one_line("plan.toml is invalid (2 problems):\\n  - a: x\\n  - b: y")
    'plan.toml is invalid (2 problems): a: x; b: y'
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].endswith(":"):
        items = [line[2:] if line.startswith("- ") else line for line in lines[1:]]
        return lines[0] + " " + "; ".join(items)
    return "; ".join(lines)


_CANDIDATE = re.compile(
    r"^(?P<name>.+) \(code (?P<code>[^,]+), id (?P<id>[^,]+), in (?P<parent>.+)\)$"
)


def _hint(exc: Ambiguous, lang: str) -> str:
    """How to get past an ambiguous unit name: the qualified form of each candidate."""
    if exc.what != "unit":
        return ""
    found = [_CANDIDATE.match(c) for c in exc.candidates]
    matches = [m for m in found if m is not None]
    if not matches or len(matches) != len(found):
        return ""
    names = ", ".join(repr(f"{m['name']}, {m['parent']}") for m in matches)
    ids = ", ".join(m["id"] for m in matches)
    if lang == "vi":
        return f"; viết 'Tên, Đơn vị cấp trên' để chọn: {names} (hoặc mã: {ids})"
    return f"; write 'Name, Parent' to choose: {names} (or the id: {ids})"


def _candidate_vi(text: str) -> str:
    match = _CANDIDATE.match(text)
    if match is None:
        return text
    return f"{match['name']} (mã {match['code']}, thuộc {match['parent']})"


def _problem_vi(message: str) -> str:
    for en, vi in INVALID_VI.items():
        if message.startswith(en):
            return vi
    return message


def messages(exc: BaseException) -> tuple[str, str]:
    """The one-line message of ``exc`` in English and in Vietnamese.

    >>> messages(NotFound("unit", "Hoan Kiem X", closest=("Phường Hoàn Kiếm",)))[1]
    'không tìm thấy đơn vị hành chính “Hoan Kiem X”; gần nhất: “Phường Hoàn Kiếm”'
    """
    en = one_line(str(exc) or type(exc).__name__)
    if isinstance(exc, CommandError):
        return en, one_line(exc.vi)
    if isinstance(exc, NotFound):
        vi = f"không tìm thấy {what_vi(exc.what)} “{exc.value}”"
        if exc.closest:
            vi += "; gần nhất: " + ", ".join(f"“{c}”" for c in exc.closest)
        return en, vi
    if isinstance(exc, Ambiguous):
        shown = "; ".join(_candidate_vi(c) for c in exc.candidates[:20])
        vi = f"“{exc.value}” ứng với {len(exc.candidates)} {what_vi(exc.what)}: {shown}"
        return en + _hint(exc, "en"), vi + _hint(exc, "vi")
    if isinstance(exc, InvalidData):
        parts = []
        for p in exc.problems:
            where = f"{p.path}: " if p.path else ""
            value = f" (giá trị: {p.value!r})" if p.value is not None else ""
            parts.append(f"{where}{_problem_vi(p.message)}{value}")
        if len(exc.problems) > 1:
            return en, f"dữ liệu không hợp lệ ({len(exc.problems)} lỗi): " + "; ".join(parts)
        return en, parts[0] if parts else "dữ liệu không hợp lệ"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        vi_os = {
            "No such file or directory": "không có tệp hoặc thư mục này",
            "Permission denied": "không có quyền truy cập",
            "Is a directory": "là một thư mục",
        }
        reason = exc.strerror or str(exc)
        return f"{where}{reason}", f"{where}{vi_os.get(reason, reason)}"
    return en, en


def error_document(exc: BaseException, lang: str) -> dict[str, object]:
    """The ``papi.error/1`` document of ``exc`` (the error answer of the HTTP service)."""
    from papi.server.documents import Candidate, Error, ErrorCode, error_info

    en, vi = messages(exc)
    code: ErrorCode = "invalid_request"
    status, parameter, value = 400, None, None
    candidates: tuple[Candidate, ...] = ()
    if isinstance(exc, NotFound):
        code, status, value = "not_found", 404, str(exc.value)
        candidates = exc.choices
    elif isinstance(exc, Ambiguous):
        code, status, value = "ambiguous", 409, str(exc.value)
        candidates = exc.choices
    elif isinstance(exc, CommandError):
        code, parameter = "invalid_parameter", exc.parameter
    elif isinstance(exc, InvalidData):
        code = "invalid_parameter"
        parameter = exc.path or None
        value = None if exc.value is None else str(exc.value)
    info = error_info(
        code,
        status,
        lang,
        vi=vi,
        en=en,
        parameter=parameter,
        value=value,
        candidates=candidates,
    )
    return Error(error=info).to_dict()
