"""``papi completion``: a shell completion script, generated from the parser itself."""

from __future__ import annotations

import argparse

from papi.cli._context import Context
from papi.cli._parser import t

DESCRIPTION = (
    "Print a completion script for bash, zsh or fish: commands, options and the values of "
    "options with fixed choices (--lang, --level ...). Generated from the command's own "
    "parser, so it never falls behind."
)
DESCRIPTION_VI = (
    "In kịch bản tự hoàn thành lệnh cho bash, zsh hoặc fish: các lệnh, tùy chọn và giá trị "
    "của các tùy chọn có danh sách cố định (--lang, --level ...). Sinh từ chính bộ phân tích "
    "tham số của lệnh nên luôn khớp."
)
EXAMPLES = (
    "Examples:\n"
    "  papi completion bash > ~/.local/share/bash-completion/completions/papi\n"
    "  papi completion zsh > ~/.zfunc/_papi     # with fpath+=(~/.zfunc) in ~/.zshrc\n"
    "  papi completion fish > ~/.config/fish/completions/papi.fish"
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi completion bash > ~/.local/share/bash-completion/completions/papi\n"
    "  papi completion zsh > ~/.zfunc/_papi     # thêm fpath+=(~/.zfunc) vào ~/.zshrc\n"
    "  papi completion fish > ~/.config/fish/completions/papi.fish"
)

SHELLS = ("bash", "zsh", "fish")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "shell", choices=SHELLS, metavar="SHELL", help=t("bash, zsh or fish", "bash, zsh hoặc fish")
    )


def _spec() -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """Every command: its options, and the choices of the options that have them ("" is
    the top level)."""
    from papi.cli._parser import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    spec: dict[str, tuple[list[str], dict[str, list[str]]]] = {}
    for name, p in [("", parser), *sub._name_parser_map.items()]:
        options: list[str] = []
        choices: dict[str, list[str]] = {}
        for action in p._actions:
            options += [o for o in action.option_strings if o.startswith("--")]
            if action.choices and not isinstance(action, argparse._SubParsersAction):
                for o in action.option_strings or [f"@{name}"]:
                    choices[o] = [str(c) for c in action.choices]
        spec[name] = (sorted(set(options)), choices)
    return spec


def bash() -> str:
    """The bash completion script."""
    spec = _spec()
    commands = " ".join(n for n in spec if n)
    cases = []
    for name, (options, choices) in spec.items():
        if not name:
            continue
        values = [
            f'            {o}) COMPREPLY=($(compgen -W "{" ".join(c)}" -- "$cur")); return;;'
            for o, c in choices.items()
            if o.startswith("--")
        ]
        positional = choices.get(f"@{name}")
        words = " ".join(options + (positional or []))
        cases.append(
            f"        {name})\n"
            '            case "$prev" in\n'
            + "".join(v + "\n" for v in values)
            + "            esac\n"
            f'            COMPREPLY=($(compgen -W "{words}" -- "$cur")); return;;'
        )
    top = " ".join(spec[""][0])
    body = "\n".join(cases)
    return f"""# bash completion for papi (papi completion bash)
_papi() {{
    local cur prev cmd i
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in
            {"|".join(n for n in spec if n)}) cmd="${{COMP_WORDS[i]}}"; break;;
        esac
    done
    if [[ "$prev" == "--lang" ]]; then COMPREPLY=($(compgen -W "vi en" -- "$cur")); return; fi
    case "$cmd" in
{body}
        *) COMPREPLY=($(compgen -W "{commands} {top}" -- "$cur")); return;;
    esac
}}
complete -o default -F _papi papi
"""


def zsh() -> str:
    """The zsh completion script (bash's, through ``bashcompinit``)."""
    return (
        "#compdef papi\n# zsh completion for papi (papi completion zsh)\n"
        "autoload -U +X bashcompinit && bashcompinit\n" + bash().split("\n", 1)[1]
    )


def fish() -> str:
    """The fish completion script."""
    spec = _spec()
    names = " ".join(n for n in spec if n)
    lines = ["# fish completion for papi (papi completion fish)", "complete -c papi -f"]
    lines.append(f"complete -c papi -n 'not __fish_seen_subcommand_from {names}' -a '{names}'")
    for name, (options, choices) in spec.items():
        cond = (
            f"__fish_seen_subcommand_from {name}"
            if name
            else f"not __fish_seen_subcommand_from {names}"
        )
        for o in options:
            values = choices.get(o)
            extra = f" -x -a '{' '.join(values)}'" if values else ""
            lines.append(f"complete -c papi -n '{cond}' -l {o[2:]}{extra}")
        if name and f"@{name}" in choices:
            lines.append(f"complete -c papi -n '{cond}' -a '{' '.join(choices[f'@{name}'])}'")
    return "\n".join(lines) + "\n"


def run(ctx: Context) -> int:
    script = {"bash": bash, "zsh": zsh, "fish": fish}[ctx.args.shell]()
    ctx.out.write(script)
    return 0
