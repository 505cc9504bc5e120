"""The territory's public queries, where issue 12's mutation sample found that a change
could pass unnoticed: the first and last day of a unit in a day's graph, the closest ids
of an unknown id, the message of a name asked without a day."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import pytest

from papi.dates import Validity
from papi.errors import InvalidData, NotFound
from papi.territory import (
    Containment,
    Succession,
    Territory,
    Unit,
    UnitKind,
    _load,
    hanoi_territory,
    load_territory,
    vietnam_territory,
)

# Phường Hàng Bạc (00061) existed until 2025-06-30; Phường Hoàn Kiếm (00070@2025-07-01) since
# 2025-07-01 (Resolution 1656/NQ-UBTVQH15).
REFORM = date(2025, 7, 1)


def test_a_days_graph_holds_the_units_of_that_day_from_their_first_day() -> None:
    t = hanoi_territory()
    on_reform = t.graph(on=REFORM)
    assert "00070@2025-07-01" in on_reform
    assert "00061" not in on_reform
    day_before = t.graph(on=date(2025, 6, 30))
    assert "00061" in day_before
    assert "00070@2025-07-01" not in day_before
    # the links of the day too: the new ward sits in Hanoi from its first day
    assert any(t.graph(on=REFORM).has_edge(p, "00070@2025-07-01") for p in ("01",))


def test_an_unknown_id_suggests_the_ids_with_its_code() -> None:
    with pytest.raises(NotFound) as err:
        hanoi_territory().get("00061@2020-01-01")
    assert err.value.closest == ("00061",)
    assert str(err.value) == "unknown unit id '00061@2020-01-01'; closest: '00061'"


def test_predecessors_of_a_name_without_a_day_says_to_pass_on() -> None:
    with pytest.raises(NotFound) as err:
        hanoi_territory().predecessors("Phường Hàng Bạc")
    assert str(err.value) == "unknown unit 'Phường Hàng Bạc' (pass on= to resolve a name or code)"


# ---- the national data as loaded: sources, acts, notes and verification ---------------------


@cache
def _national() -> Territory:
    return vietnam_territory()


def _succession(pred: str, effective: date) -> Succession:
    (s,) = [
        s for s in _national().successions if pred in s.predecessors and s.effective == effective
    ]
    return s


def test_a_succession_under_two_acts_cites_each_then_the_statistics_office() -> None:
    """Thừa Thiên Huế's units rearranged on 2025-01-01 under Resolution 1314/NQ-UBTVQH15 and
    Resolution 175/2024/QH15 (the city of Huế), as the statistics office's lists name them."""
    s = _succession("19819", date(2025, 1, 1))
    assert s.act == "1314/NQ-UBTVQH15; 175/2024/QH15"
    assert (s.predecessors, s.successors) == (("19819", "19849"), ("19819@2025-01-01",))
    first, second, gso = s.sources
    assert first.startswith("1314/NQ-UBTVQH15: Nghị quyết về việc sắp xếp đơn vị hành chính")
    assert second.startswith("175/2024/QH15: Về việc thành lập thành phố Huế")
    assert gso.startswith("the statistics office's (Tổng cục Thống kê) dated lists")


def test_a_province_merger_keeps_its_note_and_verification() -> None:
    s = _succession("02", date(2025, 7, 1))  # Hà Giang merged into Tuyên Quang
    assert s.predecessors == ("02", "08")
    assert s.note == "provinces merged (Resolution 202/2025/QH15)"
    assert s.verified is True
    assert _succession("00688", date(2025, 7, 1)).verified is False


def test_units_cite_the_statistics_office_up_to_the_snapshot_day() -> None:
    """A version that ended by 2025-06-30 is the statistics office's alone; one that lasts
    past it is also the unit package's (``meta["sources"]["gso"]``)."""
    gso = _national().meta["sources"]["gso"]  # type: ignore[index]
    assert _national().get("46").sources == (gso,)  # Thừa Thiên Huế, until 2025-01-01
    lasting = _national().get("04")  # Cao Bằng, unchanged
    assert lasting.sources[0] == gso
    assert len(lasting.sources) == 2


NOT_A_DATE = "not a date in the form YYYY-MM-DD"


@pytest.mark.parametrize(
    ("file", "row", "problem"),
    [
        (
            "units",
            ["02", "02", "Tỉnh Hà Giang", "PROVINCE", None, "2020-13-01", None],
            f"vietnam/units.jsonl.gz:2: {NOT_A_DATE} (value: '2020-13-01')",
        ),
        (
            "units",
            ["02", "02", "Tỉnh Hà Giang", "PROVINCE", None, None, "2025-02-30"],
            f"vietnam/units.jsonl.gz:2: {NOT_A_DATE} (value: '2025-02-30')",
        ),
        (
            "units",
            ["02", "02", "Tỉnh Hà Giang", "PROVINCE", [["01", "2020-1-1", None]], None, None],
            f"vietnam/units.jsonl.gz:2: {NOT_A_DATE} (value: '2020-1-1')",
        ),
        (
            "units",
            ["02", "02", "Tỉnh Hà Giang", "PROVINCE", [["01", None, "x"]], None, None],
            f"vietnam/units.jsonl.gz:2: {NOT_A_DATE} (value: 'x')",
        ),
        (
            "units",
            ["02", "02", "Tỉnh Hà Giang", "NO_SUCH_KIND", None, None, None],
            "'NO_SUCH_KIND'",
        ),
        (
            "successions",
            ["2025-13-01", "a", "merge", ["02"], ["08"], "08", True, None],
            f"vietnam/successions.jsonl.gz:2: {NOT_A_DATE} (value: '2025-13-01')",
        ),
    ],
)
def test_a_malformed_national_row_names_its_file_and_line(
    monkeypatch: pytest.MonkeyPatch, file: str, row: list[object], problem: str
) -> None:
    real = _load._gz_rows
    units = real((resources.files("papi") / "data" / "vietnam" / "units.jsonl.gz").read_bytes())

    def rows(raw: bytes) -> list[list[Any]]:
        out = real(raw)
        if (file == "units") == (out[0][0] == units[0][0]):
            return [out[0], row]
        return out[:1]

    monkeypatch.setattr(_load, "_gz_rows", rows)
    with pytest.raises(InvalidData) as err:
        _load._national_records(_national().meta)
    assert err.value.path == f"vietnam/{file}.jsonl.gz:2"
    assert str(err.value) == f"vietnam/{file}.jsonl.gz:2: malformed row: {problem}"


def test_the_days_each_territory_vouches_for() -> None:
    """Hanoi's own data from 2020-03-01; the whole country, through the statistics office's
    lists, from 2020-01-01 (``meta["coverage"]``); neither has an end."""
    assert (hanoi_territory().coverage.valid_from, hanoi_territory().coverage.valid_to) == (
        date(2020, 3, 1),
        None,
    )
    assert (_national().coverage.valid_from, _national().coverage.valid_to) == (
        date(2020, 1, 1),
        None,
    )
    assert _national().coverage_of("Tỉnh Cao Bằng", on="2026-03-01").valid_from == date(2020, 1, 1)


def test_hanoi_in_the_national_data_keeps_the_primary_successor() -> None:
    """Phường Hàng Bạc (00061) into Phường Hoàn Kiếm on 2025-07-01 (1656/NQ-UBTVQH15), its
    ids reconciled with Hanoi's own data; a division into several has no primary."""
    s = _succession("00061", date(2025, 7, 1))
    assert (s.successors, s.primary, s.act) == (
        ("00070@2025-07-01",),
        "00070@2025-07-01",
        "1656/NQ-UBTVQH15",
    )
    assert _succession("024", date(2025, 7, 1)).primary is None


HANOI_LINE = (
    '{"id": "01", "code": "01", "name": "Thành phố Hà Nội", "name_en": "Hanoi", '
    '"kind": "CENTRAL_CITY", "valid_from": null, "valid_to": null, "parent": null, '
    '"sources": ["S3"]}\n'
)


def test_load_territory_reads_coverage_and_sources_from_meta() -> None:
    meta = {
        "coverage": {"valid_from": "2020-03-01", "valid_to": "2030-01-01"},
        "sources": {"S3": "vietnamadminunits"},
    }
    t = load_territory(HANOI_LINE, "", meta)
    assert (t.coverage.valid_from, t.coverage.valid_to) == (date(2020, 3, 1), date(2030, 1, 1))
    hn = t.get("01")
    assert (hn.name_en, hn.sources) == ("Hanoi", ("vietnamadminunits",))
    bare = load_territory(HANOI_LINE, "")  # no meta: no bounds, sources as written
    assert (bare.coverage.valid_from, bare.coverage.valid_to) == (None, None)
    assert bare.get("01").sources == ("S3",)


def test_load_territory_names_a_line_that_is_not_an_object() -> None:
    with pytest.raises(InvalidData) as err:
        load_territory(HANOI_LINE + "[1]\n", "")
    assert str(err.value) == "units.jsonl:2: each line must be a JSON object"


# ---- Territory.build refuses bad records, each problem with its path and value -------------

HN = Unit(id="01", code="01", name="Thành phố Hà Nội", kind=UnitKind.CENTRAL_CITY)
WARD = Unit(id="00070", code="00070", name="Phường Hoàn Kiếm", kind=UnitKind.WARD)
IN_HN = Containment(parent="01", child="00070")
ENDED = Unit(
    id="00061",
    code="00061",
    name="Phường Hàng Bạc",
    kind=UnitKind.WARD,
    validity=Validity(valid_to=date(2025, 7, 1)),
)


def _build_problems(*args: Any, **kw: Any) -> list[str]:
    with pytest.raises(InvalidData) as err:
        Territory.build(*args, **kw)
    assert str(err.value).startswith("territory data is invalid")
    return [str(p) for p in err.value.problems]


def test_build_names_each_bad_record() -> None:
    assert _build_problems([HN, HN], []) == ["units[1]: id: duplicate unit id (value: '01')"]
    assert _build_problems([HN, WARD], [IN_HN], regional_coverage={"00070": Validity()}) == [
        "regional_coverage: not the id of a top-level unit (value: '00070')"
    ]
    assert _build_problems([HN], [], regional_coverage={"01": "2020"}) == [
        "regional_coverage.01: not a Validity (value: '2020')"
    ]
    assert _build_problems([HN, WARD], [IN_HN], unverified={"00070": ()}) == [
        "unverified: not the id of a top-level unit (value: '00070')"
    ]
    assert _build_problems(
        [HN, ENDED], [Containment(parent="01", child="00061", validity=ENDED.validity)]
    ) == [
        "unit 00061: valid_to: the unit ends without successors or an end_reason "
        "(value: '2025-07-01')"
    ]
    gone = Succession(
        predecessors=("00061",),
        successors=("00099",),
        effective=date(2025, 7, 1),
        act="x",
        kind="merge",
    )
    assert _build_problems(
        [HN, ENDED], [Containment(parent="01", child="00061", validity=ENDED.validity)], [gone]
    ) == [
        "successions[0] (x, 2025-07-01): unit: unknown unit (value: '00099')",
        "unit 00061: valid_to: the unit ends without successors or an end_reason "
        "(value: '2025-07-01')",
    ]


def test_build_names_a_unit_with_two_parents_on_the_same_days() -> None:
    other = Unit(id="02", code="02", name="Tỉnh Hà Giang", kind=UnitKind.PROVINCE)
    problems = _build_problems([HN, other, WARD], [IN_HN, Containment(parent="02", child="00070")])
    assert problems == [
        "link 02->00070: parent: 00070 has two parents on the same days: 01 and 02 (value: '02')"
    ]


def test_build_accepts_a_top_level_unit_in_regional_coverage() -> None:
    t = Territory.build(
        [HN, WARD],
        [IN_HN],
        regional_coverage={"01": Validity(valid_from=date(2020, 1, 1))},
        unverified={
            "01": ((Validity(valid_from=date(2025, 3, 2), valid_to=date(2025, 7, 1)), "why"),)
        },
    )
    assert t.coverage_of("00070", on=date(2026, 3, 1)).valid_from == date(2020, 1, 1)
    assert [u.id for u in t.children("01", on=date(2026, 3, 1))] == ["00070"]


def test_the_full_graph_carries_the_documented_days() -> None:
    """Nodes carry ``unit``; nodes and edges ``valid_from``/``valid_to``: Phường Hàng Bạc
    until 2025-07-01, then the ``succeeded_by`` edge to Phường Hoàn Kiếm from that day, a
    one-day event."""
    g = hanoi_territory().full_graph
    node = g.nodes["00061"]
    assert node["unit"].name == "Phường Hàng Bạc"
    assert (node["valid_from"], node["valid_to"]) == (None, REFORM)
    ((_, to, edge),) = [
        e for e in g.out_edges("00061", data=True) if e[2]["relation"] == "succeeded_by"
    ]
    assert to == "00070@2025-07-01"
    assert (edge["valid_from"], edge["valid_to"], edge["act"]) == (REFORM, None, "1656/NQ-UBTVQH15")
    assert edge["hi"] - edge["lo"] == 1


def test_a_unit_that_ended_without_successor_says_why() -> None:
    """Phường Sài Đồng (00142) ceased on 2025-01-01 under Resolution 1286/NQ-UBTVQH15; the
    sources do not say which unit took its territory."""
    with pytest.raises(NotFound) as err:
        hanoi_territory().unit("00142", on=date(2026, 3, 1))
    assert str(err.value).startswith(
        "unknown unit '00142' on 2026-03-01: Phường Sài Đồng, Quận Long Biên (00142) existed "
        "until 2025-01-01 and ended with no successor recorded (ceased on 2025-01-01 under "
        "Resolution 1286/NQ-UBTVQH15"
    )
    assert str(err.value).endswith(
        "; ask about a unit existing on 2026-03-01, or use a date before 2025-01-01, when it "
        "existed"
    )


def test_a_unit_asked_before_it_began_says_from_when() -> None:
    with pytest.raises(NotFound) as err:
        hanoi_territory().unit("Phường Hoàn Kiếm", on=date(2024, 3, 1))
    assert str(err.value) == (
        "unknown unit 'Phường Hoàn Kiếm' on 2024-03-01: Phường Hoàn Kiếm, Thành phố Hà Nội "
        "(00070@2025-07-01) exists only from 2025-07-01; use a date on or after 2025-07-01"
    )


def test_a_gone_unit_asked_with_its_parent_is_named_as_asked() -> None:
    with pytest.raises(NotFound) as err:
        hanoi_territory().unit("Phường Sài Đồng, Quận Long Biên", on=date(2026, 3, 1))
    assert str(err.value).startswith(
        "unknown unit 'Phường Sài Đồng, Quận Long Biên' on 2026-03-01: Phường Sài Đồng, "
        "Quận Long Biên (00142) existed until 2025-01-01"
    )


def test_a_containment_edge_carries_its_days() -> None:
    g = hanoi_territory().full_graph
    ((parent, _, edge),) = [
        e for e in g.in_edges("00070@2025-07-01", data=True) if e[2]["relation"] == "contains"
    ]
    assert parent == "01"
    assert (edge["valid_from"], edge["valid_to"]) == (REFORM, None)
