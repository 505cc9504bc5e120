"""The ``papi`` argument parser (private), built lazily: :data:`COMMANDS` names every command
with its module and one-line summary (in English and Vietnamese), so ``papi --help`` and
``papi --version`` import no command; a command's module is imported, and its options added,
only when it is chosen (or when :func:`build_parser` builds everything for the documentation
and shell completion).

The language of the help and of argparse's own words ("usage:", "options", its errors) is
chosen before the parser is built (:func:`resolve_lang`: ``--lang``, then ``PAPI_LANG``, then
the locale) and set with :func:`set_lang`; :func:`t` picks a text in it."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Any, NoReturn, cast

__all__ = [
    "COMMANDS",
    "PROG",
    "READS_PLANS",
    "TABULAR",
    "add_on",
    "argparse_in",
    "build_parser",
    "command_module",
    "current_lang",
    "lazy_parser",
    "resolve_lang",
    "set_lang",
    "t",
]

PROG = "papi"

#: Every command: name -> (its module, the summary ``papi --help`` lists in English, in
#: Vietnamese). Each module has ``DESCRIPTION``, ``DESCRIPTION_VI``, ``EXAMPLES`` and
#: ``EXAMPLES_VI`` (the end of its ``--help``, all run by the tests),
#: ``add_arguments(parser)`` and ``run(context) -> exit code``.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "who": (
        "papi.cli.commands.who",
        "who is accountable for a PAPI dimension or indicator in a unit",
        "ai chịu trách nhiệm về một chỉ số PAPI tại một đơn vị",
    ),
    "duties": (
        "papi.cli.commands.duties",
        "the duties of a unit or organization",
        "nhiệm vụ của một đơn vị hoặc cơ quan",
    ),
    "agenda": (
        "papi.cli.commands.agenda",
        "deadlines falling in a period",
        "các thời hạn trong một khoảng thời gian",
    ),
    "overdue": (
        "papi.cli.commands.overdue",
        "duties past their deadline without a report of completion",
        "nhiệm vụ đã quá hạn mà chưa báo cáo hoàn thành",
    ),
    "gaps": (
        "papi.cli.commands.gaps",
        "duties nobody holds, or held by nobody on the day",
        "nhiệm vụ chưa có cơ quan, người đảm nhận",
    ),
    "framework": (
        "papi.cli.commands.framework",
        "the PAPI indicator framework, or one element of it",
        "khung chỉ số PAPI, hoặc một thành phần của khung",
    ),
    "units": (
        "papi.cli.commands.units",
        "administrative units on a day",
        "các đơn vị hành chính vào một ngày",
    ),
    "convert": (
        "papi.cli.commands.convert",
        "old administrative units to the new ones (the 2025 reform)",
        "đơn vị hành chính cũ sang đơn vị mới (sắp xếp năm 2025)",
    ),
    "scores": (
        "papi.cli.commands.scores",
        "PAPI scores: Hanoi's scorecard, or a ranking from a score table",
        "điểm PAPI: kết quả của Hà Nội, hoặc xếp hạng từ một bảng điểm",
    ),
    "deadline": (
        "papi.cli.commands.deadline",
        "when a statutory deadline falls",
        "thời hạn theo luật định rơi vào ngày nào",
    ),
    "check": (
        "papi.cli.commands.check",
        "validate a plan file",
        "kiểm tra một tệp kế hoạch",
    ),
    "serve": (
        "papi.cli.commands.serve",
        "serve the answers over HTTP (JSON, OpenAPI)",
        "cung cấp câu trả lời qua HTTP (JSON, OpenAPI)",
    ),
    "completion": (
        "papi.cli.commands.completion",
        "print a shell completion script (bash, zsh, fish)",
        "in kịch bản tự hoàn thành lệnh cho shell (bash, zsh, fish)",
    ),
    "case": (
        "papi.cli.commands.case",
        "a complaint, denunciation or information request, step by step",
        "một khiếu nại, tố cáo hoặc yêu cầu cung cấp thông tin, từng bước",
    ),
}

#: The commands whose answers depend on the duties, so on ``--data`` plan files.
READS_PLANS = ("who", "duties", "agenda", "overdue", "gaps", "serve")

#: The commands whose answer is a table, so which take ``--csv``.
TABULAR = (
    "who",
    "duties",
    "agenda",
    "overdue",
    "gaps",
    "framework",
    "units",
    "convert",
    "scores",
    "deadline",
    "case",
)

_LANGS = ("vi", "en")
_lang = "en"


def set_lang(lang: str) -> None:
    """Build the help (and say argparse's words) in ``lang`` from now on."""
    global _lang
    _lang = lang if lang in _LANGS else "en"


def current_lang() -> str:
    """The language set by :func:`set_lang` (``"en"`` at first)."""
    return _lang


def t(en: str, vi: str) -> str:
    """``en`` or ``vi``, whichever the help is built in."""
    return vi if _lang == "vi" else en


def resolve_lang(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The output language: ``--lang`` on the command line, else ``PAPI_LANG``, else the
    locale as gettext reads it (the first language of ``LANGUAGE`` unless the locale is
    ``C``/``POSIX``, else ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; Vietnamese when it starts
    ``vi``), else English.

    >>> resolve_lang(["who", "--lang=vi"]), resolve_lang([], {"LANG": "vi_VN.UTF-8"})
    ('vi', 'vi')
    >>> resolve_lang([], {"PAPI_LANG": "en", "LANG": "vi_VN.UTF-8"}), resolve_lang([], {})
    ('en', 'en')
    >>> resolve_lang([], {"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"})
    'vi'
    """
    env = os.environ if environ is None else environ
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] in _LANGS:
            return args[i + 1]
        if arg.startswith("--lang=") and arg[7:] in _LANGS:
            return arg[7:]
    chosen = env.get("PAPI_LANG", "").strip().lower()[:2]
    if chosen in _LANGS:
        return chosen
    locale = next((env[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(n)), "")
    language = env.get("LANGUAGE", "").split(":")[0]
    if language and locale.split(".")[0] not in ("C", "POSIX"):
        return "vi" if language.lower().startswith("vi") else "en"
    return "vi" if locale.lower().startswith("vi") else "en"


#: argparse's own words in Vietnamese (its messages go through ``gettext``).
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)"
    ),
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn không rõ: %(option)s có thể là %(matches)s"
    ),
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)"
    ),
    "ignored explicit argument %r": "bỏ qua giá trị %r",
}


@contextlib.contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """argparse's own words (``usage:``, ``options``, its error messages) in ``lang`` while
    the block runs (argparse looks them up through :mod:`gettext`)."""
    if lang != "vi":
        yield
        return
    before = argparse._  # type: ignore[attr-defined]
    before_n = argparse.ngettext  # type: ignore[attr-defined]

    def vi(message: str | None) -> str | None:
        if message is None:
            return None
        return _ARGPARSE_VI.get(message) or str(before(message))

    def vi_n(singular: str, plural: str, n: int) -> str:
        return _ARGPARSE_VI.get(singular if n == 1 else plural) or str(
            before_n(singular, plural, n)
        )

    argparse._ = vi  # type: ignore[attr-defined]
    argparse.ngettext = vi_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before  # type: ignore[attr-defined]
        argparse.ngettext = before_n  # type: ignore[attr-defined]


def _description() -> str:
    return t(
        "Who is accountable for this, here, by when, and on what legal basis? "
        "Answers from the packaged data of the whole country: the PAPI framework and scores, "
        "the territory before and after the 2025 reform, organizations, the law's duties "
        "(complaints, denunciations, citizen reception) and Hanoi's Plan 164/KH-UBND, "
        "statutory deadlines.",
        "Ai chịu trách nhiệm, ở đâu, hạn nào, căn cứ pháp lý nào? "
        "Trả lời từ dữ liệu kèm theo của cả nước: khung chỉ số và điểm PAPI, địa giới hành "
        "chính trước và sau sắp xếp năm 2025, cơ quan, nhiệm vụ theo luật (khiếu nại, tố cáo, "
        "tiếp công dân) và theo Kế hoạch 164/KH-UBND của Hà Nội, thời hạn theo luật định.",
    )


def _epilog() -> str:
    return t(
        "Examples:\n"
        '  papi who D3 --where "Phường Hoàn Kiếm" --on 2026-03-01\n'
        "  papi deadline complaint.first_instance --from 2026-01-20\n"
        "  papi framework D3 --year 2024\n"
        "Run 'papi COMMAND --help' for the options of a command.",
        "Ví dụ:\n"
        '  papi who D3 --where "Phường Hoàn Kiếm" --on 01/03/2026 --lang vi\n'
        "  papi deadline complaint.first_instance --from 20/01/2026 --lang vi\n"
        "  papi framework D3 --year 2024 --lang vi\n"
        "Gõ 'papi LỆNH --help' để xem các tùy chọn của một lệnh.",
    )


def command_module(name: str) -> ModuleType:
    """The module of command ``name`` (imported on first use)."""
    return importlib.import_module(COMMANDS[name][0])


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``papi: error: ... (see 'papi who --help')``."""

    def error(self, message: str) -> NoReturn:
        see = t(f"see '{self.prog} --help'", f"xem '{self.prog} --help'")
        self.exit(2, f"{PROG}: {t('error', 'lỗi')}: {message} ({see})\n")


def fit_examples(text: str, width: int) -> list[str]:
    r"""The lines of an examples section fitted to ``width``: a command line is kept whole
    when it fits (else its ``# comment`` goes to the next line, and what is still too long
    is wrapped); the prose after the commands is re-flowed.

    >>> fit_examples("Examples:\n  papi a --b  # see\nOne two three.", 14)
    ['Examples:', '  papi a --b', '    # see', 'One two three.']
    """
    from papi.cli._render import display_width, fit_line, wrap

    out: list[str] = []
    prose: list[str] = []
    for line in text.splitlines():
        if not line.startswith("  "):
            prose.append(line)
            continue
        if prose:
            out += wrap(" ".join(prose), width) if len(prose) > 1 or out else prose
            prose = []
        if display_width(line) <= width:
            out.append(line)
            continue
        command, hash_, comment = line.partition("  # ")
        out += fit_line(command.rstrip(), width)
        if hash_:
            out += fit_line("    # " + comment, width)
    if prose:
        out += wrap(" ".join(prose), width)
    return out


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps the description like argparse does; the examples keep their lines, fitted to
    the width (:func:`fit_examples`)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith(("Examples:", "Ví dụ:")):
            return "\n".join(indent + line for line in fit_examples(text, width))
        return super()._fill_text(text, width, indent)


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The sub-commands: a command's parser gets its description, examples and options
    (importing its module) only when the command line chooses it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ready: set[str] = set()

    def prepare(self, name: str) -> None:
        """Give command ``name``'s parser everything its module says."""
        if name in self.ready or name not in self._name_parser_map:
            return
        module = command_module(name)
        parser = self._name_parser_map[name]
        parser.description = t(module.DESCRIPTION, module.DESCRIPTION_VI)
        parser.epilog = t(module.EXAMPLES, module.EXAMPLES_VI)
        module.add_arguments(parser)
        self.ready.add(name)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if isinstance(values, Sequence) and values and isinstance(values[0], str):
            self.prepare(values[0])
        super().__call__(parser, namespace, values, option_string)


def _common(parent: bool) -> argparse.ArgumentParser:
    """Options every sub-command accepts, before or after the sub-command's name."""
    common = argparse.ArgumentParser(add_help=False)
    sup: Any = argparse.SUPPRESS

    def default(value: object) -> object:
        return value if parent else sup

    g = common.add_argument_group(t("output and data", "kết quả và dữ liệu"))
    g.add_argument(
        "--lang",
        choices=_LANGS,
        default=default(None),
        help=t(
            "language of the output, help and errors: vi (tiếng Việt) or en (default: "
            "PAPI_LANG, else the locale, else en)",
            "ngôn ngữ của kết quả, hướng dẫn và thông báo lỗi: vi (tiếng Việt) hoặc en "
            "(mặc định: PAPI_LANG, rồi ngôn ngữ của hệ thống, rồi en)",
        ),
    )
    g.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help=t(
            "print the answer as a JSON document (with its schema) instead of a table",
            "in câu trả lời dạng văn bản JSON (có khóa schema) thay cho bảng",
        ),
    )
    g.add_argument(
        "--csv",
        action="store_true",
        default=default(False),
        help=t(
            "print the answer's table as CSV (dates YYYY-MM-DD)",
            "in bảng của câu trả lời dạng CSV (ngày dạng YYYY-MM-DD)",
        ),
    )
    g.add_argument(
        "--data",
        metavar=t("PLAN_FILE", "TỆP_KẾ_HOẠCH"),
        action="append",
        default=default([]),
        help=t(
            "load this plan file (JSON or TOML) on top of the packaged data; repeatable "
            "(who, duties, agenda, overdue, gaps, serve)",
            "nạp tệp kế hoạch này (JSON hoặc TOML) bổ sung vào dữ liệu kèm theo; dùng được "
            "nhiều lần (who, duties, agenda, overdue, gaps, serve)",
        ),
    )
    g.add_argument(
        "--debug",
        action="store_true",
        default=default(False),
        help=t("show the Python traceback of an error", "in vết lỗi Python khi có lỗi"),
    )
    return common


def add_on(
    p: argparse.ArgumentParser,
    what: str = "the day the question is about",
    what_vi: str = "ngày cần hỏi",
) -> None:
    """The ``--on DATE`` option of the commands about one day."""
    p.add_argument(
        "--on",
        metavar=t("DATE", "NGÀY"),
        help=t(
            f"{what}, YYYY-MM-DD or dd/mm/yyyy (default: today in Asia/Ho_Chi_Minh)",
            f"{what_vi}, dạng dd/mm/yyyy hoặc YYYY-MM-DD (mặc định: hôm nay theo giờ Việt Nam)",
        ),
    )


def lazy_parser() -> tuple[argparse.ArgumentParser, _Commands]:
    """The top-level parser, every command listed and none prepared yet (in the language
    set by :func:`set_lang`)."""
    parser = _Parser(
        prog=PROG,
        description=_description(),
        epilog=_epilog(),
        formatter_class=_HelpFormatter,
        parents=[_common(parent=True)],
    )
    from papi import __version__

    parser.add_argument(
        "--version",
        action="version",
        version=f"papi {__version__}",
        help=t("show papi's version and exit", "in phiên bản của papi rồi thoát"),
    )
    sub = cast(
        "_Commands",
        parser.add_subparsers(
            dest="command",
            metavar=t("COMMAND", "LỆNH"),
            parser_class=_Parser,
            action=_Commands,
            title=t("commands", "các lệnh"),
        ),
    )
    sub.required = True
    common = _common(parent=False)
    for name, (_, summary, summary_vi) in COMMANDS.items():
        sub.add_parser(
            name,
            help=t(summary, summary_vi),
            formatter_class=_HelpFormatter,
            parents=cast("list[_Parser]", [common]),
        )
    return parser, sub


def build_parser() -> argparse.ArgumentParser:
    """The ``papi`` argument parser with every command ready (for documentation tools and
    shell completion)."""
    parser, sub = lazy_parser()
    for name in COMMANDS:
        sub.prepare(name)
    return parser
