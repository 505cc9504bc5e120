"""``papi deadline``: when a statutory deadline falls, counted on the Vietnamese calendar."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from papi.cli._context import CommandError, Context
from papi.cli._parser import t

if TYPE_CHECKING:
    from papi.calendar import VietnamCalendar
    from papi.rules import Statute, Unscheduled

DESCRIPTION = (
    "The deadline of a statutory rule counted from a day, on the Vietnamese working-day "
    "calendar (Civil Code 91/2015/QH13 arts 144-148: the first day is not counted; a "
    "period ending on a day off ends on the next working day). RULE is a statute key such "
    "as complaint.first_instance or a statute's name in Vietnamese or English; a topic "
    '("tố cáo", complaint) lists its statute keys; without RULE, lists the statute keys in '
    "force on --from. Who acts is named as the posts of the model with their articles."
)
DESCRIPTION_VI = (
    "Thời hạn của một quy định tính từ một ngày, theo lịch ngày làm việc của Việt Nam (Bộ "
    "luật Dân sự 91/2015/QH13, Điều 144-148: không tính ngày đầu; thời hạn kết thúc vào ngày "
    "nghỉ thì chuyển sang ngày làm việc tiếp theo). QUY_ĐỊNH là một khóa như "
    "complaint.first_instance hoặc tên quy định bằng tiếng Việt hay tiếng Anh; một chủ đề "
    '("tố cáo") liệt kê các khóa của nó; không có QUY_ĐỊNH thì liệt kê các khóa có hiệu lực '
    "ngày --from. Người thực hiện được nêu theo chức danh trong mô hình, kèm điều luật."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi deadline complaint.first_instance --from 20/01/2026 --lang vi   # qua Tết\n"
    "  papi deadline report.monthly --from 01/01/2026 --to 30/06/2026 --lang vi\n"
    "  papi deadline --from 01/03/2026 --lang vi   # mọi quy định có hiệu lực ngày đó\n"
    '  papi deadline "khiếu nại lần đầu" --from 02/03/2026 --lang vi\n'
    '  papi deadline "tố cáo" --from 02/03/2026 --lang vi   # các quy định về tố cáo\n'
    "Nhiệm vụ có hiệu lực nhưng chưa có nguồn về thời hạn được ghi 'không tính được' kèm\n"
    "lý do (--json: due null)."
)
EXAMPLES = (
    "Examples:\n"
    "  papi deadline complaint.first_instance --from 2026-01-20   # runs past Tết\n"
    "  papi deadline report.monthly --from 2026-01-01 --to 2026-06-30\n"
    "  papi deadline --from 2026-03-01        # every statute key in force that day\n"
    "  papi deadline citizen_reception.commune_chair --from 2026-11-25\n"
    '  papi deadline "khieu nai lan dau" --from 2026-03-02   # a statute by its name\n'
    "  papi deadline denunciation --from 2026-03-02          # the keys of a topic\n"
    "A duty in force whose period is not yet sourced (e.g. citizen reception under Law\n"
    "136/2025/QH15) is shown with 'Due: not computable' and the reason (--json: due null)."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "rule",
        nargs="?",
        metavar=t("RULE", "QUY_ĐỊNH"),
        help=t(
            "statute key (e.g. complaint.first_instance), a statute's name in Vietnamese or "
            "English, or a topic of the law (denunciation)",
            "khóa của quy định (ví dụ complaint.first_instance), tên quy định bằng tiếng Việt "
            'hoặc tiếng Anh, hoặc một chủ đề của luật ("tố cáo")',
        ),
    )
    p.add_argument(
        "--from",
        dest="start",
        metavar=t("DATE", "NGÀY"),
        help=t(
            "the triggering day, YYYY-MM-DD or dd/mm/yyyy (default: today in Asia/Ho_Chi_Minh)",
            "ngày bắt đầu tính, dạng dd/mm/yyyy hoặc YYYY-MM-DD (mặc định: hôm nay theo giờ "
            "Việt Nam)",
        ),
    )
    p.add_argument(
        "--to",
        dest="end",
        metavar=t("DATE", "NGÀY"),
        help=t(
            "for recurring rules: list every deadline up to this day",
            "với quy định định kỳ: liệt kê mọi thời hạn đến ngày này",
        ),
    )


def run(ctx: Context) -> int:
    from papi.rules import Unscheduled, statute

    start = ctx.date(ctx.args.start, "--from")
    if not ctx.args.rule:
        if ctx.args.end:
            raise CommandError("--to needs a RULE", "--to cần một QUY_ĐỊNH", parameter="--to")
        return _in_force(ctx, start)
    key = _statute_key(ctx.args.rule)
    topic = _topic_statutes(key) if key == ctx.args.rule else None
    if topic is not None and not ctx.args.end:
        return _in_force(ctx, start, topic)
    st = statute(key, on=start)
    end = ctx.date(ctx.args.end, "--to") if ctx.args.end else None
    if end is not None and end < start:
        raise CommandError(
            f"--to {end} is before --from {start}",
            f"--to {ctx.day(end)} trước --from {ctx.day(start)}",
            parameter="--to",
        )
    if ctx.as_json:
        if end is not None and not st.rule.is_recurring and not isinstance(st.rule, Unscheduled):
            raise _single(st.key)
        from papi.server.documents import deadline_document

        ctx.emit(deadline_document(st.key, start=start, end=end))
        return 0
    if isinstance(st.rule, Unscheduled):
        return _unscheduled(ctx, st, st.rule, start, end)
    return _dated(ctx, st, start, end)


def _statute_key(name: str) -> str:
    """A statute key, or the key of a statute named in Vietnamese or English ("khiếu nại lần
    đầu", "khieu nai lan dau"; :func:`papi.law.find_statute`); an unknown name is left for
    :func:`papi.rules.statute` to refuse with the closest keys."""
    from papi.errors import NotFound
    from papi.law import find_statute

    try:
        return find_statute(name)
    except NotFound:
        return name


def _topic_statutes(name: str) -> tuple[str, ...] | None:
    """The statute keys of a topic of the law's duties ("tố cáo", "complaint"), if ``name``
    names one and is not itself a statute key."""
    from papi.errors import NotFound
    from papi.law import law_index
    from papi.rules import statutes

    if "." in name or any(s.key == name for s in statutes()):
        return None  # a dotted name is a statute key, or a mistyped one to refuse
    try:
        return law_index().topic(name).statutes
    except NotFound:
        return None


def _who_acts(ctx: Context, st: Statute, on: date) -> list[str]:
    """The holders of ``st`` on ``on`` as posts of the model with their articles
    (:func:`papi.law.statute_posts`); the catalogue's holder text for a key without names."""
    from papi.errors import NotFound
    from papi.law import statute_posts
    from papi.rules import reference_en

    try:
        posts = statute_posts(st.key, on)
    except NotFound:
        posts = ()
    fallback = ctx.en(st.holder, f"(tiếng Anh) {st.holder}")
    unsourced = ctx.en(" (unsourced)", " (chưa có căn cứ)")
    return [
        p.label(ctx.lang)
        + (f" ({ctx.en(reference_en(p.reference), p.reference)})" if p.reference else "")
        + ("" if p.sourced else unsourced)
        for p in posts
    ] or [fallback]


def _in_force(ctx: Context, start: date, keys: tuple[str, ...] | None = None) -> int:
    """Without RULE: every statute key in force on the day (or those of a topic: ``keys``),
    with its period and basis."""
    from papi.rules import statutes

    listed = [
        s for s in statutes() if s.validity.contains(start) and (keys is None or s.key in keys)
    ]
    if ctx.as_json:
        from papi.server.documents import Statutes, statute_info

        ctx.emit(Statutes(on=start, statutes=tuple(statute_info(s) for s in listed)))
        return 0
    ctx.print(
        ctx.en(
            f"{len(listed)} statutory deadline rules in force on {start}:",
            f"{len(listed)} quy định về thời hạn có hiệu lực ngày {ctx.day(start)}:",
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
    ctx.table(headers, table, keys=["key", "period", "citation"])
    return 0


def _single(key: str) -> CommandError:
    return CommandError(
        f"--to needs a recurring rule; {key} is a single deadline",
        f"--to chỉ dùng với quy định định kỳ; {key} là một thời hạn duy nhất",
        parameter="--to",
    )


def _statute_rows(ctx: Context, st: Statute, on: date) -> list[list[object]]:
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
    for i, text in enumerate(_who_acts(ctx, st, on)):
        rows.append([ctx.en("Who acts", "Người thực hiện") if i == 0 else "", text])
    rows.append([ctx.en("In force", "Hiệu lực"), _validity(ctx, st)])
    return rows


def _validity(ctx: Context, st: Statute) -> str:
    v = st.validity
    since = ctx.day(v.valid_from) if v.valid_from else ctx.en("always", "không xác định")
    if v.valid_to is None:
        return ctx.en(f"since {since}", f"từ {since}")
    last = date.fromordinal(v.valid_to.toordinal() - 1)
    return ctx.en(f"{since} to {last}", f"từ {since} đến {ctx.day(last)}")


def _notes(ctx: Context, st: Statute) -> None:
    if st.notes:
        ctx.print()
        ctx.para(
            ctx.en(
                f"Notes: {st.notes}",
                "Ghi chú: hiện chỉ có bằng tiếng Anh (xem --lang en hoặc --json).",
            )
        )


def _unscheduled(
    ctx: Context, st: Statute, rule: Unscheduled, start: date, end: date | None
) -> int:
    """A duty in force with no sourced period: the entry, no date."""
    why_en = f"{rule.missing} is not yet sourced"
    why_vi = f"chưa có nguồn về {rule.missing_vi or rule.missing}"
    due = ctx.en(f"not computable — {why_en}", f"không tính được — {why_vi}")
    more: list[list[object]] = []
    if end is not None:
        more.append(
            [
                ctx.en(f"Deadlines until {end}", f"Các hạn đến ngày {ctx.day(end)}"),
                ctx.en("none computable", "không tính được"),
            ]
        )
    _answer(ctx, st, start, due, more)
    _notes(ctx, st)
    return 0


def _answer(
    ctx: Context, st: Statute, start: date, due: object, more: list[list[object]] | None = None
) -> None:
    """The answer's title and table: the statute's rows, the day counted from, the due day,
    ``more`` rows and whether verified."""
    title, other = (st.title_vi, st.title_en) if ctx.lang == "vi" else (st.title_en, st.title_vi)
    ctx.print(f"{st.key}: {title}")
    ctx.print(f"    ({other})")
    ctx.print()
    rows = _statute_rows(ctx, st, start)
    rows += [
        [ctx.en("From", "Từ ngày"), start if ctx.as_csv else ctx.day_and_weekday(start)],
        [ctx.en("Due", "Hạn"), due],
        *(more or []),
    ]
    if not st.verified:
        rows.append([ctx.en("Verified", "Đã kiểm chứng"), False])
    ctx.table(
        [ctx.en("Field", "Trường"), ctx.en("Value", "Giá trị")], rows, keys=["field", "value"]
    )


def _moved(ctx: Context, st: Statute, start: date, due: date, cal: VietnamCalendar) -> str | None:
    """Why the deadline is later than the period's end: it fell on a day off (art. 148)."""
    from papi.rules import After, PeriodUnit, period_end

    rule = st.rule
    if not isinstance(rule, After) or rule.unit is PeriodUnit.WORKING_DAYS or not rule.roll:
        return None
    raw = period_end(start, rule.n, rule.unit, cal, roll=False)
    if raw == due:
        return None
    why = cal.holiday_name(raw, lang=ctx.lang) or ctx.en("a weekly day off", "ngày nghỉ hằng tuần")
    return ctx.en(
        f"the period ends on {ctx.day_and_weekday(raw)}, {why}, so it runs to the next working "
        "day (Civil Code 91/2015/QH13, art. 148)",
        f"thời hạn kết thúc vào {ctx.day_and_weekday(raw)}, {why}, nên chuyển sang ngày làm "
        "việc tiếp theo (Bộ luật Dân sự 91/2015/QH13, Điều 148)",
    )


def _dated(ctx: Context, st: Statute, start: date, end: date | None) -> int:
    """A computable rule: the deadline from ``start`` (and the series up to ``end``)."""
    from papi.calendar import default_calendar

    cal = default_calendar()
    due = st.due(start, cal)
    series: tuple[date, ...] = ()
    if end is not None:
        occurrences = getattr(st.rule, "occurrences", None)
        if not st.rule.is_recurring or occurrences is None:
            raise _single(st.key)
        series = tuple(occurrences(start, end, cal))
    moved = _moved(ctx, st, start, due, cal)
    more: list[list[object]] = []
    if ctx.as_csv:  # the series as rows of the one table
        more = [[ctx.en("Deadline", "Hạn"), d] for d in series]
    _answer(ctx, st, start, due if ctx.as_csv else ctx.day_and_weekday(due), more)
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
        ctx.print(ctx.en(f"Deadlines until {end}:", f"Các hạn đến ngày {ctx.day(end)}:"))
        for d in series:
            name = cal.holiday_name(d, lang=ctx.lang)
            ctx.print(f"  - {ctx.day_and_weekday(d)}" + (f"  [{name}]" if name else ""))
    _notes(ctx, st)
    return 0
