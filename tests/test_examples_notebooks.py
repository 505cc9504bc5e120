"""The notebooks in examples/ run top to bottom from a clean kernel and draw their charts; they
are what examples/make_notebooks.py writes, and the documentation site renders every one."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebooks need the 'notebooks' extra")
nbclient = pytest.importorskip("nbclient", reason="the notebooks need the 'notebooks' extra")
pytest.importorskip("ipykernel", reason="the notebooks need the 'notebooks' extra")
pytest.importorskip("matplotlib", reason="the notebooks need the 'notebooks' extra")
pytest.importorskip("pandas", reason="the notebooks need the 'notebooks' extra")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = {
    # notebook: the number of charts it must draw
    "hanoi_papi_story.ipynb": 2,
    "accountability_before_after_reform.ipynb": 1,
    "commune_deadline_calendar.ipynb": 1,
    "vietnam_before_after_reform.ipynb": 1,
}
ROOT = EXAMPLES.parent
if not (EXAMPLES / "make_notebooks.py").is_file():  # e.g. an sdist, which ships no examples/
    pytest.skip("needs the repository's examples/ folder", allow_module_level=True)


def test_every_notebook_is_listed() -> None:
    assert {p.name for p in EXAMPLES.glob("*.ipynb")} == set(NOTEBOOKS)


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_notebook_runs_from_a_clean_kernel(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nb = nbformat.read(EXAMPLES / name, as_version=4)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code"), (
        f"{name} is stored with outputs; regenerate it with examples/make_notebooks.py"
    )
    monkeypatch.setenv("PAPI_FIGURES", str(tmp_path))  # the notebooks also save their charts
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    images = [
        output
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(images) == NOTEBOOKS[name]
    saved = sorted(tmp_path.glob("*.png"))
    assert len(saved) == NOTEBOOKS[name]
    assert all(p.stat().st_size > 10_000 for p in saved)  # a real picture, not an empty canvas
    errors = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    assert not errors, errors
    printed = "".join(
        output.get("text", "") or output.get("data", {}).get("text/plain", "")
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") in ("stream", "execute_result")
    )
    if name == "hanoi_papi_story.ipynb":  # the story tells the packaged results, every year
        from papi.scoring import hanoi_results

        for r in hanoi_results():
            assert f"{r.year:<6}{r.total:>9.4f}{f'{r.rank}/{r.out_of}':>8}" in printed, r.year
    if name == "commune_deadline_calendar.ipynb":  # the Tết week has no working day
        assert "15 working days in February 2026" in printed
    if name == "vietnam_before_after_reform.ipynb":
        _check_vietnam_story(printed)


def _check_vietnam_story(printed: str) -> None:
    """The whole-country notebook tells the packaged data: counts, Quảng Nam -> Đà Nẵng, the
    primary successor of a divided commune, and every old commune reaching a 2026 one."""
    from papi.territory import vietnam_territory

    vn = vietnam_territory()
    for level, before, after in (("province", 63, 34), ("commune", 10035, 3321)):
        assert len(vn.units(level=level, on="2025-06-30")) == before
        assert len(vn.units(level=level, on="2026-03-01")) == after
        assert f"{level:<8} {before:>11} {after:>11}" in printed, level
    assert "11 provinces continue unmerged; 23 were formed from 52 old ones" in printed
    assert "Tỉnh Quảng Nam (code 49), last day 2025-06-30" in printed
    assert "-> Thành phố Đà Nẵng (code 48) from 2025-07-01, by 202/2025/QH15 (merge)" in printed
    cong_vi = vn.convert("Phường Cống Vị, Quận Ba Đình", to="2026-03-01")
    assert cong_vi.primary is not None
    assert f"★ {cong_vi.primary.name}, " in printed  # the primary successor, marked first
    assert "every old commune reaches a commune of 2026: True" in printed
    assert "[2020-01-01, …): 63 provinces" in printed  # coverage per province
    assert "unverified 2025-03-02..2025-06-30 in Quảng Nam" in printed
    assert "Quảng Nam on 2019-06-01: 2019-06-01 is outside" in printed
    assert "Quảng Nam on 2024-01-01: vouched for (no warning)" in printed
    assert "Quảng Nam on 2025-05-01: 2025-05-01: the territory data does not vouch" in printed


def test_kernel_uses_this_interpreter() -> None:
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    exe = spec.argv[0]
    assert exe in ("python", "python3") or os.path.realpath(exe) == os.path.realpath(
        __import__("sys").executable
    ), spec.argv


def test_notebooks_are_generated_from_make_notebooks() -> None:
    # examples/make_notebooks.py is the source: a notebook edited by hand would drift from it
    module = _generator()
    assert set(module.NOTEBOOKS) == set(NOTEBOOKS)
    for name, cells in module.NOTEBOOKS.items():
        stored = nbformat.read(EXAMPLES / name, as_version=4)
        assert [(c.cell_type, c.source) for c in stored.cells] == [
            (c.cell_type, c.source) for c in cells
        ], f"{name} differs from examples/make_notebooks.py: run it"


def test_dimension_panels_share_one_y_axis() -> None:
    # the eight PAPI dimension panels are comparable only on one scale (issue: the panels'
    # own y-ranges made a 0.5-point move look as large as a 1-point one)
    module = _generator()
    sources = [
        c.source for c in module.NOTEBOOKS["hanoi_papi_story.ipynb"] if c.cell_type == "code"
    ]
    (chart,) = [s for s in sources if "hanoi_dimensions" in s]
    assert "sharey=True" in chart
    assert "set_ylim" in chart


def _generator() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_notebooks", EXAMPLES / "make_notebooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_render_every_notebook(monkeypatch: pytest.MonkeyPatch) -> None:
    # mkdocs.yml lists every notebook under "Notebooks", and the mkdocs-jupyter plugin runs
    # them at build time (never a stored, possibly stale, output) and fails on an error
    mkdocs_yaml = pytest.importorskip("mkdocs.utils.yaml", reason="needs the 'docs' extra")
    if not (ROOT / "mkdocs.yml").is_file():
        pytest.skip("needs the repository's mkdocs.yml")
    monkeypatch.delenv("PAPI_DOCS_EXECUTE", raising=False)  # the default: run them
    config = mkdocs_yaml.yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (section,) = [entry["Notebooks"] for entry in config["nav"] if "Notebooks" in entry]
    pages = [page for entry in section for page in entry.values()]
    assert "notebooks/index.md" in pages
    assert {p.removeprefix("notebooks/") for p in pages if p.endswith(".ipynb")} == set(NOTEBOOKS)
    (jupyter,) = [p["mkdocs-jupyter"] for p in config["plugins"] if "mkdocs-jupyter" in p]
    assert jupyter["execute"] is True
    assert jupyter["allow_errors"] is False
    # the PNG-saving helper cell (for these tests) is hidden from readers, not removed: the
    # charts' cells call it
    tags = list(_generator().HIDE_IN_DOCS)
    assert jupyter["remove_tag_config"] == {"remove_input_tags": tags}
    assert "docs/hooks/notebooks.py" in config["hooks"]


def test_docs_hook_adds_the_notebooks_as_pages(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="needs the 'docs' extra")
    from mkdocs.structure.files import Files

    spec = importlib.util.spec_from_file_location(
        "notebooks_hook", ROOT / "docs/hooks/notebooks.py"
    )
    assert spec is not None
    assert spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    config = {"site_dir": str(tmp_path), "use_directory_urls": True}
    try:
        files = hook.on_files(Files([]), config)
        added = {f.src_uri: f for f in files}
        assert set(added) == {f"notebooks/{name}" for name in NOTEBOOKS}
        for name in NOTEBOOKS:
            page = added[f"notebooks/{name}"]
            assert page.content_bytes == (EXAMPLES / name).read_bytes()
    finally:
        hook.on_shutdown()


def test_notebooks_are_ruff_clean() -> None:
    # the generator writes cells that pass the project's lint and format rules, so the
    # notebooks read like the library's own code
    import shutil
    import subprocess
    import sys

    if shutil.which("ruff") is None and importlib.util.find_spec("ruff") is None:
        pytest.skip("needs ruff (the 'dev' extra)")
    notebooks = [str(EXAMPLES / name) for name in sorted(NOTEBOOKS)]
    for command in (["check"], ["format", "--check"]):
        done = subprocess.run(
            [sys.executable, "-m", "ruff", *command, *notebooks],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
