"""``papi framework``: the PAPI indicator framework of a year, or one element of it."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._parser import t

if TYPE_CHECKING:
    from papi.framework import Element, Framework

DESCRIPTION = (
    "The PAPI framework in force in a year (8 dimensions since 2018, 6 in 2011-2017): every "
    "dimension, sub-dimension and indicator; or, with CODE, one element with its parent, "
    "children and sources."
)
DESCRIPTION_VI = (
    "Khung chỉ số PAPI áp dụng trong một năm (8 chỉ số nội dung từ 2018, 6 trong giai đoạn "
    "2011-2017): mọi chỉ số nội dung, nội dung thành phần và chỉ tiêu; hoặc, với MÃ, một "
    "thành phần cùng cấp trên, các thành phần con và nguồn."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi framework --lang vi                 # khung mới nhất (từ 2018)\n"
    "  papi framework --year 2015 --lang vi     # khung 2011-2017, 6 chỉ số nội dung\n"
    "  papi framework D3 --lang vi\n"
    '  papi framework "quan tri dien tu" --csv   # theo tên, không dấu cũng được'
)
EXAMPLES = (
    "Examples:\n"
    "  papi framework                 # the newest framework (since 2018)\n"
    "  papi framework --year 2015     # the 2011-2017 framework, 6 dimensions\n"
    "  papi framework D3 --lang vi\n"
    '  papi framework "quan tri dien tu" --json   # by name, diacritics optional'
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "code",
        nargs="?",
        metavar=t("CODE", "MÃ"),
        help=t("element code (D3, D3.1) or name", "mã (D3, D3.1) hoặc tên của thành phần"),
    )
    p.add_argument(
        "--year",
        type=int,
        metavar=t("YEAR", "NĂM"),
        help=t(
            "PAPI survey year (default: the newest framework)",
            "năm khảo sát PAPI (mặc định: khung mới nhất)",
        ),
    )


def run(ctx: Context) -> int:
    from papi.framework import framework, frameworks
    from papi.server.documents import framework_document

    year: int | None = ctx.args.year
    fw = framework(year) if year is not None else frameworks()[-1]
    if ctx.args.code:
        ref: str = ctx.args.code
        code = ref.strip().upper()
        element = fw[code] if re.fullmatch(r"D\d+(\.\d+)*", code) else fw.find(ref)
        if ctx.as_json:
            from papi.cli._documents import ElementDocument

            infos = {e.code: e for e in framework_document(fw).elements}
            ancestors = [e.code for e in fw.ancestors(element.code)]
            ctx.emit(
                ElementDocument(
                    framework=fw.id,
                    element=infos[element.code],
                    ancestors=tuple(infos[c] for c in ancestors),
                    children=tuple(infos[c] for c in fw.children(element.code)),
                )
            )
        else:
            _element(ctx, fw, element)
        return 0
    if ctx.as_json:
        ctx.emit(framework_document(fw))
    else:
        _overview(ctx, fw, year)
    return 0


def _years(first: int, last: int | None) -> str:
    return f"{first}-{last}" if last is not None else f"{first}-"


def _title(ctx: Context, fw: Framework) -> str:
    return fw.name_vi if ctx.lang == "vi" else fw.name_en


def _element(ctx: Context, fw: Framework, element: Element) -> None:
    """One element: its names, a table of its fields, its children and its sources."""
    other = element.name_en if ctx.lang == "vi" else element.name_vi
    ctx.print(f"{element.code}  {element.name(ctx.lang)}")
    ctx.print(f"    ({other})")
    ctx.print()
    parent = fw.parent(element.code)
    rows: list[list[object]] = [
        [ctx.en("Framework", "Khung chỉ số"), f"{_title(ctx, fw)} ({fw.id})"],
        [ctx.en("Level", "Cấp"), element.level],
        [
            ctx.en("Parent", "Thuộc"),
            f"{parent.code} {parent.name(ctx.lang)}" if parent else None,
        ],
        [ctx.en("In force", "Áp dụng"), _years(element.first_year, element.last_year)],
        [ctx.en("Verified", "Đã kiểm chứng"), element.verified],
    ]
    if element.note:
        rows.append([ctx.en("Note", "Ghi chú"), element.note])
    ctx.table(
        [ctx.en("Field", "Trường"), ctx.en("Value", "Giá trị")], rows, keys=["field", "value"]
    )
    children = [fw[c] for c in fw.children(element.code)]
    if children:
        ctx.print()
        ctx.print(ctx.en("Children:", "Thành phần:"))
        ctx.table(
            [ctx.en("Code", "Mã"), ctx.en("Name", "Tên")],
            [[c.code, c.name(ctx.lang)] for c in children],
        )
    ctx.print()
    ctx.print(ctx.en("Sources:", "Nguồn:"))
    for src in element.sources:
        ctx.print(f"  - {src}")


def _overview(ctx: Context, fw: Framework, year: int | None) -> None:
    """The whole framework: counts by level, then every element indented by its depth."""
    from papi.framework import Level

    title = _title(ctx, fw)
    counts = {lvl: len(fw.elements(lvl)) for lvl in Level}
    ctx.print(f"{title}: PAPI {year}" if year is not None else title)
    ctx.print(
        ctx.en(
            f"{counts[Level.DIMENSION]} dimensions, {counts[Level.SUB_DIMENSION]} "
            f"sub-dimensions, {counts[Level.INDICATOR]} indicators listed",
            f"{counts[Level.DIMENSION]} chỉ số nội dung, {counts[Level.SUB_DIMENSION]} "
            f"nội dung thành phần, {counts[Level.INDICATOR]} chỉ tiêu được liệt kê",
        )
        + ("" if fw.complete else ctx.en(" (catalogue incomplete)", " (danh mục chưa đầy đủ)"))
    )
    ctx.print()
    if ctx.as_csv:
        rows = [
            [e.code, e.level, e.parent, e.name(ctx.lang), e.first_year, e.last_year, e.verified]
            for e in fw.elements()
        ]
        keys = ["code", "level", "parent", "name", "first_year", "last_year", "verified"]
        ctx.table(keys, rows, keys=keys)
        return
    rows = [
        [
            e.code,
            "  " * (e.level.depth - 1) + e.name(ctx.lang),
            _years(e.first_year, e.last_year),
            "" if e.verified else ctx.en("unverified", "chưa kiểm chứng"),
        ]
        for e in fw.elements()
    ]
    ctx.table(
        [ctx.en("Code", "Mã"), ctx.en("Name", "Tên"), ctx.en("Years", "Năm"), ""], rows, wrap=70
    )
