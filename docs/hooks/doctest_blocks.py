"""mkdocs hook: show the doctest examples of docstrings as ``pycon`` code blocks.

papi's docstrings carry runnable examples (``>>> ...`` lines, checked by pytest's doctest run).
Markdown would read them as text, and their output (``['D1', 'D2']``) as reference links. This
hook adds a Markdown preprocessor that fences every doctest block outside an existing fence.
It runs before mkdocstrings reads the Markdown configuration (``event_priority``), so the API
reference gets it too.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority


class _DoctestBlocks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        fence: str | None = None  # the fence marker we are inside of, if any
        doctest_indent: str | None = None
        for line in lines:
            stripped = line.lstrip()
            indent = line[: len(line) - len(stripped)]
            if doctest_indent is not None:
                if stripped:
                    out.append(line)
                    continue
                out.append(doctest_indent + "```")
                doctest_indent = None
                out.append(line)
                continue
            if fence is not None:
                if stripped.startswith(fence):
                    fence = None
                out.append(line)
                continue
            if stripped.startswith(("```", "~~~")):
                fence = stripped[:3]
                out.append(line)
                continue
            if stripped.startswith(">>>"):
                if out and out[-1].strip():
                    out.append("")
                out.append(indent + "```pycon")
                out.append(line)
                doctest_indent = indent
                continue
            out.append(line)
        if doctest_indent is not None:
            out.append(doctest_indent + "```")
        return out


class DoctestBlocksExtension(Extension):
    """Fence doctest blocks as ``pycon`` code."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.preprocessors.register(_DoctestBlocks(md), "papi_doctest_blocks", 40)


@event_priority(100)
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(DoctestBlocksExtension())
    return config
