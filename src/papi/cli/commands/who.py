"""``papi who``: who is accountable for a PAPI dimension or indicator in a unit on a day."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._parser import add_on, t

if TYPE_CHECKING:
    from papi.governance import Accountability, Responsible

DESCRIPTION = (
    "Who is accountable for SUBJECT (a PAPI code such as D3 or D3.1, or a dimension name) in "
    "the unit WHERE on a day: each role (lead, implement, accountable ...) with the "
    "organizations, posts and persons, the document that assigned it, any succession "
    "followed (e.g. a district abolished on 2025-07-01), the escalation chain and the "
    "next deadlines. Prints a one-screen summary; --verbose prints every task, paragraph "
    "and caveat, --json the complete papi.accountability/1 document."
)
DESCRIPTION_VI = (
    "Ai chịu trách nhiệm về CHỈ_SỐ (mã PAPI như D3 hoặc D3.1, hoặc tên chỉ số nội dung) tại "
    "đơn vị ĐƠN_VỊ vào một ngày: từng vai trò (chủ trì, thực hiện, chịu trách nhiệm ...) "
    "cùng cơ quan, chức danh và người giữ chức, văn bản giao nhiệm vụ, việc kế thừa (ví dụ "
    "quận, huyện chấm dứt từ 01/07/2025), cấp trên và các thời hạn gần nhất. In bản tóm tắt "
    "trong một màn hình; --verbose in từng nhiệm vụ, đoạn văn và lưu ý, --json toàn bộ văn "
    "bản papi.accountability/1."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    '  papi who D3 --where "Phường Hoàn Kiếm" --on 01/03/2026 --lang vi\n'
    '  papi who D3 --where "P. Hoan Kiem" --on 01/03/2026 --verbose --lang vi\n'
    '  papi who D3 --where "Phường Hàng Bạc" --on 30/09/2022 --lang vi  # trước sắp xếp\n'
    '  papi who D3 --where "Phường Hoàn Kiếm" --on 01/03/2026 --csv --lang vi\n'
    "Tên dùng chung cho nhiều đơn vị được viết 'Tên, Đơn vị cấp trên' (quận, huyện trước\n"
    "01/07/2025, thành phố sau đó) hoặc bằng mã định danh, như thông báo lỗi liệt kê."
)
EXAMPLES = (
    "Examples:\n"
    '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01\n'
    '  papi who D3 --where "P. Hoan Kiem" --on 2026-03-01 --verbose   # every task and basis\n'
    '  papi who D3 --where "Phường Hàng Bạc" --on 2022-09-30 --lang vi  # before the reform\n'
    '  papi who "e-governance" --where "Phường Minh Khai, Quận Hai Bà Trưng" --on 2024-03-01\n'
    '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01 --json | python -m json.tool\n'
    "A name shared by several units is written 'Name, Parent' (the district before\n"
    "2025-07-01, the city after) or given by its id, as the error message lists them."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "subject",
        metavar=t("SUBJECT", "CHỈ_SỐ"),
        help=t("PAPI code (D3, D3.1) or name", "mã PAPI (D3, D3.1) hoặc tên"),
    )
    p.add_argument(
        "--where",
        required=True,
        metavar=t("UNIT", "ĐƠN_VỊ"),
        help=t(
            "unit name (diacritics optional; 'Name, Parent' when shared), code or id",
            "tên đơn vị (có dấu hoặc không; 'Tên, Đơn vị cấp trên' khi trùng tên), mã số "
            "hoặc mã định danh",
        ),
    )
    add_on(p)
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help=t(
            "every task, paragraph, legal basis, succession and warning (default: a summary)",
            "từng nhiệm vụ, đoạn văn, căn cứ pháp lý, việc kế thừa và lưu ý (mặc định: tóm tắt)",
        ),
    )


def run(ctx: Context) -> int:
    day = ctx.date(ctx.args.on, "--on")
    gov = ctx.governance()
    answer = gov.who(ctx.args.subject, where=ctx.args.where, on=day)
    if ctx.as_json:
        ctx.emit(answer)
    elif ctx.as_csv:
        keys = ["role", "holder", "person", "tasks"]
        ctx.table(keys, _role_rows(ctx, answer), keys=keys)
    elif ctx.args.verbose:
        ctx.print(answer.explain(ctx.lang))  # "nhiệm vụ T6" in Vietnamese: not Thứ Sáu
    else:
        summary(ctx, answer)
    return 0


def summary(ctx: Context, a: Accountability) -> None:
    """The answer on one screen: one row per role and holder, then where the duties came
    from, whom to escalate to, the next dated deadline and how many caveats apply."""
    _heading(ctx, a)
    ctx.print()
    rows = _role_rows(ctx, a)
    if rows:
        _roles(ctx, a, rows)
    else:
        ctx.print(
            ctx.en(
                "No organization or post can be named for it from the data:",
                "Dữ liệu chưa xác định được cơ quan, chức danh nào:",
            )
        )
        for w in a.warnings:  # here the caveats are the answer: show them all
            ctx.para(f"  ! {ctx.notice(w)}", indent="    ")
        ctx.print()
    _inherited(ctx, a)
    _escalation(ctx, a)
    _next_deadline(ctx, a)
    ctx.print()
    _more(ctx, a, any_rows=bool(rows))


def _heading(ctx: Context, a: Accountability) -> None:
    """The question, and which unit answers when the one asked about was gone that day."""
    vi = ctx.lang == "vi"
    subject = a.subject.name_vi if vi or not a.subject.name_en else a.subject.name_en
    # a topic of the law is named by its name alone in Vietnamese (its code is English)
    asked = subject if vi and a.subject.kind == "topic" else f"{a.subject.code} ({subject})"
    ctx.para(
        ctx.en(
            f"Who is accountable for {asked} in {a.where.name} on {a.on}",
            f"Trách nhiệm về {asked} tại {a.where.name} ngày {ctx.day(a.on)}",
        )
    )
    moved = [h for h in a.hops if h.kind != "abolish_tier" and a.where.name in h.successors]
    for hop in moved:
        ctx.para(
            ctx.en(
                f"{hop.text('en')}; the answer is for {a.where.name}.",
                f"{hop.text('vi')}; câu trả lời là của {a.where.name}.",
            )
        )


def _role_rows(ctx: Context, a: Accountability) -> list[list[object]]:
    """One row per role and holder (organization, post): role, holder, person, tasks. The
    role of a task of the law's duties is the law's ("thụ lý, giải quyết lần đầu"),
    :meth:`~papi.governance.Accountability.role_text`."""
    from papi.duties import Role

    rows: list[list[object]] = []
    for role in Role:
        grouped: dict[tuple[str, str, str | None], list[Responsible]] = {}
        for r in a.by_role(role):
            key = (a.role_text(r, ctx.lang), r.organization.id, r.post.id if r.post else None)
            grouped.setdefault(key, []).append(r)
        for (label, _, _), entries in grouped.items():
            first = entries[0]
            holder = first.holder.text(ctx.lang).strip("()") if first.holder else None
            rows.append(
                [
                    label,
                    ctx.org_name(first.organization, first.post),
                    holder if first.post is not None else None,
                    _tasks_text(r.task for r in entries),
                ]
            )
    return rows


def _tasks_text(tasks: Iterable[str]) -> str:
    from papi.governance import task_sort_key

    return ", ".join(sorted(set(tasks), key=task_sort_key))


def _roles(ctx: Context, a: Accountability, rows: list[list[object]]) -> None:
    """The table of roles, then the legal bases they rest on."""
    from papi.governance import PRINCIPLE_HEAD

    headers = [
        ctx.en("Role", "Vai trò"),
        ctx.en("Held by", "Cơ quan, chức danh"),
        ctx.en("Person", "Người giữ chức"),
        ctx.en("Tasks", "Mã nhiệm vụ"),
    ]
    ctx.table(headers, rows, wrap=48, keep=(0,))
    ctx.print()
    vi = ctx.lang == "vi"
    cites = dict.fromkeys(r.basis.citation_vi if vi else r.basis.citation_en for r in a.responsible)
    basis = ctx.en("Basis: ", "Căn cứ: ") + "; ".join(cites) + "."
    if any(r.basis.principle == PRINCIPLE_HEAD for r in a.responsible):
        basis += ctx.en(
            " The head of an organization answers for the tasks given to it (the "
            "người đứng đầu principle).",
            " Người đứng đầu chịu trách nhiệm về nhiệm vụ được giao cho cơ quan.",
        )
    ctx.para(basis)


def _inherited(ctx: Context, a: Accountability) -> None:
    """Which abolished units some duties came from, since when and by which acts."""
    inherited: dict[str, tuple[date, str]] = {}
    for r in a.responsible:
        for hop in r.via:
            for old in hop.abolished:
                inherited.setdefault(old, (hop.effective, hop.citation))
    if not inherited:
        return
    olds = ", ".join(inherited)
    when = min(d for d, _ in inherited.values())
    acts = ", ".join(dict.fromkeys(ctx.citation(c) or c for _, c in inherited.values()))
    ctx.para(
        ctx.en(
            f"Some of these duties were inherited from {olds}, abolished on {when} ({acts}).",
            f"Một số nhiệm vụ được kế thừa từ {olds}, chấm dứt từ {ctx.day(when)} ({acts}).",
        )
    )


def _escalation(ctx: Context, a: Accountability) -> None:
    if not a.escalation:
        return
    vi = ctx.lang == "vi"
    steps = []
    for step in a.escalation:
        text = step.organization.name
        if step.post is not None:
            post = step.post.name if vi or not step.post.name_en else step.post.name_en
            holder = f": {step.holder.text(ctx.lang).strip('()')}" if step.holder else ""
            text += f" ({post}{holder})"
        steps.append(text)
    ctx.para(ctx.en("Escalation: ", "Cấp trên: ") + " -> ".join(steps))


def _next_deadline(ctx: Context, a: Accountability) -> None:
    dated = sorted((d for d in a.deadlines if d.due is not None), key=lambda d: (d.due, d.task))
    if not dated:
        return
    d = dated[0]
    desc = d.description_vi if ctx.lang == "vi" else d.description_en
    cite = f" [{ctx.citation(d.citation)}]" if d.citation else ""
    ctx.para(
        ctx.en("Next deadline: ", "Thời hạn gần nhất: ")
        + f"{ctx.day(d.due)}, {ctx.task(d.task)}: {desc}{cite}"
    )


def _more(ctx: Context, a: Accountability, *, any_rows: bool) -> None:
    """Where to read more: --verbose, --json, papi duties; and how much more there is."""
    more = []
    if a.deadlines:
        more.append(ctx.en(f"{len(a.deadlines)} deadline rules", f"{len(a.deadlines)} thời hạn"))
    if a.warnings and any_rows:
        more.append(ctx.en(f"{len(a.warnings)} caveats about the data", f"{len(a.warnings)} lưu ý"))
    tail = " (" + ", ".join(more) + ")" if more else ""
    ctx.para(
        ctx.en(
            f"--verbose shows every paragraph and basis{tail}; --json the full document; "
            f'`papi duties "{a.where.name}"` what each task is.',
            f"--verbose: từng đoạn, căn cứ{tail}; --json: toàn bộ văn bản; "
            f'`papi duties "{a.where.name}"`: nội dung từng nhiệm vụ.',
        )
    )
