"""The ``papi`` command: papi's questions from a terminal.

Every sub-command answers one question on the packaged Hanoi data (or on a plan file of your
own loaded on top of it with ``--data``), as an aligned table for people or, with ``--json``,
as the same JSON documents the library produces::

    papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01
    papi deadline complaint.first_instance --from 2026-01-20
    papi units --level commune --within "Thành phố Hà Nội" --on 2026-03-01 --json

Queries that depend on the day take ``--on YYYY-MM-DD``; without it the command uses today
in Asia/Ho_Chi_Minh and says so on stderr (never in the JSON on stdout).

Errors are one line on stderr starting ``papi: error:`` and exit code 2; ``--debug`` adds the
Python traceback. :func:`main` takes the argument list, so the command can be called from
Python (and tests) without a subprocess:

>>> main(["deadline", "complaint.first_instance", "--from", "2026-13-01"])
2

Each command is a module of ``papi.cli.commands`` (``add_arguments`` and ``run``), imported
only when the command line names it; ``papi --help`` and ``papi --version`` import none, and
no module beyond the standard library.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from papi.cli._parser import PROG, READS_PLANS, build_parser, command_module, lazy_parser
from papi.cli._render import display_width, render_table

if TYPE_CHECKING:
    from papi.cli._context import Context
    from papi.errors import PapiError

__all__ = ["build_parser", "display_width", "main", "render_table"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``papi`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit
    code: 0 on success, 2 on an error in the input (unknown unit, bad date, invalid plan
    file ...), 1 on an internal error."""
    out, err = _utf8(sys.stdout), _utf8(sys.stderr)
    parser, _ = lazy_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:  # a bare `papi`: show what it can do rather than a usage error
        out.write(parser.format_help())
        return 2
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    # only now, with a command to run: its context and the error types (attrs and papi's
    # errors are not needed for --help or --version)
    import traceback

    from papi.cli._context import CommandError, Context
    from papi.errors import PapiError

    ctx = Context(args=args, out=out, err=err)
    try:
        if args.data and args.command not in READS_PLANS:
            raise CommandError(
                f"papi {args.command} does not read plan files; --data applies to "
                + ", ".join(READS_PLANS)
                + f" (to validate {args.data}: papi check {args.data})"
            )
        run: Callable[[Context], int] = command_module(args.command).run
        with _warnings_to(err):
            return run(ctx)
    except PapiError as exc:
        if args.debug:
            traceback.print_exc(file=err)
        err.write(f"{PROG}: error: {_one_line(exc)}{_hint(exc)}\n")
        return 2
    except BrokenPipeError:  # e.g. `papi units | head`: the reader is gone, nothing to say
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except OSError as exc:
        if args.debug:
            traceback.print_exc(file=err)
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        err.write(f"{PROG}: error: {where}{exc.strerror or exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return 130
    except Exception as exc:
        if args.debug:
            raise
        err.write(
            f"{PROG}: internal error: {type(exc).__name__}: {_one_line(exc)} "
            "(this is a bug in papi; run again with --debug for the traceback)\n"
        )
        return 1


# --------------------------------------------------------------------------------------------
# The error policy: one line on stderr, a hint for ambiguous names, warnings once each


def _utf8(stream: TextIO) -> TextIO:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8":
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
    return stream


def _one_line(exc: BaseException) -> str:
    """The message of ``exc`` on one line: a list of problems is joined with ``; ``.

    >>> from papi.errors import InvalidData, Problem
    >>> print(_one_line(InvalidData.collect("plan.toml is invalid", [
    ...     Problem(path="a", message="unknown role", value="boss"),
    ...     Problem(path="b", message="not a date", value="2022-13-01")])))
    plan.toml is invalid (2 problems): a: unknown role (value: 'boss'); b: not a date (value: '2022-13-01')
    """
    text = str(exc) or type(exc).__name__
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].endswith(":"):
        items = [line[2:] if line.startswith("- ") else line for line in lines[1:]]
        return lines[0] + " " + "; ".join(items)
    return "; ".join(lines)


_CANDIDATE = re.compile(
    r"^(?P<name>.+) \(code (?P<code>[^,]+), id (?P<id>[^,]+), in (?P<parent>.+)\)$"
)


def _hint(exc: PapiError) -> str:
    """How to get past an ambiguous unit name: the qualified form of each candidate.

    >>> from papi.errors import Ambiguous
    >>> hint = _hint(Ambiguous("unit", "Minh Khai", [
    ...     "Phường Minh Khai (code 00295, id 00295, in Quận Hai Bà Trưng)",
    ...     "Xã Minh Khai (code 09838, id 09838, in Huyện Hoài Đức)"]))
    >>> hint.startswith("; write 'Name, Parent' to choose: 'Phường Minh Khai, Quận Hai Bà Trưng'")
    True
    >>> hint.endswith("'Xã Minh Khai, Huyện Hoài Đức' (or the id: 00295, 09838)")
    True
    """
    from papi.errors import Ambiguous

    if not isinstance(exc, Ambiguous) or exc.what != "unit":
        return ""
    found = [_CANDIDATE.match(c) for c in exc.candidates]
    matches = [m for m in found if m is not None]
    if not matches or len(matches) != len(found):
        return ""
    names = ", ".join(repr(f"{m['name']}, {m['parent']}") for m in matches)
    ids = ", ".join(m["id"] for m in matches)
    return f"; write 'Name, Parent' to choose: {names} (or the id: {ids})"


@contextlib.contextmanager
def _warnings_to(err: TextIO) -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    seen: set[str] = set()
    for w in caught:
        msg = f"{PROG}: warning: {_one_line(Exception(str(w.message)))}"
        if msg not in seen:
            seen.add(msg)
            err.write(msg + "\n")
