"""Succession records read one way for the territory's JSON lines and the curated
organizations file (papi.territory.successions.successions_from_records)."""

from __future__ import annotations

import json

import pytest

from papi.errors import InvalidData
from papi.organizations import organizations_from_dict
from papi.territory import hanoi_territory, load_territory

UNITS = "\n".join(
    [
        '{"id": "01", "code": "01", "name": "Thành phố A", "kind": "CENTRAL_CITY"}',
        '{"id": "1", "code": "1", "name": "Phường B", "kind": "WARD", "parent": "01",'
        ' "valid_to": "2025-07-01"}',
        '{"id": "2", "code": "2", "name": "Phường C", "kind": "WARD", "parent": "01",'
        ' "valid_from": "2025-07-01"}',
    ]
)
GOOD = {
    "predecessors": ["1"],
    "successors": ["2"],
    "effective": "2025-07-01",
    "act": "1656/NQ-UBTVQH15",
    "kind": "merge",
    "sources": ["nq"],
    "primary": "2",
}


def test_a_territory_reads_its_successions_with_sources_expanded() -> None:
    terr = load_territory(UNITS, json.dumps(GOOD), {"sources": {"nq": "Nghị quyết 1656"}})
    (s,) = terr.successions
    assert (s.predecessors, s.successors, s.primary) == (("1",), ("2",), "2")
    assert s.sources == ("Nghị quyết 1656",)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"act": None}, "successions.jsonl:2.act"),  # a key left out
        ({"effective": "01/07/2025"}, "successions.jsonl:2.effective"),
    ],
)
def test_a_bad_succession_line_is_reported_at_its_field(
    change: dict[str, object], path: str
) -> None:
    bad = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    lines = "\n".join([json.dumps(GOOD), json.dumps(bad)])
    with pytest.raises(InvalidData) as err:
        load_territory(UNITS, lines)
    assert [p.path for p in err.value.problems] == [path]


def test_the_curated_file_reports_succession_problems_the_same_way() -> None:
    data = {"schema": 1, "successions": [{**GOOD, "effective": "x"}, {"kind": "merge"}]}
    with pytest.raises(InvalidData) as err:
        organizations_from_dict(hanoi_territory(), data, rules=None)
    assert [p.path for p in err.value.problems] == [
        "organizations.json: successions[0].effective",
        "organizations.json: successions[1].predecessors",
    ]
