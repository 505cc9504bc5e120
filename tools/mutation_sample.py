"""A seeded, stratified sample of mutmut's mutants, and fresh-process checks of them.

Run inside the ``mutants/`` directory that ``mutmut run`` generated (see
``tools/mutation.md``); mutmut is not a dependency of papi.

``python tools/mutation_sample.py sample SEED module=N ...`` prints the sample: for each
module (``calendar``, ``rules``, ``io``, ``territory``, ``governance``), ``N`` names drawn by
``random.Random(f"{SEED}:{module}").sample`` from the sorted names of that module's
mutants. The names are stable as long as the source is: the same seed on the same commit
gives the same sample.

``python tools/mutation_sample.py fresh NAME ...`` runs each named mutant's tests (those
mutmut's stats say reach the mutated function) in a fresh interpreter, so code that runs
once per process (the loaders, the caches, the validators made when a class is defined)
runs mutated too, and prints ``killed`` or ``survived`` per name.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

MODULES = ("calendar", "rules", "io", "territory", "governance")


def _module(name: str) -> str:
    return name.split(".")[1]


def all_mutants(root: Path) -> dict[str, list[str]]:
    """The names of every mutant under ``root/src``, by module, sorted."""
    out: dict[str, list[str]] = {m: [] for m in MODULES}
    for meta in sorted((root / "src").rglob("*.meta")):
        for name in json.loads(meta.read_text("utf-8"))["exit_code_by_key"]:
            module = _module(name)
            if module in out:
                out[module].append(name)
    return {m: sorted(v) for m, v in out.items()}


def sample(root: Path, seed: str, sizes: dict[str, int]) -> dict[str, list[str]]:
    names = all_mutants(root)
    return {
        m: sorted(random.Random(f"{seed}:{m}").sample(names[m], min(n, len(names[m]))))
        for m, n in sizes.items()
    }


def fresh(root: Path, name: str, timeout: float = 600) -> str:
    """``killed`` or ``survived`` (or ``no tests``/``timeout``) for one mutant, run in a
    fresh interpreter over the tests that reach its function."""
    stats_file = root / "mutmut-stats.json"
    stats = json.loads(stats_file.read_text("utf-8"))
    function = name.rsplit("__mutmut_", 1)[0]
    tests = sorted(stats["tests_by_mangled_function_name"].get(function, []))
    if not tests:
        return "no tests"
    args = os.environ.get("MUT_PYTEST_ARGS", "").split()
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": "src"}
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-x",
                "-q",
                "-p",
                "no:cacheprovider",
                "-o",
                "addopts=",
                *args,
                *tests,
            ],
            cwd=root,
            env=env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "timeout"
    return "survived" if done.returncode == 0 else "killed"


def main(argv: list[str]) -> int:
    root = Path.cwd()
    if argv[:1] == ["sample"] and len(argv) >= 2:
        sizes = {k: int(v) for k, v in (a.split("=") for a in argv[2:])}
        for names in sample(root, argv[1], sizes).values():
            print("\n".join(names))
        return 0
    if argv[:1] == ["fresh"]:
        for name in argv[1:]:
            print(fresh(root, name), name, flush=True)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
