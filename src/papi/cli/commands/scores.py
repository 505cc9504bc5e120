"""``papi scores``: Hanoi's PAPI scorecard of a year, or a ranking from a score table."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._parser import t

if TYPE_CHECKING:
    from papi.scoring import Group, OfficialResult

DESCRIPTION = (
    "PAPI results for a year. Without --table: Hanoi's official scorecard from the packaged "
    "data. With --table CSV (the shape of the PAPI provincial workbook export, see "
    "papi.scoring.load_table): every province ranked, with its group."
)
DESCRIPTION_VI = (
    "Kết quả PAPI của một năm. Không có --table: kết quả chính thức của Hà Nội trong dữ liệu "
    "kèm theo. Với --table CSV (dạng bảng xuất từ sổ điểm PAPI cấp tỉnh, xem "
    "papi.scoring.load_table): xếp hạng mọi tỉnh, thành cùng nhóm."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi scores --year 2021 --lang vi   # Hà Nội: thứ 9/63, nhóm 1 (Cao)\n"
    "  papi scores --year 2024 --lang vi --csv\n"
    "  papi scores --year 2021 --table papi_provincial_scores_2011_2024.csv --lang vi\n"
    "Dữ liệu kèm theo có kết quả của Hà Nội 2018-2024; --table xếp hạng mọi tỉnh trong một\n"
    "tệp CSV có các cột province_vi, year, D1..D8 (xem docs/howto/papi-workbook.md)."
)
EXAMPLES = (
    "Examples:\n"
    "  papi scores --year 2021          # Hà Nội: 9th of 63, group 1 (Cao, high)\n"
    "  papi scores --year 2024 --lang vi --json\n"
    "  papi scores --year 2021 --table papi_provincial_scores_2011_2024.csv\n"
    "The packaged results cover Hà Nội 2018-2024; --table ranks every province of a CSV\n"
    "with the columns province_vi, year, D1..D8 (see docs/howto/papi-workbook.md)."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--year",
        type=int,
        required=True,
        metavar=t("YEAR", "NĂM"),
        help=t("PAPI survey year", "năm khảo sát PAPI"),
    )
    p.add_argument(
        "--table",
        metavar="CSV",
        help=t(
            "a provincial score table to rank (default: Hà Nội's packaged results)",
            "bảng điểm cấp tỉnh cần xếp hạng (mặc định: kết quả của Hà Nội kèm theo)",
        ),
    )


def run(ctx: Context) -> int:
    year: int = ctx.args.year
    if ctx.args.table:
        return _ranking(ctx, year, ctx.args.table)
    from papi.scoring import hanoi_results

    results = {r.year: r for r in hanoi_results()}
    if year not in results:
        from papi.errors import NotFound

        raise NotFound(
            "PAPI year",
            year,
            closest=[str(y) for y in sorted(results)],
            context="in Hà Nội's packaged results (use --table for other data)",
            context_vi="trong kết quả của Hà Nội kèm theo (dùng --table cho dữ liệu khác)",
        )
    r = results[year]
    if ctx.as_json:
        from papi.server.documents import scores_document

        ctx.emit(scores_document([r], year=year))
    else:
        _scorecard(ctx, r)
    return 0


def _group_text(ctx: Context, group: Group | None) -> str | None:
    if group is None:
        return None
    return f"{group.number} ({group.vi if ctx.lang == 'vi' else group.en})"


def _dimension_rank(ctx: Context, rank: int | None, verified: bool) -> str | None:
    if rank is None:
        return None
    return str(rank) if verified else f"{rank} ({ctx.en('unverified', 'chưa kiểm chứng')})"


def _scorecard(ctx: Context, r: OfficialResult) -> None:
    """The total, rank and group, then one row per dimension, the note and the sources."""
    from papi.framework import framework

    fw = framework(r.year)
    unverified = ctx.en(" (unverified)", " (chưa kiểm chứng)")
    rank = (
        f"{r.rank}/{r.out_of}" + ("" if r.rank_verified else unverified)
        if r.rank is not None
        else ctx.en("not published", "chưa công bố")
    )
    ctx.print(f"{r.province}, PAPI {r.year}")
    ctx.print(
        ctx.en("Total", "Tổng điểm")
        + f": {r.total:.4f}"
        + ("" if r.total_verified else unverified)
        + f"   {ctx.en('Rank', 'Xếp hạng')}: {rank}"
        + f"   {ctx.en('Group', 'Nhóm')}: {_group_text(ctx, r.group) or '-'}"
        + ("" if r.group is None or r.group_verified else unverified)
    )
    ctx.print()
    rows = []
    for code in r.scorecard.dimension_codes:
        score = r.scorecard.score(code)
        rows.append(
            [
                code,
                fw[code].name(ctx.lang),
                None if score is None else f"{score:.4f}",
                _dimension_rank(ctx, r.dimension_ranks.get(code), r.dimension_ranks_verified),
                _group_text(ctx, r.dimension_groups.get(code)),
            ]
        )
    headers = [
        ctx.en("Code", "Mã"),
        ctx.en("Dimension", "Chỉ số nội dung"),
        ctx.en("Score", "Điểm"),
        ctx.en("Rank", "Hạng"),
        ctx.en("Group", "Nhóm"),
    ]
    ctx.table(headers, rows, keys=["code", "dimension", "score", "rank", "group"])
    if not r.dimensions_verified:
        ctx.print(ctx.en("Dimension scores unverified.", "Điểm các chỉ số chưa kiểm chứng."))
    if r.note:
        ctx.print()
        ctx.para(
            ctx.en(
                f"Note: {r.note}",
                "Ghi chú: hiện chỉ có bằng tiếng Anh (xem --lang en hoặc --json).",
            )
        )
    ctx.print()
    ctx.print(ctx.en("Sources:", "Nguồn:"))
    for src in r.sources:
        ctx.print(f"  - {src}")


def _ranking(ctx: Context, year: int, path: str) -> int:
    """``--table``: every province of the CSV ranked by its total, with its group."""
    from papi.scoring import load_table

    ranking = load_table(path).ranking(year)
    if ctx.as_json:
        from papi.cli._documents import Ranking, RankingEntry, Unscored
        from papi.server.documents import GroupInfo

        ctx.emit(
            Ranking(
                year=year,
                by=ranking.by,
                frame_size=ranking.frame_size,
                mean=ranking.mean() if len(ranking) else None,
                entries=tuple(
                    RankingEntry(
                        rank=e.rank,
                        province=e.province,
                        province_code=e.scorecard.province_code,
                        score=e.score,
                        group=None
                        if e.group is None
                        else GroupInfo(number=e.group.number, vi=e.group.vi, en=e.group.en),
                    )
                    for e in ranking
                ),
                unscored=tuple(
                    Unscored(province=c.province, missing=tuple(c.missing))
                    for c in ranking.unscored
                ),
            )
        )
        return 0
    ctx.print(
        ctx.en(
            f"PAPI {year}: {len(ranking)} provinces ranked by total, from {path}",
            f"PAPI {year}: {len(ranking)} tỉnh, thành xếp hạng theo tổng điểm, từ {path}",
        )
    )
    ctx.print()
    rows = [[e.rank, e.province, f"{e.score:.4f}", _group_text(ctx, e.group)] for e in ranking]
    headers = [
        ctx.en("Rank", "Hạng"),
        ctx.en("Province", "Tỉnh, thành"),
        ctx.en("Total", "Tổng điểm"),
        ctx.en("Group", "Nhóm"),
    ]
    ctx.table(headers, rows, keys=["rank", "province", "total", "group"])
    if ranking.unscored:
        ctx.print()
        ctx.print(ctx.en("Not ranked (scores missing):", "Không xếp hạng (thiếu điểm):"))
        for c in ranking.unscored:
            missing = ", ".join(c.missing)
            ctx.print(f"  - {c.province}: {missing}")
    return 0
