"""``papi overdue``: duties past their deadline without a report of completion."""

from __future__ import annotations

import argparse

from papi.cli._context import Context
from papi.cli._parser import add_on

DESCRIPTION = "Duties whose deadline has passed on the day without a report of completion."
DESCRIPTION_VI = "Nhiệm vụ đã quá hạn vào một ngày mà chưa có báo cáo hoàn thành."
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi overdue --on 01/03/2026 --lang vi\n"
    "  papi overdue --on 01/03/2026 --data bao_cao.toml --csv   # với báo cáo tiến độ của bạn"
)
EXAMPLES = (
    "Examples:\n"
    "  papi overdue --on 2026-03-01\n"
    "  papi overdue --on 2026-03-01 --data my_reports.toml   # with your progress reports"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_on(p)


def run(ctx: Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().overdue(on=day)
    if ctx.as_json:
        ctx.emit(answer)
        return 0
    ctx.print(
        ctx.en(
            f"{len(answer.items)} overdue duties on {day}",
            f"{len(answer.items)} nhiệm vụ quá hạn ngày {ctx.day(day)}",
        )
    )
    if answer.items or ctx.as_csv:
        ctx.print()
        rows = [[i.task, ctx.org_name(i.organization), i.due, i.status] for i in answer.items]
        headers = [
            ctx.en("Task", "Mã nhiệm vụ"),
            ctx.en("Organization", "Cơ quan"),
            ctx.en("Due", "Hạn"),
            ctx.en("Status", "Tình trạng"),
        ]
        ctx.table(headers, rows, keys=["task", "organization", "due", "status"])
    return 0
