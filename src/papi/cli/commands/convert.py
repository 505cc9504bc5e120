"""``papi convert``: old administrative units to the ones they became (the 2025 reform)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from papi.cli._context import CommandError, Context
from papi.cli._parser import t

if TYPE_CHECKING:
    from papi.server.documents import Conversion
    from papi.territory import Territory

DESCRIPTION = (
    "The units an old administrative unit became by a day, following every merger and "
    "split (the whole country's territory; the 2025 reform abolished the districts and "
    "merged communes and provinces). The primary successor is marked: where a unit was "
    "divided, the one that took its People's Committee. UNIT is a name qualified by its "
    "parents as needed, a code or an id; --from-file reads one per line ('-': stdin)."
)
DESCRIPTION_VI = (
    "Các đơn vị mà một đơn vị hành chính cũ đã trở thành vào một ngày, theo mọi lần sáp "
    "nhập, chia tách (địa giới toàn quốc; sắp xếp năm 2025 bỏ cấp huyện, hợp nhất xã và "
    "tỉnh). Đơn vị kế thừa chính được đánh dấu: khi một đơn vị bị chia, là đơn vị nhận trụ "
    "sở Ủy ban nhân dân. ĐƠN_VỊ là tên (kèm đơn vị cấp trên khi cần), mã số hoặc mã định "
    "danh; --from-file đọc mỗi dòng một đơn vị ('-': đầu vào chuẩn)."
)
EXAMPLES = (
    "Examples:\n"
    '  papi convert "Phường Cống Vị, Quận Ba Đình, Hà Nội" --to 2026-03-01\n'
    '  papi convert "Tỉnh Quảng Nam" --to 2026-03-01 --json\n'
    "  papi convert --from-file old_addresses.txt --to 2026-03-01 --csv\n"
    "A code reused after 2025-07-01 is read on --on (the day the old unit existed)."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    '  papi convert "Phường Cống Vị, Quận Ba Đình, Hà Nội" --to 01/03/2026 --lang vi\n'
    '  papi convert "Tỉnh Quảng Nam" --to 01/03/2026 --json\n'
    "  papi convert --from-file dia_chi_cu.txt --to 01/03/2026 --csv\n"
    "Mã số được dùng lại sau 01/07/2025 thì đọc theo --on (ngày đơn vị cũ còn tồn tại)."
)

_KEYS = [
    "input",
    "source_id",
    "source_name",
    "source_parent",
    "to",
    "unit_id",
    "unit_name",
    "unit_parent",
    "primary",
    "split",
    "acts",
    "error",
]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "units",
        nargs="*",
        metavar=t("UNIT", "ĐƠN_VỊ"),
        help=t(
            "old unit: name (qualified by its parents as needed), code or id",
            "đơn vị cũ: tên (kèm đơn vị cấp trên khi cần), mã số hoặc mã định danh",
        ),
    )
    p.add_argument(
        "--to",
        metavar=t("DATE", "NGÀY"),
        help=t(
            "the day to convert to, YYYY-MM-DD or dd/mm/yyyy (default: today in Asia/Ho_Chi_Minh)",
            "ngày cần chuyển đến, dạng dd/mm/yyyy hoặc YYYY-MM-DD (mặc định: hôm nay theo "
            "giờ Việt Nam)",
        ),
    )
    p.add_argument(
        "--on",
        metavar=t("DATE", "NGÀY"),
        help=t(
            "the day the old unit is read on (default: found among the units of --to, then "
            "among those that ended before it)",
            "ngày đọc đơn vị cũ (mặc định: tìm trong các đơn vị của ngày --to, rồi trong các "
            "đơn vị đã chấm dứt trước đó)",
        ),
    )
    p.add_argument(
        "--from-file",
        metavar=t("FILE", "TỆP"),
        help=t(
            "read the old units from this file, one per line ('-': stdin)",
            "đọc các đơn vị cũ từ tệp này, mỗi dòng một đơn vị ('-': đầu vào chuẩn)",
        ),
    )


def _inputs(ctx: Context) -> list[str]:
    names = [str(u) for u in ctx.args.units]
    path = ctx.args.from_file
    if path:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8-sig") as f:
                text = f.read()
        names += [line.strip() for line in text.splitlines() if line.strip()]
    if not names:
        raise CommandError(
            "give a UNIT or --from-file FILE",
            "cần một ĐƠN_VỊ hoặc --from-file TỆP",
            parameter="UNIT",
        )
    return names


def run(ctx: Context) -> int:
    from papi.errors import PapiError
    from papi.territory import vietnam_territory

    names = _inputs(ctx)
    to = ctx.date(ctx.args.to, "--to")
    on = ctx.date(ctx.args.on, "--on") if ctx.args.on else None
    with ctx.progress("loading the territory", "đang nạp địa giới hành chính"):
        territory = vietnam_territory()
    if len(names) == 1 and not ctx.args.from_file:
        doc = _convert(territory, names[0], to=to, on=on)
        if ctx.as_json:
            ctx.emit(doc)
        elif ctx.as_csv:
            ctx.table(_KEYS, _rows(names[0], doc), keys=_KEYS)
        else:
            _show(ctx, names[0], doc)
        return 0
    failed = 0
    rows: list[list[object]] = []
    for name in names:
        try:
            doc = _convert(territory, name, to=to, on=on)
        except PapiError as exc:
            failed += 1
            _failed(ctx, name, exc, rows)
            continue
        if ctx.as_json:
            ctx.out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        elif ctx.as_csv:
            rows += _rows(name, doc)
        else:
            _show(ctx, name, doc)
            ctx.print()
    if ctx.as_csv:
        ctx.table(_KEYS, rows, keys=_KEYS)
    if failed:
        raise CommandError(
            f"{failed} of {len(names)} units could not be converted",
            f"{failed}/{len(names)} đơn vị không chuyển được",
        )
    return 0


def _convert(territory: Territory, name: str, *, to: date, on: date | None) -> Conversion:
    from papi.server.documents import conversion_document

    return conversion_document(territory, name, to=to, on=on)


def _failed(ctx: Context, name: str, exc: Exception, rows: list[list[object]]) -> None:
    from papi.cli._errors import error_document, messages

    if ctx.as_json:
        ctx.out.write(json.dumps(error_document(exc, ctx.lang), ensure_ascii=False) + "\n")
        return
    en, vi = messages(exc)
    if ctx.as_csv:
        rows.append([name, *([None] * (len(_KEYS) - 2)), ctx.en(en, vi)])
    else:
        ctx.note(f"{ctx.en('error', 'lỗi')}: {ctx.en(en, vi)}")


def _rows(name: str, doc: Conversion) -> list[list[object]]:
    acts = "; ".join(dict.fromkeys(s.act for s in doc.chain))
    primary = doc.primary.id if doc.primary else None
    return [
        [
            name,
            doc.source.id,
            doc.source.name,
            doc.source.parent_name,
            doc.to,
            u.id,
            u.name,
            u.parent_name,
            u.id == primary,
            doc.split,
            acts,
            None,
        ]
        for u in doc.units
    ]


def _show(ctx: Context, name: str, doc: Conversion) -> None:
    src = doc.source
    parent = f", {src.parent_name}" if src.parent_name else ""
    ctx.para(
        ctx.en(
            f"{src.name}{parent} (id {src.id}) on {doc.to}:",
            f"{src.name}{parent} (mã {src.id}) vào ngày {ctx.day(doc.to)}:",
        ),
        indent="    ",
    )
    ctx.print()
    primary = doc.primary.id if doc.primary else None
    rows = [[u.name, u.id == primary, u.parent_name, u.id, u.valid_from] for u in doc.units]
    headers = [
        ctx.en("Unit", "Đơn vị"),
        ctx.en("Primary", "Kế thừa chính"),
        ctx.en("Within", "Thuộc"),
        ctx.en("Id", "Mã định danh"),
        ctx.en("Since", "Từ ngày"),
    ]
    ctx.table(headers, rows)
    for s in doc.chain:
        kind = _KIND_VI.get(s.kind, s.kind) if ctx.lang == "vi" else s.kind
        unverified = "" if s.verified else ctx.en(" (unverified)", " (chưa kiểm chứng)")
        ctx.para(
            ctx.en(
                f"  - {s.effective}: {kind}, {s.act}{unverified}",
                f"  - {ctx.day(s.effective)}: {kind}, {s.act}{unverified}",
            ),
            indent="    ",
        )
    if not doc.chain:
        ctx.print(ctx.en("  (the unit still exists on that day)", "  (đơn vị vẫn tồn tại)"))


_KIND_VI = {
    "split": "chia tách",
    "merge": "sáp nhập",
    "rename": "đổi tên",
    "abolish_tier": "bỏ cấp hành chính",
    "absorb": "nhập vào đơn vị khác",
    "reorganise": "sắp xếp lại",
}
