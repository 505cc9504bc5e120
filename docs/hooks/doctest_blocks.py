"""mkdocs hook: show the doctest examples of docstrings as ``pycon`` code blocks, and Sphinx
cross-reference roles as code.

papi's docstrings carry runnable examples (``>>> ...`` lines, checked by pytest's doctest run).
Markdown would read them as text, and their output (``['D1', 'D2']``) as reference links. This
hook adds a Markdown preprocessor that fences every doctest block outside an existing fence.
The docstrings also name other objects the Sphinx way (``:func:`papi.framework.framework```,
``:class:`~papi.errors.NotFound```), which Markdown would print verbatim: outside code, the
preprocessor turns them into inline code (``~`` keeps the last component, as in Sphinx), and
rewrites reStructuredText links and ``::`` literal-block markers as Markdown.
It runs before mkdocstrings reads the Markdown configuration (``event_priority``), so the API
reference gets it too.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")


_LINK = re.compile(r"`([^`<]+?) <(https?://[^>]+)>`_")


def _roles(line: str) -> str:
    """Sphinx markup in a docstring line as Markdown: ``:class:`~papi.errors.NotFound```
    -> ```NotFound```, ```hypothesis <https://...>`_`` -> ``[hypothesis](https://...)``, and
    a literal-block ``::`` at the end of a line -> ``:`` (the indented block after it is code
    in Markdown too).

    >>> _roles("raises :class:`~papi.errors.NotFound`; see :func:`papi.framework.framework`")
    'raises `NotFound`; see `papi.framework.framework`'
    >>> _roles("needs `hypothesis <https://hypothesis.readthedocs.io>`_, run it::")
    'needs [hypothesis](https://hypothesis.readthedocs.io), run it:'
    """
    line = _ROLE.sub(lambda m: f"`{m[2].rsplit('.', 1)[-1] if m[1] else m[2]}`", line)
    line = _LINK.sub(r"[\1](\2)", line)
    return line[:-1] if line.endswith("::") and not line.rstrip(":").endswith(" ") else line


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
            out.append(_roles(line))
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
