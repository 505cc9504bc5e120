"""The territory's public queries, where issue 12's mutation sample found that a change
could pass unnoticed: the first and last day of a unit in a day's graph, the closest ids
of an unknown id, the message of a name asked without a day."""

from __future__ import annotations

from datetime import date

import pytest

from papi.errors import NotFound
from papi.territory import hanoi_territory

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
