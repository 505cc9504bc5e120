"""``papi duties``: the duties of a unit or organization on a day."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._parser import add_on, t

if TYPE_CHECKING:
    from papi.governance import DutyItem

DESCRIPTION = (
    "Every duty (task and role) held by an organization, or by the People's Committee of a "
    "unit, on a day, with its legal basis and deadline rule."
)
DESCRIPTION_VI = (
    "Mọi nhiệm vụ (nhiệm vụ và vai trò) của một cơ quan, hoặc của Ủy ban nhân dân một đơn "
    "vị, vào một ngày, cùng căn cứ pháp lý và thời hạn."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    '  papi duties "Phường Hoàn Kiếm" --on 01/03/2026 --lang vi\n'
    '  papi duties "Sở Nội vụ, Hà Nội" --on 01/03/2026 --lang vi --csv\n'
    '  papi duties "Quận Hoàn Kiếm" --on 30/09/2022 --json'
)
EXAMPLES = (
    "Examples:\n"
    '  papi duties "Phường Hoàn Kiếm" --on 2026-03-01\n'
    '  papi duties "Sở Nội vụ, Hà Nội" --on 2026-03-01 --lang vi\n'
    '  papi duties "Quận Hoàn Kiếm" --on 2022-09-30 --json'
)

_Key = tuple[str, str, str, str | None, str, str]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "of",
        metavar=t("UNIT_OR_ORG", "ĐƠN_VỊ_HOẶC_CƠ_QUAN"),
        help=t(
            "unit or organization name ('Name, Unit' when shared: 'Sở Nội vụ, Hà Nội'), code or id",
            "tên (viết 'Tên, Đơn vị' khi trùng tên: 'Sở Nội vụ, Hà Nội'), mã số hoặc mã định "
            "danh của đơn vị hoặc cơ quan",
        ),
    )
    add_on(p)


def run(ctx: Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    answer = ctx.governance().duties(of=ctx.args.of, on=day)
    if ctx.as_json:
        ctx.emit(answer)
        return 0
    # one entry per duty; the same duty held directly and through successions is one entry
    grouped: dict[_Key, list[DutyItem]] = {}
    for d in answer.items:
        k = (
            d.task,
            d.role.value,
            d.organization.id,
            d.post.id if d.post else None,
            d.basis.citation_en,
            d.basis.reference,
        )
        grouped.setdefault(k, []).append(d)
    if ctx.as_csv:
        ctx.table([], [_row(ctx, entries) for entries in grouped.values()], keys=_KEYS)
        ctx.caveats(answer.warnings)
        return 0
    n, m = len(grouped), len(answer.items)
    count = ctx.en(
        f" ({m} assignments, with the inherited ones)", f" ({m} lượt giao, kể cả kế thừa)"
    )
    ctx.print(
        ctx.en(
            f"{n} {'duty' if n == 1 else 'duties'} of {answer.of} on {day}",
            f"{n} nhiệm vụ của {answer.of} ngày {ctx.day(day)}",
        )
        + (count if m != n else "")
    )
    for entries in grouped.values():
        _duty(ctx, entries)
    hops = {h.text(ctx.lang) for d in answer.items for h in d.via}
    if hops:
        ctx.print()
    for hop in sorted(hops):
        ctx.para(f"-> {hop}")
    ctx.caveats(answer.warnings)
    return 0


def _duty(ctx: Context, entries: list[DutyItem]) -> None:
    """One duty: task, role and holder; its title; its basis and how it came (inherited?)."""
    d = entries[0]
    ctx.print()
    ctx.para(
        f"{ctx.task(d.task)}  {d.role.label(ctx.lang)}: {ctx.org_name(d.organization, d.post)}",
        indent="    ",
    )
    title = d.title_en if ctx.lang == "en" and d.title_en else d.title_vi
    ctx.para(f"    {title}", indent="    ")
    cite = d.basis.citation_en if ctx.lang == "en" else d.basis.citation_vi
    olds = list(dict.fromkeys(o for e in entries for h in e.via for o in h.abolished))
    direct = any(not e.via for e in entries)
    how = ""
    if olds:
        names = ", ".join(olds)
        how = (
            ctx.en("; directly, and inherited from ", "; trực tiếp và kế thừa từ ")
            if direct
            else ctx.en("; inherited from ", "; kế thừa từ ")
        ) + names
    ctx.para(f"    {ctx.en('Basis', 'Căn cứ')}: {cite} {d.basis.reference}{how}", indent="    ")


_KEYS = ["task", "role", "holder", "title", "citation", "reference", "inherited_from"]


def _row(ctx: Context, entries: list[DutyItem]) -> list[object]:
    """One duty as a CSV row."""
    d = entries[0]
    olds = list(dict.fromkeys(o for e in entries for h in e.via for o in h.abolished))
    return [
        d.task,
        d.role.value,
        ctx.org_name(d.organization, d.post),
        d.title_en if ctx.lang == "en" and d.title_en else d.title_vi,
        d.basis.citation_en if ctx.lang == "en" else d.basis.citation_vi,
        d.basis.reference,
        "; ".join(olds),
    ]
