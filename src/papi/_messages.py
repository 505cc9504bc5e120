"""The messages of papi's errors in English and Vietnamese (private; see
:func:`papi.errors.messages`): the one line the command line prints and the ``message`` of
the HTTP service's and ``papi --json``'s ``papi.error/1`` documents, from one place."""

from __future__ import annotations

import re
from datetime import date

from papi.dates import Validity
from papi.errors import Ambiguous, InvalidData, NotFound, Problem, what_vi

__all__ = ["day_vi", "messages", "one_line", "problem_text", "problem_vi", "validity_vi"]


#: Vietnamese for the messages of :class:`~papi.errors.InvalidData` and of the problems of a
#: plan file (:mod:`papi.io`, the model's builder) the command meets: a pattern of the English
#: message and its Vietnamese (``\1`` ... name the pattern's groups).
PROBLEMS_VI: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(en), vi)
    for en, vi in (
        (
            r"^not a (?:valid day|date)(?! in the form YYYY-MM-DD)",
            "không phải ngày hợp lệ (dạng dd/mm/yyyy hoặc YYYY-MM-DD)",
        ),
        (
            r"^not a date in the form YYYY-MM-DD or dd/mm/yyyy",
            "không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy",
        ),
        (r"^not a date in the form YYYY-MM-DD.*", "không phải ngày dạng YYYY-MM-DD"),
        (r"^cannot read the plan file: (.*)", "không đọc được tệp kế hoạch: \\1"),
        (r"^cannot read the plan file.*", "không đọc được tệp kế hoạch"),
        (r"^missing key$", "thiếu khóa này"),
        (r"^unknown key$", "khóa không có trong định dạng kế hoạch"),
        (
            r"^unknown (document|task|unit|statute|indicator|organization)(?:; closest: (.+))?$",
            "không có \\1 này\\2",
        ),
        (r"^invalid (document|task) \(see (.+)\)$", "\\1 không hợp lệ (xem \\2)"),
        (r"^duplicate (document|task|assignment) id$", "trùng mã \\1"),
        (
            r"^not a role; use one of .+ \(or (.+)\)$",
            "không phải vai trò; dùng một trong: \\1 (hoặc mã tiếng Anh tương ứng)",
        ),
        (r"^not a level$", "không phải cấp hành chính"),
        (
            r"^not an? (level|document kind); use one of (.+)$",
            "không phải \\1; dùng một trong: \\2",
        ),
        (r"^must be a table$", "phải là một bảng"),
        (r"^must be a non-empty string$", "phải là chuỗi không rỗng"),
        (r"^must be a string$", "phải là chuỗi"),
        (r"^must be an array of tables$", "phải là một mảng các bảng"),
        (
            r"^must be an array of \{document, reference\} tables$",
            "phải là một mảng các bảng `{document, reference}`",
        ),
        (r"^must be an array$", "phải là một mảng"),
        (r"^must be a list of strings$", "phải là danh sách chuỗi"),
        (r"^must be true or false$", "phải là `true` hoặc `false`"),
        (r"^must be an int$", "phải là số nguyên"),
        (r"^must be a number between (\d+) and (\d+)$", "phải là số từ \\1 đến \\2"),
        (r"^must be (-?\d+)\.\.(-?\d+)(.*)$", "phải từ \\1 đến \\2\\3"),
        (r"^must be >= (\d+)$", "phải lớn hơn hoặc bằng \\1"),
        (r"^needs both from and to \(inclusive\)$", "cần cả `from` và `to` (tính cả hai ngày)"),
        (r"^give exactly one of 'statute' or 'rule'$", "cần đúng một trong 'statute', 'rule'"),
        (r"^date_known = false but a date is given$", "có `date_known = false` nhưng lại ghi ngày"),
        (
            r"^a document without a date needs date_known = false$",
            "văn bản không có ngày cần `date_known = false`",
        ),
        (r"^use one of (.+)$", "dùng một trong: \\1"),
        (r"^unsupported schema; expected (.+)$", "schema không được hỗ trợ; cần \\1"),
        (
            r"^matches no organization on (\d{4}-\d{2}-\d{2})$",
            "không ứng với cơ quan, tổ chức nào ngày \\1",
        ),
        (
            r"^validity overlaps another version of (.+)$",
            "thời gian hiệu lực trùng với một phiên bản khác của \\1",
        ),
    )
)

#: Vietnamese for the words the English patterns above capture.
_WORDS_VI = {
    "document": "văn bản",
    "task": "nhiệm vụ",
    "unit": "đơn vị hành chính",
    "statute": "quy định về thời hạn",
    "indicator": "chỉ số",
    "organization": "cơ quan, tổ chức",
    "assignment": "lượt giao nhiệm vụ",
    "level": "cấp hành chính",
    "document kind": "loại văn bản",
    "No such file or directory": "không có tệp hoặc thư mục này",
    "Permission denied": "không có quyền truy cập",
    "Is a directory": "là một thư mục",
}


def problem_vi(message: str) -> str:
    """The Vietnamese of a problem's message (as :mod:`papi.io` and the model's builder
    write it); a message with no Vietnamese yet is returned as it is.

    >>> problem_vi("unknown document"), problem_vi("must be 1..12")
    ('không có văn bản này', 'phải từ 1 đến 12')
    """
    for pattern, vi in PROBLEMS_VI:
        match = pattern.match(message)
        if match is None:
            continue
        groups = [_WORDS_VI.get(g, g) if g else "" for g in match.groups()]
        if "use one of (.+)$" in pattern.pattern:  # codes of the file's format, as written
            groups[-1] = ", ".join(f"`{code}`" for code in groups[-1].split(", "))
        if pattern.pattern.startswith("^unknown (") and groups[1]:
            groups[1] = "; gần nhất: " + groups[1]
        if "(\\d{4}" in pattern.pattern:
            groups = [_dmy(g) for g in groups]
        text = vi
        for i, group in enumerate(groups, 1):
            text = text.replace(f"\\{i}", group)
        return text
    return message


def day_vi(day: date | None) -> str:
    """A day as Vietnamese write it (``…`` for an open bound).

    >>> day_vi(date(2025, 7, 1)), day_vi(None)
    ('01/07/2025', '…')
    """
    return "…" if day is None else f"{day:%d/%m/%Y}"


def validity_vi(validity: Validity | None) -> str:
    """A validity interval with its days as Vietnamese write them.

    >>> validity_vi(Validity(valid_from=date(2025, 7, 1)))
    '[01/07/2025, …)'
    """
    if validity is None:
        return "[…, …)"
    return f"[{day_vi(validity.valid_from)}, {day_vi(validity.valid_to)})"


def _dmy(text: str) -> str:
    return re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"\3/\2/\1", text)


def problem_text(problem: Problem, lang: str) -> str:
    """A problem of a plan file on one line, in ``lang``: ``path: message (value: ...)``.

    >>> p = Problem(path="plan.toml: tasks[0].document", message="unknown document", value="x")
    >>> problem_text(p, "vi")
    "plan.toml: tasks[0].document: không có văn bản này (giá trị: 'x')"
    """
    if lang != "vi":
        return str(problem)
    where = f"{problem.source}: " if problem.source else ""
    where += f"{problem.path}: " if problem.path else ""
    value = "" if problem.value is None else f" (giá trị: {problem.value!r})"
    return f"{where}{problem_vi(problem.message)}{value}"


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


#: An organization among the candidates of an :class:`~papi.errors.Ambiguous`:
#: ``"Sở Nội vụ (id so-noi-vu:48, unit 48: Thành phố Đà Nẵng)"``.
_ORG_CANDIDATE = re.compile(
    r"^(?P<name>.+) \(id (?P<id>[^,]+), unit (?P<unit>[^:]+): (?P<where>.+)\)$"
)


def _hint(exc: Ambiguous, lang: str) -> str:
    """How to get past an ambiguous unit or organization name: the qualified form of each
    candidate."""
    if exc.what == "unit":
        pattern, parent = _CANDIDATE, "parent"
        how = ("'Name, Parent'", "'Tên, Đơn vị cấp trên'")
    elif exc.what == "organization":
        pattern, parent = _ORG_CANDIDATE, "where"
        how = ("'Name, Unit'", "'Tên, Đơn vị'")
    else:
        return ""
    found = [pattern.match(c) for c in exc.candidates]
    matches = [m for m in found if m is not None]
    if not matches or len(matches) != len(found):
        return ""
    names = ", ".join(repr(f"{m['name']}, {m[parent]}") for m in matches[:20])
    ids = ", ".join(m["id"] for m in matches[:20])
    if lang == "vi":
        return f"; viết {how[1]} để chọn: {names} (hoặc mã: {ids})"
    return f"; write {how[0]} to choose: {names} (or the id: {ids})"


def _candidate_vi(text: str) -> str:
    match = _CANDIDATE.match(text)
    if match is not None:
        return f"{match['name']} (mã {match['code']}, thuộc {match['parent']})"
    match = _ORG_CANDIDATE.match(text)
    if match is not None:
        return f"{match['name']} (mã {match['id']}, thuộc {match['where']})"
    return text


def messages(exc: BaseException) -> tuple[str, str]:
    """The one-line message of ``exc`` in English and in Vietnamese.

    >>> messages(NotFound("unit", "Hoan Kiem X", closest=("Phường Hoàn Kiếm",)))[1]
    'không tìm thấy đơn vị hành chính “Hoan Kiem X”; gần nhất: “Phường Hoàn Kiếm”'

    An error whose raiser says it in both languages (an attribute ``vi``, as the command
    line's own errors have) keeps its Vietnamese; any other error is given in English twice.
    """
    en = one_line(str(exc) or type(exc).__name__)
    vi_of = getattr(exc, "vi", None)  # an error said in both languages by its raiser
    if isinstance(vi_of, str):
        return en, one_line(vi_of)
    if isinstance(exc, NotFound):
        vi = f"không tìm thấy {what_vi(exc.what)} “{exc.value}”"
        if exc.context_vi:
            vi += f" {exc.context_vi}"
        if exc.closest and not all(c in (exc.context_vi or "") for c in exc.closest):
            vi += "; gần nhất: " + ", ".join(f"“{c}”" for c in exc.closest)
        return en, vi
    if isinstance(exc, Ambiguous):
        candidates = getattr(exc, "candidates_vi", None) or exc.candidates
        shown = "; ".join(_candidate_vi(c) for c in candidates[:20])
        more = f" và {len(candidates) - 20} đơn vị khác" if len(candidates) > 20 else ""
        vi = f"“{exc.value}” ứng với {len(exc.candidates)} {what_vi(exc.what)}: {shown}{more}"
        if exc.context_vi:
            vi += f"; {exc.context_vi}"
        return en + _hint(exc, "en"), vi + _hint(exc, "vi")
    if isinstance(exc, InvalidData):
        parts = [problem_text(p, "vi") for p in exc.problems]
        if len(exc.problems) > 1:
            return en, f"dữ liệu không hợp lệ ({len(exc.problems)} lỗi): " + "; ".join(parts)
        return en, parts[0] if parts else "dữ liệu không hợp lệ"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        reason = exc.strerror or str(exc)
        return f"{where}{reason}", f"{where}{_WORDS_VI.get(reason, reason)}"
    return en, en
