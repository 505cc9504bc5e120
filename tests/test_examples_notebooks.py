"""The notebooks in examples/ run top to bottom from a clean kernel and draw their charts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="the notebooks need the 'notebooks' extra")
nbclient = pytest.importorskip("nbclient", reason="the notebooks need the 'notebooks' extra")
pytest.importorskip("ipykernel", reason="the notebooks need the 'notebooks' extra")
pytest.importorskip("matplotlib", reason="the notebooks need the 'notebooks' extra")

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NOTEBOOKS = {
    # notebook: the number of charts it must draw
    "hanoi_papi_story.ipynb": 2,
    "accountability_before_after_reform.ipynb": 1,
    "commune_deadline_calendar.ipynb": 1,
}


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
        output.get("text", "")
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream"
    )
    if name == "hanoi_papi_story.ipynb":  # the story tells the packaged results, every year
        from papi.scoring import hanoi_results

        for r in hanoi_results():
            assert f"{r.year:<6}{r.total:>9.4f}{f'{r.rank}/{r.out_of}':>8}" in printed, r.year
    if name == "commune_deadline_calendar.ipynb":  # the Tết week has no working day
        assert "15 working days in February 2026" in printed


def test_kernel_uses_this_interpreter() -> None:
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    exe = spec.argv[0]
    assert exe in ("python", "python3") or os.path.realpath(exe) == os.path.realpath(
        __import__("sys").executable
    ), spec.argv


def test_notebooks_are_generated_from_make_notebooks() -> None:
    # examples/make_notebooks.py is the source: a notebook edited by hand would drift from it
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_notebooks", EXAMPLES / "make_notebooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.NOTEBOOKS) == set(NOTEBOOKS)
    for name, cells in module.NOTEBOOKS.items():
        stored = nbformat.read(EXAMPLES / name, as_version=4)
        assert [(c.cell_type, c.source) for c in stored.cells] == [
            (c.cell_type, c.source) for c in cells
        ], f"{name} differs from examples/make_notebooks.py: run it"
