"""``papi gaps``: duties nobody holds, or held by nobody on the day."""

from __future__ import annotations

import argparse

from papi.cli._context import Context
from papi.cli._parser import add_on

DESCRIPTION = (
    "Accountability gaps on a day: tasks with no holder, selectors that match no "
    "organization, posts with no known holder."
)
DESCRIPTION_VI = (
    "Khoảng trống trách nhiệm vào một ngày: nhiệm vụ không có cơ quan đảm nhận, cách chỉ định "
    "không ứng với cơ quan nào, chức danh chưa biết người giữ."
)
EXAMPLES = "Examples:\n  papi gaps --on 2026-03-01\n  papi gaps --on 2022-09-30 --lang vi --json"
EXAMPLES_VI = "Ví dụ:\n  papi gaps --on 01/03/2026 --lang vi\n  papi gaps --on 30/09/2022 --csv"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_on(p)


def run(ctx: Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().gaps(on=day)
    if ctx.as_json:
        ctx.emit(answer)
        return 0
    ctx.print(
        ctx.en(
            f"{len(answer.items)} accountability gaps on {day}",
            f"{len(answer.items)} khoảng trống trách nhiệm ngày {ctx.day(day)}",
        )
    )
    if answer.items or ctx.as_csv:
        ctx.print()
        rows = [
            [
                g.kind if ctx.as_csv else ctx.word(g.kind),
                g.subject,
                g.message_en if ctx.lang == "en" else g.message_vi,
            ]
            for g in answer.items
        ]
        headers = [
            ctx.en("Kind", "Loại"),
            ctx.en("Subject", "Đối tượng"),
            ctx.en("What is missing", "Thiếu gì"),
        ]
        ctx.table(headers, rows, keys=["kind", "subject", "message"], wrap=70)
    return 0
