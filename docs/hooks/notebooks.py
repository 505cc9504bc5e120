"""mkdocs hook: the notebooks of ``examples/`` as pages of the site, under ``notebooks/``.

The notebooks live next to their generator (``examples/make_notebooks.py``) and are stored
without outputs. This hook adds them to the site's files; the mkdocs-jupyter plugin (the
``docs`` extra) renders them and, with ``execute: true`` in mkdocs.yml, runs each one from a
clean kernel at build time, so the pages show what the current code and data print and draw,
never a stale copy. ``PAPI_DOCS_EXECUTE=false mkdocs serve`` renders them without outputs, for
quick edits of the other pages.

mkdocs-jupyter wraps the files it renders in a proxy that finds a file's path from its
``src_dir``, so each notebook is copied into a temporary folder laid out as ``notebooks/*.ipynb``
(removed once the pages are written) rather than added as a generated file.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_COPIES: list[Path] = []


@event_priority(100)  # before mkdocs-jupyter's on_files turns .ipynb files into pages
def on_files(files: Files, config: Any) -> Files:
    root = Path(tempfile.mkdtemp(prefix="papi-notebooks-"))
    _COPIES.append(root)
    (root / "notebooks").mkdir()
    for path in sorted(EXAMPLES.glob("*.ipynb")):
        shutil.copyfile(path, root / "notebooks" / path.name)
        files.append(
            File(
                f"notebooks/{path.name}",
                src_dir=str(root),
                dest_dir=config["site_dir"],
                use_directory_urls=config["use_directory_urls"],
            )
        )
    return files


def on_post_build(config: Any) -> None:
    """The pages are written: remove the copies (``mkdocs serve`` makes new ones per build)."""
    while _COPIES:
        shutil.rmtree(_COPIES.pop(), ignore_errors=True)


def on_shutdown() -> None:
    on_post_build(None)
