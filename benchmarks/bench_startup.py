"""Benchmark: how fast papi starts, against baselines measured in the same run.

Every sample is a fresh interpreter (a subprocess), and the samples of a measurement and of
its baseline are interleaved, so that a busy machine slows both alike:

* ``import papi``, timed inside the subprocess (the import alone, not the interpreter's own
  start), against ``import attrs, cattrs, dateutil`` timed the same way. Target: <= 1.5x and
  <= 250 ms.
* ``papi --version`` and ``papi --help``, wall time of the whole command, against
  ``python -c pass``. Target: ``--version`` <= 300 ms.

It also lists the heavy modules (networkx, holidays, cattrs) each of them loads: none.

Run: ``python benchmarks/bench_startup.py [--samples 40] [--src DIR]`` (about 20 s).
``--src`` times another checkout's ``src`` (e.g. the main branch) in the same run, to print
before/after figures side by side.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE_SRC = Path(__file__).resolve().parent.parent / "src"
HEAVY = ("networkx", "holidays", "cattrs")

_TIME_IMPORT = (
    "import time, sys; t = time.perf_counter(); {stmt}; "
    "dt = time.perf_counter() - t; "
    "heavy = sorted({{m.split('.')[0] for m in sys.modules}} & {heavy!r}); "
    "print(dt, ','.join(heavy))"
)


def _env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


def import_sample(stmt: str, src: Path) -> tuple[float, str]:
    """Seconds ``stmt`` takes in a fresh interpreter, and the heavy modules it loaded."""
    code = _TIME_IMPORT.format(stmt=stmt, heavy=set(HEAVY))
    out = subprocess.run(
        [sys.executable, "-c", code], env=_env(src), capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), (out[1] if len(out) > 1 else "")


def wall_sample(argv: Sequence[str], src: Path) -> tuple[float, str]:
    """Wall-clock seconds of a whole command in a fresh interpreter."""
    t = time.perf_counter()
    subprocess.run(argv, env=_env(src), capture_output=True, check=True)
    return time.perf_counter() - t, ""


def interleaved(
    samples: int, runs: dict[str, Callable[[], tuple[float, str]]]
) -> dict[str, tuple[list[float], str]]:
    """Each run ``samples`` times, round-robin (after one warm-up round, not counted)."""
    for run in runs.values():
        run()
    times: dict[str, list[float]] = {name: [] for name in runs}
    loaded: dict[str, str] = {}
    for _ in range(samples):
        for name, run in runs.items():
            dt, heavy = run()
            times[name].append(dt)
            loaded[name] = heavy
    return {name: (times[name], loaded[name]) for name in runs}


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
    return (
        f"median {statistics.median(values) * 1e3:7.1f} ms  "
        f"min {values[0] * 1e3:6.1f}  p90 {p90 * 1e3:6.1f}"
    )


def report(title: str, results: dict[str, tuple[list[float], str]], baseline: str) -> None:
    print(title)
    base = statistics.median(results[baseline][0])
    for name, (values, heavy) in results.items():
        ratio = statistics.median(values) / base
        loads = f"  loads: {heavy}" if heavy else ""
        print(f"  {name:<34} {_ms(values)}  {ratio:5.2f}x {baseline}{loads}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=30, help="samples per measurement")
    parser.add_argument("--src", type=Path, help="also time this checkout's src directory")
    args = parser.parse_args()
    srcs = {"": HERE_SRC}
    if args.src is not None:
        srcs[f" [{args.src}]"] = args.src.resolve()
    print(f"Python {sys.version.split()[0]}, {args.samples} samples each, fresh interpreters")
    print()

    imports: dict[str, Callable[[], tuple[float, str]]] = {
        "import attrs, cattrs, dateutil": lambda: import_sample(
            "import attrs, cattrs, dateutil", HERE_SRC
        ),
    }
    for label, src in srcs.items():
        imports[f"import papi{label}"] = lambda src=src: import_sample("import papi", src)
        imports[f"import papi.dates{label}"] = lambda src=src: import_sample(
            "import papi.dates", src
        )
    report(
        "Import (timed inside the interpreter):",
        interleaved(args.samples, imports),
        "import attrs, cattrs, dateutil",
    )
    print()

    python = [sys.executable]
    commands: dict[str, Callable[[], tuple[float, str]]] = {
        "python -c pass": lambda: wall_sample([*python, "-c", "pass"], HERE_SRC),
    }
    for label, src in srcs.items():
        commands[f"papi --version{label}"] = lambda src=src: wall_sample(
            [*python, "-m", "papi", "--version"], src
        )
        commands[f"papi --help{label}"] = lambda src=src: wall_sample(
            [*python, "-m", "papi", "--help"], src
        )
    report("Commands (wall time):", interleaved(args.samples, commands), "python -c pass")
    print()
    print("Targets: import papi <= 1.5x the baseline and <= 250 ms; papi --version <= 300 ms.")


if __name__ == "__main__":
    main()
