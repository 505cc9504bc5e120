"""``papi scores``: Hanoi's PAPI scorecard of a year, or a ranking from a score table."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._render import render_table

if TYPE_CHECKING:
    from papi.scoring import Group, OfficialResult

DESCRIPTION = (
    "PAPI results for a year. Without --table: Hanoi's official scorecard from the packaged "
    "data. With --table CSV (the shape of the PAPI provincial workbook export, see "
    "papi.scoring.load_table): every province ranked, with its group."
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
    p.add_argument("--year", type=int, required=True, help="PAPI survey year")
    p.add_argument(
        "--table",
        metavar="CSV",
        help="a provincial score table to rank (default: Hà Nội's packaged results)",
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
        )
    r = results[year]
    if ctx.as_json:
        ctx.emit(_result_doc(r))
    else:
        _scorecard(ctx, r)
    return 0


def _group_doc(group: Group | None) -> dict[str, object] | None:
    if group is None:
        return None
    return {"number": group.number, "vi": group.vi, "en": group.en}


def _group_text(ctx: Context, group: Group | None) -> str | None:
    if group is None:
        return None
    return f"{group.number} ({group.vi if ctx.lang == 'vi' else group.en})"


def _dimension_rank(ctx: Context, rank: int | None, verified: bool) -> str | None:
    if rank is None:
        return None
    return str(rank) if verified else f"{rank} ({ctx.en('unverified', 'chưa kiểm chứng')})"


def _result_doc(r: OfficialResult) -> dict[str, object]:
    return {
        "province": r.province,
        "year": r.year,
        "total": r.total,
        "rank": r.rank,
        "out_of": r.out_of,
        "group": _group_doc(r.group),
        "scorecard": r.scorecard,
        "dimension_ranks": r.dimension_ranks,
        "dimension_groups": {k: _group_doc(g) for k, g in r.dimension_groups.items()},
        "verified": {
            "total": r.total_verified,
            "rank": r.rank_verified,
            "group": r.group_verified,
            "dimensions": r.dimensions_verified,
            "dimension_ranks": r.dimension_ranks_verified,
        },
        "sources": r.sources,
        "note": r.note,
    }


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
    ctx.print(render_table(headers, rows))
    if not r.dimensions_verified:
        ctx.print(ctx.en("Dimension scores unverified.", "Điểm các chỉ số chưa kiểm chứng."))
    if r.note:
        ctx.print()
        ctx.para(f"{ctx.en('Note', 'Ghi chú')}: {r.note}")
    ctx.print()
    ctx.print(ctx.en("Sources:", "Nguồn:"))
    for src in r.sources:
        ctx.print(f"  - {src}")


def _ranking(ctx: Context, year: int, path: str) -> int:
    """``--table``: every province of the CSV ranked by its total, with its group."""
    from papi.scoring import load_table

    ranking = load_table(path).ranking(year)
    if ctx.as_json:
        ctx.emit(
            {
                "year": year,
                "by": ranking.by,
                "frame_size": ranking.frame_size,
                "mean": ranking.mean() if len(ranking) else None,
                "entries": [
                    {
                        "rank": e.rank,
                        "province": e.province,
                        "province_code": e.scorecard.province_code,
                        "score": e.score,
                        "group": _group_doc(e.group),
                    }
                    for e in ranking
                ],
                "unscored": [
                    {"province": c.province, "missing": c.missing} for c in ranking.unscored
                ],
            }
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
    ctx.print(render_table(headers, rows))
    if ranking.unscored:
        ctx.print()
        ctx.print(ctx.en("Not ranked (scores missing):", "Không xếp hạng (thiếu điểm):"))
        for c in ranking.unscored:
            missing = ", ".join(c.missing)
            ctx.print(f"  - {c.province}: {missing}")
    return 0
