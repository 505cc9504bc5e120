"""``papi units``: the administrative units on a day."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._parser import add_on, t
from papi.dates import Validity

if TYPE_CHECKING:
    from papi.territory import Unit

DESCRIPTION = (
    "Administrative units that exist on a day, optionally of one level and within one unit. "
    "Levels: province, district (until 2025-06-30), commune, village."
)
DESCRIPTION_VI = (
    "Các đơn vị hành chính tồn tại vào một ngày, có thể chỉ một cấp và chỉ trong một đơn "
    "vị. Cấp: province (tỉnh), district (huyện, đến 30/06/2025), commune (xã), village (thôn)."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    '  papi units --level commune --within "Hà Nội" --on 01/03/2026 --lang vi  # 126 xã\n'
    '  papi units --within "Quận Hoàn Kiếm" --on 30/09/2022 --lang vi\n'
    "  papi units --level province --csv\n"
    "Không có --level hoặc --within: mọi đơn vị của cả nước vào ngày đó, ở mọi cấp."
)
EXAMPLES = (
    "Examples:\n"
    '  papi units --level commune --within "Hà Nội" --on 2026-03-01  # 126 communes\n'
    '  papi units --within "Quận Hoàn Kiếm" --on 2022-09-30\n'
    "  papi units --level province --json\n"
    "Without --level or --within: every unit of the country on the day, at every level."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--level",
        choices=("province", "district", "commune", "village"),
        metavar=t("LEVEL", "CẤP"),
        help=t(
            "only units of this level: province, district, commune, village (default: every level)",
            "chỉ đơn vị của cấp này: province (tỉnh), district (huyện), commune (xã), village "
            "(thôn) (mặc định: mọi cấp)",
        ),
    )
    p.add_argument(
        "--within",
        metavar=t("UNIT", "ĐƠN_VỊ"),
        help=t(
            "only units inside this unit (default: the whole country)",
            "chỉ đơn vị nằm trong đơn vị này (mặc định: cả nước)",
        ),
    )
    add_on(p)


def run(ctx: Context) -> int:
    from papi.territory import Level

    day = ctx.date(ctx.args.on, "--on")
    territory = ctx.governance().territory  # the default model's: the whole country
    within = territory.unit(ctx.args.within, on=day) if ctx.args.within else None
    level = Level(ctx.args.level) if ctx.args.level else None
    units = territory.units(level=level, within=within, on=day)
    if ctx.as_json:
        from papi.server.documents import units_document

        ctx.emit(units_document(territory, on=day, level=level, within=ctx.args.within))
        return 0
    scope = f" {ctx.en('within', 'thuộc')} {ctx.unit_name(within)}" if within else ""
    kind = f" ({ctx.word(level.value)})" if level else ""
    noun = ctx.en("unit" if len(units) == 1 else "units", "đơn vị")
    ctx.print(f"{len(units)} {noun}{kind}{scope} {ctx.en('on', 'ngày')} {ctx.day(day)}")
    ctx.print()
    headers = [
        ctx.en("Id", "Mã định danh"),
        ctx.en("Name", "Tên"),
        ctx.en("Kind", "Loại"),
        ctx.en("Since", "Từ ngày"),
        ctx.en("Until", "Đến ngày"),
    ]
    rows = [
        [u.id, ctx.unit_name(u), _kind(ctx, u), u.valid_from, _last_day(u.validity)] for u in units
    ]
    ctx.table(headers, rows, keys=["id", "name", "kind", "valid_from", "valid_to_last_day"])
    return 0


def _last_day(v: Validity) -> date | None:
    if v.valid_to is None:
        return None
    return date.fromordinal(v.valid_to.toordinal() - 1)


def _kind(ctx: Context, unit: Unit) -> str:
    """The unit's kind, as the law names it (``phường``, ``xã`` ...)."""
    return str(unit.kind.value)
