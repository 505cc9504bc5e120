"""``papi check``: validate a plan file against the packaged data (the whole country)."""

from __future__ import annotations

import argparse

from papi.cli._context import CommandError, Context
from papi.cli._errors import problem_text
from papi.cli._parser import t

DESCRIPTION = (
    "Validate a plan file against the packaged data (the whole country, as the queries read "
    "it with --data) and list every problem with its path in the file. Exit code 0 when "
    "valid, 2 otherwise."
)
DESCRIPTION_VI = (
    "Kiểm tra một tệp kế hoạch đối chiếu với dữ liệu kèm theo (cả nước, như các câu hỏi "
    "đọc tệp qua --data) và liệt kê mọi lỗi cùng vị trí của lỗi trong tệp. Mã thoát 0 khi "
    "hợp lệ, 2 khi có lỗi."
)
EXAMPLES = (
    "Examples:\n"
    "  papi check my_plan.toml\n"
    "  papi check my_plan.json --json\n"
    "Then use it with any query: papi who D3 --where UNIT --data my_plan.toml"
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi check ke_hoach.toml --lang vi\n"
    "  papi check ke_hoach.json --json\n"
    "Sau đó dùng tệp với mọi câu hỏi: papi who D3 --where ĐƠN_VỊ --data ke_hoach.toml"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "plan",
        metavar=t("PLAN_FILE", "TỆP_KẾ_HOẠCH"),
        help=t("the plan file (JSON or TOML)", "tệp kế hoạch (JSON hoặc TOML)"),
    )


def run(ctx: Context) -> int:
    from papi.errors import InvalidData
    from papi.io import load_plan

    path: str = ctx.args.plan
    base = ctx.governance()  # the default model, without plan files
    try:
        plan = load_plan(path, base=base)
    except InvalidData as exc:
        if ctx.as_json:
            from papi.cli._documents import CheckReport, ProblemInfo

            problems = tuple(
                ProblemInfo(
                    path=p.path,
                    message=p.message,
                    value=None if p.value is None else str(p.value),
                    source=p.source,
                )
                for p in exc.problems
            )
            ctx.emit(CheckReport(file=path, valid=False, problems=problems, added=None))
        else:
            ctx.print(
                ctx.en(
                    f"{path}: {len(exc.problems)} problem(s):",
                    f"{path}: {len(exc.problems)} lỗi:",
                )
            )
            for problem in exc.problems:  # each starts a line (with its path): for grep
                ctx.para(f"  - {problem_text(problem, ctx.lang)}", "    ", as_written=True)
        n = len(exc.problems)
        raise CommandError(
            f"{path} is not a valid plan file ({n} problem{'s' if n != 1 else ''}; listed above)",
            f"{path} không phải tệp kế hoạch hợp lệ ({n} lỗi; liệt kê ở trên)",
        ) from None
    added = {
        "documents": len(plan.documents) - len(base.documents),
        "tasks": len(plan.tasks) - len(base.tasks),
        "assignments": len(plan.assignments) - len(base.assignments),
        "reports": len(plan.reports) - len(base.reports),
    }
    if ctx.as_json:
        from papi.cli._documents import AddedCounts, CheckReport

        ctx.emit(CheckReport(file=path, valid=True, problems=(), added=AddedCounts(**added)))
        return 0
    vi_names = {
        "documents": "văn bản",
        "tasks": "nhiệm vụ",
        "assignments": "lượt giao",
        "reports": "báo cáo",
    }
    counts = ", ".join(f"{n} {ctx.en(k, vi_names[k])}" for k, n in added.items())
    ctx.print(ctx.en(f"{path}: valid ({counts} added)", f"{path}: hợp lệ (thêm {counts})"))
    return 0
