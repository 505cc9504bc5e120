"""``papi deadline``: when a statutory deadline falls, counted on the Vietnamese calendar."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from papi.cli._context import CommandError, Context
from papi.cli._render import render_table

if TYPE_CHECKING:
    from papi.calendar import VietnamCalendar
    from papi.rules import Statute, Unscheduled

DESCRIPTION = (
    "The deadline of a statutory rule counted from a day, on the Vietnamese working-day "
    "calendar (Civil Code 91/2015/QH13 arts 144-148: the first day is not counted; a "
    "period ending on a day off ends on the next working day). RULE is a statute key such "
    "as complaint.first_instance; without RULE, lists the statute keys in force on --from."
)
EXAMPLES = (
    "Examples:\n"
    "  papi deadline complaint.first_instance --from 2026-01-20   # runs past Tết\n"
    "  papi deadline report.monthly --from 2026-01-01 --to 2026-06-30\n"
    "  papi deadline --from 2026-03-01        # every statute key in force that day\n"
    "  papi deadline citizen_reception.commune_chair --from 2026-11-25\n"
    "A duty in force whose period is not yet sourced (e.g. citizen reception under Law\n"
    "136/2025/QH15) is shown with 'Due: not computable' and the reason (--json: due null)."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
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


def run(ctx: Context) -> int:
    from papi.rules import Unscheduled, statute

    start = ctx.date(ctx.args.start, "--from")
    if not ctx.args.rule:
        if ctx.args.end:
            raise CommandError("--to needs a RULE")
        return _in_force(ctx, start)
    st = statute(ctx.args.rule, on=start)
    end = ctx.date(ctx.args.end, "--to") if ctx.args.end else None
    if end is not None and end < start:
        raise CommandError(f"--to {end} is before --from {start}")
    if isinstance(st.rule, Unscheduled):
        return _unscheduled(ctx, st, st.rule, start, end)
    return _dated(ctx, st, start, end)


def _in_force(ctx: Context, start: date) -> int:
    """Without RULE: every statute key in force on the day, with its period and basis."""
    from papi.rules import statutes

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


def _statute_rows(ctx: Context, st: Statute) -> list[list[object]]:
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


def _notes(ctx: Context, st: Statute) -> None:
    if st.notes:
        ctx.print()
        ctx.para(f"{ctx.en('Notes', 'Ghi chú')}: {st.notes}")


def _unscheduled(
    ctx: Context, st: Statute, rule: Unscheduled, start: date, end: date | None
) -> int:
    """A duty in force with no sourced period: the entry, no date."""
    why_en = f"{rule.missing} is not yet sourced"
    why_vi = f"chưa có nguồn về {rule.missing_vi or rule.missing}"
    json_fields = {
        "due": None,
        "due_reason": {"en": why_en, "vi": why_vi},
        "estimated": None,
        "occurrences": None,
    }
    due = ctx.en(f"not computable — {why_en}", f"không tính được — {why_vi}")
    more: list[list[object]] = []
    if end is not None:
        more.append(
            [
                ctx.en(f"Deadlines until {end}", f"Các hạn đến ngày {end}"),
                ctx.en("none computable", "không tính được"),
            ]
        )
    if not _answer(ctx, st, start, json_fields, due, more):
        _notes(ctx, st)
    return 0


def _answer(
    ctx: Context,
    st: Statute,
    start: date,
    json_fields: Mapping[str, object],
    due: str,
    more: list[list[object]] | None = None,
) -> bool:
    """The answer's JSON document (then true), or its title and table (then false): the
    statute's rows, the day counted from, the due day, ``more`` rows and whether verified."""
    if ctx.as_json:
        doc = _statute_doc(st)
        doc.update({"from": start, **json_fields})
        ctx.emit(doc)
        return True
    title, other = (st.title_vi, st.title_en) if ctx.lang == "vi" else (st.title_en, st.title_vi)
    ctx.print(f"{st.key}: {title}")
    ctx.print(f"    ({other})")
    ctx.print()
    rows = _statute_rows(ctx, st)
    rows += [
        [ctx.en("From", "Từ ngày"), ctx.day_and_weekday(start)],
        [ctx.en("Due", "Hạn"), due],
        *(more or []),
    ]
    if not st.verified:
        rows.append([ctx.en("Verified", "Đã kiểm chứng"), False])
    ctx.print(render_table([ctx.en("Field", "Trường"), ctx.en("Value", "Giá trị")], rows))
    return False


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
            raise CommandError(f"--to needs a recurring rule; {st.key} is a single deadline")
        series = tuple(occurrences(start, end, cal))
    moved = _moved(ctx, st, start, due, cal)
    json_fields = {
        "due": due,
        "estimated": cal.is_estimated(due),
        "occurrences": list(series) if end is not None else None,
    }
    if _answer(ctx, st, start, json_fields, ctx.day_and_weekday(due)):
        return 0
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
            ctx.print(f"  - {ctx.day_and_weekday(d)}" + (f"  [{name}]" if name else ""))
    _notes(ctx, st)
    return 0
