"""``papi agenda``: the deadlines falling in a period."""

from __future__ import annotations

import argparse

from papi.cli._context import CommandError, Context
from papi.cli._render import render_table

DESCRIPTION = (
    "The deadlines that fall between --from and --to (inclusive), optionally only those of "
    "one organization or unit."
)
EXAMPLES = (
    "Examples:\n"
    '  papi agenda --from 2026-02-01 --to 2026-02-28 --of "Phường Hoàn Kiếm"\n'
    "  papi agenda --from 2026-03-01 --to 2026-03-31 --json\n"
    "Without --of, the deadlines of every holder in the data."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day")
    p.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day")
    p.add_argument(
        "--of", metavar="ORG_OR_UNIT", help="only the duties of this holder (default: every holder)"
    )


def run(ctx: Context) -> int:
    start = ctx.date(ctx.args.start, "--from", default_today=False)
    end = ctx.date(ctx.args.end, "--to", default_today=False)
    if end < start:
        raise CommandError(f"--to {end} is before --from {start}")
    answer = ctx.governance().agenda(of=ctx.args.of, start=start, end=end)
    if ctx.as_json:
        ctx.emit(answer)
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
            ctx.day_and_weekday(i.due),
            i.task,
            i.description_en if ctx.lang == "en" else i.description_vi,
            ctx.word(i.applies_to),
            ctx.citation(i.citation),
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
    ctx.caveats(answer.warnings)
    return 0
