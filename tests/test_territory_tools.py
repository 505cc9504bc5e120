"""tools/build_hanoi_data.py: the 2020-2024 records in the packaged data are exactly what the
script makes from its sourced table (tools/hanoi_1286.toml), and a table that does not fit
the data stops the script with every problem listed."""

from __future__ import annotations

import copy
import importlib.util
import json
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "papi" / "data" / "hanoi"


def load_tool(name: str = "build_hanoi_data") -> ModuleType:
    """A script of tools/ as a module (tools/ is not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = load_tool()
TABLE: dict[str, Any] = tomllib.loads((ROOT / "tools" / "hanoi_1286.toml").read_text("utf-8"))
UNITS = [json.loads(line) for line in (DATA / "units.jsonl").read_text("utf-8").splitlines()]
SUCCESSIONS = [
    json.loads(line) for line in (DATA / "successions.jsonl").read_text("utf-8").splitlines()
]


def _state_of_2025() -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The commune records of 2025-01-01..06-30 and the districts, as the script has them
    before it reverses the resolution (the package's spelling of the new names)."""
    communes = []
    for u in UNITS:
        if len(u["code"]) == 5 and u["valid_to"] == "2025-07-01":
            rec = copy.deepcopy(u)
            if rec["code"] in {"00181", "00226"}:  # the script restores the package's spelling
                rec["name"] = rec["name"].replace(" - ", " ")
                rec["note"] = rec["note"].split("; official spelling")[0]
            communes.append(rec)
    districts = {u["code"]: u for u in UNITS if len(u["code"]) == 3}
    return communes, districts


def test_packaged_2020_records_are_generated_from_the_table() -> None:
    communes, districts = _state_of_2025()
    old_units, successions, counts = TOOL.reverse_1286(TABLE, communes, districts)
    assert counts == {
        "communes_2020_2024": 579,
        "wards_2020_2024": 175,
        "townships_2020_2024": 21,
        "rural_communes_2020_2024": 383,
    }
    packaged = [u for u in UNITS if u["valid_to"] == "2025-01-01"]
    key = lambda r: r["id"]  # noqa: E731
    assert sorted(old_units, key=key) == sorted(packaged, key=key)
    assert successions == [s for s in SUCCESSIONS if s["act"] == "1286/NQ-UBTVQH15"]


def test_a_table_that_does_not_fit_stops_with_every_problem() -> None:
    communes, districts = _state_of_2025()
    table = copy.deepcopy(TABLE)
    table["removed"][0]["code"] = "00004"  # still exists in 2025
    table["removed"][1]["targets"] = ["99999"]  # unknown target
    table["renamed"][0]["old_name"] = "Quận X"  # no commune-level kind word
    with pytest.raises(SystemExit) as err:
        TOOL.reverse_1286(table, communes, districts)
    text = str(err.value)
    assert "removed code 00004 is still in the 2025 state" in text
    assert "target 99999 is not in the 2025-06-30 state" in text
    assert "'Quận X' does not start with a kind word" in text
    assert "differ from the NSO counts" in text
