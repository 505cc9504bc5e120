"""``papi units``: the administrative units on a day."""

from __future__ import annotations

import argparse
from datetime import date

from papi.cli._context import Context
from papi.cli._parser import add_on
from papi.cli._render import render_table
from papi.dates import Validity

DESCRIPTION = (
    "Administrative units that exist on a day, optionally of one level and within one unit. "
    "Levels: province, district (until 2025-06-30), commune, village."
)
EXAMPLES = (
    "Examples:\n"
    "  papi units --level commune --on 2026-03-01   # Hanoi's 126 communes and wards\n"
    '  papi units --within "Quận Hoàn Kiếm" --on 2022-09-30\n'
    "  papi units --level province --json\n"
    "Without --level or --within: every unit of Hanoi on the day, at every level."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--level",
        choices=("province", "district", "commune", "village"),
        help="only units of this level (default: every level)",
    )
    p.add_argument(
        "--within", metavar="UNIT", help="only units inside this unit (default: all of Hanoi)"
    )
    add_on(p)


def run(ctx: Context) -> int:
    from papi.territory import Level, hanoi_territory

    day = ctx.date(ctx.args.on, "--on")
    territory = hanoi_territory()
    within = territory.unit(ctx.args.within, on=day) if ctx.args.within else None
    level = Level(ctx.args.level) if ctx.args.level else None
    units = territory.units(level=level, within=within, on=day)
    if ctx.as_json:
        ctx.emit({"on": day, "level": level, "within": within, "units": units})
        return 0
    scope = f" {ctx.en('within', 'thuộc')} {ctx.unit_name(within)}" if within else ""
    kind = f" ({ctx.word(level.value)})" if level else ""
    noun = ctx.en("unit" if len(units) == 1 else "units", "đơn vị")
    ctx.print(f"{len(units)} {noun}{kind}{scope} {ctx.en('on', 'ngày')} {day}")
    ctx.print()
    headers = [
        ctx.en("Id", "Mã định danh"),
        ctx.en("Name", "Tên"),
        ctx.en("Kind", "Loại"),
        ctx.en("Since", "Từ ngày"),
        ctx.en("Until", "Đến ngày"),
    ]
    rows = [
        [u.id, ctx.unit_name(u), u.kind.value, u.valid_from, _last_day(u.validity)] for u in units
    ]
    ctx.print(render_table(headers, rows))
    return 0


def _last_day(v: Validity) -> str | None:
    if v.valid_to is None:
        return None
    return date.fromordinal(v.valid_to.toordinal() - 1).isoformat()
