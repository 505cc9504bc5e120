"""The ``papi`` command: papi's questions from a terminal.

Every sub-command answers one question on the packaged data of the whole country
(:func:`papi.vietnam`; or on a plan file of your own loaded on top of it with ``--data``), as
an aligned table for people or, with ``--json``, as the same JSON documents the library
produces::

    papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01
    papi deadline complaint.first_instance --from 2026-01-20
    papi units --level commune --within "Thành phố Hà Nội" --on 2026-03-01 --json

Queries that depend on the day take ``--on YYYY-MM-DD`` or ``--on dd/mm/yyyy``; without it
the command uses today in Asia/Ho_Chi_Minh and says so on stderr (never in the JSON on
stdout). Text is laid out for the terminal's width (``COLUMNS``); ``--lang vi`` (or
``PAPI_LANG=vi``, or a Vietnamese locale) says everything in Vietnamese, help included.

Errors are one line on stderr starting ``papi: error:`` (a ``papi.error/1`` JSON document
under ``--json``) and exit code 2; ``--debug`` adds the Python traceback. :func:`main` takes
the argument list, so the command can be called from Python (and tests) without a subprocess:

>>> main(["deadline", "complaint.first_instance", "--from", "2026-13-01"])
2

Each command is a module of ``papi.cli.commands`` (``add_arguments`` and ``run``), imported
only when the command line names it; ``papi --help`` and ``papi --version`` import none, and
no module beyond the standard library.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO

from papi.cli._parser import (
    PROG,
    READS_PLANS,
    TABULAR,
    argparse_in,
    build_parser,
    command_module,
    lazy_parser,
    resolve_lang,
    set_lang,
)
from papi.cli._render import display_width, render_table

if TYPE_CHECKING:
    from papi.cli._context import Context

__all__ = ["build_parser", "display_width", "main", "render_table"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``papi`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit
    code: 0 on success, 2 on an error in the input (unknown unit, bad date, invalid plan
    file ...), 1 on an internal error."""
    out, err = _utf8(sys.stdout), _utf8(sys.stderr)
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = resolve_lang(arguments)
    set_lang(lang)
    with argparse_in(lang):
        parser, _ = lazy_parser()
        if not arguments:  # a bare `papi`: show what it can do rather than a usage error
            out.write(parser.format_help())
            return 2
        if "--json" in arguments and not {"-h", "--help", "--version"} & set(arguments):
            code = _json_usage_errors(parser, arguments, err, lang)
            if code is not None:
                return code
        try:
            args = parser.parse_args(arguments)
        except SystemExit as exc:  # --help, --version, or a usage error already printed
            return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    args.lang = lang
    return _run(args, out, err, lang)


def _run(args: object, out: TextIO, err: TextIO, lang: str) -> int:
    # only now, with a command to run: its context and the error types (attrs and papi's
    # errors are not needed for --help or --version)
    import traceback

    from papi.cli._context import CommandError, Context
    from papi.errors import PapiError

    ctx = Context(args=args, out=out, err=err)  # type: ignore[arg-type]
    command: str = ctx.args.command
    try:
        if ctx.plans() and command not in READS_PLANS:
            files = " ".join(ctx.plans())
            raise CommandError(
                f"papi {command} does not read plan files; --data applies to "
                + ", ".join(READS_PLANS)
                + f" (to validate {files}: papi check {files})",
                f"papi {command} không đọc tệp kế hoạch; --data chỉ dùng cho "
                + ", ".join(READS_PLANS)
                + f" (để kiểm tra {files}: papi check {files})",
                parameter="--data",
            )
        if ctx.as_csv and ctx.as_json:
            raise CommandError(
                "--csv and --json cannot be used together",
                "không dùng --csv cùng với --json",
                parameter="--csv",
            )
        if ctx.as_csv and command not in TABULAR:
            raise CommandError(
                f"papi {command} prints no table; --csv applies to " + ", ".join(TABULAR),
                f"papi {command} không in bảng; --csv chỉ dùng cho " + ", ".join(TABULAR),
                parameter="--csv",
            )
        run: Callable[[Context], int] = command_module(command).run
        with _warnings_to(ctx):
            return run(ctx)
    except (PapiError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):  # `papi units | head`: the reader is gone
            with contextlib.suppress(OSError):
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            return 0
        if ctx.args.debug:
            traceback.print_exc(file=err)
        _error(ctx, exc)
        return 2
    except KeyboardInterrupt:
        err.write(f"{PROG}: {ctx.en('interrupted', 'đã dừng')}\n")
        return 130
    except Exception as exc:
        if ctx.args.debug:
            raise
        err.write(
            ctx.en(
                f"{PROG}: internal error: {type(exc).__name__}: {_one_line(exc)} "
                "(this is a bug in papi; run again with --debug for the traceback)\n",
                f"{PROG}: lỗi nội bộ: {type(exc).__name__}: {_one_line(exc)} "
                "(đây là lỗi của papi; chạy lại với --debug để xem vết lỗi)\n",
            )
        )
        return 1


# --------------------------------------------------------------------------------------------
# The error policy: one line on stderr (a papi.error/1 document under --json), a hint for
# ambiguous names, warnings once each


def _error(ctx: Context, exc: BaseException) -> None:
    from papi.cli._errors import error_document, messages

    if ctx.as_json:
        ctx.err.write(json.dumps(error_document(exc, ctx.lang), ensure_ascii=False) + "\n")
        return
    en, vi = messages(exc)
    ctx.err.write(f"{PROG}: {ctx.en('error', 'lỗi')}: {ctx.en(en, vi)}\n")


def _json_usage_errors(parser: object, arguments: list[str], err: TextIO, lang: str) -> int | None:
    """Under ``--json``, a usage error (unknown option, missing argument ...) as a
    ``papi.error/1`` document on stderr too; ``None`` when the command line parses."""
    import argparse
    import io

    assert isinstance(parser, argparse.ArgumentParser)
    captured = io.StringIO()
    real = sys.stderr
    sys.stderr = captured
    try:
        parser.parse_args(arguments)
    except SystemExit as exc:
        if exc.code in (0, None):
            return None
        from papi.cli._errors import CommandError, error_document

        text = captured.getvalue().strip().removeprefix(f"{PROG}: ")
        text = text.split(": ", 1)[1] if ": " in text else text
        problem = CommandError(text, text)
        err.write(json.dumps(error_document(problem, lang), ensure_ascii=False) + "\n")
        return 2
    finally:
        sys.stderr = real
    return None


def _utf8(stream: TextIO) -> TextIO:
    """``stream`` writing UTF-8 that never fails on what it is given: a file name that is not
    UTF-8 (a lone surrogate from the file system) is written with a backslash escape."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            if encoding != "utf8":
                reconfigure(encoding="utf-8", errors="backslashreplace")
            elif getattr(stream, "errors", None) == "strict":
                reconfigure(errors="backslashreplace")
    return stream


def _one_line(exc: BaseException) -> str:
    """The message of ``exc`` on one line: a list of problems is joined with ``; ``.

    >>> from papi.errors import InvalidData, Problem
    >>> print(_one_line(InvalidData.collect("plan.toml is invalid", [
    ...     Problem(path="a", message="unknown role", value="boss"),
    ...     Problem(path="b", message="not a date", value="2022-13-01")])))
    plan.toml is invalid (2 problems): a: unknown role (value: 'boss'); b: not a date (value: '2022-13-01')
    """
    from papi.cli._errors import one_line

    return one_line(str(exc) or type(exc).__name__)


@contextlib.contextmanager
def _warnings_to(ctx: Context) -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    seen: set[str] = set()
    for w in caught:
        msg = f"{ctx.en('warning', 'cảnh báo')}: {_one_line(Exception(str(w.message)))}"
        if msg not in seen:
            seen.add(msg)
            ctx.note(msg)
