"""``papi check``: validate a plan file against the packaged Hanoi data."""

from __future__ import annotations

import argparse
import warnings

from papi.cli._context import CommandError, Context

DESCRIPTION = (
    "Validate a plan file against the packaged Hanoi data and list every problem with its "
    "path in the file. Exit code 0 when valid, 2 otherwise."
)
EXAMPLES = (
    "Examples:\n"
    "  papi check my_plan.toml\n"
    "  papi check my_plan.json --json\n"
    "Then use it with any query: papi who D3 --where UNIT --data my_plan.toml"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("plan", metavar="PLAN_FILE", help="the plan file (JSON or TOML)")


def run(ctx: Context) -> int:
    from papi.datasets import hanoi
    from papi.errors import InvalidData
    from papi.io import load_plan

    path: str = ctx.args.plan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        base = hanoi()
    try:
        plan = load_plan(path, base=base)
    except InvalidData as exc:
        if ctx.as_json:
            ctx.emit({"file": path, "valid": False, "problems": exc.problems})
        else:
            ctx.print(
                ctx.en(
                    f"{path}: {len(exc.problems)} problem(s):",
                    f"{path}: {len(exc.problems)} lỗi:",
                )
            )
            for problem in exc.problems:
                ctx.print(f"  - {problem}")
        n = len(exc.problems)
        raise CommandError(
            f"{path} is not a valid plan file ({n} problem{'s' if n != 1 else ''}; listed above)"
        ) from None
    added = {
        "documents": len(plan.documents) - len(base.documents),
        "tasks": len(plan.tasks) - len(base.tasks),
        "assignments": len(plan.assignments) - len(base.assignments),
        "reports": len(plan.reports) - len(base.reports),
    }
    if ctx.as_json:
        ctx.emit({"file": path, "valid": True, "problems": [], "added": added})
        return 0
    counts = ", ".join(f"{n} {k}" for k, n in added.items())
    ctx.print(ctx.en(f"{path}: valid ({counts} added)", f"{path}: hợp lệ (thêm {counts})"))
    return 0
