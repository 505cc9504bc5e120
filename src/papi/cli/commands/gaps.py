"""``papi gaps``: duties nobody holds, or held by nobody on the day."""

from __future__ import annotations

import argparse

from papi.cli._context import Context
from papi.cli._parser import add_on
from papi.cli._render import render_table

DESCRIPTION = (
    "Accountability gaps on a day: tasks with no holder, selectors that match no "
    "organization, posts with no known holder."
)
EXAMPLES = "Examples:\n  papi gaps --on 2026-03-01\n  papi gaps --on 2022-09-30 --lang vi --json"


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
            f"{len(answer.items)} khoảng trống trách nhiệm ngày {day}",
        )
    )
    if answer.items:
        ctx.print()
        rows = [
            [g.kind, g.subject, g.message_en if ctx.lang == "en" else g.message_vi]
            for g in answer.items
        ]
        headers = [
            ctx.en("Kind", "Loại"),
            ctx.en("Subject", "Đối tượng"),
            ctx.en("What is missing", "Thiếu gì"),
        ]
        ctx.print(render_table(headers, rows, wrap=70))
    return 0
