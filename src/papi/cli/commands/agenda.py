"""``papi agenda``: the deadlines falling in a period."""

from __future__ import annotations

import argparse

from papi.cli._context import CommandError, Context
from papi.cli._parser import t

DESCRIPTION = (
    "The deadlines that fall between --from and --to (inclusive), optionally only those of "
    "one organization or unit."
)
DESCRIPTION_VI = (
    "Các thời hạn rơi vào khoảng từ --from đến --to (kể cả hai ngày đó), có thể chỉ của "
    "một cơ quan hoặc đơn vị."
)
EXAMPLES = (
    "Examples:\n"
    '  papi agenda --from 2026-02-01 --to 2026-02-28 --of "Phường Hoàn Kiếm"\n'
    "  papi agenda --from 2026-03-01 --to 2026-03-31 --json\n"
    "Without --of, the deadlines of every holder in the data."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    '  papi agenda --from 01/02/2026 --to 28/02/2026 --of "Phường Hoàn Kiếm" --lang vi\n'
    "  papi agenda --from 01/03/2026 --to 31/03/2026 --csv --lang vi\n"
    "Không có --of: thời hạn của mọi cơ quan trong dữ liệu."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    day = t("DATE", "NGÀY")
    p.add_argument(
        "--from", dest="start", required=True, metavar=day, help=t("first day", "ngày đầu")
    )
    p.add_argument("--to", dest="end", required=True, metavar=day, help=t("last day", "ngày cuối"))
    p.add_argument(
        "--of",
        metavar=t("ORG_OR_UNIT", "CƠ_QUAN_HOẶC_ĐƠN_VỊ"),
        help=t(
            "only the duties of this holder (default: every holder)",
            "chỉ nhiệm vụ của cơ quan, đơn vị này (mặc định: tất cả)",
        ),
    )


def run(ctx: Context) -> int:
    start = ctx.date(ctx.args.start, "--from", default_today=False)
    end = ctx.date(ctx.args.end, "--to", default_today=False)
    if end < start:
        raise CommandError(
            f"--to {end} is before --from {start}",
            f"--to {ctx.day(end)} trước --from {ctx.day(start)}",
            parameter="--to",
        )
    answer = ctx.governance().agenda(of=ctx.args.of, start=start, end=end)
    if ctx.as_json:
        ctx.emit(answer)
        return 0
    scope = f" ({answer.of})" if answer.of else ""
    ctx.print(
        ctx.en(
            f"{len(answer.items)} deadlines from {start} to {end}{scope}",
            f"{len(answer.items)} thời hạn từ {ctx.day(start)} đến {ctx.day(end)}{scope}",
        )
    )
    ctx.print()
    rows = [
        [
            i.due if ctx.as_csv else ctx.day_and_weekday(i.due),
            i.task,
            i.description_en if ctx.lang == "en" else i.description_vi,
            ctx.word(i.applies_to),
            i.holder_count,
            ctx.citation(i.citation),
        ]
        for i in answer.items
    ]
    headers = [
        ctx.en("Due", "Hạn"),
        ctx.en("Task", "Mã nhiệm vụ"),
        ctx.en("What", "Nội dung"),
        ctx.en("Applies to", "Áp dụng cho"),
        ctx.en("Holders", "Số cơ quan"),
        ctx.en("Basis", "Căn cứ"),
    ]
    keys = ["due", "task", "description", "applies_to", "holder_count", "citation"]
    ctx.table(headers, rows, keys=keys, wrap=50)
    ctx.caveats(answer.warnings)
    return 0
